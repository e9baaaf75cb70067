"""The import from start to end: takes a filled workbook, the project's data folder and its
loaded dataset; gives an `ImportResult` — every finding, and the team files written under
data/teams/ (or, for a dry run, the files that would be).

The steps, each in its own module: read the rows (`reading`, cells parsed by `values`);
check ids across rows here (a team or village twice, a row of an unknown team, a person id
used twice or already used elsewhere in the data); build each team's record (`records`),
merge it into the team's existing file (`merge`, `teamfiles`) and validate it against the
schema (`schema_findings`); refuse files with hand-written comments; render the YAML
(`teamyaml`); run the files through `handbook check`'s own stages (`import_check`); write
all of them or none (`teamfiles`). Anything wrong stops the import before anything is
written, and every step's findings are reported together.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from pydantic import ValidationError

from generator.core.findings import Severity
from generator.editors.excel.columns import DATA_SHEETS, SHEET_GROUPS, SHEET_MEMBERS, SHEET_RATINGS, SHEET_TEAMS, TEAM_KEY
from generator.editors.excel.guard import Inspection
from generator.editors.excel.merge import fresh_team, merge_team
from generator.editors.excel.reading import read_sheets
from generator.editors.excel.records import TeamRecord, team_record
from generator.editors.excel.schema_findings import report_schema_errors
from generator.editors.excel.session import Cell, ImportResult, ImportSession, Row, short
from generator.editors.excel.teamfiles import Plan, read_existing, target_of, write_all
from generator.editors.excel.teamyaml import SCHEMA_LINE, body_comments, ordered, render_team_yaml
from generator.schema.team import Team


def import_teams(xlsx_path, data_dir, dataset, *, dry_run: bool = False, inspection: Inspection | None = None) -> ImportResult:
    """Read a filled workbook, check every cell and every team, and (only when nothing is
    wrong, and `handbook check` would accept every file) write one YAML file per team under
    `data_dir`/teams/. Never raises for a bad workbook: everything wrong is a finding.
    `inspection`: what `inspect_import` gave for this file, when the caller ran it already."""
    importer = ImportSession(Path(xlsx_path), Path(data_dir), dataset, inspection)
    result = ImportResult(findings=importer.findings)
    try:
        _run(importer, result, dry_run)
    except Exception as exc:  # a bug here must not cost the official their work: report it
        importer.add("IMPORT-FAILED", None, f"Lỗi không mong đợi khi nhập bảng tính: {type(exc).__name__}: {exc}.",
                     "Báo lỗi này cho người quản lý dữ liệu"
                     + ("." if result.left_changed else "; không tệp nào bị ghi."))
        result.written = []
    result.findings.sort(key=lambda f: (DATA_SHEETS.index(f.path.split("!")[0]) if f.path and f.path.split("!")[0] in DATA_SHEETS else -1,
                                        f.line or 0, f.column or 0, f.code))
    return result


def _run(imp: ImportSession, result: ImportResult, dry_run: bool) -> None:
    sheets = read_sheets(imp)
    if sheets is None or SHEET_TEAMS not in sheets or SHEET_MEMBERS not in sheets:
        return  # the findings say which sheet or column is missing
    team_rows = _team_rows(imp, sheets[SHEET_TEAMS])
    result.teams = list(team_rows)

    # Where each team will live, and the existing file it replaces
    targets: dict[str, tuple[Path, str]] = {}
    for tid, row in team_rows.items():
        targets[tid] = target_of(imp, tid, row)
    target_files = {display for _, display in targets.values()}

    reported = {str(r.raw.get("id")).strip() for r in sheets[SHEET_TEAMS] if "id" not in r.values}
    members_of = _rows_by_team(imp, sheets, SHEET_MEMBERS, team_rows, reported)
    groups_of = _rows_by_team(imp, sheets, SHEET_GROUPS, team_rows, reported) if SHEET_GROUPS in sheets else None
    ratings_of = _rows_by_team(imp, sheets, SHEET_RATINGS, team_rows, reported) if SHEET_RATINGS in sheets else None
    _check_person_ids(imp, team_rows, members_of, target_files)

    plans: list[Plan] = []
    for tid, row in team_rows.items():
        record = team_record(imp, tid, row, members_of[tid],
                             groups_of[tid] if groups_of is not None else None,
                             ratings_of[tid] if ratings_of is not None else None)
        plan = _plan(imp, tid, row, record, targets[tid])
        if plan is not None:
            plans.append(plan)

    if imp.findings and any(f.severity is Severity.ERROR for f in imp.findings):
        return
    to_write: list[Plan] = []
    for plan in plans:
        if plan.existing_data is not None and plan.data == plan.existing_data:
            result.unchanged.append(plan.target)
            continue
        comments = body_comments(plan.existing_text) if plan.existing_text is not None else []
        if comments:
            line, text = comments[0]
            imp.add("IMPORT-WOULD-OVERWRITE", plan.row.cells.get("id"),
                    f"Tệp {plan.display} có ghi chú viết tay ở dòng {line} (“{short(text, 60)}”)"
                    + (f" và {len(comments) - 1} ghi chú khác" if len(comments) > 1 else "")
                    + "; ghi lại tệp từ bảng tính sẽ làm mất ghi chú nên tệp không bị thay.",
                    "Sửa trực tiếp tệp YAML, hoặc chuyển nội dung ghi chú đi nơi khác (ví dụ cột “Giải thích trường hợp đặc biệt”), "
                    "xóa ghi chú trong tệp rồi nhập lại.")
            continue
        to_write.append(plan)
    if any(f.severity is Severity.ERROR for f in imp.findings):
        return
    rendered = [(plan, render_team_yaml(plan.data, plan.header).encode("utf-8")) for plan in to_write]
    if _would_fail_check(imp, rendered):
        return  # the findings say what `handbook check` would reject; nothing is written
    result.planned = [plan.target for plan in to_write]
    if dry_run:
        return
    result.written, result.left_changed = write_all(imp, rendered)


def _team_rows(imp: ImportSession, rows: list[Row]) -> dict[str, Row]:
    """The row of each team on sheet To; a team or a village named twice (in the workbook, or
    a village that already has another team in the data) is a finding."""
    team_rows: dict[str, Row] = {}
    village_of: dict[str, tuple[str, Row]] = {}
    for row in rows:
        tid = row.values.get("id")
        if tid is None:
            continue
        if tid in team_rows:
            imp.add("IMPORT-DUPLICATE-ID", row.cells["id"],
                    f"Mã tổ “{tid}” đã có ở dòng {team_rows[tid].row} của trang To; mỗi Tổ chỉ ghi một dòng.",
                    "Xóa dòng trùng, hoặc đổi mã nếu đây là một Tổ khác.")
            continue
        team_rows[tid] = row
        village = row.values.get("village")
        if village is None:
            continue
        if village in village_of:
            other, _ = village_of[village]
            imp.add("IMPORT-DUPLICATE-VILLAGE", row.cells["village"],
                    f"Thôn “{village}” đã có Tổ “{other}” ở trang To; mỗi thôn, tổ dân phố chỉ lập một Tổ.",
                    "Sửa mã thôn cho đúng, hoặc gộp hai dòng làm một.")
            continue
        village_of[village] = (tid, row)
    for at in imp.dataset.teams.values():
        village = at.obj.village
        if village in village_of and village_of[village][0] != at.obj.id and at.obj.id not in team_rows:
            tid, row = village_of[village]
            imp.add("IMPORT-DUPLICATE-VILLAGE", row.cells["village"],
                    f"Thôn “{village}” đã có Tổ “{at.obj.id}” trong dữ liệu ({at.file.path}); mỗi thôn, tổ dân phố chỉ lập một Tổ.",
                    f"Nếu “{tid}” thay cho Tổ cũ, hãy dùng mã tổ “{at.obj.id}”; nếu không, sửa mã thôn.")
    return team_rows


def _rows_by_team(imp: ImportSession, sheets: dict[str, list[Row]], sheet: str, team_rows: dict[str, Row],
                  reported: set[str]) -> dict[str, list[Row]]:
    """The rows of `sheet` for each team of sheet To; a row naming a team that is not there is
    a finding (unless that team's own row has one already: `reported`)."""
    out: dict[str, list[Row]] = {tid: [] for tid in team_rows}
    for row in sheets.get(sheet, []):
        tid = row.values.get(TEAM_KEY)
        if tid is None or tid in reported:  # empty, or its team row already has a finding
            continue
        if tid not in team_rows:
            guess = difflib.get_close_matches(tid, list(team_rows), n=1, cutoff=0.6)
            message = f"Mã tổ “{tid}” không có ở trang To."
            if guess:
                message += f" Có phải ý bạn là “{guess[0]}”?"
            imp.add("IMPORT-UNKNOWN-TEAM", row.cells[TEAM_KEY], message,
                    "Thêm Tổ này vào trang To, hoặc sửa mã tổ cho đúng.")
            continue
        out[tid].append(row)
    return out


def _check_person_ids(imp: ImportSession, team_rows: dict[str, Row], members_of: dict[str, list[Row]],
                      target_files: set[str]) -> None:
    """Person ids: unique in the workbook and not used by a record the import does not replace."""
    first_person: dict[str, Row] = {}
    for tid in team_rows:
        for row in members_of[tid]:
            pid = row.values.get("id")
            if pid is None:
                continue
            if pid in first_person:
                first = first_person[pid]
                imp.add("IMPORT-DUPLICATE-ID", row.cells["id"],
                        f"Mã người “{pid}” đã dùng ở dòng {first.row} của trang {SHEET_MEMBERS} "
                        f"(Tổ “{first.values.get(TEAM_KEY)}”); mỗi người có một mã duy nhất.",
                        "Nếu là hai người khác nhau, đặt mã khác cho một người; nếu trùng dòng, xóa một dòng.")
                continue
            first_person[pid] = row
            located = getattr(imp.dataset, "people", {}).get(pid)
            if located is not None and located.file.path not in target_files:
                imp.add("IMPORT-DUPLICATE-ID", row.cells["id"],
                        f"Mã người “{pid}” đã dùng cho một người khác trong dữ liệu ({located.file.path}).",
                        "Đặt mã khác cho người này, ví dụ thêm tên thôn hoặc số thứ tự vào cuối mã.")


def _plan(imp: ImportSession, tid: str, team_row: Row, record: TeamRecord, target: tuple[Path, str]) -> Plan | None:
    """The team's record merged into its existing file (or made a new file) and validated
    against the schema; None when the file cannot be merged or the result is invalid (the
    findings say why, at the workbook's cells)."""
    path, display = target
    existing = read_existing(imp, tid, path, display, team_row)
    if existing is False:
        return None
    if existing is None:
        merged = fresh_team(record.new)
        header = [SCHEMA_LINE]
        raw = text = old = None
    else:
        raw, text, old, header = existing
        merged = merge_team(old, record.new, record.carried)
        if not header or not header[0].startswith("# yaml-language-server:"):
            header = [SCHEMA_LINE] + header

    # Schema validation of what would be written, findings mapped back to the cells
    try:
        Team.model_validate(merged)
    except ValidationError as exc:
        report_schema_errors(imp, exc, merged, record.prov, team_row, display, existing is not None)
        return None
    return Plan(tid, path, display, ordered(merged, Team), text, raw, old, header, team_row, record.prov)


def _would_fail_check(imp: ImportSession, rendered: list[tuple[Plan, bytes]]) -> bool:
    """Run the files about to be written through `handbook check`'s own stages; each error
    it would report becomes a finding at the workbook cell it comes from."""
    # Imported here: the check's stages are the heaviest import of the package, needed only
    # when files are about to be written.
    from generator.editors.excel.import_check import check_planned, parse_path

    if not rendered:
        return False
    by_name = {plan.display: (plan, data) for plan, data in rendered}
    problems = check_planned(imp.dataset, [(plan.display, data) for plan, data in rendered])
    for problem in problems:
        f = problem.finding
        if f.file in by_name:  # not written yet: its line numbers would mean nothing to the reader
            where = f.file
            plan, _ = by_name[f.file]
            cell = _cell_for(plan, parse_path(f.path))
            if problem.existed:  # to be fixed in the YAML file, so the check's own hint says how
                hint = (f"Lỗi này đã có sẵn trong tệp {plan.display}, không do bảng tính gây ra: sửa tệp đó trước "
                        "(chạy handbook check để xem), rồi nhập lại." + (f" Gợi ý của handbook check: {f.hint}" if f.hint else ""))
            elif f.code == "FILE-TOO-LARGE":
                hint = (f"Tổ “{plan.team_id}” có {len(plan.data.get('members') or [])} thành viên: kiểm tra các dòng thừa "
                        f"hoặc bị chép trùng ở trang {SHEET_MEMBERS} và {SHEET_GROUPS}, xóa chúng rồi nhập lại.")
            else:
                hint = (_WORKBOOK_HINTS.get(f.code) or f.hint
                        or f"Sửa các ô của Tổ “{plan.team_id}” trong bảng tính theo lỗi trên, rồi nhập lại.")
            imp.add("IMPORT-WOULD-FAIL-CHECK", cell,
                    f"Tệp {where} ghi từ bảng tính sẽ bị handbook check từ chối: [{f.code}] {f.message}", hint)
        else:
            where = f"{f.file} (dòng {f.line})" if f.file and f.line else (f.file or "dữ liệu")
            imp.add("IMPORT-WOULD-FAIL-CHECK", None,
                    f"Ghi các tệp từ bảng tính sẽ làm handbook check báo lỗi ở {where}: [{f.code}] {f.message}",
                    f.hint or "Sửa bảng tính (hoặc tệp được nêu) theo lỗi trên, rồi nhập lại.")
    return bool(problems)


# The check's hints speak YAML ("team_role: to_truong"); for the rules a workbook can break,
# what to do in the workbook instead.
_WORKBOOK_HINTS = {
    "TEAM-LEADER-COUNT": f"Ở trang {SHEET_MEMBERS}, cột “Vai trò trong tổ”, chọn “Tổ trưởng” cho đúng một người của Tổ.",
    "TEAM-GROUP-MEMBERS": (f"Ở trang {SHEET_MEMBERS}, cột “Nhóm”, mỗi người chỉ ghi tên một nhóm, và nhóm trưởng ghi tên "
                           "nhóm mình phụ trách."),
    "REF-DUPLICATE-ID": "Đổi mã (cột “Mã người” hoặc “Mã tổ”) thành một mã chưa dùng ở đâu khác trong dữ liệu.",
}


def _cell_for(plan: Plan, path: tuple) -> Cell:
    """The workbook cell a key path of a team's data came from (or of its nearest ancestor)."""
    probe = path
    while probe and probe not in plan.prov:
        probe = probe[:-1]
    return plan.prov.get(probe) or plan.row.cells["id"]
