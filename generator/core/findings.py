"""Findings as data: every problem any stage detects becomes a `Finding`; a `Report` collects them.

Takes nothing from other stages; gives the shapes the loader, the validator and the rules
all produce, and that the CLI prints as text, JSON or GitHub annotations.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field
from typing import Iterable


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label_vi(self) -> str:
        return {"error": "LỖI", "warning": "CẢNH BÁO", "info": "GHI CHÚ"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Finding:
    """One problem, located as precisely as the stage that found it can."""

    code: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None  # key path inside the file, e.g. "groups[2].households"
    clause: str | None = None  # the source-document clause a rule comes from
    hint: str | None = None  # how to fix it

    def sort_key(self) -> tuple:
        return (self.file or "~", self.line or 0, self.column or 0, self.code, self.message)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


@dataclass
class Report:
    """Every finding of one run, plus what was read."""

    findings: list[Finding] = field(default_factory=list)
    files_read: int = 0

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def extend(self, findings: Iterable[Finding]) -> None:
        self.findings.extend(findings)

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=Finding.sort_key)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    def valid(self, strict: bool = False) -> bool:
        if self.errors:
            return False
        return not (strict and self.warnings)

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}
