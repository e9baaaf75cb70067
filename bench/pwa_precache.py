"""Precache benchmark (not a test): what the service worker downloads when a reader first opens
the site, on the sample and on the synthetic province (`handbook synth --scale province`), against
the budget (generator/build/service_worker.py BUDGET, 3 MB as stored). Reports entries and bytes by
group, uncompressed (what the phone stores) and gzipped (what it downloads from a server that
compresses, as GitHub Pages does). Writes bench/results-pwa.md.

Run: python bench/pwa_precache.py
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.build.pipeline import build  # noqa: E402
from generator.build.service_worker import BUDGET, precache_list  # noqa: E402

GROUPS = (
    ("offline search index (precached pages only)", lambda u: u.startswith("assets/search-offline/")),
    ("Q&A pages", lambda u: u.startswith("hoi-dap/")),
    ("module pages", lambda u: u.startswith("chuyen-de/")),
    ("home, search and offline pages", lambda u: u.endswith(".html")),
    ("shell (styles, scripts, icons, manifest)", lambda u: True),
)


def measure(site: Path) -> dict:
    precache = precache_list(site)
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for entry in precache.entries:
        data = (site / entry["url"]).read_bytes()
        name = next(n for n, match in GROUPS if match(entry["url"]))
        row = groups[name]
        row[0] += 1
        row[1] += len(data)
        row[2] += len(gzip.compress(data, compresslevel=6, mtime=0))
    return {"entries": len(precache.entries), "size": precache.size, "groups": dict(groups)}


def mb(n: int) -> str:
    return f"{n / 1_000_000:.2f} MB"


def section(title: str, result: dict) -> str:
    lines = [f"## {title}", "", "| group | entries | stored | gzipped |", "| --- | ---: | ---: | ---: |"]
    total_gz = 0
    for name, _ in GROUPS:
        if name in result["groups"]:
            count, size, gz = result["groups"][name]
            total_gz += gz
            lines.append(f"| {name} | {count} | {mb(size)} | {mb(gz)} |")
    verdict = "under" if result["size"] <= BUDGET else "OVER"
    lines.append(f"| **total** | **{result['entries']}** | **{mb(result['size'])}** | **{mb(total_gz)}** |")
    lines += ["", f"Budget {mb(BUDGET)} stored: {verdict} ({result['size'] / BUDGET:.0%} of it).", ""]
    return "\n".join(lines)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="pwa-bench-") as tmp:
        tmp_path = Path(tmp)
        sample = build(ROOT, out=tmp_path / "sample-site", pdf=False, force=True).site_dir
        province = tmp_path / "province"
        subprocess.run([sys.executable, "-m", "generator", "synth", "--scale", "province", "--seed", "1",
                        "--out", str(province)], check=True, stdout=subprocess.DEVNULL)
        province_site = build(province, out=tmp_path / "province-site", pdf=False, force=True).site_dir
        text = "\n".join([
            "# Precache benchmark",
            "",
            "What the service worker stores on a reader's first visit (`python bench/pwa_precache.py`):",
            "the home, search and offline pages, every Q&A and module page, the offline search index",
            "and the files those pages load. \"Stored\" is the bytes in the phone's cache; \"gzipped\"",
            "what it downloads from a server that compresses (GitHub Pages does).",
            "",
            section("Sample (data/, content/)", measure(sample)),
            section("Synthetic province (handbook synth --scale province --seed 1)", measure(province_site)),
            "The precache holds the offline search index, which indexes only the pages the worker",
            "precaches (home, search, offline, Q&A and module pages): what a reader finds offline opens",
            "offline, and the index does not grow with the province's communes and models (the full",
            "index, 1.74 MB for the synthetic province's 931 pages, stays online; search.js falls back to",
            "the offline one when the full one is out of reach). Before this, the precache held the full",
            "index and was 4.08 MB stored (0.93 MB gzipped) at province scale, over the budget. Each page",
            "carries about 38 KB of inlined first-screen CSS (8 KB gzipped) since the first-paint step.",
            "",
        ])
    (ROOT / "bench" / "results-pwa.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
