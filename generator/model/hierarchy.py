"""The unit hierarchy as every stage asks about it: takes a dataset and a unit id; gives the
unit's label, its level in the configured scheme, and the unit above it at a given level
(the commune of a village, the district of a commune). Checks, producers and editor tools
all ask here, so "the commune of a unit" is written once, with its guard against a cycle."""

from __future__ import annotations

from generator.model.dataset import Dataset
from generator.schema.config import KIND_LABELS


def unit_label(unit) -> str:
    """“thôn Rừng Sậu”, “thị trấn Chũ”: the name with its kind, as readers say it."""
    return f"{KIND_LABELS.get(unit.kind, unit.kind)} {unit.name}"


def level_name(ds: Dataset, unit_id: str) -> str | None:
    """The id of the scheme level a unit sits at ('tinh', 'huyen', 'xa', 'thon')."""
    if not ds.config or unit_id not in ds.units:
        return None
    kind = ds.units[unit_id].obj.kind
    for level in ds.config.active_scheme.levels:
        if kind in level.kinds:
            return level.id
    return None


def level_kinds(ds: Dataset, level: str = "xa", default: str = "xã, phường, thị trấn") -> str:
    """The kinds of a level as readers list them: "xã, phường, thị trấn" in the three-level
    scheme, "xã, phường, đặc khu" in the two-level one (the configuration's scheme decides)."""
    found = next((lv for lv in ds.config.active_scheme.levels if lv.id == level), None) if ds.config else None
    return ", ".join(KIND_LABELS.get(k, k) for k in found.kinds) if found else default


def has_level(ds: Dataset, level: str) -> bool:
    return bool(ds.config) and any(lv.id == level for lv in ds.config.active_scheme.levels)


def is_commune(ds: Dataset, unit_id: str) -> bool:
    return level_name(ds, unit_id) == "xa"


def is_village(ds: Dataset, unit_id: str) -> bool:
    return level_name(ds, unit_id) == "thon"


def ancestor_at(ds: Dataset, unit_id: str | None, level: str) -> str | None:
    """The unit itself or its nearest ancestor at `level`; None when there is none (or the
    parents run in a cycle, which `handbook check` reports)."""
    seen: set[str] = set()
    current = unit_id
    while current and current in ds.units and current not in seen:
        if level_name(ds, current) == level:
            return current
        seen.add(current)
        current = ds.units[current].obj.parent
    return None


def ancestors(ds: Dataset, unit_id: str) -> list[str]:
    """The units above a unit, the top first (a cycle in the parents ends the chain)."""
    chain: list[str] = []
    current = ds.units[unit_id].obj.parent if unit_id in ds.units else None
    while current and current in ds.units and current not in chain:
        chain.append(current)
        current = ds.units[current].obj.parent
    return list(reversed(chain))


def commune_of(ds: Dataset, unit_id: str | None) -> str | None:
    return ancestor_at(ds, unit_id, "xa")
