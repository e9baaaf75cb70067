"""Excel template, export and import of Tổ Dân vận cộng đồng rosters (issue 6, item 3):
the template has its sheets and dropdowns, export → import gives back the same data, bad
cells are reported where they are and nothing is written, existing data is never lost."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.check import check_project
from generator.dataset import load_project
from generator.excel_import import (
    COLUMNS, DATA_SHEETS, GROUP_KEY, SHEET_GROUPS, SHEET_HELP, SHEET_LISTS, SHEET_MEMBERS, SHEET_RATINGS,
    SHEET_TEAMS, TEAM_KEY, columns_of, export_teams_workbook, import_report_text, import_teams, team_template,
)
from generator.findings import Report, Severity
from generator.schema.team import Team

ROOT = Path(__file__).resolve().parents[1]
PLAIN_TEAM = "to-phuc-son-thon-dong"  # a sample team whose file has no hand-written comments
COMMENTED_TEAM = "to-cao-xa-thon-luc-lieu"  # its file carries a "# Cố ý: …" note inside the data


@pytest.fixture(scope="module")
def original():
    return load_project(ROOT, Report())


def _copy_project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    target.mkdir()
    shutil.copytree(ROOT / "data", target / "data")
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return _copy_project(tmp_path)


def _hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((root / "data").rglob("*")) if p.is_file()}


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
    assert "bg-tan-yen-phuc-son-thon-dong" in villages and len(villages) == 70
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
    before = _hashes(project)
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
    assert _hashes(project) == before
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
    before_all = _hashes(project)
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
    assert _errors(dry) == [] and dry.planned == [path] and dry.written == [] and _hashes(project) == before_all
    result = import_teams(xlsx, project / "data", dataset)
    assert _errors(result) == [], import_report_text(result)
    assert result.written == [path]
    changed = {k for k, v in _hashes(project).items() if before_all.get(k) != v}
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
    before = _hashes(project)
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
    assert _hashes(project) == before  # not even the team without comments: all files or none


def test_all_files_or_none_when_a_rename_fails(original, project, tmp_path, monkeypatch):
    dataset = load_project(project, Report())
    before = _hashes(project)
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
    assert _hashes(project) == before
    assert not any(p.name.endswith(".tmp") for p in (project / "data").rglob("*"))


# ---------------------------------------------------------------------------------------
# Bad workbooks


def test_bad_cells_are_located_and_nothing_is_written(original, project, tmp_path):
    dataset = load_project(project, Report())
    before = _hashes(project)
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
    assert "Có phải ý bạn là “bg-luc-ngan-tan-son-thon-na-hin”" in village.message
    assert "không có thật trên lịch" in by_path[f"{SHEET_TEAMS}!D2"].message
    assert "dòng 8" in by_path[f"{SHEET_MEMBERS}!B9"].message
    assert result.written == []
    assert _hashes(project) == before
    assert "chưa ghi tệp nào" in import_report_text(result)


def test_more_mistakes_found_in_one_pass(original, project, tmp_path):
    dataset = load_project(project, Report())
    before = _hashes(project)
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
    assert result.written == [] and _hashes(project) == before


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
    before = _hashes(project)
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
    assert _hashes(project) == before


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
    before = _hashes(project)
    result = import_teams(xlsx, project / "data", dataset)
    assert _errors(result) == [], import_report_text(result)
    assert [f.code for f in result.findings] == ["IMPORT-PHONE-ZERO"]
    assert result.written == [] and _hashes(project) == before  # same data in other spellings: file untouched


def test_group_members_the_workbook_cannot_show_are_kept(original, project, tmp_path):
    """A group listing someone who is not a member of the Tổ (a mistake `handbook check`
    reports) cannot be written in the workbook; importing must not silently drop them."""
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
    assert _errors(result) == [] and result.written == [path]
    team = _teams_by_id(project)[PLAIN_TEAM]
    assert team.groups[0].members == ["p-phuc-son-thon-dong-01", "p-phuc-son-thon-dong-04", "p-phuc-son-thon-dong-08", outsider]
    assert team.members[0].phone == "0900000000"
