"""Walking validated records: which fields of a model class can hold instances of a given
model (a Photo, a Citation), found once per class so walks skip everything else."""

from __future__ import annotations

from typing import Any, Iterator

from pydantic import BaseModel

_cache: dict[tuple[type, type], list[str]] = {}


def _holds(annotation: Any, target: type, seen: set) -> bool:
    if annotation is target:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return False
        seen.add(annotation)
        return any(_holds(f.annotation, target, seen) for f in annotation.model_fields.values())
    return any(_holds(arg, target, seen) for arg in getattr(annotation, "__args__", ()) or ())


def fields_holding(model: type[BaseModel], target: type) -> list[str]:
    key = (model, target)
    if key not in _cache:
        _cache[key] = [name for name, f in model.model_fields.items() if _holds(f.annotation, target, set())]
    return _cache[key]


def iter_instances(obj: Any, target: type, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every instance of `target` inside a record, with its key path."""
    if isinstance(obj, target):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in fields_holding(type(obj), target):
            yield from iter_instances(getattr(obj, name), target, path + (name,))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            if isinstance(item, (BaseModel, list)):
                yield from iter_instances(item, target, path + (i,))
