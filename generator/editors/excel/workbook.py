"""Excel rosters of Tổ Dân vận cộng đồng: a template to fill in, an export of the teams in the
data, and an import that turns a filled workbook back into team YAML files.

Takes a `Dataset` (and, for the import, a filled XLSX file); gives XLSX bytes, or located
findings (sheet, row, column) and the YAML files written under data/teams/.

The workbook has one sheet per kind of row (teams, members, groups, ratings); every column
maps to one schema field, and that mapping is the one table `COLUMNS` below. The import never
overwrites data it did not read: fields the workbook does not carry (meetings, activities,
ethnicity, address, …) are kept from the existing file, a sheet or column left out of the
workbook leaves its fields alone, and a file with hand-written comments that would be lost is
refused. Files are written all at once (temporary file, then rename) or not at all.

Hostile or broken workbooks are refused with located findings: before anything is parsed,
`xlsx_guard` checks the zip (size, bombs, a non-workbook) and the rows each sheet declares;
while reading, formulas, Excel error values and merged data cells are refused (`xlsx_cells`)
and rows are counted against the limit; before anything is written, the files go through
`handbook check`'s own stages (`import_check`), so the import never writes a file the check
would reject.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import io
import re
import unicodedata
import zipfile
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable
from xml.etree import ElementTree

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticUndefined

from generator.core.cells import set_cell
from generator.core.dates import DateError, format_vn_date, parse_vn_date
from generator.core.findings import Finding, Severity
from generator.model.hierarchy import commune_of
from generator.schema.config import DEFAULT_GRADES
from generator.schema.roles import LABELS, TeamException, TeamRole, VillagePosition
from generator.schema.team import FoundingDecision, Group, Rating, Team, TeamMember
from generator.core.text import LEGACY_FIX_VI, fold, legacy_encoding, nfc
from generator.editors.excel import guard as xlsx_guard
from generator.editors.excel.cells import (
    ERROR_HINT, FORMULA_HINT, MERGED_HINT, MergeSweep, data_merges, error_message, error_of, formula_message, formula_of,
)
from generator.editors.excel.guard import Inspection, inspect_workbook, too_many_rows
from generator.load.yamlload import load_yaml_text

# ---------------------------------------------------------------------------------------
# The mapping: one row per workbook column.

SHEET_HELP = "Hướng dẫn"
SHEET_TEAMS = "To"
SHEET_MEMBERS = "ThanhVien"
SHEET_GROUPS = "Nhom"
SHEET_RATINGS = "XepLoai"
SHEET_LISTS = "DanhSach"
DATA_SHEETS = (SHEET_TEAMS, SHEET_MEMBERS, SHEET_GROUPS, SHEET_RATINGS)
REQUIRED_SHEETS = (SHEET_TEAMS, SHEET_MEMBERS)  # Nhom and XepLoai may be left out: their data is then kept

SCHEMA_LINE = "# yaml-language-server: $schema=../../../schemas/team.schema.json"
TEMPLATE_ROWS = 1000  # rows of each data sheet that carry the formats and validations
TEAM_KEY = "team"  # the "Mã tổ" column of the member, group and rating sheets
GROUP_KEY = "group"  # the "Nhóm" column of the member sheet (group membership)


@dataclass(frozen=True)
class Column:
    sheet: str
    field: str  # schema field of the row's record; dotted for nested ones ("founding_decision.date")
    header: str  # Vietnamese header written in row 1
    type: str  # slug, text, date, int, bool, choice, choices, village, grade, phone, team, groups
    required: bool = False
    choices: str | None = None  # name of the option list for choice/choices columns
    minimum: int | None = None
    maximum: int | None = None
    width: int = 16


COLUMNS: tuple[Column, ...] = (
    # To: one row per team (schema Team, FoundingDecision)
    Column(SHEET_TEAMS, "id", "Mã tổ", "slug", True, width=32),
    Column(SHEET_TEAMS, "village", "Mã thôn, tổ dân phố", "village", True, width=38),
    Column(SHEET_TEAMS, "founding_decision.number", "Số quyết định", "text", True, width=16),
    Column(SHEET_TEAMS, "founding_decision.date", "Ngày quyết định", "date", True, width=16),
    Column(SHEET_TEAMS, "founding_decision.issuer", "Cấp ủy ban hành", "text", True, width=28),
    Column(SHEET_TEAMS, "exceptions", "Trường hợp đặc biệt", "choices", False, "exceptions", width=26),
    Column(SHEET_TEAMS, "exception_note", "Giải thích trường hợp đặc biệt", "text", False, width=40),
    Column(SHEET_TEAMS, "zalo_group", "Nhóm Zalo (có/không)", "bool", False, "yes_no", width=14),
    # ThanhVien: one row per member (schema TeamMember)
    Column(SHEET_MEMBERS, TEAM_KEY, "Mã tổ", "team", True, width=32),
    Column(SHEET_MEMBERS, "id", "Mã người", "slug", True, width=32),
    Column(SHEET_MEMBERS, "family_name", "Họ", "text", True, width=12),
    Column(SHEET_MEMBERS, "middle_name", "Tên đệm", "text", False, width=14),
    Column(SHEET_MEMBERS, "given_name", "Tên", "text", True, width=12),
    Column(SHEET_MEMBERS, "gender", "Giới tính", "choice", False, "gender", width=10),
    Column(SHEET_MEMBERS, "birth_year", "Năm sinh", "int", False, minimum=1900, maximum=2100, width=10),
    Column(SHEET_MEMBERS, "team_role", "Vai trò trong tổ", "choice", True, "team_role", width=16),
    Column(SHEET_MEMBERS, "positions", "Chức danh ở thôn", "choices", False, "positions", width=34),
    Column(SHEET_MEMBERS, "phone", "Điện thoại", "phone", False, width=14),
    Column(SHEET_MEMBERS, "consent_to_publish", "Đồng ý công khai (có/không)", "bool", False, "yes_no", width=16),
    Column(SHEET_MEMBERS, GROUP_KEY, "Nhóm", "groups", False, width=28),
    # Nhom: one row per group (schema Group; its members come from the "Nhóm" column above)
    Column(SHEET_GROUPS, TEAM_KEY, "Mã tổ", "team", True, width=32),
    Column(SHEET_GROUPS, "name", "Tên nhóm", "text", True, width=28),
    Column(SHEET_GROUPS, "leader", "Nhóm trưởng (mã người)", "slug", True, width=32),
    Column(SHEET_GROUPS, "households", "Số hộ", "int", True, minimum=0, maximum=100000, width=10),
    Column(SHEET_GROUPS, "area", "Địa bàn", "text", False, width=40),
    # XepLoai: one row per team and year (schema Rating)
    Column(SHEET_RATINGS, TEAM_KEY, "Mã tổ", "team", True, width=32),
    Column(SHEET_RATINGS, "year", "Năm", "int", True, minimum=2000, maximum=2100, width=10),
    Column(SHEET_RATINGS, "grade", "Xếp loại", "grade", True, "grade", width=32),
)

SHEET_MODEL: dict[str, type[BaseModel]] = {
    SHEET_TEAMS: Team, SHEET_MEMBERS: TeamMember, SHEET_GROUPS: Group, SHEET_RATINGS: Rating,
}
SHEET_TITLE = {
    SHEET_TEAMS: "danh sách Tổ (mỗi Tổ một dòng)",
    SHEET_MEMBERS: "thành viên (mỗi người một dòng)",
    SHEET_GROUPS: "các nhóm theo địa bàn dân cư (mỗi nhóm một dòng)",
    SHEET_RATINGS: "kết quả xếp loại (mỗi Tổ, mỗi năm một dòng)",
}


def columns_of(sheet: str) -> list[Column]:
    return [c for c in COLUMNS if c.sheet == sheet]


def _field_info(col: Column):
    model: Any = SHEET_MODEL[col.sheet]
    parts = col.field.split(".")
    for part in parts[:-1]:
        model = {"founding_decision": FoundingDecision}[part]
    return model.model_fields.get(parts[-1])


def describe(col: Column) -> str:
    if col.field == TEAM_KEY:
        return "Mã tổ của dòng này; phải có trong trang To."
    if col.field == GROUP_KEY:
        return ("Tên nhóm (đúng như ở trang Nhom) mà người này thuộc về; để trống nếu không ở nhóm nào. "
                "Nếu thuộc nhiều nhóm, ngăn cách bằng dấu chấm phẩy.")
    if (col.sheet, col.field) in _EXCEL_NOTES:
        return _EXCEL_NOTES[(col.sheet, col.field)]
    info = _field_info(col)
    text = (info.description or "") if info else ""
    if col.type in ("village", "choice", "grade", "bool"):
        text += " Chọn trong danh sách thả xuống."
    return text


# Where the schema's description speaks YAML, the workbook says it the spreadsheet way.
_EXCEL_NOTES = {
    (SHEET_TEAMS, "exceptions"): "Để trống nếu không có. Ghi khong_co_chi_bo (thôn chưa có chi bộ) hoặc kiem_nhiem "
                                 "(một người kiêm nhiều chức danh), hoặc cả hai, ngăn cách bằng dấu phẩy; khi đó tổ trưởng "
                                 "có thể là chi ủy viên hoặc trưởng thôn.",
    (SHEET_MEMBERS, "gender"): "Nam hoặc Nữ. Chọn trong danh sách thả xuống.",
    (SHEET_MEMBERS, "team_role"): "Tổ trưởng, Tổ phó hoặc Thành viên. Chọn trong danh sách thả xuống.",
    (SHEET_MEMBERS, "positions"): "Mã các chức danh người này đang giữ ở thôn, ngăn cách bằng dấu phẩy, ví dụ: "
                                  "bi_thu_chi_bo, truong_thon. Bảng mã ở cuối trang Hướng dẫn.",
    (SHEET_MEMBERS, "phone"): "Số điện thoại cá nhân (không bao giờ công khai); giữ số 0 ở đầu.",
    (SHEET_GROUPS, "leader"): "Mã người làm nhóm trưởng; người này phải có trong trang ThanhVien và thuộc nhóm này.",
    (SHEET_RATINGS, "grade"): "Mức xếp loại theo thang của tỉnh. Chọn trong danh sách thả xuống.",
}


# ---------------------------------------------------------------------------------------
# Option lists (values as written in YAML, labels as shown in the workbook)

YES, NO = "có", "không"
_YES_WORDS = {"co", "x", "yes", "y", "true", "1", "dong y", "da co", "roi"}
_NO_WORDS = {"khong", "no", "n", "false", "0", "chua", "chua co", "k", "ko"}


def _grades(dataset) -> list[tuple[str, str]]:
    config = getattr(dataset, "config", None)
    scale = config.rating_scale if config is not None else DEFAULT_GRADES
    return [(g.id, g.name) for g in scale]


def _options(name: str, dataset) -> list[tuple[str, str]]:
    if name == "team_role":
        return [(r.value, LABELS[r.value]) for r in TeamRole]
    if name == "positions":
        return [(p.value, LABELS[p.value]) for p in VillagePosition]
    if name == "exceptions":
        return [(e.value, LABELS[e.value]) for e in TeamException]
    if name == "gender":
        return [("nam", "Nam"), ("nu", "Nữ")]
    if name == "grade":
        return _grades(dataset)
    if name == "yes_no":
        return [("true", YES), ("false", NO)]
    raise KeyError(name)


def _norm(text: str) -> str:
    return " ".join(fold(text).replace("_", " ").replace("-", " ").split())


@functools.lru_cache(maxsize=64)
def _lookup_table(options: tuple[tuple[str, str], ...]) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for value, label in options:
        table.setdefault(_norm(value), set()).add(value)
        table.setdefault(_norm(label), set()).add(value)
    return {k: frozenset(v) for k, v in table.items()}


def _lookup(text: str, options: list[tuple[str, str]]) -> str | None:
    """The value an official meant: the value itself, its label, or "Label (value)"."""
    table = _lookup_table(tuple(options))
    candidates = [text]
    if "(" in text and text.rstrip().endswith(")"):
        outside, inside = text.rstrip()[:-1].split("(", 1)
        candidates += [inside, outside]
    for sep in (" – ", " - ", ":"):
        if sep in text:
            candidates += text.split(sep, 1)
    for candidate in candidates:
        hit = table.get(_norm(candidate))
        if hit and len(hit) == 1:
            return next(iter(hit))
    return None


def _suggest(text: str, options: list[tuple[str, str]]) -> tuple[str, str] | None:
    keys: dict[str, tuple[str, str]] = {}
    for value, label in options:
        keys.setdefault(_norm(value), (value, label))
        keys.setdefault(_norm(label), (value, label))
    typed = _norm(text)
    if len(typed) >= 3:  # the start of a longer label ("Hoàn thành tốt" for "Hoàn thành tốt nhiệm vụ")
        longer = {keys[k] for k in keys if k.startswith(typed) and k != typed}
        if len(longer) == 1:
            return next(iter(longer))
    guess = difflib.get_close_matches(typed, list(keys), n=1, cutoff=0.6)
    return keys[guess[0]] if guess else None


def _villages(dataset) -> list[str]:
    from generator.model.hierarchy import is_village

    return [uid for uid in dataset.units if is_village(dataset, uid)]


def _village_label(dataset, uid: str) -> str:
    from generator.model.hierarchy import unit_label

    unit = dataset.units[uid].obj
    commune = commune_of(dataset, uid)
    text = unit_label(unit)
    if commune and commune != uid:
        text += ", " + unit_label(dataset.units[commune].obj)
    return text


# ---------------------------------------------------------------------------------------
# Writing workbooks


def team_template(dataset) -> bytes:
    """An empty workbook for officials to fill in: instructions, headers, dropdowns."""
    return _build_workbook(dataset, [])


def export_teams_workbook(dataset, team_ids: Iterable[str] | None = None) -> bytes:
    """The template filled with the teams of the data (all of them, or those named), so that
    exporting and importing again gives back the same data."""
    if team_ids is None:
        teams = [at.obj for at in dataset.teams.values()]
    else:
        wanted = list(team_ids)
        unknown = [t for t in wanted if t not in dataset.teams]
        if unknown:
            raise ValueError("Không có Tổ với mã: " + ", ".join(unknown))
        teams = [dataset.teams[t].obj for t in wanted]
    return _build_workbook(dataset, teams)


def _cell_value(col: Column, value: Any, dataset) -> Any:
    if value is None:
        return None
    if col.type == "bool":
        return YES if value else NO
    if col.type == "choice" or col.type == "grade":
        raw = getattr(value, "value", value)
        for option, label in _options(col.choices or "", dataset):
            if option == raw:
                return label
        return raw
    if col.type == "choices":
        items = [getattr(v, "value", v) for v in value]
        return ", ".join(items) if items else None
    if col.type == "date":
        return value
    return value


def _rows_for(team: Team, dataset) -> dict[str, list[list[Any]]]:
    def row(sheet: str, record: Any, extra: dict[str, Any]) -> list[Any]:
        out = []
        for col in columns_of(sheet):
            if col.field in extra:
                out.append(extra[col.field])
                continue
            value = record
            for part in col.field.split("."):
                value = getattr(value, part)
            out.append(_cell_value(col, value, dataset))
        return out

    groups_of: dict[str, list[str]] = {}
    for group in team.groups:
        for pid in group.members:
            groups_of.setdefault(pid, [])
            if group.name not in groups_of[pid]:
                groups_of[pid].append(group.name)
    return {
        SHEET_TEAMS: [row(SHEET_TEAMS, team, {})],
        SHEET_MEMBERS: [row(SHEET_MEMBERS, m, {TEAM_KEY: team.id, GROUP_KEY: "; ".join(groups_of.get(m.id, [])) or None})
                        for m in team.members],
        SHEET_GROUPS: [row(SHEET_GROUPS, g, {TEAM_KEY: team.id}) for g in team.groups],
        SHEET_RATINGS: [row(SHEET_RATINGS, r, {TEAM_KEY: team.id}) for r in team.ratings],
    }


def _build_workbook(dataset, teams: list[Team]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    rows: dict[str, list[list[Any]]] = {s: [] for s in DATA_SHEETS}
    for team in teams:
        for sheet, more in _rows_for(team, dataset).items():
            rows[sheet].extend(more)
    last_row = max([TEMPLATE_ROWS] + [len(r) + 500 for r in rows.values()])

    wb = Workbook()
    help_ws = wb.active
    help_ws.title = SHEET_HELP
    lists = _write_lists(wb, dataset)

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="8B1A1A")
    for sheet in DATA_SHEETS:
        ws = wb.create_sheet(sheet)
        cols = columns_of(sheet)
        for c, col in enumerate(cols, 1):
            cell = ws.cell(row=1, column=c, value=col.header + (" *" if col.required else ""))
            cell.font = header_font
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            letter = get_column_letter(c)
            ws.column_dimensions[letter].width = col.width
        ws.row_dimensions[1].height = 36
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}1"
        for r, values in enumerate(rows[sheet], 2):
            for c, (col, value) in enumerate(zip(cols, values), 1):
                cell = set_cell(ws, r, c, value)
                _format_cell(cell, col)
        for r in range(len(rows[sheet]) + 2, min(last_row, len(rows[sheet]) + 201) + 1):
            for c, col in enumerate(cols, 1):  # formats for the first empty rows, so typed phones keep their 0
                _format_cell(ws.cell(row=r, column=c), col)
        _add_validations(ws, cols, lists, last_row)
    _write_help(help_ws, dataset)
    lists_ws = wb[SHEET_LISTS]
    wb.move_sheet(lists_ws, offset=len(wb.worksheets) - 1 - wb.index(lists_ws))  # hidden lists go last
    wb.active = 0
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _format_cell(cell, col: Column) -> None:
    if col.type == "date":
        cell.number_format = "DD/MM/YYYY"
    elif col.type in ("int",):
        cell.number_format = "0"
    else:
        cell.number_format = "@"  # text: codes and phone numbers keep their leading zeros


def _write_lists(wb, dataset) -> dict[str, str]:
    """The hidden sheet of option lists; gives each list's range for the validations."""
    from openpyxl.styles import Font

    ws = wb.create_sheet(SHEET_LISTS)
    ws.sheet_state = "hidden"
    lists: dict[str, list[Any]] = {
        "village": _villages(dataset),
        "village_label": [_village_label(dataset, v) for v in _villages(dataset)],
        "team_role": [label for _, label in _options("team_role", dataset)],
        "team_role_value": [value for value, _ in _options("team_role", dataset)],
        "gender": [label for _, label in _options("gender", dataset)],
        "yes_no": [YES, NO],
        "grade": [label for _, label in _options("grade", dataset)],
        "grade_value": [value for value, _ in _options("grade", dataset)],
        "exceptions": [e.value for e in TeamException] + [", ".join(e.value for e in TeamException)],
        "positions": [value for value, _ in _options("positions", dataset)],
        "positions_label": [label for _, label in _options("positions", dataset)],
    }
    headers = {
        "village": "Mã thôn, tổ dân phố", "village_label": "Tên thôn, tổ dân phố", "team_role": "Vai trò trong tổ",
        "team_role_value": "Mã vai trò", "gender": "Giới tính", "yes_no": "Có/không", "grade": "Xếp loại",
        "grade_value": "Mã xếp loại", "exceptions": "Trường hợp đặc biệt", "positions": "Mã chức danh",
        "positions_label": "Chức danh",
    }
    ranges: dict[str, str] = {}
    from openpyxl.utils import get_column_letter

    for c, (name, values) in enumerate(lists.items(), 1):
        letter = get_column_letter(c)
        ws.cell(row=1, column=c, value=headers[name]).font = Font(bold=True)
        ws.column_dimensions[letter].width = 30
        for r, value in enumerate(values, 2):
            set_cell(ws, r, c, value).number_format = "@"
        if values:
            ranges[name] = f"{SHEET_LISTS}!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _add_validations(ws, cols: list[Column], lists: dict[str, str], last_row: int) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for c, col in enumerate(cols, 1):
        letter = get_column_letter(c)
        prompt = describe(col)
        if col.required:
            prompt = "Bắt buộc. " + prompt
        kwargs: dict[str, Any] = {}
        source = None
        if col.type == "village":
            source = lists.get("village")
        elif col.type == "team" and col.sheet != SHEET_TEAMS:
            source = f"{SHEET_TEAMS}!$A$2:$A${last_row}"
            kwargs["errorStyle"] = "warning"
        elif col.type in ("choice", "grade", "bool"):
            source = lists.get(col.choices or "")
        elif col.type == "choices" and col.choices == "exceptions":
            source = lists.get("exceptions")
            kwargs["errorStyle"] = "warning"
        if source:
            dv = DataValidation(type="list", formula1=f"={source}", allow_blank=True, **kwargs)
            dv.error = "Hãy chọn một giá trị trong danh sách thả xuống."
            dv.errorTitle = "Giá trị không có trong danh sách"
        elif col.type == "int":
            dv = DataValidation(type="whole", operator="between", formula1=str(col.minimum or 0),
                                formula2=str(col.maximum or 1000000), allow_blank=True, errorStyle="warning")
            dv.error = f"Ô này cần một số nguyên từ {col.minimum or 0} đến {col.maximum or 1000000}."
            dv.errorTitle = "Cần một số nguyên"
        else:
            dv = DataValidation(allow_blank=True)  # no restriction; the prompt explains the column
        dv.showErrorMessage = True
        dv.showInputMessage = True
        dv.promptTitle = col.header[:32]
        dv.prompt = prompt[:250]
        dv.add(f"{letter}2:{letter}{last_row}")
        ws.add_data_validation(dv)


