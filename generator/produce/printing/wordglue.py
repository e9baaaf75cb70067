"""Words kept whole in printed headings: takes a heading's text (and the glossary's terms),
gives it with the syllables of every Vietnamese word joined by no-break spaces, so a title
never breaks between "CƠ" and "SỞ"; and, given a width, break points that balance its lines.

The words are pyvi's word list (MIT; `words/vi-words.txt`, made by tools/make_word_list.py)
and the glossary's terms (up to five syllables) and abbreviations. Every dictionary word found
anywhere in the text is kept whole, overlapping ones too, so no line can end inside any of
them. "Câu 12." and a chapter's "3." stay with the word after them, and a dash between two words
stays with both ("HỎI – ĐÁP")."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

NBSP = "\u00a0"
WORDS_FILE = Path(__file__).parent / "words" / "vi-words.txt"
MAX_TERM_SYLLABLES = 5  # a glossary term longer than this is kept whole word by word
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_TRAILING = re.compile(r"[\W_]$")
_LEADING = re.compile(r"[\W_]")
_DASHES = {"–", "—", "-"}
_LEADERS = re.compile(r"^(?:Câu|CÂU|Chương|CHƯƠNG|Phần|PHẦN|Mục|MỤC|\d+[.)]?|[IVXLC]+\.)$")


_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_OPEN_GLIDE = re.compile(r"(?:oa|oe|uy)$")


def modern_tone(word: str) -> str:
    """The tone of an open syllable ending in oa, oe or uy on its first vowel, as the content
    writes it ("ủy", "hòa", "khỏe"); the word list spells them the older way ("uỷ", "hoà"), and
    "đảng uỷ" must still match "Đảng ủy". "quý" keeps its tone: there "u" belongs to "qu"."""
    out = []
    for part in word.split(" "):
        decomposed = unicodedata.normalize("NFD", part)
        tones = [c for c in decomposed if c in _TONES]
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        found = _OPEN_GLIDE.search(base)
        if len(tones) == 1 and found and not base.startswith("qu"):
            part = unicodedata.normalize("NFC", base[:found.start() + 1] + tones[0] + base[found.start() + 1:])
        out.append(part)
    return " ".join(out)


def syllable(token: str) -> str:
    """A token's syllable as the word list is keyed: NFC, lower case, no punctuation around,
    the tone where `modern_tone` puts it."""
    return modern_tone(_EDGE.sub("", unicodedata.normalize("NFC", token)).lower())


@functools.lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """The word list: words of two to four syllables, lower case, NFC."""
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(modern_tone(line) for line in lines if line and not line.startswith("#"))


def glossary_words(terms: Iterable) -> set[str]:
    """The glossary's terms of at most MAX_TERM_SYLLABLES syllables and its abbreviations."""
    words = set()
    for term in terms:
        for text in (getattr(term, "term", None), getattr(term, "abbreviation", None)):
            if not text:
                continue
            text = re.sub(r"\([^)]*\)", " ", text)  # "Tổ dân vận (thôn, khu dân cư)" is "Tổ dân vận"
            syllables = [syllable(t) for t in text.split()]
            if 2 <= len(syllables) <= MAX_TERM_SYLLABLES and all(syllables):
                words.add(" ".join(syllables))
    return words


class Glue:
    """Finds the words of a word list in a text and joins their syllables."""

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(words)
        self.longest = max((w.count(" ") + 1 for w in self.words), default=1)

    def matches(self, tokens: list[str]) -> list[tuple[int, int]]:
        """Every (first, last) token pair that spells a word of the list; a word never runs
        over punctuation between its syllables ("cơ, sở" is two words)."""
        keys = [syllable(t) for t in tokens]
        found = []
        for i in range(len(tokens)):
            for n in range(2, self.longest + 1):
                j = i + n - 1
                if j >= len(tokens):
                    break
                inner_clean = (not any(_TRAILING.search(tokens[k]) for k in range(i, j)) and
                               not any(_LEADING.match(tokens[k]) for k in range(i + 1, j + 1)))
                if inner_clean and all(keys[i:j + 1]) and " ".join(keys[i:j + 1]) in self.words:
                    found.append((i, j))
        return found

    def joins(self, text: str) -> tuple[list[str], list[bool]]:
        """The text's tokens (split at ordinary spaces) and, for each gap between two tokens,
        whether it must not break."""
        tokens = text.split(" ")
        keep = [False] * max(len(tokens) - 1, 0)
        for i, j in self.matches(tokens):
            for k in range(i, j):
                keep[k] = True
        for k in range(len(keep)):
            if tokens[k + 1] in _DASHES or tokens[k] in _DASHES or _LEADERS.match(tokens[k]) and tokens[k + 1]:
                keep[k] = True
        return tokens, keep

    def __call__(self, text: str) -> str:
        tokens, keep = self.joins(text)
        out = tokens[0] if tokens else ""
        for k, token in enumerate(tokens[1:]):
            out += (NBSP if keep[k] else " ") + token
        return out


@functools.lru_cache(maxsize=4)
def _default(extra: frozenset[str]) -> Glue:
    return Glue(dictionary_words() | extra)


def glue_for(terms: Iterable = ()) -> Glue:
    """The rule for a project: the word list and its glossary."""
    return _default(frozenset(glossary_words(terms)))


def project_glue(ds) -> Glue:
    """The rule for a loaded project: the word list and the project's glossary."""
    return glue_for(at.obj for at in ds.terms)


def keep_names(text: str) -> str:
    """`text` with the syllables of each proper name joined by no-break spaces: a run of
    capitalised syllables after the first word ("Đảng ủy thị trấn Cao Thượng" keeps "Cao
    Thượng" whole). Read before the text is put in upper case, where a name no longer shows;
    the header block of an official paper is such a line, and names are not in the word list."""
    words = text.split(" ")
    out = words[0] if words else ""
    for k in range(1, len(words)):
        name = k > 1 and words[k - 1][:1].isupper() and words[k][:1].isupper()
        out += (NBSP if name else " ") + words[k]
    return out


def balanced_lines(chunks: list[str], widths: list[float], space: float, limit: float) -> list[list[str]]:
    """Break points for chunks (each kept whole) of the given widths so that the text takes
    as few lines as greedy filling would, with the longest line as short as it can be."""
    if not chunks:
        return []
    def lines_for(cap: float) -> list[list[int]] | None:
        lines, current, width = [], [], 0.0
        for i, w in enumerate(widths):
            extra = w if not current else width + space + w
            if current and extra > cap:
                lines.append(current)
                current, width = [i], w
            else:
                current, width = current + [i], extra
            if width > cap and len(current) == 1 and w > cap:
                return None
        return lines + [current]

    greedy = lines_for(limit)
    if greedy is None:
        return [chunks]
    low, high = max(widths), limit
    for _ in range(30):  # bisect the smallest cap that still fits in as many lines
        middle = (low + high) / 2
        trial = lines_for(middle)
        if trial is not None and len(trial) <= len(greedy):
            high = middle
        else:
            low = middle
    best = lines_for(high) or greedy
    return [[chunks[i] for i in line] for line in best]
