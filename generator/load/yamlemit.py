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
_NOT_PLAIN = re.compile("[\n\t\r]|" + _UNSAFE.pattern)
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
    # Every character _NOT_PLAIN finds is unprintable to Python: the quick test first.
    if (s[:1].isalpha() and ": " not in s and " #" not in s and s[-1] not in " :"
            and (len(s) > 5 or s.lower() not in _KEYWORDS) and (s.isprintable() or not _NOT_PLAIN.search(s))):
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


# A shape orders the keys of mappings: (field names in order, the same as a set, the shape of
# each field's mapping or list items, a cache: the keys of a mapping as given -> as written).
# `generator.model.canonical` makes them from the models.
Shape = tuple


_SAME = ("<the order given>",)


def _order(keys: tuple, shape: Shape) -> tuple:
    names, known, _, orders = shape
    ordered = [name for name in names if name in keys]
    if len(ordered) != len(keys):
        ordered.extend(k for k in keys if k not in known)
    result = _SAME if tuple(ordered) == keys else tuple(ordered)
    if len(orders) < _CACHE_LIMIT:
        orders[keys] = result
    return result


_KEY_TEXT: dict = {}  # key -> how it is written (keys repeat in every record)
_CACHE_LIMIT = 100_000


def _key_text(k) -> str:
    text = _KEY_TEXT.get(k)
    if text is None:
        if len(_KEY_TEXT) > _CACHE_LIMIT:
            _KEY_TEXT.clear()
        text = _KEY_TEXT[k] = _key(k)
    return text


def _emit_map(d: dict, pad: str, out: list[str], shape: Shape | None = None) -> None:
    # The hot loop of `handbook check` (every file is laid out): scalars are written inline,
    # keys come from a cache, and the test for a plain string is `_str`'s own, inlined.
    subs = shape[2] if shape is not None else None
    keys = _KEY_TEXT
    keywords = _KEYWORDS
    not_plain = _NOT_PLAIN
    append = out.append
    if shape is None:
        items = d.items()
    else:
        given = tuple(d)
        order = shape[3].get(given) or _order(given, shape)
        items = d.items() if order is _SAME else [(k, d[k]) for k in order]
    for k, v in items:
        t = type(v)
        key = keys.get(k) or _key_text(k)
        if t is str:
            if (v[:1].isalpha() and ": " not in v and " #" not in v and v[-1] not in " :"
                    and (len(v) > 5 or v.lower() not in keywords) and (v.isprintable() or not not_plain.search(v))):
                append(f"{pad}{key}: {v}")
            else:
                append(f"{pad}{key}: {_str(v, pad)}")
        elif t is int:
            append(f"{pad}{key}: {v}")
        elif t is bool:
            append(f"{pad}{key}: true" if v else f"{pad}{key}: false")
        elif v is None:
            append(f"{pad}{key}: null")
        elif t is dict and v:
            append(f"{pad}{key}:")
            _emit_map(v, pad + "  ", out, subs.get(k) if subs else None)
        elif t is list and v:
            append(f"{pad}{key}:")
            _emit_seq(v, pad + "  ", out, subs.get(k) if subs else None)
        else:
            append(f"{pad}{key}: {_scalar(v, pad)}")


def _emit_seq(items: list, pad: str, out: list[str], shape: Shape | None = None) -> None:
    inner = pad + "  "
    cut = len(inner)
    for item in items:
        t = type(item)
        if t is dict and item:
            start = len(out)
            _emit_map(item, inner, out, shape)
            out[start] = pad + "- " + out[start][cut:]
        elif t is list and item:
            start = len(out)
            _emit_seq(item, inner, out, shape)
            out[start] = pad + "- " + out[start][cut:]
        else:
            out.append(f"{pad}- {_scalar(item, pad)}")


def dump_yaml(data: dict, shape: Shape | None = None) -> str:
    """The block-style YAML of a mapping (the data file body, without the header comments).

    Keys are written plain when they are names (schema field names always are), quoted
    otherwise, in the order given — or, with a `shape`, known fields first in the shape's
    order and the others after in the order given; values are str, int, float, bool, None,
    dicts and lists."""
    if not data:
        return "{}\n"
    out: list[str] = []
    _emit_map(data, "", out, shape)
    return "\n".join(out) + "\n"
