"""Client-side search index: takes the site's pages as `SearchDoc`s, gives the static files
`theme/assets/search.js` reads (all under `assets/search/`, all plain `.js` so the site also
searches from file://). Stdlib only; the same input always gives the same bytes.

Why our own index, the file format, the folding and the ranking: docs/search.md.

    assets/search/meta.js      window.dvSearch.setMeta({version, docs, chunk, prefix, shards, split, build})
    assets/search/t/<sh>.js    window.dvSearch.addShard("<sh>", {folded term: [[variant, postings], ...]})
    assets/search/d/<n>.js     window.dvSearch.addDocs(<n>, [[url, title, section, excerpt], ...])

Postings are flat: [doc gap, weight, doc gap, weight, ...]; a negative weight means the term
is also in the title. `search()` is the ranking of search.js in Python, so tests and
`index_bytes_per_query` can say what a phone downloads for a query without a browser.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
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
    """Whitespace-collapsed start of the text, cut at a word boundary, '…' when cut."""
    flat = _SPACES.sub(" ", nfc(text)).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.–-") + "…"


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
                       split_bytes: int = SPLIT_BYTES) -> dict[str, bytes]:
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
        files[f"{BASE}t/{name}.js"] = _js("addShard", name, shards[name])
    for n in range(0, len(ordered), chunk_size):
        rows = [[d.url, nfc(d.title), nfc(d.section), excerpts[n + i]] for i, d in enumerate(ordered[n:n + chunk_size])]
        files[f"{BASE}d/{n // chunk_size}.js"] = _js("addDocs", n // chunk_size, rows)

    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode("utf-8") + b"\0" + files[path] + b"\0")
    meta = {"version": VERSION, "docs": len(ordered), "chunk": chunk_size, "prefix": PREFIX_LEN,
            "shards": sorted(shards), "split": sorted(split), "build": digest.hexdigest()[:12]}
    files[f"{BASE}meta.js"] = _js("setMeta", meta)
    return dict(sorted(files.items()))


# ---------------------------------------------------------------------- reading (tests, sizes)
_CALL = re.compile(r"^window\.dvSearch\.(setMeta|addShard|addDocs)\((.*)\);\n$", re.S)


def parse_js(data: bytes) -> tuple[str, list]:
    """('addShard', [name, payload]) from one index file's bytes."""
    match = _CALL.match(data.decode("utf-8"))
    if not match:
        raise ValueError("not a dvSearch index file")
    return match.group(1), json.loads(f"[{match.group(2)}]")


@dataclass(frozen=True)
class QueryTerm:
    variant: str  # lower-case NFC spelling typed
    folded: str
    marked: bool  # typed with diacritics (or đ)
    prefix: bool  # last term, still being typed


def query_terms(query: str) -> list[QueryTerm]:
    """Distinct query terms in typed order; the last one is a prefix when nothing (no space or
    punctuation) follows it yet, so "dan van khe" already finds "khéo"."""
    text = nfc(query).lower()
    kept = [m for m in _TOKEN.finditer(text) if len(m.group()) > 1 or m.group() in _DIGITS]
    terms: list[QueryTerm] = []
    for i, m in enumerate(kept):
        t = m.group()
        f = fold(t)
        prefix = i == len(kept) - 1 and m.end() == len(text) and len(f) >= PREFIX_LEN
        if any(q.variant == t for q in terms):  # "dan van dan": already an exact term
            continue
        terms.append(QueryTerm(t, f, f != t, prefix))
    return terms


def _idf(df: int, total: int) -> float:
    return math.log(1 + (total - df + 0.5) / (df + 0.5))


