"""The rule registry: a rule is a small function registered with its code, its title, its
source clause and a default severity; `RuleContext` is what it sees when it runs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from generator.core.findings import Finding, Severity
from generator.load.yamlload import format_path
from generator.model.dataset import Dataset, Located


@dataclass(frozen=True)
class Rule:
    code: str
    title: str  # Vietnamese, one line
    severity: Severity
    clause: str  # human-readable clause
    doc: str  # document id in the registry
    section: str | None
    check: Callable[["RuleContext"], Iterator[Finding]]


RULES: dict[str, Rule] = {}


def rule(code: str, title: str, severity: Severity, clause: str, doc: str, section: str | None = None):
    def register(func: Callable[["RuleContext"], Iterator[Finding]]):
        if code in RULES:
            raise ValueError(f"rule {code} registered twice")
        RULES[code] = Rule(code, title, severity, clause, doc, section, func)
        return func

    return register


class RuleContext:
    """What a rule sees: the dataset, the configuration, and a way to make findings."""

    def __init__(self, ds: Dataset, current: Rule, severity: Severity):
        self.ds = ds
        self.config = ds.config
        self.t = ds.config.thresholds
        self.rule = current
        self.severity = severity

    def finding(self, at: Located, sub: tuple, message: str, hint: str | None = None) -> Finding:
        line, col = at.file.locate(at.path + tuple(sub))
        return Finding(self.rule.code, self.severity, message, file=at.file.path, line=line, column=col,
                       path=format_path(at.path + tuple(sub)) or None, clause=self.rule.clause, hint=hint)
