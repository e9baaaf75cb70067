"""Document citations in running text: takes text and the registry, gives the mentions of
document numbers ("Nghị quyết số 25-NQ/TW", "Chỉ thị số 33/CT-TTg ngày 26/11/2021") and
which registry entry each one means (number plus, when given, the date)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable

from generator.core.text import nfc

_KINDS = r"(?:NQ|KL|QĐ|QĐi|CT|HD|HDLB|TB|CTr|KH|ĐA|QC|BC|CV|TTr|NĐ|TT|QH\d*)"
# 25-NQ/TW · 02-HD/BDVTU · 121-CV/ĐU · 33/CT-TTg · 30/2020/NĐ-CP · 01/HDLB-TC-DV · 91/2025/QH15
NUMBER = re.compile(
    r"(?<![\w/.-])(\d{1,4}(?:/\d{4})?\s?[-/]\s?" + _KINDS + r"(?:[-/][A-ZĐ0-9][A-Za-zĐđ0-9&]*)*)(?![\w-])"
)
_DATE_AFTER = re.compile(r"^\s*,?\s*ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")


def normalise_number(number: str) -> str:
    return re.sub(r"\s+", "", nfc(number))


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    number: str
    date: dt.date | None


def find_mentions(text: str) -> list[Mention]:
    mentions = []
    for match in NUMBER.finditer(text):
        date = None
        if m := _DATE_AFTER.match(text[match.end():match.end() + 40]):
            try:
                date = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                date = None
        mentions.append(Mention(match.start(1), match.end(1), normalise_number(match.group(1)), date))
    return mentions


class Registry:
    """Resolves a mention to a document id: number plus date when two documents share a number."""

    def __init__(self, documents: Iterable):
        self.by_number: dict[str, list] = {}
        for doc in documents:
            if doc.number:
                self.by_number.setdefault(normalise_number(doc.number), []).append(doc)

    def resolve(self, mention: Mention) -> str | None:
        candidates = self.by_number.get(mention.number, [])
        if not candidates:
            return None
        if len(candidates) > 1 and mention.date:
            for doc in candidates:
                if doc.date == mention.date:
                    return doc.id
        return candidates[0].id
