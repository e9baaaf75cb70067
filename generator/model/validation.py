"""Schema validation: takes a loaded file and its kind, gives a model instance (or None) and
located Vietnamese findings translated from pydantic's errors, with "did you mean" hints."""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.load import grouped_numbers
from generator.core.findings import Finding, Severity
from generator.load.yamlload import LoadedFile, format_path

_TYPE_VI = {
    "string_type": "một chuỗi chữ",
    "int_type": "một số nguyên",
    "int_parsing": "một số nguyên",
    "int_from_float": "một số nguyên",
    "float_type": "một con số",
    "float_parsing": "một con số",
    "bool_type": "true hoặc false",
    "bool_parsing": "true hoặc false",
    "list_type": "một danh sách (mỗi mục bắt đầu bằng “- ”)",
    "dict_type": "một bảng các khóa",
    "model_type": "một bảng các khóa",
    "model_attributes_type": "một bảng các khóa",
    "date_type": "một ngày",
}


DATE_HINT = "Viết ngày theo dạng ngày/tháng/năm, năm đủ 4 chữ số, ví dụ 03/6/2013."
DATE_HINT_CALENDAR = ("Kiểm tra lại ngày trong văn bản gốc: tháng từ 1 đến 12, ngày không quá số ngày của tháng "
                      "(tháng 2 có 28 hoặc 29 ngày); viết ngày trước, tháng sau, ví dụ 03/6/2013.")
_TYPE_HINT = {
    "string_type": "Viết một dòng chữ; nếu đang là danh sách hay bảng, chỉ giữ một giá trị.",
    "int_type": "Viết một số nguyên chỉ gồm chữ số, ví dụ 42.",
    "int_parsing": "Viết một số nguyên chỉ gồm chữ số, ví dụ 42 (không kèm chữ hay đơn vị).",
    "int_from_float": "Viết một số nguyên, không có phần thập phân.",
    "float_type": "Viết một con số, phần thập phân sau dấu chấm, ví dụ 2.5.",
    "float_parsing": "Viết một con số, phần thập phân sau dấu chấm, ví dụ 2.5 (không kèm chữ hay đơn vị).",
    "bool_type": "Viết true (có) hoặc false (không).",
    "bool_parsing": "Viết true (có) hoặc false (không).",
    "list_type": "Viết mỗi mục trên một dòng bắt đầu bằng “- ”, thụt lề dưới tên khóa, hoặc trong ngoặc vuông: [a, b].",
    "dict_type": "Viết các khóa con ở các dòng dưới, thụt lề vào 2 dấu cách so với tên khóa.",
    "model_type": "Viết các khóa con ở các dòng dưới, thụt lề vào 2 dấu cách so với tên khóa.",
    "model_attributes_type": "Viết các khóa con ở các dòng dưới, thụt lề vào 2 dấu cách so với tên khóa.",
    "date_type": DATE_HINT,
}


def validate_record(model: type[BaseModel], data: Any, loaded: LoadedFile, base: tuple = (), kind_label: str = "") -> tuple[BaseModel | None, list[Finding]]:
    grouped = _grouped_numbers(model, data, loaded, base) if loaded.grouped else []
    try:
        obj = model.model_validate(data)
        # A misread number must not reach the rules (they would judge 1 household, not 1000).
        return (None, grouped) if grouped else (obj, [])
    except ValidationError as exc:
        flagged = {f.path for f in grouped}
        return None, grouped + [f for f in translate_errors(exc, model, data, loaded, base, kind_label) if f.path not in flagged]


def _grouped_numbers(model: type[BaseModel], data: Any, loaded: LoadedFile, base: tuple) -> list[Finding]:
    """`1.068` (read as a float) where a whole number is expected: refused, even when pydantic
    would take it (`1.000` becomes 1)."""
    findings = []
    for path, text in loaded.grouped.items():
        sub = path[len(base):] if path[:len(base)] == base else None
        if sub is None:
            continue
        if grouped_numbers.is_whole_number_field(grouped_numbers.annotation_at(model, sub)) or grouped_numbers.counted(model, data, sub):
            line, col = loaded.locate(path, prefer_key=False)
            label = _title(grouped_numbers.owner_at(model, sub), str(sub[-1])) if isinstance(sub[-1], str) else "Số"
            findings.append(grouped_numbers.finding(text, loaded.path, line, col, format_path(path), label))
    return findings