def _write_help(ws, dataset) -> None:
    from openpyxl.styles import Alignment, Font

    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 90
    ws.column_dimensions["D"].width = 30
    bold = Font(bold=True)
    lines: list[tuple[Any, ...]] = [
        ("HƯỚNG DẪN ĐIỀN DANH SÁCH TỔ DÂN VẬN CỘNG ĐỒNG",),
        (),
        ("Cách làm",),
        ("1.", "", "Điền trang To trước: mỗi Tổ một dòng, mã tổ viết thường không dấu, nối bằng gạch ngang (ví dụ to-phuc-son-thon-dong)."),
        ("2.", "", "Trang ThanhVien: mỗi thành viên một dòng, cột “Mã tổ” ghi đúng mã tổ ở trang To. Mã người là duy nhất trong toàn bộ dữ liệu."),
        ("3.", "", "Trang Nhom: mỗi nhóm một dòng. Người thuộc nhóm nào thì ghi tên nhóm ở cột “Nhóm” của trang ThanhVien."),
        ("4.", "", "Trang XepLoai: mỗi Tổ, mỗi năm một dòng."),
        ("5.", "", "Gửi tệp cho người quản lý dữ liệu, hoặc tự chạy: handbook import <tên tệp>.xlsx. Chương trình báo lỗi theo trang, dòng, cột (ví dụ ThanhVien!H12); sửa xong thì nhập lại."),
        (),
        ("Lưu ý",),
        ("•", "", "Dòng 1 của mỗi trang là tiêu đề cột: không sửa, không xóa. Cột có dấu * là bắt buộc."),
        ("•", "", "Ngày ghi theo ngày/tháng/năm, năm đủ 4 chữ số, ví dụ 03/6/2013. Nếu Excel tự đổi ngày sang kiểu tháng/ngày, hãy gõ dấu nháy ' trước ngày (’03/6/2013)."),
        ("•", "", "Các cột có danh sách thả xuống (thôn, vai trò, giới tính, có/không, xếp loại): chọn trong danh sách thay vì gõ tay."),
        ("•", "", "Chức danh ở thôn và trường hợp đặc biệt: ghi mã, nhiều mã ngăn cách bằng dấu phẩy, ví dụ: bi_thu_chi_bo, truong_thon."),
        ("•", "", "Điện thoại giữ nguyên số 0 ở đầu (các ô đã để dạng chữ)."),
        ("•", "", "Dữ liệu không có trong bảng này (họp Tổ, hoạt động, dân tộc, địa chỉ, ảnh…) được giữ nguyên trong tệp dữ liệu khi nhập; nếu bỏ hẳn một trang Nhom hoặc XepLoai, dữ liệu của trang đó cũng được giữ nguyên."),
        ("•", "", "Xóa một dòng thành viên, nhóm hoặc xếp loại của một Tổ có trong trang To nghĩa là xóa mục đó khỏi dữ liệu của Tổ."),
        (),
    ]
    for sheet in DATA_SHEETS:
        lines.append((f"Trang {sheet}: {SHEET_TITLE[sheet]}",))
        lines.append(("Cột", "Bắt buộc", "Ý nghĩa", "Trường dữ liệu"))
        for col in columns_of(sheet):
            lines.append((col.header, "có" if col.required else "", describe(col), col.field))
        lines.append(())
    lines.append(("Mã chức danh ở thôn",))
    lines.extend((value, "", label) for value, label in _options("positions", dataset))
    lines.append(())
    lines.append(("Mã trường hợp đặc biệt",))
    lines.extend((value, "", label) for value, label in _options("exceptions", dataset))
    lines.append(())
    lines.append(("Vai trò trong tổ",))
    lines.extend((label, "", value) for value, label in _options("team_role", dataset))
    lines.append(())
    lines.append(("Xếp loại",))
    lines.extend((label, "", value) for value, label in _options("grade", dataset))
    lines.append(())
    lines.append(("Thôn, tổ dân phố trong dữ liệu",))
    lines.extend((uid, "", _village_label(dataset, uid)) for uid in _villages(dataset))

    for r, values in enumerate(lines, 1):
        for c, value in enumerate(values, 1):
            cell = set_cell(ws, r, c, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if len(values) == 1 or values[:2] == ("Cột", "Bắt buộc"):
                cell.font = bold
    ws["A1"].font = Font(bold=True, size=14)


# ---------------------------------------------------------------------------------------
# Reading workbooks


@dataclass
class ImportResult:
    findings: list[Finding] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)  # files created or replaced
    unchanged: list[Path] = field(default_factory=list)  # files whose data the workbook did not change
    planned: list[Path] = field(default_factory=list)  # files to create or replace (also filled by a dry run)
    left_changed: list[Path] = field(default_factory=list)  # written, then not restored when a later write failed
    teams: list[str] = field(default_factory=list)  # team ids read from the workbook

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class _Cell:
    sheet: str
    row: int
    column: int | None
    header: str = ""

    @property
    def ref(self) -> str:
        from openpyxl.utils import get_column_letter

        return f"{self.sheet}!{get_column_letter(self.column)}{self.row}" if self.column else f"{self.sheet}!{self.row}:{self.row}"


