"""The rules of the source documents: takes a valid `Dataset`, gives findings.

Each rule is a small function registered with its code, its source clause and a default
severity; the province's configuration may change the severity or turn a rule off.
"""

from __future__ import annotations

from generator.checks.rules import assignment_rules, bloc_rules, photo_rules, team_rules  # noqa: F401 - registration
from generator.checks.rules.registry import RULES, Rule, RuleContext, rule, scheme_note  # noqa: F401 - the rules' API
from generator.core.findings import Finding, Severity
from generator.model.dataset import Dataset


def run_rules(ds: Dataset) -> list[Finding]:
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
    return RULES
