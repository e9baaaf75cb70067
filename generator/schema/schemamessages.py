"""Vietnamese messages for editors: takes a file kind's JSON Schema (as pydantic writes it) and
its model, gives the same schema with an `errorMessage` on every property, on every object and
on every required field, and a `markdownDescription` for hover and completion, all derived from
the fields' Vietnamese titles, descriptions, types, choices and bounds.

yaml-language-server (the engine of VS Code's YAML extension) honours `errorMessage` only as a
string, on the schema that fails: it replaces the English message of a wrong type, a pattern, an
enum, a const, a missing required property and a property that is not allowed. An object keyed by
keyword (ajv-errors' form) is not read. So:

- an optional scalar's `anyOf` with null is folded into `type: [T, "null"]`;
- each property's schema (and each non-null alternative and list item inside it) carries one
  sentence naming the field and what it must be — patterns in words, never the expression;
- number bounds become `if`/`then` with an empty `enum` (the server's own bound messages are
  English and ignore `errorMessage`);
- each object's list of required names moves into `allOf`, one `{"required": [name],
  "errorMessage": …}` per name, so a missing field is named in Vietnamese (a single object-level
  message could not say which one is missing);
- each object carries a sentence listing the keys it takes, shown for a misspelt key.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from generator.schema.common import DATE_PATTERN, PATTERN_WORDS
from generator.schema.introspect import FieldSpec, fields_of, walk_models
from generator.schema.roles import LABELS

NULL = {"type": "null"}


def _quoted(spec: FieldSpec) -> str:
    return f"“{spec.title}” ({spec.name})"


def _keys(model: type[BaseModel]) -> str:
    return ", ".join(f"{f.name} ({f.title})" for f in fields_of(model))


def _choices(codes) -> str:
    return ", ".join(f"{code} ({LABELS[code].lower()})" if code in LABELS else code for code in codes)


def _bounds_words(spec: FieldSpec) -> str:
    low = spec.bounds.get("ge", spec.bounds.get("gt"))
    high = spec.bounds.get("le", spec.bounds.get("lt"))
    if low is not None and high is not None:
        return f" từ {low} đến {high}"
    if low is not None:
        return f" từ {low} trở lên"
    if high is not None:
        return f" không quá {high}"
    return ""


def pattern_words(pattern: str) -> str:
    try:
        return PATTERN_WORDS[pattern]
    except KeyError:
        raise KeyError(f"no Vietnamese words for the pattern {pattern!r}: add them to PATTERN_WORDS "
                       "in generator/schema/common.py") from None


def _one(spec: FieldSpec) -> str:
    """What one value (or one item of a list) must be, in words."""
    pattern = spec.bounds.get("pattern") or (DATE_PATTERN if spec.date else None)
    if spec.nested is not None:
        return f"một bảng gồm các khóa {_keys(spec.nested)}"
    if spec.choices:
        return "một trong các mã " + _choices(spec.choices)
    if spec.date:
        return pattern_words(pattern)
    if pattern:
        what = spec.type_words.removeprefix("danh sách ") if spec.ref else "một mã"
        return f"{what} {pattern_words(pattern)}"
    if spec.scalar == "int":
        return "một số nguyên" + _bounds_words(spec)
    if spec.scalar == "float":
        return "một số" + _bounds_words(spec)
    if spec.scalar == "bool":
        return "true (có) hoặc false (không)"
    if spec.scalar == "str":
        return "một đoạn chữ"
    return spec.type_words


def field_message(spec: FieldSpec) -> str:
    """The sentence an editor reads when the value of a field is wrong."""
    one = _one(spec)
    must = f"một danh sách, mỗi mục là {one}" if spec.many else one
    return f"{_quoted(spec)} phải là {must}."


def required_message(spec: FieldSpec) -> str:
    text = f"Thiếu khóa bắt buộc {_quoted(spec)}."
    return f"{text} {spec.description}" if spec.description else text


def object_message(model: type[BaseModel], label: str) -> str:
    return (f"{label[:1].upper() + label[1:]} là một bảng gồm các khóa {_keys(model)}; "
            "khóa khác (kể cả khóa viết sai chính tả) không được dùng.")


def markdown_description(spec: FieldSpec) -> str:
    head = f"**{spec.title}**" + (" — bắt buộc" if spec.required else "")
    lines = [head]
    if spec.description:
        lines.append(spec.description)
    lines.append(f"Giá trị: {_one(spec) if not spec.many else 'danh sách, mỗi mục là ' + _one(spec)}.")
    return "\n\n".join(lines)


def _fold_null(prop: dict[str, Any]) -> None:
    """`anyOf: [{type: T, …}, {type: null}]` (pydantic's optional scalar) as `type: [T, null]`:
    the same values pass, but the server, comparing two failed alternatives, would replace our
    message with its English “Expected "string | null"”. Only plain typed alternatives fold (no
    `$ref`, enum or const, whose checks would reject null)."""
    alternatives = prop.get("anyOf")
    if not (isinstance(alternatives, list) and len(alternatives) == 2 and NULL in alternatives):
        return
    other = next(a for a in alternatives if a != NULL)
    if not isinstance(other.get("type"), str) or other["type"] == "null" or {"$ref", "enum", "const", "anyOf"} & other.keys():
        return
    del prop["anyOf"]
    for key, value in other.items():
        prop.setdefault(key, value)
    prop["type"] = [other["type"], "null"]


BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


def _bounds_in_words(place: dict[str, Any], message: str) -> None:
    """The server reports `minimum` and `maximum` in English whatever the schema says; the same
    bounds as a condition report our message instead: a number outside them meets an empty
    `enum`, which shows `errorMessage`. The values accepted are unchanged."""
    bounds = {key: place.pop(key) for key in BOUNDS if key in place}
    if bounds:
        place["if"] = {"type": "number"}
        place["then"] = {"if": bounds, "else": {"enum": [], "errorMessage": message}}


def _decorate_property(prop: dict[str, Any], spec: FieldSpec) -> None:
    _fold_null(prop)
    message = field_message(spec)
    for place in [prop, prop.get("items")] + list(prop.get("anyOf", ())):
        if isinstance(place, dict):
            _bounds_in_words(place, message)
    prop["errorMessage"] = message
    prop["markdownDescription"] = markdown_description(spec)
    for alternative in prop.get("anyOf", ()):
        if alternative != NULL:
            alternative["errorMessage"] = message
            if isinstance(alternative.get("items"), dict):
                alternative["items"]["errorMessage"] = message
    if isinstance(prop.get("items"), dict):
        prop["items"]["errorMessage"] = message


def _decorate_object(obj: dict[str, Any], model: type[BaseModel], label: str) -> None:
    properties = obj.get("properties", {})
    specs = {spec.name: spec for spec in fields_of(model)}
    for name, prop in properties.items():
        _decorate_property(prop, specs[name])
    obj["errorMessage"] = object_message(model, label)
    required = obj.pop("required", [])
    if required:
        obj["allOf"] = obj.get("allOf", []) + [
            {"required": [name], "errorMessage": required_message(specs[name])} for name in required
        ]


def nested_models(model: type[BaseModel]) -> dict[str, tuple[type[BaseModel], str]]:
    """Every model nested in a kind's model, by the name pydantic gives its `$defs` entry, with
    the Vietnamese title of the first field that holds it."""
    found: dict[str, tuple[type[BaseModel], str]] = {}
    for _path, spec in walk_models(model):
        if spec.nested is not None:
            found.setdefault(spec.nested.__name__, (spec.nested, spec.title))
    return found


def _decorate_enum(enum_schema: dict[str, Any], title: str) -> None:
    """An enumeration pydantic keeps in `$defs`: the server checks it there, past the `$ref`, so
    the message sits on it too; completion shows each code's label."""
    codes = [str(code) for code in enum_schema["enum"]]
    enum_schema["title"] = title
    enum_schema["errorMessage"] = f"“{title}” phải là một trong các mã {_choices(codes)}."
    enum_schema["markdownEnumDescriptions"] = [LABELS.get(code, code) for code in codes]


def _enum_titles(schema: dict[str, Any]) -> dict[str, str]:
    """The name of every enumeration's `$defs` entry, with the title of the first property that
    points to it (directly, through its list items or an alternative)."""
    defs = schema.get("$defs", {})
    found: dict[str, str] = {}
    objects = [schema] + [d for d in defs.values() if "properties" in d]
    for obj in objects:
        for prop in obj.get("properties", {}).values():
            for place in [prop, prop.get("items")] + list(prop.get("anyOf", ())):
                ref = place.get("$ref", "") if isinstance(place, dict) else ""
                name = ref.removeprefix("#/$defs/")
                if ref.startswith("#/$defs/") and "enum" in defs.get(name, {}):
                    found.setdefault(name, prop.get("title", name))
    return found


def add_editor_messages(schema: dict[str, Any], model: type[BaseModel], label: str) -> dict[str, Any]:
    """The schema (changed in place and returned) with the Vietnamese messages editors see."""
    _decorate_object(schema, model, label)
    defs = schema.get("$defs", {})
    for name, (nested, title) in nested_models(model).items():
        if name in defs:
            defs[name]["title"] = title
            _decorate_object(defs[name], nested, f"“{title}”")
    for name, title in _enum_titles(schema).items():
        _decorate_enum(defs[name], title)
    return schema
