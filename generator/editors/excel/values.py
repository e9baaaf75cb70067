"""One cell's value for its column: takes what openpyxl read from a cell and the column's
declaration (`columns`); gives the value the schema wants — text, an id, a village, a
date, a whole number, yes or no, one option or several — or `ABSENT`, with a finding at the
cell that says what it needs and, where it can, what the official probably meant.

Forgiving where Excel or habit changed what was typed (a phone number that lost its
leading 0, a date stored as a number, an option written by its label), strict where a
guess could be wrong (legacy-encoded Vietnamese, a date that is not on the calendar).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from generator.core.dates import DateError, parse_vn_date
from generator.core.findings import Severity
from generator.core.text import LEGACY_FIX_VI, fold, legacy_encoding, nfc
from generator.editors.excel.columns import Column, describe
from generator.editors.excel.options import NO_WORDS, YES_WORDS, lookup, norm, suggest, village_options
from generator.editors.excel.session import ABSENT, Cell, ImportSession, is_empty, short, show

def parse_cell(imp: ImportSession, col: Column, value: Any, cell: Cell) -> Any:
    """The value of a cell (already screened for formulas and error values), or ABSENT: empty,
    or wrong, with a finding at `cell`."""
    if isinstance(value, str):
        value = nfc(value).strip()
    if is_empty(value):
        if col.required:
            imp.add("IMPORT-MISSING-VALUE", cell, f"Ô “{col.header}” (bắt buộc) đang để trống.",
                    f"Điền {col.header.lower()}. {describe(col)}".strip())
        return ABSENT
    if isinstance(value, str):
        encoding = legacy_encoding(value)
        if encoding:
            imp.add("IMPORT-BAD-CELL", cell,
                    f"Chữ “{short(value)}” ở cột “{col.header}” có vẻ được gõ bằng bảng mã cũ, sẽ hiển thị thành chữ lỗi.",
                    LEGACY_FIX_VI)
            return ABSENT
    return _PARSERS[col.type](imp, col, value, cell)


def _bad(imp: ImportSession, cell: Cell, col: Column, value: Any, what: str, hint: str | None = None) -> Any:
    imp.add("IMPORT-BAD-CELL", cell, f"Ô “{col.header}” cần {what}, nhưng đang ghi {show(value)}.", hint)
    return ABSENT


def _parse_text(imp: ImportSession, col: Column, value: Any, cell: Cell) -> Any:
    if isinstance(value, bool):
        return _bad(imp, cell, col, value, "một dòng chữ")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return _bad(imp, cell, col, value, "một dòng chữ",
                    "Excel đã đổi nội dung ô thành ngày tháng; định dạng ô là Văn bản (Text) rồi gõ lại.")
    return str(value).strip()


def _parse_phone(imp: ImportSession, col: Column, value: Any, cell: Cell) -> Any:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
        if len(text) == 9:
            imp.add("IMPORT-PHONE-ZERO", cell,
                    f"Số điện thoại “{text}” được Excel lưu như một con số nên mất số 0 ở đầu; đã đọc thành “0{text}”.",
                    "Định dạng cột điện thoại là Văn bản (Text) để Excel giữ số 0 ở đầu.", Severity.WARNING)
            text = "0" + text
        return text
    return _parse_text(imp, col, value, cell)


def _parse_slug(imp: ImportSession, col: Column, value: Any, cell: Cell) -> Any:
    text = _parse_text(imp, col, value, cell)
    if text is ABSENT:
        return ABSENT
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text) or len(text) > 120:
        example = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "ma-moi"
        imp.add("IMPORT-BAD-CELL", cell,
                f"Mã {show(text)} ở cột “{col.header}” không đúng dạng: mã chỉ gồm chữ thường không dấu, "
                f"chữ số và dấu gạch ngang. Có phải ý bạn là “{example}”?",
                f"Sửa thành “{example}”.")
        return ABSENT
    return text


def _parse_village(imp: ImportSession, col: Column, value: Any, cell: Cell) -> Any:
    text = _parse_text(imp, col, value, cell)
    if text is ABSENT:
        return ABSENT
    if text in imp.village_ids():
        return text
    named = lookup(text, imp.table("village"))
    if named is not None:
        return named  # chosen from the drop-down (“Thôn Đông (xã Phúc Sơn)”) or written by its name
    if text in getattr(imp.dataset, "units", {}):
        message = f"“{text}” là một đơn vị hành chính nhưng không phải thôn hay tổ dân phố; Tổ lập ở thôn, tổ dân phố."
    else:
        message = f"Không có thôn, tổ dân phố nào tên hoặc mã “{text}” trong dữ liệu (data/units/)."
    labels = dict(village_options(imp.dataset))
    close = difflib.get_close_matches(text, list(labels), n=1, cutoff=0.6)
    guess = (close[0], labels[close[0]]) if close else suggest(text, list(labels.items()))
    if guess:
        message += f" Có phải ý bạn là “{labels[guess[0]]}” (mã {guess[0]})?"
    imp.add("IMPORT-UNKNOWN-VILLAGE", cell, message,
            "Chọn thôn, tổ dân phố trong danh sách thả xuống; nếu là thôn mới, thêm thôn vào data/units/ trước rồi nhập lại.")
    return ABSENT


def _parse_date(imp: ImportSession, col: Column, value: Any, cell: Cell) -> Any:
    if isinstance(value, (dt.date, dt.datetime)) or isinstance(value, str):
        try:
            return parse_vn_date(value)
        except DateError as exc:
            imp.add("IMPORT-BAD-CELL", cell, f"Ô “{col.header}”: {exc}",
                    "Sửa lại ngày cho đúng lịch, theo dạng ngày/tháng/năm, ví dụ 03/6/2013.")
            return ABSENT
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
        from openpyxl.utils.datetime import from_excel

        return from_excel(value).date()  # an Excel date number in a cell formatted as a number
    return _bad(imp, cell, col, value, "một ngày (ngày/tháng/năm, ví dụ 03/6/2013)")


def _parse_int(imp: ImportSession, col: Column, value: Any, cell: Cell) -> Any:
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value.replace(" ", "")):
        number = int(value.replace(" ", ""))
    if number is None:
        return _bad(imp, cell, col, value, "một số nguyên", "Chỉ ghi con số, không kèm chữ hay dấu chấm, dấu phẩy.")
    if (col.minimum is not None and number < col.minimum) or (col.maximum is not None and number > col.maximum):
        imp.add("IMPORT-BAD-CELL", cell,
                f"Ô “{col.header}” phải từ {col.minimum} đến {col.maximum}, nhưng đang là {number}.",
                "Kiểm tra lại con số.")
        return ABSENT
    return number


def _parse_bool(imp: ImportSession, col: Column, value: Any, cell: Cell) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    key = norm(str(value))
    if key in YES_WORDS:
        return True
    if key in NO_WORDS:
        return False
    return _bad(imp, cell, col, value, "“có” hoặc “không”", "Chọn “có” hoặc “không” trong danh sách thả xuống.")


def _parse_choice(imp: ImportSession, col: Column, value: Any, cell: Cell) -> Any:
    options = imp.options(col.choices or "")
    text = str(value).strip()
    hit = lookup(text, imp.table(col.choices or ""))
    if hit is not None:
        return hit
    _unknown_choice(imp, col, text, options, cell)
    return ABSENT


def _unknown_choice(imp: ImportSession, col: Column, text: str, options: list[tuple[str, str]], cell: Cell) -> None:
    message = f"“{text}” không phải là giá trị hợp lệ cho cột “{col.header}”."
    guess = suggest(text, options)
    if guess:
        message += f" Có phải ý bạn là “{guess[1]}” ({guess[0]})?"
    listing = ", ".join(f"{label} ({value})" for value, label in options)
    hint = ("Ghi mã, nhiều mã ngăn cách bằng dấu phẩy. Các mã: " if col.type == "choices" else "Chọn một trong: ") + listing + "."
    imp.add("IMPORT-BAD-CELL", cell, message, hint)


def _parse_choices(imp: ImportSession, col: Column, value: Any, cell: Cell) -> Any:
    options = imp.options(col.choices or "")
    tokens = [t.strip() for t in re.split(r"[,;\n]", str(value))]
    tokens = [t for t in tokens if t]
    out: list[str] = []
    i = 0
    ok = True
    while i < len(tokens):
        # a label with a comma inside ("Trưởng thôn, tổ trưởng tổ dân phố") first: its first
        # half alone may read as another option ("Trưởng thôn" as truong_thon)
        table = imp.table(col.choices or "")
        hit = lookup(tokens[i] + ", " + tokens[i + 1], table) if i + 1 < len(tokens) else None
        if hit is not None:
            i += 1
        else:
            hit = lookup(tokens[i], table)
        if hit is None:
            _unknown_choice(imp, col, tokens[i], options, cell)
            ok = False
        elif hit not in out:
            out.append(hit)
        i += 1
    return out if ok else ABSENT


# The parser of each column type (`Column.type`).
_PARSERS = {
    "text": _parse_text, "groups": _parse_text, "phone": _parse_phone, "slug": _parse_slug, "team": _parse_slug,
    "village": _parse_village, "date": _parse_date, "int": _parse_int, "bool": _parse_bool,
    "choice": _parse_choice, "grade": _parse_choice, "choices": _parse_choices,
}
