"""Free text in the records: takes a validated record, gives every free-text value in it
with its key path (and lets a value be replaced in place); also the record's proper names.
What the personal-data screen reads and what the public build masks.

The rule, derived from the models rather than listed field by field:

- a field is text when its type is `str` (Markdown included) or a list of `str`; ids,
  references (a pattern or `RefTo`), dates, numbers, booleans and enumerations (`Literal`,
  `Enum`) are not text and cannot carry a sentence;
- only fields declared `public` are screened: `consent` and `internal` fields (a person's
  name, phone, ID number, religion…) are personal fields by design, which `site.privacy`
  already shows or withholds per profile;
- proper names by design (PROPER_NAMES: the names of units, documents, agencies and groups,
  awards; everything in the configuration, such as offices and the report's signer, and in
  the list of printed editions) are not free text: a private person's name there is a name
  by design (“phường Trần Phú”), so they are screened for phone numbers, ID numbers and
  e-mail addresses only;
- codes by design (CODES: decision and document numbers, statistical codes, section numbers,
  grade codes, units of measure, file paths, a person's office contacts, public by design)
  are not screened at all.

Everything else is free text and is screened for everything, so a text field added to a
model later is screened without anyone remembering to list it. A Q&A item's Markdown answer
(the body of its file) is free text too; it is not a model field, so it is yielded here by
name (`answer`).
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Any, Iterator

from pydantic import BaseModel

from generator.schema.common import Citation, Photo, RefTo
from generator.schema.assignment import Agency
from generator.schema.bloc import BlocRules
from generator.schema.config import Config
from generator.schema.content import GlossaryTerm
from generator.schema.documents import Document, Section
from generator.schema.exemplar import Exemplar, Recognition, Result
from generator.schema.person import PUBLIC, Person, visibility_of
from generator.schema.publications import Publication
from generator.schema.team import FoundingDecision, Group, Rating
from generator.schema.units import FormerName, Successor, Unit, UnitCode

# Proper names by design: (model, fields, what they are). A subclass inherits its base's.
PROPER_NAMES: tuple[tuple[type, frozenset[str], str], ...] = (
    (Unit, frozenset({"name"}), "the unit's own name"),
    (FormerName, frozenset({"name"}), "a unit's former name"),
    (Successor, frozenset({"name"}), "the name of the unit it became"),
    (Document, frozenset({"issuer", "title", "place", "short_name"}), "a public document's issuer and title"),
    (Section, frozenset({"title"}), "a document's section headings"),
    (FoundingDecision, frozenset({"issuer"}), "the Party committee that issued a decision"),
    (Group, frozenset({"name"}), "a group's name (usually its hamlet)"),
    (Exemplar, frozenset({"name", "implementer", "place"}), "the model's name, the collective that runs it and its place"),
    (Recognition, frozenset({"title", "by"}), "an award and the body that gave it"),
    (Agency, frozenset({"name", "party_org", "reports_to"}), "names of agencies and Party organisations"),
    (GlossaryTerm, frozenset({"term", "abbreviation"}), "a term and its abbreviation"),
)
# Codes by design: never screened.
CODES: tuple[tuple[type, frozenset[str], str], ...] = (
    (Unit, frozenset({"kind"}), "a kind of unit"),
    (UnitCode, frozenset({"scheme", "code"}), "statistical codes"),
    (Document, frozenset({"number", "source_file"}), "a document number and file name"),
    (Section, frozenset({"id"}), "a section number"),
    (FoundingDecision, frozenset({"number"}), "a decision number"),
    (Rating, frozenset({"grade"}), "a code of the rating scale"),
    (Photo, frozenset({"file"}), "a file path"),
    (BlocRules, frozenset({"number"}), "a document number"),
    (Result, frozenset({"unit"}), "a unit of measure"),
    (Citation, frozenset({"section"}), "a section number"),
    (Person, frozenset({"office_phone", "office_email"}), "office contacts, public by design"),
)
# Proper names by design throughout, nested models included: the configuration (offices,
# the report's signer, deadlines) and the printed editions (titles, issuers, places).
ALL_PROPER_NAMES: tuple[type, ...] = (Config, Publication)

TEXT, TEXTS, NESTED = "text", "texts", "nested"


def _listed(table: tuple, model: type, field: str) -> bool:
    return any(issubclass(model, owner) and field in fields for owner, fields, _ in table)


def _leaves(annotation: Any) -> Iterator[tuple[Any, tuple, bool]]:
    """The member types of an annotation: (type, its Annotated metadata, inside a list)."""
    stack = [(annotation, (), False)]
    while stack:
        current, meta, listed = stack.pop()
        origin = typing.get_origin(current)
        if origin is typing.Annotated:
            args = typing.get_args(current)
            stack.append((args[0], meta + tuple(current.__metadata__), listed))
        elif origin in (typing.Union, types.UnionType):
            stack.extend((arg, meta, listed) for arg in typing.get_args(current))
        elif origin in (list, tuple, set, frozenset):
            stack.extend((arg, meta, True) for arg in typing.get_args(current) if arg is not Ellipsis)
        else:
            yield current, meta, listed


def _is_code(meta: tuple) -> bool:
    """A reference or an id: its own pattern says it is not a sentence."""
    for item in meta:
        if isinstance(item, RefTo) or getattr(item, "pattern", None):
            return True
        for inner in getattr(item, "metadata", ()) or ():
            if isinstance(inner, RefTo) or getattr(inner, "pattern", None):
                return True
    return False


@functools.lru_cache(maxsize=None)
def _table(model: type[BaseModel], within_names: bool = False) -> tuple[tuple[str, str, bool], ...]:
    """(field, TEXT | TEXTS | NESTED, whether a proper name) for the screened fields of a
    model, worked out once per model class. For NESTED, the flag says the nested model sits
    inside one that is all proper names."""
    within_names = within_names or issubclass(model, ALL_PROPER_NAMES)
    rows: list[tuple[str, str, bool]] = []
    for name, info in model.model_fields.items():
        if visibility_of(model, name) != PUBLIC or _listed(CODES, model, name):
            continue
        nested, text = False, None
        for leaf, meta, listed in _leaves(info.annotation):
            if isinstance(leaf, type) and issubclass(leaf, BaseModel):
                nested = nested or bool(_table(leaf, within_names))
            elif leaf is str and not _is_code(tuple(info.metadata) + meta):
                text = TEXTS if listed else TEXT
        if nested:
            rows.append((name, NESTED, within_names))
        elif text:
            rows.append((name, text, within_names or _listed(PROPER_NAMES, model, name)))
    return tuple(rows)


def text_fields(model: type[BaseModel], names: bool = False) -> tuple[tuple[str, str], ...]:
    """(field, TEXT | TEXTS | NESTED) for the fields of a model that hold free text (with
    `names`: proper names by design instead), directly or in nested models."""
    return tuple((name, kind) for name, kind, flag in _table(model)
                 if (kind == NESTED and _holds(model, name, names)) or (kind != NESTED and flag == names))


def _holds(model: type[BaseModel], field: str, names: bool) -> bool:
    for leaf, _, _ in _leaves(model.model_fields[field].annotation):
        if isinstance(leaf, type) and issubclass(leaf, BaseModel) and text_fields(leaf, names):
            return True
    return False


def walk_texts(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, str, bool]]:
    """Every screened text inside a record: (key path, text, whether a proper name by
    design). List items are numbered by index. One pass, without recursion: at nation scale
    this walks over a million values."""
    stack: list[tuple[Any, tuple, bool]] = [(obj, path, False)]
    while stack:
        current, where, within = stack.pop()
        if isinstance(current, list):
            stack.extend((current[i], where + (i,), within) for i in range(len(current) - 1, -1, -1))
            continue
        if not isinstance(current, BaseModel):
            front = getattr(current, "front", None)  # a Q&A item: front matter plus the Markdown body
            if isinstance(front, BaseModel):
                answer = getattr(current, "answer", None)
                if isinstance(answer, str):
                    yield where + ("answer",), answer, False
                stack.append((front, where, within))
            continue
        later = []
        for name, kind, flag in _table(type(current), within):
            value = getattr(current, name)
            if value is None:
                continue
            if kind == NESTED:
                later.append((value, where + (name,), flag))
            elif kind == TEXT:
                if isinstance(value, str):
                    yield where + (name,), value, flag
            elif isinstance(value, list):  # (a quiz answer may be true or false instead)
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        yield where + (name, i), item, flag
        stack.extend(reversed(later))


def iter_texts(obj: Any, path: tuple = (), names: bool = False) -> Iterator[tuple[tuple, str]]:
    """Every free-text value inside a record, with its key path; with `names`, every proper
    name by design instead."""
    for where, text, is_name in walk_texts(obj, path):
        if is_name == names:
            yield where, text


def replace_text(obj: Any, path: tuple, value: str) -> None:
    """Put `value` where `iter_texts` found the text at `path` (relative to `obj`)."""
    *parents, last = path
    for part in parents:
        obj = obj[part] if isinstance(part, int) else _attr(obj, part)
    if isinstance(last, int):
        obj[last] = value
    elif isinstance(obj, BaseModel) or not isinstance(getattr(obj, "front", None), BaseModel) or last == "answer":
        setattr(obj, last, value)
    else:
        setattr(obj.front, last, value)


def _attr(obj: Any, name: str) -> Any:
    front = getattr(obj, "front", None)
    if not isinstance(obj, BaseModel) and isinstance(front, BaseModel) and name != "answer":
        return getattr(front, name)
    return getattr(obj, name)
