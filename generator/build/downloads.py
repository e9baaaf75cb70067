"""The downloads of a build: takes the checked (and, for the public edition, masked) dataset
and a folder; writes into it every publication as PDF (from the render cache when
unchanged), the periodic reports (PDF, Word, XLSX), the paperwork (internal edition only), the quiz exports, the JSON API, the CSV tables, the
calendars and the roster workbook (made in a forked process while the pages are made); gives
the downloads page's entries."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator.core.artifacts import ArtifactCache
from generator.core.findings import Report
from generator.core.fingerprint import code_fingerprint
from generator.load.fileload import available_workers, gc_paused
from generator.model.pii_mask import mask_fingerprint
from generator.produce.exports import (
    activities_calendar, assignment_events_ics, deadlines_calendar, iter_csv_exports, iter_json_api, roster_workbook,
)
from generator.produce.printing.documents import jobs_for
from generator.produce.printing.impose import PRINTING_NOTE, impose_saddle_stitch
from generator.produce.printing.render import render_all
from generator.produce.quiz_export import write_quiz_exports
from generator.produce.reports import compute, periods_due, report_job, report_workbook
from generator.produce.docx.periodic import report_bundle
from generator.build.official_files import write_official, write_paperwork


Listing = list[tuple[str, str, int]]  # (site path, label, size) for the downloads page


def write_file(folder: Path, rel: str, data: bytes | Iterable[bytes], label: str) -> tuple[str, str, int]:
    """Write a download (its bytes, or their pieces in order); gives its downloads page entry."""
    target = folder / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    with target.open("wb") as out:
        for piece in ([data] if isinstance(data, bytes) else data):
            size += out.write(piece)
    return f"downloads/{rel}", label, size


def make_downloads(dataset, report: Report, folder: Path, work: Path, pdf: bool, profile: str) -> Listing:
    """Render every publication (from the cache when unchanged), the periodic reports, the
    quiz exports, the static JSON API, CSV tables and calendars (the roster workbook is made
    by `_Roster`). Each is written into `folder` as soon as it is made (at nation scale the
    tables alone are hundreds of megabytes); gives the downloads page's entries."""
    cache = ArtifactCache(work / "cache" / "exports", salt=code_fingerprint() + profile + mask_fingerprint(dataset))
    shared = sorted({loc.file.digest for loc in dataset.units.values()} | {dataset.config_at.file.digest})

    def events_of(aid: str) -> bytes:  # an agency's events: its own file, the places, the configuration
        return cache.get(f"events/{aid}", [dataset.assignments[aid].file.digest, *shared],
                         lambda: assignment_events_ics(dataset, aid))

    listing: Listing = [
        write_file(folder, "lich/han-bao-cao.ics", deadlines_calendar(dataset),
                    "Lịch hạn báo cáo (thêm vào lịch điện thoại)"),
        write_file(folder, "lich/hoat-dong-tai-co-so.ics", activities_calendar(dataset, events=events_of),
                    "Lịch hoạt động tại cơ sở của các cơ quan phụ trách xã"),
    ]
    for tables in (iter_json_api(dataset, profile), iter_csv_exports(dataset, profile)):
        for rel, chunks in tables:  # written piece by piece: at nation scale a file is hundreds of megabytes
            kind = "JSON" if rel.endswith(".json") else "CSV"
            listing.append(write_file(folder, rel, chunks, f"Dữ liệu {kind}: {rel.rsplit('/', 1)[-1]}"))
    for aid in sorted(dataset.assignments):
        org = dataset.assignments[aid].obj.agency.party_org
        listing.append(write_file(folder, f"lich/phan-cong/{aid}.ics", activities_calendar(dataset, aid, events=events_of),
                                   f"Lịch hoạt động: {org}"))
    cache.prune()
    periodic = [compute(dataset, report, period, year) for period, year in periods_due(dataset)]
    for data in periodic:
        listing.append(write_file(folder, f"bao-cao-{data.period}-{data.year}.xlsx", report_workbook(dataset, data),
                                   f"{data.title} (bảng tính)"))
    listing += write_official([report_bundle(dataset, data) for data in periodic], folder, "", work, pdf=False)
    if profile == "internal":  # the paperwork names people
        listing += write_paperwork(dataset, folder, work, pdf)
    if pdf:
        jobs = jobs_for(dataset) + [report_job(dataset, data) for data in periodic]
        titles = {job.name: job.title for job in jobs}
        for item in render_all(jobs, folder, work / "pdf-cache"):
            listing.append((f"downloads/{item.path.name}", titles[item.name], item.path.stat().st_size))
            at = dataset.publications.get(item.name)
            if at is not None and at.obj.paper == "A5" and at.obj.booklet:  # the same booklet, ready to fold
                listing.append(write_file(folder, f"{item.name}-in-gap.pdf", impose_saddle_stitch(item.path.read_bytes()),
                                          f"{titles[item.name]} — bản in gấp thành cuốn ({PRINTING_NOTE})"))
    for path in write_quiz_exports(dataset, folder / "moodle"):
        label = "Câu hỏi kiểm tra cho Moodle (XML)" if path.name.endswith(".xml") else "Câu hỏi kiểm tra cho Moodle (GIFT)"
        module = dataset.modules.get(path.name.split(".")[0])
        listing.append((f"downloads/moodle/{path.name}", f"{label}: {module.obj.title if module else path.stem}",
                        path.stat().st_size))
    return listing


_BACKGROUND_INPUT: tuple | None = None  # what a forked worker reads (nothing is pickled to it)
ROSTER_NAME = "danh-sach-khoi-to-dan-van.xlsx"


def _roster() -> bytes:
    dataset, profile = _BACKGROUND_INPUT
    with gc_paused():
        return roster_workbook(dataset, profile)


class Roster:
    """The roster workbook (the slowest single output of a rebuild): made in a forked
    process while the other downloads and the pages are made in this one. Made here, first,
    when there is a single core, or when the data is so large that the forked process's
    copy of it would double the build's memory (a fork shares the data only until the
    process touches it, and writing the roster touches every person)."""

    BACKGROUND_MAX_PEOPLE = 200_000  # a province has about 20,000; the nation about 800,000
    LABEL = "Danh sách Khối và Tổ Dân vận theo xã (bảng tính)"

    def __init__(self, dataset, profile: str, folder: Path):
        global _BACKGROUND_INPUT
        _BACKGROUND_INPUT = (dataset, profile)
        self.folder = folder
        self.pool = None
        self.written = None
        if available_workers() > 1 and len(dataset.people) <= self.BACKGROUND_MAX_PEOPLE:
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
            self.future = self.pool.submit(_roster)  # forks now: the worker sees _BACKGROUND_INPUT
        else:
            self.written = write_file(folder, ROSTER_NAME, _roster(), self.LABEL)

    def entry(self) -> tuple[str, str, int]:
        """The workbook written into the downloads folder: its downloads page entry."""
        return self.written or write_file(self.folder, ROSTER_NAME, self.future.result(), self.LABEL)

    def close(self) -> None:
        global _BACKGROUND_INPUT
        if self.pool:
            self.pool.shutdown(wait=True, cancel_futures=True)
        _BACKGROUND_INPUT = None
