"""The handbook's content: enough of it, every source section cited, the key figures under
the right clause, no copied sentences, and the content checks at work."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from generator.checks.check import check_project
from generator.checks.content_checks import coverage
from generator.checks.originality import LIMIT, Sources, overlap, project_sources, shared_runs, source_shingles
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
    assert stats["qa_items"] >= 130  # issue #15 acceptance
    assert stats["modules"] >= 6
    assert stats["quiz_items"] >= 90  # issue #15 acceptance
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


# A paragraph of the Đề án Tổ DVCĐ Bắc Giang (Phần thứ hai, mục III.2 and III.4), word for word.
SEED_PARAGRAPH = (
    "Mỗi thôn, tổ dân phố thành lập một Tổ Dân vận cộng đồng do đảng ủy cấp xã ra quyết định thành lập. "
    "Mỗi Tổ phân chia thành các nhóm theo địa bàn dân cư (*các tổ liên gia*) và hộ gia đình, đảm bảo mỗi nhóm "
    "có từ 3 đến 5 người, phân công 01 đồng chí là nhóm trưởng, mỗi nhóm phụ trách 30-50 hộ gia đình.\n"
    "Hằng tháng, Tổ trưởng tổ chức họp với các thành viên, các nhóm trưởng để đánh giá kết quả, định hướng "
    "hoạt động, báo cáo kết quả hoạt động với chi bộ và khối dân vận qua ứng dụng công nghệ thông tin "
    "(các nhóm Zalo) hoặc họp đột xuất khi cần thiết.\n")

# The paragraph copied with a few words of ours around it: far above the limit.
COPIED_ANSWER = (
    "Theo Đề án, mỗi thôn, tổ dân phố thành lập một Tổ Dân vận cộng đồng do đảng ủy cấp xã ra quyết định "
    "thành lập. Mỗi Tổ phân chia thành các nhóm theo địa bàn dân cư và hộ gia đình, đảm bảo mỗi nhóm có từ "
    "3 đến 5 người, phân công 01 đồng chí là nhóm trưởng, mỗi nhóm phụ trách 30-50 hộ gia đình.\n\n"
    "Hằng tháng, Tổ trưởng tổ chức họp với các thành viên, các nhóm trưởng để đánh giá kết quả, định hướng "
    "hoạt động. Đây là cách Tổ làm việc.\n")

# The same facts in our own words, with one clause kept as the source puts it: about 30%.
OWN_WORDS_ANSWER = (
    "Ở mỗi thôn, tổ dân phố chỉ có một Tổ Dân vận cộng đồng; quyết định lập Tổ là của đảng ủy cấp xã. "
    "Bên trong Tổ, các thành viên được chia thành nhóm gắn với từng cụm dân cư (thường là tổ liên gia). "
    "Mỗi nhóm gồm 3 đến 5 người, có một nhóm trưởng, và nhận phụ trách 30-50 hộ gia đình ở gần nhau. "
    "Chia như vậy để ai cũng biết rõ mình lo cho những hộ nào, tránh bỏ sót và tránh chồng chéo.\n\n"
    "Mỗi tháng Tổ họp một lần: Tổ trưởng tổ chức họp với các thành viên, các nhóm trưởng để xem việc "
    "đã làm, bàn việc tháng sau, rồi báo lại chi bộ và Khối Dân vận, có thể qua nhóm Zalo.\n")


def _sources(text: str = SEED_PARAGRAPH) -> Sources:
    sources = Sources()
    sources.add("Đề án Tổ DVCĐ Bắc Giang", text)
    return sources


@pytest.fixture(scope="module")
def seeds(dataset) -> Sources:
    if not SEEDS.is_dir():
        pytest.skip("source documents not beside the repository")
    sources = project_sources(dataset)
    assert len(sources.names) == 5  # every source document of the registry was found and read
    return sources


def test_no_answer_leans_on_the_sources(dataset, seeds):
    """The share of an answer's words in 5-word runs shared with a source is at most 40%."""
    shares = {qid: overlap(at.obj.answer, seeds).share for qid, at in dataset.qa.items()}
    assert {qid: round(share, 3) for qid, share in shares.items() if share > LIMIT} == {}


def test_no_sentence_of_a_source_document_is_copied(dataset):
    """Questions and the modules' texts repeat no 20-word run of a source outside quotations."""
    if not SEEDS.is_dir():
        pytest.skip("source documents not beside the repository")
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


def test_the_originality_test_fails_a_copied_answer_and_passes_own_words():
    copied = overlap(COPIED_ANSWER, _sources())
    assert copied.share > 0.8 and copied.source == "Đề án Tổ DVCĐ Bắc Giang"
    own = overlap(OWN_WORDS_ANSWER, _sources())
    assert 0.2 <= own.share <= 0.35, own.share


def test_marked_quotations_do_not_count_and_runs_do_not_bridge_them():
    sources = _sources()
    assert overlap(f"Đề án viết: “{SEED_PARAGRAPH}”", sources).copied == 0
    assert overlap(f'Đề án viết: "{SEED_PARAGRAPH.splitlines()[0]}"', sources).copied == 0
    quoted = "\n".join("> " + line for line in SEED_PARAGRAPH.splitlines())
    assert overlap(f"Đề án viết:\n\n{quoted}\n\nChúng tôi thấy rõ.", sources).copied == 0
    # "một Tổ Dân vận cộng đồng do" is a run of the source only if the quotation is skipped over
    assert overlap("Lập một Tổ “Dân vận” cộng đồng do xã quyết.", _sources("một tổ dân vận cộng đồng do")).copied == 0
    # Vietnamese words are compared after NFC and lower-casing, without punctuation
    decomposed = unicodedata.normalize("NFD", "MỖI NHÓM CÓ TỪ 3 ĐẾN 5 NGƯỜI!!")
    assert overlap(decomposed, sources).copied == 8


def _copied_answer_project(root: Path, answer: str) -> None:
    (root / "sources").mkdir()
    (root / "sources" / "de-an.txt").write_text(SEED_PARAGRAPH, encoding="utf-8")
    registry = root / "data" / "documents.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace(
        "    scope: tinh\n", "    scope: tinh\n    short_name: Đề án Tổ DVCĐ Bắc Giang\n    source_file: de-an.txt\n", 1),
        encoding="utf-8")
    qa = root / "content" / "qa" / "chu-de" / "cau-mau.md"
    front = qa.read_text(encoding="utf-8").split("---\n")[1]
    qa.write_text("---\n" + front + "---\n" + answer, encoding="utf-8")


def test_handbook_check_warns_on_a_copied_answer_with_its_share_and_line(base_project):
    _copied_answer_project(base_project, COPIED_ANSWER)
    _, report = check_project(base_project)
    found = [f for f in report.findings if f.code == "CONTENT-ORIGINALITY"]
    assert [(f.severity.value, f.file, f.line) for f in found] == [("warning", "content/qa/chu-de/cau-mau.md", 9)]  # the answer's first line
    share = re.search(r"có ([\d,]+)% số chữ", found[0].message).group(1)
    assert float(share.replace(",", ".")) > 80
    assert "Đề án Tổ DVCĐ Bắc Giang" in found[0].message and "40%" in found[0].message


def test_handbook_check_is_quiet_on_own_words(base_project):
    _copied_answer_project(base_project, OWN_WORDS_ANSWER)
    _, report = check_project(base_project)
    assert [f for f in report.findings if f.code == "CONTENT-ORIGINALITY"] == []


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
