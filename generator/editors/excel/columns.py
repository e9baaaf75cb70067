"""The workbook's layout: takes nothing; gives its sheets and one `Column` per workbook
column — the schema field it fills, its Vietnamese header, its type, its limits — and the
explanation of each column shown in the drop-down prompts and on the help sheet.

This table is the only place that ties a workbook column to a schema field: the template
writes its headers, the import finds columns by them (or by the field's name), and a new
column is one more row here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generator.schema.team import FoundingDecision, Group, Rating, Team, TeamMember

SHEET_HELP = "Hướng dẫn"
SHEET_TEAMS = "To"
SHEET_MEMBERS = "ThanhVien"
SHEET_GROUPS = "Nhom"
SHEET_RATINGS = "XepLoai"
SHEET_LISTS = "DanhSach"
DATA_SHEETS = (SHEET_TEAMS, SHEET_MEMBERS, SHEET_GROUPS, SHEET_RATINGS)
REQUIRED_SHEETS = (SHEET_TEAMS, SHEET_MEMBERS)  # Nhom and XepLoai may be left out: their data is then kept

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
    """The schema field a column fills (its description becomes the column's help)."""
    model: Any = SHEET_MODEL[col.sheet]
    parts = col.field.split(".")
    for part in parts[:-1]:
        model = {"founding_decision": FoundingDecision}[part]
    return model.model_fields.get(parts[-1])


def describe(col: Column) -> str:
    """What to write in a column, in Vietnamese: its drop-down prompt and its line on the help
    sheet; taken from the schema's description unless the workbook needs other words."""
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


def describe_header(sheet: str, header: str) -> str | None:
    """The explanation of the column of `sheet` headed `header` (None: not a template column)."""
    for col in COLUMNS:
        if col.sheet == sheet and col.header == header:
            return describe(col)
    return None
