"""The rules of the source documents: takes a valid `Dataset`, gives findings.

Each rule is a small function registered with its code, its source clause and a default
severity; the province's configuration may change the severity or turn a rule off.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from generator.model.dataset import Dataset, Located
from generator.core.findings import Finding, Severity
from generator.load.yamlload import format_path


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


def run_rules(ds: Dataset) -> list[Finding]:
    from generator.checks.rules import assignment_rules, bloc_rules, photo_rules, team_rules  # noqa: F401 - registration

    if ds.config is None:
        return []
    findings: list[Finding] = []
    for code, current in RULES.items():
        override = ds.config.rules.get(code)
        if override == "off":
            continue
        severity = Severity(override) if override else current.severity
        try:
            findings.extend(current.check(RuleContext(ds, current, severity)))
        except Exception as exc:  # noqa: BLE001 - a broken rule must not hide the others
            findings.append(Finding("INTERNAL-RULE-ERROR", Severity.ERROR,
                                    f"Quy tắc {code} gặp lỗi nội bộ ({type(exc).__name__}: {exc}); hãy báo cho nhóm phát triển.",
                                    hint="Gửi nguyên thông báo này cho nhóm phát triển; các kiểm tra khác vẫn chạy bình thường."))
    return findings


def load_all_rules() -> dict[str, Rule]:
    from generator.checks.rules import assignment_rules, bloc_rules, photo_rules, team_rules  # noqa: F401 - registration

    return RULES
