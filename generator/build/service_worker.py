"""The installable, offline handbook: takes a finished site folder (pages, assets and search
index in place) and the node_modules folder `npm ci` filled; writes into the site the web app
manifest, its icons, the Workbox runtime files and `sw.js` with the precache list, and gives
what was precached (entries and bytes) against the budget.

What is precached (fetched once, when the worker installs): the home page, the search page, the
offline page, every Q&A and training-module page, the offline search index (those pages only, so
a result found offline opens offline, and its size does not grow with the province's communes
and models), and the files those pages
load (styles, scripts, icons) — found by reading the pages, so the list follows the theme. Not the
downloads page: every link on it needs the network anyway (it is 0.1 MB at province scale). Each entry carries a revision: the first 16 hex digits of the SHA-256 of its bytes,
so a new build re-downloads exactly the files that changed. Everything else is cached as it is
read (sw.js, below). The worker's behaviour is a real file, `service_worker.js` beside this
module; the build prepends the precache list and the build's version to it.

Paths are relative to the site root and the worker resolves them against its own address, so
the site works at a domain's root and under a project path (/<repo>/) alike."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from generator.build.app_icons import SIZES, icon_png
from generator.produce.site.other_pages import OFFLINE_PAGE_URL
from generator.produce.site.search_index import BASE, OFFLINE_BASE

SW_FILE = "sw.js"
MANIFEST_FILE = "manifest.webmanifest"
ICON_DIR = "assets/icons"
WORKBOX_DIR = "assets/workbox"
# Workbox's browser builds, in the order they must load (each one reads the ones before it).
WORKBOX_MODULES = ("workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching", "workbox-expiration")
THEME_COLOUR = "#d32f2f"  # Material's red as theme/assets/extra.css sets it
BUDGET = 3_000_000  # bytes of precache (as stored, uncompressed) at province scale
APP_NAME = "Sổ tay công tác dân vận"
APP_SHORT_NAME = "Sổ tay DV"
APP_DESCRIPTION = "Hỏi – đáp, tài liệu tập huấn và danh bạ công tác dân vận ở cơ sở; đọc được cả khi không có mạng."

# Pages precached by name, then by folder (every page in it).
_PAGES = ("index.html", "tim-kiem.html", OFFLINE_PAGE_URL)
_PAGE_FOLDERS = ("hoi-dap/", "chuyen-de/")
# The offline search index (pages precached here only: generator/produce/site/search_index.py
# OFFLINE_BASE); a site built without it precaches the full index.
_SEARCH_INDEXES = (OFFLINE_BASE, BASE)
_LOADED = re.compile(r'<(?:script|link|img)\b[^>]*?\b(?:src|href)="(?P<url>[^"]+)"[^>]*>', re.IGNORECASE)
_SKIPPED_LINKS = re.compile(r'\brel="(?:next|prev|canonical|alternate|manifest)"', re.IGNORECASE)
_SOURCE_MAP = re.compile(rb"\n//# sourceMappingURL=\S+\s*$")
_BEHAVIOUR = Path(__file__).with_name("service_worker.js")


class WorkboxMissing(Exception):
    """node_modules lacks a Workbox package (`npm ci` not run); the message is Vietnamese."""


@dataclass
class Precache:
    entries: list[dict[str, str]]  # {"url": site path, "revision": content hash}, sorted by url
    size: int  # bytes of all entries together
    version: str  # the build's version: a hash of the entries

    def over_budget(self, budget: int = BUDGET) -> bool:
        return self.size > budget


def _revision(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _site_path(page: str, url: str) -> str | None:
    """The site path `url` (as written in the page at site path `page`) points to, or None
    for another site, a data: URL or a fragment."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("#", "/")) or not parts.path:
        return None
    joined = PurePosixPath(page).parent / unquote(parts.path)
    resolved: list[str] = []
    for part in joined.parts:
        if part == "..":
            if resolved:
                resolved.pop()
        elif part != ".":
            resolved.append(part)
    return "/".join(resolved)


def precached_page(url: str) -> bool:
    """Whether the page of a site URL ("hoi-dap/x.html#anchor") is one the worker precaches."""
    page = url.split("#", 1)[0]
    return page in _PAGES or any(page.startswith(f) and "/" not in page[len(f):] and page.endswith(".html")
                                 for f in _PAGE_FOLDERS)


def precached_pages(site: Path) -> list[str]:
    pages = [p for p in _PAGES if (site / p).is_file()]
    for folder in _PAGE_FOLDERS:
        pages += sorted(p.relative_to(site).as_posix() for p in (site / folder).glob("*.html"))
    return pages


