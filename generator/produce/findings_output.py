"""Report printers: takes a `Report` (and the project root, to show offending lines; and the
lines a change touched, `changed_lines`), gives text for people, JSON for scripts, GitHub
Actions workflow commands kept under GitHub's per-step limits (errors, then the change's own
findings, then one notice for the rest), or a Markdown findings page for reviewers."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.core.findings import Finding, Report, Severity
from generator.produce.changed_lines import ChangedLines


def as_text(report: Report, root: Path, color: bool = False) -> str:
    lines: list[str] = []
    cache: dict[str, list[str]] = {}
    for f in report.sorted():
        where = f.file or "(dự án)"
        if f.line:
            where += f":{f.line}" + (f":{f.column}" if f.column else "")
        label = f.severity.label_vi
        if color:
            tint = {"error": "31", "warning": "33", "info": "36"}[f.severity.value]
            label = f"\033[1;{tint}m{label}\033[0m"
        lines.append(f"{where}: {label} [{f.code}] {f.message}")
        source = _source_line(root, f, cache)
        if source is not None:
            lines.append(f"  {f.line:>5} | {source}")
            if f.column:
                lines.append("        | " + " " * (f.column - 1) + "^")
        if f.path:
            lines.append(f"  Vị trí: {f.path}")
        if f.hint:
            lines.append(f"  Cách sửa: {f.hint}")
        if f.clause:
            lines.append(f"  Căn cứ: {f.clause}")
        lines.append("")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def summary(report: Report) -> str:
    errors, warnings, infos = (report.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    text = f"Đã kiểm tra {report.files_read} tệp: {errors} lỗi, {warnings} cảnh báo"
    if infos:
        text += f", {infos} ghi chú"
    return text + "."


def _source_line(root: Path, f: Finding, cache: dict[str, list[str]]) -> str | None:
    if not f.file or not f.line:
        return None
    if f.file not in cache:
        try:
            cache[f.file] = (root / f.file).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            cache[f.file] = []
    text = cache[f.file]
    if 0 < f.line <= len(text):
        line = text[f.line - 1].replace("\t", " ")
        return line if len(line) <= 160 else line[:159] + "…"
    return None


def as_json(report: Report, strict: bool = False) -> str:
    payload = {
        "valid": report.valid(strict),
        "summary": {
            "files": report.files_read,
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "infos": report.count(Severity.INFO),
        },
        "findings": [f.as_dict() for f in report.sorted()],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


# GitHub shows at most this many annotations of each kind (error, warning, notice) per step;
# the rest of a step's annotations are dropped without a word.
ANNOTATION_LIMIT = 10
KIND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
NOUN = {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo", Severity.INFO: "ghi chú"}


def _annotation(f: Finding) -> str:
    props = []
    if f.file:
        props.append(f"file={_escape_property(f.file)}")
    if f.line:
        props.append(f"line={f.line}")
    if f.column:
        props.append(f"col={f.column}")
    props.append(f"title={_escape_property(f.code)}")
    message = f.message
    if f.hint:
        message += f"\nCách sửa: {f.hint}"
    if f.clause:
        message += f"\nCăn cứ: {f.clause}"
    return f"::{KIND[f.severity]} {','.join(props)}::{_escape_data(message)}"


def _counted(counts: dict[Severity, int]) -> str:
    """"3 lỗi, 12 cảnh báo và 1 ghi chú" (kinds with none left out)."""
    parts = [f"{n} {NOUN[s]}" for s, n in counts.items() if n]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " và " + parts[-1]


def pick_annotations(report: Report, changed: ChangedLines | None = None) -> tuple[list[Finding], str | None]:
    """The findings to annotate, in order, and the one notice that sums up the rest (None
    when nothing is left out). Errors come first (those on changed lines first among them),
    then — with `changed` — only the warnings and notes on lines the change touched, else
    every warning, then notes; never more than `ANNOTATION_LIMIT` of a kind, the summing-up
    notice included."""
    ordered = report.sorted()
    touched = (lambda f: changed.touches(f.file, f.line)) if changed else (lambda f: True)
    chosen: list[Finding] = []
    unchanged = {s: 0 for s in Severity}
    over = {s: 0 for s in Severity}
    for severity in Severity:
        mine = [f for f in ordered if f.severity is severity]
        if severity is Severity.ERROR:  # every error is shown, the change's own first
            candidates = sorted(mine, key=lambda f: not touched(f))
        else:
            candidates = [f for f in mine if touched(f)]
            unchanged[severity] = len(mine) - len(candidates)
        chosen.extend(candidates[:ANNOTATION_LIMIT])
        over[severity] = max(0, len(candidates) - ANNOTATION_LIMIT)
    if not any(unchanged.values()) and not any(over.values()):
        return chosen, None
    notes = [f for f in chosen if f.severity is Severity.INFO]
    if len(notes) == ANNOTATION_LIMIT:  # room for the summing-up notice
        chosen.remove(notes[-1])
        over[Severity.INFO] += 1
    parts = []
    if any(unchanged.values()):
        parts.append(f"Còn {_counted(unchanged)} khác trên các dòng không thay đổi"
                     + (f" so với {changed.rev}" if changed else ""))
    if any(over.values()):
        parts.append(f"{'c' if parts else 'C'}òn {_counted(over)} không hiện ở đây vì GitHub chỉ hiện "
                     f"{ANNOTATION_LIMIT} chú thích mỗi loại")
    return chosen, "; ".join(parts) + "; xem trang kết quả kiểm tra (hoặc chạy “handbook check” trên máy)."


def as_github(report: Report, changed: ChangedLines | None = None) -> str:
    """GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`),
    chosen and ordered by `pick_annotations` so that no kind passes GitHub's per-step limit,
    then the run's summary line."""
    chosen, rest = pick_annotations(report, changed)
    out = [_annotation(f) for f in chosen]
    if rest:
        out.append(f"::notice title={_escape_property('Kết quả kiểm tra')}::{_escape_data(rest)}")
    out.append(summary(report))
    return "\n".join(out) + "\n"


# The job summary of a GitHub step holds at most 1 MiB: the page lists this many findings.
PAGE_LIMIT = 500
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~&!])")


def _md(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _md_item(f: Finding) -> list[str]:
    where = f.file or "(dự án)"
    if f.line:
        where += f":{f.line}" + (f":{f.column}" if f.column else "")
    lines = [f"- **{f.severity.label_vi}** `{f.code}` `{where}`: {_md(f.message)}"]
    if f.path:
        lines.append(f"  <br>Vị trí: `{f.path.replace('`', '')}`")
    if f.hint:
        lines.append(f"  <br>Cách sửa: {_md(f.hint)}")
    if f.clause:
        lines.append(f"  <br>Căn cứ: {_md(f.clause)}")
    return lines


def as_markdown(report: Report, changed: ChangedLines | None = None) -> str:
    """The findings page for a reviewer (a GitHub job summary, a file in the preview): the
    summary line, then every finding — with `changed`, those on the changed lines first —
    errors before warnings before notes."""
    ordered = sorted(report.sorted(), key=lambda f: f.severity.rank)
    out = ["## Kết quả kiểm tra dữ liệu", "", summary(report), ""]
    if not ordered:
        out.append("Không có lỗi, cảnh báo hay ghi chú nào.")
        return "\n".join(out) + "\n"
    if changed:
        mine = [f for f in ordered if changed.touches(f.file, f.line)]
        groups = [(f"### Trên các dòng thay đổi so với {_md(changed.rev)} ({len(mine)})", mine),
                  (f"### Trên các dòng không thay đổi ({len(ordered) - len(mine)})",
                   [f for f in ordered if not changed.touches(f.file, f.line)])]
    else:
        groups = [("### Danh sách", ordered)]
    room = PAGE_LIMIT
    for title, findings in groups:
        out += [title, ""]
        if not findings:
            out += ["Không có.", ""]
            continue
        for f in findings[:room]:
            out += _md_item(f)
        if len(findings) > room:
            out.append(f"- … và {len(findings) - room} mục khác; chạy “handbook check” để xem hết.")
        room = max(0, room - len(findings))
        out.append("")
    return "\n".join(out)
