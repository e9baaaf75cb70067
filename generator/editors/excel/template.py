"""Writing workbooks: takes a dataset (and, for an export, the teams to put in); gives the
bytes of an XLSX workbook — a help sheet, one sheet per kind of row (`columns`) with bold
Vietnamese headers, frozen and filtered, text, number and date formats, drop-down lists
and prompts on every column, and a hidden sheet holding the option lists.

An export is the template with the teams' rows filled in, written so that importing it
again gives back the same data. Cells from data go through `core.cells.set_cell`, so a
value that looks like a formula stays text.
"""

from __future__ import annotations

import io
from typing import Any, Iterable

from generator.core.cells import set_cell
from generator.editors.excel.columns import (
    DATA_SHEETS, GROUP_KEY, SHEET_GROUPS, SHEET_HELP, SHEET_LISTS, SHEET_MEMBERS, SHEET_RATINGS, SHEET_TEAMS,
    SHEET_TITLE, TEAM_KEY, Column, columns_of, describe,
)
from generator.editors.excel.options import NO, YES, options, village_options
from generator.schema.team import Team

TEMPLATE_ROWS = 1000  # rows of each data sheet that carry the formats and validations

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


def _cell_value(col: Column, value: Any, dataset, village_labels: dict[str, str]) -> Any:
    if value is None:
        return None
    if col.type == "bool":
        return YES if value else NO
    if col.type == "choice" or col.type == "grade":
        raw = getattr(value, "value", value)
        for option, label in options(col.choices or "", dataset):
            if option == raw:
                return label
        return raw
    if col.type == "choices":  # labels, as the drop-down shows them; "; " since a label may hold a comma
        labels = dict(options(col.choices or "", dataset))
        items = [labels.get(getattr(v, "value", v), getattr(v, "value", v)) for v in value]
        return "; ".join(items) if items else None
    if col.type == "village":  # by name, as the drop-down shows it
        return village_labels.get(value, value)
    if col.type == "date":
        return value
    return value


def _rows_for(team: Team, dataset, village_labels: dict[str, str]) -> dict[str, list[list[Any]]]:
    def row(sheet: str, record: Any, extra: dict[str, Any]) -> list[Any]:
        out = []
        for col in columns_of(sheet):
            if col.field in extra:
                out.append(extra[col.field])
                continue
            value = record
            for part in col.field.split("."):
                value = getattr(value, part)
            out.append(_cell_value(col, value, dataset, village_labels))
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
    village_labels = dict(village_options(dataset)) if teams else {}
    for team in teams:
        for sheet, more in _rows_for(team, dataset, village_labels).items():
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
    # Each drop-down lists labels (what officials read); the column beside it holds the code
    # each label stands for, so the sheet shows both. The import maps labels back to codes.
    village_pairs = village_options(dataset)
    exception_labels = [label for _, label in options("exceptions", dataset)]
    lists: dict[str, list[Any]] = {
        "village": [label for _, label in village_pairs],
        "village_value": [uid for uid, _ in village_pairs],
        "team_role": [label for _, label in options("team_role", dataset)],
        "team_role_value": [value for value, _ in options("team_role", dataset)],
        "gender": [label for _, label in options("gender", dataset)],
        "yes_no": [YES, NO],
        "grade": [label for _, label in options("grade", dataset)],
        "grade_value": [value for value, _ in options("grade", dataset)],
        "exceptions": exception_labels + ["; ".join(exception_labels)],
        "exceptions_value": [value for value, _ in options("exceptions", dataset)]
        + [", ".join(value for value, _ in options("exceptions", dataset))],
        "positions": [label for _, label in options("positions", dataset)],
        "positions_value": [value for value, _ in options("positions", dataset)],
    }
    headers = {
        "village": "Thôn, tổ dân phố", "village_value": "Mã thôn, tổ dân phố", "team_role": "Vai trò trong tổ",
        "team_role_value": "Mã vai trò", "gender": "Giới tính", "yes_no": "Có/không", "grade": "Xếp loại",
        "grade_value": "Mã xếp loại", "exceptions": "Trường hợp đặc biệt", "exceptions_value": "Mã trường hợp đặc biệt",
        "positions": "Chức danh ở thôn", "positions_value": "Mã chức danh",
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
        elif col.type == "choices":  # one label from the list, or several typed with ";" between them
            source = lists.get(col.choices or "")
            kwargs["errorStyle"] = "information"
        if source:
            dv = DataValidation(type="list", formula1=f"={source}", allow_blank=True, **kwargs)
            dv.error = "Hãy chọn một giá trị trong danh sách thả xuống."
            dv.errorTitle = "Giá trị không có trong danh sách"
            if col.type == "choices":
                dv.error = "Nhiều giá trị thì ngăn cách bằng dấu chấm phẩy (;), mỗi giá trị đúng như trong danh sách."
                dv.errorTitle = "Kiểm tra lại giá trị"
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
        ("•", "", "Dòng 1 của mỗi trang là tiêu đề cột: không đổi tên, không xóa cột. Cột có dấu * là bắt buộc."),
        ("•", "", "Ngày ghi theo ngày/tháng/năm, năm đủ 4 chữ số, ví dụ 03/6/2013. Nếu Excel tự đổi ngày sang kiểu tháng/ngày, hãy gõ dấu nháy ' trước ngày (’03/6/2013)."),
        ("•", "", "Các cột có danh sách thả xuống (thôn, vai trò, chức danh, giới tính, có/không, xếp loại, trường hợp đặc biệt): chọn trong danh sách thay vì gõ tay. Gõ tay thì ghi đúng tên như trong danh sách (không dấu cũng được) hoặc mã."),
        ("•", "", "Chức danh ở thôn và trường hợp đặc biệt: chọn một giá trị trong danh sách; nhiều giá trị thì gõ, ngăn cách bằng dấu chấm phẩy, ví dụ: Bí thư chi bộ; Người có uy tín."),
        ("•", "", "Phía trên dòng tiêu đề có thể thêm dòng tên bảng, tên đơn vị (kể cả ô gộp); chương trình tự tìm dòng tiêu đề trong 15 dòng đầu. Cột không có trong mẫu (ví dụ STT) được bỏ qua, nhưng đừng đổi tên cột của mẫu."),
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
    lines.append(("Chức danh ở thôn",))
    lines.extend((label, "", value) for value, label in options("positions", dataset))
    lines.append(())
    lines.append(("Trường hợp đặc biệt",))
    lines.extend((label, "", value) for value, label in options("exceptions", dataset))
    lines.append(())
    lines.append(("Vai trò trong tổ",))
    lines.extend((label, "", value) for value, label in options("team_role", dataset))
    lines.append(())
    lines.append(("Xếp loại",))
    lines.extend((label, "", value) for value, label in options("grade", dataset))
    lines.append(())
    lines.append(("Thôn, tổ dân phố trong dữ liệu",))
    lines.extend((label, "", uid) for uid, label in village_options(dataset))

    for r, values in enumerate(lines, 1):
        for c, value in enumerate(values, 1):
            cell = set_cell(ws, r, c, value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if len(values) == 1 or values[:2] == ("Cột", "Bắt buộc"):
                cell.font = bold
    ws["A1"].font = Font(bold=True, size=14)
