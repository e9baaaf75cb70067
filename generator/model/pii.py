"""The personal-data screen: takes text (and, to know whose names are private, a dataset);
gives the spans in it that look like personal data, and the text with them masked.

What it finds:
- Vietnamese phone numbers: mobiles (0 and 3, 5, 7, 8 or 9, ten digits) and landlines (02…,
  eleven digits), written together or in groups with spaces, dots or dashes, with a 0, a
  +84 / (+84) / 84 prefix, or an area code in brackets. A number someone records as their
  office phone (`office_phone`, public by design) is not personal.
- ID numbers: nine (CMND) or twelve (CCCD) digits written together; a twelve-digit one only
  when it starts with a province code (001–096). Digits grouped with dots or spaces are a
  figure (“120.000.000 đồng”), not an ID, unless a word such as CCCD or CMND stands just
  before them. Years, dates, document numbers (“121-CV/BDVTU”) and amounts followed by a
  currency or unit word are never IDs.
- Neither is found inside a machine identifier: a run of lower-case hexadecimal (a content
  hash in a photo's file name, a build id), twelve characters or more with a letter a–f in
  it, holds digit runs by chance.
- E-mail addresses, except office addresses recorded in the data (`office_email`).
- The full name (family, middle and given names as recorded; case-insensitive, on word
  boundaries) of a person whose record says `consent_to_publish: false` — unless another
  person of the same name consents (the name is public through them), or the name is also
  the name of a unit, agency, document or other public name by design (“phường Trần Phú”).
- Religion or ethnicity in the same sentence as the full name of a person in the data (who
  consents to their name: the name of one who does not is found anyway). The religion or
  ethnicity of a named person is never public (README, Personal data); the name is the
  span, because the sentence without it says nothing about anyone. Party membership is not
  screened: “Bí thư chi bộ”, a public role, implies it, and such sentences are everywhere.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from generator.core.phrases import PhraseMatcher, is_word, lower

MASK = "[đã\u00a0ẩn]"  # a no-break space: the mark never splits across lines

PHONE, ID_NUMBER, EMAIL, NAME, SENSITIVE, INTERNAL = "phone", "id", "email", "name", "sensitive", "internal"


@dataclass(frozen=True)
class Hit:
    kind: str  # PHONE, ID_NUMBER, EMAIL, NAME, SENSITIVE or INTERNAL
    start: int
    end: int
    person: str | None = None  # the person whose name it is (NAME, SENSITIVE)


# ------------------------------------------------------------------------------ phones

# A run of digits with single spaces, dots or dashes between them, that may begin a phone
# number: at a 0 or 84 that no digit precedes, or just after the bracket of an area code or
# of (+84); at least seven digits, so that the many short numbers of a page never reach the
# Python code below. Every alternative opens with a character, so the engine skips in C to
# the next place one of them stands (a pattern opening with a look-behind would be tried at
# every position of every page). What precedes a run is looked at in Python.
_DIGIT_RUN = re.compile(r"(?:0(?<!\d0)(?:[ .\-]?\d){6,}|84(?<!\d84)(?:[ .\-]?\d){5,}|\)[ .\-]?\d(?:[ .\-]?\d){6,})")
_PREFIX_BEFORE = re.compile(r"(?:\(\s?\+?84\s?\)[ .-]?|\+\s?84[ .-]?|\(0\d{2,3}\)[ .-]?)$")
_GROUP = re.compile(r"\d+")
_NATIONAL = re.compile(r"0[35789]\d{8}|02\d{9}")
_MAX_GROUPS = 5  # "+84 912 34 56 78"; a longer run of numbers is a list or a drawing


def _starts_clear(text: str, start: int) -> bool:
    """Not the continuation of a number ("1.2345…", "12/345…", "+…")."""
    if start == 0:
        return True
    before = text[start - 1]
    if before.isdigit() or before in "+.,":
        return False
    return not (before in "/-" and start > 1 and text[start - 2].isdigit())


_HEX_TOKEN = re.compile(r"[0-9a-f]{12,}")
_WORD_CHAR = re.compile(r"[0-9A-Za-z]")


def _in_hex_token(text: str, start: int, end: int) -> bool:
    """The digits text[start:end] lie inside a lower-case hexadecimal token (a hash): their
    maximal run of ASCII letters and digits is twelve or more of 0-9a-f with a letter in it.
    "cccd…" is an ID word written against its number, not a hash."""
    first, last = start, end
    while first > 0 and _WORD_CHAR.match(text, first - 1):
        first -= 1
    while last < len(text) and _WORD_CHAR.match(text, last):
        last += 1
    token = text[first:last]
    return (_HEX_TOKEN.fullmatch(token) is not None and not token.isdigit()
            and not token.startswith("cccd"))


def _phone_in(text: str, groups: list[re.Match], prefix: str) -> tuple[int, int] | None:
    """The first and last group (indices) of the phone number the run holds, or None. A
    number starts at the run's first group or after a space, and ends at its last group or
    before a space: inside "1.258.028.51.068" there is no phone, in "ngày 5 0912 345 678"
    there is one."""
    last = len(groups) - 1
    for i in range(len(groups)):
        if i and text[groups[i].start() - 1] != " ":
            continue
        first = groups[i].group()
        if not ((i == 0 and prefix) or first.startswith("84") or (first[0] == "0" and len(first) >= 3)):
            continue  # a phone starts with its 0 and area or network code, or with 84
        for j in range(min(last, i + _MAX_GROUPS - 1), i - 1, -1):
            if j < last and text[groups[j].end()] != " ":
                continue
            if _valid_phone([g.group() for g in groups[i:j + 1]], prefix if i == 0 else ""):
                return i, j
    return None


def _valid_phone(parts: list[str], prefix: str) -> bool:
    if any(len(p) < 2 for p in parts[1:]):
        return False
    joined = "".join(parts)
    code = re.sub(r"\D", "", prefix)
    if code == "84":
        number = "0" + joined
    elif code:  # an area code in brackets: "(0204) 3854 123"
        number = code + joined
    elif parts[0] == "84" or (len(parts) == 1 and joined.startswith("84") and len(joined) in (11, 12)):
        number = "0" + joined[2:]
    else:
        if not joined.startswith("0") or (len(parts) > 1 and len(parts[0]) < 3):
            return False  # "05.09.2024": a date, not a number starting with its area code
        number = joined
    return bool(_NATIONAL.fullmatch(number))


def national_digits(phone: str) -> str:
    """A phone number as ten or eleven digits starting with 0 ("+84 912…" -> "0912…")."""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits


def find_phones(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, the number as national digits) of each phone number."""
    for run in _DIGIT_RUN.finditer(text):
        start = run.start() if text[run.start()] != ")" else _GROUP.search(text, run.start()).start()
        before = _PREFIX_BEFORE.search(text, max(0, start - 12), start)
        if before is not None:
            prefix, start = before.group(), before.start()
        elif start and text[start - 1] == "+" and text.startswith("84", start):
            prefix, start = "", start - 1  # "+84912345678": the 84 is the run's first digits
        else:
            prefix = ""
        if not _starts_clear(text, start):
            continue
        groups = list(_GROUP.finditer(text, run.start(), run.end()))
        while groups:
            found = _phone_in(text, groups, prefix)
            if found is None:
                break
            i, j = found
            first = start if i == 0 else groups[i].start()
            if _in_hex_token(text, first, groups[j].end()):
                break
            yield first, groups[j].end(), national_digits(text[first:groups[j].end()])
            groups, prefix = groups[j + 1:], ""
            if groups:
                start = groups[0].start()


