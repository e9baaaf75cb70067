"""Excel template, export and import of Tổ Dân vận cộng đồng rosters (issue 6, item 3):
the template has its sheets and dropdowns, export → import gives back the same data, bad
cells are reported where they are and nothing is written, existing data is never lost."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.checks.check import check_project
from generator.model.dataset import load_project
from generator.editors.excel.api import export_teams_workbook, import_report_text, import_teams, team_template
from generator.editors.excel.columns import (
    COLUMNS, DATA_SHEETS, GROUP_KEY, SHEET_GROUPS, SHEET_HELP, SHEET_LISTS, SHEET_MEMBERS, SHEET_RATINGS,
    SHEET_TEAMS, TEAM_KEY, columns_of,
)
from generator.core.findings import Report, Severity
from generator.schema.team import Team
from projects import copy_sample, data_hashes

ROOT = Path(__file__).resolve().parents[1]
PLAIN_TEAM = "to-phuc-son-thon-dong"  # a sample team whose file has no hand-written comments
COMMENTED_TEAM = "to-cao-xa-thon-luc-lieu"  # its file carries a "# Cố ý: …" note inside the data


@pytest.fixture(scope="module")
def original():
    return load_project(ROOT, Report())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_sample(tmp_path)


def _col(sheet: str, field: str) -> int:
    return [c.field for c in columns_of(sheet)].index(field) + 1


def _letter(sheet: str, field: str) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(_col(sheet, field))


def _save(wb, path: Path) -> Path:
    wb.save(path)
    return path


def _filled_rows(ws) -> int:
    return sum(1 for row in ws.iter_rows(min_row=2, values_only=True) if any(v is not None for v in row))


def _errors(result) -> list:
    return [f for f in result.findings if f.severity is Severity.ERROR]


def _teams_by_id(root: Path) -> dict[str, Team]:
    ds = load_project(root, Report())
    return {tid: at.obj for tid, at in ds.teams.items()}


def _carried_dump(team: Team) -> dict:
    """A team's data with every field the workbook does not carry set back to its default."""
    carried = {c.sheet: {c.field.split(".")[0] for c in columns_of(c.sheet)} for c in COLUMNS}
    data = team.model_dump()
    out = {k: v for k, v in data.items() if k in carried[SHEET_TEAMS] | {"members", "groups", "ratings"}}
    out["members"] = [{k: v for k, v in m.items() if k in carried[SHEET_MEMBERS]} for m in data["members"]]
    out["ratings"] = [{k: v for k, v in r.items() if k in carried[SHEET_RATINGS]} for r in data["ratings"]]
    return out


# ---------------------------------------------------------------------------------------
# Template


def test_template_has_sheets_headers_and_validations(original):
    wb = load_workbook(io.BytesIO(team_template(original)))
    assert wb.sheetnames[0] == SHEET_HELP
    assert set(DATA_SHEETS) | {SHEET_HELP, SHEET_LISTS} == set(wb.sheetnames)
    assert wb[SHEET_LISTS].sheet_state == "hidden"
    assert all(wb[s].sheet_state == "visible" for s in DATA_SHEETS)
    for sheet in DATA_SHEETS:
        ws = wb[sheet]
        headers = [c.value for c in ws[1]]
        assert [h.rstrip(" *") for h in headers] == [c.header for c in columns_of(sheet)]
        assert ws.freeze_panes == "A2"
        assert ws.max_row == 1 or all(v is None for row in ws.iter_rows(min_row=2, values_only=True) for v in row)
        for c, col in enumerate(columns_of(sheet), 1):
            assert ws.column_dimensions[_letter(sheet, col.field)].width == col.width
    # every column has a validation (dropdown, number range or at least an explanation)
    for sheet in DATA_SHEETS:
        ws = wb[sheet]
        covered = {str(dv.sqref).split(":")[0] for dv in ws.data_validations.dataValidation}
        assert covered == {f"{_letter(sheet, c.field)}2" for c in columns_of(sheet)}

    lists = wb[SHEET_LISTS]

    def dropdown(sheet: str, field: str) -> list:
        ws = wb[sheet]
        start = f"{_letter(sheet, field)}2"
        dv = next(dv for dv in ws.data_validations.dataValidation if str(dv.sqref).startswith(start))
        assert dv.type == "list"
        ref = dv.formula1.lstrip("=")
        sheet_name, cells = ref.split("!")
        first, last = cells.replace("$", "").split(":")
        source = wb[sheet_name]
        return [row[0] for row in source[f"{first}:{last}"]] if sheet_name == SHEET_LISTS else [ref]

    roles = [c.value for c in dropdown(SHEET_MEMBERS, "team_role")]
    assert roles == ["Tổ trưởng", "Tổ phó", "Thành viên"]
    villages = [c.value for c in dropdown(SHEET_TEAMS, "village")]
    assert "Thôn Đông (xã Phúc Sơn)" in villages and len(villages) == len(set(villages)) == 70  # names, not codes
    positions = [c.value for c in dropdown(SHEET_MEMBERS, "positions")]
    assert positions[:2] == ["Bí thư chi bộ", "Phó Bí thư chi bộ"] and "bi_thu_chi_bo" not in positions
    assert [c.value for c in dropdown(SHEET_TEAMS, "exceptions")] == [
        "Thôn chưa có chi bộ", "Một người kiêm nhiều chức danh", "Thôn chưa có chi bộ; Một người kiêm nhiều chức danh"]
    assert [c.value for c in dropdown(SHEET_TEAMS, "zalo_group")] == ["có", "không"]
    assert [c.value for c in dropdown(SHEET_MEMBERS, "gender")] == ["Nam", "Nữ"]
    assert [c.value for c in dropdown(SHEET_RATINGS, "grade")] == [g.name for g in original.config.rating_scale]
    assert dropdown(SHEET_MEMBERS, TEAM_KEY) == [f"{SHEET_TEAMS}!$A$2:$A$1000"]
    years = next(dv for dv in wb[SHEET_MEMBERS].data_validations.dataValidation
                 if str(dv.sqref).startswith(f"{_letter(SHEET_MEMBERS, 'birth_year')}2"))
    assert (years.type, years.formula1, years.formula2) == ("whole", "1900", "2100")
    help_text = " ".join(str(v) for row in wb[SHEET_HELP].iter_rows(values_only=True) for v in row if v)
    assert "bi_thu_chi_bo" in help_text and "Bí thư chi bộ" in help_text and "ngày/tháng/năm" in help_text
    assert lists["A1"].value and lists.max_row > 70


