"""Declared once: the JSON Schemas, the field reference (docs/fields.md) and the web editor's
forms derive from the pydantic models; adding a field to a model changes nothing else."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.schema.fieldsdoc import render_fields_doc
from generator.schema.introspect import fields_of
from generator.schema.team import Team

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "tests" / "fixtures" / "base"


def test_the_field_reference_is_current():
    assert (ROOT / "docs" / "fields.md").read_text(encoding="utf-8") == render_fields_doc(), \
        "docs/fields.md is stale: run `handbook schema`"


def test_introspection_reads_titles_references_choices_and_visibility():
    team = {f.name: f for f in fields_of(Team)}
    assert team["village"].ref == "unit" and team["village"].required
    assert team["members"].many and team["members"].nested is not None
    member = {f.name: f for f in fields_of(team["members"].nested)}
    assert member["phone"].visibility == "internal" and member["given_name"].visibility == "consent"
    assert member["team_role"].choices == ("to_truong", "to_pho", "thanh_vien")
    assert member["birth_year"].bounds == {"ge": 1900, "le": 2100}


PROBE = """
import json, sys
from pathlib import Path
from generator.schema.filekinds import BY_NAME
from generator.schema.jsonschema import render
from generator.schema.fieldsdoc import render_fields_doc
from generator.produce.cms import cms_config
from generator.checks.check import check_project
from generator.editors.excel.columns import SHEET_GROUPS, columns_of
root = Path(sys.argv[1])
_, report = check_project(root)
print(json.dumps({
    "schema": json.loads(render(BY_NAME["team"])),
    "doc": render_fields_doc(),
    "cms": json.dumps(cms_config(root), ensure_ascii=False),
    "errors": [f.message for f in report.errors],
    "excel": {c.field: [c.header, c.type, c.required, c.minimum, c.maximum] for c in columns_of(SHEET_GROUPS)},
}, ensure_ascii=False))
"""


def test_adding_a_field_to_the_team_model_changes_only_the_model(tmp_path):
    package = tmp_path / "pkg"
    shutil.copytree(ROOT / "generator", package / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    team_py = package / "generator" / "schema" / "team.py"
    text = team_py.read_text(encoding="utf-8")
    anchor = '    zalo_group: bool = F('
    assert anchor in text
    text = text.replace(anchor, '    website: str | None = F("Trang thông tin của Tổ", '
                              '"Địa chỉ trang thông tin của Tổ, nếu có.", None)\n' + anchor)
    # and two edits of a group's fields: a bound and a title reach the Excel workbook's columns
    for old, new in (('30 đến 50 hộ.", ge=0)', '30 đến 50 hộ.", ge=1)'), ('F("Địa bàn", ', 'F("Địa bàn dân cư", ')):
        assert old in text
        text = text.replace(old, new)
    team_py.write_text(text, encoding="utf-8")
    project = tmp_path / "p"
    shutil.copytree(BASE, project)
    team_file = project / "data" / "teams" / "xa-a" / "to-thon-1.yml"
    team_file.write_text(team_file.read_text(encoding="utf-8") + "website: https://xa-a.example/to-thon-1\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", PROBE, str(project)], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(package), "HANDBOOK_READ_CACHE": "off"}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["schema"]["properties"]["website"]["title"] == "Trang thông tin của Tổ"
    assert "| `website` | Trang thông tin của Tổ |" in out["doc"]
    assert "Trang thông tin của Tổ" in out["cms"]
    assert out["errors"] == []
    assert out["excel"]["households"] == ["Số hộ", "int", True, 1, 100000]  # was 0: the model's bound
    assert out["excel"]["area"] == ["Địa bàn dân cư", "text", False, None, None]  # the model's new title
