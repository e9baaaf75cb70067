"""What `handbook codes` prints: takes the merged finding-code catalogue, gives it as text for a
reader (by stage, one code a line) or as JSON for programs."""

from __future__ import annotations

import json

from generator.core.codes import STAGES, Code
from generator.core.findings import Severity


def as_text(codes: dict[str, Code]) -> str:
    lines: list[str] = []
    for stage, label in STAGES.items():
        rows = [c for c in codes.values() if c.stage == stage]
        if not rows:
            continue
        if lines:
            lines.append("")
        lines.append(f"{label} ({stage})")
        lines.extend(f"  {c.code:<30} {c.severity.label_vi:<9} {c.title}" for c in rows)
    counts = {s: sum(1 for c in codes.values() if c.severity is s) for s in Severity}
    lines.append("")
    lines.append(f"{len(codes)} mã: {counts[Severity.ERROR]} lỗi, {counts[Severity.WARNING]} cảnh báo, "
                 f"{counts[Severity.INFO]} ghi chú (mức độ mặc định).")
    lines.append("Căn cứ của từng quy tắc: handbook rules. Đổi mức độ của quy tắc trong data/config.yml, khóa rules.")
    return "\n".join(lines) + "\n"


def as_json(codes: dict[str, Code]) -> str:
    return json.dumps([
        {"code": c.code, "severity": c.severity.value, "title": c.title, "stage": c.stage, "clause": c.clause}
        for c in codes.values()
    ], ensure_ascii=False, indent=2) + "\n"
