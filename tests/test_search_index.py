"""Client-side search index (generator/produce/site/search_index.py) and, when Node.js is installed,
the same queries through theme/assets/search.js.

Run as a script to print the bytes-per-query table of docs/search.md:
    python tests/test_search_index.py
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.produce.site.search_index import (  # noqa: E402
    BASE,
    SPLIT_BYTES,
    SearchDoc,
    build_search_index,
    folded_tokens,
    shard_for,
    tokens,
    unpack,
)
from generator.produce.site.search_query import index_bytes_per_query, parse_js, search  # noqa: E402
from generator.core.text import fold  # noqa: E402

SEARCH_JS = ROOT / "theme" / "assets" / "search.js"
QUERIES = ["dan van kheo", "dang uy", "to truong"]
BUDGET = 300_000

# ---------------------------------------------------------------------- corpora
PLACES = ["Tân Yên", "Lục Nam", "Yên Thế", "Hiệp Hòa", "Việt Yên", "Lạng Giang", "Sơn Động", "Lục Ngạn",
          "Yên Dũng", "Ngọc Thiện", "Cao Xá", "Phúc Hòa", "Liên Sơn", "Quế Nham", "Lam Cốt", "Đồng Sơn"]
SECTIONS = {"dan-van-kheo": "Dân vận khéo", "ky-nang": "Kỹ năng", "can-bo-ve-co-so": "Cán bộ về cơ sở"}


def _answers() -> list[tuple[str, str, str, str]]:
    """(topic, id, question, answer text) of every content/qa/**/*.md, Markdown marks removed."""
    out = []
    for path in sorted((ROOT / "content" / "qa").rglob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---", 2)
        question = re.search(r"^question:\s*(.*)$", front, re.M).group(1).strip()
        text = re.sub(r"^\s*[-*>]\s+|[*_`#]", "", body, flags=re.M).strip()
        out.append((path.parent.name, path.stem, question, text))
    return out


def synthetic_corpus(size: int, seed: int = 7) -> list[SearchDoc]:
    """`size` pages of handbook-like Vietnamese: the Q&A answers, then, past their number,
    commune pages made of an answer plus a paragraph of another, a place and figures."""
    answers = _answers()
    rng = random.Random(seed)
    docs = []
    for i in range(size):
        topic, stem, question, body = answers[i % len(answers)]
        section = SECTIONS.get(topic, "Hỏi – đáp")
        if i < len(answers):
            docs.append(SearchDoc(f"hoi-dap/{topic}/{stem}.html", question, section, body))
            continue
        place = PLACES[rng.randrange(len(PLACES))]
        other = answers[rng.randrange(len(answers))][3].split("\n\n")
        households = f"{rng.randrange(1000, 9999):,}".replace(",", ".")
        text = (f"{body}\n\n{rng.choice(other)}\n\nXã {place} có {rng.randrange(5, 60)} tổ dân vận, "
                f"{households} hộ; diện tích {rng.randrange(50, 900)},{rng.randrange(10, 99)} ha.")
        docs.append(SearchDoc(f"don-vi/{rng.randrange(100):02d}/{stem}-{i}.html", f"{question} – {place}",
                              section, text))
    return docs


SMALL = [
    SearchDoc("mo-hinh/dan-van-kheo.html", "Dân vận khéo", "Mô hình",
              "Phong trào thi đua Dân vận khéo ở xã Tân Yên: 2.128 tổ, diện tích 200,47 ha."),
    SearchDoc("hoi-dap/dang-uy.html", "Vai trò của Đảng ủy xã", "Hỏi – đáp",
              "Đảng ủy lãnh đạo công tác dân vận; Ban Dân vận tham mưu cho đảng ủy."),
    SearchDoc("hoi-dap/duong.html", "Làm đường giao thông nông thôn", "Hỏi – đáp",
              "Vận động nhân dân hiến đất làm đường. Con đường bê tông dài 3 km."),
    SearchDoc("hoi-dap/duong-loi.html", "Đường lối của Đảng", "Hỏi – đáp",
              "Đường lối, chủ trương; dương lịch và âm lịch; đương nhiệm; dương dương dương dương."),
    SearchDoc("hoi-dap/dien-duong.html", "Cây dương ven biển", "Hỏi – đáp",
              "Trồng dương chắn cát. Rừng dương, hàng dương, dương liễu; dương dương dương."),
    SearchDoc("hoi-dap/to-truong.html", "Tổ trưởng Tổ Dân vận", "Hỏi – đáp",
              "Tổ trưởng do trưởng thôn hoặc bí thư chi bộ đảm nhiệm; tổ có 3 đến 5 người.", boost=1.5),
]


@pytest.fixture(scope="module")
def small():
    return build_search_index(SMALL)


@pytest.fixture(scope="module")
def sites():
    return {n: build_search_index(synthetic_corpus(n)) for n in (250, 3000)}


def _urls(files, query):
    rows = {}
    for path, data in files.items():
        if path.startswith(f"{BASE}d/"):
            n, chunk = parse_js(data)[1]
            meta = parse_js(files[f"{BASE}meta.js"])[1][0]
            for i, row in enumerate(chunk):
                rows[n * meta["chunk"] + i] = row[0]
    return [rows[d] for d, _ in search(files, query)["results"]]


# ---------------------------------------------------------------------- tokens and folding
def test_folding_maps_d_and_strips_tones():
    assert folded_tokens("Đảng ủy") == ["dang", "uy"]
    assert folded_tokens("Dân vận khéo") == ["dan", "van", "kheo"]
    assert folded_tokens("ĐƯỜNG đường Dương đương") == ["duong"] * 4
    assert folded_tokens("Nghị quyết 25-NQ/TW") == ["nghi", "quyet", "25", "nq", "tw"]


def test_nfd_input_folds_like_nfc():
    import unicodedata
    text = "Tổ Dân vận cộng đồng ở Lục Ngạn"
    assert folded_tokens(unicodedata.normalize("NFD", text)) == folded_tokens(text)
    assert tokens(unicodedata.normalize("NFD", text)) == tokens(text)


def test_figures_are_single_tokens():
    assert tokens("2.128 tổ; 200,47 ha; 74,15% số hộ, năm 2024.") == [
        "2.128", "tổ", "200,47", "ha", "74,15", "số", "hộ", "năm", "2024"]


def test_one_character_tokens_dropped_except_digits():
    assert tokens("ở a b 5 tổ") == ["5", "tổ"]


def test_variants_keep_original_spelling(small):
    meta = parse_js(small[f"{BASE}meta.js"])[1][0]
    name = shard_for("duong", set(meta["split"]))
    shard = parse_js(small[f"{BASE}t/{name}.js"])[1][1]
    variants = [v for v, _ in shard["duong"]]
    assert variants == sorted(variants)
    assert {"đường", "dương", "đương"} <= set(variants)


# ---------------------------------------------------------------------- files
def test_build_is_deterministic_and_order_independent():
    docs = synthetic_corpus(250)
    first = build_search_index(docs)
    again = build_search_index(list(docs))
    shuffled = list(docs)
    random.Random(1).shuffle(shuffled)
    assert first == again == build_search_index(shuffled)
    assert list(first) == sorted(first)


def test_files_are_well_formed_js(small, sites):
    for files in (small, sites[250]):
        assert f"{BASE}meta.js" in files
        for path, data in files.items():
            assert path.startswith(BASE) and path.endswith(".js")
            text = data.decode("utf-8")
            assert text.startswith("window.dvSearch.")
            call, _, rest = text.partition("(")
            assert call in ("window.dvSearch.setMeta", "window.dvSearch.addShard", "window.dvSearch.addDocs")
            assert rest.endswith(");\n")
            args = json.loads("[" + rest[:-3] + "]")
            if call.endswith("setMeta"):
                assert set(args[0]) >= {"version", "docs", "chunk", "prefix", "shards", "split"}
            elif call.endswith("addShard"):
                assert path == f"{BASE}t/{args[0]}.js" and re.fullmatch(r"[a-z0-9_]+", args[0])
            else:
                assert path == f"{BASE}d/{args[0]}.js"


def test_shards_hold_their_terms_and_stay_small(sites):
    files = sites[3000]
    meta = parse_js(files[f"{BASE}meta.js"])[1][0]
    split = set(meta["split"])
    assert split, "a 3,000-page site splits its heavy shards"
    assert [p.rsplit("/", 1)[1][:-3] for p in files if "/t/" in p] == sorted(meta["shards"])
    for name in meta["shards"]:
        data = files[f"{BASE}t/{name}.js"]
        payload = parse_js(data)[1][1]
        assert all(shard_for(term, split) == name for term in payload)
        assert len(data) <= SPLIT_BYTES or len(payload) == 1 or name in split
        for term, entries in payload.items():
            assert all(fold(v) == term for v, _ in entries)
            docs = [d for _, flat in entries for d, _, _ in [p for p in unpack(flat)]]
            assert all(0 <= d < meta["docs"] for d in docs)


def test_doc_chunks(sites):
    files = sites[250]
    meta = parse_js(files[f"{BASE}meta.js"])[1][0]
    chunks = sorted((p for p in files if "/d/" in p), key=lambda p: int(p.rsplit("/", 1)[1][:-3]))
    rows = [row for p in chunks for row in parse_js(files[p])[1][1]]
    assert len(rows) == meta["docs"] == 250
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    assert all(len(r) == 4 and len(r[3]) <= 601 for r in rows)


def test_line_separators_are_escaped():
    files = build_search_index([SearchDoc("a.html", "Tiêu đề\u2028mới", "X", "Nội dung\u2029đoạn")])
    assert all("\u2028".encode() not in data and "\u2029".encode() not in data for data in files.values())
    rows = parse_js(files[f"{BASE}d/0.js"])[1][1]
    assert rows[0][1] == "Tiêu đề\u2028mới"


def test_duplicate_urls_are_refused():
    with pytest.raises(ValueError):
        build_search_index([SearchDoc("a.html", "A", "X", "một"), SearchDoc("a.html", "B", "X", "hai")])


# ---------------------------------------------------------------------- ranking
def test_unaccented_queries_find_accented_pages(small):
    assert _urls(small, "dan van kheo")[0] == "mo-hinh/dan-van-kheo.html"
    assert _urls(small, "dang uy")[0] == "hoi-dap/dang-uy.html"
    assert _urls(small, "DÂN VẬN KHÉO")[0] == "mo-hinh/dan-van-kheo.html"


def test_exact_diacritics_rank_first(small):
    typed = _urls(small, "đường")
    assert set(typed[:2]) == {"hoi-dap/duong.html", "hoi-dap/duong-loi.html"}
    assert "hoi-dap/dien-duong.html" in typed[2:]
    assert _urls(small, "dương")[0] == "hoi-dap/dien-duong.html"
    assert set(_urls(small, "duong")) == {"hoi-dap/duong.html", "hoi-dap/duong-loi.html", "hoi-dap/dien-duong.html"}


def test_figures_are_searchable(small):
    assert _urls(small, "2.128") == ["mo-hinh/dan-van-kheo.html"]
    assert _urls(small, "200,47 ha") == ["mo-hinh/dan-van-kheo.html"]


def test_last_term_is_a_prefix_while_typing(small):
    assert _urls(small, "dan van khe")[0] == "mo-hinh/dan-van-kheo.html"
    assert _urls(small, "dan van k")[0:1] == _urls(small, "dan van")[0:1]
    assert search(small, "dan van khe ")["mode"] == "or"  # "khe" finished: no such word, so OR


def test_and_then_or_fallback(small):
    found = search(small, "dang uy xyzzy")
    assert found["mode"] == "or" and found["results"]
    assert search(small, "dang uy")["mode"] == "and"
    assert search(small, "xyzzy")["mode"] == "none"


def test_title_and_boost_count(small):
    assert _urls(small, "to truong")[0] == "hoi-dap/to-truong.html"


# ---------------------------------------------------------------------- bytes per query
def test_bytes_per_query_within_budget(sites):
    for n, files in sites.items():
        for query in QUERIES:
            size = index_bytes_per_query(files, query)
            assert isinstance(size, int) and 0 < size <= BUDGET, (n, query, size)
            assert 0 < index_bytes_per_query(files, query, compressed=True) < size


# ---------------------------------------------------------------------- search.js (Node.js)
NODE = shutil.which("node")

NODE_RUNNER = r"""
const fs = require('fs'), vm = require('vm'), path = require('path');
const [js, dir, queriesFile] = process.argv.slice(2);
global.window = global;
vm.runInThisContext(fs.readFileSync(js, 'utf8'), {filename: js});
window.dvSearch.load = p => { vm.runInThisContext(fs.readFileSync(path.join(dir, p), 'utf8')); return Promise.resolve(); };
const e = window.dvSearch.engine;
const input = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));
(async () => {
  const out = {fold: input.strings.map(e.fold), tokens: input.strings.map(e.tokens), search: {}, snippets: {}};
  for (const q of input.queries) {
    const found = await e.search(q);
    out.search[q] = {mode: found.mode, total: found.total, results: found.results, corrected: found.corrected, suggestion: found.suggestion};
    const rows = await e.docsFor(found.results.map(r => r[0]));
    out.snippets[q] = rows.length ? e.snippet(rows[0][3], found.terms) : [];
  }
  process.stdout.write(JSON.stringify(out));
})().catch(err => { console.error(err); process.exit(1); });
"""

PARITY_STRINGS = ["Đảng ủy", "Dân vận khéo", "ĐƯỜNG đường", "2.128 tổ; 200,47 ha", "Nghị quyết 25-NQ/TW",
                  "Tổ Dân vận cộng đồng ở Lục Ngạn", "Thuỷ, thủy, khoẻ, khỏe", "İstanbul straße Ωμέγα", "a ở 5"]


@pytest.mark.skipif(NODE is None, reason="Node.js not installed")
@pytest.mark.parametrize("corpus", ["small", "synthetic"])
def test_search_js_matches_python(tmp_path, small, sites, corpus):
    files = small if corpus == "small" else sites[250]
    for path, data in files.items():
        target = tmp_path / "site" / path.removeprefix(BASE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    queries = QUERIES + ["đường", "duong", "dan van khe", "dan van k", "dang uy xyzzy", "2.128", "tổ trưởng", "xyzzy",
                         # forgiving: Telex left-overs, one edit, a weak match with a suggestion
                         "daan vaan kheos", "dan van khoe", "tooj truowngr", "doi thaoi", "hoa giia", "thenh lap to"]
    (tmp_path / "runner.js").write_text(NODE_RUNNER, encoding="utf-8")
    (tmp_path / "in.json").write_text(json.dumps({"strings": PARITY_STRINGS, "queries": queries}), encoding="utf-8")
    done = subprocess.run([NODE, str(tmp_path / "runner.js"), str(SEARCH_JS), str(tmp_path / "site"),
                           str(tmp_path / "in.json")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["fold"] == [fold(s) for s in PARITY_STRINGS]
    assert out["tokens"] == [tokens(s) for s in PARITY_STRINGS]
    for q in queries:
        py = search(files, q)
        js = out["search"][q]
        assert (js["mode"], js["total"]) == (py["mode"], py["total"]), q
        assert (js["corrected"], js["suggestion"]) == (py["corrected"], py["suggestion"]), q
        assert [d for d, _ in js["results"]] == [d for d, _ in py["results"]], q
        assert [round(s, 6) for _, s in js["results"]] == [round(s, 6) for _, s in py["results"]], q
    if corpus == "small":
        marked = [p["text"] for p in out["snippets"]["dan van kheo"] if p["mark"]]
        assert marked[:3] == ["Dân", "vận", "khéo"]
        assert [p["text"] for p in out["snippets"]["dan van khe"] if p["mark"]][2] == "khé"
        # Suggestions come spelt as the pages found spell them; a word typed with marks stays.
        assert out["search"]["daan vaan kheos"]["suggestion"] == "dân vận khéo"
        assert search(files, "dân van kheos")["suggestion"].startswith("dân ")


# ---------------------------------------------------------------------- table for docs/search.md
def bytes_table() -> str:
    lines = ["| Corpus | Query | Shards loaded | Results | Raw bytes | gzip bytes |", "|---|---|---|---|---:|---:|"]
    for n in (250, 3000):
        files = build_search_index(synthetic_corpus(n))
        total = sum(len(v) for v in files.values())
        for q in QUERIES:
            found = search(files, q)
            lines.append(f"| {n} pages ({len(files)} files, {total / 1e6:.1f} MB) | `{q}` | "
                         f"{', '.join(found['shards'])} | {found['total']} | "
                         f"{index_bytes_per_query(files, q):,} | {index_bytes_per_query(files, q, compressed=True):,} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(bytes_table())