@dataclass
class _Row:
    sheet: str
    row: int
    values: dict[str, Any] = field(default_factory=dict)  # field -> parsed value (absent: empty or bad)
    cells: dict[str, _Cell] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)


def _is_data_sheet(title: str) -> bool:
    return _sheet_key(title) in {_sheet_key(s) for s in DATA_SHEETS}


MAX_COLUMNS = 200  # header cells read; the template has at most 12 columns, more are ignored


class _Importer:
    def __init__(self, xlsx_path: Path, data_dir: Path, dataset, inspection: Inspection | None = None):
        self.inspection = inspection
        self.path = Path(xlsx_path)
        self.name = self.path.name
        self.data_dir = Path(data_dir)
        self.dataset = dataset
        self.findings: list[Finding] = []
        self.bad: set[tuple[str, int, int | None]] = set()  # cells already reported
        self.present: dict[str, set[str]] = {}  # sheet -> fields whose column is in the workbook
        self.option_lists: dict[str, list[tuple[str, str]]] = {}

    # -- findings --------------------------------------------------------------------

    def add(self, code: str, cell: _Cell | None, message: str, hint: str | None = None,
            severity: Severity = Severity.ERROR, sheet: str | None = None) -> None:
        if cell is not None:
            self.bad.add((cell.sheet, cell.row, cell.column))
            self.findings.append(Finding(code, severity, message, file=self.name, line=cell.row,
                                         column=cell.column, path=cell.ref, hint=hint))
        else:
            self.findings.append(Finding(code, severity, message, file=self.name, path=sheet, hint=hint))

    # -- reading ---------------------------------------------------------------------

    def read(self) -> dict[str, list[_Row]] | None:
        inspection = self.inspection or inspect_workbook(self.path, wanted=_is_data_sheet)
        if not inspection.ok or inspection.data is None:
            self.findings.extend(inspection.findings)  # refused before parsing: too large, a bomb, not a workbook
            return None
        from openpyxl import load_workbook

        try:
            # Read-only: rows are streamed, so reading stops at the row limit whatever the file
            # declares. data_only=False: a formula shows as itself, not as its cached result.
            wb = load_workbook(io.BytesIO(inspection.data), read_only=True, data_only=False)
        except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
            self.add("IMPORT-UNREADABLE", None,
                     f"Không đọc được tệp “{self.name}” như một bảng tính Excel (.xlsx) ({type(exc).__name__}).",
                     "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng “Excel Workbook (.xlsx)”.")
            return None
        try:
            by_name = {_sheet_key(ws.title): ws for ws in wb.worksheets}
            sheets: dict[str, list[_Row]] = {}
            for sheet in DATA_SHEETS:
                ws = by_name.get(_sheet_key(sheet))
                if ws is None:
                    if sheet in REQUIRED_SHEETS:
                        self.add("IMPORT-MISSING-SHEET", None, f"Bảng tính thiếu trang “{sheet}” ({SHEET_TITLE[sheet]}).",
                                 "Dùng tệp mẫu tạo bằng lệnh handbook template và giữ nguyên tên các trang.", sheet=sheet)
                    continue
                part = inspection.sheets.get(ws.title)
                try:
                    rows = self._read_sheet(sheet, ws, part.merged if part else [])
                except (ElementTree.ParseError, ValueError, KeyError, EOFError, OSError, zipfile.BadZipFile) as exc:
                    self.add("IMPORT-UNREADABLE", None,
                             f"Trang {sheet} của tệp “{self.name}” bị hỏng, không đọc được ({type(exc).__name__}).",
                             "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng “Excel Workbook (.xlsx)”.", sheet=sheet)
                    rows = None
                if rows is not None:
                    sheets[sheet] = rows
        finally:
            wb.close()
        return sheets

    def _read_sheet(self, sheet: str, ws, merged: list[str]) -> list[_Row] | None:
        cols = columns_of(sheet)
        wanted = {}
        for col in cols:
            wanted[_header_key(col.header)] = col
            wanted.setdefault(_header_key(col.field), col)
        found: dict[int, Column] = {}
        seen: dict[str, int] = {}
        ws.reset_dimensions()  # what the sheet declares is not trusted: rows are counted as they come
        with closing(ws.iter_rows(min_row=1, max_row=1, max_col=MAX_COLUMNS)) as first:
            header_cells = next(first, ())
        for c, header_cell in enumerate(header_cells, 1):
            text = header_cell.value
            if text is None or str(text).strip() == "":
                continue
            cell = _Cell(sheet, 1, c, str(text))
            formula = formula_of(header_cell)
            if formula is not None:
                self.add("IMPORT-FORMULA", cell, formula_message(str(text), formula, in_header=True), FORMULA_HINT)
                continue
            col = wanted.get(_header_key(str(text)))
            if col is None:
                self.add("IMPORT-UNKNOWN-COLUMN", cell,
                         f"Cột “{text}” không thuộc mẫu của trang {sheet}; dữ liệu trong cột này bị bỏ qua.",
                         "Các cột của trang này: " + ", ".join(c.header for c in cols) + ".", Severity.WARNING)
                continue
            if col.field in seen:
                self.add("IMPORT-DUPLICATE-COLUMN", cell,
                         f"Cột “{col.header}” xuất hiện hai lần (lần đầu ở cột {seen[col.field]}); chỉ cột đầu được đọc.",
                         "Xóa hoặc đổi tên một trong hai cột.", Severity.WARNING)
                continue
            seen[col.field] = c
            found[c] = col
        self.present[sheet] = {col.field for col in found.values()}
        missing = [col for col in cols if col.required and col.field not in self.present[sheet]]
        for col in missing:
            self.add("IMPORT-MISSING-COLUMN", _Cell(sheet, 1, None),
                     f"Trang {sheet} thiếu cột bắt buộc “{col.header}”.",
                     "Thêm lại cột này ở dòng tiêu đề (dòng 1), đúng tên như trong tệp mẫu.")
        if missing:
            return None
        last_col = max(found)
        limit = xlsx_guard.MAX_DATA_ROWS + 1  # the last row a sheet may use (row 1 is the header)
        merges = data_merges(merged, set(found), limit)
        for merge in merges:
            headers = [found[c].header for c in sorted(found) if merge.min_col <= c <= merge.max_col]
            anchor = _Cell(sheet, merge.min_row, merge.min_col, found[merge.min_col].header if merge.min_col in found else "")
            self.add("IMPORT-MERGED-CELLS", anchor, merge.message(sheet, headers), MERGED_HINT)
        sweep = MergeSweep(merges, last_col)
        rows: list[_Row] = []
        with closing(ws.iter_rows(min_row=2, max_col=last_col)) as stream:
            for r, cells in enumerate(stream, 2):  # gaps come as empty rows, so r is the row number
                if r > limit:
                    if any(cell.value is not None for cell in cells):
                        self.findings.append(too_many_rows(self.name, sheet, r))
                        return None  # reading stops here, whatever the sheet declared
                    continue
                raw = {col.field: cells[c - 1].value for c, col in found.items()}
                if all(_empty(v) for v in raw.values()):
                    continue
                covered = sweep.covered(r) if merges else ()
                row = _Row(sheet, r, raw=raw)
                for c, col in found.items():
                    cell = _Cell(sheet, r, c, col.header)
                    row.cells[col.field] = cell
                    if c in covered:
                        self.bad.add((sheet, r, c))  # the merge has its finding; the empty value is its effect
                        continue
                    if not self._screen(col, cells[c - 1], cell):
                        continue
                    value = self._parse(col, raw[col.field], cell)
                    if value is not _ABSENT:
                        row.values[col.field] = value
                rows.append(row)
        return rows

    def _options(self, name: str) -> list[tuple[str, str]]:
        if name not in self.option_lists:  # made once per import, not once per cell
            self.option_lists[name] = _options(name, self.dataset)
        return self.option_lists[name]

    def _screen(self, col: Column, source, cell: _Cell) -> bool:
        """False (with a finding) for a formula or an error value: neither is data."""
        formula = formula_of(source)
        if formula is not None:
            self.add("IMPORT-FORMULA", cell, formula_message(col.header, formula), FORMULA_HINT)
            return False
        error = error_of(source)
        if error is not None:
            self.add("IMPORT-ERROR-VALUE", cell, error_message(col.header, error), ERROR_HINT)
            return False
        return True

    # -- cells -----------------------------------------------------------------------

    def _parse(self, col: Column, value: Any, cell: _Cell) -> Any:
        if isinstance(value, str):
            value = nfc(value).strip()
        if _empty(value):
            if col.required:
                self.add("IMPORT-MISSING-VALUE", cell, f"Ô “{col.header}” (bắt buộc) đang để trống.",
                         f"Điền {col.header.lower()}. {describe(col)}".strip())
            return _ABSENT
        if isinstance(value, str):
            encoding = legacy_encoding(value)
            if encoding:
                self.add("IMPORT-BAD-CELL", cell,
                         f"Chữ “{_short(value)}” ở cột “{col.header}” có vẻ được gõ bằng bảng mã cũ, sẽ hiển thị thành chữ lỗi.",
                         LEGACY_FIX_VI)
                return _ABSENT
        parser = getattr(self, "_parse_" + col.type)
        return parser(col, value, cell)

    def _bad(self, cell: _Cell, col: Column, value: Any, what: str, hint: str | None = None) -> Any:
        self.add("IMPORT-BAD-CELL", cell, f"Ô “{col.header}” cần {what}, nhưng đang ghi {_show(value)}.", hint)
        return _ABSENT

    def _parse_text(self, col: Column, value: Any, cell: _Cell) -> Any:
        if isinstance(value, bool):
            return self._bad(cell, col, value, "một dòng chữ")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, (dt.date, dt.datetime)):
            return self._bad(cell, col, value, "một dòng chữ",
                             "Excel đã đổi nội dung ô thành ngày tháng; định dạng ô là Văn bản (Text) rồi gõ lại.")
        return str(value).strip()

    _parse_groups = _parse_text

    def _parse_phone(self, col: Column, value: Any, cell: _Cell) -> Any:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool):
            text = str(value)
            if len(text) == 9:
                self.add("IMPORT-PHONE-ZERO", cell,
                         f"Số điện thoại “{text}” được Excel lưu như một con số nên mất số 0 ở đầu; đã đọc thành “0{text}”.",
                         "Định dạng cột điện thoại là Văn bản (Text) để Excel giữ số 0 ở đầu.", Severity.WARNING)
                text = "0" + text
            return text
        return self._parse_text(col, value, cell)

    def _parse_slug(self, col: Column, value: Any, cell: _Cell) -> Any:
        text = self._parse_text(col, value, cell)
        if text is _ABSENT:
            return _ABSENT
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text) or len(text) > 120:
            example = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "ma-moi"
            self.add("IMPORT-BAD-CELL", cell,
                     f"Mã {_show(text)} ở cột “{col.header}” không đúng dạng: mã chỉ gồm chữ thường không dấu, "
                     f"chữ số và dấu gạch ngang. Có phải ý bạn là “{example}”?",
                     f"Sửa thành “{example}”.")
            return _ABSENT
        return text

    _parse_team = _parse_slug

    def _parse_village(self, col: Column, value: Any, cell: _Cell) -> Any:
        text = self._parse_text(col, value, cell)
        if text is _ABSENT:
            return _ABSENT
        villages = _villages(self.dataset)
        if text in villages:
            return text
        options = [(v, _village_label(self.dataset, v)) for v in villages]
        named = _lookup(text, options)
        if named is not None:
            return named  # written by its name ("thôn Đông, xã Phúc Sơn"): the one village it names
        if text in getattr(self.dataset, "units", {}):
            message = f"“{text}” là một đơn vị hành chính nhưng không phải thôn hay tổ dân phố; Tổ lập ở thôn, tổ dân phố."
        else:
            message = f"Không có thôn, tổ dân phố nào mang mã “{text}” trong dữ liệu (data/units/)."
        close = difflib.get_close_matches(text, villages, n=1, cutoff=0.6)
        if close:
            message += f" Có phải ý bạn là “{close[0]}” ({_village_label(self.dataset, close[0])})?"
        self.add("IMPORT-UNKNOWN-VILLAGE", cell, message,
                 "Chọn mã thôn trong danh sách thả xuống; nếu là thôn mới, thêm thôn vào data/units/ trước rồi nhập lại.")
        return _ABSENT

    def _parse_date(self, col: Column, value: Any, cell: _Cell) -> Any:
        if isinstance(value, (dt.date, dt.datetime)) or isinstance(value, str):
            try:
                return parse_vn_date(value)
            except DateError as exc:
                self.add("IMPORT-BAD-CELL", cell, f"Ô “{col.header}”: {exc}",
                         "Sửa lại ngày cho đúng lịch, theo dạng ngày/tháng/năm, ví dụ 03/6/2013.")
                return _ABSENT
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
            from openpyxl.utils.datetime import from_excel

            return from_excel(value).date()  # an Excel date number in a cell formatted as a number
        return self._bad(cell, col, value, "một ngày (ngày/tháng/năm, ví dụ 03/6/2013)")

    def _parse_int(self, col: Column, value: Any, cell: _Cell) -> Any:
        number: int | None = None
        if isinstance(value, bool):
            number = None
        elif isinstance(value, int):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value.replace(" ", "")):
            number = int(value.replace(" ", ""))
        if number is None:
            return self._bad(cell, col, value, "một số nguyên", "Chỉ ghi con số, không kèm chữ hay dấu chấm, dấu phẩy.")
        if (col.minimum is not None and number < col.minimum) or (col.maximum is not None and number > col.maximum):
            self.add("IMPORT-BAD-CELL", cell,
                     f"Ô “{col.header}” phải từ {col.minimum} đến {col.maximum}, nhưng đang là {number}.",
                     "Kiểm tra lại con số.")
            return _ABSENT
        return number

    def _parse_bool(self, col: Column, value: Any, cell: _Cell) -> Any:
        if isinstance(value, bool):
            return value
        if isinstance(value, (int, float)) and value in (0, 1):
            return bool(value)
        key = _norm(str(value))
        if key in _YES_WORDS:
            return True
        if key in _NO_WORDS:
            return False
        return self._bad(cell, col, value, "“có” hoặc “không”", "Chọn “có” hoặc “không” trong danh sách thả xuống.")

    def _parse_choice(self, col: Column, value: Any, cell: _Cell) -> Any:
        options = self._options(col.choices or "")
        text = str(value).strip()
        hit = _lookup(text, options)
        if hit is not None:
            return hit
        self._unknown_choice(col, text, options, cell)
        return _ABSENT

    _parse_grade = _parse_choice

    def _unknown_choice(self, col: Column, text: str, options: list[tuple[str, str]], cell: _Cell) -> None:
        message = f"“{text}” không phải là giá trị hợp lệ cho cột “{col.header}”."
        guess = _suggest(text, options)
        if guess:
            message += f" Có phải ý bạn là “{guess[1]}” ({guess[0]})?"
        listing = ", ".join(f"{label} ({value})" for value, label in options)
        hint = ("Ghi mã, nhiều mã ngăn cách bằng dấu phẩy. Các mã: " if col.type == "choices" else "Chọn một trong: ") + listing + "."
        self.add("IMPORT-BAD-CELL", cell, message, hint)

    def _parse_choices(self, col: Column, value: Any, cell: _Cell) -> Any:
        options = self._options(col.choices or "")
        tokens = [t.strip() for t in re.split(r"[,;\n]", str(value))]
        tokens = [t for t in tokens if t]
        out: list[str] = []
        i = 0
        ok = True
        while i < len(tokens):
            hit = _lookup(tokens[i], options)
            if hit is None and i + 1 < len(tokens):  # a label with a comma inside ("Trưởng thôn, tổ trưởng …")
                pair = _lookup(tokens[i] + ", " + tokens[i + 1], options)
                if pair is not None:
                    hit = pair
                    i += 1
            if hit is None:
                self._unknown_choice(col, tokens[i], options, cell)
                ok = False
            elif hit not in out:
                out.append(hit)
            i += 1
        return out if ok else _ABSENT


