"""The personal-data screen: what counts as a phone number, an ID number, an e-mail address
or a private name in free text (and what does not), which fields are screened, and where a
finding points. The build side (masking, the final scan) is in tests/test_pii_build.py;
one case per field kind, through `handbook check`, is in tests/broken/*-pii-*."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.checks.check import check_project
from generator.schema.freetext import iter_texts, text_fields
from generator.model.pii import MASK, Screen, find_emails, find_id_numbers, find_phones, mask
from generator.model.pii_screen import screen_for
from generator.schema.assignment import Agency, AssignmentActivity
from generator.schema.bloc import BlocMember, Dialogue
from generator.schema.content import Module, QuizItem
from generator.schema.exemplar import Exemplar
from generator.schema.team import Group, Meeting, Rating, Team, TeamActivity

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "tests" / "fixtures" / "base"

# ------------------------------------------------------------------------------ phones

PHONES = [
    ("ĐT 0912345678.", "0912345678", "0912345678"),
    ("gọi 0912 345 678 nhé", "0912 345 678", "0912345678"),
    ("0912.345.678", "0912.345.678", "0912345678"),
    ("0912-345-678", "0912-345-678", "0912345678"),
    ("091 234 5678", "091 234 5678", "0912345678"),
    ("0912 34 56 78", "0912 34 56 78", "0912345678"),
    ("+84 912 345 678", "+84 912 345 678", "0912345678"),
    ("+84912345678", "+84912345678", "0912345678"),
    ("84912345678", "84912345678", "0912345678"),
    ("(+84) 912 345 678", "(+84) 912 345 678", "0912345678"),
    ("số 0388 123 456", "0388 123 456", "0388123456"),
    ("máy bàn 0204 3854 123", "0204 3854 123", "02043854123"),
    ("(0204) 3854123", "(0204) 3854123", "02043854123"),
    ("024 3825 1234", "024 3825 1234", "02438251234"),
    ("0204.3854.123", "0204.3854.123", "02043854123"),
    ("gọi 0912 345 678 3 lần", "0912 345 678", "0912345678"),
    ("ngày 5 0912 345 678", "0912 345 678", "0912345678"),
]


@pytest.mark.parametrize("text, span, number", PHONES, ids=[p[0] for p in PHONES])
def test_phone_spellings_are_found(text, span, number):
    found = [(text[a:b], n) for a, b, n in find_phones(text)]
    assert found == [(span, number)]


def test_two_phones_in_one_run_are_two_phones():
    text = "0912 345 678 0987 654 321"
    assert [n for _, _, n in find_phones(text)] == ["0912345678", "0987654321"]


NOT_PHONES = [
    "2.000.000 đồng", "120.000.000 đồng", "121-CV/BDVTU", "Quyết định 125-QĐ/ĐU", "giai đoạn 2021 - 2025",
    "ngày 05.09.2024 12 người", "0,5 ha", "1.258.028.51.068", "c.072.427.44.74.872", "số 0123456789",
    "M0 0 640 170", "1.234.567 người", "mã 10357", "09/11/2024", "0612345678",
]


@pytest.mark.parametrize("text", NOT_PHONES)
def test_figures_dates_and_document_numbers_are_not_phones(text):
    assert list(find_phones(text)) == []


# ------------------------------------------------------------------------------ ID numbers

IDS = [
    ("CCCD 001099012345", "001099012345"),
    ("số 024187000123 cấp ngày", "024187000123"),
    ("CMND 121234567", "121234567"),
    ("số CCCD: 001 099 012 345", "001 099 012 345"),
    ("CMND số 121.234.567", "121.234.567"),
]


@pytest.mark.parametrize("text, span", IDS, ids=[i[0] for i in IDS])
def test_id_numbers_are_found(text, span):
    assert [text[a:b] for a, b in find_id_numbers(text)] == [span]


NOT_IDS = [
    "năm 2024", "120000000 đồng", "150000000 đ", "120.000.000 đồng", "121-CV/BDVTU", "mã 999999999999",
    "2024123456789", "1234567890", "123456789.5", "dân số 100000000 người", "15/12/2024", "dãy 12345678",
]


@pytest.mark.parametrize("text", NOT_IDS)
def test_years_amounts_and_document_numbers_are_not_ids(text):
    assert list(find_id_numbers(text)) == []


HASHES = [
    '"build": "037716966a79"',  # a build id whose first nine digits read as a CMND
    '"build": "123456789abc"', "anh/mo-hinh-3f0912345678e1c4.jpg", "anh/x-ab037716966779cd.jpg",
    "b0912345678ffffff",
]


@pytest.mark.parametrize("text", HASHES)
def test_digits_inside_a_hash_are_neither_a_phone_nor_an_id(text):
    """Content hashes (photo names, the search index's build id) hold digit runs by chance;
    the public build's final scan once refused a site for one."""
    assert Screen().find(text) == []


@pytest.mark.parametrize("text, kind", [
    ("CCCD037716966779", "id"), ("ĐT0912345678", "phone"), ("sdt0912345678", "phone"),
    ("ABC037716966779", "id"), ("037716966779", "id"), ("x 0912345678 ab", "phone"),
])
def test_a_number_against_a_word_that_is_not_a_hash_is_still_found(text, kind):
    assert [h.kind for h in Screen().find(text)] == [kind]


def test_a_phone_is_not_also_an_id():
    hits = Screen().find("ĐT 84912345678")
    assert [h.kind for h in hits] == ["phone"]


# ------------------------------------------------------------------------------ e-mail

def test_email_addresses_are_found_and_office_addresses_are_not():
    text = "Gửi an.nguyen1970@gmail.com hoặc vanphong@bacgiang.gov.vn"
    assert [text[a:b] for a, b in find_emails(text)] == ["an.nguyen1970@gmail.com", "vanphong@bacgiang.gov.vn"]
    screen = Screen(public_emails=["VanPhong@bacgiang.gov.vn"])
    assert [text[h.start:h.end] for h in screen.find(text)] == ["an.nguyen1970@gmail.com"]


def test_office_phone_is_not_personal():
    screen = Screen(public_phones=["0204 3854 999"])
    assert screen.find("Máy cơ quan 0204.3854.999") == []
    assert [h.kind for h in screen.find("Máy nhà 0204.3854.998")] == ["phone"]


# ------------------------------------------------------------------------------ names

def _screen() -> Screen:
    return Screen({"trần thị bình": "p-2", "phạm dung": "p-4"}, {"nguyễn văn an": "p-1"})


@pytest.mark.parametrize("text, span", [
    ("Bà Trần Thị Bình đồng ý.", "Trần Thị Bình"),
    ("bà trần thị bình đồng ý", "trần thị bình"),
    ("TRẦN THỊ BÌNH", "TRẦN THỊ BÌNH"),
    ("gặp Trần  Thị\nBình", "Trần  Thị\nBình"),
    ("chị Phạm Dung, tổ viên", "Phạm Dung"),
])
def test_private_names_are_found_whatever_the_case_on_word_boundaries(text, span):
    hits = _screen().find(text)
    assert [(h.kind, text[h.start:h.end], h.person) for h in hits] == [("name", span, hits[0].person)]


@pytest.mark.parametrize("text", [
    "Trần Thị Bính", "Trần Thị", "Phạm Dungx", "ông Nguyễn Văn An chủ trì", "Trần Thị Bìnhh", "xTrần Thị Bình",
])
def test_other_names_and_parts_of_names_are_not_private(text):
    assert _screen().find(text) == []


def test_religion_or_ethnicity_of_a_named_person():
    screen = _screen()
    hits = screen.find("Họp tổ. Ông Nguyễn Văn An theo đạo Công giáo nên phụ trách giáo xứ.")
    assert [h.kind for h in hits] == ["sensitive"]
    assert screen.find("Ông Nguyễn Văn An chủ trì. Thôn có 40 hộ theo đạo Công giáo.") == []  # another sentence
    assert screen.find("Vận động đồng bào dân tộc Tày, đồng bào theo đạo Công giáo.") == []  # no one named
    assert [h.kind for h in screen.find("ông Nguyễn Văn An là người dân tộc Tày")] == ["sensitive"]


def test_mask_replaces_each_hit():
    text = "Bà Trần Thị Bình, ĐT 0912 345 678, thư binh@gmail.com."
    assert mask(text, _screen().find(text)) == f"Bà {MASK}, ĐT {MASK}, thư {MASK}."


# ------------------------------------------------------------------------------ whose names are private

def test_the_screen_of_the_base_project(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(BASE, root)
    dataset, _ = check_project(root)
    screen = screen_for(dataset)
    assert screen.private_names["trần thị bình"] in ("p-t1-2", "p-t2-2")
    assert "nguyễn văn an" not in screen.private_names and "nguyễn văn an" in screen.known_names
    assert "0912000001" not in screen.public_phones  # a private phone is not an office phone


def test_a_name_another_person_makes_public_is_not_private(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(BASE, root)
    team = root / "data" / "teams" / "xa-a" / "to-thon-2.yml"
    text = team.read_text(encoding="utf-8")
    team.write_text(text.replace("    positions: [truong_thon]\n", "    positions: [truong_thon]\n    consent_to_publish: true\n", 1),
                    encoding="utf-8")
    dataset, _ = check_project(root)
    assert "trần thị bình" not in screen_for(dataset).private_names


# ------------------------------------------------------------------------------ which fields

@pytest.mark.parametrize("model, field", [
    (Group, "area"), (Meeting, "content"), (Rating, "note"), (TeamActivity, "title"), (TeamActivity, "content"),
    (Team, "exception_note"), (BlocMember, "duties"), (Dialogue, "chaired_by"), (Exemplar, "story"),
    (Exemplar, "summary"), (AssignmentActivity, "content"), (Module, "handout"), (Module, "objectives"),
    (QuizItem, "explanation"), (QuizItem, "answer"),
])
def test_free_text_fields_are_screened(model, field):
    assert field in dict(text_fields(model))


@pytest.mark.parametrize("model, field", [
    (Group, "name"), (Exemplar, "name"), (Exemplar, "implementer"), (Agency, "name"), (Agency, "party_org"),
])
def test_proper_names_are_screened_for_contacts_only(model, field):
    assert field not in dict(text_fields(model))
    assert field in dict(text_fields(model, names=True))


@pytest.mark.parametrize("model, field", [
    (Team, "id"), (Team, "village"), (Group, "leader"), (Rating, "grade"), (BlocMember, "phone"),
    (BlocMember, "family_name"), (BlocMember, "office_phone"), (TeamActivity, "date"), (Exemplar, "field"),
])
def test_ids_codes_dates_enums_and_personal_fields_are_not_screened(model, field):
    assert field not in dict(text_fields(model)) and field not in dict(text_fields(model, names=True))


def test_a_qa_answer_is_free_text(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(BASE, root)
    dataset, _ = check_project(root)
    texts = dict(iter_texts(dataset.qa["cau-mau"].obj))
    assert texts[("answer",)].startswith("Mỗi nhóm có từ 3 đến 5 người")
    assert texts[("question",)] == "Mỗi nhóm có mấy người?"


# ------------------------------------------------------------------------------ the sample stays clean

def test_the_sample_project_has_no_personal_data_in_free_text():
    _, report = check_project(ROOT)
    assert [f for f in report.findings if f.code.startswith("PII-")] == []


# ------------------------------------------------------------------------------ where a finding points

def test_a_finding_points_at_the_line_and_column_of_the_hit(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(BASE, root)
    model = root / "data" / "models" / "mh-mau.yml"
    model.write_text(model.read_text(encoding="utf-8").replace("sample: true\n", (
        "story: >-\n  Người dân góp công,\n  gọi anh Tư 0912 345 678 hoặc\n  0987 654 321.\n"
        "sample: true\n")), encoding="utf-8")
    _, report = check_project(root)
    found = sorted((f.line, f.column, f.code, f.path) for f in report.findings if f.code.startswith("PII-"))
    lines = model.read_text(encoding="utf-8").splitlines()
    where = {needle: next(i for i, text in enumerate(lines, 1) if needle in text) for needle in ("0912", "0987")}
    assert [(line, lines[line - 1][col - 1:col + 11]) for line, col, _, _ in found] == [
        (where["0912"], "0912 345 678"), (where["0987"], "0987 654 321")]
    assert {(code, path) for _, _, code, path in found} == {("PII-PHONE", "story")}


def test_a_finding_never_repeats_the_personal_data(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(BASE, root)
    qa = root / "content" / "qa" / "chu-de" / "cau-mau.md"
    qa.write_text(qa.read_text(encoding="utf-8") + "\nBà Trần Thị Bình, số 0912 345 678, CCCD 001099012345.\n",
                  encoding="utf-8")
    _, report = check_project(root)
    found = [f for f in report.findings if f.code.startswith("PII-")]
    assert {f.code for f in found} == {"PII-PHONE", "PII-ID-NUMBER", "PII-NAME-NO-CONSENT"}
    for f in found:
        assert f.file == "content/qa/chu-de/cau-mau.md" and f.line == 11 and f.hint and f.severity.value == "warning"
        for secret in ("Trần Thị Bình", "345 678", "001099012345"):
            assert secret not in f.message and secret not in (f.hint or "")


def test_a_consenting_persons_longer_name_is_not_a_shorter_private_one():
    screen = Screen({"bùi thị bích": "p-2"}, {"bùi thị bích quyên": "p-1"})
    assert screen.find("Thành viên: Bùi Thị Bích Quyên – chi hội trưởng") == []
    assert [h.kind for h in screen.find("Thành viên: Bùi Thị Bích – chi hội trưởng")] == ["name"]
    without_sensitive = Screen({"bùi thị bích": "p-2"}, {"bùi thị bích quyên": "p-1"}, sensitive=False)
    assert without_sensitive.find("Bùi Thị Bích Quyên là người dân tộc Tày") == []


@pytest.mark.parametrize("compiled", [False, True])
def test_a_private_name_inside_a_longer_consenting_one_is_not_found(compiled):
    screen = Screen({"phạm dung": "p-4", "bùi thị bích": "p-2"}, {"lê phạm dung": "p-1", "bùi thị bích quyên": "p-3"},
                    sensitive=False, compiled=compiled)
    assert screen.find("Tổ viên Lê Phạm Dung và Bùi Thị Bích Quyên") == []
    text = "Tổ viên Phạm Dung, Bùi Thị Bích và Lê Phạm Dung"
    assert [text[h.start:h.end] for h in screen.find(text)] == ["Phạm Dung", "Bùi Thị Bích"]
