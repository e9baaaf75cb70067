"""The YAML of the synthetic data files: takes a mapping of str, int, float, bool, None, dicts
and lists, gives block-style YAML text laid out like the repository's data files (keys in the
order given, plain scalars where YAML reads them back as the same string, JSON-style double
quotes otherwise). An emitter of its own: the nation scale writes about 100,000 files, and
PyYAML's emitter is pure Python.
"""

from __future__ import annotations

import json
import re
from typing import Any

_KEYWORDS = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n", ""}
_DATE_RE = re.compile(r"\d{2}/\d{2}/\d{4}\Z")
# A plain scalar is written only where YAML reads it back as this very string: it starts with
# a letter, holds no ": ", " #", tab or line break, does not end with a space or a colon and
# is no YAML keyword; dates dd/mm/yyyy stay plain too. Anything else is double-quoted.


def _str(s: str, pad: str) -> str:
    if (s[:1].isalpha() and ": " not in s and " #" not in s and "\n" not in s and "\t" not in s and "\r" not in s
            and s[-1] not in " :" and (len(s) > 5 or s.lower() not in _KEYWORDS)):
        return s
    if _DATE_RE.match(s):
        return s
    if "\n" in s:
        body = s[:-1] if s.endswith("\n") else s
        if not (body.endswith("\n") or body.startswith((" ", "\n")) or "\t" in body or "\r" in body):
            head = "|" if s.endswith("\n") else "|-"
            inner = pad + "  "
            return head + "".join("\n" + (inner + line if line else "") for line in body.split("\n"))
    if s.isprintable() and '"' not in s and "\\" not in s:
        return f'"{s}"'
    return json.dumps(s, ensure_ascii=False)


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
    raise TypeError(f"cannot write {t.__name__} to YAML")


def _emit_map(d: dict, pad: str, out: list[str]) -> None:
    for k, v in d.items():
        t = type(v)
        if t is str:
            out.append(f"{pad}{k}: {_str(v, pad)}")
        elif t is dict:
            out.append(f"{pad}{k}:")
            _emit_map(v, pad + "  ", out)
        elif t is list:
            if not v:
                out.append(f"{pad}{k}: []")
            else:
                out.append(f"{pad}{k}:")
                _emit_seq(v, pad + "  ", out)
        else:
            out.append(f"{pad}{k}: {_scalar(v, pad)}")


def _emit_seq(items: list, pad: str, out: list[str]) -> None:
    inner = pad + "  "
    cut = len(inner)
    for item in items:
        t = type(item)
        if t is dict:
            start = len(out)
            _emit_map(item, inner, out)
            out[start] = pad + "- " + out[start][cut:]
        elif t is list:
            raise ValueError("nested lists are not used in the data files")
        else:
            out.append(f"{pad}- {_scalar(item, pad)}")


def dump_yaml(data: dict) -> str:
    """The block-style YAML of a mapping (the data file body, without the header comments).

    Keys are written as they are (they are schema field names); values are str, int, float,
    bool, None, dicts and lists of scalars or dicts."""
    out: list[str] = []
    _emit_map(data, "", out)
    return "\n".join(out) + "\n"