_ABSENT = object()


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value: Any) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"ngày {format_vn_date(value)}"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return f"“{_short(str(value))}”"


def _header_key(text: str) -> str:
    text = text.replace("*", "")
    return _norm(text)


def _sheet_key(text: str) -> str:
    return _norm(text).replace(" ", "")


# ---------------------------------------------------------------------------------------
# Assembling teams


@dataclass
class _Plan:
    team_id: str
    target: Path
    display: str  # path shown in messages, relative to the project
    data: dict  # merged data to write
    existing_text: str | None
    existing_bytes: bytes | None
    existing_data: dict | None
    header: list[str]
    row: _Row  # the team's row on sheet To
    prov: dict[tuple, _Cell] = field(default_factory=dict)  # key path of the data -> the cell it came from


def inspect_import(xlsx_path) -> Inspection:
    """The checks made before a workbook is parsed (size, zip bomb, rows declared, merged
    ranges); cheap, so the command runs them before it loads the project."""
    return inspect_workbook(Path(xlsx_path), wanted=_is_data_sheet)


def import_teams(xlsx_path, data_dir, dataset, *, dry_run: bool = False, inspection: Inspection | None = None) -> ImportResult:
    """Read a filled workbook, check every cell and every team, and (only when nothing is
    wrong, and `handbook check` would accept every file) write one YAML file per team under
    `data_dir`/teams/. Never raises for a bad workbook: everything wrong is a finding.
    `inspection`: what `inspect_import` gave for this file, when the caller ran it already."""
    importer = _Importer(Path(xlsx_path), Path(data_dir), dataset, inspection)
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