# ------------------------------------------------------------------------------ ID numbers

_LONG_DIGITS = re.compile(r"\d{9,}")
_ID_AFTER_WORD = re.compile(
    r"[^\d\n]{0,25}?(?<![\d+])(\d{3}[ .]\d{3}[ .]\d{3}(?:[ .]\d{3})?)(?!\d)(?![.,/-]\d)")
_ID_WORDS = ("cccd", "cmnd", "cmt", "căn cước", "chứng minh", "định danh", "đdcn")  # in lower case
# A figure, not an ID: a currency or a unit of measure follows it.
_AMOUNT_AFTER = re.compile(
    r"\s*(?:đồng|đ|vnđ|vnd|triệu|tỷ|usd|m2|m²|m3|ha|kg|km|tấn|lượt|người|hộ|cây|con)(?!\w)", re.IGNORECASE)


def find_id_numbers(text: str, lowered: str | None = None) -> Iterator[tuple[int, int]]:
    for m in _LONG_DIGITS.finditer(text):
        digits, end = m.group(), m.end()
        if len(digits) not in (9, 12) or not _starts_clear(text, m.start()):
            continue
        if end < len(text) and text[end] in ".,/-" and end + 1 < len(text) and text[end + 1].isdigit():
            continue  # "123456789.5": a figure
        if _AMOUNT_AFTER.match(text, end):
            continue
        if len(digits) == 12 and not (digits[0] == "0" and 1 <= int(digits[:3]) <= 96):
            continue
        if _in_hex_token(text, m.start(), end):
            continue
        yield m.start(), end
    lowered = lowered if lowered is not None else lower(text)
    for word in _ID_WORDS:  # grouped digits count only after one of these words
        at = lowered.find(word)
        while at >= 0:
            m = _ID_AFTER_WORD.match(text, at + len(word))
            if m:
                yield m.start(1), m.end(1)
            at = lowered.find(word, at + len(word))


