"""Report printers: takes a `Report` (and the project root, to show offending lines), gives
text for people, JSON for scripts, or GitHub Actions workflow commands."""

from __future__ import annotations

import json
from pathlib import Path

from generator.core.findings import Finding, Report, Severity


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


def as_github(report: Report) -> str:
    """GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`."""
    out = []
    for f in report.sorted():
        command = {"error": "error", "warning": "warning", "info": "notice"}[f.severity.value]
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
        out.append(f"::{command} {','.join(props)}::{_escape_data(message)}")
    out.append(summary(report))
    return "\n".join(out) + "\n"
