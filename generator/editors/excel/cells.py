"""Cells an import must not take as data: takes openpyxl cells (read with formulas shown,
not their cached results) and a sheet's merged ranges; gives what is wrong with a cell, in
Vietnamese, with what to do.

Why refuse rather than read: a formula's cached result is whatever the sender's Excel last
computed (or nothing, for a file written by a program), a DDE formula such as
`=cmd|' /C calc'!A0` runs a program on the machine of whoever opens the workbook next, and
an error value such as `#N/A` is a failed lookup, not a name or a number. In a merged range
only the first cell holds the value; the rows below read as empty, so a group name merged
over five members would silently belong to the first one only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

# Excel's error values (the classic seven and those of newer versions).
ERROR_VALUES = frozenset({
    "#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!",
    "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
})
_ERROR_CAUSE = {
    "#N/A": "thường do công thức tra cứu như VLOOKUP không tìm thấy giá trị",
    "#REF!": "công thức trỏ tới ô hoặc trang đã bị xóa",
    "#NAME?": "công thức có tên hàm hoặc tên vùng mà Excel không biết",
    "#DIV/0!": "công thức chia cho 0",
}
# `=cmd|' /C calc'!A0`, `=MSEXCEL|'\..\..\cmd'!''`, `=DDE(…)`, `=DDEAUTO(…)`: a formula that asks
# another program on the machine for data (Dynamic Data Exchange).
_DDE = re.compile(r"^=?\s*[-+@]*\s*(?:'[^']*'|[A-Za-z0-9_.\\]+)\s*\|", re.S)
_DDE_FUNCTION = re.compile(r"\bDDE(?:AUTO)?\s*\(", re.I)

FORMULA_HINT = ("Gõ thẳng giá trị vào ô thay cho công thức. Nếu các ô được tính bằng công thức, chép chúng rồi dán lại "
                "bằng “Dán đặc biệt → Chỉ giá trị” (Paste Special → Values); lưu lại rồi nhập lại.")
ERROR_HINT = "Gõ giá trị đúng vào ô (giá trị thật, không dùng công thức), lưu lại rồi nhập lại."
MERGED_HINT = ("Bỏ gộp ô (chọn vùng ô, Home → Merge & Center → Unmerge Cells), rồi ghi lại giá trị vào từng dòng "
               "(chép giá trị của ô đầu xuống các ô bên dưới); lưu lại rồi nhập lại.")


def formula_of(cell: Any) -> str | None:
    """The formula a cell holds, as typed ("=…"), or None for a value."""
    value = getattr(cell, "value", None)
    if isinstance(value, ArrayFormula):
        return value.text or "={…}"
    if isinstance(value, DataTableFormula):
        return "=TABLE(…)"
    if getattr(cell, "data_type", None) == "f":
        return str(value) if value is not None else "="
    return None


def error_of(cell: Any) -> str | None:
    """The Excel error value a cell holds (also one typed or pasted as text), or None."""
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "e":
        return str(value).strip() if value is not None else "#N/A"
    if isinstance(value, str) and value.strip().upper() in ERROR_VALUES:
        return value.strip().upper()
    return None


def is_dde(formula: str) -> bool:
    return bool(_DDE.match(formula) or _DDE_FUNCTION.search(formula))


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def formula_message(header: str, formula: str, in_header: bool = False) -> str:
    where = f"Tiêu đề cột “{header}”" if in_header else f"Ô “{header}”"
    message = (f"{where} chứa công thức “{_short(formula)}” chứ không phải giá trị; bảng tính nhập vào chỉ được có "
               "giá trị gõ trực tiếp.")
    if is_dde(formula):
        message += (" Đây là công thức gọi một chương trình khác trên máy (DDE), có thể gây hại: nếu Excel hỏi có cho "
                    "chạy hay cập nhật liên kết khi mở tệp, hãy chọn Không.")
    return message


def error_message(header: str, error: str) -> str:
    cause = _ERROR_CAUSE.get(error, "một công thức đã tính ra lỗi")
    return f"Ô “{header}” đang là giá trị lỗi {error} của Excel ({cause}), không phải dữ liệu."


@dataclass(frozen=True)
class Merge:
    ref: str  # "A3:A6"
    min_col: int
    min_row: int
    max_col: int
    max_row: int

    @property
    def anchor(self) -> str:
        return f"{get_column_letter(self.min_col)}{self.min_row}"

    def message(self, sheet: str, headers: list[str]) -> str:
        rows = (f"dòng {self.min_row + 1}" if self.max_row == self.min_row + 1 else
                f"các dòng {self.min_row + 1}–{self.max_row}") if self.max_row > self.min_row else ""
        text = f"Vùng ô {self.ref} ở trang {sheet} đang được gộp (Merge)"
        if headers:
            text += " trong cột " + ", ".join(f"“{h}”" for h in headers)
        text += f"; khi gộp, chỉ ô đầu {self.anchor} có giá trị"
        if rows:
            text += f", còn {rows} sẽ bị đọc là trống"
        return text + "."


def data_merges(refs: list[str], columns: set[int], last_row: int, header_row: int = 1) -> list[Merge]:
    """The merged ranges that cover cells of the data (below the header row) in the columns
    the import reads, in sheet order. A range that starts on or above the header row (a
    title merged across the top, a header cell merged down) is not data."""
    out = []
    for ref in refs:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if None in (min_col, min_row, max_col, max_row) or min_row <= header_row or (min_col == max_col and min_row == max_row):
            continue
        if not any(min_col <= c <= max_col for c in columns) or min_row > last_row:
            continue
        out.append(Merge(ref, min_col, min_row, max_col, max_row))
    return sorted(out, key=lambda m: (m.min_row, m.min_col))


class MergeSweep:
    """Which cells of a row lie under a merge without being its first cell, asked row by row
    in increasing order. Merged ranges do not overlap, so few are open at any row."""

    def __init__(self, merges: list[Merge], last_col: int):
        self._pending = sorted(merges, key=lambda m: m.min_row)
        self._open: list[Merge] = []
        self._next = 0
        self._last_col = last_col  # columns beyond the last one read do not matter

    def covered(self, row: int) -> set[int]:
        while self._next < len(self._pending) and self._pending[self._next].min_row <= row:
            self._open.append(self._pending[self._next])
            self._next += 1
        self._open = [m for m in self._open if m.max_row >= row]
        out: set[int] = set()
        for m in self._open:
            for col in range(m.min_col, min(m.max_col, self._last_col) + 1):
                if (row, col) != (m.min_row, m.min_col):
                    out.add(col)
        return out
