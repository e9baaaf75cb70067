"""Print benchmark (not a test): how long the full Q&A handbook takes through our print
stage, its pages per second, against WeasyPrint alone on the same HTML and CSS; and the
whole PDF stage (every publication, cold and cached). Writes bench/results-print.md.

Run: python bench/print_bench.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.checks.check import check_project  # noqa: E402
from generator.produce.printing.documents import jobs_for  # noqa: E402
from generator.produce.printing.fonts import font_face_css  # noqa: E402
from generator.produce.printing.render import render_all, render_pdf_bytes  # noqa: E402


def weasyprint_alone(html: str, css: str) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    sheets = [CSS(string=font_face_css(), font_config=fonts), CSS(string=css, font_config=fonts)]
    return HTML(string=html, encoding="utf-8").write_pdf(stylesheets=sheets, font_config=fonts)


def timed(func, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def pdf_pages(data: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, WeasyPrint {__import__('weasyprint').__version__}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    dataset, _ = check_project(ROOT)
    jobs = jobs_for(dataset)
    handbook = next(j for j in jobs if j.name == "so-tay-hoi-dap")
    ours, data = timed(lambda: render_pdf_bytes(handbook.html, handbook.css), args.runs)
    alone, _ = timed(lambda: weasyprint_alone(handbook.html, handbook.css), args.runs)
    pages = pdf_pages(data)
    cache = Path(tempfile.mkdtemp())
    out = Path(tempfile.mkdtemp())
    try:
        start = time.perf_counter()
        render_all(jobs, out, cache)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        cached = render_all(jobs, out, cache)
        warm = time.perf_counter() - start
        assert all(r.cached for r in cached)
        start = time.perf_counter()
        for job in jobs:
            weasyprint_alone(job.html, job.css)
        serial_alone = time.perf_counter() - start
    finally:
        shutil.rmtree(cache)
        shutil.rmtree(out)
    rows = [
        ("Full handbook, our print stage (the book laid out once, then the index alone with its page numbers)", f"{ours:.2f} s", f"{pages / ours:.1f} pages/s"),
        ("Full handbook, WeasyPrint alone on the same HTML and CSS", f"{alone:.2f} s", f"{pages / alone:.1f} pages/s"),
        (f"All {len(jobs)} publications, our stage, cold cache (parallel on {os.cpu_count()} cores)", f"{cold:.2f} s", ""),
        (f"All {len(jobs)} publications, WeasyPrint alone, one after another", f"{serial_alone:.2f} s", ""),
        (f"All {len(jobs)} publications, nothing changed (all from the cache)", f"{warm:.2f} s", ""),
    ]
    table = ["| measurement | median | rate |", "| --- | ---: | ---: |"] + [f"| {a} | {b} | {c} |" for a, b, c in rows]
    text = (f"# Print benchmark\n\nMachine: {machine()}. Median of {args.runs} runs for the handbook "
            f"({pages} A4 pages); single runs for the whole stage.\n\n" + "\n".join(table) + "\n")
    # Only this part is rewritten: the sections after it (Word files, paperwork, imposition)
    # come from bench/docx_bench.py and by hand, and are kept.
    target = ROOT / "bench" / "results-print.md"
    old = target.read_text(encoding="utf-8") if target.is_file() else ""
    rest = old[old.index("\n## "):] if "\n## " in old else ""
    target.write_text(text + rest, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
