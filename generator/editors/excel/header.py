"""A sheet's header row as officials lay it out: takes the first rows of a sheet (openpyxl
cells) and the sheet's template columns (`columns`); gives the row that holds the headers —
found under title rows, a blank row or a unit line — the template column of each header
cell, the header cells the template does not know, and, for a column the template does not
know but that holds data, the template column it most likely is.

Headers are compared the forgiving way: without case, diacritics or spacing, line breaks in
a cell read as spaces, the "*" or "(*)" that marks a required column ignored, and a trailing
note in brackets ("Nhóm Zalo (có/không)") optional.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.core.suggest import suggest as suggest_option
from generator.editors.excel.columns import Column
from generator.editors.excel.options import norm

HEADER_SCAN_ROWS = 15  # rows searched for the header row (title, blank row, unit line, header)
# Columns officials add that are no data: the row number ("STT"). Read as nothing, said nothing.
ROW_NUMBER_HEADERS = frozenset({"stt", "tt", "so tt", "so thu tu", "thu tu"})
# Abbreviations officials write in headers, spelt out before a header is compared for a guess.
_ABBREVIATIONS = {"sdt": "so dien thoai", "dt": "dien thoai", "dd": "dien thoai", "ns": "nam sinh",
                  "gt": "gioi tinh", "cd": "chuc danh", "xl": "xep loai"}
_REQUIRED_MARK = re.compile(r"\(\s*\*\s*\)|\*")
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


def header_key(text: Any) -> str:
    """A header as compared: "MÃ TỔ (*)", "Mã\ntổ *" and "ma to" are one key."""
    return norm(_REQUIRED_MARK.sub(" ", str(text)))


def _keys(col: Column) -> list[str]:
    out = []
    for text in (col.header, *col.aliases, col.field):
        out.append(header_key(text))
        bare = _TRAILING_NOTE.sub("", str(text))
        if bare != text and bare.strip():
            out.append(header_key(bare))
    return out


def column_keys(cols: list[Column]) -> dict[str, Column]:
    """Every key a template column is found by (its header, former headers, field name);
    where two columns share a key, the first one keeps it."""
    wanted: dict[str, Column] = {}
    for primary in (True, False):  # full headers before their bare forms
        for col in cols:
            keys = _keys(col)
            for key in (keys[:1] if primary else keys[1:]):
                wanted.setdefault(key, col)
    return wanted


def _text(cell: Any) -> str | None:
    value = getattr(cell, "value", None)
    if value is None or str(value).strip() == "":
        return None
    return str(value)


def find_header_row(rows: list[tuple], cols: list[Column]) -> int:
    """The number (1-based) of the row among `rows` (the sheet's first rows) that matches
    most template headers; the first such row on a tie, row 1 when no row matches any."""
    wanted = column_keys(cols)
    best, best_score = 1, 0
    for r, cells in enumerate(rows, 1):
        matched = {wanted[key].field for key in (header_key(t) for t in map(_text, cells) if t) if key in wanted}
        if len(matched) > best_score:
            best, best_score = r, len(matched)
    return best


def is_row_number(text: str) -> bool:
    return header_key(text).rstrip(".") in ROW_NUMBER_HEADERS


@dataclass
class UnknownColumn:
    """A header cell the template does not know, and what the rows below it hold."""
    column: int
    header: str
    samples: list[Any] = field(default_factory=list)  # the first non-empty values below it
    count: int = 0  # non-empty cells below it

    def see(self, value: Any) -> None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return
        self.count += 1
        if len(self.samples) < 20:
            self.samples.append(value)


def _spelt_out(text: str) -> str:
    return " ".join(_ABBREVIATIONS.get(word, word) for word in header_key(text).split())


def guess_by_header(header: str, missing: list[Column]) -> Column | None:
    """The missing template column whose header the unknown one most likely is a rewording
    of: the same words spelt otherwise, an abbreviation spelt out ("SĐT" for "Số điện
    thoại"), one header holding the other ("Số điện thoại liên hệ" and "Điện thoại")."""
    if not missing:
        return None
    by_header = {col.header: col for col in missing}
    hit = suggest_option(header, list(by_header))
    if hit is not None:
        return by_header[hit]
    typed = _spelt_out(header)
    holding = [col for col in missing
               if any(k and (f" {k} " in f" {typed} " or f" {typed} " in f" {k} ")
                      for k in (header_key(_TRAILING_NOTE.sub("", col.header)), header_key(col.header)))]
    return holding[0] if len(holding) == 1 else None


_PHONE = re.compile(r"\+?\d[\d .\-]{7,14}\d")
_TYPED = ("slug", "team", "village", "date", "int", "bool", "choice", "grade", "choices")  # a text column takes anything


def _fits(imp, col: Column, samples: list[Any]) -> bool:
    """Every sample is a valid value for `col` (read as the import would read it)."""
    if col.type == "phone":
        return all(_PHONE.fullmatch(str(int(v)) if isinstance(v, float) and v.is_integer() else str(v).strip())
                   and 9 <= sum(ch.isdigit() for ch in str(v)) <= 12 for v in samples)
    if col.type not in _TYPED:
        return False
    from generator.editors.excel.session import ABSENT, Cell, ImportSession
    from generator.editors.excel.values import parse_cell

    scratch = ImportSession(imp.path, imp.data_dir, imp.dataset)
    scratch.option_lists, scratch.lookup_tables = imp.option_lists, imp.lookup_tables  # made once per import
    for value in samples:
        if parse_cell(scratch, col, value, Cell(col.sheet, 0, None, col.header)) is ABSENT or scratch.findings:
            return False
    return True


def guess_by_values(imp, unknown: UnknownColumn, missing: list[Column]) -> list[Column]:
    """The missing template columns whose kind of value every sample of the unknown column
    is (phone numbers, dates, years, options of a list…); text columns never, since any
    text would do."""
    if not unknown.samples:
        return []
    return [col for col in missing if _fits(imp, col, unknown.samples)]