# ---------------------------------------------------------------------------------------
# Round trips


def test_export_then_import_gives_back_the_same_data(original, project):
    before = data_hashes(project)
    dataset = load_project(project, Report())
    xlsx = project / "to.xlsx"
    xlsx.write_bytes(export_teams_workbook(dataset))
    wb = load_workbook(xlsx)
    assert _filled_rows(wb[SHEET_TEAMS]) == len(original.teams)
    assert _filled_rows(wb[SHEET_MEMBERS]) == sum(len(at.obj.members) for at in original.teams.values())
    assert _filled_rows(wb[SHEET_GROUPS]) == sum(len(at.obj.groups) for at in original.teams.values())
    assert _filled_rows(wb[SHEET_RATINGS]) == sum(len(at.obj.ratings) for at in original.teams.values())

    result = import_teams(xlsx, project / "data", dataset)
    assert _errors(result) == [], import_report_text(result)
    assert result.written == []  # nothing changed, so nothing rewritten (comments included)
    assert len(result.unchanged) == len(original.teams) == len(result.teams)
    assert data_hashes(project) == before
    after = _teams_by_id(project)
    assert {tid: t.model_dump() for tid, t in after.items()} == {tid: at.obj.model_dump() for tid, at in original.teams.items()}
    _, report = check_project(project)
    assert report.errors == []


def test_import_into_empty_teams_folder_writes_every_team(original, project, tmp_path):
    xlsx = tmp_path / "to.xlsx"
    xlsx.write_bytes(export_teams_workbook(original))
    shutil.rmtree(project / "data" / "teams")
    dataset = load_project(project, Report())
    assert dataset.teams == {}

    result = import_teams(xlsx, project / "data", dataset)
    assert _errors(result) == [], import_report_text(result)
    written = {p.relative_to(project).as_posix() for p in result.written}
    assert written == {at.file.path for at in original.teams.values()}  # data/teams/<commune>/<team id>.yml
    sample = (project / original.teams[PLAIN_TEAM].file.path).read_text(encoding="utf-8")
    assert sample.startswith("# yaml-language-server: $schema=../../../schemas/team.schema.json\nid: to-phuc-son-thon-dong\n")
    assert "  date: 11/02/2023\n" in sample and '    phone: "0948581372"\n' in sample and "members:\n  - id:" in sample

    after = _teams_by_id(project)
    assert set(after) == set(original.teams)
    for tid, at in original.teams.items():
        assert _carried_dump(after[tid]) == _carried_dump(at.obj), tid
    _, report = check_project(project)
    assert report.errors == []
    assert not any(p.name.endswith(".tmp") for p in (project / "data").rglob("*"))


def test_edited_cells_replace_those_fields_and_keep_the_rest(original, project, tmp_path):
    dataset = load_project(project, Report())
    path = project / original.teams[PLAIN_TEAM].file.path
    before_text = path.read_text(encoding="utf-8")
    before_all = data_hashes(project)
    xlsx = tmp_path / "to.xlsx"
    xlsx.write_bytes(export_teams_workbook(dataset))
    wb = load_workbook(xlsx)
    members = wb[SHEET_MEMBERS]
    row = next(r for r in range(2, _filled_rows(members) + 2)
               if members.cell(r, _col(SHEET_MEMBERS, "id")).value == "p-phuc-son-thon-dong-02")
    members.cell(row, _col(SHEET_MEMBERS, "phone")).value = "0912000111"
    groups = wb[SHEET_GROUPS]
    grow = next(r for r in range(2, _filled_rows(groups) + 2)
                if groups.cell(r, 1).value == PLAIN_TEAM and groups.cell(r, _col(SHEET_GROUPS, "name")).value == "Nhóm 2 – xóm Bờ Hồ")
    groups.cell(grow, _col(SHEET_GROUPS, "households")).value = 47
    _save(wb, xlsx)

    dry = import_teams(xlsx, project / "data", dataset, dry_run=True)
    assert _errors(dry) == [] and dry.planned == [path] and dry.written == [] and data_hashes(project) == before_all
    result = import_teams(xlsx, project / "data", dataset)
    assert _errors(result) == [], import_report_text(result)
    assert result.written == [path]
    changed = {k for k, v in data_hashes(project).items() if before_all.get(k) != v}
    assert changed == {original.teams[PLAIN_TEAM].file.path}

    after_text = path.read_text(encoding="utf-8")
    old_lines, new_lines = before_text.splitlines(), after_text.splitlines()
    assert len(old_lines) == len(new_lines)
    diff = [(a, b) for a, b in zip(old_lines, new_lines) if a != b]
    assert diff == [('    phone: "0956659363"', '    phone: "0912000111"'), ("    households: 45", "    households: 47")]

    team = _teams_by_id(project)[PLAIN_TEAM]
    expected = original.teams[PLAIN_TEAM].obj.model_copy(deep=True)
    expected.members[1].phone = "0912000111"
    expected.groups[1].households = 47
    assert team.model_dump() == expected.model_dump()
    assert team.meetings and team.activities and team.members[0].ethnicity == "Kinh"  # not in the workbook, kept
    _, report = check_project(project)
    assert report.errors == []


def test_sheet_left_out_keeps_its_data(original, project, tmp_path):
    dataset = load_project(project, Report())
    xlsx = tmp_path / "to.xlsx"
    xlsx.write_bytes(export_teams_workbook(dataset, [PLAIN_TEAM]))
    wb = load_workbook(xlsx)
    del wb[SHEET_RATINGS]
    del wb[SHEET_GROUPS]
    ws = wb[SHEET_MEMBERS]
    ws.delete_cols(_col(SHEET_MEMBERS, GROUP_KEY))
    ws.delete_cols(_col(SHEET_MEMBERS, "phone"))
    wb[SHEET_TEAMS].cell(2, _col(SHEET_TEAMS, "zalo_group")).value = "có"
    _save(wb, xlsx)
    result = import_teams(xlsx, project / "data", dataset)
    assert _errors(result) == [], import_report_text(result)
    team = _teams_by_id(project)[PLAIN_TEAM]
    expected = original.teams[PLAIN_TEAM].obj.model_copy(deep=True)
    expected.zalo_group = True
    assert team.model_dump() == expected.model_dump()  # ratings, groups and phones kept