def translate_errors(exc: ValidationError, model: type[BaseModel], data: Any, loaded: LoadedFile, base: tuple, kind_label: str) -> list[Finding]:
    findings: list[Finding] = []
    seen_paths: set[tuple] = set()
    for error in exc.errors(include_url=False):
        path, node, parent_model = _data_path(error["loc"], data, model)
        full = base + path
        if full in seen_paths:
            continue  # unions report one error per branch; the first says enough
        seen_paths.add(full)
        findings.append(_finding(error, full, node, parent_model, loaded, kind_label))
    return findings


def _data_path(loc: tuple, data: Any, model: type[BaseModel]) -> tuple[tuple, Any, type[BaseModel] | None]:
    """Keep only the parts of pydantic's location that name keys or indexes of the data."""
    path: list = []
    node = data
    current_model: type[BaseModel] | None = model
    owner: type[BaseModel] | None = model
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            owner = current_model
            current_model = _field_model(current_model, part)
            node = node[part]
            path.append(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
        elif isinstance(node, dict) and isinstance(part, str) and current_model and part in current_model.model_fields:
            owner = current_model  # a missing key: the path names it, the node is absent
            path.append(part)
            node = None
            break
    return tuple(path), node, owner


def _field_model(model: type[BaseModel] | None, name: str) -> type[BaseModel] | None:
    if model is None or name not in model.model_fields:
        return None
    annotation = model.model_fields[name].annotation
    for candidate in _walk_types(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _walk_types(annotation: Any):
    yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _walk_types(arg)


def _title(model: type[BaseModel] | None, name: str) -> str:
    if model and name in model.model_fields and model.model_fields[name].title:
        return f"“{name}” ({model.model_fields[name].title})"
    return f"“{name}”"


def _show(value: Any) -> str:
    if value is None:
        return "để trống"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return "một bảng" if isinstance(value, dict) else "một danh sách"
    text = str(value)
    return f"“{text if len(text) <= 40 else text[:39] + '…'}”"


def _finding(error: dict, path: tuple, node: Any, owner: type[BaseModel] | None, loaded: LoadedFile, kind_label: str) -> Finding:
    etype = error["type"]
    ctx = error.get("ctx") or {}
    field = next((part for part in reversed(path) if isinstance(part, str)), None)
    where = format_path(path)
    hint = None
    if etype == "missing":
        code = "SCHEMA-MISSING-KEY"
        line, col = loaded.locate(path[:-1], prefer_key=True)
        message = f"Thiếu khóa bắt buộc {_title(owner, field or '?')}."
        description = owner.model_fields[field].description if owner and field in owner.model_fields else None
        hint = f"Thêm dòng “{field}: …”. {description or ''}".strip()
    elif etype == "extra_forbidden":
        code = "SCHEMA-UNKNOWN-KEY"
        line, col = loaded.locate(path, prefer_key=True)
        known = list(owner.model_fields) if owner else []
        guess = difflib.get_close_matches(str(field), known, n=1, cutoff=0.6)
        message = f"Khóa “{field}” không có trong mẫu {kind_label or 'này'}."
        if guess:
            message += f" Có phải ý bạn là “{guess[0]}”?"
            hint = f"Đổi “{field}” thành “{guess[0]}”."
        else:
            hint = "Các khóa được phép ở đây: " + ", ".join(known) + "."
    elif etype in ("literal_error", "enum"):
        code = "SCHEMA-INVALID-VALUE"
        line, col = loaded.locate(path, prefer_key=False)
        expected = ctx.get("expected", "")
        options = re.findall(r"'([^']*)'", expected)
        message = f"Giá trị {_show(node)} không hợp lệ cho {_title(owner, field or '?')}."
        same = [o for o in options if code_key(o) == code_key(str(node))]
        guess = same or (difflib.get_close_matches(str(node), options, n=1, cutoff=0.5) if options else [])
        if guess:
            message += f" Có phải ý bạn là “{guess[0]}”?"
        hint = ("Viết đúng mã, không dấu: " if same else "Chọn một trong: ") + ", ".join(options) + "." if options else (
            "Xem các giá trị được phép trong README (mục “File kinds”) hoặc gợi ý của trình soạn thảo.")
    elif etype == "string_pattern_mismatch" and "a-z0-9" in str(ctx.get("pattern", "")):
        code = "SCHEMA-BAD-ID"
        line, col = loaded.locate(path, prefer_key=False)
        message = f"Mã {_show(node)} không đúng dạng: mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang."
        hint = f"Ví dụ: “{_slug(str(node))}”."
    elif etype == "value_error" or etype == "assertion_error":
        text = str(error.get("msg", "")).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        is_date = owner is not None and field in (owner.model_fields if owner else {}) and "date" in str(owner.model_fields[field].annotation).lower()
        code = "SCHEMA-BAD-DATE" if is_date else "SCHEMA-INVALID"
        line, col = loaded.locate(path, prefer_key=False)
        message = text or "Giá trị không hợp lệ."
        if not message.endswith("."):
            message += "."
        hint = DATE_HINT_CALENDAR if is_date and "trên lịch" in message else DATE_HINT if is_date else (
            "Sửa giá trị cho khớp với điều kiện nêu trong thông báo; ý nghĩa từng khóa có trong README (mục “File kinds”) "
            "và trong gợi ý của trình soạn thảo.")
    elif etype in ("int_parsing", "float_parsing", "int_from_float") and grouped_numbers.looks_grouped(
            loaded.grouped.get(path, node if isinstance(node, str) else None)):
        line, col = loaded.locate(path, prefer_key=False)
        return grouped_numbers.finding(loaded.grouped.get(path, node), loaded.path, line, col, where or None,
                                       _title(owner, field or "?"))
    elif etype in _TYPE_VI and not path:
        code = "SCHEMA-WRONG-TYPE"
        line, col = 1, 1
        message = f"Cả tệp phải là {_TYPE_VI[etype]}, nhưng đang là {_show(node)}."
        hint = "Xem ví dụ của loại tệp này trong README."
    elif etype in _TYPE_VI:
        code = "SCHEMA-WRONG-TYPE"
        line, col = loaded.locate(path, prefer_key=False)
        message = f"{_title(owner, field or where or '?')} phải là {_TYPE_VI[etype]}, nhưng đang là {_show(node)}."
        hint = _TYPE_HINT.get(etype)
        if etype in ("dict_type", "model_type") and isinstance(node, str):
            hint = "Có thể thiếu dấu cách sau dấu hai chấm, hoặc các khóa con chưa được thụt lề vào trong."
    elif etype in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        code = "SCHEMA-OUT-OF-RANGE"
        line, col = loaded.locate(path, prefer_key=False)
        bound = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
        relation = {"greater_than_equal": "ít nhất", "greater_than": "lớn hơn", "less_than_equal": "nhiều nhất", "less_than": "nhỏ hơn"}[etype]
        message = f"{_title(owner, field or '?')} phải {relation} {bound}, nhưng đang là {_show(node)}."
        hint = f"Ghi một số {relation} {bound}; kiểm tra lại con số trong sổ sách hoặc văn bản gốc."
    elif etype in ("too_short", "string_too_short"):
        code = "SCHEMA-EMPTY"
        line, col = loaded.locate(path, prefer_key=False)
        minimum = ctx.get("min_length", 1)
        message = f"{_title(owner, field or '?')} không được để trống" + (f" (cần ít nhất {minimum} mục)." if etype == "too_short" else ".")
        hint = (f"Thêm ít nhất {minimum} mục, mỗi mục một dòng bắt đầu bằng “- ”." if etype == "too_short"
                else "Điền nội dung cho khóa này, hoặc xóa cả dòng nếu khóa không bắt buộc.")
    elif etype == "datetime_from_date_parsing" or etype.startswith("date"):
        code = "SCHEMA-BAD-DATE"
        line, col = loaded.locate(path, prefer_key=False)
        message = f"Không đọc được ngày {_show(node)}."
        hint = DATE_HINT
    else:
        code = "SCHEMA-INVALID"
        line, col = loaded.locate(path, prefer_key=False)
        # pydantic's own wording is English: only what is wrong and where is kept.
        message = f"Giá trị {_show(node)} không hợp lệ cho {_title(owner, field or where or '?')}."
        description = owner.model_fields[field].description if owner and field in owner.model_fields else None
        hint = (f"Khóa này ghi: {description}" if description else "Xem mô tả khóa này trong README (mục “File kinds”).")
    return Finding(code, Severity.ERROR, message, file=loaded.path, line=line, column=col, path=where or None, hint=hint)


def code_key(value: str) -> str:
    from generator.core.suggest import code_key as key

    return key(value)


def _slug(text: str) -> str:
    from generator.core.text import fold

    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "ma-moi"