def _run(imp: _Importer, result: ImportResult, dry_run: bool) -> None:
    sheets = imp.read()
    if sheets is None or SHEET_TEAMS not in sheets or SHEET_MEMBERS not in sheets:
        return  # the findings say which sheet or column is missing
    ds = imp.dataset

    # Teams, one row each
    team_rows: dict[str, _Row] = {}
    village_of: dict[str, tuple[str, _Row]] = {}
    for row in sheets[SHEET_TEAMS]:
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
    for at in ds.teams.values():
        village = at.obj.village
        if village in village_of and village_of[village][0] != at.obj.id and at.obj.id not in team_rows:
            tid, row = village_of[village]
            imp.add("IMPORT-DUPLICATE-VILLAGE", row.cells["village"],
                    f"Thôn “{village}” đã có Tổ “{at.obj.id}” trong dữ liệu ({at.file.path}); mỗi thôn, tổ dân phố chỉ lập một Tổ.",
                    f"Nếu “{tid}” thay cho Tổ cũ, hãy dùng mã tổ “{at.obj.id}”; nếu không, sửa mã thôn.")
    result.teams = list(team_rows)

    # Where each team will live, and the existing file it replaces
    targets: dict[str, tuple[Path, str]] = {}
    for tid, row in team_rows.items():
        targets[tid] = _target(imp, tid, row)
    target_files = {display for _, display in targets.values()}

    reported = {str(r.raw.get("id")).strip() for r in sheets[SHEET_TEAMS] if "id" not in r.values}

    def child_rows(sheet: str) -> dict[str, list[_Row]]:
        out: dict[str, list[_Row]] = {tid: [] for tid in team_rows}
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

    members_of = child_rows(SHEET_MEMBERS)
    groups_of = child_rows(SHEET_GROUPS) if SHEET_GROUPS in sheets else None
    ratings_of = child_rows(SHEET_RATINGS) if SHEET_RATINGS in sheets else None

    # Person ids: unique in the workbook and not used by a record the import does not replace
    first_person: dict[str, _Row] = {}
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
            located = getattr(ds, "people", {}).get(pid)
            if located is not None and located.file.path not in target_files:
                imp.add("IMPORT-DUPLICATE-ID", row.cells["id"],
                        f"Mã người “{pid}” đã dùng cho một người khác trong dữ liệu ({located.file.path}).",
                        "Đặt mã khác cho người này, ví dụ thêm tên thôn hoặc số thứ tự vào cuối mã.")

    plans: list[_Plan] = []
    for tid, row in team_rows.items():
        plan = _assemble(imp, tid, row, members_of[tid],
                         groups_of[tid] if groups_of is not None else None,
                         ratings_of[tid] if ratings_of is not None else None,
                         targets[tid])
        if plan is not None:
            plans.append(plan)

    if imp.findings and any(f.severity is Severity.ERROR for f in imp.findings):
        return
    to_write: list[_Plan] = []
    for plan in plans:
        if plan.existing_data is not None and plan.data == plan.existing_data:
            result.unchanged.append(plan.target)
            continue
        comments = _body_comments(plan.existing_text) if plan.existing_text is not None else []
        if comments:
            line, text = comments[0]
            imp.add("IMPORT-WOULD-OVERWRITE", plan.row.cells.get("id"),
                    f"Tệp {plan.display} có ghi chú viết tay ở dòng {line} (“{_short(text, 60)}”)"
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
    result.written, result.left_changed = _write_all(imp, rendered)


def _would_fail_check(imp: _Importer, rendered: list[tuple[_Plan, bytes]]) -> bool:
    """Run the files about to be written through `handbook check`'s own stages; each error
    it would report becomes a finding at the workbook cell it comes from."""
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


def _cell_for(plan: _Plan, path: tuple) -> _Cell:
    """The workbook cell a key path of a team's data came from (or of its nearest ancestor)."""
    probe = path
    while probe and probe not in plan.prov:
        probe = probe[:-1]
    return plan.prov.get(probe) or plan.row.cells["id"]


def _target(imp: _Importer, tid: str, row: _Row) -> tuple[Path, str]:
    ds = imp.dataset
    root = Path(getattr(ds, "root", imp.data_dir.parent))
    located = ds.teams.get(tid)
    if located is not None:
        return root / located.file.path, located.file.path
    folder = None
    village = row.values.get("village")
    commune = commune_of(ds, village) if village else None
    if commune:
        for at in ds.teams.values():  # a team of the same commune shows the folder in use
            if commune_of(ds, at.obj.village) == commune:
                parts = Path(at.file.path).parts
                if len(parts) >= 4 and parts[0] == "data" and parts[1] == "teams":
                    folder = parts[2]
                    break
        if folder is None:
            folder = commune[3:] if commune.startswith("bg-") else commune
    target = imp.data_dir / "teams" / folder / f"{tid}.yml" if folder else imp.data_dir / "teams" / f"{tid}.yml"
    try:
        display = target.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        display = str(target)
    return target, display


def _read_existing(imp: _Importer, tid: str, target: Path, display: str, row: _Row):
    """(bytes, text, data, header) of the file a team will replace, or None when there is none;
    False when it exists but cannot be safely replaced (a finding says why)."""
    if not target.exists():
        return None
    try:
        raw = target.read_bytes()
        text = raw.decode("utf-8").lstrip("\ufeff")
    except (OSError, UnicodeDecodeError):
        imp.add("IMPORT-WOULD-OVERWRITE", row.cells.get("id"),
                f"Tệp {display} đã có nhưng không đọc được, nên không thể ghi đè mà không làm mất dữ liệu.",
                "Sửa tệp đó cho đọc được (chạy handbook check) rồi nhập lại.")
        return False
    loaded = load_yaml_text(text, display)
    if not loaded.ok or not isinstance(loaded.data, dict) or any(f.severity is Severity.ERROR for f in loaded.findings):
        imp.add("IMPORT-WOULD-OVERWRITE", row.cells.get("id"),
                f"Tệp {display} đã có nhưng đang có lỗi YAML, nên không thể gộp dữ liệu mà không làm mất phần đang có.",
                "Chạy handbook check, sửa tệp đó rồi nhập lại.")
        return False
    if loaded.data.get("id") not in (None, tid):
        imp.add("IMPORT-WOULD-OVERWRITE", row.cells.get("id"),
                f"Tệp {display} đang chứa Tổ “{loaded.data.get('id')}”, không phải “{tid}”; tệp không bị ghi đè.",
                "Kiểm tra lại mã tổ, hoặc đổi tên tệp cho khớp với mã tổ bên trong.")
        return False
    header: list[str] = []
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            header.append(line)
        else:
            break
    while header and not header[-1].strip():
        header.pop()
    return raw, text, loaded.data, header


def _assemble(imp: _Importer, tid: str, team_row: _Row, member_rows: list[_Row], group_rows: list[_Row] | None,
              rating_rows: list[_Row] | None, target: tuple[Path, str]) -> _Plan | None:
    present = imp.present
    prov: dict[tuple, _Cell] = {(): team_row.cells["id"]}
    new: dict[str, Any] = {}
    carried: dict[str, Any] = {}  # key -> True, or the set of carried sub-keys

    # Team fields
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

    if not member_rows:
        imp.add("IMPORT-NO-MEMBERS", team_row.cells["id"],
                f"Tổ “{tid}” chưa có thành viên nào ở trang {SHEET_MEMBERS}.",
                f"Thêm các thành viên của Tổ vào trang {SHEET_MEMBERS}, cột “Mã tổ” ghi “{tid}”.")

    # Members
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

    # Groups (their members come from the "Nhóm" column of ThanhVien)
    if group_rows is not None:
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
            for record in groups:
                record["members"] = []
            for i, row in enumerate(member_rows):
                text = row.values.get(GROUP_KEY)
                pid = row.values.get("id")
                if not text or pid is None:
                    continue
                for name in [n.strip() for n in re.split(r"[;\n]", text) if n.strip()]:
                    g = index_of.get(name)
                    if g is None:
                        matches = [k for k in index_of if _norm(k) == _norm(name)]
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
        carried["groups"] = {c.field for c in group_fields} | ({"members"} if group_members_carried else set())
        new["groups"] = groups
    elif GROUP_KEY in present.get(SHEET_MEMBERS, set()) and any(r.values.get(GROUP_KEY) for r in member_rows):
        imp.add("IMPORT-NO-GROUP-SHEET", member_rows[0].cells.get(GROUP_KEY),
                f"Cột “Nhóm” có ghi tên nhóm nhưng bảng tính không có trang {SHEET_GROUPS}; các nhóm trong dữ liệu được giữ nguyên.",
                f"Thêm trang {SHEET_GROUPS} (xem tệp mẫu) nếu muốn cập nhật các nhóm.", Severity.WARNING)

    # Ratings
    if rating_rows is not None:
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

    # The existing file, merged
    path, display = target
    existing = _read_existing(imp, tid, path, display, team_row)
    if existing is False:
        return None
    if existing is None:
        merged = _fresh(new)
        header = [SCHEMA_LINE]
        raw = text = old = None
    else:
        raw, text, old, header = existing
        merged = _merge_team(old, new, carried)
        if not header or not header[0].startswith("# yaml-language-server:"):
            header = [SCHEMA_LINE] + header

    # Schema validation of what would be written, findings mapped back to the cells
    try:
        Team.model_validate(merged)
    except ValidationError as exc:
        _report_validation(imp, exc, merged, prov, team_row, display, existing is not None)
        return None
    return _Plan(tid, path, display, _ordered(merged, Team), text, raw, old, header, team_row, prov)


def _merged_away(imp: _Importer, row: _Row) -> bool:
    """The row's group cell lies under a merged range: that finding already explains why it
    reads as empty."""
    cell = row.cells.get(GROUP_KEY)
    return cell is not None and (cell.sheet, cell.row, cell.column) in imp.bad and row.values.get(GROUP_KEY) is None


def _yaml_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return format_vn_date(value)
    return value


def _fresh(new: dict) -> dict:
    """A team written for the first time: empty optional values left out."""
    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if v is not None and (v != [] or k == "members")}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    out = clean(new)
    out["members"] = [dict(m, consent_to_publish=m.get("consent_to_publish", False)) for m in out.get("members", [])]
    out.setdefault("zalo_group", False)
    return out


