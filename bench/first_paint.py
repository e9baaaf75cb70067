"""First contentful paint on a weak phone connection (benchmark, never run by the tests):
builds the sample and the synthetic province before and after the first-paint step, serves
each site on 127.0.0.1 with gzip (as GitHub Pages serves text), and loads the home page, a
Q&A page and a commune page in headless Chromium at 360×740 with the network throttled over
the DevTools protocol (400 ms round trips, 400 kbps down and up) and the CPU slowed 4×, cold
cache, 3 runs each; writes the medians to bench/results-first-paint.md with the machine.

"Before" is the code and theme of a git revision (default: main), unpacked with `git archive`
and run with the same virtual environment; "after" is this checkout.

Run:  .venv/bin/python bench/first_paint.py [--before main] [--runs 3] [--scales sample,province]
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# outside the checkout: a build may not write into a project's build/ (its caches)
WORK = Path(os.environ.get("DV_BENCH_DIR") or tempfile.gettempdir()) / "dv-bench-first-paint"
RESULTS = ROOT / "bench" / "results-first-paint.md"
sys.path.insert(0, str(ROOT / "tests"))

LATENCY_MS = 400
THROUGHPUT = 400 * 1000 // 8  # 400 kbps in bytes per second
CPU_SLOWDOWN = 4
VIEWPORT = {"width": 360, "height": 740}
TARGET_S = 1.5
GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


# ------------------------------------------------------------------ builds


def _unpack(rev: str, into: Path) -> Path:
    """The tree of a git revision (code, theme, sample data) in a folder."""
    if into.exists():
        shutil.rmtree(into)
    into.mkdir(parents=True)
    data = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev], check=True,
                          capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    if (ROOT / "node_modules").is_dir() and not (into / "node_modules").exists():
        (into / "node_modules").symlink_to(ROOT / "node_modules")  # the web editor's bundle
    return into


def _handbook(code: Path, *args: str) -> None:
    """Run `handbook` with the code of `code` (PYTHONPATH wins over the editable install)."""
    env = dict(os.environ, PYTHONPATH=str(code))
    subprocess.run([sys.executable, "-c", "from generator.cli.main import main; main()", *args], check=True, env=env,
                   cwd=code, stdout=subprocess.DEVNULL)


def build_sites(before_rev: str, scales: list[str]) -> dict[tuple[str, str], Path]:
    """(scale, "before"|"after") → a built site folder."""
    sites = {}
    before = _unpack(before_rev, WORK / "before-code")
    for side, code in (("before", before), ("after", ROOT)):
        for scale in scales:
            out = WORK / f"site-{side}-{scale}"
            if os.environ.get("DV_BENCH_REUSE") and out.is_dir():
                sites[(scale, side)] = out
                continue
            if scale == "sample":
                project = code
            else:
                project = WORK / f"{side}-{scale}"
                if project.exists():
                    shutil.rmtree(project)
                _handbook(code, "synth", "--scale", scale, "--out", str(project))
            print(f"building {scale} ({side}) …", flush=True)
            _handbook(code, "build", "--no-pdf", "--force", "--root", str(project), "--out", str(out))
            sites[(scale, side)] = out
    return sites


def pages_of(site: Path) -> dict[str, str]:
    """The three pages measured: home, a Q&A page and the first commune page."""
    communes = sorted(p for p in (site / "don-vi").glob("*.html")
                      if re.search(r"<h1[^>]*>\s*Xã ", p.read_text(encoding="utf-8")))
    return {"trang chủ": "index.html", "hỏi – đáp": "hoi-dap/dan-van-kheo.html",
            "trang xã": communes[0].relative_to(site).as_posix()}


# ------------------------------------------------------------------ the server


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text types gzipped (level 6) when the browser accepts it, as GitHub
    Pages does. Compressed bodies are kept in memory between requests."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "application/javascript", ".html": "text/html; charset=utf-8",
                      ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json"}
    cache: dict[str, bytes] = {}

    def send_head(self):
        path = self.translate_path(self.path)
        ctype = self.guess_type(path)
        if (os.path.isfile(path) and ctype.startswith(GZIP_TYPES)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = self.cache.get(path)
            if body is None:
                with open(path, "rb") as handle:
                    body = self.cache[path] = gzip.compress(handle.read(), 6, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    def log_message(self, format, *args):  # noqa: A002
        pass


def serve(site: Path):
    from browser import serve as serve_dir

    handler = type("Handler", (_GzipHandler,), {"cache": {}})
    return serve_dir(site, handler)


# ------------------------------------------------------------------ the browser

_READ = """() => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  return {fcp: fcp ? fcp.startTime : null,
          bytes: nav.transferSize + res.reduce((a, r) => a + r.transferSize, 0)};
}"""


def measure(browser, url: str) -> dict:
    """One cold load under the throttling: first contentful paint (ms) and bytes transferred by `load`."""
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": LATENCY_MS,
                                                  "downloadThroughput": THROUGHPUT, "uploadThroughput": THROUGHPUT})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.goto(url, wait_until="load", timeout=120_000)
    page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0", timeout=60_000)
    result = page.evaluate(_READ)
    context.close()
    return result


def run(sites: dict[tuple[str, str], Path], runs: int) -> list[dict]:
    from playwright.sync_api import sync_playwright

    from browser import launch

    rows = []
    with sync_playwright() as p:
        browser = launch(p)
        for (scale, side), site in sorted(sites.items()):
            with serve(site) as origin:
                for label, path in pages_of(site).items():
                    samples = [measure(browser, f"{origin}/{path}") for _ in range(runs)]
                    fcp = statistics.median(s["fcp"] for s in samples) / 1000
                    kb = statistics.median(s["bytes"] for s in samples) / 1024
                    rows.append({"scale": scale, "side": side, "page": label, "path": path, "fcp": fcp, "kb": kb,
                                 "all": [round(s["fcp"] / 1000, 2) for s in samples]})
                    print(f"{scale:9} {side:6} {label:10} FCP {fcp:.2f} s  {kb:.0f} KB  {rows[-1]['all']}", flush=True)
        browser.close()
    return rows


# ------------------------------------------------------------------ the report


def machine() -> str:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    return (f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu or 'unknown CPU'}), "
            f"Python {platform.python_version()}, {chromium or 'Chromium'} headless; the machine is shared with other jobs")


def write(rows: list[dict], before_rev: str, runs: int) -> None:
    lines = ["# First contentful paint on a weak phone connection", "",
             f"`python bench/first_paint.py` — {machine()}.", "",
             f"Headless Chromium, 360×740 (mobile, DPR 2), network throttled over the DevTools protocol "
             f"({LATENCY_MS} ms latency, {THROUGHPUT * 8 // 1000} kbps down and up), CPU ×{CPU_SLOWDOWN}, cold cache, "
             f"served from 127.0.0.1 with gzip for text (level 6, as GitHub Pages). Median of {runs} runs; "
             f"KB = bytes transferred by the `load` event. Before = `{before_rev}` (the same sample and synthetic data); "
             f"target ≤ {TARGET_S} s at province scale.", "",
             "| scale | page | before FCP | after FCP | before KB | after KB | after runs (s) |",
             "| --- | --- | ---: | ---: | ---: | ---: | --- |"]
    by = {(r["scale"], r["page"], r["side"]): r for r in rows}
    for scale in dict.fromkeys(r["scale"] for r in rows):
        for page in dict.fromkeys(r["page"] for r in rows if r["scale"] == scale):
            b, a = by.get((scale, page, "before")), by.get((scale, page, "after"))
            if not (a and b):
                continue
            lines.append(f"| {scale} | {page} (`{a['path']}`) | {b['fcp']:.2f} s | {a['fcp']:.2f} s | {b['kb']:.0f} | "
                         f"{a['kb']:.0f} | {', '.join(f'{x:.2f}' for x in a['all'])} |")
    province = [r for r in rows if r["scale"] == "province" and r["side"] == "after"]
    if province:
        worst = max(r["fcp"] for r in province)
        lines += ["", f"Province scale, after: worst median {worst:.2f} s — target ≤ {TARGET_S} s "
                      f"{'met' if worst <= TARGET_S else 'NOT met'}."]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="main", help="git revision measured as 'before' (default: main)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scales", default="sample,province")
    parser.add_argument("--no-build", action="store_true", help="measure the sites built by an earlier run")
    args = parser.parse_args()
    scales = args.scales.split(",")
    WORK.mkdir(parents=True, exist_ok=True)
    if args.no_build:
        sites = {(s, side): WORK / f"site-{side}-{s}" for s in scales for side in ("before", "after")}
    else:
        sites = build_sites(args.before, scales)
    write(run(sites, args.runs), args.before, args.runs)


if __name__ == "__main__":
    main()
