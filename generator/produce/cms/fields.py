"""The form of one record: takes a pydantic model (and where references can point); gives
Decap CMS fields, one per model field, with the widget its type calls for.

Vietnamese labels and hints come from each field's title and description; enums and Literals
become selects with Vietnamese labels, dates dd/mm/yyyy pickers, nested models objects, lists
of models collapsible lists, references (`RefTo`) relation widgets when a collection holds the
records they name, and the mapping of rule codes (`Config.rules`) an object of selects. Which
collection a reference points at is decided by the collections (`cms.config`), passed in.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import typing
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.core.findings import Severity
from generator.produce.cms.annotations import Facts, unwrap
from generator.schema import documents as documents_schema
from generator.schema.common import SLUG_PATTERN, Photo
from generator.schema.person import CONSENT, INTERNAL
from generator.schema.roles import LABELS, LabelledEnum

MEDIA_FOLDER = "data/photos"  # where uploads go in the content repository
PUBLIC_FOLDER = "/assets/anh"  # where the site serves them
# A photo's `file` is a path relative to data/ (photos/<tệp>): an image picker that uploads to
# data/photos and stores "photos/<tệp>".
PHOTO_WIDGET = {"widget": "image", "media_folder": "/" + MEDIA_FOLDER,
                "public_folder": MEDIA_FOLDER.split("/", 1)[1], "choose_url": False}

DATE_FORMAT = "DD/MM/YYYY"  # Day.js tokens: what the loader reads (generator.core.dates) and the data uses
SLUG_MESSAGE = "Chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ “thon-dong”."
# Plain strings that hold prose rather than a name: a multi-line text box instead of one line.
LONG_TEXT = frozenset({"note", "content", "summary", "definition", "explanation", "duties", "caption",
                       "exception_note", "description"})
# Subfields a list item is summarised by when collapsed, best first.
SUMMARY_FIELDS = ("name", "title", "term", "question", "text", "caption", "date", "id", "year", "kind", "doc")
VISIBILITY_NOTE = {
    INTERNAL: "Thông tin nội bộ: không bao giờ đăng công khai.",
    CONSENT: "Chỉ đăng công khai khi người này đã đồng ý.",
}
# Labels for Literal values that are not role enums (roles come from generator.schema.roles.LABELS).
LITERAL_LABELS = {
    **documents_schema.KIND_LABELS,
    **{s.value: s.label_vi.capitalize() for s in Severity},
}


class FormFields:
    """The form fields of models. `relations` maps a reference kind (`RefTo`) to the relation
    widget's settings for the collection that holds those records; a kind it lacks stays a
    text field."""

    def __init__(self, relations: dict[str, dict]):
        self.relations = relations

    def fields(self, model: type[BaseModel]) -> tuple[list[dict], list[str]]:
        """The form fields of `model`, and the fields left out for want of a widget."""
        out: list[dict] = []
        skipped: list[str] = []
        for name, info in model.model_fields.items():
            field = self.field(name, info, model)
            if field is None:
                skipped.append(f"{info.title or name} ({name})")
            else:
                out.append(field)
        return out, skipped

    def top_fields(self, model: type[BaseModel]) -> list[dict]:
        fields, skipped = self.fields(model)
        if skipped:  # no top-level field lacks a widget today; should one appear, say so on the first field
            _note_skipped(fields[0], skipped)
        return fields

    def field(self, name: str, info: FieldInfo, owner: type[BaseModel]) -> dict | None:
        facts = Facts.of(info.metadata, info.json_schema_extra)
        core, optional, inner = unwrap(info.annotation)
        facts.add(inner)
        hint = info.description or ""
        note = VISIBILITY_NOTE.get(facts.extra.get("x-visibility", ""))
        if note and "công khai" not in hint:
            hint = f"{hint} {note}".strip()
        out: dict[str, Any] = {"name": name, "label": info.title or name}
        if hint:
            out["hint"] = hint
        required = info.is_required() and not optional
        if owner is Photo and name == "file":
            widget = dict(PHOTO_WIDGET)  # a path relative to data/: photos/<tệp>
        else:
            widget = self.widget(core, facts, info, name)
        if widget is None:
            return None
        skipped = widget.pop("_skipped", None)
        out.update(widget)
        if skipped:
            _note_skipped(out, skipped)
        if not required:
            out["required"] = False
            if out.get("widget") == "object":
                _relax(out["fields"], out["label"])
        default = _default_of(info)
        if default is not None and "default" not in out:
            out["default"] = default
        return out

    def widget(self, core: Any, facts: Facts, info: FieldInfo | None, name: str) -> dict | None:
        description = info.description if info is not None else ""
        if core is dt.date:
            return {"widget": "datetime", "date_format": DATE_FORMAT, "time_format": False, "picker_utc": True}
        if core is bool:
            return {"widget": "boolean"}
        if core in (int, float):
            out: dict[str, Any] = {"widget": "number", "value_type": "int" if core is int else "float"}
            if facts.ge is not None:
                out["min"] = facts.ge
            if facts.le is not None:
                out["max"] = facts.le
            if core is float:
                out["step"] = 0.01
            return out
        if core is str:
            if facts.ref:
                return self.reference(facts.ref)
            if facts.extra.get("x-format") == "markdown":
                return {"widget": "markdown"}
            out = {"widget": "text" if name in LONG_TEXT else "string"}
            if facts.pattern:
                out["pattern"] = [facts.pattern, SLUG_MESSAGE if facts.pattern == SLUG_PATTERN else "Sai định dạng."]
            return out
        options = _options(core, description)
        if options is not None:
            return {"widget": "select", "options": options}
        if isinstance(core, type) and issubclass(core, BaseModel):
            return self._object(core)
        origin = typing.get_origin(core)
        if origin is list:
            (item,) = typing.get_args(core)
            return self._list(item, facts, info, name)
        if origin is dict:
            return self._mapping(core, info, name)
        return None  # a union of unrelated types: no widget, the value is kept (see the package docstring)

    def reference(self, ref: str, multiple: bool = False) -> dict:
        target = self.relations.get(ref)
        if target is None:  # no collection holds these records (people): an id typed by hand
            return {"widget": "string", "pattern": [SLUG_PATTERN, SLUG_MESSAGE]}
        out: dict[str, Any] = {"widget": "relation", **json.loads(json.dumps(target))}
        if multiple:
            out["multiple"] = True
        return out

    def _object(self, model: type[BaseModel]) -> dict:
        fields, skipped = self.fields(model)
        return {"widget": "object", "collapsed": False, "fields": fields, "_skipped": skipped}

    def _list(self, item: Any, facts: Facts, info: FieldInfo | None, name: str) -> dict | None:
        item_core, _, item_meta = unwrap(item)
        item_facts = Facts.of(item_meta, None)
        description = info.description if info is not None else ""
        if isinstance(item_core, type) and issubclass(item_core, BaseModel):
            fields, skipped = self.fields(item_core)
            out: dict[str, Any] = {"widget": "list", "collapsed": True}
            summary = _summary(item_core)
            if summary:
                out["summary"] = summary
            out["fields"] = fields
            out["_skipped"] = skipped
        elif item_core is str and item_facts.ref:
            out = self.reference(item_facts.ref, multiple=True)
            if out["widget"] != "relation":
                out = {"widget": "list", "field": {"name": "item", "label": info.title if info else name, **out}}
        elif (options := _options(item_core, description)) is not None:
            out = {"widget": "select", "multiple": True, "options": options}
        else:
            widget = self.widget(item_core, item_facts, None, name)
            if widget is None:
                return None
            out = {"widget": "list", "field": {"name": "item", "label": info.title if info else name, **widget}}
        if facts.min_len:
            out["min"] = facts.min_len
        if facts.max_len:
            out["max"] = facts.max_len
        return out

    def _mapping(self, core: Any, info: FieldInfo | None, name: str) -> dict | None:
        """A mapping with known keys (the rule codes of `Config.rules`) as an object of optional fields."""
        key_type, value_type = typing.get_args(core)
        keys = _mapping_keys(name)
        options = _options(unwrap(value_type)[0], info.description if info else "")
        if key_type is not str or not keys or options is None:
            return None
        fields = []
        for code, title, clause in keys:
            fields.append({"name": code, "label": title, "hint": f"{code} – {clause}", "widget": "select",
                           "options": options, "required": False})
        return {"widget": "object", "collapsed": True, "fields": fields}


def _relax(fields: list[dict], parent: str) -> None:
    """Inside an optional object every field is optional for the form: Decap checks the required
    fields of an object even when the object is absent. The check (`handbook check`) on the pull
    request still requires them once the object is filled in, and the hint says so."""
    for field in fields:
        if field.get("required", True):
            field["required"] = False
            note = f"Bắt buộc khi có mục “{parent}”."
            field["hint"] = f"{field.get('hint', '')} {note}".strip()
        if field.get("widget") == "object":
            _relax(field["fields"], parent)


def _note_skipped(field: dict, skipped: list[str]) -> None:
    """Fields without a widget are left out of the form; the parent's hint says where to edit them."""
    note = "Sửa trực tiếp trong tệp (biểu mẫu chưa có ô cho): " + ", ".join(skipped) + "."
    field["hint"] = f"{field.get('hint', '')} {note}".strip()


