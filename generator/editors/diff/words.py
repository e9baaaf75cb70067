"""The pieces every change sentence is made of: takes records, ids and models, gives
Vietnamese phrases — a field's words (from its model's title, so the summary speaks of a field
as the editor's form and the JSON Schema do), a code's label, a place (“thôn Đông (xã Phúc
Sơn)”), a team's or bloc's name, lists cut at ten names, months."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any, Iterable, Sequence

from pydantic import BaseModel

from generator.model.dataset import Dataset
from generator.model.hierarchy import unit_label
from generator.schema.roles import LABELS
from generator.schema.introspect import field_at

MAX_NAMES = 10  # names listed in one sentence; the rest are counted


def title(model: type[BaseModel], name: str) -> str:
    """A field's title as words inside a sentence: “Quy chế hoạt động” → “quy chế hoạt động”,
    but names (“Tổ …”, “UBND”) and abbreviations keep their capitals."""
    spec = field_at(model, name)
    text = spec.title if spec else name
    if text.startswith(("Tổ ", "Khối ", "HĐND", "UBND")) or (len(text) > 1 and text[1].isupper()):
        return text
    return text[:1].lower() + text[1:]


def titles(model: type[BaseModel], names: Iterable[str]) -> str:
    return ", ".join(title(model, n) for n in names)


def code_label(value: Any) -> str:
    """The Vietnamese label of a code (“to_truong” → “Tổ trưởng”)."""
    value = value.value if isinstance(value, enum.Enum) else value
    return LABELS.get(value, str(value))


def lower(text: str) -> str:
    """First letter lower-cased, unless the second is a capital too (an abbreviation)."""
    return text[:1].lower() + text[1:] if text and not text[1:2].isupper() else text


def join(items: Sequence[str], more: str = "mục") -> str:
    """“a, b, c”; past ten items “… và 5 {more} khác”."""
    shown = list(items[:MAX_NAMES])
    text = ", ".join(shown)
    if len(items) > len(shown):
        text += f" và {len(items) - len(shown)} {more} khác"
    return text


def quote(text: str) -> str:
    return f"“{text}”"


def months(dates: Iterable[dt.date]) -> str:
    """“tháng 11/2024”, “các tháng 10/2024, 11/2024”, or “từ tháng 01/2024 đến tháng 06/2024”."""
    found = sorted({(d.year, d.month) for d in dates})
    if not found:
        return ""
    fmt = [f"{m:02d}/{y}" for y, m in found]
    if len(fmt) == 1:
        return f"tháng {fmt[0]}"
    if len(fmt) <= 3:
        return "các tháng " + ", ".join(fmt)
    return f"từ tháng {fmt[0]} đến tháng {fmt[-1]}"


def unit_place(ds: Dataset, unit_id: str | None, with_parent: bool = True, inline: bool = False) -> str:
    """“thôn Đông (xã Phúc Sơn)”, or “thôn Đông, xã Phúc Sơn” inline."""
    if not unit_id:
        return ""
    at = ds.units.get(unit_id)
    if at is None:
        return quote(unit_id)
    text = unit_label(at.obj)
    parent = ds.units.get(at.obj.parent) if with_parent and at.obj.parent else None
    if parent is not None:
        text += f", {unit_label(parent.obj)}" if inline else f" ({unit_label(parent.obj)})"
    return text


def communes(ds: Dataset, ids: Iterable[str]) -> str:
    return join([unit_place(ds, c) for c in ids], "xã")


def team_label(ds: Dataset, team: Any, inline: bool = False) -> str:
    """“Tổ Dân vận cộng đồng thôn Đông (xã Phúc Sơn)”; inline: “… thôn Đông, xã Phúc Sơn”."""
    if team.village not in ds.units:
        return f"Tổ Dân vận cộng đồng “{team.id}”"
    return f"Tổ Dân vận cộng đồng {unit_place(ds, team.village, inline=inline)}"


def bloc_label(ds: Dataset, bloc: Any, inline: bool = False) -> str:
    """“Khối Dân vận xã Phúc Sơn (huyện Tân Yên)”; inline: “… xã Phúc Sơn, huyện Tân Yên”."""
    if bloc.commune not in ds.units:
        return f"Khối Dân vận “{bloc.id}”"
    return f"Khối Dân vận {unit_place(ds, bloc.commune, inline=inline)}"


def agency(assignment: Any) -> str:
    """The assigned Party organisation (“Chi bộ Sở Tư pháp”), or the agency's name."""
    return assignment.agency.party_org or assignment.agency.name
