"""The canonical YAML body of a data file: takes a mapping of str, int, float, bool, None, dicts
and lists, gives block-style YAML text laid out like the repository's data files (keys in the
order given, plain scalars where YAML reads them back as the same string, JSON-style double
quotes otherwise, multi-line text as literal blocks). `handbook fmt`, the check's layout note,
the synthetic projects and the sample data all write with it. An emitter of its own: the
nation scale writes about 100,000 files, and PyYAML's emitter is pure Python.

Every value comes back as it went in when the text is read by `generator.load.yamlload`
(either path); tests/test_fmt.py holds it to that on crafted values.
"""

from __future__ import annotations

import json
import re
from typing import Any

_KEYWORDS = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n", ""}
_DATE_RE = re.compile(r"\d{2}/\d{2}/\d{4}\Z")
# Characters YAML forbids raw, or reads as line breaks an editor does not show (NEL, LS, PS),
# or that the loader refuses (a BOM in the middle): such text is written double-quoted with
# the character escaped.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_PLAIN_KEY = re.compile(r"[^\W\d][\w\-.]*\Z|\d+\Z")
# A plain scalar is written only where YAML reads it back as this very string: it starts with
# a letter, holds no ": ", " #", tab, line break or character YAML forbids raw, does not end
# with a space or a colon and is no YAML keyword; dates dd/mm/yyyy stay plain too. Anything
# else is double-quoted.


def _quoted(s: str) -> str:
    if s.isprintable() and '"' not in s and "\\" not in s:
        return f'"{s}"'
    text = json.dumps(s, ensure_ascii=False)
    # json leaves these raw; YAML would refuse them or read them as line breaks.
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _UNSAFE.search(text) else text


def _str(s: str, pad: str) -> str:
    if (s[:1].isalpha() and ": " not in s and " #" not in s and "\n" not in s and "\t" not in s and "\r" not in s
            and s[-1] not in " :" and (len(s) > 5 or s.lower() not in _KEYWORDS) and not _UNSAFE.search(s)):
        return s
    if _DATE_RE.match(s):
        return s
    if "\n" in s:
        body = s[:-1] if s.endswith("\n") else s
        if body and not (body.endswith("\n") or body.startswith((" ", "\n")) or "\t" in body or "\r" in body
                         or _UNSAFE.search(body)):
            head = "|" if s.endswith("\n") else "|-"
            inner = pad + "  "
            return head + "".join("\n" + (inner + line if line else "") for line in body.split("\n"))
    return _quoted(s)


def _key(k: Any) -> str:
    """A key as written: plain when it is a name (every field of the models is), else quoted."""
    k = str(k)
    return k if _PLAIN_KEY.match(k) else _quoted(k)


def _scalar(value: Any, pad: str) -> str:
    t = type(value)
    if t is str:
        return _str(value, pad)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if t is int:
        return str(value)
    if t is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("non-finite float")
        return repr(value)
    if t is dict:
        if value:
            raise TypeError("a mapping is not a scalar")
        return "{}"
    if t is list:
        if value:
            raise TypeError("a list is not a scalar")
        return "[]"
    raise TypeError(f"cannot write {t.__name__} to YAML")


def _emit_map(d: dict, pad: str, out: list[str]) -> None:
    for k, v in d.items():
        t = type(v)
        key = k if type(k) is str and k.isidentifier() and k.isascii() else _key(k)
        if t is str:
            out.append(f"{pad}{key}: {_str(v, pad)}")
        elif t is dict and v:
            out.append(f"{pad}{key}:")
            _emit_map(v, pad + "  ", out)
        elif t is list and v:
            out.append(f"{pad}{key}:")
            _emit_seq(v, pad + "  ", out)
        else:
            out.append(f"{pad}{key}: {_scalar(v, pad)}")


def _emit_seq(items: list, pad: str, out: list[str]) -> None:
    inner = pad + "  "
    cut = len(inner)
    for item in items:
        t = type(item)
        if t is dict and item:
            start = len(out)
            _emit_map(item, inner, out)
            out[start] = pad + "- " + out[start][cut:]
        elif t is list and item:
            start = len(out)
            _emit_seq(item, inner, out)
            out[start] = pad + "- " + out[start][cut:]
        else:
            out.append(f"{pad}- {_scalar(item, pad)}")


def dump_yaml(data: dict) -> str:
    """The block-style YAML of a mapping (the data file body, without the header comments).

    Keys are written plain when they are names (schema field names always are), quoted
    otherwise; values are str, int, float, bool, None, dicts and lists."""
    if not data:
        return "{}\n"
    out: list[str] = []
    _emit_map(data, "", out)
    return "\n".join(out) + "\n"