def _mapping_keys(name: str) -> list[tuple[str, str, str]]:
    if name != "rules":
        return []
    from generator.checks.rules import RULES, assignment_rules, bloc_rules, photo_rules, team_rules  # noqa: F401 - registration

    return [(code, rule.title, rule.clause) for code, rule in sorted(RULES.items())]


def _summary(model: type[BaseModel]) -> str | None:
    names = model.model_fields
    if "given_name" in names and "family_name" in names:
        return "{{fields.family_name}} {{fields.given_name}}"
    for candidate in SUMMARY_FIELDS:
        if candidate in names:
            return "{{fields." + candidate + "}}"
    return None


def _options(core: Any, description: str | None) -> list[dict] | None:
    """Select options (value and Vietnamese label) for an Enum or a Literal; None otherwise."""
    if isinstance(core, type) and issubclass(core, enum.Enum):
        values = [member.value for member in core]
        labelled = issubclass(core, LabelledEnum)
    elif typing.get_origin(core) is Literal:
        values = list(typing.get_args(core))
        labelled = False
    else:
        return None
    return [{"label": _option_label(v, labelled, description or ""), "value": v} for v in values]


def _option_label(value: Any, labelled: bool, description: str) -> str:
    text = str(value)
    if labelled and text in LABELS:
        return LABELS[text]
    match = re.search(rf"(?<![\w-]){re.escape(text)}\s*\(([^)]+)\)", description)
    if match:
        label = match.group(1).strip()
        return label[:1].upper() + label[1:]
    return LITERAL_LABELS.get(text, text)


def _default_of(info: FieldInfo) -> Any:
    default = info.get_default(call_default_factory=True) if not info.is_required() else None
    if default is None or isinstance(default, BaseModel):
        return None
    if isinstance(default, dt.date):
        return default.strftime("%d/%m/%Y")
    if isinstance(default, enum.Enum):
        return default.value
    if isinstance(default, (bool, int, float, str)):
        return default
    if isinstance(default, list):
        if not default:
            return None
        return [_jsonable(item) for item in default]
    return None


def _jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return {k: _jsonable(v) for k, v in value.model_dump(mode="python", exclude_defaults=False).items()}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, enum.Enum):
        return value.value
    return value
