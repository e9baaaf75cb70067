"""JSON Schemas for editors: takes the file kinds, gives one JSON Schema per kind, written to
`schemas/<kind>.schema.json` so VS Code (with the YAML extension) completes and underlines
as the editor types, with Vietnamese messages and descriptions (`schemamessages`). Generated from
the pydantic models, never written by hand."""

from __future__ import annotations

import json
from pathlib import Path

from generator.core.atomic_write import write_file_atomically
from generator.schema.filekinds import KINDS
from generator.schema.schemamessages import add_editor_messages


def schema_for(kind) -> dict:
    schema = kind.model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{kind.name}.schema.json"
    schema["title"] = kind.label[:1].upper() + kind.label[1:]
    return add_editor_messages(schema, kind.model, kind.label)


def render(kind) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def site_files() -> dict[str, bytes]:
    """The schemas as the site publishes them (`<site>/schemas/<kind>.schema.json`), so a URL
    association works from any folder: the same bytes `handbook schema` writes."""
    return {f"schemas/{kind.name}.schema.json": render(kind).encode("utf-8") for kind in KINDS}


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = out_dir / f"{kind.name}.schema.json"
        text = render(kind)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_file_atomically(path, text)
        written.append(path)
    return written


def stale_schemas(out_dir: Path) -> list[str]:
    stale = []
    for kind in KINDS:
        path = out_dir / f"{kind.name}.schema.json"
        if not path.exists() or path.read_text(encoding="utf-8") != render(kind):
            stale.append(path.name)
    return stale
