"""The workbook's layout: takes nothing; gives its sheets and one `Column` per workbook
column — the schema field it fills, its Vietnamese header, its type, its limits — and the
explanation of each column shown in the drop-down prompts and on the help sheet.

This table is the only place that ties a workbook column to a schema field: the template
writes its headers, the import finds columns by them (or by the field's name), and a new
column is one more row here. It holds only layout (order, width, a header where the workbook
words it otherwise); the title, requiredness, bounds, type and drop-down list of a column come
from the model through `schema.introspect`, so a change to a field reaches the workbook with
no edit here.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from generator.schema.introspect import field_at
from generator.schema.team import Group, Rating, Team, TeamMember

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
    aliases: tuple[str, ...] = ()  # headers earlier templates wrote, still read by the import


SHEET_MODEL: dict[str, type[BaseModel]] = {
    SHEET_TEAMS: Team, SHEET_MEMBERS: TeamMember, SHEET_GROUPS: Group, SHEET_RATINGS: Rating,
}

# How the workbook checks a cell, where the field's Python type does not say it: an id the
# import checks as a slug (it becomes a file name), a unit reference that must be a village
# (its drop-down lists villages), a phone kept as text so its leading 0 survives, a grade on
# the province's own scale (from config.yml), and the keys that tie the sheets together.
_CELL_KINDS = {"id": "slug", "village": "village", "phone": "phone", "grade": "grade", "leader": "slug"}


def _column(sheet: str, field: str, width: int, header: str | None = None, maximum: int | None = None,
            aliases: tuple[str, ...] = ()) -> Column:
    """A workbook column: layout (sheet, order, width, and a header where the workbook words
    it differently from the field's title) from here; title, requiredness, bounds, type and
    drop-down list from the model, through `schema.introspect`."""
    if field in (TEAM_KEY, GROUP_KEY):  # workbook keys, not schema fields
        kind = "team" if field == TEAM_KEY else "groups"
        return Column(sheet, field, header or "", kind, field == TEAM_KEY, width=width)
    spec = field_at(SHEET_MODEL[sheet], field)
    if spec is None:
        raise LookupError(f"the workbook column {sheet}:{field} names no field of {SHEET_MODEL[sheet].__name__}")
    kind = _CELL_KINDS.get(field.rsplit(".", 1)[-1])
    if kind is None:
        kind = ("date" if spec.date else ("choices" if spec.many else "choice") if spec.choices
                else {"bool": "bool", "int": "int"}.get(spec.scalar or "", "text"))
    choices = "yes_no" if kind == "bool" else field if kind in ("choice", "choices", "grade") else None
    return Column(sheet, field, header or spec.title, kind, spec.required, choices,
                  spec.bounds.get("ge"), maximum if maximum is not None else spec.bounds.get("le"), width, aliases)


# The workbook, column by column: what is here is layout. A header is given only where the
# workbook says it otherwise than the field's title: "Mã …" where the cell takes a code, "(có/
# không)" where it takes yes or no, and the fuller words a column needs without its form.
COLUMNS: tuple[Column, ...] = (
    # To: one row per team (schema Team, FoundingDecision)
    _column(SHEET_TEAMS, "id", 32),
    _column(SHEET_TEAMS, "village", 38, header="Thôn, tổ dân phố", aliases=("Mã thôn, tổ dân phố",)),
    _column(SHEET_TEAMS, "founding_decision.number", 16),
    _column(SHEET_TEAMS, "founding_decision.date", 16),
    _column(SHEET_TEAMS, "founding_decision.issuer", 28),
    _column(SHEET_TEAMS, "exceptions", 26),
    _column(SHEET_TEAMS, "exception_note", 40, header="Giải thích trường hợp đặc biệt"),
    _column(SHEET_TEAMS, "zalo_group", 14, header="Nhóm Zalo (có/không)"),
    # ThanhVien: one row per member (schema TeamMember)
    _column(SHEET_MEMBERS, TEAM_KEY, 32, header="Mã tổ"),
    _column(SHEET_MEMBERS, "id", 32),
    _column(SHEET_MEMBERS, "family_name", 12),
    _column(SHEET_MEMBERS, "middle_name", 14),
    _column(SHEET_MEMBERS, "given_name", 12),
    _column(SHEET_MEMBERS, "gender", 10),
    _column(SHEET_MEMBERS, "birth_year", 10),
    _column(SHEET_MEMBERS, "team_role", 16, header="Vai trò trong tổ"),
    _column(SHEET_MEMBERS, "positions", 34),
    _column(SHEET_MEMBERS, "phone", 14),
    _column(SHEET_MEMBERS, "consent_to_publish", 16, header="Đồng ý công khai (có/không)"),
    _column(SHEET_MEMBERS, GROUP_KEY, 28, header="Nhóm"),
    # Nhom: one row per group (schema Group; its members come from the "Nhóm" column above)
    _column(SHEET_GROUPS, TEAM_KEY, 32, header="Mã tổ"),
    _column(SHEET_GROUPS, "name", 28),
    _column(SHEET_GROUPS, "leader", 32, header="Nhóm trưởng (mã người)"),
    # an upper bound the model does not set: a typing slip (a household count of 400000) is caught in the cell
    _column(SHEET_GROUPS, "households", 10, header="Số hộ", maximum=100000),
    _column(SHEET_GROUPS, "area", 40),
    # XepLoai: one row per team and year (schema Rating)
    _column(SHEET_RATINGS, TEAM_KEY, 32, header="Mã tổ"),
    _column(SHEET_RATINGS, "year", 10),
    _column(SHEET_RATINGS, "grade", 32),
)

SHEET_TITLE = {
    SHEET_TEAMS: "danh sách Tổ (mỗi Tổ một dòng)",
    SHEET_MEMBERS: "thành viên (mỗi người một dòng)",
    SHEET_GROUPS: "các nhóm theo địa bàn dân cư (mỗi nhóm một dòng)",
    SHEET_RATINGS: "kết quả xếp loại (mỗi Tổ, mỗi năm một dòng)",
}


def columns_of(sheet: str) -> list[Column]:
    return [c for c in COLUMNS if c.sheet == sheet]


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
    spec = field_at(SHEET_MODEL[col.sheet], col.field)
    text = spec.description if spec else ""
    if col.type in ("village", "choice", "grade", "bool", "choices"):
        text += " Chọn trong danh sách thả xuống."
    return text


# Where the schema's description speaks YAML, the workbook says it the spreadsheet way.
_EXCEL_NOTES = {
    (SHEET_TEAMS, "village"): "Thôn, tổ dân phố nơi lập Tổ: chọn trong danh sách thả xuống (tên thôn kèm tên xã). "
                              "Gõ tay cũng được: tên thôn (có dấu hoặc không dấu) hoặc mã thôn.",
    (SHEET_TEAMS, "exceptions"): "Để trống nếu không có. Chọn “Thôn chưa có chi bộ” hoặc “Một người kiêm nhiều chức danh”, "
                                 "hoặc cả hai, trong danh sách thả xuống; khi đó tổ trưởng có thể là chi ủy viên hoặc "
                                 "trưởng thôn.",
    (SHEET_MEMBERS, "gender"): "Nam hoặc Nữ. Chọn trong danh sách thả xuống.",
    (SHEET_MEMBERS, "team_role"): "Tổ trưởng, Tổ phó hoặc Thành viên. Chọn trong danh sách thả xuống.",
    (SHEET_MEMBERS, "positions"): "Chức danh người này đang giữ ở thôn: chọn trong danh sách thả xuống. Nếu giữ nhiều "
                                  "chức danh, gõ các chức danh ngăn cách bằng dấu chấm phẩy, ví dụ: Bí thư chi bộ; "
                                  "Người có uy tín. Bảng chức danh ở cuối trang Hướng dẫn.",
    (SHEET_MEMBERS, "phone"): "Số điện thoại cá nhân (không bao giờ công khai); giữ số 0 ở đầu.",
    (SHEET_GROUPS, "leader"): "Mã người làm nhóm trưởng; người này phải có trong trang ThanhVien và thuộc nhóm này.",
    (SHEET_RATINGS, "grade"): "Mức xếp loại theo thang của tỉnh. Chọn trong danh sách thả xuống.",
}


def describe_header(sheet: str, header: str) -> str | None:
    """The explanation of the column of `sheet` headed `header` (None: not a template column)."""
    for col in COLUMNS:
        if col.sheet == sheet and (col.header == header or header in col.aliases):
            return describe(col)
    return None
