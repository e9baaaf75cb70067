"""The build: takes a project root and a privacy profile; checks the data, produces the
pages, the search index and the downloads, hands the pages to the site engine, and swaps the
finished site into place. A failed build leaves the previous site untouched."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .check import check_project
from .exports import activities_calendar, csv_exports, deadlines_calendar, json_api, roster_workbook
from .findings import Report
from .printing.documents import jobs_for
from .printing.render import render_all
from .quiz_export import write_quiz_exports
from .reports import compute, periods_due, report_job, report_workbook
from .site.mkdocs_adapter import EngineError, build_site, write_docs
from .site.pages import produce_pages
from .site.search_index import build_search_index

OFFLINE_ZIP = "downloads/so-tay-dan-van-ngoai-tuyen.zip"


class BuildError(Exception):
    def __init__(self, message: str, report: Report | None = None):
        super().__init__(message)
        self.report = report


@dataclass
class BuildResult:
    site_dir: Path
    report: Report
    pages: int


def default_out(root: Path, profile: str) -> Path:
    return root / ("site" if profile == "public" else "site-noi-bo")


def build(root: Path, profile: str = "public", out: Path | None = None, pdf: bool = True) -> BuildResult:
    root = Path(root).resolve()
    out = Path(out).resolve() if out else default_out(root, profile)
    dataset, report = check_project(root)
    if not report.valid():
        raise BuildError("Dữ liệu còn lỗi.", report)
    os.environ.setdefault("SOURCE_DATE_EPOCH", _epoch(dataset.config.reference_date))
    work = root / "build"
    work.mkdir(exist_ok=True)
    downloads_dir = Path(tempfile.mkdtemp(prefix="downloads-", dir=work))
    listing = _make_downloads(dataset, report, downloads_dir, work, pdf, profile)
    listing.append((OFFLINE_ZIP, "Bản đọc ngoại tuyến (tệp nén, mở index.html)", 0))
    content = produce_pages(dataset, report, profile, downloads=listing)
    files = build_search_index(content.search_docs)
    for source, target in content.photos:
        path = root / "data" / source
        if path.is_file():
            files[target] = path.read_bytes()
    staging = Path(tempfile.mkdtemp(prefix="staging-", dir=work))
    new_site = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        docs_dir = staging / "docs"
        write_docs(docs_dir, content.pages, files)
        try:
            build_site(root / "mkdocs.yml", docs_dir, new_site, content.nav, strict=True)
        except EngineError as exc:
            raise BuildError("Bộ dựng trang báo lỗi:\n" + "\n".join(f"  - {m}" for m in exc.messages), report) from None
        shutil.copytree(downloads_dir, new_site / "downloads", dirs_exist_ok=True)
        _write_offline_zip(new_site)
        _swap(new_site, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(downloads_dir, ignore_errors=True)
        if new_site.exists():
            shutil.rmtree(new_site, ignore_errors=True)
    return BuildResult(out, report, len(content.pages))


def _make_downloads(dataset, report: Report, folder: Path, work: Path, pdf: bool, profile: str) -> list[tuple[str, str, int]]:
    """Render every publication (from the cache when unchanged), the periodic reports, the
    quiz exports, the rosters, the static JSON API, CSV tables and calendars."""
    listing: list[tuple[str, str, int]] = []
    files: dict[str, tuple[bytes, str]] = {
        "danh-sach-khoi-to-dan-van.xlsx": (roster_workbook(dataset, profile), "Danh sách Khối và Tổ Dân vận theo xã (bảng tính)"),
        "lich/han-bao-cao.ics": (deadlines_calendar(dataset), "Lịch hạn báo cáo (thêm vào lịch điện thoại)"),
        "lich/hoat-dong-tai-co-so.ics": (activities_calendar(dataset), "Lịch hoạt động tại cơ sở của các cơ quan phụ trách xã"),
    }
    for rel, data in {**json_api(dataset, profile), **csv_exports(dataset, profile)}.items():
        kind = "JSON" if rel.endswith(".json") else "CSV"
        files[rel] = (data, f"Dữ liệu {kind}: {rel.rsplit('/', 1)[-1]}")
    for aid in sorted(dataset.assignments):
        org = dataset.assignments[aid].obj.agency.party_org
        files[f"lich/phan-cong/{aid}.ics"] = (activities_calendar(dataset, aid), f"Lịch hoạt động: {org}")
    for rel, (data, label) in files.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        listing.append((f"downloads/{rel}", label, len(data)))
    periodic = [compute(dataset, report, period, year) for period, year in periods_due(dataset)]
    for data in periodic:
        path = folder / f"bao-cao-{data.period}-{data.year}.xlsx"
        path.write_bytes(report_workbook(dataset, data))
        listing.append((f"downloads/{path.name}", f"{data.title} (bảng tính)", path.stat().st_size))
    if pdf:
        jobs = jobs_for(dataset) + [report_job(dataset, data) for data in periodic]
        titles = {job.name: job.title for job in jobs}
        for item in render_all(jobs, folder, work / "pdf-cache"):
            listing.append((f"downloads/{item.path.name}", titles[item.name], item.path.stat().st_size))
    for path in write_quiz_exports(dataset, folder / "moodle"):
        label = "Câu hỏi kiểm tra cho Moodle (XML)" if path.name.endswith(".xml") else "Câu hỏi kiểm tra cho Moodle (GIFT)"
        module = dataset.modules.get(path.name.split(".")[0])
        listing.append((f"downloads/moodle/{path.name}", f"{label}: {module.obj.title if module else path.stem}", path.stat().st_size))
    return listing


def _epoch(day: dt.date) -> str:
    return str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()))


def _write_offline_zip(site: Path) -> None:
    target = site / OFFLINE_ZIP
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")), dt.timezone.utc)
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    # The offline copy is for reading on a phone: the PDFs and exports stay separate downloads.
    files = sorted(p for p in site.rglob("*") if p.is_file() and p != target and not p.name.startswith("sitemap")
                   and not p.relative_to(site).as_posix().startswith("downloads/"))
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo("so-tay-dan-van/" + path.relative_to(site).as_posix(), date_time=date_time)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())


def _swap(new_site: Path, out: Path) -> None:
    """Put the finished site in place; the old one is removed only after the rename."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-old-{os.getpid()}")
        out.rename(old)
    new_site.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
