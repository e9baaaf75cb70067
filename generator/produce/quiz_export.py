"""Quiz exports for learning platforms: takes a training module and the document registry,
gives its quiz as Moodle XML (https://docs.moodle.org/en/Moodle_XML_format) and as GIFT
(https://docs.moodle.org/en/GIFT_format), ready to import into a Moodle question bank.

Both outputs are deterministic (quiz order of the YAML file, no timestamps) and NFC.
`parse_gift` reads back the subset of GIFT written here; the tests use it for a round trip.
"""

from __future__ import annotations

import html
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Mapping

CATEGORY_ROOT = "$course$/top/Sổ tay dân vận"

# Moodle's usual penalty (fraction of the grade lost per wrong try) for each type.
PENALTY = {"mcq": "0.3333333", "true_false": "1", "short_answer": "0.1"}
MOODLE_TYPE = {"mcq": "multichoice", "true_false": "truefalse", "short_answer": "shortanswer"}

RIGHT_FEEDBACK = "Đúng."
WRONG_FEEDBACK = "Chưa đúng."

GIFT_SPECIAL = "\\~=#{}:"


def _nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


def _doc(documents: Mapping[str, Any] | None, doc_id: str) -> Any:
    """The document record: `documents` may map ids to `Located` records or to documents."""
    if not documents:
        return None
    found = documents.get(doc_id)
    return getattr(found, "obj", found)


def citation_text(citation: Any, documents: Mapping[str, Any] | None) -> str:
    """"Căn cứ: <tên ngắn>, mục <mã mục> – <tên mục>" for one citation."""
    doc = _doc(documents, citation.doc)
    name = (doc.short_name or doc.number or doc.title) if doc is not None else citation.doc
    text = f"Căn cứ: {name}"
    if citation.section:
        text += f", mục {citation.section}"
        section = next((s for s in getattr(doc, "sections", []) if s.id == citation.section), None)
        if section is not None:
            text += f" – {section.title}"
    if getattr(citation, "note", None):
        text += f" ({citation.note})"
    return _nfc(text)


def category_path(module: Any) -> str:
    # Moodle splits category paths at "/"; a slash inside a name is written "//".
    return _nfc(f"{CATEGORY_ROOT}/{module.title.replace('/', '//')}")


def question_name(module: Any, item: Any) -> str:
    return f"{module.id} {item.id}"


# --- Moodle XML -------------------------------------------------------------------------

def _html_para(text: str) -> str:
    """Plain text as HTML paragraphs (one per line), HTML-escaped."""
    lines = [line.strip() for line in _nfc(text).split("\n")]
    return "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines if line)


def _text_el(parent: ET.Element, tag: str, text: str, fmt: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {**({"format": fmt} if fmt else {}), **attrs})
    ET.SubElement(el, "text").text = text
    return el


def _answer(parent: ET.Element, fraction: str, text: str, fmt: str, feedback: str) -> None:
    el = ET.SubElement(parent, "answer", {"fraction": fraction, "format": fmt})
    ET.SubElement(el, "text").text = text
    _text_el(el, "feedback", _html_para(feedback), "html")


def _shortanswer_text(answer: str) -> str:
    # In a Moodle short answer "*" is a wildcard; a literal asterisk is written "\*".
    return _nfc(answer).replace("*", "\\*")


