"""Safe downloads: a string from data that would start a spreadsheet formula reaches no CSV
cell as one (OWASP: prefixed with an apostrophe) and no XLSX cell as a formula (openpyxl reads
every such cell back as text)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import openpyxl
import pytest

from generator.core.cells import FORMULA_START, csv_text
from generator.checks.check import check_project
from generator.produce.exports import csv_exports, roster_workbook
from generator.produce.reports import compute, periods_due, report_workbook

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "tests" / "fixtures" / "base"
PAYLOADS = ["=cmd|' /C calc'!A0", "+HYPERLINK(\"http://x\")", "-2+3", "@SUM(1,2)", "\t=1+1", "＝1+1"]


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    """The base fixture with a formula in the names and free text the downloads carry."""
    project = tmp_path_factory.mktemp("cells") / "p"
    shutil.copytree(BASE, project)
    ds, report = check_project(project)
    assert report.valid()
    targets = []
    for at in ds.units.values():
        targets.append(at.obj)
    for at in list(ds.teams.values()) + list(ds.blocs.values()):
        targets += [m for m in at.obj.members]
        targets += list(getattr(at.obj, "groups", []))
    targets += [at.obj for at in ds.models.values()] + [at.obj for at in ds.documents.values()]
    for at in ds.assignments.values():
        targets += list(at.obj.activities)
    fields = ("name", "family_name", "area", "title", "content", "summary")
    count = 0
    for i, obj in enumerate(targets):
        for name in fields:
            if name in type(obj).model_fields and isinstance(getattr(obj, name), str):
                object.__setattr__(obj, name, PAYLOADS[count % len(PAYLOADS)] + f" {i}")
                count += 1
    assert count >= 20
    return ds, report


def test_csv_text_prefixes_every_formula_start():
    for start in FORMULA_START:
        assert csv_text(start + "1+1") == "'" + start + "1+1"
    for text in ("Cao Xá", "1.068", "", "'=1"):
        assert csv_text(text) == text


@pytest.mark.parametrize("profile", ["public", "internal"])
def test_no_csv_cell_starts_a_formula(poisoned, profile):
    ds, _ = poisoned
    seen = 0
    for name, data in csv_exports(ds, profile).items():
        for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
            for cell in row:
                assert not cell.startswith(FORMULA_START), (name, cell)
                seen += any(cell.startswith("'" + p[:2]) for p in PAYLOADS)
    assert seen >= 5, "the payloads should reach the CSV files, neutralised"


def _workbook_cells(data: bytes):
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            yield from row


def _assert_no_formula(data: bytes) -> int:
    payload_cells = 0
    for cell in _workbook_cells(data):
        assert cell.data_type != "f", (cell.parent.title, cell.coordinate, cell.value)
        if isinstance(cell.value, str) and any(p in cell.value for p in PAYLOADS):
            payload_cells += 1
    return payload_cells


@pytest.mark.parametrize("profile", ["public", "internal"])
def test_no_roster_cell_is_a_formula(poisoned, profile):
    ds, _ = poisoned
    assert _assert_no_formula(roster_workbook(ds, profile)) >= 5


def test_no_report_cell_is_a_formula(poisoned):
    ds, report = poisoned
    period, year = periods_due(ds)[0]
    assert _assert_no_formula(report_workbook(ds, compute(ds, report, period, year))) >= 1


def test_no_cell_of_the_template_with_data_is_a_formula(poisoned):
    from generator.editors.excel.api import export_teams_workbook

    ds, _ = poisoned
    assert _assert_no_formula(export_teams_workbook(ds)) >= 3
