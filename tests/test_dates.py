import datetime as dt

import pytest

from generator.core.dates import DateError, parse_vn_date


@pytest.mark.parametrize("text, expected", [
    ("03/6/2013", dt.date(2013, 6, 3)),
    ("3/6/2013", dt.date(2013, 6, 3)),
    ("03-06-2013", dt.date(2013, 6, 3)),
    ("03.06.2013", dt.date(2013, 6, 3)),
    ("2013-06-03", dt.date(2013, 6, 3)),
    ("ngày 05 tháng 3 năm 2020", dt.date(2020, 3, 5)),
    ("05 tháng 3 năm 2020", dt.date(2020, 3, 5)),
])
def test_dates_as_editors_write_them(text, expected):
    assert parse_vn_date(text) == expected


@pytest.mark.parametrize("text, words", [
    ("03/6/13", "năm viết tắt"),
    ("03/6", "thiếu năm"),
    ("6/13/2024", "tháng/ngày"),
    ("31/02/2024", "không có thật"),
    ("hôm qua", "Không đọc được"),
])
def test_ambiguous_or_impossible_dates_are_refused_in_vietnamese(text, words):
    with pytest.raises(DateError) as info:
        parse_vn_date(text)
    assert words in str(info.value)
