"""What a pydantic field's type says, for the form: takes an annotation (and its metadata);
gives its core type, whether None is allowed, and the facts a widget needs (the reference it
points at, bounds, lengths, pattern, schema extras)."""

from __future__ import annotations

import types
import typing
from typing import Annotated, Any, Union

from pydantic.fields import FieldInfo

from generator.schema.common import RefTo


class Facts:
    """What the metadata of a field says: reference, bounds, pattern, schema extras."""

    def __init__(self) -> None:
        self.ref: str | None = None
        self.ge: float | None = None
        self.le: float | None = None
        self.min_len: int | None = None
        self.max_len: int | None = None
        self.pattern: str | None = None
        self.extra: dict[str, Any] = {}

    @classmethod
    def of(cls, metadata: list, extra: Any) -> "Facts":
        facts = cls()
        if isinstance(extra, dict):
            facts.extra.update(extra)
        facts.add(metadata)
        return facts

    def add(self, metadata: list) -> None:
        for item in metadata:
            if isinstance(item, RefTo):
                self.ref = item.kind
            elif isinstance(item, FieldInfo):
                if isinstance(item.json_schema_extra, dict):
                    self.extra.update(item.json_schema_extra)
                self.add(item.metadata)
            else:
                for attr, target in (("ge", "ge"), ("le", "le"), ("min_length", "min_len"),
                                     ("max_length", "max_len"), ("pattern", "pattern")):
                    value = getattr(item, attr, None)
                    if value is not None:
                        setattr(self, target, value)
        if self.extra.get("x-ref") and not self.ref:
            self.ref = self.extra["x-ref"]


def unwrap(annotation: Any) -> tuple[Any, bool, list]:
    """Strip Optional[...] and Annotated[...]: (core type, whether None is allowed, metadata)."""
    metadata: list = []
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            base, *extra = typing.get_args(annotation)
            metadata.extend(extra)
            annotation = base
            continue
        if origin in (Union, types.UnionType):
            args = typing.get_args(annotation)
            kept = [a for a in args if a is not type(None)]
            if len(kept) < len(args):
                optional = True
            if len(kept) == 1:
                annotation = kept[0]
                continue
            return Union[tuple(kept)], optional, metadata  # noqa: UP007 - a runtime union
        return annotation, optional, metadata
