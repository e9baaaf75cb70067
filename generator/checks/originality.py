"""Originality of the content: takes our text and the source documents, gives the share of its
words that fall in runs of 5 words shared with a source, outside marked quotations (“…”, "…",
«…» or a `>` blockquote), with the source it leans on most and where its longest copied stretch is.

Facts and figures may carry over from the sources; sentences may not. Words are Vietnamese
syllables: the text is put in NFC, lower-cased and split on everything but letters and digits.
A run never bridges a quotation or a link target: the words on either side of one are not
neighbours. The share is over the words outside quotations.

What is measured: each Q&A answer, and in each training module, each text field on its own —
the handout, the trainer notes, each activity's instructions and each material's body. A module
field of fewer than MIN_WORDS words (outside quotations) is skipped: in a few lines a shared
phrase or a document's name is already a large share, and the share says nothing about
whether the text is our own. A finding sits at the answer's copied stretch, or at the module
field's line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from generator.core.findings import Finding, Severity
from generator.core.text import nfc, percent_vi
from generator.load.yamlload import format_path
from generator.model.dataset import Dataset, Located

RUN = 5  # words in a shared run
LIMIT = 0.40  # an answer with a larger share leans on the sources too much
MIN_WORDS = 40  # a module field shorter than this is too short for a meaningful share
LONG_RUN = 20  # the old test's length: a whole copied sentence

_WORD = re.compile(r"\w+")
# Marked quotations, and Markdown link targets (the URL is not prose).
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|«[^»]*»|^[ \t]*>.*$|\]\([^)\s]*\)", re.MULTILINE)


def words(text: str) -> list[str]:
    return _WORD.findall(nfc(text).lower())


@dataclass(frozen=True)
class Token:
    word: str
    start: int  # offset in the NFC text
    segment: int  # tokens of one segment are neighbours; a quotation starts a new segment


def tokens(text: str) -> list[Token]:
    """The words of `text` outside marked quotations, each with its offset and segment."""
    text = nfc(text)
    out: list[Token] = []
    segment, pos = 0, 0
    for quoted in _QUOTED.finditer(text):
        out += [Token(m.group().lower(), m.start(), segment) for m in _WORD.finditer(text, pos, quoted.start())]
        segment, pos = segment + 1, quoted.end()
    out += [Token(m.group().lower(), m.start(), segment) for m in _WORD.finditer(text, pos)]
    return out


def strip_quotations(text: str) -> str:
    return _QUOTED.sub(" ", nfc(text))


@dataclass
class Sources:
    """The runs of RUN words of each source document, by source name."""

    names: list[str] = field(default_factory=list)
    runs: dict[tuple[str, ...], int] = field(default_factory=dict)  # run -> bit mask of names

    def add(self, name: str, text: str, run: int = RUN) -> None:
        bit = 1 << len(self.names)
        self.names.append(name)
        w = words(text)
        for i in range(len(w) - run + 1):
            key = tuple(w[i:i + run])
            self.runs[key] = self.runs.get(key, 0) | bit

    def __bool__(self) -> bool:
        return bool(self.names)


def read_sources(paths: Iterable[Path], run: int = RUN) -> Sources:
    sources = Sources()
    for path in paths:
        sources.add(path.name, path.read_text(encoding="utf-8"), run)
    return sources


@dataclass(frozen=True)
class Overlap:
    """How much of a text falls in runs shared with the sources."""

    words: int  # outside quotations
    copied: int  # of those, in a shared run
    source: str | None  # the source the copied words come from most
    longest: int  # words in the longest copied stretch
    longest_at: int  # its offset in the NFC text
    longest_text: str  # its words

    @property
    def share(self) -> float:
        return self.copied / self.words if self.words else 0.0


def overlap(text: str, sources: Sources, run: int = RUN) -> Overlap:
    toks = tokens(text)
    covered = [0] * len(toks)  # bit mask of the sources each word is shared with
    for i in range(len(toks) - run + 1):
        if toks[i].segment != toks[i + run - 1].segment:
            continue
        mask = sources.runs.get(tuple(t.word for t in toks[i:i + run]), 0)
        if mask:
            for j in range(i, i + run):
                covered[j] |= mask
    copied = sum(1 for c in covered if c)
    source = None
    if copied:
        per_source = [sum(1 for c in covered if c >> b & 1) for b in range(len(sources.names))]
        source = sources.names[max(range(len(per_source)), key=per_source.__getitem__)]
    best, best_start, i = 0, 0, 0
    while i < len(toks):
        if not covered[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and covered[j + 1] and toks[j + 1].segment == toks[i].segment:
            j += 1
        if j - i + 1 > best:
            best, best_start = j - i + 1, i
        i = j + 1
    stretch = toks[best_start:best_start + best]
    return Overlap(len(toks), copied, source, best, stretch[0].start if stretch else 0,
                   " ".join(t.word for t in stretch))


def source_shingles(paths: Iterable[Path], run: int = LONG_RUN) -> set[tuple[str, ...]]:
    """Every run of `run` words of the source documents (the test of whole copied sentences)."""
    shingles: set[tuple[str, ...]] = set()
    for path in paths:
        w = words(path.read_text(encoding="utf-8"))
        shingles.update(tuple(w[i:i + run]) for i in range(len(w) - run + 1))
    return shingles


def shared_runs(text: str, shingles: set[tuple[str, ...]], run: int = LONG_RUN) -> list[str]:
    """The runs of `run` words, outside quotations, that a text shares word for word with a source."""
    toks = tokens(text)
    return [" ".join(t.word for t in toks[i:i + run]) for i in range(len(toks) - run + 1)
            if toks[i].segment == toks[i + run - 1].segment and tuple(t.word for t in toks[i:i + run]) in shingles]


# The folders where a document's `source_file` (data/documents.yml) is looked for, relative to
# the project root: the project's own `sources/`, then the shared folder beside the repository.
SOURCE_DIRS = ("sources", "../shared/seeds")


def project_sources(ds: Dataset) -> Sources:
    """The registry's source documents whose text file is present, named by their short name."""
    sources = Sources()
    for did, at in sorted(ds.documents.items()):
        name = getattr(at.obj, "source_file", None)
        if not name or "/" in name or "\\" in name:
            continue
        for folder in SOURCE_DIRS:
            path = Path(ds.root) / folder / name
            if path.is_file():
                try:
                    text = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    break
                sources.add(at.obj.short_name or did, text)
                break
    return sources


