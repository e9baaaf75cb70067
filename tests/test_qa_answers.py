"""The Q&A answers of issue #15: each gap the review listed has an answer citing its clause,
answers stay between 80 and 250 words, "Nhân dân" is spelled as the source documents spell
it, and the weak lines the review quoted do not come back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.checks.check import check_project

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def qa():
    ds, report = check_project(ROOT)
    assert not [f for f in report.findings if f.file and f.file.startswith("content/")]
    return {qid: at.obj for qid, at in ds.qa.items()}


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


# (the gap, an answer id, a pattern its text must contain, (doc, section) it must cite)
GAPS = [
    ("elections", "to-dvcd-bau-cu", r"bầu cử", ("bai-to-dan-van-hai-duong-2017", "NB")),
    ("funding", "to-dvcd-kinh-phi", r"2\.000\.000 đồng", ("bai-to-dan-van-hai-duong-2017", "GP4")),
    ("launch meeting", "to-dvcd-hoi-nghi-ra-mat", r"ra mắt", ("de-an-to-dvcd-bac-giang", "P3.3")),
    ("complaint letter", "to-dvcd-don-thu", r"đơn", ("de-an-to-dvcd-bac-giang", "P2.III.3.3")),
    ("religion", "khoi-dvcs-ban-chi-dao-ton-giao", r"Ban Chỉ đạo công tác tôn giáo", ("cv-121-du-duc-pho-2023", "2.5")),
    ("deputy heads", "khoi-dvcs-pho-truong-khoi", r"02 phó trưởng khối", ("de-an-khoi-dvcs-bac-kan", "P3.II.5")),
    ("assisting civil servant", "khoi-dvcs-cong-chuc-giup-viec", r"công chức giúp việc", ("de-an-khoi-dvcs-bac-kan", "P3.II.5")),
    ("investment supervision", "khoi-dvcs-giam-sat-dau-tu-cong-dong", r"Ban Giám sát đầu tư cộng đồng", ("cv-121-du-duc-pho-2023", "1")),
    ("example-setting", "khoi-dvcs-giam-sat-neu-guong", r"nêu gương", ("cv-121-du-duc-pho-2023", "1")),
    ("renters", "to-dvcd-nguoi-tam-tru", r"thuê trọ", ("bai-to-dan-van-hai-duong-2017", "MH")),
    ("weddings, funerals, festivals", "to-dvcd-cuoi-tang-le-hoi", r"lễ hội", ("bai-to-dan-van-hai-duong-2017", "MH")),
    ("land consolidation", "to-dvcd-don-dien-doi-thua", r"dồn điền đổi thửa", ("bai-to-dan-van-hai-duong-2017", "MH")),
    ("Chỉ thị 33", "nam-chi-thi-33-ubnd-xa", r"33/CT-TTg", ("cv-121-du-duc-pho-2023", "2.1")),
    ("no provincial Đề án", "to-dvcd-tinh-chua-co-de-an", r"80-HD/BDVTW", ("de-an-to-dvcd-bac-giang", "P1.II.1")),
    ("district duties", "hai-cap-viec-cua-huyen", r"1/7/2025", ("de-an-to-dvcd-bac-giang", "P3.2")),
    ("piloting", "hai-cap-thi-diem", r"1/7/2025", ("de-an-khoi-dvcs-bac-kan", "P3.I.2.5")),
    ("reporting to the province", "hai-cap-bao-cao-to-dvcd", r"15/6.*20/11", ("de-an-to-dvcd-bac-giang", "P3.2")),
    ("receiving cadres' reports", "hai-cap-nhan-bao-cao-can-bo", r"1/7/2025", ("hd-02-bdvtu-tuyen-quang-2021", "IV.2")),
    ("concentration on one district", "hai-cap-tranh-tap-trung", r"1/7/2025", ("hd-02-bdvtu-tuyen-quang-2021", "V.3")),
    ("rating and commending teams", "to-dvcd-khen-thuong-sau-sap-xep", r"1/7/2025", ("de-an-to-dvcd-bac-giang", "KL.3")),
    ("the district's cadre list and review", "can-bo-sau-sap-xep", r"1/7/2025", ("hd-02-bdvtu-tuyen-quang-2021", "V.2")),
]

# Answers outside the two-level topic that say what became of a district duty.
DISTRICT_DUTY_ANSWERS = ["to-dvcd-khen-thuong-sau-sap-xep", "can-bo-sau-sap-xep"]


@pytest.mark.parametrize("gap, qid, pattern, cite", GAPS, ids=[g[0] for g in GAPS])
def test_each_gap_of_the_review_has_an_answer_citing_its_clause(qa, gap, qid, pattern, cite):
    item = qa[qid]
    assert re.search(pattern, item.question + " " + item.answer, re.S), (gap, pattern)
    assert any((c.doc, c.section) == cite for c in item.sources), (gap, cite)


def test_the_district_answers_say_where_the_province_decides(qa):
    for qid in [q for q in qa if q.startswith("hai-cap-")] + DISTRICT_DUTY_ANSWERS:
        text = qa[qid].answer.lower()
        assert "1/7/2025" in text, qid
        assert re.search(r"tỉnh (sẽ |phải )?quyết", text), qid


def test_the_new_answers_are_80_to_250_words(qa):
    new = [g[1] for g in GAPS]
    assert [(q, _words(qa[q].answer)) for q in new if not 80 <= _words(qa[q].answer) <= 250] == []


# “nhân dân” in lower case only in the names of bodies, or inside a quotation
_BODY_BEFORE = re.compile(r"(Ủy ban|Hội đồng|Thanh tra|Công an|Quân đội|Tòa án|Viện kiểm sát)\s+$")


def lowercase_nhan_dan(text: str) -> list[str]:
    quoted = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", text)]
    hits = []
    for m in re.finditer(r"nhân dân", text):
        if any(a <= m.start() < b for a, b in quoted) or _BODY_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue
        hits.append(text[max(0, m.start() - 30):m.end()])
    return hits


def test_nhan_dan_is_capitalised_when_it_means_the_people(qa):
    assert [(q, h) for q, item in sorted(qa.items()) for h in lowercase_nhan_dan(item.question + "\n" + item.answer)] == []


def test_nhan_dan_is_capitalised_in_modules_glossary_and_topics():
    """The same spelling in every other content file (module texts, quizzes, glossary, topics),
    line by line so a hit names its file and line."""
    hits = [f"{path.relative_to(ROOT)}:{n}: …{h}"
            for path in sorted((ROOT / "content").rglob("*.yml"))
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            for h in lowercase_nhan_dan(line)]
    assert hits == []


def test_the_spelling_rule_itself():
    assert lowercase_nhan_dan("vận động nhân dân tham gia")
    assert not lowercase_nhan_dan("vận động Nhân dân tham gia")
    assert not lowercase_nhan_dan("Ủy ban nhân dân xã; Ban Thanh tra nhân dân; Hội đồng nhân dân")
    assert not lowercase_nhan_dan("mô hình “Vận động nhân dân góp sức làm đường”")


WEAK_LINES = [
    ("to-dvcd-hop-hang-thang", r"lồng vào ngày sinh hoạt chi bộ"),
    ("to-dvcd-ngoai-le-to-truong", r"dữ liệu tổ được nhập"),
    ("to-dvcd-ngoai-le-to-truong", r"ví dụ Bí thư chi bộ đồng thời là trưởng thôn"),
    ("khoi-dvcs-giam-sat-phan-bien-xa-hoi", r"Thông báo số 160-KL/TW"),
    ("khoi-dvcs-la-gi", r"đều là cán bộ chủ chốt"),
    ("ky-nang-quan-sat", r"đám cưới, đám tang: ai im lặng"),
    ("to-dvcd-quan-he-ban-quan-ly-thon", r"nên nên"),
    ("dvk-nam-2016", r"giữ nguyên như bản gốc"),
]


@pytest.mark.parametrize("qid, pattern", WEAK_LINES, ids=[w[0] for w in WEAK_LINES])
def test_the_weak_lines_of_the_review_are_gone(qa, qid, pattern):
    assert not re.search(pattern, qa[qid].answer)


def test_lai_xa_cites_its_own_source_not_cv_121(qa):
    assert {c.doc for c in qa["dvk-mo-hinh-lai-xa"].sources}.isdisjoint({"cv-121-du-duc-pho-2023"})


def test_the_team_meeting_is_not_folded_into_the_party_cell_meeting(qa):
    assert "không gộp vào buổi sinh hoạt chi bộ" in qa["to-dvcd-hop-hang-thang"].answer