def test_hand_written_comments_are_not_overwritten(original, project, tmp_path):
    dataset = load_project(project, Report())
    before = data_hashes(project)
    xlsx = tmp_path / "to.xlsx"
    xlsx.write_bytes(export_teams_workbook(dataset, [COMMENTED_TEAM, PLAIN_TEAM]))
    wb = load_workbook(xlsx)
    for r in range(2, _filled_rows(wb[SHEET_MEMBERS]) + 2):
        wb[SHEET_MEMBERS].cell(r, _col(SHEET_MEMBERS, "birth_year")).value = 1970
    _save(wb, xlsx)
    result = import_teams(xlsx, project / "data", dataset)
    codes = [(f.code, f.path) for f in _errors(result)]
    assert codes == [("IMPORT-WOULD-OVERWRITE", f"{SHEET_TEAMS}!A2")]
    assert "Cố ý" in _errors(result)[0].message and original.teams[COMMENTED_TEAM].file.path in _errors(result)[0].message
    assert result.written == []
    assert data_hashes(project) == before  # not even the team without comments: all files or none


def test_all_files_or_none_when_a_rename_fails(original, project, tmp_path, monkeypatch):
    dataset = load_project(project, Report())
    before = data_hashes(project)
    teams = [PLAIN_TEAM, "to-tan-son-thon-na-hin", "to-doan-bai-thon-dong-lam"]
    xlsx = tmp_path / "to.xlsx"
    xlsx.write_bytes(export_teams_workbook(dataset, teams))
    wb = load_workbook(xlsx)
    for r in range(2, _filled_rows(wb[SHEET_TEAMS]) + 2):
        wb[SHEET_TEAMS].cell(r, _col(SHEET_TEAMS, "founding_decision.issuer")).value = "Đảng ủy xã (đã sửa)"
    _save(wb, xlsx)
    real_replace = os.replace
    calls = []

    def flaky_replace(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", flaky_replace)
    result = import_teams(xlsx, project / "data", dataset)
    monkeypatch.setattr(os, "replace", real_replace)
    assert [f.code for f in _errors(result)] == ["IMPORT-WRITE-FAILED"]
    assert result.written == []
    assert data_hashes(project) == before
    assert not any(p.name.endswith(".tmp") for p in (project / "data").rglob("*"))


# ---------------------------------------------------------------------------------------
# Bad workbooks


def test_bad_cells_are_located_and_nothing_is_written(original, project, tmp_path):
    dataset = load_project(project, Report())
    before = data_hashes(project)
    xlsx = tmp_path / "sai.xlsx"
    xlsx.write_bytes(export_teams_workbook(dataset, [PLAIN_TEAM, "to-tan-son-thon-na-hin"]))
    wb = load_workbook(xlsx)
    to, tv, nhom = wb[SHEET_TEAMS], wb[SHEET_MEMBERS], wb[SHEET_GROUPS]
    assert to.cell(2, 1).value == PLAIN_TEAM and tv.cell(2, 1).value == PLAIN_TEAM

    nhom.cell(3, _col(SHEET_GROUPS, "households")).value = "bốn mươi"  # text in a number column
    to.cell(3, _col(SHEET_TEAMS, "village")).value = "bg-luc-ngan-tan-son-thon-na-hinn"  # unknown village
    tv.cell(2, _col(SHEET_MEMBERS, "team_role")).value = "to_truogn"  # misspelt role
    date_cell = to.cell(2, _col(SHEET_TEAMS, "founding_decision.date"))
    date_cell.value, date_cell.number_format = "31/02/2024", "@"  # a day that does not exist
    tv.cell(9, _col(SHEET_MEMBERS, "id")).value = tv.cell(8, _col(SHEET_MEMBERS, "id")).value  # duplicate person id
    tv.cell(6, _col(SHEET_MEMBERS, "family_name")).value = None  # empty required cell
    _save(wb, xlsx)

    result = import_teams(xlsx, project / "data", dataset)
    found = {(f.code, f.path, f.line, f.column) for f in _errors(result)}
    expected = {
        ("IMPORT-BAD-CELL", f"{SHEET_GROUPS}!{_letter(SHEET_GROUPS, 'households')}3", 3, _col(SHEET_GROUPS, "households")),
        ("IMPORT-UNKNOWN-VILLAGE", f"{SHEET_TEAMS}!B3", 3, 2),
        ("IMPORT-BAD-CELL", f"{SHEET_MEMBERS}!{_letter(SHEET_MEMBERS, 'team_role')}2", 2, _col(SHEET_MEMBERS, "team_role")),
        ("IMPORT-BAD-CELL", f"{SHEET_TEAMS}!D2", 2, 4),
        ("IMPORT-DUPLICATE-ID", f"{SHEET_MEMBERS}!B9", 9, 2),
        ("IMPORT-MISSING-VALUE", f"{SHEET_MEMBERS}!C6", 6, 3),
    }
    assert found == expected, import_report_text(result)
    assert all(f.file == "sai.xlsx" and f.message and f.hint for f in _errors(result))
    by_path = {f.path: f for f in result.findings}
    role = by_path[f"{SHEET_MEMBERS}!{_letter(SHEET_MEMBERS, 'team_role')}2"]
    assert "Có phải ý bạn là “Tổ trưởng” (to_truong)?" in role.message
    village = by_path[f"{SHEET_TEAMS}!B3"]
    assert "Có phải ý bạn là “Thôn Nà Hin (xã Tân Sơn)” (mã bg-luc-ngan-tan-son-thon-na-hin)?" in village.message
    assert "không có thật trên lịch" in by_path[f"{SHEET_TEAMS}!D2"].message
    assert "dòng 8" in by_path[f"{SHEET_MEMBERS}!B9"].message
    assert result.written == []
    assert data_hashes(project) == before
    assert "chưa ghi tệp nào" in import_report_text(result)


def test_more_mistakes_found_in_one_pass(original, project, tmp_path):
    dataset = load_project(project, Report())
    before = data_hashes(project)
    xlsx = tmp_path / "sai.xlsx"
    xlsx.write_bytes(export_teams_workbook(dataset, [PLAIN_TEAM]))
    wb = load_workbook(xlsx)
    to, tv, nhom, xl = wb[SHEET_TEAMS], wb[SHEET_MEMBERS], wb[SHEET_GROUPS], wb[SHEET_RATINGS]
    tv.cell(3, _col(SHEET_MEMBERS, "positions")).value = "truong_thon, bi_thu_chibo"
    tv.cell(4, _col(SHEET_MEMBERS, "birth_year")).value = 1850
    tv.cell(5, _col(SHEET_MEMBERS, "consent_to_publish")).value = "có lẽ"
    tv.cell(6, _col(SHEET_MEMBERS, GROUP_KEY)).value = "Nhóm 9"
    tv.cell(7, _col(SHEET_MEMBERS, TEAM_KEY)).value = "to-phuc-son-thon-dongg"
    tv.cell(8, _col(SHEET_MEMBERS, "id")).value = "Nguyễn Văn A"
    nhom.cell(2, _col(SHEET_GROUPS, "leader")).value = "p-khong-co"
    xl.cell(2, _col(SHEET_RATINGS, "grade")).value = "Hoàn thành tôt"  # a tone mark missing, the rest cut off
    xl.cell(3, _col(SHEET_RATINGS, "year")).value = xl.cell(2, _col(SHEET_RATINGS, "year")).value
    to.cell(2, _col(SHEET_TEAMS, "village")).value = "bg-tan-yen-phuc-son"  # a commune, not a village
    _save(wb, xlsx)
    result = import_teams(xlsx, project / "data", dataset)
    found = {(f.code, f.path) for f in _errors(result)}
    L = lambda s, f, r: f"{s}!{_letter(s, f)}{r}"  # noqa: E731
    assert {
        ("IMPORT-BAD-CELL", L(SHEET_MEMBERS, "positions", 3)),
        ("IMPORT-BAD-CELL", L(SHEET_MEMBERS, "birth_year", 4)),
        ("IMPORT-BAD-CELL", L(SHEET_MEMBERS, "consent_to_publish", 5)),
        ("IMPORT-UNKNOWN-GROUP", L(SHEET_MEMBERS, GROUP_KEY, 6)),
        ("IMPORT-UNKNOWN-TEAM", L(SHEET_MEMBERS, TEAM_KEY, 7)),
        ("IMPORT-BAD-CELL", L(SHEET_MEMBERS, "id", 8)),
        ("IMPORT-UNKNOWN-PERSON", L(SHEET_GROUPS, "leader", 2)),
        ("IMPORT-BAD-CELL", L(SHEET_RATINGS, "grade", 2)),
        ("IMPORT-DUPLICATE-ID", L(SHEET_RATINGS, "year", 3)),
        ("IMPORT-UNKNOWN-VILLAGE", L(SHEET_TEAMS, "village", 2)),
    } <= found, import_report_text(result)
    messages = {f.path: f.message for f in result.findings}
    assert "bi_thu_chi_bo" in messages[L(SHEET_MEMBERS, "positions", 3)]
    assert "Hoàn thành tốt nhiệm vụ" in messages[L(SHEET_RATINGS, "grade", 2)]
    assert "nguyen-van-a" in messages[L(SHEET_MEMBERS, "id", 8)]
    assert result.written == [] and data_hashes(project) == before


def test_person_id_used_elsewhere_and_village_with_a_team(original, project, tmp_path):
    dataset = load_project(project, Report())
    xlsx = tmp_path / "moi.xlsx"
    xlsx.write_bytes(export_teams_workbook(dataset, [PLAIN_TEAM]))
    wb = load_workbook(xlsx)
    wb[SHEET_TEAMS].cell(2, 1).value = "to-moi"  # a new team id on a village that has a team
    for ws in (wb[SHEET_MEMBERS], wb[SHEET_GROUPS], wb[SHEET_RATINGS]):
        for r in range(2, _filled_rows(ws) + 2):
            ws.cell(r, 1).value = "to-moi"
    _save(wb, xlsx)
    result = import_teams(xlsx, project / "data", dataset)
    codes = {f.code for f in _errors(result)}
    assert codes == {"IMPORT-DUPLICATE-VILLAGE", "IMPORT-DUPLICATE-ID"}
    dup = [f for f in _errors(result) if f.code == "IMPORT-DUPLICATE-ID"]
    assert len(dup) == len(original.teams[PLAIN_TEAM].obj.members)
    assert original.teams[PLAIN_TEAM].file.path in dup[0].message
    assert result.written == []


def test_unreadable_or_incomplete_workbooks_give_findings(original, project, tmp_path):
    dataset = load_project(project, Report())
    before = data_hashes(project)
    garbage = tmp_path / "hong.xlsx"
    garbage.write_bytes(b"PK\x03\x04 this is not a workbook")
    result = import_teams(garbage, project / "data", dataset)
    assert [f.code for f in result.findings] == ["IMPORT-UNREADABLE"]
    result = import_teams(tmp_path / "khong-co.xlsx", project / "data", dataset)
    assert [f.code for f in result.findings] == ["IMPORT-UNREADABLE"]

    wb = load_workbook(io.BytesIO(team_template(dataset)))
    del wb[SHEET_MEMBERS]
    wb[SHEET_TEAMS].cell(1, _col(SHEET_TEAMS, "village")).value = "Thôn"
    path = _save(wb, tmp_path / "thieu.xlsx")
    result = import_teams(path, project / "data", dataset)
    codes = {(f.code, f.path) for f in result.findings}
    assert ("IMPORT-MISSING-SHEET", SHEET_MEMBERS) in codes
    assert ("IMPORT-MISSING-COLUMN", f"{SHEET_TEAMS}!1:1") in codes
    assert ("IMPORT-UNKNOWN-COLUMN", f"{SHEET_TEAMS}!B1") in codes

    empty = _save(load_workbook(io.BytesIO(team_template(dataset))), tmp_path / "trong.xlsx")
    result = import_teams(empty, project / "data", dataset)
    assert result.findings == [] and result.written == [] and result.teams == []
    assert data_hashes(project) == before


def test_dates_and_numbers_as_officials_type_them(original, project, tmp_path):
    dataset = load_project(project, Report())
    xlsx = tmp_path / "to.xlsx"
    xlsx.write_bytes(export_teams_workbook(dataset, [PLAIN_TEAM]))
    wb = load_workbook(xlsx)
    to, tv, nhom = wb[SHEET_TEAMS], wb[SHEET_MEMBERS], wb[SHEET_GROUPS]
    cell = to.cell(2, _col(SHEET_TEAMS, "founding_decision.date"))
    cell.value, cell.number_format = "11/2/2023", "@"  # the same day, typed as text
    tv.cell(2, _col(SHEET_MEMBERS, "phone")).value = 948581372  # a phone typed as a number loses its 0
    tv.cell(2, _col(SHEET_MEMBERS, "team_role")).value = "to_truong"  # the code instead of the label
    tv.cell(3, _col(SHEET_MEMBERS, "gender")).value = "nam"
    tv.cell(4, _col(SHEET_MEMBERS, "consent_to_publish")).value = "Không"
    nhom.cell(2, _col(SHEET_GROUPS, "households")).value = 39.0
    _save(wb, xlsx)
    before = data_hashes(project)
    result = import_teams(xlsx, project / "data", dataset)
    assert _errors(result) == [], import_report_text(result)
    assert [f.code for f in result.findings] == ["IMPORT-PHONE-ZERO"]
    assert result.written == [] and data_hashes(project) == before  # same data in other spellings: file untouched


def test_group_members_the_workbook_cannot_show_are_kept(original, project, tmp_path):
    """A group listing someone who is not a member of the Tổ (a mistake `handbook check`
    reports) cannot be written in the workbook; importing must not silently drop them. While
    the rule is an error the file is not rewritten (check would reject it) and the finding
    says the mistake is the file's own; once the province makes the rule a warning, the
    import writes the file and keeps them."""
    path = project / original.teams[PLAIN_TEAM].file.path
    text = path.read_text(encoding="utf-8")
    outsider = next(pid for pid, at in original.people.items() if at.kind == "person" and "thon-dong" not in pid)
    text = text.replace("      - p-phuc-son-thon-dong-08\n", f"      - p-phuc-son-thon-dong-08\n      - {outsider}\n", 1)
    path.write_text(text, encoding="utf-8")
    dataset = load_project(project, Report())
    xlsx = tmp_path / "to.xlsx"
    xlsx.write_bytes(export_teams_workbook(dataset, [PLAIN_TEAM]))
    result = import_teams(xlsx, project / "data", dataset)
    assert _errors(result) == [] and result.written == [] and path.read_text(encoding="utf-8") == text

    wb = load_workbook(xlsx)
    wb[SHEET_MEMBERS].cell(2, _col(SHEET_MEMBERS, "phone")).value = "0900000000"
    _save(wb, xlsx)
    result = import_teams(xlsx, project / "data", dataset)
    [error] = _errors(result)
    assert (error.code, error.path) == ("IMPORT-WOULD-FAIL-CHECK", f"{SHEET_GROUPS}!{_letter(SHEET_GROUPS, 'name')}2")  # the group
    assert "[TEAM-GROUP-MEMBERS]" in error.message and outsider in error.message
    assert "đã có sẵn trong tệp" in error.hint
    assert result.written == [] and path.read_text(encoding="utf-8") == text

    config = project / "data" / "config.yml"
    config.write_text(config.read_text(encoding="utf-8") + "rules:\n  TEAM-GROUP-MEMBERS: warning\n", encoding="utf-8")
    dataset = load_project(project, Report())
    result = import_teams(xlsx, project / "data", dataset)
    assert _errors(result) == [] and result.written == [path], import_report_text(result)
    team = _teams_by_id(project)[PLAIN_TEAM]
    assert team.groups[0].members == ["p-phuc-son-thon-dong-01", "p-phuc-son-thon-dong-04", "p-phuc-son-thon-dong-08", outsider]
    assert team.members[0].phone == "0900000000"


# ---------------------------------------------------------------------------------------
# Hostile and broken workbooks (issue 12): formulas, error values, merged cells, zip
# bombs, huge sheets, files that are not workbooks, output the check would reject.


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One copy of the sample project for cases that must not write anything (each checks
    that data/ is byte for byte what it was)."""
    root = copy_sample(tmp_path_factory.mktemp("shared"))
    return root, load_project(root, Report())


def _cli_import(project: Path, xlsx: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "import", "--root", str(project), str(xlsx), *extra],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8")


def _plain_workbook(dataset, path: Path, edit=None) -> Path:
    wb = load_workbook(io.BytesIO(export_teams_workbook(dataset, [PLAIN_TEAM])))
    if edit is not None:
        edit(wb)
    return _save(wb, path)


def _rewrite_part(xlsx: Path, sheet: str, edit) -> None:
    """Change the XML of one sheet inside a saved workbook (what openpyxl cannot write:
    cached error values, a <dimension> that lies)."""
    from generator.editors.excel.guard import inspect_workbook

    part = inspect_workbook(xlsx).sheets[sheet].part
    with zipfile.ZipFile(xlsx) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(xlsx, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            target.writestr(info, edit(data) if info.filename == part else data)


def _set_dimension(xlsx: Path, sheet: str, ref: str) -> None:
    _rewrite_part(xlsx, sheet, lambda xml: re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), xml, count=1))


def _replace_cell(xlsx: Path, sheet: str, ref: str, cell_xml: str) -> None:
    pattern = re.compile(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)'.encode(), re.S)

    def edit(xml: bytes) -> bytes:
        new, count = pattern.subn(cell_xml.encode(), xml, count=1)
        assert count == 1, f"{ref} not found in {sheet}"
        return new

    _rewrite_part(xlsx, sheet, edit)


def _ref(sheet: str, field: str, row: int) -> str:
    return f"{sheet}!{_letter(sheet, field)}{row}"


def _as_text(value: str):
    """A cell edit writing `value` as plain text (openpyxl would make "#N/A" an error value)."""
    def edit(cell):
        cell.value = value
        cell.data_type = "s"
    return edit


# id: (sheet, field, row, value or cell edit, code, words the message must contain)
CELL_CASES = {
    "dde": (SHEET_TEAMS, "founding_decision.number", 2, "=cmd|' /C calc'!A0", "IMPORT-FORMULA", "(DDE)"),
    "dde-function": (SHEET_MEMBERS, "given_name", 5, '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")', "IMPORT-FORMULA", "(DDE)"),
    "hyperlink": (SHEET_MEMBERS, "family_name", 3, '=HYPERLINK("http://vi-du.vn/x","Nguyễn")', "IMPORT-FORMULA", "=HYPERLINK("),
    "sum": (SHEET_GROUPS, "households", 2, "=SUM(20,25)", "IMPORT-FORMULA", "=SUM(20,25)"),
    "vlookup": (SHEET_TEAMS, "village", 2, '=VLOOKUP("Đông",DanhSach!A:B,2,FALSE)', "IMPORT-FORMULA", "=VLOOKUP("),
    "n/a": (SHEET_GROUPS, "households", 3, "#N/A", "IMPORT-ERROR-VALUE", "VLOOKUP"),
    "ref": (SHEET_MEMBERS, "given_name", 4, "#REF!", "IMPORT-ERROR-VALUE", "#REF!"),
    "value": (SHEET_MEMBERS, "birth_year", 2, "#VALUE!", "IMPORT-ERROR-VALUE", "#VALUE!"),
    "div0": (SHEET_GROUPS, "households", 2, "#DIV/0!", "IMPORT-ERROR-VALUE", "chia cho 0"),
    "name": (SHEET_MEMBERS, "team_role", 3, "#NAME?", "IMPORT-ERROR-VALUE", "#NAME?"),
    "null": (SHEET_RATINGS, "grade", 2, "#NULL!", "IMPORT-ERROR-VALUE", "#NULL!"),
    "num": (SHEET_RATINGS, "year", 2, "#NUM!", "IMPORT-ERROR-VALUE", "#NUM!"),
    "n/a-typed-as-text": (SHEET_MEMBERS, "phone", 2, _as_text("#N/A"), "IMPORT-ERROR-VALUE", "#N/A"),
}


@pytest.mark.parametrize("case", CELL_CASES, ids=list(CELL_CASES))
def test_formulas_and_error_values_are_refused_at_their_cell(shared, tmp_path, case):
    project, dataset = shared
    sheet, field, row, value, code, words = CELL_CASES[case]

    def edit(wb):
        cell = wb[sheet].cell(row, _col(sheet, field))
        value(cell) if callable(value) else setattr(cell, "value", value)

    xlsx = _plain_workbook(dataset, tmp_path / "cong-thuc.xlsx", edit)
    before = data_hashes(project)
    result = import_teams(xlsx, project / "data", dataset)
    [error] = [f for f in _errors(result) if f.code == code]
    assert (error.path, error.line, error.column) == (_ref(sheet, field, row), row, _col(sheet, field))
    assert words in error.message and error.hint and error.file == "cong-thuc.xlsx"
    assert unicodedata.is_normalized("NFC", error.message + error.hint)
    others = [f for f in _errors(result) if f.path == error.path and f is not error]
    assert others == []  # the cell is reported once, not also as a bad or missing value
    assert result.written == [] and data_hashes(project) == before


@pytest.mark.parametrize("case", ["dde", "hyperlink", "n/a", "ref"])
def test_formulas_and_error_values_fail_the_command(shared, tmp_path, case):
    project, dataset = shared
    sheet, field, row, value, code, _ = CELL_CASES[case]
    xlsx = _plain_workbook(dataset, tmp_path / "cong-thuc.xlsx",
                           lambda wb: setattr(wb[sheet].cell(row, _col(sheet, field)), "value", value))
    before = data_hashes(project)
    run = _cli_import(project, xlsx)
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"cong-thuc.xlsx — {_ref(sheet, field, row)}: LỖI [{code}]" in run.stdout
    assert "Cách sửa: " in run.stdout and "chưa ghi tệp nào" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr
    assert data_hashes(project) == before


@pytest.mark.parametrize("cell_xml, code", [
    ('<c r="D3" t="e"><f>VLOOKUP(A3,DanhSach!A:B,2,FALSE)</f><v>#N/A</v></c>', "IMPORT-FORMULA"),  # formula, cached #N/A
    ('<c r="D3" t="e"><v>#N/A</v></c>', "IMPORT-ERROR-VALUE"),  # pasted as values: the error stays, as an error
    ('<c r="D3" t="str"><f>20+25</f><v>45</v></c>', "IMPORT-FORMULA"),  # a cached result that looks right
], ids=["formula-cached-error", "error-type", "formula-cached-number"])
def test_cached_results_are_not_taken_for_data(shared, tmp_path, cell_xml, code):
    project, dataset = shared
    xlsx = _plain_workbook(dataset, tmp_path / "ket-qua.xlsx")
    _replace_cell(xlsx, SHEET_GROUPS, "D3", cell_xml)
    result = import_teams(xlsx, project / "data", dataset)
    assert [(f.code, f.path) for f in _errors(result)] == [(code, f"{SHEET_GROUPS}!D3")]
    assert result.written == []


def test_merged_data_cells_are_refused_with_their_range(shared, tmp_path):
    project, dataset = shared
    family, households = _letter(SHEET_MEMBERS, "family_name"), _letter(SHEET_GROUPS, "households")

    def edit(wb):
        wb[SHEET_GROUPS].merge_cells(f"{households}2:{households}3")  # one household count for two groups
        wb[SHEET_MEMBERS].merge_cells(f"{family}5:{family}7")  # a family name over three people
        wb[SHEET_MEMBERS].merge_cells("A9:B9")  # across two columns: never a value repeated down
        wb[SHEET_MEMBERS].merge_cells("P5:Q9")  # beside the template's columns: nothing the import reads

    xlsx = _plain_workbook(dataset, tmp_path / "gop-o.xlsx", edit)
    before = data_hashes(project)
    result = import_teams(xlsx, project / "data", dataset)
    merged = {f.path: f for f in result.findings if f.code == "IMPORT-MERGED-CELLS"}
    assert set(merged) == {f"{SHEET_GROUPS}!{households}2", f"{SHEET_MEMBERS}!{family}5", f"{SHEET_MEMBERS}!A9"}, \
        import_report_text(result)
    groups = merged[f"{SHEET_GROUPS}!{households}2"]
    assert f"{households}2:{households}3" in groups.message and "dòng 3" in groups.message
    members = merged[f"{SHEET_MEMBERS}!{family}5"]
    assert f"{family}5:{family}7" in members.message and "các dòng 6–7" in members.message and "“Họ”" in members.message
    assert "Unmerge" in members.hint and members.severity is Severity.ERROR
    # the cells under a merge read as empty: that is the merge's finding, not one of their own
    assert not [f for f in result.findings if f.path in (f"{SHEET_GROUPS}!{households}3", f"{SHEET_MEMBERS}!{family}6")]
    assert result.written == [] and data_hashes(project) == before


def test_merged_key_cells_are_read_as_the_value_repeated(original, project, tmp_path):
    """Officials write a team's code once, merged down over its rows, and a group's name
    once over its members: those merges mean the value on every row."""
    dataset = load_project(project, Report())
    before = data_hashes(project)
    group_col = _col(SHEET_MEMBERS, GROUP_KEY)

    def edit(wb):
        members, groups = wb[SHEET_MEMBERS], wb[SHEET_GROUPS]
        n_members, n_groups = _filled_rows(members), _filled_rows(groups)
        names = [members.cell(r, group_col).value for r in range(2, n_members + 2)]
        run = next(r for r in range(2, n_members + 1) if names[r - 2] and names[r - 2] == names[r - 1])
        members.merge_cells(start_row=run, end_row=run + 1, start_column=group_col, end_column=group_col)
        members.merge_cells(f"A2:A{n_members + 1}")
        groups.merge_cells(f"A2:A{n_groups + 1}")

    xlsx = _plain_workbook(dataset, tmp_path / "gop-ma-to.xlsx", edit)
    wb = load_workbook(xlsx)
    assert wb[SHEET_MEMBERS].cell(3, 1).value is None and len(wb[SHEET_MEMBERS].merged_cells.ranges) == 2
    result = import_teams(xlsx, project / "data", dataset)
    assert result.findings == [], import_report_text(result)
    assert result.teams == [PLAIN_TEAM] and len(result.unchanged) == 1 and result.written == []  # the same data
    assert data_hashes(project) == before


def _zip_bomb(path: Path, megabytes: int = 200) -> Path:
    """A workbook-shaped zip whose one sheet inflates from ~200 KB to `megabytes` of zeros."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            zeros = bytes(1 << 20)
            for _ in range(megabytes):
                sheet.write(zeros)
    return path


def test_zip_bomb_is_refused_before_it_is_inflated(shared, tmp_path):
    project, _ = shared
    bomb = _zip_bomb(tmp_path / "bom.xlsx")
    assert bomb.stat().st_size < 1024 * 1024
    before = data_hashes(project)
    run = _cli_import(project, bomb)
    assert run.returncode == 1 and "Traceback" not in run.stdout + run.stderr
    assert "LỖI [IMPORT-ZIP-BOMB]" in run.stdout and "200 MB" in run.stdout and "giới hạn là 100 lần" in run.stdout
    assert "chưa ghi tệp nào" in run.stdout and data_hashes(project) == before


@pytest.mark.parametrize("limit, value, words", [
    ("MAX_UNCOMPRESSED_BYTES", 100 * 1024, "vượt giới hạn 100 KB"),  # the sum of the parts' declared sizes
    ("MAX_MEMBERS", 5, "vượt giới hạn 5 phần"),  # the number of parts
    ("MAX_FILE_BYTES", 1024, "vượt giới hạn 1 KB"),  # the file itself
])
def test_size_limits_refuse_before_parsing(shared, tmp_path, monkeypatch, limit, value, words):
    from generator.editors.excel import guard as xlsx_guard

    project, dataset = shared
    xlsx = _plain_workbook(dataset, tmp_path / "lon.xlsx")
    monkeypatch.setattr(xlsx_guard, limit, value)
    result = import_teams(xlsx, project / "data", dataset)
    [error] = result.findings
    assert error.code == "IMPORT-TOO-LARGE" and words in error.message and error.hint, error.message
    assert result.written == [] and result.teams == []


def _rows_trimmed(dataset, path: Path) -> tuple[Path, int]:
    """The plain team's workbook without the formatted empty rows the export adds, so the
    member sheet declares exactly its data; gives the number of member rows."""
    def edit(wb):
        for sheet in DATA_SHEETS:
            ws = wb[sheet]
            ws.delete_rows(_filled_rows(ws) + 2, ws.max_row)

    xlsx = _plain_workbook(dataset, path, edit)
    return xlsx, _filled_rows(load_workbook(xlsx)[SHEET_MEMBERS])


def test_row_limit_declared_counted_and_at_the_edge(shared, tmp_path, monkeypatch):
    from generator.editors.excel import guard as xlsx_guard

    project, dataset = shared
    xlsx, members = _rows_trimmed(dataset, tmp_path / "dong.xlsx")
    monkeypatch.setattr(xlsx_guard, "MAX_DATA_ROWS", members)
    result = import_teams(xlsx, project / "data", dataset, dry_run=True)
    assert _errors(result) == [], import_report_text(result)  # exactly at the limit: read

    monkeypatch.setattr(xlsx_guard, "MAX_DATA_ROWS", members - 1)
    result = import_teams(xlsx, project / "data", dataset)
    [error] = result.findings  # refused from the <dimension> the sheet declares, before reading it
    assert (error.code, error.path) == ("IMPORT-TOO-MANY-ROWS", SHEET_MEMBERS)
    assert f"A1:{_letter(SHEET_MEMBERS, GROUP_KEY)}{members + 1}" in error.message
    assert f"giới hạn {members - 1} dòng" in error.message and "tách thành nhiều bảng tính" in error.hint

    _set_dimension(xlsx, SHEET_MEMBERS, "A1:L3")  # the dimension lies: the rows are counted as they are read
    result = import_teams(xlsx, project / "data", dataset)
    [error] = result.findings
    assert (error.code, error.path) == ("IMPORT-TOO-MANY-ROWS", SHEET_MEMBERS)
    assert f"có dữ liệu ở dòng {members + 1}" in error.message and result.written == []


def test_stray_cell_at_the_last_row_is_refused(shared, tmp_path):
    project, dataset = shared
    xlsx = _plain_workbook(dataset, tmp_path / "dong-cuoi.xlsx",
                           lambda wb: setattr(wb[SHEET_MEMBERS].cell(1048576, 2), "value", "x"))
    before = data_hashes(project)
    run = _cli_import(project, xlsx)
    assert run.returncode == 1 and "Traceback" not in run.stdout + run.stderr
    assert "LỖI [IMPORT-TOO-MANY-ROWS]" in run.stdout and "1.048.576" in run.stdout and "25.000" in run.stdout
    assert data_hashes(project) == before

    _set_dimension(xlsx, SHEET_MEMBERS, "A1:L12")  # declared small: found by counting, past the limit
    result = import_teams(xlsx, project / "data", dataset)
    assert [(f.code, f.path) for f in result.findings] == [("IMPORT-TOO-MANY-ROWS", SHEET_MEMBERS)]
    assert "có dữ liệu ở dòng 1.048.576" in result.findings[0].message


def _ole2(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))


