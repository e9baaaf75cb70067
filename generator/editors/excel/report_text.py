"""An import's answer for the terminal: takes an `ImportResult`; gives its findings (each
at Sheet!Cell, with what to do) and the files written, or why none were, as Vietnamese
lines for `handbook import`.
"""

from __future__ import annotations

from generator.core.findings import Severity
from generator.editors.excel.session import ImportResult


def import_report_text(result: ImportResult) -> str:
    """The findings and the files written, as lines for the terminal (Vietnamese)."""
    lines: list[str] = []
    for f in result.findings:
        where = f.file or ""
        if f.path:
            where += f" — {f.path}"
        lines.append(f"{where}: {f.severity.label_vi} [{f.code}] {f.message}")
        if f.hint:
            lines.append(f"  Cách sửa: {f.hint}")
    errors = len(result.errors)
    warnings = sum(1 for f in result.findings if f.severity is Severity.WARNING)
    if errors and result.left_changed:
        lines.append(f"Có {errors} lỗi, {warnings} cảnh báo: việc nhập không hoàn tất và {len(result.left_changed)} tệp "
                     "đã bị thay đổi mà chưa khôi phục được (xem lỗi IMPORT-ROLLBACK-FAILED ở trên):")
        lines.extend(f"  {path}" for path in result.left_changed)
    elif errors:
        lines.append(f"Có {errors} lỗi, {warnings} cảnh báo: chưa ghi tệp nào. Sửa bảng tính rồi nhập lại.")
    else:
        for path in result.written:
            lines.append(f"Đã ghi {path}")
        lines.append(f"Đã đọc {len(result.teams)} Tổ: ghi {len(result.written)} tệp, "
                     f"{len(result.unchanged)} tệp không đổi; {warnings} cảnh báo.")
    return "\n".join(lines) + "\n"
