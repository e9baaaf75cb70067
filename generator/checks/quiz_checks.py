"""Checks that a module's quiz is a fair test: takes a `Dataset`, gives warnings for
multiple-choice items with fewer than four options, a module whose right answers crowd into
one position or are most often the one longest option, and explanations that give away
another item's answer.

Each finding is located like the other quiz findings of content_checks: at the item
(quiz[n].options, quiz[n].explanation, n counted from 1) or, for a finding about the whole quiz, at the
module's `quiz` key.
"""

from __future__ import annotations

import unicodedata

from generator.core.findings import Finding, Severity
from generator.core.text import percent_vi
from generator.load.yamlload import format_path
from generator.model.dataset import Dataset, Located

MIN_OPTIONS = 4  # an mcq with fewer options is easy to guess
MIN_ITEMS = 5  # the position and length checks need at least this many mcq items
MAX_POSITION_SHARE = 0.40  # of a module's mcq items whose right answer is in one position
MAX_LONGEST_SHARE = 0.30  # of a module's mcq items whose right option is the uniquely longest
MIN_ANSWER_WORDS = 2  # shorter answers are matched only when they carry a digit


def _finding(at: Located, sub: tuple, code: str, message: str, hint: str) -> Finding:
    line, col = at.file.locate(at.path + sub)
    return Finding(code, Severity.WARNING, message, file=at.file.path, line=line, column=col,
                   path=format_path(at.path + sub) or None, hint=hint)


def letter(position: int) -> str:
    """0 -> "A", 1 -> "B"… (how a printed quiz names the options)."""
    return chr(ord("A") + position)


def normalise(text: str) -> str:
    """NFC, lower-cased, every punctuation mark or symbol a space, spaces collapsed."""
    text = unicodedata.normalize("NFC", text).lower()
    kept = "".join(" " if unicodedata.category(c)[0] in "PSZC" else c for c in text)
    return " ".join(kept.split())


def quiz_findings(ds: Dataset) -> list[Finding]:
    findings: list[Finding] = []
    for at in ds.modules.values():
        findings += _few_options(at)
        findings += _crowded_position(at)
        findings += _longest_right(at)
        findings += _giveaways(at)
    return findings


def _mcq(at: Located) -> list[tuple[int, object, int]]:
    """(index in quiz, item, position of its one right option) of every well-formed mcq item."""
    out = []
    for i, item in enumerate(at.obj.quiz):
        right = [p for p, o in enumerate(item.options) if o.correct]
        if item.kind == "mcq" and len(right) == 1:
            out.append((i, item, right[0]))
    return out


def _few_options(at: Located) -> list[Finding]:
    return [_finding(at, ("quiz", i, "options"), "CONTENT-QUIZ-FEW-OPTIONS",
                     f"Câu trắc nghiệm “{item.id}” chỉ có {len(item.options)} phương án; cần {MIN_OPTIONS} phương án "
                     "để khó đoán mò.",
                     "Thêm phương án sai nhưng hợp lý (việc một người thật có thể làm), dài tương đương phương án đúng.")
            for i, item in enumerate(at.obj.quiz) if item.kind == "mcq" and len(item.options) < MIN_OPTIONS]


def _crowded_position(at: Located) -> list[Finding]:
    items = _mcq(at)
    if len(items) < MIN_ITEMS:
        return []
    counts: dict[int, int] = {}
    for _, _, pos in items:
        counts[pos] = counts.get(pos, 0) + 1
    pos, count = max(sorted(counts.items()), key=lambda kv: kv[1])
    share = count / len(items)
    if share <= MAX_POSITION_SHARE:
        return []
    ids = ", ".join(item.id for _, item, p in items if p == pos)
    return [_finding(at, ("quiz",), "CONTENT-QUIZ-ANSWER-POSITION",
                     f"Đáp án đúng ở vị trí {letter(pos)} trong {count}/{len(items)} câu trắc nghiệm "
                     f"({percent_vi(share)}, quá {percent_vi(MAX_POSITION_SHARE)}): {ids}.",
                     "Đổi chỗ các phương án để đáp án đúng rải đều ở A, B, C, D (mỗi vị trí khoảng một phần tư).")]


def _uniquely_longest(item, pos: int) -> bool:
    lengths = [len(normalise(o.text)) for o in item.options]
    right = lengths.pop(pos)
    return bool(lengths) and right > max(lengths)


def _longest_right(at: Located) -> list[Finding]:
    items = _mcq(at)
    if len(items) < MIN_ITEMS:
        return []
    longest = [item.id for _, item, pos in items if _uniquely_longest(item, pos)]
    share = len(longest) / len(items)
    if share <= MAX_LONGEST_SHARE:
        return []
    return [_finding(at, ("quiz",), "CONTENT-QUIZ-LONGEST-ANSWER",
                     f"Phương án đúng dài nhất trong {len(longest)}/{len(items)} câu trắc nghiệm "
                     f"({percent_vi(share)}, quá {percent_vi(MAX_LONGEST_SHARE)}): {', '.join(longest)}.",
                     "Viết các phương án dài tương đương nhau: rút gọn phương án đúng hoặc viết phương án sai "
                     "cụ thể hơn.")]


def _answers(item) -> list[str]:
    """The texts that answer an item: its right option, or its accepted short answers."""
    if item.kind == "mcq":
        return [o.text for o in item.options if o.correct]
    if item.kind == "short_answer" and isinstance(item.answer, list):
        return [str(a) for a in item.answer]
    return []


def _telling(answer: str) -> bool:
    """Long enough to give an item away: two words or more, or any answer with a digit."""
    return len(answer.split()) >= MIN_ANSWER_WORDS or any(c.isdigit() for c in answer)


def _giveaways(at: Located) -> list[Finding]:
    quiz = at.obj.quiz
    # per item: {normalised answer: the answer as written}
    answers = [{normalise(t): t.strip(" “”\"'") for t in _answers(item) if normalise(t) and _telling(normalise(t))}
               for item in quiz]
    findings = []
    for i, item in enumerate(quiz):
        explanation = f" {normalise(item.explanation)} "
        for j, other in enumerate(quiz):
            if j == i:
                continue
            hit = next((shown for a, shown in answers[j].items() if f" {a} " in explanation), None)
            if hit is None:
                continue
            findings.append(_finding(
                at, ("quiz", i, "explanation"), "CONTENT-QUIZ-GIVEAWAY",
                f"Lời giải thích của câu “{item.id}” chứa đáp án của câu “{other.id}” (“{hit}”): người làm bài "
                "đọc giải thích sẽ biết đáp án câu kia.",
                f"Viết lại lời giải thích của câu “{item.id}” mà không nêu đáp án của câu “{other.id}”, hoặc đổi "
                "một trong hai câu."))
    return findings