_HINT = ("Viết lại bằng lời của mình: giữ nguyên số liệu, tên văn bản và mục trích dẫn, đổi cách diễn đạt. "
         "Câu nào cần dẫn nguyên văn thì đặt trong ngoặc kép “…” hoặc khối trích dẫn bắt đầu bằng “>”.")


def _message(what: str, ov: Overlap, limit: float, here: bool = False) -> str:
    excerpt = " ".join(ov.longest_text.split()[:12])
    return (f"{what} có {percent_vi(ov.share)} số chữ ({ov.copied}/{ov.words}) nằm trong những cụm 5 chữ "
            f"trùng nguyên văn với văn bản nguồn, nhiều nhất là “{ov.source}” (ngưỡng {percent_vi(limit)}). "
            f"Đoạn trùng dài nhất ({ov.longest} chữ){' bắt đầu ở đây' if here else ''}: “{excerpt}…”.")


def module_fields(at: Located):
    """(key path, Vietnamese name, text) of each text field of a module whose originality is measured."""
    m = at.obj
    yield ("handout",), "Tài liệu phát tay", m.handout
    yield ("trainer_notes",), "Ghi chú cho giảng viên", m.trainer_notes
    for i, a in enumerate(m.activities):
        yield ("activities", i, "instructions"), f"Hướng dẫn của hoạt động “{a.title}”", a.instructions
    for i, mat in enumerate(getattr(m, "materials", None) or []):
        yield ("materials", i, "body"), f"Nội dung của tài liệu “{mat.title}”", mat.body


def originality_findings(ds: Dataset, limit: float = LIMIT) -> list[Finding]:
    """A warning for every Q&A answer and every module field (of MIN_WORDS words or more) whose
    share of words in shared runs is above `limit`."""
    if not ds.qa and not ds.modules:
        return []
    sources = project_sources(ds)
    if not sources:
        return []
    findings = []
    for qid, at in sorted(ds.qa.items()):
        ov = overlap(at.obj.answer, sources)
        if ov.share <= limit:
            continue
        before = nfc(at.obj.answer)[:ov.longest_at]
        line = getattr(at.obj, "answer_line", 1) + before.count("\n")
        column = ov.longest_at - (before.rfind("\n") + 1) + 1
        findings.append(Finding(
            "CONTENT-ORIGINALITY", Severity.WARNING, _message("Câu trả lời", ov, limit, here=True),
            file=at.file.path, line=line, column=column, path="answer", hint=_HINT,
        ))
    for mid, at in sorted(ds.modules.items()):
        for sub, what, text in module_fields(at):
            ov = overlap(text or "", sources)
            if ov.words < MIN_WORDS or ov.share <= limit:
                continue
            line, column = at.file.locate(at.path + sub)
            findings.append(Finding(
                "CONTENT-ORIGINALITY", Severity.WARNING, _message(what, ov, limit),
                file=at.file.path, line=line, column=column, path=format_path(at.path + sub) or None, hint=_HINT,
            ))
    return findings
