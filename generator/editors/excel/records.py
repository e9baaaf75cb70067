"""A team's rows → the record the workbook gives for it: takes the rows of one team from the
four data sheets; gives a `TeamRecord` — the record to write (dates as dd/mm/yyyy text),
the fields the workbook carries (every other field is kept from the existing file, see
`merge`) and the workbook cell each key path of the record came from. Findings at
Sheet!Cell for what only shows across rows: a team without members, a group named twice, a
group leader who is not a member or not in the group, a group name no group has, a year
rated twice.

`schema_findings` maps the schema's errors on the merged team back to those cells.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from generator.core.dates import format_vn_date
from generator.core.findings import Severity
from generator.editors.excel.columns import (
    GROUP_KEY, SHEET_GROUPS, SHEET_MEMBERS, SHEET_RATINGS, SHEET_TEAMS, TEAM_KEY, columns_of,
)
from generator.editors.excel.options import norm
from generator.editors.excel.session import Cell, ImportSession, Row


@dataclass
class TeamRecord:
    new: dict[str, Any] = field(default_factory=dict)  # the record read from the workbook
    carried: dict[str, Any] = field(default_factory=dict)  # key -> True, or the set of carried sub-keys
    prov: dict[tuple, Cell] = field(default_factory=dict)  # key path of the data -> the cell it came from


def team_record(imp: ImportSession, tid: str, team_row: Row, member_rows: list[Row], group_rows: list[Row] | None,
                rating_rows: list[Row] | None) -> TeamRecord:
    """What the workbook says about team `tid`; `group_rows` and `rating_rows` are None when
    the workbook has no such sheet (the team's groups or ratings are then kept as they are)."""
    rec = TeamRecord(prov={(): team_row.cells["id"]})
    _team_fields(imp, rec, team_row)
    if not member_rows:
        imp.add("IMPORT-NO-MEMBERS", team_row.cells["id"],
                f"Tổ “{tid}” chưa có thành viên nào ở trang {SHEET_MEMBERS}.",
                f"Thêm các thành viên của Tổ vào trang {SHEET_MEMBERS}, cột “Mã tổ” ghi “{tid}”.")
    member_ids = _members(imp, rec, member_rows)
    if group_rows is not None:  # the groups' members come from the "Nhóm" column of ThanhVien
        _groups(imp, rec, tid, group_rows, member_rows, member_ids)
    elif GROUP_KEY in imp.present.get(SHEET_MEMBERS, set()) and any(r.values.get(GROUP_KEY) for r in member_rows):
        imp.add("IMPORT-NO-GROUP-SHEET", member_rows[0].cells.get(GROUP_KEY),
                f"Cột “Nhóm” có ghi tên nhóm nhưng bảng tính không có trang {SHEET_GROUPS}; các nhóm trong dữ liệu được giữ nguyên.",
                f"Thêm trang {SHEET_GROUPS} (xem tệp mẫu) nếu muốn cập nhật các nhóm.", Severity.WARNING)
    if rating_rows is not None:
        _ratings(imp, rec, tid, rating_rows)
    return rec


def _team_fields(imp: ImportSession, rec: TeamRecord, team_row: Row) -> None:
    present, prov, new, carried = imp.present, rec.prov, rec.new, rec.carried
    for col in columns_of(SHEET_TEAMS):
        if col.field not in present[SHEET_TEAMS]:
            continue
        path = tuple(col.field.split("."))
        prov[path] = team_row.cells[col.field]
        if len(path) == 2:
            prov.setdefault(path[:1], team_row.cells[col.field])
            carried.setdefault(path[0], set()).add(path[1])
            if col.field in team_row.values:
                new.setdefault(path[0], {})[path[1]] = _yaml_value(team_row.values[col.field])
        else:
            carried[path[0]] = True
            if col.field in team_row.values:
                new[path[0]] = _yaml_value(team_row.values[col.field])
    if "founding_decision" in carried and "founding_decision" not in new:
        new["founding_decision"] = {}


def _members(imp: ImportSession, rec: TeamRecord, member_rows: list[Row]) -> list[str]:
    """The members' records; gives their ids in row order ("" for a row without a valid id)."""
    present, prov, new, carried = imp.present, rec.prov, rec.new, rec.carried
    member_fields = [c for c in columns_of(SHEET_MEMBERS) if c.field not in (TEAM_KEY, GROUP_KEY)
                     and c.field in present[SHEET_MEMBERS]]
    members: list[dict] = []
    member_ids: list[str] = []
    for i, row in enumerate(member_rows):
        prov[("members", i)] = row.cells["id"]
        record = {}
        for col in member_fields:
            prov[("members", i, col.field)] = row.cells[col.field]
            if col.field in row.values:
                record[col.field] = _yaml_value(row.values[col.field])
        members.append(record)
        member_ids.append(row.values.get("id", ""))
    carried["members"] = {c.field for c in member_fields}
    new["members"] = members
    return member_ids


def _groups(imp: ImportSession, rec: TeamRecord, tid: str, group_rows: list[Row], member_rows: list[Row],
            member_ids: list[str]) -> None:
    present, prov, new, carried = imp.present, rec.prov, rec.new, rec.carried
    group_fields = [c for c in columns_of(SHEET_GROUPS) if c.field != TEAM_KEY and c.field in present[SHEET_GROUPS]]
    groups: list[dict] = []
    index_of: dict[str, int] = {}
    for g, row in enumerate(group_rows):
        prov[("groups", g)] = row.cells["name"]
        record = {}
        for col in group_fields:
            prov[("groups", g, col.field)] = row.cells[col.field]
            if col.field in row.values:
                record[col.field] = _yaml_value(row.values[col.field])
        name = row.values.get("name")
        if name is not None:
            if name in index_of:
                imp.add("IMPORT-DUPLICATE-ID", row.cells["name"],
                        f"Tổ “{tid}” đã có nhóm “{name}” ở dòng {group_rows[index_of[name]].row} của trang {SHEET_GROUPS}.",
                        "Đặt tên khác cho một trong hai nhóm, hoặc xóa dòng trùng.")
            else:
                index_of[name] = g
        leader = row.values.get("leader")
        if leader is not None and leader not in member_ids:
            guess = difflib.get_close_matches(leader, [m for m in member_ids if m], n=1, cutoff=0.6)
            imp.add("IMPORT-UNKNOWN-PERSON", row.cells["leader"],
                    f"Nhóm trưởng “{leader}” không có trong danh sách thành viên của Tổ “{tid}” (trang {SHEET_MEMBERS})."
                    + (f" Có phải ý bạn là “{guess[0]}”?" if guess else ""),
                    "Ghi mã người của nhóm trưởng, đúng như ở cột “Mã người” của trang ThanhVien.")
        groups.append(record)
    group_members_carried = GROUP_KEY in present[SHEET_MEMBERS]
    if group_members_carried:
        _group_members(imp, rec, tid, groups, index_of, group_rows, member_rows, member_ids)
    carried["groups"] = {c.field for c in group_fields} | ({"members"} if group_members_carried else set())
    new["groups"] = groups


def _group_members(imp: ImportSession, rec: TeamRecord, tid: str, groups: list[dict], index_of: dict[str, int],
                   group_rows: list[Row], member_rows: list[Row], member_ids: list[str]) -> None:
    """Each group's members, from the "Nhóm" column of the member sheet (a person names the
    groups they belong to); its leader must be one of them."""
    prov = rec.prov
    for record in groups:
        record["members"] = []
    for row in member_rows:
        text = row.values.get(GROUP_KEY)
        pid = row.values.get("id")
        if not text or pid is None:
            continue
        for name in [n.strip() for n in re.split(r"[;\n]", text) if n.strip()]:
            g = index_of.get(name)
            if g is None:
                matches = [k for k in index_of if norm(k) == norm(name)]
                g = index_of[matches[0]] if len(matches) == 1 else None
            if g is None:
                guess = difflib.get_close_matches(name, list(index_of), n=1, cutoff=0.5)
                imp.add("IMPORT-UNKNOWN-GROUP", row.cells[GROUP_KEY],
                        f"Tổ “{tid}” không có nhóm “{name}” ở trang {SHEET_GROUPS}."
                        + (f" Có phải ý bạn là “{guess[0]}”?" if guess else ""),
                        "Ghi đúng tên nhóm như ở cột “Tên nhóm” của trang Nhom, hoặc thêm nhóm đó vào trang Nhom.")
                continue
            k = len(groups[g]["members"])
            if pid not in groups[g]["members"]:
                groups[g]["members"].append(pid)
                prov[("groups", g, "members", k)] = row.cells[GROUP_KEY]
    for g, (record, row) in enumerate(zip(groups, group_rows)):
        prov.setdefault(("groups", g, "members"), row.cells["name"])
        leader = record.get("leader")
        merged_away = leader in member_ids and _merged_away(imp, member_rows[member_ids.index(leader)])
        if leader and leader in member_ids and leader not in record["members"] and not merged_away:
            imp.add("IMPORT-LEADER-NOT-IN-GROUP", row.cells["leader"],
                    f"Nhóm trưởng “{leader}” chưa thuộc nhóm “{record.get('name')}”: ở trang {SHEET_MEMBERS}, "
                    "cột “Nhóm” của người này chưa ghi tên nhóm.",
                    "Ghi tên nhóm vào cột “Nhóm” của nhóm trưởng ở trang ThanhVien, hoặc chọn nhóm trưởng khác.")


def _ratings(imp: ImportSession, rec: TeamRecord, tid: str, rating_rows: list[Row]) -> None:
    present, prov, new, carried = imp.present, rec.prov, rec.new, rec.carried
    rating_fields = [c for c in columns_of(SHEET_RATINGS) if c.field != TEAM_KEY and c.field in present[SHEET_RATINGS]]
    ratings: list[dict] = []
    year_row: dict[int, int] = {}
    for r, row in enumerate(rating_rows):
        prov[("ratings", r)] = row.cells["year"]
        record = {}
        for col in rating_fields:
            prov[("ratings", r, col.field)] = row.cells[col.field]
            if col.field in row.values:
                record[col.field] = _yaml_value(row.values[col.field])
        year = row.values.get("year")
        if year is not None:
            if year in year_row:
                imp.add("IMPORT-DUPLICATE-ID", row.cells["year"],
                        f"Tổ “{tid}” đã có xếp loại năm {year} ở dòng {year_row[year]} của trang {SHEET_RATINGS}.",
                        "Mỗi Tổ mỗi năm chỉ có một dòng xếp loại; xóa dòng thừa.")
            else:
                year_row[year] = row.row
        ratings.append(record)
    carried["ratings"] = {c.field for c in rating_fields}
    new["ratings"] = ratings


def _merged_away(imp: ImportSession, row: Row) -> bool:
    """The row's group cell lies under a merged range: that finding already explains why it
    reads as empty."""
    cell = row.cells.get(GROUP_KEY)
    return cell is not None and (cell.sheet, cell.row, cell.column) in imp.bad and row.values.get(GROUP_KEY) is None


def _yaml_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return format_vn_date(value)
    return value

