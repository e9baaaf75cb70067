"""Every finding code, once: takes the catalogue of core/codes.py (the codes of the loader, the
models, the checks and the editors) and the rule registry, gives them merged in pipeline order.

The merge lives here, not in core, because core may not import the rules; a rule keeps its
code, title, severity and clause where it is registered, and is never written into the table.
"""

from __future__ import annotations

from generator.checks.rules import load_all_rules
from generator.core.codes import CODES, STAGES, Code


def rule_codes() -> dict[str, Code]:
    """The codes of the registered rules, as catalogue entries of the stage "rules"."""
    return {code: Code(code, rule.severity, rule.title, "rules", rule.clause) for code, rule in load_all_rules().items()}


def all_codes() -> dict[str, Code]:
    """Every code any stage can emit, by stage in pipeline order, then by code."""
    rules = rule_codes()
    twice = sorted(set(rules) & set(CODES))
    if twice:
        raise ValueError(f"finding codes both in core/codes.py and in the rule registry: {', '.join(twice)}")
    order = list(STAGES)
    merged = sorted([*CODES.values(), *rules.values()], key=lambda c: (order.index(c.stage), c.code))
    return {c.code: c for c in merged}
