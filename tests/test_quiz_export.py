"""Quiz exports (Moodle XML and GIFT) on the repository's real training modules."""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.checks.check import check_project
from generator.produce.quiz_export import gift, gift_escape, moodle_xml, parse_gift, write_quiz_exports
from generator.schema.common import Citation
from generator.schema.content import Option, QuizItem

ROOT = Path(__file__).resolve().parents[1]
MOODLE_TYPES = {"mcq": "multichoice", "true_false": "truefalse", "short_answer": "shortanswer"}
GIFT_KINDS = MOODLE_TYPES


@pytest.fixture(scope="module")
def dataset():
    ds, _report = check_project(ROOT)
    assert ds.modules, "no training module found in content/modules"
    return ds


def modules(ds):
    return [ds.modules[mid].obj for mid in sorted(ds.modules)]


def _html_text(element) -> str:
    """The plain text of an HTML-format <text>: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", element.findtext("text") or ""))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- Moodle XML -------------------------------------------------------------------------

def test_moodle_xml_every_module(dataset):
    for module in modules(dataset):
        data = moodle_xml(module, dataset.documents)
        assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
        root = ET.fromstring(data)  # well formed
        assert root.tag == "quiz"
        questions = root.findall("question")

        categories = [q for q in questions if q.get("type") == "category"]
        assert len(categories) == 1 and questions[0] is categories[0]
        assert categories[0].findtext("category/text") == f"$course$/top/Sổ tay dân vận/{module.title}"

        items = questions[1:]
        assert len(items) == len(module.quiz)
        types = {q.get("type") for q in items}
        assert types == {"multichoice", "truefalse", "shortanswer"}, module.id

        for q, item in zip(items, module.quiz):
            assert q.get("type") == MOODLE_TYPES[item.kind]
            assert q.findtext("name/text") == f"{module.id} {item.id}"
            assert q.find("questiontext").get("format") == "html"
            assert _html_text(q.find("questiontext")) == item.question
            assert q.find("generalfeedback").get("format") == "html"
            feedback = _html_text(q.find("generalfeedback"))
            assert item.explanation.split("\n")[0].strip() in feedback
            assert "Căn cứ: " in feedback
            doc = dataset.documents[item.source.doc].obj
            assert (doc.short_name or doc.number or doc.title) in feedback
            if item.source.section:
                assert f"mục {item.source.section}" in feedback
            assert q.findtext("defaultgrade") == "1"
            assert q.findtext("hidden") == "0"
            answers = q.findall("answer")
            for answer in answers:
                assert answer.find("feedback/text") is not None

            if item.kind == "mcq":
                assert q.findtext("penalty") == "0.3333333"
                assert q.findtext("single") == "true"
                assert q.findtext("shuffleanswers") == "true"
                assert q.findtext("answernumbering") == "ABCD"
                assert [html.unescape(a.findtext("text")) for a in answers] == [o.text for o in item.options]
                right = [a for a in answers if a.get("fraction") == "100"]
                assert len(right) == 1
                assert all(a.get("fraction") == "0" for a in answers if a not in right)
                marked = [o.text for o in item.options if o.correct]
                assert marked == [html.unescape(right[0].findtext("text"))]
            elif item.kind == "true_false":
                assert q.findtext("penalty") == "1"
                assert sorted(a.findtext("text") for a in answers) == ["false", "true"]
                right = [a.findtext("text") for a in answers if a.get("fraction") == "100"]
                assert right == ["true" if item.answer else "false"]
                assert [a.get("fraction") for a in answers].count("0") == 1
            else:
                assert q.findtext("penalty") == "0.1"
                assert q.findtext("usecase") == "0"
                assert all(a.get("fraction") == "100" for a in answers)
                texts = [a.findtext("text").replace("\\*", "*") for a in answers]
                assert texts == list(item.answer)


def test_moodle_xml_keeps_vietnamese(dataset):
    module = dataset.modules["cd2-to-dan-van-cong-dong"].obj
    text = moodle_xml(module, dataset.documents).decode("utf-8")
    assert "Tổ Dân vận" in text
    assert unicodedata.normalize("NFC", "Tổ Dân vận") == "Tổ Dân vận"
    assert "&#" not in text  # no numeric character references: the text is plain UTF-8
    for module in modules(dataset):
        root = ET.fromstring(moodle_xml(module, dataset.documents))
        for element in root.iter("text"):
            value = element.text or ""
            assert _nfc(value) == value
        assert module.title in root.findtext("question/category/text")


# --- GIFT -------------------------------------------------------------------------------

def test_gift_round_trip_every_module(dataset):
    for module in modules(dataset):
        text = gift(module, dataset.documents)
        assert text.startswith(f"$CATEGORY: $course$/top/Sổ tay dân vận/{module.title}\n\n")
        assert "\n\n\n" not in text
        parsed = parse_gift(text)
        assert len(parsed) == len(module.quiz)
        assert {p["kind"] for p in parsed} == {"multichoice", "truefalse", "shortanswer"}
        for entry, item in zip(parsed, module.quiz):
            assert entry["category"] == f"$course$/top/Sổ tay dân vận/{module.title}"
            assert entry["name"] == f"{module.id} {item.id}"
            assert entry["question"] == item.question
            assert entry["kind"] == GIFT_KINDS[item.kind]
            assert entry["general_feedback"].startswith(item.explanation.strip())
            assert "Căn cứ: " in entry["general_feedback"]
            got = [(a["text"], a["correct"]) for a in entry["answers"]]
            if item.kind == "mcq":
                assert got == [(o.text, o.correct) for o in item.options]
            elif item.kind == "true_false":
                assert entry["answer"] is item.answer
                assert got == [("true", item.answer), ("false", not item.answer)]
            else:
                assert got == [(a, True) for a in item.answer]


NASTY = "Câu ~hỏi~ = \"khó\" #1 {ngoặc} : a\\b, thôn Đồng Tâm – “Dân vận khéo”?"


def _nasty_module():
    source = Citation(doc="de-an-to-dvcd-bac-giang", section="P2.III.2")
    quiz = [
        QuizItem(id="q1", kind="mcq", question=NASTY,
                 options=[Option(text="Đúng = ~sai~ #{x}: \\", correct=True), Option(text="Sai: {y} # z")],
                 explanation="Giải thích: a=b, c~d, #e {f} \\g.", source=source),
        QuizItem(id="q2", kind="true_false", question="Đúng hay sai: 1 + 1 = 2 {toán} #chắc\\chắn?",
                 answer=True, explanation="Vì: ~ = # { } \\ đều thoát được.", source=source),
        QuizItem(id="q3", kind="short_answer", question="Viết: {a} = ?", answer=["a=b", "c:d", "x\\y {z}", "3*4 ~ 12#"],
                 explanation="Đáp án: nhiều cách.", source=source),
    ]
    return SimpleNamespace(id="cd9-thu-nghiem", title="Thử nghiệm: ký tự ~ = # { } / đặc biệt", quiz=quiz)


def test_gift_escapes_and_round_trips_nasty_text(dataset):
    module = _nasty_module()
    text = gift(module, dataset.documents)
    assert gift_escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert "{ngoặc}" not in text and "\\{ngoặc\\}" in text
    assert "a\\\\b" in text  # the backslash itself is escaped
    parsed = parse_gift(text)
    assert [p["name"] for p in parsed] == ["cd9-thu-nghiem q1", "cd9-thu-nghiem q2", "cd9-thu-nghiem q3"]
    assert parsed[0]["question"] == NASTY
    assert parsed[0]["kind"] == "multichoice"
    assert [(a["text"], a["correct"]) for a in parsed[0]["answers"]] == [
        ("Đúng = ~sai~ #{x}: \\", True), ("Sai: {y} # z", False)]
    assert parsed[0]["general_feedback"].startswith("Giải thích: a=b, c~d, #e {f} \\g.")
    assert parsed[1]["kind"] == "truefalse" and parsed[1]["answer"] is True
    assert parsed[1]["question"] == "Đúng hay sai: 1 + 1 = 2 {toán} #chắc\\chắn?"
    assert parsed[1]["general_feedback"].startswith("Vì: ~ = # { } \\ đều thoát được.")
    assert parsed[2]["kind"] == "shortanswer"
    assert [a["text"] for a in parsed[2]["answers"]] == ["a=b", "c:d", "x\\y {z}", "3*4 ~ 12#"]
    assert all(a["correct"] for a in parsed[2]["answers"])
    # The Moodle XML of the same module stays well formed and keeps the text.
    root = ET.fromstring(moodle_xml(module, dataset.documents))
    assert _html_text(root.findall("question")[1].find("questiontext")) == NASTY
    assert root.findtext("question/category/text") == "$course$/top/Sổ tay dân vận/Thử nghiệm: ký tự ~ = # { } // đặc biệt"
    short = root.findall("question")[3]
    assert [a.findtext("text") for a in short.findall("answer")] == ["a=b", "c:d", "x\\y {z}", "3\\*4 ~ 12#"]


def test_parse_gift_reads_feedback_and_comments():
    text = ("// chú thích\n$CATEGORY: $course$/top/X\n\n"
            "::n1:: Câu\\: một? {=Có#Đúng rồi ~Không#Sai\\# rồi ####Chung}\n\n"
            "::n2:: Hai? {F#sai####chung}\n")
    first, second = parse_gift(text)
    assert first["category"] == "$course$/top/X"
    assert first["question"] == "Câu: một?"
    assert first["answers"] == [{"text": "Có", "correct": True, "feedback": "Đúng rồi"},
                                {"text": "Không", "correct": False, "feedback": "Sai# rồi"}]
    assert first["general_feedback"] == "Chung"
    assert second["kind"] == "truefalse" and second["answer"] is False
    assert second["general_feedback"] == "chung"


# --- Determinism and files --------------------------------------------------------------

def test_output_is_deterministic(dataset):
    again, _ = check_project(ROOT)
    for module in modules(dataset):
        other = again.modules[module.id].obj
        assert moodle_xml(module, dataset.documents) == moodle_xml(module, dataset.documents)
        assert moodle_xml(module, dataset.documents) == moodle_xml(other, again.documents)
        assert gift(module, dataset.documents).encode() == gift(other, again.documents).encode()


def test_write_quiz_exports(dataset, tmp_path):
    paths = write_quiz_exports(dataset, tmp_path / "quiz")
    expected = sorted(f"{mid}.{ext}" for mid in dataset.modules for ext in ("moodle.xml", "gift.txt"))
    assert sorted(p.name for p in paths) == expected
    assert sorted(p.name for p in (tmp_path / "quiz").iterdir()) == expected
    first = {p.name: p.read_bytes() for p in paths}
    for path in paths:
        if path.name.endswith(".moodle.xml"):
            ET.fromstring(path.read_bytes())
        else:
            assert parse_gift(path.read_text(encoding="utf-8"))
    write_quiz_exports(dataset, tmp_path / "quiz")
    assert {p.name: p.read_bytes() for p in paths} == first
