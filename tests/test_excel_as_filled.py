"""The Excel import as officials fill sheets (issue #14): a title, a blank row and a unit
line above the header, headers retyped in capitals or over two lines, a renamed column,
positions and villages chosen from Vietnamese drop-downs. Every workbook is written here with
openpyxl and imported by the real `handbook import` command (click's CliRunner)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from generator.cli.main import main
from generator.core.findings import Report
from generator.editors.excel.api import export_teams_workbook
from generator.editors.excel.columns import (
    DATA_SHEETS, SHEET_GROUPS, SHEET_LISTS, SHEET_MEMBERS, SHEET_RATINGS, SHEET_TEAMS, columns_of,
)
from generator.editors.excel.options import lookup, options, village_options
from generator.model.dataset import load_project
from generator.schema.roles import TeamException, TeamRole, VillagePosition
from projects import copy_sample, data_hashes

ROOT = Path(__file__).resolve().parents[1]
TEAM = "to-phuc-son-thon-dong"
TEAM_FILE = Path("data/teams/tan-yen-phuc-son/to-phuc-son-thon-dong.yml")
TITLE = "DANH SÁCH TỔ DÂN VẬN CỘNG ĐỒNG XÃ PHÚC SƠN NĂM 2025"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_sample(tmp_path)


def _col(sheet: str, field: str) -> int:
    return [c.field for c in columns_of(sheet)].index(field) + 1


def _handbook(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def _import(project: Path, xlsx: Path, *extra: str):
    return _handbook("import", "--root", str(project), str(xlsx), *extra)


def _workbook(project: Path, tmp_path: Path, team: str = TEAM):
    """The workbook `handbook template --team` writes for one team of the project."""
    out = tmp_path / f"{team}.xlsx"
    result = _handbook("template", "--root", str(project), "--team", team, "--out", str(out))
    assert result.exit_code == 0, result.output
    return load_workbook(out)


def _team(project: Path, path: Path = TEAM_FILE) -> dict:
    return yaml.safe_load((project / path).read_text(encoding="utf-8"))


def _member_row(wb, pid: str) -> int:
    ws = wb[SHEET_MEMBERS]
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, _col(SHEET_MEMBERS, "id")).value == pid)


def _as_officials_lay_it_out(ws) -> int:
    """A merged title across the top, a blank row and a unit line above the header, and the
    headers retyped: capitals, a line break, "(*)" for "*". Gives the header's row."""
    width = ws.max_column
    ws.insert_rows(1, 3)
    ws.cell(1, 1).value = TITLE
    ws.merge_cells(start_row=1, end_row=1, start_column=1, end_column=width)
    ws.cell(3, 1).value = "Đơn vị: xã Phúc Sơn, huyện Tân Yên"
    for c in range(1, width + 1):
        cell = ws.cell(4, c)
        if cell.value is None:
            continue
        words = str(cell.value).removesuffix(" *").split(" ")
        text = " ".join(words[:1]) + ("\n" + " ".join(words[1:]) if len(words) > 1 else "")
        cell.value = text.upper() + (" (*)" if str(cell.value).endswith(" *") else "")
    return 4


# ---------------------------------------------------------------------------------------
# The header row under title rows and merged cells


def test_title_rows_and_a_merged_title_above_the_header_import_cleanly(project, tmp_path):
    wb = _workbook(project, tmp_path)
    row = _member_row(wb, "p-phuc-son-thon-dong-04")
    wb[SHEET_MEMBERS].cell(row, _col(SHEET_MEMBERS, "birth_year")).value = 1979  # one edit, to see it land
    for sheet in DATA_SHEETS:
        assert _as_officials_lay_it_out(wb[sheet]) == 4
    assert "MÃ\nTỔ (*)" == wb[SHEET_TEAMS]["A4"].value and wb[SHEET_TEAMS].merged_cells.ranges
    xlsx = tmp_path / "co-tieu-de.xlsx"
    wb.save(xlsx)

    result = _import(project, xlsx)
    assert result.exit_code == 0, result.output
    assert "IMPORT-" not in result.output  # not a single finding: no missing column, no merged cell
    members = {m["id"]: m for m in _team(project)["members"]}
    assert members["p-phuc-son-thon-dong-04"]["birth_year"] == 1979
    assert members["p-phuc-son-thon-dong-01"]["positions"] == ["bi_thu_chi_bo"]  # the rest as it was


