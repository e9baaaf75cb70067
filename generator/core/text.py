"""Vietnamese text helpers: NFC normalisation, legacy-encoding detection, folding and collation.

Takes strings; gives normalised strings, a verdict on legacy encodings (TCVN3/ABC, VNI,
UTF-8 read as Windows-1252), search folding that maps đ to d, and a sort key that orders
names the Vietnamese way.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Latin-1 letters and signs that never occur in Vietnamese words but that TCVN3 (ABC) and
# VNI fonts use for Vietnamese letters: "Ban ChÊp hµnh" is TCVN3 for "Ban Chấp hành",
# "Ban Chaáp haønh" is VNI for the same.
_LEGACY_MARKS = set("µ¸¹¶§¬¦©®¨¤¥¢£¡¿ª´·º¼½¾ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ")
# VNI marks that only ever follow one vowel ("aë" = ặ); elsewhere they are foreign letters (Noël).
_VNI_AFTER = {"ë": "aA", "Ë": "aA", "ü": "aA", "Ü": "aA", "å": "aeoAEO", "Å": "aeoAEO", "ä": "aeoAEO", "Ä": "aeoAEO"}
_LETTER = re.compile(r"[A-Za-z]")
# Vietnamese letters that Latin-1 also has. In TCVN3 the upper-case ones stand for
# lower-case toned letters, so they show up after a lower-case letter inside a word.
_LATIN1_VN_UPPER = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# VNI writes a toned vowel as a plain vowel followed by a Latin-1 mark letter.
_VNI_PAIR = re.compile(r"[aeiouyAEIOUY][âáàåãäêéèúüëùûõïøòóôöñ]")
# UTF-8 bytes decoded as Windows-1252 ("Ä‘" for "đ", "Ã¡" for "á", "á»" for "ạ").
_DOUBLE_ENCODED = re.compile(r"Ã[\u0080-\u00ff\u2018-\u203a]|Ä[\u0080-\u00ff\u2018-\u203a]|á»|áº|Æ°|Æ¡")



# Syllables in which the VNI pair test would misfire on correct Unicode text.
_VALID_VOWEL_PAIRS = {
    "oa", "oe", "uy", "ua", "uo", "ia", "ie", "ye", "ai", "ao", "au", "ay", "eo", "eu",
    "iu", "oi", "ui", "io", "ue", "uô", "iê", "yê", "uâ", "uê", "oo",
}


def _strip_tone(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in "\u0300\u0301\u0303\u0309\u0323"))


def number_vi(value: float | int, decimals: int | None = None) -> str:
    """2128 -> "2.128"; 200.47 -> "200,47" (Vietnamese separators)."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else len(repr(float(value)).split(".")[1])
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def quantity_parts(amount: str, unit: str, what: str) -> tuple[str, str]:
    """A figure's number with its unit, and what it counts, with the unit printed once:
    ("24", "camera", "camera lắp ở đầu ngõ") -> ("24 camera", " lắp ở đầu ngõ"), where
    "what" often begins with the unit itself. The second part carries its own leading
    space, or none before punctuation ("126 ý kiến", ", kiến nghị được tiếp nhận")."""
    lead = f"{amount} {unit}" if unit else amount
    head, tail = what[:len(unit)], what[len(unit):]
    if unit and unicodedata.normalize("NFC", head).casefold() == unicodedata.normalize("NFC", unit).casefold() \
            and not tail[:1].isalnum():
        what = tail.lstrip()
    if not what:
        return lead, ""
    return lead, (what if what[:1] in ",;:.)" else " " + what)


def percent_vi(value: float) -> str:
    """0.5 -> "50%"; 0.9857 -> "98,6%"."""
    pct = round(value * 100, 1)
    return number_vi(pct, 0 if float(pct).is_integer() else 1) + "%"


def cap(text: str) -> str:
    """Upper-case the first letter only ("thôn Rừng Sậu" -> "Thôn Rừng Sậu")."""
    return text[:1].upper() + text[1:]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


# Any character a legacy encoding leaves behind; text without one needs no closer look.
def _vni_suspect_pairs() -> frozenset[str]:
    marks = "âáàåãäêéèúüëùûõïøòóôöñ"
    pairs = [v + m for v in "aeiouy" for m in marks if (v + _strip_tone(m)) not in _VALID_VOWEL_PAIRS]
    return frozenset(pairs) | {p.upper() for p in pairs} | {p[0].upper() + p[1] for p in pairs}


_SUSPECT_MARKS = frozenset(_LEGACY_MARKS | set("ÃÄÆ"))
_SUSPECT_PAIRS = _vni_suspect_pairs()
_PAIR_SECONDS = frozenset(p[1] for p in _SUSPECT_PAIRS)
_ANY_VOWEL_PAIR = re.compile("[aeiouyAEIOUY][" + "".join(sorted(_PAIR_SECONDS)) + "]")
_LOWER_THEN_UPPER = re.compile("[a-zà-ỹ][" + "".join(sorted(_LATIN1_VN_UPPER)) + "]")


