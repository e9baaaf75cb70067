"""Reading a filled workbook into rows: takes an import session (the workbook's path and
what `guard` found before parsing); gives, for each data sheet present, its rows with every
cell parsed for its column (`values`), and findings at Sheet!Cell for a missing sheet or
required column, an unknown, renamed or repeated column, formulas and error values
(`cells`), merged data cells and a sheet past the row limit.

The header row is looked for in a sheet's first rows (`header`), so a title, a blank row or
a unit line above it (merged across the top or not) is read past; data starts on the row
below it. Columns are found by their header (or the field's name), whatever their order and
however retyped; a column the template does not know is an error where it holds data that
looks like a template column the sheet lacks (renamed: its data would otherwise be lost
without a word), a warning otherwise. A key cell merged down (a team's code over its members,
a group's name over its people) is read as its value repeated on each row; any other merged
data cell is refused. A sheet or an optional column left out of the workbook is recorded in
`session.present`, so the fields it would carry are kept from the existing files rather than
cleared.
"""

from __future__ import annotations

import io
import zipfile
from contextlib import closing
from pathlib import Path
from xml.etree import ElementTree

from generator.core.findings import Severity
from openpyxl.utils.cell import get_column_letter

from generator.editors.excel.cells import (
    ERROR_HINT, FORMULA_HINT, MERGED_HINT, Merge, MergeSweep, data_merges, error_message, error_of, formula_message,
    formula_of,
)
from generator.editors.excel.columns import (
    DATA_SHEETS, GROUP_KEY, REQUIRED_SHEETS, SHEET_TITLE, TEAM_KEY, Column, columns_of,
)
from generator.editors.excel import guard as xlsx_guard  # its limits read when used: tests lower them
from generator.editors.excel.guard import Inspection, inspect_workbook, too_many_rows
from generator.editors.excel.header import (
    HEADER_SCAN_ROWS, UnknownColumn, column_keys, find_header_row, guess_by_header, guess_by_values, header_key,
    is_row_number,
)
from generator.editors.excel.options import norm
from generator.editors.excel.session import ABSENT, Cell, ImportSession, Row, is_empty
from generator.editors.excel.values import parse_cell

MAX_COLUMNS = 200  # header cells read; the template has at most 12 columns, more are ignored
# Columns whose value is the same for a run of rows (the team a member row belongs to, the
# group of several members): a cell merged down over those rows is read as its value
# repeated on each, as the official meant. Merged cells anywhere else are refused.
FILL_DOWN = frozenset({TEAM_KEY, GROUP_KEY})


def inspect_import(xlsx_path) -> Inspection:
    """The checks made before a workbook is parsed (size, zip bomb, rows declared, merged
    ranges); cheap, so the command runs them before it loads the project."""
    return inspect_workbook(Path(xlsx_path), wanted=is_data_sheet)


def is_data_sheet(title: str) -> bool:
    return _sheet_key(title) in {_sheet_key(s) for s in DATA_SHEETS}


def _sheet_key(text: str) -> str:
    return norm(text).replace(" ", "")


