"""Reading the models: takes a pydantic model class, gives its fields as plain descriptions —
name, Vietnamese title and description, a type in words, required or not, bounds, the kind
of record a reference points to, the declared visibility, the allowed values, and the nested
model a field holds. The one place that reads pydantic annotations: the documentation of
fields, the reference checks and the tools derive from it instead of reading them again.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import typing
from dataclasses import dataclass
from typing import Any, Iterator, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.schema.common import RefTo

_SCALARS = {str: "chuỗi", int: "số nguyên", float: "số", bool: "true/false"}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    title: str
    description: str
    type_words: str  # Vietnamese: "chuỗi", "danh sách mã thôn"…
    required: bool
    many: bool  # a list
    ref: str | None  # the kind of record the value (or each item) is the id of
    nested: type[BaseModel] | None  # the model the value (or each item) is
    choices: tuple[str, ...]  # allowed values of an enum or Literal
    visibility: str | None  # public, consent, internal (people's fields)
    bounds: dict[str, Any]  # ge, le, gt, lt, min_length, max_length, pattern
    date: bool
    scalar: str | None = None  # "str", "int", "float" or "bool": the plain type of the value (or each item)


def _flatten(annotation: Any) -> Iterator[Any]:
    """The annotation and everything inside it (Optional, list, Annotated, unions)."""
    yield annotation
    if typing.get_origin(annotation) is typing.Annotated:
        yield from _flatten(typing.get_args(annotation)[0])
        for meta in annotation.__metadata__:
            yield meta
        return
    for arg in typing.get_args(annotation):
        yield from _flatten(arg)


def _metadata(info: FieldInfo) -> list[Any]:
    found = list(info.metadata)
    for part in _flatten(info.annotation):
        if typing.get_origin(part) is typing.Annotated:
            found.extend(part.__metadata__)
        elif not isinstance(part, type) and not typing.get_origin(part) and part is not None:
            found.append(part)
    return found


def _bounds(meta: list[Any]) -> dict[str, Any]:
    """Constraints as pydantic keeps them (annotated_types' Ge, MaxLen…, and its own pattern)."""
    out: dict[str, Any] = {}
    for item in meta:
        for name in ("ge", "le", "gt", "lt", "min_length", "max_length", "pattern"):
            value = getattr(item, name, None)
            if value is not None:
                out.setdefault(name, value)
    return out


@functools.lru_cache(maxsize=None)
def fields_of(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    specs = []
    for name, info in model.model_fields.items():
        parts = list(_flatten(info.annotation))
        meta = _metadata(info)
        ref = next((m.kind for m in meta if isinstance(m, RefTo)), None)
        nested = next((p for p in parts if isinstance(p, type) and issubclass(p, BaseModel)), None)
        many = any(typing.get_origin(p) in (list, tuple, set) for p in parts)
        choices: tuple[str, ...] = ()
        for p in parts:
            if isinstance(p, type) and issubclass(p, enum.Enum):
                choices = tuple(str(m.value) for m in p)
            elif typing.get_origin(p) is Literal:
                choices = tuple(str(v) for v in typing.get_args(p))
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        date = any(p is dt.date for p in parts)
        specs.append(FieldSpec(
            name=name, title=info.title or name, description=info.description or "",
            type_words=_type_words(parts, many, ref, nested, choices, date), required=info.is_required(),
            many=many, ref=ref, nested=nested, choices=choices, visibility=extra.get("x-visibility"),
            bounds=_bounds(meta), date=date,
            scalar=next((p.__name__ for p in parts if p in _SCALARS), None),
        ))
    return tuple(specs)


_REF_WORDS = {
    "unit": "mã đơn vị", "person": "mã người", "document": "mã văn bản", "model": "mã mô hình", "team": "mã Tổ",
    "topic": "mã chủ đề", "qa": "mã câu hỏi", "module": "mã chuyên đề",
}


def _type_words(parts: list, many: bool, ref: str | None, nested, choices, date: bool) -> str:
    if ref:
        one = _REF_WORDS.get(ref, f"mã {ref}")
    elif nested is not None:
        one = "bảng các khóa"
    elif choices:
        one = "một trong các mã"
    elif date:
        one = "ngày (dd/mm/yyyy)"
    else:
        one = next((_SCALARS[p] for p in parts if p in _SCALARS), "giá trị")
    return f"danh sách {one}" if many else one


def ref_fields(model: type[BaseModel]) -> list[tuple[str, str | None, bool]]:
    """(field name, referenced kind or None, whether the field holds nested models)."""
    return [(f.name, f.ref, f.nested is not None) for f in fields_of(model)]


def field_at(model: type[BaseModel], dotted: str) -> FieldSpec | None:
    """The field a dotted path names ("founding_decision.date"), through nested models."""
    *outer, last = dotted.split(".")
    for name in outer:
        spec = next((f for f in fields_of(model) if f.name == name), None)
        if spec is None or spec.nested is None:
            return None
        model = spec.nested
    return next((f for f in fields_of(model) if f.name == last), None)


def walk_models(model: type[BaseModel], path: tuple[str, ...] = (),
                seen: frozenset = frozenset()) -> Iterator[tuple[tuple[str, ...], FieldSpec]]:
    """Every field of a model and of the models nested in it, with its path of field names."""
    for spec in fields_of(model):
        yield path + (spec.name,), spec
        if spec.nested is not None and spec.nested not in seen | {model}:
            yield from walk_models(spec.nested, path + (spec.name,), seen | {model})