def may_hold_legacy_encoding(text: str) -> bool:
    """False when no part of `text` could be legacy-encoded: a screen by sets of characters
    (fast enough to run once over a whole file) before the word-by-word look."""
    if text.isascii():
        return False
    chars = set(text)
    if not chars.isdisjoint(_SUSPECT_MARKS):
        return True
    if not chars.isdisjoint(_LATIN1_VN_UPPER) and _LOWER_THEN_UPPER.search(text):
        return True
    return not chars.isdisjoint(_PAIR_SECONDS) and not _SUSPECT_PAIRS.isdisjoint(_ANY_VOWEL_PAIR.findall(text))


def legacy_encoding(text: str) -> str | None:
    """Name the legacy encoding `text` seems written in, or None when it reads as Unicode."""
    if not may_hold_legacy_encoding(text):
        return None  # nothing a legacy encoding could have produced: the common, fast case
    if _DOUBLE_ENCODED.search(text):
        return "utf8-as-cp1252"
    for word in re.findall(r"[^\s.,;:!?()\[\]{}\"'“”‘’/\\\-–—]+", text):
        if not _LETTER.search(word):
            continue
        for i, ch in enumerate(word):
            # A legacy mark stands for a letter inside a word: it follows a letter ("hµnh"),
            # which a unit such as "5µm" does not.
            if ch in _LEGACY_MARKS and _inside_word(word, i):
                if ch in _VNI_AFTER and word[i - 1] not in _VNI_AFTER[ch]:
                    continue
                return "tcvn3" if _looks_tcvn3(word) else "vni"
        for i in range(1, len(word)):
            if word[i] in _LATIN1_VN_UPPER and word[i - 1].islower():
                return "tcvn3"
        for match in _VNI_PAIR.finditer(word):
            pair = match.group(0).lower()
            if pair[1] in _VNI_AFTER and pair[0] not in _VNI_AFTER[pair[1]]:
                continue  # "oë" in Noël is a foreign word, not VNI
            untoned = pair[0] + _strip_tone(pair[1])
            # "aá", "eâ", "oâ" are never Vietnamese; "oà" (hoà), "ió" (gió), "uý" (thuý) are.
            if untoned not in _VALID_VOWEL_PAIRS:
                return "vni"
    return None


def _inside_word(word: str, i: int) -> bool:
    """A mark stands for a letter when it follows a letter (or another mark), or starts a
    word that goes on with letters: "hµnh", "§¶ng"; not a unit after a number ("5µm")."""
    def letterish(ch: str) -> bool:
        return ch.isalpha() or ch in _LEGACY_MARKS
    if i > 0:
        return letterish(word[i - 1])
    return len(word) > 1 and letterish(word[1])


def _looks_tcvn3(word: str) -> bool:
    return any(ch in "µ¸¹¶§¬¦©®¨¤¥¢" for ch in word)


LEGACY_NAMES_VI = {
    "tcvn3": "TCVN3 (ABC, phông .VnTime)",
    "vni": "VNI (phông VNI-Times)",
    "utf8-as-cp1252": "Unicode bị đọc sai bảng mã (lỗi hiển thị kiểu “Ä‘”, “Ã¡”)",
}

LEGACY_FIX_VI = (
    "Hãy chuyển văn bản sang Unicode dựng sẵn trước khi dán vào: mở UniKey, chọn "
    "“Công cụ… [CS+F6]”, đặt Nguồn là bảng mã cũ (TCVN3 hoặc VNI Windows), Đích là "
    "“Unicode”, chép đoạn văn vào bộ nhớ tạm rồi bấm “Chuyển mã”; hoặc gõ lại bằng "
    "bộ gõ Unicode."
)


_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    """Lower-case, strip tones and vowel marks, map đ to d: 'Đảng ủy' -> 'dang uy'."""
    return _fold_word(text) if len(text) <= 32 else _fold(text)


@functools.lru_cache(maxsize=1 << 16)  # words and names repeat across thousands of pages
def _fold_word(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower()


# Vietnamese alphabet order; tones sort after the base letter in the order
# none, huyền, hỏi, ngã, sắc, nặng (the order Vietnamese dictionaries use).
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_BASE_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _letter_key(ch: str) -> tuple[int, int]:
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base = decomposed[0]
    tone = 0
    for mark in decomposed[1:]:
        if mark in _TONES:
            tone = _TONES[mark]
        elif mark == "\u0306":
            base = "ă" if base == "a" else base
        elif mark == "\u0302":
            base = {"a": "â", "e": "ê", "o": "ô"}.get(base, base)
        elif mark == "\u031b":
            base = {"o": "ơ", "u": "ư"}.get(base, base)
    if base == "đ" or ch in "đĐ":
        base = "đ"
    rank = _BASE_RANK.get(base)
    if rank is None:
        rank = 100 + ord(base)
    return (rank, tone)


@functools.lru_cache(maxsize=65536)
def collation_key(text: str) -> tuple:
    """Sort key for one word or phrase in Vietnamese alphabetical order."""
    letters = tuple(_letter_key(ch) for ch in nfc(text) if not ch.isspace())
    # Base letters decide first; tones only break ties, as in a dictionary.
    return (tuple(r for r, _ in letters), tuple(t for _, t in letters))


def name_sort_key(family: str, middle: str | None, given: str) -> tuple:
    """Vietnamese name order: given name, then middle name, then family name."""
    return (collation_key(given), collation_key(middle or ""), collation_key(family))
