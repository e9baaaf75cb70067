"""Rendering: takes `PrintJob`s, gives PDF files. Each PDF is cached under a hash of
everything it is made from (HTML, CSS, fonts, renderer version, variant), so a rebuild with
nothing changed renders nothing; jobs that do need rendering run in parallel on all cores."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.core.atomic_write import write_file_atomically
from generator.core.text import fold
from generator.produce.printing.documents import PrintJob
from generator.produce.printing.fonts import font_face_css, fonts_fingerprint



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


_PAGE_LIST = re.compile(r'<span class="pg-list" data-anchors="([^"]*)"(?: data-terms="([^"]*)")?></span>')
_INDEX_SECTION = re.compile(r'<section class="chapter index"[^>]*>.*?</section>', re.S)
_BODY = re.compile(r"(<body[^>]*>)(.*)(</body>)", re.S)
_FIRST_ID = re.compile(r'\bid="([^"]+)"')
# An empty page that only moves what follows to the right page number and side.
_SPACER = '<div style="page: blank; break-after: page; height: 1px"></div>'


class _Layout:
    """One document's fonts and style sheets, parsed once for every layout of it."""

    def __init__(self, css: str, variant: str | None):
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        self.fonts = FontConfiguration()
        self.stylesheets = [CSS(string=font_face_css(), font_config=self.fonts),
                            CSS(string=css, font_config=self.fonts)]
        self.options = {"pdf_variant": variant} if variant else {}

    def __call__(self, html: str, extra_css: str = ""):
        from weasyprint import CSS, HTML

        sheets = self.stylesheets + ([CSS(string=extra_css, font_config=self.fonts)] if extra_css else [])
        # The encoding is given explicitly: WeasyPrint would otherwise guess and may produce mojibake.
        document = HTML(string=html, encoding="utf-8", base_url=str(Path.cwd()))
        return document.render(stylesheets=sheets, font_config=self.fonts, **self.options)


def render_pdf_bytes(html: str, css: str, variant: str | None = None) -> bytes:
    """HTML → PDF, laid out once. An index of terms (`pg-list` placeholders, the book's last
    section) lists every page a term appears on, in order, consecutive pages merged into
    ranges ("63–69"): the book's layout tells those pages (see `index_pages`), then the index
    alone is laid out with them and its pages take the place of the placeholders' pages."""
    layout = _Layout(css, variant)
    document = layout(html)
    index = _INDEX_SECTION.search(html)
    if index and _PAGE_LIST.search(index.group(0)):
        document = _with_index(layout, document, html, index)
    return document.write_pdf(uncompressed_pdf=False, **layout.options)


def _with_index(layout: _Layout, book, html: str, index: re.Match):
    if not re.fullmatch(r"\s*</body>\s*</html>\s*", html[index.end():]):
        raise ValueError("the index of terms must be the last section of the book")
    pages = {anchor: number for number, page in enumerate(book.pages, 1) for anchor in page.anchors}
    found = _FIRST_ID.search(index.group(0))
    if found is None or found.group(1) not in pages:
        raise ValueError("the index of terms needs an element with an id, to know on which page it starts")
    first_id = found.group(1)
    start = pages[first_id]

    texts = _body_texts(book, pages, index.group(0))

    def numbers(match: re.Match) -> str:
        found = index_pages(match.group(1), match.group(2) or "", pages, texts)
        ranges = page_ranges(found).split(", ") if found else []
        return '<span class="pg-list">' + ", ".join(f'<span class="pg-range">{r}</span>' for r in ranges) + "</span>"

    # Spacer pages put the index on a page of the same side as in the book (the first page
    # is a right-hand one) and keep it off the `:first` page; the counter starts so that
    # the index's first page has the book's number.
    spacers = 2 if start % 2 else 1
    body = _SPACER * spacers + _PAGE_LIST.sub(numbers, index.group(0))
    alone = layout(_BODY.sub(lambda m: m.group(1) + body + m.group(3), html, count=1),
                   f"@page :first {{ counter-reset: page {start - spacers}; }}")
    if first_id not in alone.pages[spacers].anchors:
        raise ValueError("the index of terms did not start where the book placed it")
    return book.copy(book.pages[:start - 1] + alone.pages[spacers:])


_BODY_RANGE = re.compile(r'data-body="([^"]+)"')


def _page_text(box) -> str:
    """The text a reader sees on a page, margin boxes (running heads, page numbers) left out."""
    from weasyprint.formatting_structure.boxes import MarginBox, ParentBox, TextBox

    parts: list[str] = []

    def walk(node) -> None:
        if isinstance(node, MarginBox):
            return
        if isinstance(node, TextBox):
            parts.append(node.text)
        elif isinstance(node, ParentBox):
            for child in node.children:
                walk(child)

    walk(box)
    return " ".join(parts)


def _body_texts(book, pages: dict[str, int], index_html: str) -> dict[int, str]:
    """Folded text of each page of the book's body: from the page of the first anchor named in
    the index's `data-body` to the page before the second (the chapters, not the contents,
    glossary or index)."""
    found = _BODY_RANGE.search(index_html)
    if not found:
        return {}
    first, _, end = found.group(1).partition(" ")
    if first not in pages:
        return {}
    last = pages[end] - 1 if end in pages else len(book.pages)
    return {n: " ".join(fold(_page_text(book.pages[n - 1]._page_box)).split()) for n in range(pages[first], last + 1)}


def index_pages(anchors: str, terms: str, pages: dict[str, int], texts: dict[int, str]) -> list[int]:
    """The pages of an index entry: each anchor's page, every page from `a`'s to `b`'s for an
    `a..b` pair (a chapter), and every body page whose text holds one of the `|`-separated
    folded terms as whole words."""
    found = set()
    for token in anchors.split():
        first, dots, last = token.partition("..")
        if dots and first in pages and last in pages:
            found.update(range(pages[first], pages[last] + 1))
        elif token in pages:
            found.add(pages[token])
    needles = [t for t in terms.split("|") if t]
    if needles:
        pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in needles) + r")\b")
        found.update(n for n, text in texts.items() if pattern.search(text))
    return sorted(found)


def page_ranges(numbers: list[int]) -> str:
    """[3, 5, 6, 7, 9] → "3, 5–7, 9" (an en dash joins two or more consecutive pages)."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def _render_to(args: tuple[str, str, str | None, str]) -> str:
    html, css, variant, target = args
    data = render_pdf_bytes(html, css, variant)
    write_file_atomically(Path(target), data)  # two builds may render the same job into one cache
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
