"""Did you mean: takes what an editor typed and the values that were possible; gives the one
most likely meant."""

from __future__ import annotations

import difflib
import re

from generator.core.text import fold


def suggest(value: str, options: list[str] | set[str]) -> str | None:
    """The option an editor most likely meant: first the one spelt the same without
    diacritics, capitals, spaces or hyphens ("Tốt" for tot, "tổ trưởng" for to_truong), then
    the closest spelling."""
    key = code_key(value)
    same = [option for option in sorted(options) if code_key(option) == key]
    if same:
        return same[0]
    guess = difflib.get_close_matches(value, sorted(options), n=1, cutoff=0.6)
    return guess[0] if guess else None


def code_key(value: str) -> str:
    return re.sub(r"[\s_\-]+", "_", fold(str(value)).strip())
