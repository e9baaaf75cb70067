"""Records shaped by the models: takes a model class of generator/schema and field values, gives
the record as a plain dict whose keys follow the model's field order (from
generator.schema.introspect), with the fields left at None omitted.

Why dicts and not the models themselves: the files must keep their exact bytes, and a model
would turn an integer result into a float (12 → 12.0), strip the line break that ends a story
and turn dates into date objects; validating every record would also add about a third to
the time of building them (0.46 s on 1.44 s of CPU for 300 nation communes), for nothing
`handbook check` does not do afterwards (the tests run it on every small scale). What this
gives instead: a field the model lacks fails here, at the line that builds the record, and
the order of keys is the model's, as editors see it in the JSON Schema and the web editor.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from generator.schema.common import Photo
from generator.schema.introspect import fields_of

PHOTO = "photos/anh-mau.svg"  # the one photo every synthetic photo points at (copied from data/)


# (model, the names given, in the order given) -> None when that order is already the model's,
# else the model's order of those names. A run builds a few million records of a few dozen
# shapes, so each shape is checked once and the usual case costs one dictionary lookup.
_SHAPES: dict[tuple, tuple[str, ...] | None] = {}


def _shape(key: tuple) -> tuple[str, ...] | None:
    model, given = key[0], key[1:]
    names = [spec.name for spec in fields_of(model)]
    unknown = sorted(set(given) - set(names))
    if unknown:
        raise TypeError(f"{model.__name__} has no field {', '.join(unknown)}")
    order = tuple(name for name in names if name in given)
    return None if order == given else order


def record(model: type[BaseModel], /, **values: Any) -> dict[str, Any]:
    """The record of `model` with these values, in the model's field order, None left out."""
    key = (model, *values)
    try:
        order = _SHAPES[key]
    except KeyError:
        order = _SHAPES[key] = _shape(key)
    if order is not None:
        return {name: values[name] for name in order if values[name] is not None}
    if None in values.values():
        return {name: value for name, value in values.items() if value is not None}
    return values


def published_photo(caption: str, approved_by: str, approved_on: str) -> dict[str, Any]:
    """A captioned, vetted photo marked for publishing (it passes PHOTO-APPROVAL)."""
    return record(Photo, file=PHOTO, caption=caption, approved=True, approved_by=approved_by,
                  approved_on=approved_on, publish=True)
