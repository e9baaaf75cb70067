"""One import's shared state: takes the workbook's path, the data folder, the dataset and
what `guard` found before parsing; keeps the findings made so far — each at its Sheet!Cell
(`ThanhVien!C7`), so an official finds it in Excel — and the cells already reported, so a
cell gets one finding however many steps trip over it. Gives `ImportResult`, the answer of
an import, and the helpers that quote a cell's value in a message.

Every step of the import (`reading`, `values`, `records`, `schema_findings`, `teamfiles`,
`importer`) adds its findings here rather than raising: an import reports everything wrong
at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.core.dates import format_vn_date
from generator.core.findings import Finding, Severity
from generator.editors.excel.guard import Inspection
from generator.editors.excel.options import lookup_table, options, villages


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
class Cell:
    """A cell of the workbook (a whole row when `column` is None): where a finding points."""
    sheet: str
    row: int
    column: int | None
    header: str = ""

    @property
    def ref(self) -> str:
        from openpyxl.utils import get_column_letter

        return f"{self.sheet}!{get_column_letter(self.column)}{self.row}" if self.column else f"{self.sheet}!{self.row}:{self.row}"


@dataclass
class Row:
    """A data row of a sheet, keyed by the schema field of each column."""
    sheet: str
    row: int
    values: dict[str, Any] = field(default_factory=dict)  # field -> parsed value (absent: empty or bad)
    cells: dict[str, Cell] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)


class ImportSession:
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
        self.lookup_tables: dict[str, dict[str, frozenset[str]]] = {}
        self._village_ids: frozenset[str] | None = None

    def add(self, code: str, cell: Cell | None, message: str, hint: str | None = None,
            severity: Severity = Severity.ERROR, sheet: str | None = None) -> None:
        if cell is not None:
            self.bad.add((cell.sheet, cell.row, cell.column))
            self.findings.append(Finding(code, severity, message, file=self.name, line=cell.row,
                                         column=cell.column, path=cell.ref, hint=hint))
        else:
            self.findings.append(Finding(code, severity, message, file=self.name, path=sheet, hint=hint))

    def options(self, name: str) -> list[tuple[str, str]]:
        if name not in self.option_lists:  # made once per import, not once per cell
            self.option_lists[name] = options(name, self.dataset)
        return self.option_lists[name]

    def table(self, name: str) -> dict[str, frozenset[str]]:
        """The option list `name` as `options.lookup` reads it, made once per import."""
        if name not in self.lookup_tables:
            self.lookup_tables[name] = lookup_table(self.options(name))
        return self.lookup_tables[name]

    def village_ids(self) -> frozenset[str]:
        if self._village_ids is None:
            self._village_ids = frozenset(villages(self.dataset))
        return self._village_ids


ABSENT = object()  # a cell that gave no value: empty, or wrong (then it has a finding)


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def short(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def show(value: Any) -> str:
    """A cell's value as a message quotes it: “text”, ngày 03/06/2013, TRUE."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"ngày {format_vn_date(value)}"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return f"“{short(str(value))}”"