def _zip_with(path: Path, members: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)


def _truncated(path: Path) -> None:
    data = team_template(load_project(ROOT, Report()))
    path.write_bytes(data[: len(data) // 2])


_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         'Target="{}"/></Relationships>')
NOT_WORKBOOKS = {  # id: (how the file is made, words the message must contain)
    "csv": (lambda p: p.write_text("Mã tổ,Mã thôn\nto-a,thon-a\n", encoding="utf-8"), "không phải bảng tính Excel"),
    "empty": (lambda p: p.write_bytes(b""), "không phải bảng tính Excel"),
    "xls-or-password": (_ole2, "Excel đời cũ (.xls"),
    "truncated": (_truncated, "bị hỏng"),
    "docx": (lambda p: _zip_with(p, {"_rels/.rels": _RELS.format("word/document.xml"), "word/document.xml": "<w/>"}), "Word"),
    "ods": (lambda p: _zip_with(p, {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<o/>"}), ".ods"),
    "zip-of-photos": (lambda p: _zip_with(p, {"anh-1.jpg": "JFIF"}), "không phải bảng tính Excel"),
    "doctype": (lambda p: _zip_with(p, {
        "_rels/.rels": _RELS.format("xl/workbook.xml"),
        "xl/workbook.xml": '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">]><workbook>&a;</workbook>'}), "DOCTYPE"),
}


@pytest.mark.parametrize("case", NOT_WORKBOOKS, ids=list(NOT_WORKBOOKS))
def test_files_that_are_not_workbooks_get_a_vietnamese_error(shared, tmp_path, case):
    project, _ = shared
    make, words = NOT_WORKBOOKS[case]
    xlsx = tmp_path / "danh-sach.xlsx"
    make(xlsx)
    before = data_hashes(project)
    run = _cli_import(project, xlsx)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "danh-sach.xlsx: LỖI [IMPORT-UNREADABLE]" in run.stdout and words in run.stdout, run.stdout
    assert "Cách sửa: " in run.stdout and run.stderr == ""  # no traceback, no English from a library
    assert data_hashes(project) == before


def _two_leaders(wb):
    wb[SHEET_MEMBERS].cell(3, _col(SHEET_MEMBERS, "team_role")).value = "Tổ trưởng"


def _two_groups(wb):
    wb[SHEET_MEMBERS].cell(4, _col(SHEET_MEMBERS, GROUP_KEY)).value = "Nhóm 1 – xóm Giếng; Nhóm 2 – xóm Bờ Hồ"


def _many_members(wb):
    ws = wb[SHEET_MEMBERS]
    source = [c.value for c in ws[3]]
    for k in range(40):
        ws.append([f"p-them-{k}" if i == _col(SHEET_MEMBERS, "id") - 1 else
                   None if i == _col(SHEET_MEMBERS, GROUP_KEY) - 1 else
                   "Thành viên" if i == _col(SHEET_MEMBERS, "team_role") - 1 else v for i, v in enumerate(source)])


# id: (workbook edit, the check's code, where in the workbook the finding points, words)
CHECK_CASES = {
    "two-leaders": (_two_leaders, "TEAM-LEADER-COUNT", f"{SHEET_TEAMS}!A2", "có 2 tổ trưởng"),
    "person-in-two-groups": (_two_groups, "TEAM-GROUP-MEMBERS", _ref(SHEET_MEMBERS, GROUP_KEY, 4), "chỉ thuộc một nhóm"),
    "file-too-large": (_many_members, "FILE-TOO-LARGE", f"{SHEET_TEAMS}!A2", "vượt giới hạn 12.000 byte"),
}


@pytest.mark.parametrize("case", CHECK_CASES, ids=list(CHECK_CASES))
def test_nothing_is_written_that_check_would_reject(project, tmp_path, monkeypatch, case):
    from generator.load import yamlload

    edit, code, where, words = CHECK_CASES[case]
    monkeypatch.setattr(yamlload, "DEFAULT_MAX_BYTES", 12_000)  # the team file is ~7 KB; 40 more members pass it
    dataset = load_project(project, Report())
    xlsx = _plain_workbook(dataset, tmp_path / "kiem-tra.xlsx", edit)
    before = data_hashes(project)
    for dry_run in (True, False):
        result = import_teams(xlsx, project / "data", dataset, dry_run=dry_run)
        [error] = _errors(result)
        assert (error.code, error.path) == ("IMPORT-WOULD-FAIL-CHECK", where), import_report_text(result)
        assert f"[{code}]" in error.message and words in error.message and error.hint
        assert result.planned == [] and result.written == [] and data_hashes(project) == before

    # Without this last check the import would write a file `handbook check` rejects.
    from generator.editors.excel import importer as excel_import

    monkeypatch.setattr(excel_import, "_would_fail_check", lambda imp, rendered: False)
    assert import_teams(xlsx, project / "data", dataset).written
    if code != "FILE-TOO-LARGE":  # check_project reads with its own default limit
        _, report = check_project(project)
        assert code in {f.code for f in report.errors}


def test_a_rollback_that_fails_is_not_reported_as_nothing_changed(original, project, tmp_path, monkeypatch):
    dataset = load_project(project, Report())
    teams = [PLAIN_TEAM, "to-tan-son-thon-na-hin", "to-doan-bai-thon-dong-lam"]
    xlsx = tmp_path / "to.xlsx"
    xlsx.write_bytes(export_teams_workbook(dataset, teams))
    wb = load_workbook(xlsx)
    for r in range(2, _filled_rows(wb[SHEET_TEAMS]) + 2):
        wb[SHEET_TEAMS].cell(r, _col(SHEET_TEAMS, "founding_decision.issuer")).value = "Đảng ủy xã (đã sửa)"
    _save(wb, xlsx)
    first = project / original.teams[teams[0]].file.path
    old_bytes = first.read_bytes()
    real_replace = os.replace
    calls = []

    def failing(src, dst):
        calls.append(Path(dst))
        if len(calls) == 3 or ".ban-cu" in Path(src).name:  # the third write fails, and so does putting back
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    result = import_teams(xlsx, project / "data", dataset)
    monkeypatch.setattr(os, "replace", real_replace)
    [error] = _errors(result)
    assert error.code == "IMPORT-ROLLBACK-FAILED"
    assert len(result.left_changed) == 2 and first in result.left_changed
    assert original.teams[teams[0]].file.path in error.message and "bản cũ giữ ở" in error.message
    text = import_report_text(result)
    assert "chưa ghi tệp nào" not in text and "không tệp nào bị thay đổi" not in text
    assert "2 tệp đã bị thay đổi mà chưa khôi phục được" in text and str(first) in text
    backup = first.with_name(f".{first.name}.ban-cu")
    assert backup.read_bytes() == old_bytes and first.read_bytes() != old_bytes  # the old data is kept, and said where
    assert not any(p.name.endswith(".tmp") for p in (project / "data").rglob("*"))


def test_backups_are_removed_after_a_good_write_or_a_good_rollback(original, project, tmp_path, monkeypatch):
    dataset = load_project(project, Report())
    xlsx = _plain_workbook(dataset, tmp_path / "to.xlsx",
                           lambda wb: setattr(wb[SHEET_MEMBERS].cell(2, _col(SHEET_MEMBERS, "phone")), "value", "0900000001"))
    result = import_teams(xlsx, project / "data", dataset)
    assert _errors(result) == [] and len(result.written) == 1
    assert not [p for p in (project / "data").rglob("*") if ".ban-cu" in p.name or p.name.endswith(".tmp")]
