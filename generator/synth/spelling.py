"""Spellings: takes Vietnamese text or a date, gives the id slug of the text ("Đồng Tâm" →
"dong-tam") or the date as running text writes it (13/4/2024). Data fields write dates as
dd/mm/yyyy: that is generator.core.dates.format_vn_date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata


def slugify(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def vn(d: dt.date) -> str:
    """A date in running text (captions): 13/4/2024, without leading zeros."""
    return f"{d.day}/{d.month}/{d.year}"
