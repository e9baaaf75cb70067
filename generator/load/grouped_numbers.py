"""Numbers written with a thousands separator: takes a model, the loaded data and where the
loader met numbers like `1.068`, gives findings for whole-number fields that would otherwise
hold 1.068 (refused by pydantic with no hint) or 1 (`1.000` is accepted as 1.0, silently).

Vietnamese writes 1.068 for one thousand and sixty-eight; YAML reads it as a decimal number.
`12.500.000` and `1,068` are text to YAML, so only the single-dot spelling is a float; the
others reach validation as text and are caught where pydantic refuses them.
"""

from __future__ import annotations

import re
import typing
from typing import Any

from pydantic import BaseModel

from generator.core.findings import Finding, Severity
from generator.core.text import fold

CODE = "NUMBER-THOUSANDS-SEPARATOR"
GROUPED_TEXT = re.compile(r"[-+]?[0-9]{1,3}(?:[.,][0-9]{3})+$")
# Units a count is given in: a fractional number of them is a misread thousands dot.
COUNT_UNITS = {
    "ho", "ho dan", "ho gia dinh", "gia dinh", "nguoi", "luot", "luot nguoi", "cuoc", "buoi", "hoi nghi", "tin",
    "vu", "vu viec", "thanh vien", "dang vien", "hoi vien", "doan vien", "cay", "con", "chiec", "cai", "lop", "nha",
    "can", "ngoi nha", "dong", "suat", "phan qua", "ngay cong", "ban", "xom", "thon", "to", "nhom", "mo hinh",
}


def whole(text: str) -> str:
    """"1.068" -> "1068", "12.500.000" -> "12500000"."""
    return text.replace(".", "").replace(",", "")


def finding(text: str, file: str, line: int | None, column: int | None, where: str | None, label: str) -> Finding:
    return Finding(
        CODE, Severity.ERROR,
        f"{label} được viết “{text}”, có dấu ngăn cách hàng nghìn: máy đọc đó là số thập phân hoặc chữ, "
        f"không phải số {whole(text)}.",
        file=file, line=line, column=column, path=where,
        hint=f"Viết liền các chữ số, không dấu ngăn cách: {whole(text)}.",
    )


def looks_grouped(value: Any) -> bool:
    return isinstance(value, str) and bool(GROUPED_TEXT.match(value.strip()))


def annotation_at(model: type[BaseModel], path: tuple) -> Any:
    """The type annotation of the field a data key path leads to (None when unknown)."""
    current: Any = model
    for part in path:
        current = _strip(current, list_item=isinstance(part, int))
        if isinstance(part, int):
            continue
        model_class = next((a for a in _args(current) if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if model_class is None or part not in model_class.model_fields:
            return None
        current = model_class.model_fields[part].annotation
    return current


def owner_at(model: type[BaseModel], path: tuple) -> type[BaseModel] | None:
    """The model class that declares the field a key path ends at."""
    parent = annotation_at(model, path[:-1]) if path else None
    if not path or isinstance(path[-1], int):
        return None
    parent = _strip(parent, list_item=False)
    return next((a for a in _args(parent) if isinstance(a, type) and issubclass(a, BaseModel)), None)


def is_whole_number_field(annotation: Any) -> bool:
    types = set(_args(annotation))
    return int in types and float not in types


def counted(model: type[BaseModel], data: Any, path: tuple) -> bool:
    """A `value` next to a `unit` that counts things (households, people): whole by nature."""
    if not path or path[-1] != "value":
        return False
    parent = data
    for part in path[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return False
    unit = parent.get("unit") if isinstance(parent, dict) else None
    return isinstance(unit, str) and fold(unit).strip() in COUNT_UNITS


def _strip(annotation: Any, list_item: bool) -> Any:
    """Optional and Annotated removed; for a list index, the list's item type."""
    for arg in _args(annotation):
        if list_item and typing.get_origin(arg) in (list, tuple, set):
            inner = typing.get_args(arg)
            return inner[0] if inner else None
    return annotation


def _args(annotation: Any) -> list[Any]:
    """The alternatives of an annotation, Annotated and unions opened."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _args(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return [a for arg in typing.get_args(annotation) for a in _args(arg)]
    return [annotation]
