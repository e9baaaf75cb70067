"""The field reference: takes the file kinds, gives `docs/fields.md` — every kind, where its
files live, and every field with its Vietnamese title, type, whether it is required, its
visibility and description. Generated from the models by `handbook schema` (a test fails
when it is stale), never written by hand."""

from __future__ import annotations

from generator.schema.filekinds import KINDS
from generator.schema.introspect import walk_models

HEADER = """# Fields of every file kind

Generated from the pydantic models in `generator/schema/` by `handbook schema`; do not edit.
Titles and descriptions are the Vietnamese ones editors see in VS Code, the web editor and
the Excel template. Visibility applies to people's fields: `public`, `consent` (shown
publicly only with `consent_to_publish: true`) or `internal` (never in a public build).
"""


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def render_fields_doc() -> str:
    parts = [HEADER]
    for kind in KINDS:
        where = ", ".join(f"`{p}`" for p in kind.patterns)
        parts.append(f"\n## `{kind.name}` — {kind.label}\n\nFiles: {where}"
                     + (f"; the records are the list under `{kind.many}`." if kind.many else ".") + "\n")
        parts.append("| field | title | type | required | visibility | description |")
        parts.append("| --- | --- | --- | --- | --- | --- |")
        for path, spec in walk_models(kind.model):
            type_words = spec.type_words + (f" ({', '.join(spec.choices)})" if spec.choices else "")
            parts.append(f"| `{'.'.join(path)}` | {_cell(spec.title)} | {_cell(type_words)} | "
                         f"{'yes' if spec.required else ''} | {spec.visibility or ''} | {_cell(spec.description)} |")
    return "\n".join(parts) + "\n"