# ------------------------------------------------------------------------------ e-mail

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w-])"
)


def find_emails(text: str) -> Iterator[tuple[int, int]]:
    """Each e-mail address, looked for around each "@" only (the pattern opens with a
    look-behind, which would be tried at every position of a long text)."""
    at, end = text.find("@"), 0
    while at >= 0:
        m = _EMAIL.search(text, max(end, at - 256), at + 256)
        if m is not None and m.start() < at < m.end():
            yield m.start(), m.end()
            end = m.end()
        at = text.find("@", max(at + 1, end))


# ------------------------------------------------------------------------------ sensitive words

_ETHNIC_GROUPS = (
    "kinh|tày|thái|mường|khmer|khơ me|hoa|nùng|mông|h'mông|hmông|dao|gia rai|ê đê|ba na|sán chay|sán dìu|chăm|"
    "cơ ho|xơ đăng|hrê|ra glai|mnông|thổ|xtiêng|stiêng|khơ mú|bru|vân kiều|cơ tu|giáy|tà ôi|mạ|giẻ triêng|co|"
    "chơ ro|xinh mun|hà nhì|chu ru|lào|la chí|kháng|phù lá|la hủ|la ha|pà thẻn|lự|ngái|chứt|lô lô|mảng|cơ lao|"
    "bố y|cống|si la|pu péo|rơ măm|brâu|ơ đu|thiểu số"
)
# Matched in lower case; word boundaries are checked in Python (a pattern opening with a
# look-behind is tried at every position of the text).
SENSITIVE_WORDS = re.compile(
    r"công giáo|thiên chúa giáo|phật giáo|phật tử|tin lành|cao đài|ho[àa] hảo|hồi giáo|"
    r"theo đạo|có đạo|giáo dân|tín đồ|đạo (?:thiên chúa|phật|tin lành|cao đài|ho[àa] hảo|hồi)|"
    rf"(?:người|đồng bào|là) (?:dân tộc )?(?:{_ETHNIC_GROUPS})(?!\w)|dân tộc (?:{_ETHNIC_GROUPS})(?!\w)"
)