def _term_scores(term: QueryTerm, shard: dict, total: int) -> tuple[dict[int, float], set[int]]:
    scores: dict[int, float] = {}
    title: set[int] = set()
    keys = sorted(k for k in shard if k.startswith(term.folded)) if term.prefix else (
        [term.folded] if term.folded in shard else [])
    unpacked = {key: [(variant, unpack(flat)) for variant, flat in shard[key]] for key in keys}
    # Completions of a word still being typed share one idf, from all their documents
    # together: a rare completion ("vang" for "van") must not outrank the word typed.
    completion_docs = {doc for key in keys if key != term.folded for _, postings in unpacked[key] for doc, _, _ in postings}
    completion_idf = _idf(len(completion_docs), total) if completion_docs else 0.0
    if term.folded in unpacked:  # the typed word exists: no completion weighs more than it
        exact_idf = _idf(len({doc for _, postings in unpacked[term.folded] for doc, _, _ in postings}), total)
        completion_idf = min(completion_idf, exact_idf)
    for key in keys:
        entries = unpacked[key]
        if key == term.folded:
            idf = _idf(len({doc for _, postings in entries for doc, _, _ in postings}), total)
        else:
            idf = completion_idf
        factor = 1.0 if key == term.folded else PREFIX_FACTOR
        for variant, postings in entries:
            exact = term.marked and (variant == term.variant or (term.prefix and variant.startswith(term.variant)))
            for doc, weight, in_title in postings:
                s = weight * idf * factor * (EXACT_FACTOR if exact else 1.0)
                if s > scores.get(doc, -1.0):
                    scores[doc] = s
                if in_title:
                    title.add(doc)
    return scores, title


def search(files: dict[str, bytes], query: str, limit: int = RESULTS) -> dict:
    """What search.js does, in Python: {'terms', 'shards', 'mode' ('and'|'or'|'none'),
    'total', 'results': [(doc index, score), ...]} for the top `limit` docs."""
    meta = parse_js(files[f"{BASE}meta.js"])[1][0]
    terms = query_terms(query)
    split = set(meta["split"])
    names = sorted({shard_for(t.folded, split) for t in terms})
    loaded = {}
    for name in names:
        path = f"{BASE}t/{name}.js"
        loaded[name] = parse_js(files[path])[1][1] if name in meta["shards"] else {}
    kept = []
    for t in terms:
        name = shard_for(t.folded, split)
        if t.prefix and name in split:
            # Completions of this still-typed term live in several smaller shards: match it
            # exactly, or leave it out until it is longer ("dan van kh" -> "dan van").
            t = QueryTerm(t.variant, t.folded, t.marked, False)
            if t.folded not in loaded[name]:
                continue
        kept.append(t)
    terms = kept
    per_term = [_term_scores(t, loaded[shard_for(t.folded, split)], meta["docs"]) for t in terms]
    ranked: dict[int, float] = {}
    mode = "none"
    if per_term:
        common = set(per_term[0][0])
        for scores, _ in per_term[1:]:
            common &= set(scores)
        if common:
            mode = "and"
            for d in common:
                s = 0.0
                for scores, _ in per_term:
                    s += scores[d]
                if all(d in title for _, title in per_term):
                    s *= TITLE_BONUS
                ranked[d] = s
        elif len(per_term) > 1:
            union = set().union(*(set(scores) for scores, _ in per_term))
            if union:
                mode = "or"
            for d in union:
                s = 0.0
                matched = 0
                for scores, _ in per_term:
                    if d in scores:
                        s += scores[d]
                        matched += 1
                ranked[d] = s * OR_FACTOR * matched / len(per_term)
    top = sorted(ranked.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return {"terms": terms, "shards": [n for n in names if n in meta["shards"]], "mode": mode,
            "total": len(ranked), "results": top}


def index_bytes_per_query(files: dict[str, bytes], query: str, compressed: bool = False) -> int:
    """Bytes a browser loads for `query`: meta + the shards of its terms + the doc chunks of
    the top 10 results. compressed=True counts gzip sizes (what an HTTP server sends)."""
    meta = parse_js(files[f"{BASE}meta.js"])[1][0]
    found = search(files, query)
    paths = [f"{BASE}meta.js"] + [f"{BASE}t/{n}.js" for n in found["shards"]]
    paths += [f"{BASE}d/{c}.js" for c in sorted({d // meta["chunk"] for d, _ in found["results"]})]
    if compressed:
        return sum(len(gzip.compress(files[p], compresslevel=6, mtime=0)) for p in paths)
    return sum(len(files[p]) for p in paths)


__all__ = ["SearchDoc", "build_search_index", "folded_tokens", "index_bytes_per_query", "search",
           "shard_name", "shard_for", "unpack", "tokens", "excerpt", "parse_js", "query_terms"]
