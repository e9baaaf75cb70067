"""The quiz checks of `handbook check`: each fires, located at the item or the module's quiz,
on a crafted module written into a copy of the base fixture, stays quiet on a fair one, and
the real content reports none of them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.checks.check import check_project

ROOT = Path(__file__).resolve().parents[1]
QUIZ_CODES = {"CONTENT-QUIZ-FEW-OPTIONS", "CONTENT-QUIZ-ANSWER-POSITION", "CONTENT-QUIZ-LONGEST-ANSWER",
              "CONTENT-QUIZ-GIVEAWAY"}
SOURCE = {"doc": "de-an-to-dvcd-bac-giang", "section": "P2.III.2"}
FILE = "content/modules/cd-mau.yml"


# Four actions of the same length, and a different time for each item so that no two items
# share a right option.
ACTIONS = ("Báo đảng ủy", "Đến từng hộ", "Gọi từng hộ", "Đến tận nhà")
WHEN = ("sáng nay", "chiều nay", "tối nay", "ngày mai", "tuần này", "tuần sau", "tháng này", "cuối tháng", "đầu tháng")


def mcq(qid: str, right: int, texts=None, explanation: str = "Theo Đề án.") -> dict:
    texts = texts or [f"{a} {WHEN[int(qid[1:]) - 1]}" for a in ACTIONS]
    return {"id": qid, "kind": "mcq", "question": f"Tình huống {qid}: tổ trưởng nên làm gì?",
            "options": [{"text": t, "correct": True} if p == right else {"text": t} for p, t in enumerate(texts)],
            "explanation": explanation, "source": SOURCE}


def fair_quiz() -> list[dict]:
    """Eight mcq items, right answers two in each position, never the longest option."""
    return [mcq(f"q{n + 1}", n % 4) for n in range(8)]


def write_module(project: Path, quiz: list[dict]) -> None:
    module = {"id": "cd-mau", "title": "Chuyên đề mẫu", "audiences": ["to_truong"], "duration_minutes": 60,
              "objectives": ["Biết chia nhóm"], "outline": [{"title": "Giới thiệu", "minutes": 60}],
              "handout": "Nội dung.", "trainer_notes": "Ghi chú.", "sources": [SOURCE], "quiz": quiz}
    path = project / FILE
    path.parent.mkdir(parents=True, exist_ok=True)  # git keeps no empty folder
    path.write_text(yaml.safe_dump(module, allow_unicode=True, sort_keys=False), encoding="utf-8")


def quiz_findings(project: Path):
    _, report = check_project(project)
    return [f for f in report.findings if f.code in QUIZ_CODES]  # paths count items from 1, as editors do


def line_of(project: Path, needle: str, occurrence: int = 1) -> int:
    lines = (project / FILE).read_text(encoding="utf-8").splitlines()
    hits = [n for n, line in enumerate(lines, 1) if needle in line]
    return hits[occurrence - 1]


def test_a_fair_quiz_gives_no_quiz_warning(base_project):
    write_module(base_project, fair_quiz())
    assert quiz_findings(base_project) == []


def test_an_mcq_with_three_options_is_flagged_at_its_options(base_project):
    quiz = fair_quiz()
    quiz[2]["options"] = quiz[2]["options"][:3]
    write_module(base_project, quiz)
    [found] = quiz_findings(base_project)
    assert (found.code, found.severity.value, found.file, found.path) == \
        ("CONTENT-QUIZ-FEW-OPTIONS", "warning", FILE, "quiz[3].options")
    assert found.line == line_of(base_project, "options:", 3)
    assert "“q3”" in found.message and "3 phương án" in found.message


def test_right_answers_crowded_in_one_position_are_flagged_at_the_quiz(base_project):
    quiz = [mcq(f"q{n + 1}", 1 if n < 3 else n % 4 if n % 4 != 1 else 0) for n in range(7)]  # B in 3 of 7 = 43%
    write_module(base_project, quiz)
    [found] = quiz_findings(base_project)
    assert (found.code, found.file, found.path) == ("CONTENT-QUIZ-ANSWER-POSITION", FILE, "quiz")
    assert found.line == line_of(base_project, "quiz:")
    assert "vị trí B" in found.message and "3/7" in found.message and "42,9%" in found.message
    assert "q1, q2, q3" in found.message


def test_forty_percent_in_one_position_is_allowed(base_project):
    quiz = [mcq(f"q{n + 1}", p) for n, p in enumerate([0, 0, 1, 2, 3])]  # A in 2 of 5 = 40%
    write_module(base_project, quiz)
    assert quiz_findings(base_project) == []


def test_position_and_length_need_five_mcq_items(base_project):
    quiz = [mcq(f"q{n + 1}", 2) for n in range(4)]
    for item in quiz:
        item["options"][2]["text"] += " sau khi hỏi chi bộ"
    quiz.append({"id": "q5", "kind": "true_false", "question": "Đúng hay sai?", "answer": True,
                 "explanation": "Theo Đề án.", "source": SOURCE})
    write_module(base_project, quiz)
    assert quiz_findings(base_project) == []


def test_the_right_option_often_the_longest_is_flagged_naming_the_items(base_project):
    quiz = fair_quiz()
    for n in (1, 4, 6):  # right option the only longest in 3 of 8 = 37,5%
        quiz[n]["options"][n % 4]["text"] = "Mời cả nhóm đến từng hộ nghe ý kiến rồi báo chi bộ"
    write_module(base_project, quiz)
    [found] = quiz_findings(base_project)
    assert (found.code, found.path) == ("CONTENT-QUIZ-LONGEST-ANSWER", "quiz")
    assert found.line == line_of(base_project, "quiz:")
    assert "3/8" in found.message and "37,5%" in found.message and "q2, q5, q7" in found.message


def test_a_right_option_tied_for_longest_does_not_count(base_project):
    quiz = fair_quiz()
    for n in (1, 4, 6):
        quiz[n]["options"][n % 4]["text"] = "Đến từng hộ nghe ý kiến"
        quiz[n]["options"][(n + 1) % 4]["text"] = "Gọi từng hộ lên nhà văn"  # same length
    write_module(base_project, quiz)
    assert quiz_findings(base_project) == []


def test_an_explanation_naming_another_items_right_option_is_flagged(base_project):
    quiz = fair_quiz()
    quiz[5]["explanation"] = "Việc này tổ tự làm, không cần BÁO Đảng ủy — sáng nay."  # q1's, other case and punctuation
    write_module(base_project, quiz)
    [found] = quiz_findings(base_project)
    assert (found.code, found.file, found.path) == ("CONTENT-QUIZ-GIVEAWAY", FILE, "quiz[6].explanation")
    assert found.line == line_of(base_project, "explanation: Việc này")
    assert "“q6”" in found.message and "“q1”" in found.message and "Báo đảng ủy sáng nay" in found.message


def test_an_explanation_naming_another_items_short_answer_is_flagged(base_project):
    quiz = fair_quiz()
    quiz.append({"id": "q9", "kind": "short_answer", "question": "Mỗi nhóm phụ trách bao nhiêu hộ?",
                 "answer": ["30–50 hộ", "từ 30 đến 50 hộ"], "explanation": "Theo Đề án.", "source": SOURCE})
    quiz[3]["explanation"] = "Nhóm chỉ theo dõi 30-50 hộ, nên phải chia lại."  # hyphen, not the dash
    write_module(base_project, quiz)
    [found] = quiz_findings(base_project)
    assert (found.code, found.path) == ("CONTENT-QUIZ-GIVEAWAY", "quiz[4].explanation")
    assert "“q9”" in found.message and "30–50 hộ" in found.message


def test_short_answers_of_one_word_without_a_digit_and_an_items_own_answer_are_ignored(base_project):
    quiz = fair_quiz()
    quiz.append({"id": "q9", "kind": "short_answer", "question": "Tổ lập nhóm nhắn tin trên ứng dụng nào?",
                 "answer": ["Zalo"], "explanation": "Theo Đề án.", "source": SOURCE})
    quiz[1]["explanation"] = "Nhắn qua Zalo cho nhanh."  # q9's one-word answer: not a giveaway
    quiz[2]["explanation"] = "Gọi từng hộ tối nay là đúng."  # q3's own right option
    write_module(base_project, quiz)
    assert quiz_findings(base_project) == []


def test_a_one_word_answer_with_a_digit_counts_and_matches_whole_words_only(base_project):
    quiz = fair_quiz()
    quiz.append({"id": "q9", "kind": "short_answer", "question": "Họp Tổ mấy lần một năm?",
                 "answer": ["12"], "explanation": "Mỗi tháng một lần.", "source": SOURCE})
    quiz[0]["explanation"] = "Trong năm 2012 Tổ họp đủ."  # "12" inside "2012": not a hit
    quiz[1]["explanation"] = "Tổ họp 12 lần."
    write_module(base_project, quiz)
    assert [(f.code, f.path) for f in quiz_findings(base_project)] == [("CONTENT-QUIZ-GIVEAWAY", "quiz[2].explanation")]


def test_the_real_content_reports_no_quiz_warning():
    _, report = check_project(ROOT)
    assert [(f.code, f.file, f.line) for f in report.findings if f.code in QUIZ_CODES] == []
