"""Client-side search index: takes the site's pages as `SearchDoc`s, gives the static files
`theme/assets/search.js` reads (all under `assets/search/`, all plain `.js` so the site also
searches from file://). Stdlib only; the same input always gives the same bytes.

Why our own index, the file format, the folding and the ranking: docs/search.md.

    assets/search/meta.js      window.dvSearch.setMeta({version, docs, chunk, prefix, shards, split, build})
    assets/search/t/<sh>.js    window.dvSearch.addShard("<sh>", {folded term: [[variant, postings], ...]})
    assets/search/d/<n>.js     window.dvSearch.addDocs(<n>, [[url, title, section, excerpt], ...])

Postings are flat: [doc gap, weight, doc gap, weight, ...]; a negative weight means the term
is also in the title. The ranking of search.js in Python (`search()`, `index_bytes_per_query`)
is in search_query.py.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from generator.core.text import fold, nfc
from generator.produce.html import plain_text

VERSION = 1
PREFIX_LEN = 2  # shard = first 2 characters of the folded term
CHUNK_SIZE = 10  # docs per display-data file (50 would cost up to 10 × 50 KB for one query)
SPLIT_BYTES = 32_000  # a shard bigger than this is split by the next character
EXCERPT_CHARS = 600
TITLE_FACTOR = 5  # a title occurrence counts as 5 body occurrences
BASE = "assets/search/"
# The smaller index the service worker precaches: only the pages it precaches, so what a reader
# finds offline is what opens offline (search.js falls back to it when the full index is out of
# reach). The full index grows with the province's models and communes; this one does not.
OFFLINE_BASE = "assets/search-offline/"

# Ranking constants; search.js has the same numbers (keep both in step).
K1 = 1.2
B = 0.75
WEIGHT_SCALE = 20  # weights are stored as integers: round(20 × boost × BM25 tf part)
EXACT_FACTOR = 3.0  # posting variant == the diacritic spelling the user typed
PREFIX_FACTOR = 0.7  # the last query term completed as a prefix ("khe" -> "kheo")
TITLE_BONUS = 2.0  # every query term is in the title
OR_FACTOR = 0.5  # fallback when no page has every term
RESULTS = 10

# A figure written the Vietnamese way (2.128; 200,47; 74,15) is one token; otherwise runs
# of letters/digits/underscore. search.js: /[0-9]+(?:[.,][0-9]+)+|[\p{L}\p{N}_]+/gu
_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)+|\w+")
_SHARD_CHAR = re.compile(r"[^a-z0-9]")
_SPACES = re.compile(r"\s+")
# Page text is joined from HTML pieces with spaces, so "<strong>chi bộ</strong>;" reads "chi bộ ;".
_SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[,;.:?!])")
_DIGITS = frozenset("0123456789")


@dataclass(frozen=True)
class SearchDoc:
    url: str  # relative to the site root, e.g. "hoi-dap/to-dvcd-thanh-phan.html"
    title: str
    section: str  # result label, e.g. "Hỏi – đáp"
    text: str  # plain text of the page body
    boost: float = 1.0
    # A page's HTML whose plain text follows `text`: made when the page is indexed, so that
    # the text of every page is never held at once beside the pages themselves.
    html: str | None = None

    def full_text(self) -> str:
        if self.html is None:
            return self.text
        body = plain_text(self.html)
        return f"{self.text} {body}" if self.text else body


# ---------------------------------------------------------------------- tokens and folding
def tokens(text: str) -> list[str]:
    """Lower-case NFC tokens as spelled ("variants"); 1-character tokens dropped unless digits."""
    return [t for t in _TOKEN.findall(nfc(text).lower()) if len(t) > 1 or t in _DIGITS]


def folded_tokens(text: str) -> list[str]:
    """'Đảng ủy' -> ['dang', 'uy']; '2.128 tổ' -> ['2.128', 'to']. search.js folds the same way."""
    return [fold(t) for t in tokens(text)]


def shard_name(folded: str, length: int = PREFIX_LEN) -> str:
    """First 2 characters of the folded term; anything but a-z0-9 becomes '_' ('2.128' -> '2_')."""
    return _SHARD_CHAR.sub("_", folded[:length])


def shard_for(folded: str, split: set[str] | frozenset[str] = frozenset()) -> str:
    """The shard holding `folded`: its 2-character shard, or, while that shard was split
    (meta "split") and the term is longer than the shard name, the one a character longer."""
    name = shard_name(folded)
    while name in split and len(folded) > len(name):
        name = shard_name(folded, len(name) + 1)
    return name


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """Whitespace-collapsed start of the text, cut at a word boundary, '…' when cut, with no
    space before , ; . : ? ! (taken out after the cut, so an excerpt never grows)."""
    flat = _SPACES.sub(" ", nfc(text)).strip()
    if len(flat) <= limit:
        return _SPACE_BEFORE_PUNCT.sub("", flat)
    cut = flat[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return _SPACE_BEFORE_PUNCT.sub("", cut.rstrip(" ,;:.–-")) + "…"


# ---------------------------------------------------------------------- building
def _js(call: str, *args: object) -> bytes:
    parts = [json.dumps(a, ensure_ascii=False, separators=(",", ":"), sort_keys=True) for a in args]
    # U+2028/2029 are line terminators inside JS string literals before ES2019 (iOS 12).
    body = ",".join(parts).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.dvSearch.{call}({body});\n".encode("utf-8")


def _weight(tf: int, length: int, avg_length: float, boost: float) -> int:
    part = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avg_length))
    return max(1, round(WEIGHT_SCALE * boost * part))


def _pack(postings: list[list[int]]) -> list[int]:
    """[[3, 12], [7, -40]] -> [3, 12, 4, -40]: doc gaps and weights, flat (half the bytes)."""
    flat: list[int] = []
    previous = 0
    for doc, weight in postings:
        flat += [doc - previous, weight]
        previous = doc
    return flat


def unpack(flat: list[int]) -> list[tuple[int, int, bool]]:
    """[3, 12, 4, -40] -> [(3, 12, False), (7, 40, True)]: (doc, weight, term in title)."""
    out = []
    doc = 0
    for i in range(0, len(flat), 2):
        doc += flat[i]
        out.append((doc, abs(flat[i + 1]), flat[i + 1] < 0))
    return out


def build_search_index(docs: list[SearchDoc], chunk_size: int = CHUNK_SIZE,
                       split_bytes: int = SPLIT_BYTES, base: str = BASE) -> dict[str, bytes]:
    """{path under the site root: bytes} for meta, term shards and doc chunks. Docs are
    ordered by url, so the output does not depend on the order they come in."""
    ordered = sorted(docs, key=lambda d: d.url)
    for a, b in zip(ordered, ordered[1:]):
        if a.url == b.url:
            raise ValueError(f"two search documents with the same url: {a.url}")

    # counts[i] = {variant: (title count, body count)}
    counts: list[dict[str, list[int]]] = []
    lengths: list[int] = []
    excerpts: list[str] = []
    for doc in ordered:
        per: dict[str, list[int]] = {}
        title_tokens = tokens(doc.title)
        text = doc.full_text()
        excerpts.append(excerpt(text))
        body_tokens = tokens(text)
        for t in title_tokens:
            per.setdefault(t, [0, 0])[0] += 1
        for t in body_tokens:
            per.setdefault(t, [0, 0])[1] += 1
        counts.append(per)
        lengths.append(TITLE_FACTOR * len(title_tokens) + len(body_tokens))
    avg_length = (sum(lengths) / len(lengths)) if lengths else 1.0
    avg_length = avg_length or 1.0

    # terms[folded][variant] = [[doc, ±weight], ...], docs ascending; negative = also in the title
    terms: dict[str, dict[str, list[list[int]]]] = {}
    for index, (doc, per) in enumerate(zip(ordered, counts)):
        for variant in sorted(per):
            in_title, in_body = per[variant]
            weight = _weight(TITLE_FACTOR * in_title + in_body, lengths[index], avg_length, doc.boost)
            terms.setdefault(fold(variant), {}).setdefault(variant, []).append(
                [index, -weight if in_title else weight])

    def payload(folded_terms: list[str]) -> dict:
        return {f: [[v, _pack(terms[f][v])] for v in sorted(terms[f])] for f in folded_terms}

    groups: dict[str, list[str]] = {}
    for folded in sorted(terms):
        groups.setdefault(shard_name(folded), []).append(folded)
    shards: dict[str, dict] = {}
    split: list[str] = []

    def place(name: str, members: list[str]) -> None:
        whole = payload(members)
        longer = [f for f in members if len(f) > len(name)]
        if not longer or len(_js("addShard", name, whole)) <= split_bytes:
            shards[name] = whole
            return
        # A heavy shard ("th", "ch", "tr", then "dan" on a province site) is split by the next
        # character; terms no longer than the shard name stay in it.
        split.append(name)
        rest = [f for f in members if len(f) <= len(name)]
        if rest:
            shards[name] = payload(rest)
        parts: dict[str, list[str]] = {}
        for folded in longer:
            parts.setdefault(shard_name(folded, len(name) + 1), []).append(folded)
        for part in sorted(parts):
            place(part, parts[part])

    for name in sorted(groups):
        place(name, groups[name])

    files: dict[str, bytes] = {}
    for name in sorted(shards):
        files[f"{base}t/{name}.js"] = _js("addShard", name, shards[name])
    for n in range(0, len(ordered), chunk_size):
        rows = [[d.url, nfc(d.title), nfc(d.section), excerpts[n + i]] for i, d in enumerate(ordered[n:n + chunk_size])]
        files[f"{base}d/{n // chunk_size}.js"] = _js("addDocs", n // chunk_size, rows)

    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode("utf-8") + b"\0" + files[path] + b"\0")
    meta = {"version": VERSION, "docs": len(ordered), "chunk": chunk_size, "prefix": PREFIX_LEN,
            "shards": sorted(shards), "split": sorted(split), "build": digest.hexdigest()[:12]}
    files[f"{base}meta.js"] = _js("setMeta", meta)
    return dict(sorted(files.items()))


__all__ = ["OFFLINE_BASE", "SearchDoc", "build_search_index", "folded_tokens", "shard_name", "shard_for", "unpack", "tokens",
           "excerpt", "BASE"]
