"""Checks of the handbook's content: takes a `Dataset`, gives findings for Q&A files whose id
differs from their name, quiz items with no single right answer, duplicate quiz ids,
near-duplicate questions and answers that lean on the source documents; and the coverage of
the source documents' sections."""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePosixPath

from generator.model.dataset import Dataset, Located
from generator.core.findings import Finding, Severity
from generator.checks.markdown_links import check_markdown_links
from generator.checks.originality import originality_findings
from generator.checks.sessions import check_sessions
from generator.checks.quiz_checks import quiz_findings
from generator.core.text import fold
from generator.load.yamlload import format_path

NEAR_DUPLICATE_RATIO = 0.88


def _finding(code: str, severity: Severity, at: Located, sub: tuple, message: str, hint: str | None = None) -> Finding:
    line, col = at.file.locate(at.path + sub)
    return Finding(code, severity, message, file=at.file.path, line=line, column=col,
                   path=format_path(at.path + sub) or None, hint=hint)


def check_content(ds: Dataset) -> list[Finding]:
    findings: list[Finding] = []
    for qid, at in ds.qa.items():
        stem = PurePosixPath(at.file.path).stem
        if stem != qid:
            findings.append(_finding("CONTENT-ID-MISMATCH", Severity.ERROR, at, ("id",),
                                     f"Mã câu hỏi “{qid}” khác tên tệp “{stem}.md”.",
                                     hint=f"Đặt tên tệp trùng với mã: đổi tên tệp thành “{qid}.md”, hoặc nếu mã gõ nhầm "
                                          f"thì sửa id thành “{stem}”."))
        if not at.obj.answer.strip():
            findings.append(_finding("CONTENT-EMPTY-ANSWER", Severity.ERROR, at, ("question",),
                                     "Câu hỏi chưa có câu trả lời (phần sau dòng “---” thứ hai).",
                                     hint="Viết câu trả lời bên dưới dòng “---” thứ hai của tệp."))
    for mid, at in ds.modules.items():
        stem = PurePosixPath(at.file.path).stem
        if stem != mid:
            findings.append(_finding("CONTENT-ID-MISMATCH", Severity.ERROR, at, ("id",),
                                     f"Mã chuyên đề “{mid}” khác tên tệp “{stem}.yml”.",
                                     hint=f"Đặt tên tệp trùng với mã: đổi tên tệp thành “{mid}.yml”, hoặc nếu mã gõ nhầm "
                                          f"thì sửa id thành “{stem}”."))
        seen: set[str] = set()
        for i, item in enumerate(at.obj.quiz):
            if item.id in seen:
                findings.append(_finding("CONTENT-QUIZ-DUPLICATE-ID", Severity.ERROR, at, ("quiz", i, "id"),
                                         f"Mã câu kiểm tra “{item.id}” bị trùng trong chuyên đề.",
                                         hint="Đổi mã (id) của một trong hai câu thành mã chưa dùng trong chuyên đề."))
            seen.add(item.id)
            if item.kind == "mcq":
                right = sum(1 for o in item.options if o.correct)
                if right != 1:
                    findings.append(_finding("CONTENT-MCQ-ANSWER", Severity.ERROR, at, ("quiz", i, "options"),
                                             f"Câu trắc nghiệm “{item.id}” có {right} phương án đúng; cần đúng một phương án đúng.",
                                             hint="Ghi correct: true cho đúng một phương án."))
            elif item.options:
                findings.append(_finding("CONTENT-QUIZ-SHAPE", Severity.WARNING, at, ("quiz", i, "options"),
                                         f"Câu “{item.id}” không phải trắc nghiệm nên các phương án sẽ bị bỏ qua.",
                                         hint="Ghi kind: mcq nếu đây là câu trắc nghiệm, hoặc xóa options."))
    findings += _near_duplicates(ds)
    findings += _unregistered_citations(ds)
    findings += check_markdown_links(ds)
    findings += originality_findings(ds)
    findings += check_sessions(ds)
    findings += quiz_findings(ds)
    return findings


def _texts(ds: Dataset):
    """(record, key path, text) of every free text where a document may be cited."""
    for at in ds.qa.values():
        yield at, ("question",), at.obj.question + "\n" + at.obj.answer
    for at in ds.modules.values():
        m = at.obj
        yield at, ("handout",), m.handout
        yield at, ("trainer_notes",), m.trainer_notes
        for i, a in enumerate(m.activities):
            yield at, ("activities", i, "instructions"), a.instructions
        for i, q in enumerate(m.quiz):
            yield at, ("quiz", i, "explanation"), q.question + "\n" + q.explanation
    for at in ds.models.values():
        yield at, ("story",), (at.obj.story or "") + "\n" + at.obj.summary
    for at in ds.terms:
        yield at, ("definition",), at.obj.definition
    for at in ds.assignments.values():
        for i, act in enumerate(at.obj.activities):
            yield at, ("activities", i, "content"), act.content


def _unregistered_citations(ds: Dataset) -> list[Finding]:
    from generator.model.citations import Registry, find_mentions

    registry = Registry(at.obj for at in ds.documents.values())
    findings = []
    for at, sub, text in _texts(ds):
        seen = set()
        for mention in find_mentions(text):
            if mention.number in seen or registry.resolve(mention):
                continue
            seen.add(mention.number)
            findings.append(_finding("CITE-UNREGISTERED", Severity.WARNING, at, sub,
                                     f"Văn bản “{mention.number}” được nhắc đến nhưng chưa có trong sổ văn bản nên không tạo được liên kết.",
                                     hint="Thêm văn bản vào data/documents.yml (số, loại, cơ quan ban hành, ngày, trích yếu), hoặc sửa số cho đúng."))
    return findings


def _near_duplicates(ds: Dataset) -> list[Finding]:
    findings = []
    items = sorted(ds.qa.items())
    folded = [(qid, at, fold(at.obj.question)) for qid, at in items]
    for i, (qid, at, text) in enumerate(folded):
        for other_id, other, other_text in folded[:i]:
            matcher = difflib.SequenceMatcher(None, text, other_text, autojunk=False)
            if matcher.quick_ratio() < NEAR_DUPLICATE_RATIO:
                continue
            if matcher.ratio() >= NEAR_DUPLICATE_RATIO:
                findings.append(_finding(
                    "CONTENT-NEAR-DUPLICATE", Severity.WARNING, at, ("question",),
                    f"Câu hỏi gần giống câu “{other_id}” ({other.file.path}).",
                    hint="Gộp hai câu, hoặc viết lại để mỗi câu hỏi một ý riêng.",
                ))
    return findings


@dataclass
class SectionCoverage:
    doc: str
    section: str
    title: str
    cited_by: list[str]


def coverage(ds: Dataset) -> list[SectionCoverage]:
    """Every section of every document that declares sections, with the items citing it."""
    cited: dict[tuple[str, str], list[str]] = defaultdict(list)
    for qid, at in ds.qa.items():
        for c in at.obj.sources:
            cited[(c.doc, c.section)].append(qid)
    for mid, at in ds.modules.items():
        module = at.obj
        for c in module.sources:
            cited[(c.doc, c.section)].append(mid)
        for q in module.quiz:
            cited[(q.source.doc, q.source.section)].append(f"{mid}#{q.id}")
    rows = []
    for did, at in ds.documents.items():
        for section in at.obj.sections:
            users = sorted(set(cited.get((did, section.id), [])))
            rows.append(SectionCoverage(did, section.id, section.title, users))
    return rows
