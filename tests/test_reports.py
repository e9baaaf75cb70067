"""Periodic reports: the figures agree with the data, the PDF follows the document
conventions (header, number, place and date, recipients, signature), the workbook opens."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.checks.check import check_project
from generator.produce.printing.render import render_all
from generator.produce.reports import compute, periods_due, report_job, report_workbook
from generator.produce.stats import compute_stats

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def checked():
    return check_project(ROOT)


def test_the_due_periods_follow_the_reference_date(checked):
    dataset, _ = checked
    assert periods_due(dataset) == [("6-thang", 2024), ("nam", 2024)]  # reference date 15/12/2024, after 20/11


def test_figures_agree_with_the_data(checked):
    dataset, report = checked
    data = compute(dataset, report, "nam", 2024)
    stats = compute_stats(dataset)
    assert data.total.teams == stats["teams"] and data.total.villages == stats["units"]["by_level"]["thon"]
    assert data.total.members == stats["team_members"] and data.total.households == stats["households"]
    assert data.total.blocs == stats["blocs"] and data.total.bloc_members == stats["bloc_members"]
    assert sum(data.total.grades.values()) == stats["teams"]
    assert data.total.grades["chua"] == 1  # the deliberate team without a 2024 rating
    assert (data.start.isoformat(), data.end.isoformat()) == ("2024-01-01", "2024-11-20")
    half = compute(dataset, report, "6-thang", 2024)
    assert half.end.isoformat() == "2024-06-15" and half.total.activities < data.total.activities
    assert sum(r.communes for r in data.districts) == len(data.communes) == stats["units"]["by_level"]["xa"]


def test_report_pdf_follows_the_conventions(checked, tmp_path):
    dataset, report = checked
    data = compute(dataset, report, "nam", 2024)
    pdf = render_all([report_job(dataset, data)], tmp_path, tmp_path / "cache")[0].path
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, encoding="utf-8", check=True).stdout
    flat = " ".join(text.split())
    for expected in ("TỈNH ỦY BẮC GIANG", "BAN DÂN VẬN", "ĐẢNG CỘNG SẢN VIỆT NAM", "-BC/BDVTU", "Bắc Giang, ngày 15 tháng 12 năm 2024",
                     "BÁO CÁO", "Nơi nhận:", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Thường trực Tỉnh ủy (b/c)",
                     "I. Tổ Dân vận cộng đồng", "II. Khối Dân vận cơ sở", "Toàn tỉnh có 69 Tổ Dân vận cộng đồng ở 70 thôn", "6.427 hộ"):
        assert expected in flat, expected


def test_report_workbook_opens_with_the_expected_sheets(checked):
    dataset, report = checked
    data = compute(dataset, report, "nam", 2024)
    book = load_workbook(io.BytesIO(report_workbook(dataset, data)))
    assert "Tổ Dân vận theo huyện" in book.sheetnames and "Tổ Dân vận theo xã" in book.sheetnames
    sheet = book["Tổ Dân vận theo xã"]
    assert sheet.max_row - 1 == len(data.communes)
    assert sheet.freeze_panes == "B2"
    assert all(isinstance(c.value, int) for c in sheet["D"][1:])  # teams: numbers, not text
    assert report_workbook(dataset, data) == report_workbook(dataset, data)
