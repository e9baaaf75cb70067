"""Finding many phrases in text: takes phrases (a few words each: people's names,
addresses) and text; gives where the phrases stand, case-insensitive, on word boundaries,
the longest one winning. Used by the personal-data screen (`generator.model.pii`)."""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

_END = ""  # the key marking the end of a phrase in the trie
_SHADOW = object()  # the payload of a phrase that only keeps a shorter one from matching
_WORD = re.compile(r"\w+")


class PhraseMatcher:
    """Finds any of many phrases (a few words each) in text: case-insensitive, on word
    boundaries, words separated as `separator` says; the longest phrase wins, and a
    `shadows` phrase found that way is not reported (a consenting person's longer name that
    holds a private one: “Bùi Thị Bích Quyên”, “Lê Phạm Dung”). (One alternation of thousands of names would be tried name
    by name at every position of every page.)

    Candidates come either from str.find of the phrases' first words (family names: a few
    dozen, nothing to prepare: for the check's short texts), or, with `compiled`, from one
    pattern made from the phrases' characters as a trie, which the regular-expression engine
    runs in C at about 10 ms a megabyte (for the finished site's hundred megabytes; making it
    takes a fraction of a second per ten thousand phrases)."""

    def __init__(self, phrases: dict[str, Any], separator: str = r"\s+", shadows: Iterable[str] = (),
                 compiled: bool = False):
        self.trie: dict = {}
        keys = []
        for phrase, payload in [*phrases.items(), *((shadow, _SHADOW) for shadow in self._covering(phrases, shadows))]:
            words = words_of(phrase)
            if not words:
                continue
            node = self.trie
            for word in words:
                node = node.setdefault(word, {})
            node.setdefault(_END, payload)  # the phrases come before the shadows
            keys.append((" ".join(words), payload is _SHADOW))
        # Shadows are candidates too: one that starts before a private name ("Lê Phạm Dung"
        # around "Phạm Dung") is found first and covers it.
        self._firsts = frozenset(key.split(" ")[0] for key, _ in keys)
        self._next = re.compile(separator + r"(\w+)")
        self._reportable = any(not shadow for _, shadow in keys)
        self._pattern = None
        if compiled and self._reportable:
            self._pattern = re.compile(_trie_pattern([key for key, _ in keys], separator))

    @staticmethod
    def _covering(phrases: dict[str, Any], shadows: Iterable[str]) -> list[str]:
        """The shadows that hold a phrase in their words: only they can cover one."""
        wanted = {tuple(words_of(phrase)) for phrase in phrases}
        lengths = {len(words) for words in wanted}
        covering = []
        for shadow in shadows:
            words = tuple(words_of(shadow))
            if any(words[i:i + n] in wanted for n in lengths if n < len(words) for i in range(len(words) - n + 1)):
                covering.append(shadow)
        return covering

    def __bool__(self) -> bool:
        return self._reportable

    def find(self, text: str, lowered: str | None = None) -> Iterator[tuple[int, int, Any]]:
        """(start, end, payload) of each longest phrase found, left to right, not overlapping.
        `lowered`: the text in lower case, when the caller has it."""
        if not self._reportable:
            return
        if lowered is None:
            lowered = lower(text)
        pos = 0
        for start in self._candidates(lowered):
            if start < pos or (start and is_word(lowered[start - 1])):
                continue  # inside the phrase just found, or inside a longer word
            found = self._longest(lowered, start)
            if found is not None:
                pos = found[0]
                if found[1] is not _SHADOW:
                    yield start, found[0], found[1]

    def _candidates(self, lowered: str) -> Iterator[int]:
        if self._pattern is not None:
            yield from (m.start() for m in self._pattern.finditer(lowered))
            return
        starts: list[int] = []
        for word in self._firsts:
            at = lowered.find(word)
            while at >= 0:
                after = at + len(word)
                if not (after < len(lowered) and is_word(lowered[after])):
                    starts.append(at)
                at = lowered.find(word, after)
        yield from sorted(starts)

    def _longest(self, lowered: str, start: int) -> tuple[int, Any] | None:
        """(end, payload) of the longest phrase (shadows included) starting at `start`."""
        first = _WORD.match(lowered, start)
        node = self.trie.get(first.group()) if first else None
        if node is None:
            return None
        end, best = first.end(), None
        if _END in node:
            best = (end, node[_END])
        while True:
            step = self._next.match(lowered, end)
            if step is None:
                break
            node = node.get(step.group(1))
            if node is None:
                break
            end = step.end()
            if _END in node:
                best = (end, node[_END])
        return best


def _trie_pattern(keys: Iterable[str], separator: str) -> str:
    r"""One regular expression for many phrases (lower case, words joined by one space),
    their characters merged as a trie: “an(?:h(?!\w)|(?!\w))”. Longer phrases are tried first."""
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[_END] = True

    def render(node: dict) -> str:
        alternatives = [(separator if ch == " " else re.escape(ch)) + render(child)
                        for ch, child in sorted(node.items()) if ch != _END]
        if _END in node:
            alternatives.append(r"(?!\w)")
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return render(trie)


def lower(text: str) -> str:
    """Lower case with the same length (and so the same offsets) as the text."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def words_of(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def phrase_key(text: str) -> str:
    return " ".join(words_of(text))
