"""Dates as editors write them: takes a string (or a YAML date), gives a `datetime.date`
or raises `DateError` with a Vietnamese message.

Accepted: 03/6/2013, 3/6/2013, 03-06-2013, 03.06.2013, 2013-06-03 (ISO), and
"ngày 05 tháng 3 năm 2020". Refused as ambiguous: two-digit years (03/6/13), missing
years (03/6), and anything that is not day-month-year.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

_DMY = re.compile(r"^\s*(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d+)\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_WORDS = re.compile(r"^\s*(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*$", re.IGNORECASE)
_DAY_MONTH = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*$")

DATE_FORMAT_HINT = "Viết ngày theo dạng ngày/tháng/năm với năm đủ 4 chữ số, ví dụ 03/6/2013."


class DateError(ValueError):
    pass


def parse_vn_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise DateError(f"“{value}” không phải là ngày. {DATE_FORMAT_HINT}")
    return _parse_text(value)


@functools.lru_cache(maxsize=1 << 16)  # a province's files repeat the same few thousand dates
def _parse_text(value: str) -> dt.date:
    text = value.strip()
    if m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
        return _make(year, month, day, text)
    if m := _WORDS.match(text):
        day, month, year = (int(g) for g in m.groups())
        return _make(year, month, day, text)
    if m := _DMY.match(text):
        day, month, year_text = int(m.group(1)), int(m.group(3)), m.group(4)
        if len(year_text) != 4:
            raise DateError(
                f"Ngày “{text}” có năm viết tắt “{year_text}”, không rõ là năm nào. {DATE_FORMAT_HINT}"
            )
        if month > 12 and day <= 12:
            raise DateError(
                f"Ngày “{text}” có tháng {month} — có lẽ đã viết theo kiểu tháng/ngày. "
                f"Hãy viết ngày trước, tháng sau: {month:02d}/{day}/{year_text}."
            )
        return _make(int(year_text), month, day, text)
    if _DAY_MONTH.match(text):
        raise DateError(f"Ngày “{text}” thiếu năm. {DATE_FORMAT_HINT}")
    raise DateError(f"Không đọc được ngày “{text}”. {DATE_FORMAT_HINT}")


def _make(year: int, month: int, day: int, text: str) -> dt.date:
    if not 1900 <= year <= 2100:
        raise DateError(f"Năm {year} trong ngày “{text}” nằm ngoài khoảng hợp lý (1900–2100).")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"Ngày “{text}” không có thật trên lịch (ngày {day}, tháng {month}, năm {year}).") from None


def format_vn_date(value: dt.date) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year}"
