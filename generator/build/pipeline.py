"""The build: takes a project root and a privacy profile; checks the data, produces the
pages, the search index and the downloads, hands the pages to the site engine, and swaps the
finished site into place. A failed build leaves the previous site untouched."""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import gc
import hashlib
import json
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.atomic_write import write_file_atomically
from generator.checks.check import check_project
from generator.load.fileload import heap_frozen
from generator.core.findings import Report
from generator.core.fingerprint import code_fingerprint, digest_tree
from generator.model.pii_mask import mask_dataset
from generator.build.public_scan import Guard
from generator.core.errors import BuildError
from generator.build.downloads import Roster, make_downloads
from generator.build.first_paint import apply as fast_first_paint
from generator.build.offline_zip import OFFLINE_ZIP, reading_downloads, show_size, write_offline_zip
from generator.build.outguard import build_lock, refuse_unsafe_site_out, stop_if_asked, write_marker
from generator.build.service_worker import WorkboxMissing, budget_note, precached_page, write_service_worker
from generator.core.safepaths import PathRefused, check_photo_file
from generator.produce.site.links import url_of
from generator.produce.site.mkdocs_adapter import EngineError, build_site, page_source
from generator.produce.site.pages import SiteContent, produce_pages
from generator.produce.site.search_index import OFFLINE_BASE, build_search_index
from generator.schema.jsonschema import site_files as schema_site_files
from generator.core.workdir import work_dir



@dataclass
class BuildResult:
    site_dir: Path
    report: Report | None
    pages: int
    skipped: bool = False  # nothing changed since the last build: nothing was rendered or written
    rendered_pages: int | None = None  # pages the engine rendered (None: all)
    notes: list[str] = field(default_factory=list)  # what the reader of the build should know (Vietnamese)


def default_out(root: Path, profile: str) -> Path:
    return root / ("site" if profile == "public" else "site-noi-bo")


INPUTS = ("data", "content", "theme", "mkdocs.yml")


def _files_under(root: Path, names: tuple[str, ...]) -> list[Path]:
    found: list[Path] = []
    for name in names:
        path = root / name
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(p for p in path.rglob("*") if p.is_file())
    return sorted(found)


def input_fingerprint(root: Path, profile: str, pdf: bool) -> str:
    """Everything a build is made from: the project's inputs, the code, the options."""
    digest = hashlib.sha256()
    for part in (digest_tree(_files_under(root, INPUTS), root), code_fingerprint(), profile, str(pdf),
                 os.environ.get("SOURCE_DATE_EPOCH", "")):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def build(root: Path, profile: str = "public", out: Path | None = None, pdf: bool = True, force: bool = False) -> BuildResult:
    """Build into `out`, which is checked first (never an input, never internal where the
    public site goes: OutputRefused); one build of a project runs at a time."""
    root = Path(root).resolve()
    default = default_out(root, profile)
    out = refuse_unsafe_site_out(root, Path(out) if out else default, profile, default)
    work = work_dir(root)
    with build_lock(work, out):
        return _build(root, profile, out, pdf, force, work)


def _build(root: Path, profile: str, out: Path, pdf: bool, force: bool, work: Path) -> BuildResult:
    stamp_path = work / "stamps" / f"{hashlib.sha256(str(out).encode()).hexdigest()[:16]}.json"
    stamp = _read_stamp(stamp_path)
    fingerprint = input_fingerprint(root, profile, pdf)
    if not force and out.is_dir() and stamp.get("inputs") == fingerprint:
        # The same inputs built this site before (and passed the check): render nothing.
        return BuildResult(out, None, stamp.get("pages", 0), skipped=True, rendered_pages=0)
    dataset, report = check_project(root)
    if not report.valid():
        raise BuildError("Dữ liệu còn lỗi.", report)
    # Public edition: personal data in free text is masked before anything is made from the
    # data, and the finished site is scanned for it before it replaces the old one.
    guard = Guard.for_dataset(dataset, mask_dataset(dataset)) if profile == "public" else None
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or _epoch(dataset.config.reference_date)
    # Named first and made inside the `try`: a SIGTERM (raised here as an exception) that
    # lands just after the folder exists still reaches the `finally` that removes it.
    downloads_dir = work / f"downloads-{secrets.token_hex(6)}"
    try:
        downloads_dir.mkdir(parents=True)
        _return_free_memory()  # what reading the files took and let go
        with heap_frozen():
            content = _produce(root, dataset, report, profile, pdf, work, downloads_dir)
        stop_if_asked()
        offline = reading_downloads((pid, at.obj.kind, at.obj.modules or sorted(dataset.modules))
                                    for pid, at in dataset.publications.items())
        # Everything from here on needs only the pages: the dataset goes before the search
        # index is made and the engine reads the pages (at nation scale it is gigabytes).
        del dataset
        gc.collect()
        files = _site_files(root, content)
        stop_if_asked()
        return _publish(root, out, content, files, downloads_dir, report, epoch, stamp, stamp_path, fingerprint,
                        profile, guard, offline)
    finally:
        shutil.rmtree(downloads_dir, ignore_errors=True)


