"""The handbook's content: enough of it, every source section cited, the key figures under
the right clause, no copied sentences, and the content checks at work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.checks.check import check_project
from generator.checks.content_checks import coverage
from generator.checks.originality import shared_runs, source_shingles
from generator.produce.stats import compute_stats

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SOURCE_DOCS = {"de-an-to-dvcd-bac-giang", "de-an-khoi-dvcs-bac-kan", "hd-02-bdvtu-tuyen-quang-2021",
               "bai-to-dan-van-hai-duong-2017", "cv-121-du-duc-pho-2023"}


@pytest.fixture(scope="module")
def dataset():
    ds, report = check_project(ROOT)
    assert not [f for f in report.findings if f.code.startswith("CONTENT-") or f.file and f.file.startswith("content/")]
    return ds


def test_enough_content(dataset):
    stats = compute_stats(dataset)
    assert stats["qa_items"] >= 80
    assert stats["modules"] >= 6
    assert stats["quiz_items"] >= 60
    for at in dataset.modules.values():
        assert len(at.obj.quiz) >= 10, at.obj.id
        kinds = {q.kind for q in at.obj.quiz}
        assert kinds == {"mcq", "true_false", "short_answer"}, at.obj.id


def test_every_numbered_section_of_the_five_documents_is_cited(dataset):
    rows = [r for r in coverage(dataset) if r.doc in SOURCE_DOCS]
    assert {r.doc for r in rows} == SOURCE_DOCS
    assert [f"{r.doc} {r.section}" for r in rows if not r.cited_by] == []


def test_every_topic_and_audience_has_questions(dataset):
    topics = {at.obj.topic for at in dataset.qa.values()}
    assert topics == set(dataset.topics)
    audiences = {a.value for at in dataset.qa.values() for a in at.obj.audiences}
    assert audiences == {"to_truong", "thanh_vien_to", "thanh_vien_khoi", "can_bo_phu_trach", "giang_vien"}


def _norm(text: str) -> str:
    return re.sub(r"\s*[–—-]\s*", "–", " ".join(text.split()))


# (document, section, strings that must all appear in one answer citing that section)
KEY_FIGURES = [
    ("de-an-to-dvcd-bac-giang", "P2.III.2", [r"3 (đến|–) 5", r"30 ?(đến|–) ?50"]),
    ("de-an-khoi-dvcs-bac-kan", "P2.I.1", [r"7 (đến|–) 13"]),
    ("de-an-to-dvcd-bac-giang", "P3.2", [r"15/6", r"20/11"]),
    ("hd-02-bdvtu-tuyen-quang-2021", "IV.2", [r"15/6", r"15/12", r"ngày 25"]),
    ("de-an-to-dvcd-bac-giang", "P1.I", [r"2\.128", r"18\.186"]),
    ("de-an-khoi-dvcs-bac-kan", "P2.II.3", [r"74,15 ?%"]),
    ("bai-to-dan-van-hai-duong-2017", "MH", [r"2,8 km"]),
    ("bai-to-dan-van-hai-duong-2017", "MH", [r"200,47 ha"]),
]


@pytest.mark.parametrize("doc, section, patterns", KEY_FIGURES, ids=lambda v: v if isinstance(v, str) else None)
def test_key_figures_sit_under_the_clause_they_come_from(dataset, doc, section, patterns):
    answers = [_norm(at.obj.question + " " + at.obj.answer) for at in dataset.qa.values()
               if any(c.doc == doc and c.section == section for c in at.obj.sources)]
    assert answers, f"no item cites {doc} {section}"
    assert any(all(re.search(p, text) for p in patterns) for text in answers), (doc, section, patterns)


def _module_texts(module) -> list[tuple[str, str]]:
    texts = [("handout", module.handout), ("trainer_notes", module.trainer_notes)]
    texts += [(f"objective {i}", o) for i, o in enumerate(module.objectives)]
    texts += [(f"activity {a.title}", a.instructions) for a in module.activities]
    texts += [(f"case {c.model}", c.prompt) for c in module.case_studies]
    for q in module.quiz:
        texts.append((f"quiz {q.id}", " ".join([q.question, q.explanation] + [o.text for o in q.options])))
    return texts


@pytest.mark.skipif(not SEEDS.is_dir(), reason="source documents not beside the repository")
def test_no_sentence_of_a_source_document_is_copied(dataset):
    shingles = source_shingles(sorted(SEEDS.glob("*.txt")))
    copied = []
    for qid, at in dataset.qa.items():
        runs = shared_runs(at.obj.question + "\n" + at.obj.answer, shingles)
        if runs:
            copied.append((qid, runs[0]))
    for mid, at in dataset.modules.items():
        for where, text in _module_texts(at.obj):
            runs = shared_runs(text, shingles)
            if runs:
                copied.append((f"{mid}: {where}", runs[0]))
    assert copied == []


def test_originality_check_catches_a_copied_sentence_and_allows_quotes():
    seed = ("Mỗi Tổ phân chia thành các nhóm theo địa bàn dân cư và hộ gia đình, đảm bảo mỗi nhóm có "
            "từ 3 đến 5 người, phân công 01 đồng chí là nhóm trưởng, mỗi nhóm phụ trách 30-50 hộ gia đình.")
    tmp = ROOT / "tests" / "output"
    tmp.mkdir(parents=True, exist_ok=True)
    path = tmp / "seed.txt"
    path.write_text(seed, encoding="utf-8")
    shingles = source_shingles([path])
    assert shared_runs("Theo Đề án: " + seed, shingles)
    assert not shared_runs(f"Theo Đề án: “{seed}”", shingles)
    assert not shared_runs("> " + seed, shingles)


def test_near_duplicate_questions_are_flagged(base_project):
    qa = base_project / "content" / "qa" / "chu-de"
    text = (qa / "cau-mau.md").read_text(encoding="utf-8")
    (qa / "cau-mau-2.md").write_text(text.replace("id: cau-mau", "id: cau-mau-2").replace("Mỗi nhóm có mấy người?", "Mỗi nhóm có mấy người vậy?"), encoding="utf-8")
    _, report = check_project(base_project)
    found = [(f.code, f.file) for f in report.findings if f.code != "FILE-LAYOUT"]  # the fixture is hand-laid-out
    assert found == [("CONTENT-NEAR-DUPLICATE", "content/qa/chu-de/cau-mau.md")] or \
        found == [("CONTENT-NEAR-DUPLICATE", "content/qa/chu-de/cau-mau-2.md")]


def test_a_multiple_choice_item_needs_exactly_one_right_option(base_project):
    module = base_project / "content" / "modules" / "cd-mau.yml"
    module.parent.mkdir(parents=True, exist_ok=True)  # git keeps no empty folder
    module.write_text("""id: cd-mau
