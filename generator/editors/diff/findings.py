"""Which findings a change introduces or resolves: takes the check reports of both sides, gives
the findings only the newer side has and those only the older side had."""

from __future__ import annotations

from collections import Counter

from generator.core.findings import Finding, Report


def finding_changes(old: Report, new: Report) -> tuple[list[Finding], list[Finding]]:
    """Findings only the newer side has, and findings only the older side had, compared by
    (code, file, message) so that a shifted line number is not a new finding."""

    def key(f: Finding) -> tuple:
        return (f.code, f.file, f.message)

    def only(a: Report, b: Report) -> list[Finding]:
        left = Counter(key(f) for f in b.findings)
        out = []
        for f in sorted(a.findings, key=lambda f: (f.severity.rank,) + f.sort_key()):
            if left[key(f)] > 0:
                left[key(f)] -= 1
            else:
                out.append(f)
        return out

    return only(new, old), only(old, new)
