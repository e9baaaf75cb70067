"""Bytes a phone downloads per search query: takes a built site folder (default: site/), reads its
search index under assets/search/ and gives, per query, the index bytes (meta + the shards of the
query's terms + the doc chunks of the top 10 results), raw and gzip, as a Markdown table.
The figures in bench/results-search.md come from here (before and after a change to search).

Run:  python bench/search_bytes.py [SITE_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.produce.site.search_index import BASE  # noqa: E402
from generator.produce.site.search_query import index_bytes_per_query, search  # noqa: E402

# The five queries of docs/search.md, then the typo queries of tests/test_search_forgiving.py.
QUERIES = ["dan van kheo", "dang uy", "to truong", "phuc son", "bao cao",
           "dan van khoe", "daan vaan kheos", "thanh lapp to", "doi thaoi", "truowngf"]


def read_index(site: Path) -> dict[str, bytes]:
    folder = site / BASE
    return {f"{BASE}{p.relative_to(folder).as_posix()}": p.read_bytes() for p in sorted(folder.rglob("*.js"))}


def table(files: dict[str, bytes]) -> str:
    lines = ["| query | shards | results | raw bytes | gzip bytes |", "| --- | --- | ---: | ---: | ---: |"]
    for q in QUERIES:
        found = search(files, q)
        lines.append(f"| `{q}` | {', '.join(found['shards'])} | {found['total']} | "
                     f"{index_bytes_per_query(files, q):,} | {index_bytes_per_query(files, q, compressed=True):,} |")
    return "\n".join(lines)


if __name__ == "__main__":
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    files = read_index(site)
    print(f"{site}: {len(files)} index files, {sum(map(len, files.values())):,} bytes\n")
    print(table(files))
