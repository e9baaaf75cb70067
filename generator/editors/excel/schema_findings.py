"""Schema errors of a merged team → findings at the workbook cells: takes pydantic's errors
on the data an import would write and the cell each key path came from (`records`); gives
Vietnamese findings at Sheet!Cell, or, for an error in data the workbook did not carry,
one that sends the official to the existing file.

The workbook's own checks (`values`, `records`) catch most mistakes first; this is the
schema's last word on what they cannot see (a rule of the model across fields), so no
error reaches the files unreported.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from generator.core.text import fold
from generator.editors.excel.columns import describe_header
from generator.editors.excel.session import Cell, ImportSession, Row, show
from generator.load.yamlload import format_path
from generator.model.validation import _data_path
from generator.schema.team import Team
from generator.schema.introspect import field_at


def report_schema_errors(imp: ImportSession, exc: ValidationError, data: dict, prov: dict[tuple, Cell], team_row: Row,
                         display: str, has_existing: bool) -> None:
    """One finding per cell and kind of error, at the cell the failing value came from (or
    its nearest ancestor's cell; the team's row when none); errors in data the workbook did
    not carry point at the existing file instead. `display`: that file, as messages name it."""
    seen: set[tuple] = set()
    for error in exc.errors(include_url=False):
        path, node, owner = _data_path(error["loc"], data, Team)
        exact = path in prov
        probe = path
        while probe and probe not in prov:
            probe = probe[:-1]
        cell = prov.get(probe, team_row.cells["id"])
        if (cell.sheet, cell.row, cell.column) in imp.bad:
            continue  # this cell has its own finding already
        if (cell.sheet, cell.row, cell.column, error["type"]) in seen:
            continue
        seen.add((cell.sheet, cell.row, cell.column, error["type"]))
        field_name = next((p for p in reversed(path) if isinstance(p, str)), "")
        etype = error["type"]
        ctx = error.get("ctx") or {}
        header = cell.header or field_name
        if not exact and has_existing and etype != "missing":
            imp.add("IMPORT-EXISTING-INVALID", cell,
                    f"Sau khi gộp với tệp {display}, dữ liệu ở “{format_path(path)}” không hợp lệ: {error.get('msg')}.",
                    f"Chạy handbook check và sửa tệp {display} trước, rồi nhập lại.")
            continue
        if etype == "missing":
            imp.add("IMPORT-MISSING-VALUE", cell, f"Thiếu giá trị bắt buộc “{header}”.",
                    "Điền ô này. " + (spec.description if owner and (spec := field_at(owner, field_name)) else ""))
        elif etype == "string_pattern_mismatch":
            example = re.sub(r"[^a-z0-9]+", "-", fold(str(node))).strip("-") or "ma-moi"
            imp.add("IMPORT-BAD-CELL", cell,
                    f"Mã {show(node)} ở cột “{header}” không đúng dạng: mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.",
                    f"Ví dụ: “{example}”.")
        elif etype in ("too_short", "string_too_short"):
            imp.add("IMPORT-MISSING-VALUE", cell, f"Ô “{header}” không được để trống.", "Điền ô này.")
        elif etype in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
            bound = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
            relation = {"greater_than_equal": "ít nhất", "greater_than": "lớn hơn", "less_than_equal": "nhiều nhất",
                        "less_than": "nhỏ hơn"}[etype]
            imp.add("IMPORT-BAD-CELL", cell, f"Ô “{header}” phải {relation} {bound}, nhưng đang là {show(node)}.",
                    "Kiểm tra lại con số.")
        else:
            message = str(error.get("msg", "")).removeprefix("Value error, ")
            imp.add("IMPORT-BAD-CELL", cell, f"Giá trị {show(node)} ở cột “{header}” không hợp lệ: {message}.",
                    describe_header(cell.sheet, cell.header))