def moodle_xml(module: Any, documents: Mapping[str, Any] | None) -> bytes:
    """The module's quiz in Moodle XML: one category question, then one question per item."""
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", {"type": "category"})
    _text_el(category, "category", category_path(module))
    _text_el(category, "info", "", "html")

    for item in module.quiz:
        kind = item.kind
        q = ET.SubElement(quiz, "question", {"type": MOODLE_TYPE[kind]})
        _text_el(q, "name", _nfc(question_name(module, item)))
        _text_el(q, "questiontext", _html_para(item.question), "html")
        general = _html_para(item.explanation) + _html_para(citation_text(item.source, documents))
        _text_el(q, "generalfeedback", general, "html")
        ET.SubElement(q, "defaultgrade").text = "1"
        ET.SubElement(q, "penalty").text = PENALTY[kind]
        ET.SubElement(q, "hidden").text = "0"

        if kind == "mcq":
            ET.SubElement(q, "single").text = "true"
            ET.SubElement(q, "shuffleanswers").text = "true"
            ET.SubElement(q, "answernumbering").text = "ABCD"
            _text_el(q, "correctfeedback", _html_para(RIGHT_FEEDBACK), "html")
            _text_el(q, "partiallycorrectfeedback", "", "html")
            _text_el(q, "incorrectfeedback", _html_para(WRONG_FEEDBACK), "html")
            for option in item.options:
                _answer(q, "100" if option.correct else "0", html.escape(_nfc(option.text), quote=False), "html",
                        RIGHT_FEEDBACK if option.correct else WRONG_FEEDBACK)
        elif kind == "true_false":
            for value in (True, False):
                right = item.answer is value
                _answer(q, "100" if right else "0", "true" if value else "false", "moodle_auto_format",
                        RIGHT_FEEDBACK if right else WRONG_FEEDBACK)
        else:
            ET.SubElement(q, "usecase").text = "0"
            for accepted in item.answer or []:
                _answer(q, "100", _shortanswer_text(accepted), "moodle_auto_format", RIGHT_FEEDBACK)

    ET.indent(quiz)
    body = ET.tostring(quiz, encoding="unicode", short_empty_elements=False)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


# --- GIFT -------------------------------------------------------------------------------

def gift_escape(text: str) -> str:
    """Backslash before ~ = # { } : and backslash; a line break becomes "\\n"."""
    out = []
    for ch in _nfc(text).replace("\r\n", "\n").replace("\r", "\n"):
        if ch in GIFT_SPECIAL:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        else:
            out.append(ch)
    return "".join(out)


def gift(module: Any, documents: Mapping[str, Any] | None) -> str:
    """The module's quiz in GIFT: the category line, then one block per item."""
    # The $CATEGORY line is read verbatim by Moodle (no GIFT escapes there).
    blocks = [f"$CATEGORY: {category_path(module)}"]
    for item in module.quiz:
        head = f"::{gift_escape(question_name(module, item))}:: {gift_escape(item.question)}"
        general = "####" + gift_escape(_nfc(item.explanation).strip() + "\n" + citation_text(item.source, documents))
        if item.kind == "mcq":
            lines = [("=" if o.correct else "~") + gift_escape(o.text) for o in item.options]
            blocks.append(head + " {\n" + "\n".join(lines) + "\n" + general + "\n}")
        elif item.kind == "true_false":
            blocks.append(head + " {" + ("TRUE" if item.answer else "FALSE") + general + "}")
        else:
            # A literal "*" in a short answer is "\*" (Moodle's wildcard escape).
            lines = ["=" + gift_escape(a).replace("*", "\\*") for a in item.answer or []]
            blocks.append(head + " {\n" + "\n".join(lines) + "\n" + general + "\n}")
    return "\n\n".join(blocks) + "\n"


# A GIFT text as (character, was escaped) pairs, so structure is found only among
# unescaped characters and un-escaping happens once, at the end.
_Chars = list[tuple[str, bool]]


def _scan(text: str) -> _Chars:
    chars: _Chars = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            chars.append(("\n" if nxt == "n" else nxt, True))
            i += 2
        else:
            chars.append((ch, False))
            i += 1
    return chars


def _find(chars: _Chars, token: str, start: int = 0) -> int:
    n = len(token)
    for i in range(start, len(chars) - n + 1):
        if all(not chars[i + k][1] and chars[i + k][0] == token[k] for k in range(n)):
            return i
    return -1


def _rfind(chars: _Chars, token: str) -> int:
    n = len(token)
    for i in range(len(chars) - n, -1, -1):
        if all(not chars[i + k][1] and chars[i + k][0] == token[k] for k in range(n)):
            return i
    return -1