def _produce(root: Path, dataset, report: Report, profile: str, pdf: bool, work: Path,
             downloads_dir: Path) -> SiteContent:
    """Everything made from the dataset: the downloads (written into `downloads_dir`) and
    the pages with their search entries, which come back without the dataset behind them."""
    # The pages are made while the roster workbook is made (in the background when there
    # is room for it); the downloads page, which lists every file with its size, once
    # everything exists.
    roster = Roster(dataset, profile, downloads_dir)
    try:
        listing = make_downloads(dataset, report, downloads_dir, work, pdf, profile)
        stop_if_asked()
        _return_free_memory()  # what the downloads took, before the pages take their share
        content = produce_pages(dataset, report, profile)
        listing.insert(0, roster.entry())
    finally:
        roster.close()
    listing.append((OFFLINE_ZIP, "Bản đọc ngoại tuyến: trang web, sổ tay và tài liệu phát tay (tệp nén, mở index.html)", 0))
    content = content.with_downloads(listing)
    return SiteContent(pages=content.pages, nav=content.nav, photos=content.photos, search_docs=content.search_docs,
                       footer=content.footer)


def _site_files(root: Path, content: SiteContent) -> dict[str, bytes]:
    """The files beside the pages: the search index, the published photos and the JSON
    Schemas editors' VS Code can point at (`/schemas/<kind>.schema.json`)."""
    files = build_search_index(content.search_docs)
    # The smaller index the service worker precaches: the pages it precaches, nothing else.
    files.update(build_search_index([d for d in content.search_docs if precached_page(d.url)], base=OFFLINE_BASE))
    files.update(schema_site_files())
    content.search_docs = []  # indexed: not needed any more
    for source, target in content.photos:
        try:  # resolved again where it is read: the path must still lie inside data/photos/
            files[target] = check_photo_file(root / "data", source).path.read_bytes()
        except (OSError, PathRefused):
            continue
    return files


def _publish(root: Path, out: Path, content: SiteContent, files: dict[str, bytes], downloads_dir: Path,
             report: Report, epoch: str, stamp: dict, stamp_path: Path, fingerprint: str, profile: str,
             guard: Guard | None = None, offline: set[str] = frozenset()) -> BuildResult:
    """The engine builds the pages into a new folder beside the site, the downloads join
    them, and the new site takes the old one's place."""
    work = work_dir(root)
    new_site = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        # Engine inputs other than the pages: when they are unchanged, only the pages whose
        # source changed are rendered again (the navigation is the same on every page).
        engine = hashlib.sha256(json.dumps([content.nav, content.footer, digest_tree(_files_under(root, ("theme", "mkdocs.yml")), root),
                                            code_fingerprint()], ensure_ascii=False).encode("utf-8")).hexdigest()
        docs_dir = work / "docs" / stamp_path.stem
        incremental = out.is_dir() and stamp.get("engine") == engine and docs_dir.is_dir()
        changed = sync_docs(docs_dir, content.pages, files, reset=not incremental)
        if incremental:
            shutil.rmtree(new_site)
            shutil.copytree(out, new_site, copy_function=_copy_or_link(out))
            for stale in set(stamp.get("outputs", [])) - {url_of(p.path) for p in content.pages} - set(files):
                (new_site / stale).unlink(missing_ok=True)
        try:
            with _environment("SOURCE_DATE_EPOCH", epoch):  # the engine stamps dates from it
                site_url = build_site(root / "mkdocs.yml", docs_dir, new_site, content.nav, strict=True, dirty=incremental,
                           copyright=content.footer)
        except EngineError as exc:
            raise BuildError("Bộ dựng trang báo lỗi:\n" + "\n".join(f"  - {m}" for m in exc.messages), report) from None
        fast_first_paint(new_site)  # before the zip, which carries the same pages
        _sync_tree(downloads_dir, new_site / "downloads", keep={OFFLINE_ZIP.removeprefix("downloads/")})
        admin_note = _write_admin(new_site, root)
        show_size(new_site, write_offline_zip(new_site, epoch, offline, site_url))
        app_note = _write_app(new_site)  # after the zip's size is on the pages it precaches
        if guard is not None:
            guard.check(new_site)  # raises BuildError: the old site stays
        write_marker(new_site, profile)
        os.chmod(new_site, _folder_mode())  # mkdtemp made it 0700: a web server copying it could not read it
        _swap(new_site, out)
    finally:
        if new_site.exists():
            shutil.rmtree(new_site, ignore_errors=True)
    _write_stamp(stamp_path, {"inputs": fingerprint, "engine": engine, "pages": len(content.pages),
                              "outputs": sorted({url_of(p.path) for p in content.pages} | set(files))})
    return BuildResult(out, report, len(content.pages), rendered_pages=changed if incremental else None,
                       notes=[note for note in (admin_note, app_note) if note])


