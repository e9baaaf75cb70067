"""Forgiving search, the word-level part: takes a folded query word and the folded terms of an
index shard, gives its Telex reading ("daan" -> "dan", "kheos" -> "kheo", "truowngf" -> "truong")
and the terms one edit away (insert, delete, substitute, swap two neighbours).

search_index.search() uses these to correct words that match nothing and to suggest a query
when the best match is weak; theme/assets/search.js has the same functions (keep both in step).
Why the rules are what they are: docs/search.md, "Forgiving search".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

FUZZY_MIN = 5  # any one edit only on words of five letters or more (shorter: too many real words)
SWAP_MIN = 4  # a four-letter word may still have two neighbours swapped ("khoe" -> "kheo")
MAX_CANDIDATES = 8  # alternatives weighed per word: the most frequent terms one edit away

# A tone typed as a Telex letter that the keyboard did not turn into a mark: s f r x j at the end
# of a word, after its vowels and an optional final consonant ("kheos", "truowngf").
_TONE = re.compile(r"^(.*[aeiouy](?:ch|ng|nh|[cmnpt])?)[sfrxj]$")
# Doubled letters and w that Telex turns into â ê ô đ and ă ơ ư (folded: a e o d, a o u).
_DOUBLES = [(re.compile("dd"), "d"), (re.compile("aa|aw"), "a"), (re.compile("ee"), "e"),
            (re.compile("oo|ow"), "o"), (re.compile("uw"), "u")]


def telex_fold(word: str) -> str:
    """The folded word a Telex keyboard meant: 'daan' -> 'dan', 'kheos' -> 'kheo',
    'dduwowngf' -> 'duong'. A word without Telex traces comes back unchanged."""
    out = word
    for pattern, letter in _DOUBLES:  # first, so that "cuws" (cứ) ends in a vowel before its tone
        out = pattern.sub(letter, out)
    out = _TONE.sub(r"\1", out)
    return out if len(out) >= 2 else word


def one_edit(a: str, b: str, swap_only: bool = False) -> bool:
    """True when b is exactly one insert, delete, substitution or swap of two neighbouring
    letters away from a (swap_only: only the swap)."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
            return True
        return not swap_only and len(diff) == 1
    if swap_only or abs(la - lb) != 1:
        return False
    short, long_ = (a, b) if la < lb else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


def near_terms(word: str, keys: Iterable[str], df: Callable[[str], int]) -> list[str]:
    """Terms of the shard one edit from `word` (a swap only for four-letter words), at most
    MAX_CANDIDATES, the most frequent first (then in term order); none for shorter words."""
    if len(word) < SWAP_MIN:
        return []
    swap_only = len(word) < FUZZY_MIN
    found = [k for k in keys if len(k) >= SWAP_MIN and one_edit(word, k, swap_only)]
    found.sort(key=lambda k: (-df(k), k))
    return found[:MAX_CANDIDATES]


__all__ = ["FUZZY_MIN", "SWAP_MIN", "MAX_CANDIDATES", "telex_fold", "one_edit", "near_terms"]
