"""Search in Python, as search.js does it: takes the index files build_search_index() wrote and a
query, gives the ranked documents (with the forgiving corrections and the "Có phải bạn muốn tìm
…?" suggestion) and the bytes a phone downloads for the query, so tests and the benchmark need no
browser. Same constants and steps as theme/assets/search.js (keep both in step; the Node test
in tests/test_search_index.py compares them).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass

from generator.core.text import fold, nfc
from generator.produce.site.search_forgive import near_terms, telex_fold
from generator.produce.site.search_index import (
    _DIGITS, _TOKEN, BASE, EXACT_FACTOR, OR_FACTOR, PREFIX_FACTOR, PREFIX_LEN, RESULTS, TITLE_BONUS, shard_for, unpack,
)


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


def _rank(per_term: list[tuple[dict[int, float], set[int]]]) -> tuple[str, dict[int, float]]:
    """AND of the terms (score doubled when all are in the title), else OR at half weight."""
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
    return mode, ranked


def _ordered(ranked: dict[int, float]) -> list[tuple[int, float]]:
    """A ranking's (doc, score) pairs, best first (score down, then doc index), as search.js sorts."""
    return sorted(ranked.items(), key=lambda kv: (-kv[1], kv[0]))


def _top(ranked: dict[int, float], limit: int) -> set[int]:
    """The first `limit` docs of a ranking."""
    return {d for d, _ in _ordered(ranked)[:limit]}


def _df(shard: dict, key: str) -> int:
    """Distinct documents of a folded term, over all its spellings."""
    return len({doc for _, flat in shard.get(key, []) for doc, _, _ in unpack(flat)})


def _spelled(terms: list[QueryTerm], shard_of, docs: set[int]) -> str:
    """The suggestion as a reader writes it: each word typed without diacritics takes the
    spelling it has most often (by weight) in `docs`, the pages the suggestion finds first
    ("dan van kheo" -> "dân vận khéo"); a word typed with diacritics stays as typed."""
    words = []
    for t in terms:
        best, top = t.variant, 0
        if not t.marked:
            for variant, flat in shard_of(t).get(t.folded, []):
                weight = sum(w for doc, w, _ in unpack(flat) if doc in docs)
                if weight > top:
                    best, top = variant, weight
        words.append(best)
    return " ".join(words)


def _titled(terms: list[QueryTerm], scores_of) -> bool:
    """Some page has every term in its title."""
    per_term = [scores_of(t) for t in terms]
    if not per_term:
        return False
    common = set(per_term[0][1])
    for _, title in per_term[1:]:
        common &= title
    return any(all(d in scores for scores, _ in per_term) for d in common)


def _matches(term: QueryTerm, shard: dict) -> bool:
    return term.folded in shard or (term.prefix and any(k.startswith(term.folded) for k in shard))


def search(files: dict[str, bytes], query: str, limit: int = RESULTS) -> dict:
    """What search.js does, in Python: {'terms', 'shards', 'mode' ('and'|'or'|'none'),
    'total', 'results': [(doc index, score), ...], 'corrected', 'suggestion'} for the top
    `limit` docs. A word that matches nothing is read as Telex, else replaced by the term one
    edit away that ranks best with the other words ('corrected'); 'suggestion' is the query
    to offer ("Có phải bạn muốn tìm …?") after a correction, or when the match is weak (no page
    has every word in its title) and a one-edit neighbour of a word is strong. Corrections look only in shards the query
    loads anyway (plus a Telex reading's own), so they cost no extra download."""
    meta = parse_js(files[f"{BASE}meta.js"])[1][0]
    terms = query_terms(query)
    split = set(meta["split"])
    wanted = set()
    for t in terms:
        wanted.add(shard_for(t.folded, split))
        if not t.marked:
            wanted.add(shard_for(telex_fold(t.folded), split))
    names = sorted(wanted)
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

    def shard_of(term: QueryTerm) -> dict:
        return loaded.get(shard_for(term.folded, split), {})

    cache: dict[QueryTerm, tuple[dict[int, float], set[int]]] = {}

    def scores_of(term: QueryTerm) -> tuple[dict[int, float], set[int]]:
        if term not in cache:
            cache[term] = _term_scores(term, shard_of(term), meta["docs"])
        return cache[term]

    def best(candidate_terms: list[QueryTerm]) -> float:
        return max(_rank([scores_of(t) for t in candidate_terms])[1].values(), default=0.0)

    def weigh(current: list[QueryTerm], i: int, options: list[str]) -> tuple[float, QueryTerm | None]:
        """The option for word i that ranks best with the other words (the first on a tie)."""
        top, chosen = 0.0, None
        for option in options:
            term = QueryTerm(option, option, False, False)
            score = best(current[:i] + [term] + current[i + 1:])
            if score > top:
                top, chosen = score, term
        return top, chosen

    corrected = False
    for i, t in enumerate(terms):
        if _matches(t, shard_of(t)):
            continue
        word = t.folded if t.marked else telex_fold(t.folded)
        shard = loaded.get(shard_for(word, split), {})
        options = [word] if word != t.folded and word in shard else near_terms(word, sorted(shard), lambda k: _df(shard, k))
        chosen = weigh(terms, i, options)[1]
        if chosen is not None:
            terms[i] = chosen
            corrected = True
    mode, ranked = _rank([scores_of(t) for t in terms])
    suggestion = None
    if corrected:
        suggestion = _spelled(terms, shard_of, _top(ranked, limit))
    elif ranked and not _titled(terms, scores_of):
        # Weak: no page has every word in its title. A neighbour is offered when some page has
        # all of its words in the title and it finds at least as many pages ("dan van khoe" ->
        # "dan van kheo"); the strongest such neighbour wins.
        top, alternative = 0.0, None
        for i, t in enumerate(terms):
            shard = shard_of(t)
            for option in near_terms(t.folded, sorted(shard), lambda k: _df(shard, k)):
                other = terms[:i] + [QueryTerm(option, option, False, False)] + terms[i + 1:]
                score = best(other)
                if score > top and _titled(other, scores_of) and \
                        len(_rank([scores_of(o) for o in other])[1]) >= len(ranked):
                    top, alternative = score, other
        if alternative is not None:
            suggestion = _spelled(alternative, shard_of, _top(_rank([scores_of(o) for o in alternative])[1], limit))
    top_docs = _ordered(ranked)[:limit]
    return {"terms": terms, "shards": [n for n in names if n in meta["shards"]], "mode": mode,
            "total": len(ranked), "results": top_docs, "corrected": corrected, "suggestion": suggestion}


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


__all__ = ["QueryTerm", "index_bytes_per_query", "parse_js", "query_terms", "search"]