def read_sheets(imp: ImportSession) -> dict[str, list[Row]] | None:
    """The rows of each data sheet the workbook has; None when the file itself is refused or
    unreadable (the session's findings say why)."""
    inspection = imp.inspection or inspect_workbook(imp.path, wanted=is_data_sheet)
    if not inspection.ok or inspection.data is None:
        imp.findings.extend(inspection.findings)  # refused before parsing: too large, a bomb, not a workbook
        return None
    from openpyxl import load_workbook

    try:
        # Read-only: rows are streamed, so reading stops at the row limit whatever the file
        # declares. data_only=False: a formula shows as itself, not as its cached result.
        wb = load_workbook(io.BytesIO(inspection.data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
        imp.add("IMPORT-UNREADABLE", None,
                f"Không đọc được tệp “{imp.name}” như một bảng tính Excel (.xlsx) ({type(exc).__name__}).",
                "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng “Excel Workbook (.xlsx)”.")
        return None
    try:
        by_name = {_sheet_key(ws.title): ws for ws in wb.worksheets}
        sheets: dict[str, list[Row]] = {}
        for sheet in DATA_SHEETS:
            ws = by_name.get(_sheet_key(sheet))
            if ws is None:
                if sheet in REQUIRED_SHEETS:
                    imp.add("IMPORT-MISSING-SHEET", None, f"Bảng tính thiếu trang “{sheet}” ({SHEET_TITLE[sheet]}).",
                            "Dùng tệp mẫu tạo bằng lệnh handbook template và giữ nguyên tên các trang.", sheet=sheet)
                continue
            part = inspection.sheets.get(ws.title)
            try:
                rows = _read_sheet(imp, sheet, ws, part.merged if part else [])
            except (ElementTree.ParseError, ValueError, KeyError, EOFError, OSError, zipfile.BadZipFile) as exc:
                imp.add("IMPORT-UNREADABLE", None,
                        f"Trang {sheet} của tệp “{imp.name}” bị hỏng, không đọc được ({type(exc).__name__}).",
                        "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng “Excel Workbook (.xlsx)”.", sheet=sheet)
                rows = None
            if rows is not None:
                sheets[sheet] = rows
    finally:
        wb.close()
    return sheets


def _read_sheet(imp: ImportSession, sheet: str, ws, merged: list[str]) -> list[Row] | None:
    """One sheet's non-empty rows below its header row, each cell screened and parsed; None
    when a required column is missing or the sheet holds more rows than the limit."""
    cols = columns_of(sheet)
    wanted = column_keys(cols)
    ws.reset_dimensions()  # what the sheet declares is not trusted: rows are counted as they come
    with closing(ws.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS, max_col=MAX_COLUMNS)) as first:
        head = [tuple(cells) for cells in first]
    header_row = find_header_row(head, cols)
    header_cells = head[header_row - 1] if head else ()
    found: dict[int, Column] = {}
    unknown: dict[int, UnknownColumn] = {}
    seen: dict[str, int] = {}
    for c, header_cell in enumerate(header_cells, 1):
        text = header_cell.value
        if text is None or str(text).strip() == "":
            continue
        cell = Cell(sheet, header_row, c, str(text))
        formula = formula_of(header_cell)
        if formula is not None:
            imp.add("IMPORT-FORMULA", cell, formula_message(str(text), formula, in_header=True), FORMULA_HINT)
            continue
        col = wanted.get(header_key(text))
        if col is None:
            if not is_row_number(str(text)):
                unknown[c] = UnknownColumn(c, " ".join(str(text).split()))
            continue
        if col.field in seen:
            imp.add("IMPORT-DUPLICATE-COLUMN", cell,
                    f"Cột “{col.header}” xuất hiện hai lần (lần đầu ở cột {get_column_letter(seen[col.field])}); "
                    "chỉ cột đầu được đọc.",
                    "Xóa hoặc đổi tên một trong hai cột.", Severity.WARNING)
            continue
        seen[col.field] = c
        found[c] = col
    imp.present[sheet] = {col.field for col in found.values()}
    missing = [col for col in cols if col.field not in imp.present[sheet]]
    required_missing = [col for col in missing if col.required]
    last_col = max([*found, *unknown], default=0)
    limit = xlsx_guard.MAX_DATA_ROWS + 1  # the last row a sheet may use (row 1 is the header)
    merges = data_merges(merged, set(found), limit, header_row)
    fill = [m for m in merges if m.min_col == m.max_col and m.min_col in found and found[m.min_col].field in FILL_DOWN]
    merges = [m for m in merges if m not in fill]
    for merge in merges:
        headers = [found[c].header for c in sorted(found) if merge.min_col <= c <= merge.max_col]
        anchor = Cell(sheet, merge.min_row, merge.min_col, found[merge.min_col].header if merge.min_col in found else "")
        imp.add("IMPORT-MERGED-CELLS", anchor, merge.message(sheet, headers), MERGED_HINT)
    sweep = MergeSweep(merges, last_col)
    anchors: dict[Merge, object] = {}  # a merged key cell's first cell, whose value the rows below repeat
    rows: list[Row] = []
    with closing(ws.iter_rows(min_row=header_row + 1, max_col=max(last_col, 1))) as stream:
        for r, cells in enumerate(stream, header_row + 1):  # gaps come as empty rows, so r is the row number
            if r > limit:
                if any(cell.value is not None for cell in cells):
                    imp.findings.append(too_many_rows(imp.name, sheet, r))
                    return None  # reading stops here, whatever the sheet declared
                continue
            for c, extra in unknown.items():
                extra.see(cells[c - 1].value)
            if required_missing:
                continue  # the sheet cannot be read; its rows are looked at only for renamed columns
            sources = {c: cells[c - 1] for c in found}
            for m in fill:
                if r == m.min_row:
                    anchors[m] = sources[m.min_col]
                elif m.min_row < r <= m.max_row and m in anchors:
                    sources[m.min_col] = anchors[m]
            raw = {col.field: sources[c].value for c, col in found.items()}
            if all(is_empty(cells[c - 1].value) for c in found):
                continue
            covered = sweep.covered(r) if merges else ()
            row = Row(sheet, r, raw=raw)
            for c, col in found.items():
                cell = Cell(sheet, r, c, col.header)
                row.cells[col.field] = cell
                if c in covered:
                    imp.bad.add((sheet, r, c))  # the merge has its finding; the empty value is its effect
                    continue
                if not _screen(imp, col, sources[c], cell):
                    continue
                value = parse_cell(imp, col, raw[col.field], cell)
                if value is not ABSENT:
                    row.values[col.field] = value
            rows.append(row)
    renamed = _unknown_columns(imp, sheet, header_row, cols, unknown, missing)
    for col in required_missing:
        if col.field in renamed:
            continue  # the renamed column's finding says where it went
        imp.add("IMPORT-MISSING-COLUMN", Cell(sheet, header_row, None),
                f"Trang {sheet} thiếu cột bắt buộc “{col.header}”.",
                f"Thêm lại cột này ở dòng tiêu đề (dòng {header_row}), đúng tên như trong tệp mẫu.")
    return None if required_missing else rows


def _unknown_columns(imp: ImportSession, sheet: str, header_row: int, cols: list[Column],
                     unknown: dict[int, UnknownColumn], missing: list[Column]) -> set[str]:
    """Findings for the columns the template does not know: an error where one holds data
    that looks like a template column the sheet lacks (a renamed column: its data would be
    lost), a warning otherwise. Gives the fields such errors point to."""
    pointed: set[str] = set()
    for c, extra in unknown.items():
        cell = Cell(sheet, header_row, c, extra.header)
        letter = get_column_letter(c)
        by_header = guess_by_header(extra.header, missing)
        guesses = [by_header] if by_header else (guess_by_values(imp, extra, missing) if extra.count else [])
        if extra.count and guesses:
            pointed.update(g.field for g in guesses)
            if len(guesses) == 1:
                meant = f"Có phải ý bạn là cột “{guesses[0].header}” của mẫu?"
                fix = (f"Đổi tiêu đề ô {letter}{header_row} thành “{guesses[0].header}” (đúng như tệp mẫu); nếu cột này "
                       "không phải cột đó, xóa hoặc chuyển nó ra khỏi trang. Rồi nhập lại.")
            else:
                meant = "Có phải đây là một trong các cột " + ", ".join(f"“{g.header}”" for g in guesses) + " của mẫu?"
                fix = (f"Đổi tiêu đề ô {letter}{header_row} cho đúng tên cột của mẫu; nếu cột này không thuộc mẫu, xóa "
                       "hoặc chuyển nó ra khỏi trang. Rồi nhập lại.")
            imp.add("IMPORT-RENAMED-COLUMN", cell,
                    f"Cột {letter} “{extra.header}” không có trong mẫu của trang {sheet} nhưng có dữ liệu "
                    f"({extra.count} ô), trong khi trang thiếu cột “{guesses[0].header}”"
                    + (" và các cột tương tự" if len(guesses) > 1 else "")
                    + f": dữ liệu của cột này sẽ không được nhập. {meant}", fix)
            continue
        message = f"Cột {letter} “{extra.header}” không thuộc mẫu của trang {sheet}; dữ liệu trong cột này bị bỏ qua."
        if missing and extra.count:
            message += " Trang này cũng không có cột " + ", ".join(f"“{m.header}”" for m in missing) + " của mẫu."
        imp.add("IMPORT-UNKNOWN-COLUMN", cell, message,
                "Các cột của trang này: " + ", ".join(col.header for col in cols)
                + ". Nếu cột này là một cột của mẫu bị đổi tên, đặt lại đúng tên.", Severity.WARNING)
    return pointed


def _screen(imp: ImportSession, col: Column, source, cell: Cell) -> bool:
    """False (with a finding) for a formula or an error value: neither is data."""
    formula = formula_of(source)
    if formula is not None:
        imp.add("IMPORT-FORMULA", cell, formula_message(col.header, formula), FORMULA_HINT)
        return False
    error = error_of(source)
    if error is not None:
        imp.add("IMPORT-ERROR-VALUE", cell, error_message(col.header, error), ERROR_HINT)
        return False
    return True

# -- cells -----------------------------------------------------------------------
