"""Reading a filled workbook into rows: takes an import session (the workbook's path and
what `guard` found before parsing); gives, for each data sheet present, its rows with every
cell parsed for its column (`values`), and findings at Sheet!Cell for a missing sheet or
required column, an unknown or repeated column, formulas and error values (`cells`),
merged data cells and a sheet past the row limit.

Columns are found by their header (or the field's name), whatever their order; a sheet or
an optional column left out of the workbook is recorded in `session.present`, so the fields
it would carry are kept from the existing files rather than cleared.
"""

from __future__ import annotations

import io
import zipfile
from contextlib import closing
from pathlib import Path
from xml.etree import ElementTree

from generator.core.findings import Severity
from generator.editors.excel.cells import (
    ERROR_HINT, FORMULA_HINT, MERGED_HINT, MergeSweep, data_merges, error_message, error_of, formula_message, formula_of,
)
from generator.editors.excel.columns import DATA_SHEETS, REQUIRED_SHEETS, SHEET_TITLE, Column, columns_of
from generator.editors.excel import guard as xlsx_guard  # its limits read when used: tests lower them
from generator.editors.excel.guard import Inspection, inspect_workbook, too_many_rows
from generator.editors.excel.options import norm
from generator.editors.excel.session import ABSENT, Cell, ImportSession, Row, is_empty
from generator.editors.excel.values import parse_cell

MAX_COLUMNS = 200  # header cells read; the template has at most 12 columns, more are ignored


def inspect_import(xlsx_path) -> Inspection:
    """The checks made before a workbook is parsed (size, zip bomb, rows declared, merged
    ranges); cheap, so the command runs them before it loads the project."""
    return inspect_workbook(Path(xlsx_path), wanted=is_data_sheet)


def is_data_sheet(title: str) -> bool:
    return _sheet_key(title) in {_sheet_key(s) for s in DATA_SHEETS}


def _header_key(text: str) -> str:
    text = text.replace("*", "")
    return norm(text)


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
    """One sheet's non-empty rows, each cell screened and parsed; None when a required column
    is missing or the sheet holds more rows than the limit."""
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
        cell = Cell(sheet, 1, c, str(text))
        formula = formula_of(header_cell)
        if formula is not None:
            imp.add("IMPORT-FORMULA", cell, formula_message(str(text), formula, in_header=True), FORMULA_HINT)
            continue
        col = wanted.get(_header_key(str(text)))
        if col is None:
            imp.add("IMPORT-UNKNOWN-COLUMN", cell,
                    f"Cột “{text}” không thuộc mẫu của trang {sheet}; dữ liệu trong cột này bị bỏ qua.",
                    "Các cột của trang này: " + ", ".join(c.header for c in cols) + ".", Severity.WARNING)
            continue
        if col.field in seen:
            imp.add("IMPORT-DUPLICATE-COLUMN", cell,
                    f"Cột “{col.header}” xuất hiện hai lần (lần đầu ở cột {seen[col.field]}); chỉ cột đầu được đọc.",
                    "Xóa hoặc đổi tên một trong hai cột.", Severity.WARNING)
            continue
        seen[col.field] = c
        found[c] = col
    imp.present[sheet] = {col.field for col in found.values()}
    missing = [col for col in cols if col.required and col.field not in imp.present[sheet]]
    for col in missing:
        imp.add("IMPORT-MISSING-COLUMN", Cell(sheet, 1, None),
                f"Trang {sheet} thiếu cột bắt buộc “{col.header}”.",
                "Thêm lại cột này ở dòng tiêu đề (dòng 1), đúng tên như trong tệp mẫu.")
    if missing:
        return None
    last_col = max(found)
    limit = xlsx_guard.MAX_DATA_ROWS + 1  # the last row a sheet may use (row 1 is the header)
    merges = data_merges(merged, set(found), limit)
    for merge in merges:
        headers = [found[c].header for c in sorted(found) if merge.min_col <= c <= merge.max_col]
        anchor = Cell(sheet, merge.min_row, merge.min_col, found[merge.min_col].header if merge.min_col in found else "")
        imp.add("IMPORT-MERGED-CELLS", anchor, merge.message(sheet, headers), MERGED_HINT)
    sweep = MergeSweep(merges, last_col)
    rows: list[Row] = []
    with closing(ws.iter_rows(min_row=2, max_col=last_col)) as stream:
        for r, cells in enumerate(stream, 2):  # gaps come as empty rows, so r is the row number
            if r > limit:
                if any(cell.value is not None for cell in cells):
                    imp.findings.append(too_many_rows(imp.name, sheet, r))
                    return None  # reading stops here, whatever the sheet declared
                continue
            raw = {col.field: cells[c - 1].value for c, col in found.items()}
            if all(is_empty(v) for v in raw.values()):
                continue
            covered = sweep.covered(r) if merges else ()
            row = Row(sheet, r, raw=raw)
            for c, col in found.items():
                cell = Cell(sheet, r, c, col.header)
                row.cells[col.field] = cell
                if c in covered:
                    imp.bad.add((sheet, r, c))  # the merge has its finding; the empty value is its effect
                    continue
                if not _screen(imp, col, cells[c - 1], cell):
                    continue
                value = parse_cell(imp, col, raw[col.field], cell)
                if value is not ABSENT:
                    row.values[col.field] = value
            rows.append(row)
    return rows


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
