"""What changed between two datasets, as data (no words yet): takes two `Dataset`s, gives per
kind the records added, removed and changed (by id) and those whose file one side could not
read; and, inside a record, which fields changed and which list items were added, removed or
edited. Values are compared in their plain JSON form, so an enum and its string, or a date
and its ISO text, are the same value."""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from pydantic import BaseModel

from generator.model.dataset import Dataset


def plain(value: Any) -> Any:
    """The value as JSON data: models dumped, enums as their value, dates in ISO form."""
    if hasattr(value, "front") and hasattr(value, "answer"):  # a Q&A item
        return {"front": plain(value.front), "answer": value.answer}
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def plain_map(by_id: dict[str, Any]) -> dict:
    return {k: plain(v) for k, v in by_id.items()}


def canon(value: Any) -> str:
    """One string per distinct value (to count equal list items)."""
    return json.dumps(plain(value), ensure_ascii=False, sort_keys=True)


def changed_fields(old: BaseModel, new: BaseModel, skip: Iterable[str] = ()) -> list[str]:
    """The fields whose value differs, in the model's order."""
    skip = set(skip)
    return [name for name in type(new).model_fields
            if name not in skip and plain(getattr(old, name, None)) != plain(getattr(new, name, None))]


def records(ds: Dataset, kind: str) -> dict[str, Any]:
    """The records of one kind by id."""
    return {k: v.obj for k, v in ds.index(kind).items()}


@dataclass
class Delta:
    """The records of one kind that differ between two sides, each list in id order."""

    added: list[tuple[str, Any]] = field(default_factory=list)
    removed: list[tuple[str, Any]] = field(default_factory=list)
    # (id, old, new); old is None where the older side had the file broken and the newer reads it
    changed: list[tuple[str, Any, Any]] = field(default_factory=list)
    unreadable_old: list[str] = field(default_factory=list)  # present in the newer side; the older side had the file broken
    unreadable_new: list[str] = field(default_factory=list)  # present in the older side; the newer side has the file broken


def record_delta(a: Dataset, b: Dataset, kind: str) -> Delta:
    """The records of `kind` added, removed and changed from `a` to `b`. A record missing on
    one side because its file is broken there (its id is in `broken`) is not added or removed."""
    old, new = records(a, kind), records(b, kind)
    delta = Delta()
    for key in sorted(set(old) | set(new)):
        if key not in old:
            if key in a.broken.get(kind, {}):
                delta.unreadable_old.append(key)
                delta.changed.append((key, None, new[key]))
            else:
                delta.added.append((key, new[key]))
        elif key not in new:
            if key in b.broken.get(kind, {}):
                delta.unreadable_new.append(key)
            else:
                delta.removed.append((key, old[key]))
        elif plain(old[key]) != plain(new[key]):
            delta.changed.append((key, old[key], new[key]))
    return delta


def list_delta(old: Sequence[Any], new: Sequence[Any], key: Callable[[Any], Any]) -> tuple[list, list, list]:
    """Items added, removed and edited (same key, other content) between two lists; the
    order is the newer list's (the older one's for removed items)."""
    old_left = Counter(canon(i) for i in old)
    new_left = Counter(canon(i) for i in new)
    added, removed = [], []
    for item in new:
        c = canon(item)
        if old_left[c] > 0:
            old_left[c] -= 1
        else:
            added.append(item)
    for item in old:
        c = canon(item)
        if new_left[c] > 0:
            new_left[c] -= 1
        else:
            removed.append(item)
    edited = []
    for item in list(added):
        match = next((r for r in removed if key(r) == key(item)), None)
        if match is not None:
            removed.remove(match)
            added.remove(item)
            edited.append(item)
    return added, removed, edited