def sensitive_words(lowered: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where religion or ethnicity is named in a text (given in lower case), between start and end."""
    end = len(lowered) if end is None else end
    return [m.start() for m in SENSITIVE_WORDS.finditer(lowered, start, end)
            if not (m.start() and is_word(lowered[m.start() - 1])) and not (m.end() < len(lowered) and is_word(lowered[m.end()]))]


_SENTENCE_END = re.compile(r"[.!?;\n]")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(mark, 0, start) for mark in ".!?;\n") + 1
    right = _SENTENCE_END.search(text, end)
    return left, right.start() if right else len(text)


# ------------------------------------------------------------------------------ the screen


class Screen:
    """The patterns plus what the data says: whose names are private, which phones and
    e-mails are public office contacts. `Screen()` alone finds phones, IDs and e-mails."""

    def __init__(self, private_names: dict[str, str] | None = None, known_names: dict[str, str] | None = None,
                 public_phones: Iterable[str] = (), public_emails: Iterable[str] = (), sensitive: bool = True,
                 compiled: bool = False):
        self.private_names = dict(private_names or {})  # phrase key -> person id
        self.known_names = dict(known_names or {})  # consenting people's names -> person id
        self.public_phones = frozenset(national_digits(p) for p in public_phones)
        self.public_emails = frozenset(e.strip().lower() for e in public_emails)
        # Without `sensitive`, the names of people who consent only keep their own names
        # from being read as a shorter private one ("Bùi Thị Bích" in "Bùi Thị Bích Quyên").
        self.sensitive = sensitive
        # One matcher for both kinds of name: they share their first words (family names),
        # and the longest name found is the one that counts.
        named = {key: (NAME, pid) for key, pid in self.private_names.items()}
        if sensitive:
            named = {**{key: (SENSITIVE, pid) for key, pid in self.known_names.items()}, **named}
        self._names = PhraseMatcher(named, shadows=() if sensitive else self.known_names, compiled=compiled)

    def fingerprint(self) -> str:
        """Changes whenever what the screen finds could change (for caches of masked output)."""
        digest = hashlib.sha256()
        for part in (sorted(self.private_names.items()), sorted(self.known_names.items()),
                     sorted(self.public_phones), sorted(self.public_emails)):
            digest.update(repr(part).encode("utf-8"))
        return digest.hexdigest()[:16]

    def find(self, text: str, people: bool = True, lowered: str | None = None) -> list[Hit]:
        """The hits in a text; without `people`, phone numbers, ID numbers and e-mail
        addresses only (for proper names by design, where a name is no one's). `lowered`:
        the text in lower case, when the caller has it."""
        return self._find(text, people, lowered)

    def find_many(self, texts: list[str], people: bool = True) -> list[list[Hit]]:
        """`find` for each of many texts, looked at together: joined (a megabyte at a time)
        with a separator no match can cross, so each pattern runs once over them rather than
        once per text (a province has some 40,000 short texts)."""
        results: list[list[Hit]] = [[] for _ in texts]
        start = 0
        while start < len(texts):
            end, size = start, 0
            while end < len(texts) and (end == start or size < _BATCH_CHARS):
                size += len(texts[end]) + len(SEPARATOR)
                end += 1
            offsets, pos = [], 0
            for text in texts[start:end]:
                offsets.append(pos)
                pos += len(text) + len(SEPARATOR)
            joined = SEPARATOR.join(texts[start:end])
            for hit in self._find(joined, people, None):
                i = bisect.bisect_right(offsets, hit.start) - 1
                base = offsets[i]
                results[start + i].append(Hit(hit.kind, hit.start - base, hit.end - base, hit.person))
            start = end
        return results

    def _find(self, text: str, people: bool, lowered: str | None) -> list[Hit]:
        hits: list[Hit] = []
        if lowered is None:
            lowered = lower(text)
        if _ANY_DIGIT.search(text):
            phones = []
            for start, end, number in find_phones(text):
                phones.append((start, end))
                if number not in self.public_phones:
                    hits.append(Hit(PHONE, start, end))
            for start, end in find_id_numbers(text, lowered):
                if not any(s < end and start < e for s, e in phones):
                    hits.append(Hit(ID_NUMBER, start, end))
        if "@" in text:
            hits.extend(Hit(EMAIL, s, e) for s, e in find_emails(text) if text[s:e].lower() not in self.public_emails)
        if not people:
            return _without_overlaps(hits)
        for start, end, (kind, person) in self._names.find(text, lowered):
            if kind == NAME:
                hits.append(Hit(NAME, start, end, person))
            elif self.sensitive and sensitive_words(lowered, *_sentence(text, start, end)):
                hits.append(Hit(SENSITIVE, start, end, person))
        return _without_overlaps(hits)


_ANY_DIGIT = re.compile(r"\d")
# Between texts looked at together: a line break ends a sentence and a run of digits, and a
# NUL is neither a word, a space nor a digit, so no name, number or address runs across it.
SEPARATOR = "\n\x00\n"
_BATCH_CHARS = 1 << 20


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    hits.sort(key=lambda h: (h.start, -h.end))
    kept: list[Hit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def mask(text: str, hits: list[Hit]) -> str:
    """The text with every hit replaced by MASK."""
    out, pos = [], 0
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.start < pos:
            continue
        out.append(text[pos:hit.start])
        out.append(MASK)
        pos = hit.end
    out.append(text[pos:])
    return "".join(out)
