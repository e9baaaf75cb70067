"""Benchmark (not a test): the added cost of the Word files and of the paperwork at province
scale. Makes the synthetic province (`handbook synth --scale province`), then times: making
the paperwork's documents from the dataset, every DOCX (the two periodic reports and all the
paperwork), and the paperwork's PDFs (all, or a sample of each kind with --sample N, the total
extrapolated by page count), cold and from the caches. Appends nothing by itself: prints a
Markdown table for bench/results-print.md.

    python bench/docx_bench.py [--root DIR] [--sample N]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.build.official_files import write_official  # noqa: E402
from generator.checks.check import check_project  # noqa: E402
from generator.produce.docx.periodic import report_bundle  # noqa: E402
from generator.produce.docx.to_html import print_job  # noqa: E402
from generator.produce.paperwork.bundles import paperwork_bundles  # noqa: E402
from generator.produce.printing.render import render_all  # noqa: E402
from generator.produce.reports import compute, periods_due, report_job  # noqa: E402


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", type=Path, default=None, help="a project (default: a fresh synthetic province)")
    ap.add_argument("--sample", type=int, default=0, help="render only N PDFs of each kind and extrapolate")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="docx-bench-"))
    root = args.root
    if root is None:
        root = tmp / "province"
        subprocess.run([str(ROOT / ".venv" / "bin" / "handbook"), "synth", "--scale", "province", "--out", str(root)],
                       check=True, capture_output=True)
    ds, report = check_project(root)
    rows = []
    t = time.perf_counter()
    periodic = [compute(ds, report, p, y) for p, y in periods_due(ds)]
    reports = [report_bundle(ds, r) for r in periodic]
    bundles = paperwork_bundles(ds)
    rows.append(("documents from the dataset (2 reports, paperwork)", time.perf_counter() - t, f"{len(bundles)} paperwork files"))
    t = time.perf_counter()
    write_official(reports, tmp / "r", "", tmp / "work", pdf=False)
    rows.append(("DOCX of the 2 periodic reports", time.perf_counter() - t, ""))
    t = time.perf_counter()
    render_all([report_job(ds, r) for r in periodic], tmp / "rp", tmp / "work" / "pdf-cache")
    rows.append(("PDF of the 2 periodic reports (for comparison)", time.perf_counter() - t, ""))
    t = time.perf_counter()
    listing = write_official(bundles, tmp / "p", "", tmp / "work", pdf=False)
    size = sum(s for *_, s in listing)
    rows.append(("DOCX of all paperwork, cold", time.perf_counter() - t, f"{len(listing)} files, {size / 1e6:.1f} MB"))
    t = time.perf_counter()
    write_official(bundles, tmp / "p2", "", tmp / "work", pdf=False)
    rows.append(("DOCX of all paperwork, nothing changed (cache)", time.perf_counter() - t, ""))
    by_kind = defaultdict(list)
    for b in bundles:
        by_kind[b.kind].append(b)
    chosen = [b for kind in by_kind.values() for b in (kind[:args.sample] if args.sample else kind)]
    jobs = [print_job(b) for b in chosen]
    t = time.perf_counter()
    rendered = render_all(jobs, tmp / "pdf", tmp / "work" / "pdf-cache")
    took = time.perf_counter() - t
    pages = {r.name: _pages(r.path) for r in rendered}
    if args.sample:
        docs_done = sum(len(b.docs) for b in chosen)
        docs_all = sum(len(b.docs) for b in bundles)
        rows.append((f"PDF of paperwork, cold, sample of {len(chosen)} files ({sum(pages.values())} pages)", took, ""))
        rows.append(("PDF of all paperwork, cold, extrapolated by documents", took * docs_all / docs_done,
                     f"{len(bundles)} files, ~{round(sum(pages.values()) * docs_all / docs_done)} pages"))
    else:
        rows.append(("PDF of all paperwork, cold (parallel)", took, f"{len(rendered)} files, {sum(pages.values())} pages"))
    t = time.perf_counter()
    render_all(jobs, tmp / "pdf2", tmp / "work" / "pdf-cache")
    rows.append(("PDF of the same, nothing changed (cache)", time.perf_counter() - t, ""))
    print(f"Machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, Python {platform.python_version()}; "
          f"{len(ds.teams)} teams in {len({b.name for b in bundles if b.kind == 'quyet-dinh-to'})} communes, "
          f"{len(ds.blocs)} blocs, {len(ds.assignments)} assignments.\n")
    print("| measurement | time | notes |\n| --- | ---: | --- |")
    for name, seconds, note in rows:
        print(f"| {name} | {seconds:.2f} s | {note} |")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
