"""Excel import limits benchmark (not a test): how fast `handbook import` refuses a hostile
workbook, and how long the largest sheet it accepts takes. Writes bench/results-excel.md.

Measured, each refusal both through the library (`inspect_import` + `import_teams`, the
project already loaded) and through the command (`python -m generator import`, a new
process: interpreter start, and the project load when the refusal comes after it):
- a zip bomb renamed .xlsx: one sheet part of 200 MB of zeros, deflated to ~200 KB;
- a workbook whose member sheet declares `<dimension ref="A1:L1048576"/>` (a stray cell in
  the last row Excel has), refused from the declaration before anything is parsed;
- the same workbook with the declaration lying (`A1:L12`), refused by counting rows while
  reading;
- `--largest`: a member sheet just under the row limit (one Tổ), read and checked with
  --dry-run, and the size of the YAML file it would make against the check's limit.

Target (issue 12): every refusal in under 2 s.

Run: python bench/excel_limits.py [--runs 5] [--largest]
"""

from __future__ import annotations

import argparse
import io
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.editors.excel import guard as xlsx_guard  # noqa: E402
from generator.load import yamlload  # noqa: E402
from generator.model.dataset import load_project  # noqa: E402
from generator.editors.excel.api import export_teams_workbook, import_teams, inspect_import  # noqa: E402
from generator.editors.excel.columns import SHEET_MEMBERS, columns_of  # noqa: E402
from generator.core.findings import Report  # noqa: E402

TEAM = "to-phuc-son-thon-dong"
TARGET_S = 2.0


def zip_bomb(path: Path, megabytes: int = 200) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            zeros = bytes(1 << 20)
            for _ in range(megabytes):
                sheet.write(zeros)
    return path


def last_row_workbook(dataset, path: Path) -> Path:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(export_teams_workbook(dataset, [TEAM])))
    wb[SHEET_MEMBERS].cell(1048576, 2).value = "x"
    wb.save(path)
    return path


def set_dimension(xlsx: Path, sheet: str, ref: str, out: Path) -> Path:
    part = xlsx_guard.inspect_workbook(xlsx).sheets[sheet].part
    with zipfile.ZipFile(xlsx) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == part:
                data = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), data, count=1)
            target.writestr(info, data)
    return out


def largest_workbook(dataset, path: Path) -> tuple[Path, int]:
    """The team's workbook with member rows up to the limit (the template's formatted empty
    rows dropped, so the sheet declares exactly its data). Written in write-only mode."""
    from openpyxl import Workbook, load_workbook

    source = load_workbook(io.BytesIO(export_teams_workbook(dataset, [TEAM])))
    wb = Workbook(write_only=True)
    fields = [c.field for c in columns_of(SHEET_MEMBERS)]
    rows = 0
    for ws_in in source.worksheets:
        ws = wb.create_sheet(ws_in.title)
        filled = [list(r) for r in ws_in.iter_rows(values_only=True) if any(v is not None for v in r)]
        for r in filled:
            ws.append(r)
        if ws_in.title == SHEET_MEMBERS:
            template = filled[2]
            rows = len(filled) - 1
            for k in range(xlsx_guard.MAX_DATA_ROWS - rows):
                row = list(template)
                row[fields.index("id")] = f"p-them-{k:05d}"
                row[fields.index("team_role")] = "Thành viên"
                row[fields.index("group")] = None
                ws.append(row)
            rows = xlsx_guard.MAX_DATA_ROWS
    wb.save(path)
    return path, rows


def timed(func, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def command(xlsx: Path, *extra: str) -> tuple[float, int, str]:
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "generator", "import", "--root", str(ROOT), str(xlsx), *extra],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    return time.perf_counter() - start, run.returncode, run.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--largest", action="store_true", help="also time the largest sheet accepted (~30 s)")
    args = parser.parse_args()
    dataset = load_project(ROOT, Report())
    rows: list[tuple[str, str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bomb = zip_bomb(work / "bom.xlsx")
        huge = last_row_workbook(dataset, work / "dong-cuoi.xlsx")
        lying = set_dimension(huge, SHEET_MEMBERS, "A1:L12", work / "khai-sai.xlsx")
        cases = [
            (f"zip bomb: 200 MB of zeros in {bomb.stat().st_size // 1024} KB", bomb, "IMPORT-ZIP-BOMB"),
            ("`<dimension>` says 1,048,576 rows (a stray cell in Excel's last row)", huge, "IMPORT-TOO-MANY-ROWS"),
            ("the same cell, `<dimension>` lying (A1:L12): rows counted while read", lying, "IMPORT-TOO-MANY-ROWS"),
        ]
        for label, path, code in cases:
            def library(path=path):
                inspection = inspect_import(path)
                return import_teams(path, ROOT / "data", dataset, dry_run=True, inspection=inspection)

            seconds, result = timed(library, args.runs)
            codes = [f.code for f in result.findings]
            assert codes == [code], (label, codes)
            cli_times = [command(path) for _ in range(max(1, args.runs // 2))]
            assert all(rc == 1 and f"[{code}]" in out for _, rc, out in cli_times), (label, cli_times[0])
            cli = statistics.median(t for t, _, _ in cli_times)
            verdict = "met" if max(seconds, cli) < TARGET_S else f"missed by {max(seconds, cli) - TARGET_S:.2f} s"
            rows.append((label, code, f"{seconds:.3f} s", f"{cli:.2f} s", f"< {TARGET_S:.0f} s: {verdict}"))
            print(f"{label}: refused ({code}) in {seconds:.3f} s (library), {cli:.2f} s (command); {rows[-1][-1]}")
        if args.largest:
            path, count = largest_workbook(dataset, work / "lon-nhat.xlsx")
            sizes: list[int] = []
            seconds, result = timed(lambda: _import_measuring(path, dataset, sizes), 1)
            assert result.ok, [f.message for f in result.findings][:3]
            label = f"largest sheet accepted: {count:,} member rows of one Tổ, --dry-run"
            rows.append((label, "(accepted)", f"{seconds:.2f} s", "", f"its YAML file: {max(sizes) / 2**20:.1f} MiB "
                         f"of the {yamlload.DEFAULT_MAX_BYTES / 2**20:.0f} MiB the check allows"))
            print(f"{label}: {seconds:.2f} s; the team file would be {max(sizes):,} bytes "
                  f"(check's limit {yamlload.DEFAULT_MAX_BYTES:,})")
    machine = f"{_cores()} cores, {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    lines = [
        "# Excel import limits",
        "",
        f"Machine: {machine}. `python bench/excel_limits.py --runs {args.runs}"
        + (" --largest" if args.largest else "") + "`; library: median of "
        f"{args.runs} runs with the project loaded; command: a new `handbook import` process (median of "
        f"{max(1, args.runs // 2)}), interpreter start included.",
        "",
        "| workbook | finding | library | command | target |",
        "| --- | --- | ---: | ---: | --- |",
        *[f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in rows],
        "",
    ]
    out = ROOT / "bench" / "results-excel.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


def _import_measuring(path: Path, dataset, sizes: list[int]):
    """A dry run of the import that notes the size of each file it would write."""
    from generator.editors.excel import importer as excel_import

    real = excel_import._would_fail_check

    def spy(imp, rendered):
        sizes.extend(len(data) for _, data in rendered)
        return real(imp, rendered)

    excel_import._would_fail_check = spy
    try:
        return import_teams(path, ROOT / "data", dataset, dry_run=True)
    finally:
        excel_import._would_fail_check = real


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


if __name__ == "__main__":
    main()
