"""YAML syntax findings speak Vietnamese, say what to do and point at a line, whatever broke.

A corpus of broken inputs covers every family of PyYAML's (libyaml's) problems: indentation,
colons, quotes, brackets, documents, escapes, anchors, tags, directives, block scalars and
the characters editors paste in without seeing them (form feed, vertical tab, NUL, C1
controls, NEL, LS, a BOM in the middle, tabs, no-break spaces, a full-width colon).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from generator.load.yamlerrors import explain, line_col
from generator.load.yamlload import load_yaml_bytes, load_yaml_text

# name: (text, line the finding must name, words its message must hold)
CORPUS: dict[str, tuple[str, int, str]] = {
    "form feed from Word": ("a: 1\nb: 2\x0c\nc: 3\n", 2, "ngắt trang"),
    "form feed after Vietnamese text": ("tên: Nguyễn Văn Ấn\nghi_chú: Đảng ủy\x0c\n", 2, "ngắt trang"),
    "vertical tab (Shift+Enter in Word)": ("a: x\x0by\n", 1, "xuống dòng mềm"),
    "other control character": ("a: 1\nb: ab\x01c\n", 2, "U+0001"),
    "NUL": ("a: 1\nb: \x00\n", 2, "NUL"),
    "DEL": ("a: x\x7fy\n", 1, "DEL"),
    "C1 control from Windows-1252": ("a: 1\nb: x\x92y\n", 2, "U+0092"),
    "NEL": ("a: 1\x85b: 2\nc: 3\n", 1, "NEL"),
    "line separator": ("a: 1\nb: x\u2028y\n", 2, "U+2028"),
    "paragraph separator": ("a: 1\nb: x\u2029y\n", 2, "U+2029"),
    "BOM in the middle of a value": ("a: 1\nb: x\ufeffy\n", 2, "BOM"),
    "BOM at the start of a line": ("a: 1\n\ufeffb: 2\n", 2, "BOM"),
    "U+FFFE": ("a: 1\nb: x\ufffey\n", 2, "U+FFFE"),
    "tab as indentation": ("a:\n\tb: 1\n", 2, "Tab"),
    "tab after spaces": ("a:\n  b: 1\n\t c: 2\n", 3, "Tab"),
    "no-break space as indentation": ("a:\n\u00a0\u00a0b: 1\n  c: 2\n", 2, "không ngắt"),
    "full-width colon": ("a\uff1a1\nb: 2\n", 1, "toàn độ rộng"),
    "two documents": ("a: 1\n---\nb: 2\n", 2, "“---”"),
    "end-of-document marker": ("a: 1\n...\nb: 2\n", 3, "kết thúc"),
    "key without colon": ("a: 1\nb\nc: 2\n", 2, "thiếu dấu hai chấm"),
    "colon inside a value": ("a: 1\nb: Điều 1: phạm vi\n", 2, "dấu hai chấm"),
    "key dedented": ("a:\n  b: 1\n c: 2\n", 3, "thụt lề"),
    "list item dedented": ("a:\n  - 1\n - 2\n", 3, "thụt lề"),
    "list item among keys": ("a: 1\n- b\n", 2, "mục danh sách"),
    "dash on the key's line": ("a: - b\n", 1, "dấu “-”"),
    "unclosed double quote": ('a: 1\nb: "abc\nc: 2\n', 2, "ngoặc"),
    "unclosed single quote": ("a: 'abc\nb: 2\n", 1, "ngoặc"),
    "words after a closing quote": ('a: "Tổ" dân vận\n', 1, "ngoặc đóng"),
    "unclosed flow list": ("a: [1, 2\nb: 3\n", 2, "ngoặc vuông"),
    "unclosed flow map": ("a: {x: 1\nb: 3\n", 2, "ngoặc nhọn"),
    "wrong closing bracket": ("a: [1, 2}\n", 1, "ngoặc vuông"),
    "missing item in a list": ("a: [1, , 2]\n", 1, "thiếu giá trị"),
    "unknown escape": ('a: "C:\\Tai lieu"\n', 1, "“\\”"),
    "bad unicode escape": ('a: "\\uZZZZ"\n', 1, "\\u"),
    "undefined alias": ("a: 1\nb: *x\n", 2, "neo"),
    "duplicate anchor": ("a: &x 1\nb: &x 2\nc: *x\n", 2, "neo"),
    "empty anchor": ("a: &\n", 1, "neo"),
    "at sign at the start": ("email: @abc\n", 1, "“@”"),
    "backtick at the start": ("a: `abc`\n", 1, "“`”"),
    "unknown directive": ("%FOO bar\n---\na: 1\n", 1, "“%”"),
    "YAML 2.0 directive": ("%YAML 2.0\n---\na: 1\n", 1, "%YAML"),
    "duplicate YAML directive": ("%YAML 1.1\n%YAML 1.1\n---\na: 1\n", 2, "“%”"),
    "undefined tag handle": ("a: !x!y 1\n", 1, "thẻ"),
    "unclosed verbatim tag": ("a: !<tag:x 1\n", 1, "thẻ"),
    "indentation indicator 0": ("a: |0\n  x\n", 1, "“|”"),
    "junk after block indicator": ("a: |x\n  x\n", 1, "“|”"),
    "trailing words after a flow list": ("[1, 2] x\n", 1, "kết thúc"),
    "document marker inside a quote": ("a: 'x\n---\n'\n", 1, "“---”"),
    "very long key": ("a" * 1100 + ": 1\n", 1, "dấu hai chấm"),
}

_PYYAML = Path(yaml.__file__).resolve().parent


def pyyaml_vocabulary() -> set[str]:
    """Every word of PyYAML's own messages: the string literals of its reader, scanner,
    parser and composer, and the printable text of its compiled libyaml parser."""
    words: set[str] = set()
    for name in ("reader.py", "scanner.py", "parser.py", "composer.py"):
        for literal in re.findall(r"\"([^\"\n]*)\"", (_PYYAML / name).read_text(encoding="utf-8")):
            words |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", literal)}
    for binary in _PYYAML.glob("_yaml*.so"):
        for run in re.findall(rb"[ -~]{12,}", binary.read_bytes()):
            if re.search(rb"\b(found|expected|while|allowed)\b", run):
                words |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", run.decode("ascii"))}
    assert {"found", "expected", "while", "scanning", "mapping", "allowed", "token"} <= words
    # Words Vietnamese editors use as they are: the key on the keyboard, the format's and the
    # encoding's names.
    return words - {"tab", "yaml", "unicode", "utf"}


VOCABULARY = pyyaml_vocabulary()


def english_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[A-Za-z]+", text) if w.lower() in VOCABULARY}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_every_syntax_finding_is_vietnamese_located_and_says_what_to_do(name: str) -> None:
    text, line, words = CORPUS[name]
    loaded = load_yaml_text(text, "x.yml")
    assert not loaded.ok, f"{name}: read without a finding"
    [finding] = loaded.findings
    assert finding.code == "YAML-SYNTAX"
    assert finding.line == line, f"{name}: {finding.message} at line {finding.line}"
    assert finding.column is not None
    assert words in finding.message, finding.message
    for text_ in (finding.message, finding.hint):
        assert text_ and unicodedata.is_normalized("NFC", text_)
        assert not english_words(text_), f"{name}: English words {english_words(text_)} in {text_!r}"
    assert re.search("[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữự]", finding.hint), finding.hint


def test_the_corpus_reaches_the_parser_and_the_reader() -> None:
    """The corpus is not all caught by our own screen: PyYAML raises on most of it, and
    every family of its errors (reader, scanner, parser, composer) is met."""
    raised: set[str] = set()
    for text, _, _ in CORPUS.values():
        try:
            yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as exc:
            raised.add(type(exc).__name__)
    assert {"ReaderError", "ScannerError", "ParserError", "ComposerError"} <= raised


def test_pure_python_parser_errors_are_translated_too() -> None:
    """Where PyYAML was built without libyaml its own parser speaks; same table."""
    for text, line, _ in CORPUS.values():
        try:
            yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            explained = explain(exc, text, c_parser=False)
            assert explained.line is not None and explained.hint
            assert not english_words(explained.message + explained.hint), (text, explained.message)


def test_reader_positions_are_bytes_for_libyaml_and_characters_for_pyyaml() -> None:
    text = "tên: Nguyễn Văn Ấn\nb: 2\x0c\n"
    index = text.index("\x0c")
    c_error = yaml.reader.ReaderError("x", len(text[:index].encode("utf-8")), 12, "unicode", "control characters are not allowed")
    py_error = yaml.reader.ReaderError("x", index, 12, "unicode", "control characters are not allowed")
    assert explain(c_error, text, c_parser=True).line == 2
    assert explain(py_error, text, c_parser=False).line == 2
    assert (explain(c_error, text).line, explain(c_error, text).column) == line_col(text, index) == (2, 5)


def test_lines_count_as_editors_do() -> None:
    assert line_col("a\r\nb\rc\nd", 7) == (4, 1)
    assert line_col("a\x85b\nc", 4) == (2, 1)  # NEL is not a line break for an editor


def test_a_windows_file_with_a_form_feed_names_the_right_line() -> None:
    raw = "\ufeffa: 1\r\nb: 2\r\nc: x\x0cy\r\n".encode("utf-8")
    [finding] = load_yaml_bytes(raw, "x.yml").findings
    assert (finding.code, finding.line, finding.column) == ("YAML-SYNTAX", 3, 5)


def test_blank_and_comment_only_files_are_told_apart() -> None:
    assert not load_yaml_text("", "x.yml").comments_only
    assert not load_yaml_text("\n  \n", "x.yml").comments_only
    assert load_yaml_text("# chỉ có chú thích\n", "x.yml").comments_only


def test_the_fast_path_never_answers_for_a_broken_file() -> None:
    """yaml-rs's own error messages (English) never reach an editor: on any file of the
    corpus it declines, and the careful path above gives the finding."""
    from generator.load.yamlload import _DECLINED, _fast_load

    for name, (text, _, _) in CORPUS.items():
        assert _fast_load(text) is _DECLINED, name