# -- merging --------------------------------------------------------------------------


def _same(old: Any, new: Any, key: str) -> bool:
    if old == new:
        return True
    if key == "date" or key.endswith("_date") or key.endswith("_on"):
        try:
            return parse_vn_date(old) == parse_vn_date(new)
        except (DateError, TypeError):
            return False
    if isinstance(old, str) and isinstance(new, str):
        return nfc(old).strip() == nfc(new).strip()
    if isinstance(old, (int, str)) and isinstance(new, (int, str)) and not isinstance(old, bool) and not isinstance(new, bool):
        return str(old).strip() == str(new).strip()
    return False


def _merge_record(old: dict | None, new: dict, carried: Iterable[str], model: type[BaseModel]) -> dict:
    """The existing record with the carried fields taken from the workbook; every other key
    of the existing record is kept. Values equal in meaning keep their existing spelling; a
    field the existing record leaves at its default stays unwritten."""
    out = dict(old or {})
    for key in carried:
        info = model.model_fields.get(key)
        default = info.default if info is not None and info.default is not PydanticUndefined else _ABSENT
        value = new.get(key, _ABSENT)
        empty = value is _ABSENT or value is None or (isinstance(value, list) and not value)
        if key in out:
            if empty:
                if out[key] not in (None, [], ""):
                    out.pop(key)  # cleared in the workbook
            elif not _same(out[key], value, key):
                out[key] = value
        elif not empty:
            if old is not None and default is not _ABSENT and type(value) is type(default) and value == default:
                continue  # still the default, as the existing file says by leaving it out
            out[key] = value
    return out