def _folder_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o777 & ~mask


def sync_docs(docs_dir: Path, pages: list, files: dict[str, bytes], reset: bool) -> int:
    """Write the engine's docs_dir, leaving unchanged files untouched (their modification
    time tells the engine they need no rendering); remove files no longer produced.
    Returns how many pages were (re)written."""
    if reset and docs_dir.exists():
        shutil.rmtree(docs_dir)
    wanted: dict[str, bytes] = {page.path: page_source(page).encode("utf-8") for page in pages}
    wanted.update(files)
    written = 0
    for rel, data in wanted.items():
        target = docs_dir / rel
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += rel.endswith(".md")
    if docs_dir.is_dir():
        for path in docs_dir.rglob("*"):
            if path.is_file() and path.relative_to(docs_dir).as_posix() not in wanted:
                path.unlink()
    return written


def _sync_tree(source: Path, target: Path, keep: set[str]) -> None:
    """Copy a folder over another, rewriting only files whose bytes differ."""
    wanted = {p.relative_to(source).as_posix(): p for p in source.rglob("*") if p.is_file()}
    for rel, path in wanted.items():
        dest = target / rel
        data = path.read_bytes()
        if dest.is_file() and dest.read_bytes() == data:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{dest.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(dest)  # a new file: one shared with the previous site by a hard link stays as it was
    if target.is_dir():
        for path in target.rglob("*"):
            rel = path.relative_to(target).as_posix()
            if path.is_file() and rel not in wanted and rel not in keep:
                path.unlink()


def _read_stamp(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_stamp(path: Path, data: dict) -> None:
    write_file_atomically(path, json.dumps(data, ensure_ascii=False))


def _copy_or_link(old_site: Path):
    """Copy a file of the previous site into the new one; the downloads and the web editor
    are only ever replaced (never written into), so they are shared by hard links."""
    def copy(src: str, dst: str) -> None:
        if Path(src).relative_to(old_site).parts[0] in ("downloads", "admin"):
            try:
                os.link(src, dst)
                return
            except OSError:
                pass
        shutil.copy2(src, dst)
    return copy


def _return_free_memory() -> None:
    """Hand memory freed by the C allocator back to the system (glibc keeps it otherwise, and
    the exports of a nation-scale build free hundreds of megabytes). Nothing elsewhere."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _epoch(day: dt.date) -> str:
    return str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()))


def _write_admin(site: Path, root: Path) -> str | None:
    """The web editor (Decap CMS) at /admin/, when its bundle is installed (`npm ci`); else
    the note that says the site has none."""
    from generator.produce.cms import CmsBundleMissing, write_admin

    staging = Path(tempfile.mkdtemp(prefix="admin-", dir=work_dir(root)))
    try:
        write_admin(staging, root)
    except CmsBundleMissing as exc:
        shutil.rmtree(staging, ignore_errors=True)
        return f"Trang web không có trang biên tập /admin/: {exc}"
    _sync_tree(staging / "admin", site / "admin", keep=set())
    shutil.rmtree(staging, ignore_errors=True)


def _write_app(site: Path) -> str | None:
    """The installable, offline site (manifest, icons, service worker); a note for the build's
    reader when Workbox is not installed or the precache is over its budget."""
    from generator.produce.cms.bundle import node_modules_dir

    try:
        return budget_note(write_service_worker(site, node_modules_dir()))
    except WorkboxMissing as exc:
        return str(exc)


@contextlib.contextmanager
def _environment(name: str, value: str):
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def _swap(new_site: Path, out: Path) -> None:
    """Put the finished site in place; the old one is removed only after the rename."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-old-{os.getpid()}")
        out.rename(old)
    new_site.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
