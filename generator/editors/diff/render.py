"""The pull-request comment: takes the change sentences and both sides' check reports, gives
the Markdown — the sentences as a list, then the check's counts after and before and the
findings introduced and resolved. Long lists are cut: a GitHub comment holds at most 65,536
characters."""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from generator.core.findings import Finding, Report, Severity
from generator.editors.diff.findings import finding_changes

TITLE = "## Tóm tắt thay đổi dữ liệu"
CHECK_TITLE = "### Kết quả kiểm tra"
NO_CHANGE = "Không có thay đổi dữ liệu."
MAX_SENTENCES = 200
MAX_FINDINGS = 100

_SEVERITY_WORDS = {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo", Severity.INFO: "ghi chú"}


def render(sentences: list[str], old: Report, new: Report) -> str:
    introduced, resolved = finding_changes(old, new)
    lines = [TITLE, ""]
    if not sentences:
        lines.append(NO_CHANGE)
        if not introduced and not resolved:
            return "\n".join(lines) + "\n"
    else:
        shown = sentences[:MAX_SENTENCES]
        lines += [f"- {s}" for s in shown]
        if len(sentences) > len(shown):
            lines.append(f"- … và {len(sentences) - len(shown)} thay đổi khác.")
    lines += ["", CHECK_TITLE, ""]
    lines.append(f"Sau thay đổi: {_counts(new.findings, always=True)} (trước: {_counts(old.findings, always=True)}).")
    if not introduced and not resolved:
        lines += ["", "Thay đổi này không làm phát sinh hay khắc phục lỗi, cảnh báo nào."]
    for title, items in (("Phát sinh", introduced), ("Đã khắc phục", resolved)):
        if not items:
            continue
        lines += ["", f"**{title}** ({_counts(items)}):", ""]
        lines += [_finding_line(f) for f in items[:MAX_FINDINGS]]
        if len(items) > MAX_FINDINGS:
            lines.append(f"- … và {len(items) - MAX_FINDINGS} mục khác (chạy “handbook check” để xem hết).")
    return "\n".join(lines) + "\n"


def _finding_line(f: Finding) -> str:
    where = f.file or "(dự án)"
    if f.line:
        where += f":{f.line}"
    return f"- `{f.code}` {where} — {f.message}"


def _counts(findings: Iterable[Finding], always: bool = False) -> str:
    """“1 lỗi, 2 cảnh báo”; `always`: errors and warnings even at 0."""
    counter = Counter(f.severity for f in findings)
    parts = []
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        if counter[severity] or (always and severity is not Severity.INFO):
            parts.append(f"{counter[severity]} {_SEVERITY_WORDS[severity]}")
    return ", ".join(parts)
