"""The content is current after the 2025 reform (issue #15, Build item 1): every paragraph of
the content that names a district or a district body (huyện, huyện ủy, thành ủy, thị xã, cấp
huyện …) also carries a reform marker — the date 01/7/2025, "hai cấp", "trước" in the sense of
"before the reform", "cũ" (a former place), or a link to the topic chinh-quyen-hai-cap — and a
Q&A answer that speaks of a district *duty* (not only of a place such as "huyện Thanh Miện")
lists one of that topic's answers in `related:`, so the reader can see who does it now.

Scanned: Q&A questions and answers (the topic chinh-quyen-hai-cap is itself the marker), the
training modules' objectives, handouts, trainer notes, timetables, activities, case studies,
materials and quizzes, the glossary and the topics. A paragraph is a block of Markdown between
blank lines (a list without blank lines is one paragraph); a module objective, a timetable
step, a quiz item (question, options, explanation), a glossary entry and a topic are one
paragraph each."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.core.findings import Report
from generator.core.text import nfc
from generator.model.dataset import Dataset, load_project

ROOT = Path(__file__).resolve().parents[1]
REFORM_TOPIC = "chinh-quyen-hai-cap"
MODULE_FIELDS = ("objectives", "handout", "trainer_notes")

# A district or a district body. `(?<!\w)` keeps "chuyện" out of "huyện".
DISTRICT = re.compile(r"(?<!\w)(?:huyện|thị xã|thành ủy)(?!\w)", re.IGNORECASE)
# A district named as a place ("huyện Thanh Miện", "Huyện Cẩm Giàng"): history, not a duty.
TOWN = re.compile(r"(?<!\w)thị trấn(?!\w)", re.IGNORECASE)
PAST_YEAR = re.compile(r"(?<!\d)(?:19\d\d|20(?:[01]\d|2[0-4]))(?!\d)")
PLACE = re.compile(r"(?<!\w)(?:huyện|thị xã)\s+(\w)", re.IGNORECASE)
# What tells the reader the text speaks of the time before 01/7/2025 or of the two-level
# government now. "trước" alone ("trước ngày 15/6") is a deadline, not a marker.
MARKER = re.compile(
    r"0?1/7/2025|0?1/07/2025|1 tháng 7 năm 2025|hai cấp"
    r"|trước (?:ngày 0?1/7/2025|năm 2025|(?:đợt |khi |lúc )?sắp xếp|đây|kia|khi bỏ cấp huyện)"
    r"|(?<!\w)cũ(?!\w)"
    r"|khi còn cấp huyện|không còn (?:cấp )?huyện"
    r"|" + REFORM_TOPIC,
    re.IGNORECASE,
)


def paragraphs(text: str | None) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", nfc(text or "")) if p.strip()]


def names_district(text: str) -> bool:
    return bool(DISTRICT.search(text))


def names_town(text: str) -> bool:
    """A town (thị trấn): a commune-level unit the reform abolished. Naming one needs a marker
    too ("xã, phường, thị trấn" read in the present tense is out of date), but it is no district
    duty: "cấp xã" or "xã, phường, đặc khu" is what the text says now."""
    return bool(TOWN.search(text))


def names_district_duty(text: str) -> bool:
    """A district mention other than a place name: a body (huyện ủy), a level (cấp huyện), "các huyện"."""
    for m in DISTRICT.finditer(text):
        place = PLACE.match(text, m.start())
        if not (place and place.group(1).isupper()):
            return True
    return False


def unmarked(text: str) -> bool:
    if MARKER.search(text):
        return False
    # A town in a text dated before 2025 ("năm 2016", "quý I/2023") is history as written.
    return names_district(text) or (names_town(text) and not PAST_YEAR.search(text))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:159] + "…"


def _session_texts(module) -> list[tuple[str, str]]:
    """The rest of a module, paragraph by paragraph: the timetable, activities, case studies,
    materials; a quiz item is one unit (its question, options and explanation together)."""
    texts = [(f"outline[{i}]", nfc(f"{step.title}. {step.method or ''}")) for i, step in enumerate(module.outline, 1)]
    for i, activity in enumerate(module.activities, 1):
        texts += [(f"activities[{i}]", p) for p in [nfc(activity.title)] + paragraphs(activity.instructions)]
    for i, case in enumerate(module.case_studies, 1):
        texts += [(f"case_studies[{i}]", p) for p in paragraphs(case.prompt)]
    for material in module.materials:
        texts += [(f"materials[{material.id}]", p) for p in [nfc(material.title)] + paragraphs(material.body)]
    for item in module.quiz:
        whole = " ".join([item.question, *(o.text for o in item.options), item.explanation])
        texts.append((f"quiz[{item.id}]", nfc(whole)))
    return texts


def reform_problems(ds: Dataset) -> list[tuple[str, str]]:
    """(where, what) for every paragraph naming a district without a reform marker, and every
    answer on a district duty that links to no answer of the topic chinh-quyen-hai-cap."""
    problems: list[tuple[str, str]] = []
    reform_answers = {qid for qid, at in ds.qa.items() if at.obj.topic == REFORM_TOPIC}
    for qid, at in sorted(ds.qa.items()):
        item = at.obj
        if item.topic == REFORM_TOPIC:
            continue
        where = at.file.path
        for par in [item.question] + paragraphs(item.answer):
            if unmarked(par):
                problems.append((where, _short(par)))
        text = item.question + "\n" + item.answer
        if names_district_duty(text) and not (set(item.related) & reform_answers or REFORM_TOPIC in item.answer):
            problems.append((where, "nói về việc của cấp huyện mà không liên kết câu nào của chủ đề chinh-quyen-hai-cap"))
    for mid, at in sorted(ds.modules.items()):
        module = at.obj
        for name in MODULE_FIELDS:
            value = getattr(module, name)
            pars = [nfc(v) for v in value] if isinstance(value, list) else paragraphs(value)
            problems += [(f"{at.file.path}:{name}", _short(p)) for p in pars if unmarked(p)]
        problems += [(f"{at.file.path}:{where}", _short(p)) for where, p in _session_texts(module) if unmarked(p)]
    for at in ds.terms:
        text = f"{at.obj.term}: {at.obj.definition or ''}"
        if unmarked(text):
            problems.append((f"{at.file.path}:{at.obj.term}", _short(text)))
    for tid, at in sorted(ds.topics.items()):
        text = f"{at.obj.title}: {at.obj.description or ''}"
        if unmarked(text):
            problems.append((f"{at.file.path}:{tid}", _short(text)))
    return problems


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_project(ROOT, Report())


def test_every_district_mention_in_the_content_is_current(dataset):
    assert reform_problems(dataset) == []


def test_the_scan_sees_the_content_it_should(dataset):
    """Not vacuous: the content does name districts (as history, with markers), and the
    answers on district duties link to the reform topic."""
    mentions = [qid for qid, at in dataset.qa.items()
                if at.obj.topic != REFORM_TOPIC and names_district(at.obj.question + at.obj.answer)]
    assert len(mentions) >= 15
    handouts = [mid for mid, at in dataset.modules.items() if names_district(at.obj.handout)]
    assert len(handouts) >= 3


def test_the_rules_of_the_scan():
    assert names_district("Huyện ủy chỉ đạo xã") and names_district("ở cấp huyện")
    assert not names_district("chuyện trong dân, kể chuyện")
    assert names_district_duty("mỗi huyện, thành phố có một Khối làm điểm")
    assert not names_district_duty("Tổ dân vận huyện Thanh Miện (Hải Dương)")
    assert unmarked("Đảng ủy xã báo cáo huyện ủy trước ngày 15/6.")  # a deadline is not a marker
    assert not unmarked("Trước ngày 01/7/2025, đảng ủy xã báo cáo huyện ủy trước ngày 15/6.")
    assert not unmarked("Từ 1/7/2025 không còn cấp huyện.")
    assert not unmarked("xã Cẩm Sơn, huyện Cẩm Giàng (tỉnh Hải Dương cũ, nay thuộc thành phố Hải Phòng)")
    assert not unmarked("việc của huyện nay theo chính quyền hai cấp do tỉnh quyết định")
    assert not unmarked("Nói chuyện cũ với bà con")  # no district: nothing to mark
    assert unmarked("Đảng ủy xã, phường, thị trấn ra quyết định thành lập Tổ.")  # a town, read as today
    assert not unmarked("Đảng ủy cấp xã (xã, phường, đặc khu) ra quyết định thành lập Tổ.")
    assert not unmarked("106/108 xã, phường, thị trấn (trước khi sắp xếp) có trưởng khối là Phó Bí thư.")
    assert not unmarked("Năm 2016, 36 Khối xã, phường, thị trấn được khen thưởng.")  # dated history
    assert unmarked("Năm 2016 huyện ủy khen 36 Khối.")  # a district duty needs the reform marker all the same
    assert not names_district_duty("Đảng ủy xã, phường, thị trấn")  # commune level, not a district


CRAFTED_DUTY = """---
id: cau-huyen
question: Ai tổng hợp báo cáo về Tổ gửi tỉnh?
topic: chu-de
audiences: [to_truong]
sources:
  - {doc: de-an-to-dvcd-bac-giang, section: P2.III.2}