def test_findings_below_a_title_name_the_real_row(project, tmp_path):
    wb = _workbook(project, tmp_path)
    row = _member_row(wb, "p-phuc-son-thon-dong-02")
    wb[SHEET_MEMBERS].cell(row, _col(SHEET_MEMBERS, "birth_year")).value = "khoảng 1970"
    wb[SHEET_MEMBERS].cell(1, 20).value = "STT"  # a row-number column beside the template's: read as nothing
    _as_officials_lay_it_out(wb[SHEET_MEMBERS])
    xlsx = tmp_path / "sai-nam-sinh.xlsx"
    wb.save(xlsx)
    before = data_hashes(project)

    result = _import(project, xlsx, "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.output)["findings"]
    letter = get_column_letter(_col(SHEET_MEMBERS, "birth_year"))
    assert [(f["code"], f["path"]) for f in findings] == [("IMPORT-BAD-CELL", f"{SHEET_MEMBERS}!{letter}{row + 3}")]
    assert data_hashes(project) == before


def test_a_sheet_without_any_template_header_says_so_at_its_header_row(project, tmp_path):
    wb = _workbook(project, tmp_path)
    ws = wb[SHEET_RATINGS]
    ws.insert_rows(1, 2)
    ws["A1"] = TITLE
    for c in range(1, ws.max_column + 1):
        ws.cell(3, c).value = f"Cột {c}"
    xlsx = tmp_path / "khong-tieu-de.xlsx"
    wb.save(xlsx)
    result = _import(project, xlsx)
    assert result.exit_code == 1
    assert f"{SHEET_RATINGS}!1:1: LỖI [IMPORT-MISSING-COLUMN]" in result.output  # no header found: row 1 is meant


# ---------------------------------------------------------------------------------------
# A renamed column that carries data


def test_a_renamed_column_carrying_data_is_an_error_at_its_column(project, tmp_path):
    wb = _workbook(project, tmp_path)
    phone = _col(SHEET_MEMBERS, "phone")
    wb[SHEET_MEMBERS].cell(1, phone).value = "SĐT liên hệ"
    assert wb[SHEET_MEMBERS].cell(2, phone).value  # the phones are there
    xlsx = tmp_path / "doi-ten-cot.xlsx"
    wb.save(xlsx)
    before = data_hashes(project)

    result = _import(project, xlsx)
    assert result.exit_code == 1, result.output
    where = f"{SHEET_MEMBERS}!{get_column_letter(phone)}1"
    assert f"doi-ten-cot.xlsx — {where}: LỖI [IMPORT-RENAMED-COLUMN]" in result.output
    assert "“SĐT liên hệ”" in result.output and "Có phải ý bạn là cột “Điện thoại” của mẫu?" in result.output
    assert "chưa ghi tệp nào" in result.output
    assert data_hashes(project) == before  # never a silent drop of the phones

    as_json = json.loads(_import(project, xlsx, "--format", "json").output)
    [renamed] = [f for f in as_json["findings"] if f["code"] == "IMPORT-RENAMED-COLUMN"]
    assert (renamed["path"], renamed["severity"]) == (where, "error")


def test_a_renamed_column_is_found_by_its_values_under_a_title(project, tmp_path):
    """A header that reads nothing like the template's ("Liên lạc") is still caught when
    its cells hold phone numbers and the phone column is missing; located at the header's
    real row."""
    wb = _workbook(project, tmp_path)
    phone = _col(SHEET_MEMBERS, "phone")
    wb[SHEET_MEMBERS].cell(1, phone).value = "Liên lạc"
    _as_officials_lay_it_out(wb[SHEET_MEMBERS])
    xlsx = tmp_path / "lien-lac.xlsx"
    wb.save(xlsx)
    result = _import(project, xlsx)
    assert result.exit_code == 1
    assert f"{SHEET_MEMBERS}!{get_column_letter(phone)}4: LỖI [IMPORT-RENAMED-COLUMN]" in result.output
    assert "“Điện thoại”" in result.output


def test_a_renamed_required_column_is_named_once(project, tmp_path):
    wb = _workbook(project, tmp_path)
    wb[SHEET_MEMBERS].cell(1, _col(SHEET_MEMBERS, "team")).value = "Mã số tổ"
    xlsx = tmp_path / "ma-so-to.xlsx"
    wb.save(xlsx)
    result = _import(project, xlsx, "--format", "json")
    assert result.exit_code == 1
    findings = [(f["code"], f["path"]) for f in json.loads(result.output)["findings"]]
    assert findings == [("IMPORT-RENAMED-COLUMN", f"{SHEET_MEMBERS}!A1")]  # not also "thiếu cột Mã tổ"
    assert "“Mã tổ”" in json.loads(result.output)["findings"][0]["message"]


def test_an_extra_column_without_a_missing_one_stays_a_warning(project, tmp_path):
    wb = _workbook(project, tmp_path)
    ws = wb[SHEET_MEMBERS]
    extra = ws.max_column + 1
    ws.cell(1, extra).value = "Ghi chú"
    ws.cell(2, extra).value = "hộ khó khăn"
    empty_renamed = _col(SHEET_MEMBERS, "middle_name")  # renamed, but every cell of it is empty
    ws.cell(1, empty_renamed).value = "Đệm"
    for r in range(2, ws.max_row + 1):
        ws.cell(r, empty_renamed).value = None
    xlsx = tmp_path / "cot-them.xlsx"
    wb.save(xlsx)
    before = data_hashes(project)
    result = _import(project, xlsx, "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"{SHEET_MEMBERS}!{get_column_letter(extra)}1: CẢNH BÁO [IMPORT-UNKNOWN-COLUMN]" in result.output
    assert f"{SHEET_MEMBERS}!{get_column_letter(empty_renamed)}1: CẢNH BÁO [IMPORT-UNKNOWN-COLUMN]" in result.output
    assert "LỖI" not in result.output and data_hashes(project) == before


# ---------------------------------------------------------------------------------------
# Vietnamese drop-downs, read back as codes


def _dropdown(wb, sheet: str, field: str) -> list[str]:
    """The values the drop-down of a column lists (its validation's range on the list sheet)."""
    start = f"{get_column_letter(_col(sheet, field))}2"
    dv = next(dv for dv in wb[sheet].data_validations.dataValidation if str(dv.sqref).startswith(start))
    assert dv.type == "list", (sheet, field)
    source, cells = dv.formula1.lstrip("=").split("!")
    assert source == SHEET_LISTS
    return [row[0].value for row in wb[source][cells.replace("$", "")]]


def test_the_template_drop_downs_list_vietnamese_labels(project, tmp_path):
    out = tmp_path / "mau.xlsx"
    assert _handbook("template", "--root", str(project), "--out", str(out)).exit_code == 0
    wb = load_workbook(out)
    dataset = load_project(project, Report())
    codes = {e.value for e in (*TeamRole, *VillagePosition, *TeamException)} | set(dataset.units) \
        | {g.id for g in dataset.config.rating_scale} | {"nam", "nu", "true", "false"}
    lists = {
        (SHEET_TEAMS, "village"): None, (SHEET_TEAMS, "exceptions"): None, (SHEET_TEAMS, "zalo_group"): ["có", "không"],
        (SHEET_MEMBERS, "gender"): ["Nam", "Nữ"], (SHEET_MEMBERS, "team_role"): ["Tổ trưởng", "Tổ phó", "Thành viên"],
        (SHEET_MEMBERS, "positions"): [p.label for p in VillagePosition],
        (SHEET_MEMBERS, "consent_to_publish"): ["có", "không"],
        (SHEET_RATINGS, "grade"): [g.name for g in dataset.config.rating_scale],
    }
    for (sheet, field), expected in lists.items():
        shown = _dropdown(wb, sheet, field)
        assert shown and not set(shown) & codes, (sheet, field, shown)  # labels, never a code
        if expected is not None:
            assert shown == expected
    villages = _dropdown(wb, SHEET_TEAMS, "village")
    assert villages[0] == "Thôn Đông (xã Phúc Sơn)" and "Thôn Rừng Sậu (xã Tân Sơn)" in villages
    assert len(villages) == len(set(villages)) == 70
    assert "chọn trong danh sách thả xuống" in next(
        dv.prompt for dv in wb[SHEET_MEMBERS].data_validations.dataValidation
        if str(dv.sqref).startswith(f"{get_column_letter(_col(SHEET_MEMBERS, 'positions'))}2"))


def test_positions_and_roles_chosen_from_the_drop_downs_import_as_codes(project, tmp_path):
    wb = _workbook(project, tmp_path)
    ws = wb[SHEET_MEMBERS]
    chosen = _dropdown(wb, SHEET_MEMBERS, "positions")
    row = _member_row(wb, "p-phuc-son-thon-dong-04")
    ws.cell(row, _col(SHEET_MEMBERS, "positions")).value = chosen[chosen.index("Người có uy tín")]  # as picked
    ws.cell(_member_row(wb, "p-phuc-son-thon-dong-05"), _col(SHEET_MEMBERS, "positions")).value = \
        "Trưởng dòng họ; nguoi co uy tin"  # two, the second typed without diacritics
    ws.cell(_member_row(wb, "p-phuc-son-thon-dong-02"), _col(SHEET_MEMBERS, "positions")).value = \
        "TRƯỞNG THÔN, TỔ TRƯỞNG TỔ DÂN PHỐ"  # a label with a comma inside, in capitals
    ws.cell(row, _col(SHEET_MEMBERS, "team_role")).value = "thanh vien"
    xlsx = tmp_path / "chuc-danh.xlsx"
    wb.save(xlsx)

    result = _import(project, xlsx)
    assert result.exit_code == 0, result.output
    members = {m["id"]: m for m in _team(project)["members"]}
    assert members["p-phuc-son-thon-dong-04"]["positions"] == ["nguoi_co_uy_tin"]
    assert members["p-phuc-son-thon-dong-04"]["team_role"] == "thanh_vien"
    assert members["p-phuc-son-thon-dong-05"]["positions"] == ["truong_dong_ho", "nguoi_co_uy_tin"]
    assert members["p-phuc-son-thon-dong-02"]["positions"] == ["truong_thon"]
    text = (project / TEAM_FILE).read_text(encoding="utf-8")
    assert "Người có uy tín" not in text  # codes in YAML, labels only in the workbook


def test_a_village_chosen_by_name_imports_as_its_code(project, tmp_path):
    """Team "to-tan-son-thon-na-hin" moves to thôn Rừng Sậu, the commune's village with no
    team, chosen from the drop-down by name."""
    team_file = Path("data/teams/luc-ngan-tan-son/to-tan-son-thon-na-hin.yml")
    assert _team(project, team_file)["village"] == "bg-luc-ngan-tan-son-thon-na-hin"
    wb = _workbook(project, tmp_path, "to-tan-son-thon-na-hin")
    cell = wb[SHEET_TEAMS].cell(2, _col(SHEET_TEAMS, "village"))
    assert cell.value == "Thôn Nà Hin (xã Tân Sơn)"  # the export writes the name, too
    cell.value = next(v for v in _dropdown(wb, SHEET_TEAMS, "village") if v.startswith("Thôn Rừng Sậu"))
    xlsx = tmp_path / "doi-thon.xlsx"
    wb.save(xlsx)
    result = _import(project, xlsx)
    assert result.exit_code == 0, result.output
    assert _team(project, team_file)["village"] == "bg-luc-ngan-tan-son-thon-rung-sau"

    cell.value = "thon na hin (xa tan son)"  # typed back by hand, without diacritics
    wb.save(xlsx)
    assert _import(project, xlsx).exit_code == 0
    assert _team(project, team_file)["village"] == "bg-luc-ngan-tan-son-thon-na-hin"


def test_exported_workbook_round_trips_with_labels(project, tmp_path):
    """`handbook template --with-data` writes labels (villages, positions, exceptions) and
    importing it again changes nothing."""
    out = tmp_path / "tat-ca.xlsx"
    assert _handbook("template", "--root", str(project), "--with-data", "--out", str(out)).exit_code == 0
    wb = load_workbook(out)
    positions = {wb[SHEET_MEMBERS].cell(r, _col(SHEET_MEMBERS, "positions")).value
                 for r in range(2, wb[SHEET_MEMBERS].max_row + 1)} - {None}
    assert "Trưởng thôn, tổ trưởng tổ dân phố" in positions and not {p for p in positions if "_" in p}
    before = data_hashes(project)
    result = _import(project, out)
    assert result.exit_code == 0, result.output
    assert data_hashes(project) == before


# ---------------------------------------------------------------------------------------
# Villages that share a name


def test_villages_of_the_same_name_get_labels_that_tell_them_apart(project, tmp_path):
    units = project / "data/units/bac-giang.yml"
    text = units.read_text(encoding="utf-8")
    # a second thôn Đông in another commune, and a second xã Phúc Sơn (with its own thôn
    # Đông) in another district
    extra = ("  - id: bg-luc-ngan-tan-son-thon-dong\n    kind: thon\n    name: Đông\n    parent: bg-luc-ngan-tan-son\n"
             "    sample: true\n")
    assert "  - id: bg-luc-ngan-tan-son-thon-rung-sau\n" in text
    text = text.replace("  - id: bg-luc-ngan-tan-son-thon-rung-sau\n", extra + "  - id: bg-luc-ngan-tan-son-thon-rung-sau\n")
    units.write_text(text, encoding="utf-8")
    dataset = load_project(project, Report())
    labels = dict(village_options(dataset))
    assert labels["bg-tan-yen-phuc-son-thon-dong"] == "Thôn Đông (xã Phúc Sơn)"
    assert labels["bg-luc-ngan-tan-son-thon-dong"] == "Thôn Đông (xã Tân Sơn)"
    assert len(set(labels.values())) == len(labels)
    every_way = options("village", dataset)
    assert lookup("Thôn Đông (xã Tân Sơn)", every_way) == "bg-luc-ngan-tan-son-thon-dong"
    assert lookup("thon dong (xa phuc son)", every_way) == "bg-tan-yen-phuc-son-thon-dong"
    assert lookup("Thôn Đông", every_way) is None  # the bare name is ambiguous now
    assert lookup("Thôn Rừng Sậu", every_way) == "bg-luc-ngan-tan-son-thon-rung-sau"  # and unique here

    wb = load_workbook(io.BytesIO(export_teams_workbook(dataset, [TEAM])))
    assert wb[SHEET_TEAMS].cell(2, _col(SHEET_TEAMS, "village")).value == "Thôn Đông (xã Phúc Sơn)"
    assert "Thôn Đông (xã Tân Sơn)" in _dropdown(wb, SHEET_TEAMS, "village")


def test_same_village_and_commune_names_add_the_district(tmp_path):
    from types import SimpleNamespace

    sample = load_project(ROOT, Report())
    units = dict(sample.units)

    def unit(uid, kind, name, parent):
        return SimpleNamespace(obj=SimpleNamespace(id=uid, kind=kind, name=name, parent=parent))

    # xã Phúc Sơn of huyện Lục Ngạn, with its own thôn Đông
    units["bg-luc-ngan-phuc-son"] = unit("bg-luc-ngan-phuc-son", "xa", "Phúc Sơn", "bg-luc-ngan")
    units["bg-luc-ngan-phuc-son-thon-dong"] = unit("bg-luc-ngan-phuc-son-thon-dong", "thon", "Đông", "bg-luc-ngan-phuc-son")
    dataset = SimpleNamespace(units=units, config=sample.config)
    labels = dict(village_options(dataset))
    assert labels["bg-tan-yen-phuc-son-thon-dong"] == "Thôn Đông (xã Phúc Sơn, huyện Tân Yên)"
    assert labels["bg-luc-ngan-phuc-son-thon-dong"] == "Thôn Đông (xã Phúc Sơn, huyện Lục Ngạn)"
    assert labels["bg-tan-yen-phuc-son-thon-doai"] == "Thôn Đoài (xã Phúc Sơn)"  # no clash, no district


# ---------------------------------------------------------------------------------------
# The template in LibreOffice (only where it is installed)


@pytest.mark.slow
def test_libreoffice_opens_the_template(project, tmp_path):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    program = Path(office).resolve().parent
    if not any(program.glob("libsclo.so")) and not any(Path("/usr/lib/libreoffice/program").glob("libsclo.so")):
        pytest.skip("LibreOffice Calc is not installed (libreoffice-calc-nogui)")
    out = tmp_path / "mau.xlsx"
    assert _handbook("template", "--root", str(project), "--out", str(out)).exit_code == 0
    run = subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and (tmp_path / "mau.pdf").stat().st_size > 0, run.stdout + run.stderr
