"""Rendering: takes `PrintJob`s, gives PDF files. Each PDF is cached under a hash of
everything it is made from (HTML, CSS, fonts, renderer version, variant), so a rebuild with
nothing changed renders nothing; jobs that do need rendering run in parallel on all cores."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .documents import PrintJob
from .fonts import font_face_css, fonts_fingerprint

VARIANTS = (None, "pdf/ua-1", "pdf/a-3b")


@dataclass(frozen=True)
class Rendered:
    name: str
    path: Path
    cached: bool


def _renderer_version() -> str:
    import weasyprint

    return weasyprint.__version__


def job_key(job: PrintJob, variant: str | None, fonts: str) -> str:
    digest = hashlib.sha256()
    for part in (job.html, job.css, fonts, _renderer_version(), variant or "plain"):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


_PAGE_LIST = re.compile(r'<span class="pg-list" data-anchors="([^"]*)"></span>')


def _layout(html: str, css: str, variant: str | None):
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    stylesheets = [CSS(string=font_face_css(), font_config=fonts), CSS(string=css, font_config=fonts)]
    # The encoding is given explicitly: WeasyPrint would otherwise guess and may produce mojibake.
    document = HTML(string=html, encoding="utf-8", base_url=str(Path.cwd()))
    options = {"pdf_variant": variant} if variant else {}
    return document.render(stylesheets=stylesheets, font_config=fonts, **options), options


def render_pdf_bytes(html: str, css: str, variant: str | None = None) -> bytes:
    """HTML → PDF. An index of terms (`pg-list` placeholders) takes a second pass: the first
    lays the book out to learn on which page each question sits, so each term lists each
    page once, in order."""
    rendered, options = _layout(html, css, variant)
    if _PAGE_LIST.search(html):
        pages = {anchor: number for number, page in enumerate(rendered.pages, 1) for anchor in page.anchors}

        def numbers(match: re.Match) -> str:
            found = sorted({pages[a] for a in match.group(1).split() if a in pages})
            return f'<span class="pg-list">{", ".join(str(n) for n in found)}</span>'

        rendered, options = _layout(_PAGE_LIST.sub(numbers, html), css, variant)
    return rendered.write_pdf(uncompressed_pdf=False, **options)


def _render_to(args: tuple[str, str, str | None, str]) -> str:
    html, css, variant, target = args
    data = render_pdf_bytes(html, css, variant)
    # A unique temporary name: two builds may render the same job into the same cache.
    handle, tmp = tempfile.mkstemp(dir=Path(target).parent, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(tmp, target)
    return target


def render_all(jobs: list[PrintJob], out_dir: Path, cache_dir: Path, variant: str | None = None,
               workers: int | None = None) -> list[Rendered]:
    out_dir.mkdir(parents=True, exist_ok=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    fonts = fonts_fingerprint()
    keys = {job.name: job_key(job, variant, fonts) for job in jobs}
    todo = [job for job in jobs if not (cache_dir / f"{keys[job.name]}.pdf").is_file()]
    if todo:
        args = [(job.html, job.css, variant, str(cache_dir / f"{keys[job.name]}.pdf")) for job in todo]
        workers = workers or min(len(todo), os.cpu_count() or 1)
        if workers > 1:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                list(pool.map(_render_to, args))
        else:
            for arg in args:
                _render_to(arg)
    results = []
    rendered_now = {job.name for job in todo}
    for job in jobs:
        target = out_dir / f"{job.name}.pdf"
        shutil.copyfile(cache_dir / f"{keys[job.name]}.pdf", target)
        results.append(Rendered(job.name, target, job.name not in rendered_now))
    return results