title: Chuyên đề mẫu
audiences: [to_truong]
duration_minutes: 60
objectives: [Biết quy mô nhóm]
outline: [{title: Giới thiệu, minutes: 60}]
handout: Nội dung.
trainer_notes: Ghi chú.
sources: [{doc: de-an-to-dvcd-bac-giang, section: P2.III.2}]
quiz:
  - id: q1
    kind: mcq
    question: Mỗi nhóm có mấy người?
    options:
      - {text: 3 đến 5, correct: true}
      - {text: 6 đến 8, correct: true}
    explanation: Theo Đề án.
    source: {doc: de-an-to-dvcd-bac-giang, section: P2.III.2}
""", encoding="utf-8")
    _, report = check_project(base_project)
    found = [(f.code, f.file, f.line) for f in report.findings]
    assert ("CONTENT-MCQ-ANSWER", "content/modules/cd-mau.yml", 14) in found


def test_a_case_study_must_name_an_existing_model(base_project):
    module = base_project / "content" / "modules" / "cd-mau.yml"
    module.parent.mkdir(parents=True, exist_ok=True)  # git keeps no empty folder
    module.write_text("""id: cd-mau
title: Chuyên đề mẫu
audiences: [to_truong]
duration_minutes: 60
objectives: [Biết quy mô nhóm]
outline: [{title: Giới thiệu, minutes: 60}]
handout: Nội dung.
trainer_notes: Ghi chú.
case_studies:
  - {model: mh-khong-co, prompt: Phân tích.}
sources: [{doc: de-an-to-dvcd-bac-giang, section: P2.III.9}]
""", encoding="utf-8")
    _, report = check_project(base_project)
    found = {(f.code, f.line) for f in report.findings}
    assert ("REF-UNKNOWN-MODEL", 10) in found
    assert ("REF-UNKNOWN-SECTION", 11) in found