def _merge_list(old_items: Any, new_items: list[dict], key: str, carried: Iterable[str], model: type[BaseModel],
                special=None) -> list:
    olds: dict[Any, dict] = {}
    if isinstance(old_items, list):
        for item in old_items:
            if isinstance(item, dict) and key in item:
                olds.setdefault(_key_of(item[key]), item)
    out = []
    for item in new_items:
        previous = olds.get(_key_of(item.get(key)))
        merged = _merge_record(previous, item, carried, model)
        if special:
            special(previous, item, merged)
        out.append(merged)
    return out


def _key_of(value: Any) -> Any:
    if isinstance(value, str):
        text = nfc(value).strip()
        return int(text) if text.isdigit() else text
    return value


def _merge_team(old: dict, new: dict, carried: dict[str, Any]) -> dict:
    top = [k for k, v in carried.items() if v is True]
    out = _merge_record(old, new, top, Team)
    if "founding_decision" in carried:
        previous = old.get("founding_decision") if isinstance(old.get("founding_decision"), dict) else None
        out["founding_decision"] = _merge_record(previous, new.get("founding_decision", {}),
                                                 carried["founding_decision"], FoundingDecision)
    out["members"] = _merge_list(old.get("members"), new["members"], "id", carried["members"], TeamMember)
    if "groups" in carried:
        old_member_ids = {m.get("id") for m in old.get("members") or [] if isinstance(m, dict)}

        def keep_order(previous, item, merged):
            if previous is None or "members" not in item or not isinstance(previous.get("members"), list):
                return
            # People in a group who are not members of the Tổ cannot be written in the
            # workbook (membership is a column of ThanhVien), so they were never read: keep them.
            unread = [p for p in previous["members"] if p not in old_member_ids and p not in item["members"]]
            wanted = list(item["members"]) + unread
            if sorted(map(str, previous["members"])) == sorted(map(str, wanted)):
                merged["members"] = previous["members"]
            else:
                merged["members"] = wanted

        _set_list(out, "groups", _merge_list(old.get("groups"), new["groups"], "name", carried["groups"], Group, keep_order))
    if "ratings" in carried:
        _set_list(out, "ratings", _merge_list(old.get("ratings"), new["ratings"], "year", carried["ratings"], Rating))
    return out