def _str(chars: _Chars) -> str:
    """Un-escaped text with unescaped whitespace trimmed at both ends."""
    lo, hi = 0, len(chars)
    while lo < hi and not chars[lo][1] and chars[lo][0].isspace():
        lo += 1
    while hi > lo and not chars[hi - 1][1] and chars[hi - 1][0].isspace():
        hi -= 1
    return "".join(ch for ch, _ in chars[lo:hi])


def _split_feedback(chars: _Chars) -> tuple[str, str | None]:
    at = _find(chars, "#")
    if at < 0:
        return _str(chars), None
    return _str(chars[:at]), _str(chars[at + 1:])


def _blocks(text: str) -> list[str]:
    blocks, current = [], []
    for line in text.replace("\r\n", "\n").lstrip("\ufeff").split("\n"):
        if line.lstrip().startswith("//"):
            continue
        if line.strip():
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def parse_gift(text: str) -> list[dict]:
    """Read the GIFT subset written by `gift`: returns one dict per question with keys
    category, name, question, kind ("multichoice", "truefalse", "shortanswer"), answers
    (list of {"text", "correct", "feedback"}), general_feedback; truefalse also has "answer"."""
    category = None
    questions: list[dict] = []
    for block in _blocks(text):
        if block.startswith("$CATEGORY:"):
            category = block[len("$CATEGORY:"):].strip()
            continue
        chars = _scan(block)
        name = None
        if _find(chars, "::") == 0:
            end = _find(chars, "::", 2)
            if end < 0:
                raise ValueError(f"GIFT: tên câu hỏi chưa đóng bằng “::”: {block[:60]!r}")
            name = _str(chars[2:end])
            chars = chars[end + 2:]
        open_at = _find(chars, "{")
        close_at = _rfind(chars, "}")
        if open_at < 0 or close_at < open_at:
            raise ValueError(f"GIFT: thiếu phần đáp án {{…}}: {block[:60]!r}")
        question = _str(chars[:open_at] + chars[close_at + 1:])
        body = chars[open_at + 1:close_at]
        general = None
        at = _find(body, "####")
        if at >= 0:
            general = _str(body[at + 4:])
            body = body[:at]
        entry: dict = {"category": category, "name": name, "question": question, "general_feedback": general}
        head, feedback = _split_feedback(body)
        if head in ("T", "TRUE", "F", "FALSE"):
            value = head in ("T", "TRUE")
            entry.update(kind="truefalse", answer=value, answers=[
                {"text": "true", "correct": value, "feedback": feedback},
                {"text": "false", "correct": not value, "feedback": None},
            ])
        else:
            marks = [i for i, (ch, esc) in enumerate(body) if not esc and ch in "=~"]
            if not marks or _str(body[:marks[0]]):
                raise ValueError(f"GIFT: đáp án phải bắt đầu bằng “=” hoặc “~”: {block[:60]!r}")
            answers = []
            for k, i in enumerate(marks):
                end = marks[k + 1] if k + 1 < len(marks) else len(body)
                answer_text, answer_feedback = _split_feedback(body[i + 1:end])
                answers.append({"text": answer_text, "correct": body[i][0] == "=", "feedback": answer_feedback})
            kind = "multichoice" if any(not a["correct"] for a in answers) else "shortanswer"
            entry.update(kind=kind, answers=answers)
        questions.append(entry)
    return questions


# --- Files ------------------------------------------------------------------------------

def write_quiz_exports(dataset: Any, out_dir: Path | str) -> list[Path]:
    """Write <module id>.moodle.xml and <module id>.gift.txt for every module; return the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for module_id in sorted(dataset.modules):
        module = dataset.modules[module_id].obj
        xml_path = out / f"{module_id}.moodle.xml"
        xml_path.write_bytes(moodle_xml(module, dataset.documents))
        gift_path = out / f"{module_id}.gift.txt"
        gift_path.write_bytes(gift(module, dataset.documents).encode("utf-8"))
        paths += [xml_path, gift_path]
    return paths