---
Đảng ủy xã báo cáo Ban Thường vụ huyện ủy; huyện ủy tổng hợp gửi Ban Dân vận Tỉnh ủy trước ngày 15/6.
"""

CRAFTED_CURRENT = """---
id: cau-huyen
question: Ai tổng hợp báo cáo về Tổ gửi tỉnh?
topic: chu-de
audiences: [to_truong]
sources:
  - {doc: de-an-to-dvcd-bac-giang, section: P2.III.2}
related: [cau-hai-cap]
---
Trước ngày 01/7/2025, đảng ủy xã báo cáo huyện ủy; từ ngày đó không còn cấp huyện, đảng ủy xã báo cáo thẳng lên tỉnh.
"""

REFORM_ANSWER = """---
id: cau-hai-cap
question: Từ 1/7/2025 việc của huyện do ai làm?
topic: chinh-quyen-hai-cap
audiences: [to_truong]
sources:
  - {doc: de-an-to-dvcd-bac-giang, section: P2.III.2}
---
Mỗi huyện từng giữ nhiều việc; nay tỉnh quyết định.
"""


def _crafted(project: Path, answer: str) -> Dataset:
    (project / "content" / "topics.yml").write_text(
        "topics:\n  - {id: chu-de, title: Chủ đề mẫu}\n  - {id: chinh-quyen-hai-cap, title: Hai cấp}\n", encoding="utf-8")
    (project / "content" / "qa" / "chinh-quyen-hai-cap").mkdir()
    (project / "content" / "qa" / "chinh-quyen-hai-cap" / "cau-hai-cap.md").write_text(REFORM_ANSWER, encoding="utf-8")
    (project / "content" / "qa" / "chu-de" / "cau-huyen.md").write_text(answer, encoding="utf-8")
    report = Report()
    ds = load_project(project, report)
    assert "cau-huyen" in ds.qa and "cau-hai-cap" in ds.qa
    return ds


def test_a_crafted_answer_on_a_district_duty_without_a_marker_fails(base_project):
    problems = reform_problems(_crafted(base_project, CRAFTED_DUTY))
    where = {w for w, _ in problems}
    assert where == {"content/qa/chu-de/cau-huyen.md"}
    assert any("huyện ủy" in what for _, what in problems)  # the paragraph without a marker
    assert any("chinh-quyen-hai-cap" in what for _, what in problems)  # and no link to the topic


def test_the_same_answer_marked_and_linked_passes(base_project):
    assert reform_problems(_crafted(base_project, CRAFTED_CURRENT)) == []


def test_a_marker_without_the_link_still_fails(base_project):
    answer = CRAFTED_CURRENT.replace("related: [cau-hai-cap]\n", "")
    problems = reform_problems(_crafted(base_project, answer))
    assert [what for _, what in problems] == [
        "nói về việc của cấp huyện mà không liên kết câu nào của chủ đề chinh-quyen-hai-cap"]