def _set_list(out: dict, key: str, items: list) -> None:
    if items:
        out[key] = items
    elif out.get(key) not in (None, []):
        out.pop(key)  # every row of this kind was deleted in the workbook


# -- validation findings ----------------------------------------------------------------


def _report_validation(imp: _Importer, exc: ValidationError, data: dict, prov: dict[tuple, _Cell], team_row: _Row,
                       display: str, has_existing: bool) -> None:
    from generator.model.validation import _data_path

    seen: set[tuple] = set()
    for error in exc.errors(include_url=False):
        path, node, owner = _data_path(error["loc"], data, Team)
        exact = path in prov
        probe = path
        while probe and probe not in prov:
            probe = probe[:-1]
        cell = prov.get(probe, team_row.cells["id"])
        if (cell.sheet, cell.row, cell.column) in imp.bad:
            continue  # this cell has its own finding already
        if (cell.sheet, cell.row, cell.column, error["type"]) in seen:
            continue
        seen.add((cell.sheet, cell.row, cell.column, error["type"]))
        field_name = next((p for p in reversed(path) if isinstance(p, str)), "")
        etype = error["type"]
        ctx = error.get("ctx") or {}
        header = cell.header or field_name
        if not exact and has_existing and etype != "missing":
            imp.add("IMPORT-EXISTING-INVALID", cell,
                    f"Sau khi gộp với tệp {display}, dữ liệu ở “{_format_path(path)}” không hợp lệ: {error.get('msg')}.",
                    f"Chạy handbook check và sửa tệp {display} trước, rồi nhập lại.")
            continue
        if etype == "missing":
            imp.add("IMPORT-MISSING-VALUE", cell, f"Thiếu giá trị bắt buộc “{header}”.",
                    "Điền ô này. " + (owner.model_fields[field_name].description if owner and field_name in owner.model_fields else ""))
        elif etype == "string_pattern_mismatch":
            example = re.sub(r"[^a-z0-9]+", "-", fold(str(node))).strip("-") or "ma-moi"
            imp.add("IMPORT-BAD-CELL", cell,
                    f"Mã {_show(node)} ở cột “{header}” không đúng dạng: mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.",
                    f"Ví dụ: “{example}”.")
        elif etype in ("too_short", "string_too_short"):
            imp.add("IMPORT-MISSING-VALUE", cell, f"Ô “{header}” không được để trống.", "Điền ô này.")
        elif etype in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
            bound = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
            relation = {"greater_than_equal": "ít nhất", "greater_than": "lớn hơn", "less_than_equal": "nhiều nhất",
                        "less_than": "nhỏ hơn"}[etype]
            imp.add("IMPORT-BAD-CELL", cell, f"Ô “{header}” phải {relation} {bound}, nhưng đang là {_show(node)}.",
                    "Kiểm tra lại con số.")
        else:
            message = str(error.get("msg", "")).removeprefix("Value error, ")
            imp.add("IMPORT-BAD-CELL", cell, f"Giá trị {_show(node)} ở cột “{header}” không hợp lệ: {message}.",
                    describe_field(cell))


def describe_field(cell: _Cell) -> str | None:
    for col in COLUMNS:
        if col.sheet == cell.sheet and col.header == cell.header:
            return describe(col)
    return None


def _format_path(path: tuple) -> str:
    from generator.load.yamlload import format_path

    return format_path(path)


# ---------------------------------------------------------------------------------------
# YAML output, in the style of the existing data files


from generator.load.yamlwrite import EditorDumper as _Dumper, _represent_str
_Dumper.add_representer(dt.date, lambda d, v: _represent_str(d, format_vn_date(v)))


@functools.lru_cache(maxsize=256)  # asked once per key of every record: thousands of times for a large sheet
def _sub_model(model: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    from generator.model.validation import _field_model

    return _field_model(model, key)


def _ordered(value: Any, model: type[BaseModel] | None) -> Any:
    """Keys in schema order (unknown keys after, in their own order), recursively."""
    if isinstance(value, dict):
        known = list(model.model_fields) if model else []
        keys = [k for k in known if k in value] + [k for k in value if k not in known]
        return {k: _ordered(value[k], _sub_model(model, k)) for k in keys}
    if isinstance(value, list):
        return [_ordered(v, model) for v in value]
    return value


def render_team_yaml(data: dict, header: list[str] | None = None) -> str:
    """A team file as the data files are written: the schema comment (and any comments the
    file had above its data), then block-style YAML, keys in schema order."""
    body = yaml.dump(_ordered(data, Team), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=4096, indent=2)
    lines = list(header) if header else [SCHEMA_LINE]
    return unicodedata.normalize("NFC", "\n".join(lines) + "\n" + body)


def _body_comments(text: str) -> list[tuple[int, str]]:
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


def _write_all(imp: _Importer, rendered: list[tuple[_Plan, bytes]]) -> tuple[list[Path], list[Path]]:
    """Every file or none (atomic_write says how); gives the files written and the files left
    changed because putting them back failed too, each with a finding naming it and its backup."""
    from generator.core.atomic_write import Planned, write_all

    outcome = write_all([Planned(plan.target, data, plan.existing_bytes) for plan, data in rendered])
    plans = {plan.target: plan for plan, _ in rendered}
    for target in outcome.changed_meanwhile:
        plan = plans[target]
        imp.add("IMPORT-CHANGED-MEANWHILE", plan.row.cells.get("id"),
                f"Tệp {plan.display} vừa bị thay đổi trong lúc nhập; không tệp nào được ghi.", "Chạy lại lệnh nhập.")
    if outcome.error is not None:
        exc = outcome.error
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        if not outcome.left:
            imp.add("IMPORT-WRITE-FAILED", None, f"Không ghi được tệp dữ liệu ({reason}); không tệp nào bị thay đổi.",
                    "Kiểm tra quyền ghi và chỗ trống trên đĩa ở thư mục data/teams/ rồi chạy lại.")
        else:
            listing = "; ".join(
                f"{plans[target].display} (bản cũ giữ ở {(Path(plans[target].display).parent / backup.name).as_posix()})"
                if backup is not None else f"{plans[target].display} (tệp mới)" for target, backup in outcome.left.items())
            imp.add("IMPORT-ROLLBACK-FAILED", None,
                    f"Ghi tệp thất bại giữa chừng ({reason}) và không trả lại được {len(outcome.left)} tệp đã ghi: {listing}. "
                    "Các tệp này đang mang dữ liệu mới từ bảng tính; các tệp khác không đổi.",
                    "Khôi phục bằng tay: đổi tên bản cũ về đúng tên tệp (tệp mới thì xóa đi), hoặc dùng "
                    "git checkout -- <tên tệp>; sau đó chạy handbook check.")
    return outcome.written, list(outcome.left)


def import_report_text(result: ImportResult) -> str:
    """The findings and the files written, as lines for the terminal (Vietnamese)."""
    lines: list[str] = []
    for f in result.findings:
        where = f.file or ""
        if f.path:
            where += f" — {f.path}"
        lines.append(f"{where}: {f.severity.label_vi} [{f.code}] {f.message}")
        if f.hint:
            lines.append(f"  Cách sửa: {f.hint}")
    errors = len(result.errors)
    warnings = sum(1 for f in result.findings if f.severity is Severity.WARNING)
    if errors and result.left_changed:
        lines.append(f"Có {errors} lỗi, {warnings} cảnh báo: việc nhập không hoàn tất và {len(result.left_changed)} tệp "
                     "đã bị thay đổi mà chưa khôi phục được (xem lỗi IMPORT-ROLLBACK-FAILED ở trên):")
        lines.extend(f"  {path}" for path in result.left_changed)
    elif errors:
        lines.append(f"Có {errors} lỗi, {warnings} cảnh báo: chưa ghi tệp nào. Sửa bảng tính rồi nhập lại.")
    else:
        for path in result.written:
            lines.append(f"Đã ghi {path}")
        lines.append(f"Đã đọc {len(result.teams)} Tổ: ghi {len(result.written)} tệp, "
                     f"{len(result.unchanged)} tệp không đổi; {warnings} cảnh báo.")
    return "\n".join(lines) + "\n"