def _shell(site: Path, pages: list[str]) -> set[str]:
    """The files the precached pages load: styles, scripts, icons and images."""
    found: set[str] = set()
    for page in pages:
        html = (site / page).read_text(encoding="utf-8")
        for match in _LOADED.finditer(html):
            if match[0].lower().startswith("<link") and _SKIPPED_LINKS.search(match[0]):
                continue
            target = _site_path(page, match["url"])
            if target and (site / target).is_file() and not target.endswith(".html"):
                found.add(target)
    return found


def precache_list(site: Path) -> Precache:
    """Read the finished site (with the manifest and icons written) and list what to precache."""
    pages = precached_pages(site)
    paths = set(pages) | _shell(site, pages) | {MANIFEST_FILE}
    paths.update(f"{ICON_DIR}/icon-{size}.png" for size in SIZES)
    search = next((site / base for base in _SEARCH_INDEXES if (site / base).is_dir()), None)
    if search is not None:
        paths.update(p.relative_to(site).as_posix() for p in search.rglob("*") if p.is_file())
    entries, size = [], 0
    for path in sorted(paths):
        data = (site / path).read_bytes()
        size += len(data)
        entries.append({"url": path, "revision": _revision(data)})
    version = _revision(json.dumps(entries, sort_keys=True).encode("utf-8"))[:12]
    return Precache(entries, size, version)


def manifest(start: str = "index.html") -> dict:
    icons = []
    for purpose in ("any", "maskable"):
        icons += [{"src": f"{ICON_DIR}/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
                  for size in SIZES]
    return {
        "id": "./",
        "name": APP_NAME,
        "short_name": APP_SHORT_NAME,
        "description": APP_DESCRIPTION,
        "lang": "vi",
        "dir": "ltr",
        "start_url": f"./{start}",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": icons,
    }


def workbox_files(node_modules: Path) -> dict[str, bytes]:
    """The Workbox runtime files the worker imports, from node_modules (source-map comments
    removed: the site ships no source maps)."""
    files = {}
    for name in WORKBOX_MODULES:
        source = Path(node_modules) / name / "build" / f"{name}.prod.js"
        if not source.is_file():
            raise WorkboxMissing(f"Thiếu thư viện {name} trong {node_modules} (chưa chạy `npm ci`?): "
                                 "trang web sẽ không đọc được khi không có mạng.")
        files[f"{WORKBOX_DIR}/{name}.prod.js"] = _SOURCE_MAP.sub(b"\n", source.read_bytes())
    return files


def worker_source(precache: Precache) -> str:
    """sw.js: the version and precache list, then the behaviour (service_worker.js)."""
    imports = ", ".join(json.dumps(f"{WORKBOX_DIR}/{name}.prod.js") for name in WORKBOX_MODULES)
    head = (
        "/* The handbook's service worker, written by `handbook build` "
        "(generator/build/service_worker.py): precache list, then behaviour. */\n"
        f"importScripts({imports});\n"
        f"const BUILD = {json.dumps(precache.version)};\n"
        f"const OFFLINE_PAGE = {json.dumps(OFFLINE_PAGE_URL)};\n"
        f"const PRECACHE = {json.dumps(precache.entries, ensure_ascii=False, separators=(',', ':'))};\n"
    )
    return head + _BEHAVIOUR.read_text(encoding="utf-8")


def _write(path: Path, data: bytes) -> None:
    """Write unless the bytes are already there (a file kept from the last build keeps its time)."""
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)  # a new file: one shared with the previous site by a hard link stays as it was


def write_service_worker(site: Path, node_modules: Path) -> Precache:
    """Write the manifest, the icons, the Workbox files and sw.js into `site`; gives the precache."""
    files = workbox_files(node_modules)
    files[MANIFEST_FILE] = (json.dumps(manifest(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    for size in SIZES:
        files[f"{ICON_DIR}/icon-{size}.png"] = icon_png(size, THEME_COLOUR)
    for rel, data in files.items():
        _write(site / rel, data)
    precache = precache_list(site)
    _write(site / SW_FILE, worker_source(precache).encode("utf-8"))
    return precache


def budget_note(precache: Precache, budget: int = BUDGET) -> str | None:
    """A Vietnamese note for the build's reader when the precache is over its budget."""
    if not precache.over_budget(budget):
        return None
    size = f"{precache.size / 1_000_000:.2f}".replace(".", ",")
    return (f"Phần trang web lưu sẵn để đọc khi không có mạng nặng {size} MB, vượt mức {budget / 1_000_000:g} MB: "
            "điện thoại sẽ phải tải nhiều hơn trong lần mở đầu tiên.")
