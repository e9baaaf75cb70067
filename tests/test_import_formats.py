"""`handbook import` gives the same report as `handbook check`, in the same three formats."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from projects import buildable_base


def _handbook(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "HANDBOOK_READ_CACHE": "off"})


@pytest.fixture
def workbook_with_a_formula(tmp_path):
    project = buildable_base(tmp_path / "p")
    assert _handbook("template", "--with-data", "--out", str(tmp_path / "to.xlsx"), cwd=project).returncode == 0
    wb = openpyxl.load_workbook(tmp_path / "to.xlsx")
    ws = wb["To"]  # the teams sheet
    ws.cell(row=2, column=3).value = "=1+1"
    wb.save(tmp_path / "to.xlsx")
    return project, tmp_path / "to.xlsx", f"{ws.title}!C2"


def test_import_findings_as_json(workbook_with_a_formula):
    project, xlsx, cell = workbook_with_a_formula
    result = _handbook("import", str(xlsx), "--format", "json", cwd=project)
    assert result.returncode == 1, result.stderr
    payload = json.loads(result.stdout)
    assert payload["valid"] is False and payload["summary"]["errors"] >= 1
    formula = [f for f in payload["findings"] if f["code"] == "IMPORT-FORMULA"]
    assert formula and cell in json.dumps(formula, ensure_ascii=False)


def test_import_findings_as_github_annotations(workbook_with_a_formula):
    project, xlsx, _ = workbook_with_a_formula
    result = _handbook("import", str(xlsx), "--format", "github", cwd=project)
    assert result.returncode == 1
    assert any(line.startswith("::error") and "IMPORT-FORMULA" in line for line in result.stdout.splitlines())
