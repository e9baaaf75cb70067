"""Team files in the data files' own style: takes a team's data (and the comment lines that
head its file); gives the YAML text an import writes — the canonical layout of data files
(`generator.model.canonical`, what `handbook fmt` and the web editor write: the schema
comment, block-style YAML with keys in schema order, dates as dd/mm/yyyy) — and finds the
hand-written comments inside a file, which a rewrite from the workbook would lose.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from typing import Any

import yaml
from pydantic import BaseModel

from generator.core.dates import format_vn_date
from generator.load.yamlemit import dump_yaml
from generator.load.yamlwrite import EditorDumper, _represent_str
from generator.model.canonical import shape_of
from generator.model.validation import _field_model
from generator.schema.team import Team

SCHEMA_LINE = "# yaml-language-server: $schema=../../../schemas/team.schema.json"

# A date reaching the writer (one the loader read from an existing file, say) is written the
# way editors write dates, dd/mm/yyyy, never ISO. Registered on the shared editors' dumper,
# as the import always did; tests/test_module_imports.py dumps a date through it after importing
# every module of the package.
EditorDumper.add_representer(dt.date, lambda dumper, value: _represent_str(dumper, format_vn_date(value)))


@functools.lru_cache(maxsize=256)  # asked once per key of every record: thousands of times for a large sheet
def _sub_model(model: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    return _field_model(model, key)


def ordered(value: Any, model: type[BaseModel] | None) -> Any:
    """Keys in schema order (unknown keys after, in their own order), recursively."""
    if isinstance(value, dict):
        known = list(model.model_fields) if model else []
        keys = [k for k in known if k in value] + [k for k in value if k not in known]
        return {k: ordered(value[k], _sub_model(model, k)) for k in keys}
    if isinstance(value, list):
        return [ordered(v, model) for v in value]
    return value


def _as_text(value: Any) -> Any:
    """Dates as editors write them (dd/mm/yyyy), through lists and mappings."""
    if isinstance(value, dict):
        return {k: _as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_text(v) for v in value]
    if isinstance(value, dt.date):
        return format_vn_date(value)
    return value


def render_team_yaml(data: dict, header: list[str] | None = None) -> str:
    """A team file in the canonical layout: the schema comment (and any comments the file had
    above its data, without blank lines after them), then the body as `handbook fmt` writes it."""
    body = dump_yaml(_as_text(data), shape_of(Team))
    lines = list(header) if header else [SCHEMA_LINE]
    while lines and not lines[-1].strip():
        lines.pop()
    return unicodedata.normalize("NFC", "".join(line + "\n" for line in lines) + body)


def body_comments(text: str) -> list[tuple[int, str]]:
    """Comments below the file's leading comment block: (line, text). Those are hand-written
    notes a rewrite from the workbook would lose."""
    lines = text.splitlines()
    start = 0
    while start < len(lines) and (lines[start].startswith("#") or not lines[start].strip()):
        start += 1
    spans: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken):
                spans.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        return [(start + 1, lines[start] if start < len(lines) else "")]
    found = []
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for m in re.finditer(r"(?:^|(?<=[ \t]))#", text, re.M):
        index = m.start()
        if any(a <= index < b for a, b in spans):
            continue
        line_no = next(i for i in range(len(offsets) - 1) if offsets[i] <= index < offsets[i + 1]) + 1
        if line_no <= start:
            continue
        found.append((line_no, text[index:].split("\n", 1)[0].lstrip("# ").strip()))
    return found
