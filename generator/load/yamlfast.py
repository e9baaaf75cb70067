"""The fast path of YAML loading: takes a file's text, gives its data parsed by yaml-rs (a
Rust parser, several times faster), or `_DECLINED` whenever the answer could differ in any way
from the careful path of `generator.load.yamlload`, which then reads the file instead. Also
the screens both paths share: nesting too deep for the C parser, and whether a text is clean
(NFC, no legacy encoding, no escapes). tests/test_yaml_fast_path.py holds the two paths to
the same answers."""

from __future__ import annotations

import re
from typing import Any

try:  # Rust parser for the common, clean file; see `_fast_load` for when its answer is taken.
    import yaml_rs
except ImportError:  # pragma: no cover - the pinned dependency is missing on this platform
    yaml_rs = None

from generator.core.text import is_nfc, may_hold_legacy_encoding
from generator.load.yamlerrors import ODD_SPACES

MAX_DEPTH = 50
_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)$")
_FLOAT = re.compile(r"[-+]?([0-9][0-9_]*)?\.[0-9]+([eE][-+]?[0-9]+)?$|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$")
_MAY_BE_TYPED = frozenset("~nNtTfF0123456789+-.") | {""}
_UNDERSCORED_DIGIT = re.compile(r"[0-9]_|_[0-9]")


def _clean_text(text: str) -> bool:
    """True when no value of the file can be non-NFC or legacy-encoded, judged once on the
    whole text: every value is a piece of it, except what an escape ("\\u0301") makes."""
    return "\\" not in text and is_nfc(text) and not may_hold_legacy_encoding(text)


_MAYBE_ODD_SPACE = re.compile("[" + ODD_SPACES + "]")
_DECLINED = object()
# Anything that needs the careful path: anchors, aliases, tags, tabs, carriage returns and
# YAML 1.1's other line breaks (NEL, LS, PS), escapes, characters YAML forbids; document
# markers and directives are looked for separately.
_FAST_SCREEN = re.compile(r"[&*!\\\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_DOCUMENT_MARKERS = ("---", "...", "%")
# A plain number with a leading zero or a base prefix: 0123, 0x1F, 0o17 stay text here.
_ZERO_LED = re.compile(r"0[0-9xXoObB_][0-9a-fA-F_]*(?=$|[\s,\]}])", re.M)
_TOKEN_START = frozenset(" \n[{,:")
# Every spelling `yamlnodes.DataBuilder._plain` reads as a null, bool or number (text when quoted).
_TYPED_IF_PLAIN = re.compile(r"(?:~|null|Null|NULL|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])?$|" + _INT.pattern + "|" + _FLOAT.pattern)


def _fast_load(text: str) -> Any:
    """The data of a clean file, parsed by yaml-rs, or `_DECLINED` whenever the answer could
    differ in any way from the careful path (`yamlnodes`): that path reads the file instead.
    Declined: anything `_FAST_SCREEN` or `_clean_text` flags, any parse error (duplicate
    keys included), non-text keys, floats, dates, nesting deeper than MAX_DEPTH, text that a
    plain scalar of the same spelling would turn into a null, bool or number (it may have
    been written plain), and integers when the text holds a zero-led number."""
    if (yaml_rs is None or _FAST_SCREEN.search(text) or _MAYBE_ODD_SPACE.search(text) or text.startswith(_DOCUMENT_MARKERS)
            or any(f"\n{marker}" in text for marker in _DOCUMENT_MARKERS) or not _clean_text(text)):
        return _DECLINED
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # noqa: BLE001 - any refusal sends the file down the careful path
        return _DECLINED
    # Containers wait on the stack; their scalars are looked at where they stand.
    stack = [(data, 0)] if type(data) in (dict, list) else []
    if not stack and not _scalar_agrees(data):
        return _DECLINED
    saw_int = type(data) is int
    while stack:
        container, depth = stack.pop()
        if depth >= MAX_DEPTH:
            return _DECLINED
        if type(container) is dict:
            for key in container:
                if type(key) is not str:
                    return _DECLINED
            items = container.values()
        else:
            items = container
        for value in items:
            kind = type(value)
            if kind is str:
                if value[:1] in _MAY_BE_TYPED and _TYPED_IF_PLAIN.match(value):
                    return _DECLINED
            elif kind is dict or kind is list:
                stack.append((value, depth + 1))
            elif kind is int:
                saw_int = True
            elif kind is not bool and value is not None:
                return _DECLINED
    if saw_int and (_zero_led_number(text) or _UNDERSCORED_DIGIT.search(text)):
        return _DECLINED  # yaml-rs reads "_0" (and may read "1_000") unlike YAML 1.1's rules
    return data


def _zero_led_number(text: str) -> bool:
    """Whether a token such as 0123, -007 or 0x1F stands alone somewhere in the text."""
    for match in _ZERO_LED.finditer(text):
        start = match.start()
        if start and text[start - 1] in "+-":
            start -= 1
        if start == 0 or text[start - 1] in _TOKEN_START:
            return True
    return False


def _scalar_agrees(value: Any) -> bool:
    if type(value) is str:
        return not (value[:1] in _MAY_BE_TYPED and _TYPED_IF_PLAIN.match(value))
    return type(value) in (int, bool) or value is None


def _nesting_too_deep(text: str) -> int | None:
    """The line where flow brackets or indentation nest deeper than MAX_DEPTH (the C parser
    recurses per level and would overflow the stack long before our own limit applies)."""
    if text.count("[") + text.count("{") > MAX_DEPTH * 2 and _deep_brackets(text):
        return _deep_brackets(text)
    match = _DEEP_INDENT.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


_DEEP_INDENT = re.compile(r"^[ -]{%d}" % (MAX_DEPTH * 8 + 1), re.M)


def _deep_brackets(text: str) -> int | None:
    depth = 0
    line = 1
    quote = None
    for ch in text:
        if ch == "\n":
            line += 1
            quote = None if quote != '"' else quote
        elif quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH * 2:
                return line
        elif ch in "]}":
            depth = max(0, depth - 1)
    return None
