"""Spreadsheet cells made from data: takes a string bound for a CSV or XLSX cell, gives it in a
form no spreadsheet evaluates (CSV and formula injection, as OWASP describes it).

A CSV cell that begins with =, +, -, @, a tab or a carriage return (or their full-width
forms, which some spreadsheets also accept) is prefixed with an apostrophe, OWASP's
recommendation: Excel and LibreOffice then show it as text. In XLSX the cell is written as a
string, never as a formula (openpyxl would otherwise store "=…" as one).
"""

from __future__ import annotations

from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def csv_text(text: str) -> str:
    """A string from data as a CSV cell: prefixed with ' when it would start a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def append_row(ws, values: list[Any]) -> None:
    """`ws.append(values)` for a normal (not write-only) worksheet, with every string kept a
    string."""
    ws.append(values)
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str) and cell.data_type == "f":
            cell.data_type = "s"


def set_cell(ws, row: int, column: int, value: Any):
    """`ws.cell(row, column, value)` with a string kept a string (never a formula)."""
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell
