"""The offline copy of the site: takes the finished site folder, the downloads a reader needs
offline and the site's public address (if mkdocs.yml names one); gives the zip a reader
downloads, unpacks and opens with `index.html`, and the size to show beside its links.

What it holds: the pages, the assets they load, the search index, the photos and the reading
copies (the printed handbooks and the trainees' handouts). What it leaves out: the other
downloads (answer keys, sign-in sheets, spreadsheets: for officials, online), the web editor,
the JSON Schemas, the sitemaps, the theme's files no page loads (source maps, lunr and its
worker: the handbook searches with its own script), and the installable app (service worker,
Workbox, manifest, icons: none of it works from file://, so the pages' link to the
manifest goes too and the browser asks for nothing it cannot have). Every link of its pages to a file it does
not hold is rewritten: to the online address when the site has one, else to plain text marked
"chỉ có trên trang web", so that no link in the zip is dead."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.produce.site.other_pages import OFFLINE_ZIP, SIZE_MARK

FOLDER = "so-tay-dan-van/"  # the zip's one top folder: unpacking never scatters files
_SIZE = re.compile(r'<span class="dv-zip-size">[^<]*</span>')

# The offline search index is the service worker's (the zip has every page and the full index).
_LEFT_OUT = ("downloads/", "admin/", "schemas/", "assets/javascripts/lunr/", "assets/javascripts/workers/",
             "assets/workbox/", "assets/icons/", "assets/search-offline/")
_LEFT_OUT_FILES = {"sw.js", "manifest.webmanifest"}
_MANIFEST_LINK = re.compile(r'[ \t]*<link rel="manifest"[^>]*>\n?')
_LINK = re.compile(r'<a\b(?P<attrs>[^>]*?)\bhref="(?P<href>[^"]*)"(?P<rest>[^>]*)>(?P<text>.*?)</a>', re.DOTALL)
ONLINE_ONLY = "chỉ có trên trang web"


def reading_downloads(publications: Iterable[tuple[str, str, list[str]]]) -> set[str]:
    """The site paths of the downloads the zip holds: (publication id, kind, module ids) →
    its handbooks and trainees' handouts, never the print-shop (“-in-gap”) copies."""
    paths = set()
    for pid, kind, modules in publications:
        if kind == "handbook":
            paths.add(f"downloads/{pid}.pdf")
        elif kind == "module_handout":
            paths.update(f"downloads/{pid}-{mid}.pdf" for mid in modules)
    return paths


def members(site: Path, offline: set[str]) -> list[str]:
    """The site paths the zip holds, sorted."""
    chosen = []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if rel in offline:
            chosen.append(rel)
        elif rel.startswith(_LEFT_OUT) or rel in _LEFT_OUT_FILES or rel.startswith("sitemap") or rel.endswith(".map"):
            continue
        else:
            chosen.append(rel)
    return sorted(chosen)


def _target(page: str, href: str) -> str | None:
    """The site path a relative link of `page` points to, or None for an address elsewhere,
    a fragment or a mail link."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("#", "/")) or not parts.path:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))


def rewrite_links(page: str, html: str, held: set[str], site_url: str | None) -> str:
    """`html` of the site path `page` with every link to a file the zip does not hold made
    online-only."""
    def swap(match: re.Match) -> str:
        target = _target(page, match["href"])
        if target is None or target in held or f"{target}/index.html" in held:
            return match[0]
        if site_url:
            online = site_url.rstrip("/") + "/" + target
            return (f'<a{match["attrs"]}href="{online}"{match["rest"]} title="{ONLINE_ONLY}">'
                    f'{match["text"]}</a> <small class="dv-online-only">(cần mạng)</small>')
        return f'<span class="dv-online-only">{match["text"]} <small>({ONLINE_ONLY})</small></span>'
    return _LINK.sub(swap, html)


def write_offline_zip(site: Path, epoch: str, offline: set[str], site_url: str | None) -> int:
    """Write the zip into the site (unchanged bytes keep the old file); gives its size."""
    target = site / OFFLINE_ZIP
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp_target = target.with_suffix(".tmp")
    stamp = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    chosen = members(site, offline)
    held = set(chosen)
    with zipfile.ZipFile(tmp_target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for rel in chosen:
            data = (site / rel).read_bytes()
            if rel.endswith(".html"):
                html = _SIZE.sub(SIZE_MARK, data.decode("utf-8"))  # a page kept from the last build shows its size
                html = _MANIFEST_LINK.sub("", html)
                data = rewrite_links(rel, html, held, site_url).encode("utf-8")
            info = zipfile.ZipInfo(FOLDER + rel, date_time=date_time)
            info.external_attr = 0o644 << 16
            # PDFs and images are compressed already: storing them saves time and no bytes.
            info.compress_type = zipfile.ZIP_STORED if rel.endswith((".pdf", ".jpg", ".jpeg", ".png", ".webp")) \
                else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    if target.is_file() and target.read_bytes() == tmp_target.read_bytes():
        tmp_target.unlink()  # unchanged: keep the file as it was
    else:
        tmp_target.replace(target)
    return target.stat().st_size


def show_size(site: Path, size: int, pages: Iterable[str] = ("index.html", "tai-ve.html")) -> None:
    """Put the zip's size beside its links on the site's own pages (the copies inside the zip
    keep the dash: a file cannot hold its own size)."""
    shown = f"{size / 1_000_000:.1f}".replace(".", ",") + " MB" if size >= 100_000 else f"{max(1, round(size / 1024))} KB"
    text = f'<span class="dv-zip-size">{shown}</span>'
    for rel in pages:
        path = site / rel
        if path.is_file():
            html = path.read_text(encoding="utf-8")
            shown_html = _SIZE.sub(text, html)
            if shown_html != html:
                path.write_text(shown_html, encoding="utf-8")
