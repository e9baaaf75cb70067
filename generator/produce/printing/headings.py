"""Finished headings: takes a print document's HTML and the word rule (wordglue), gives the
HTML with every heading (h1–h4, the cover's title and subtitle) kept whole word by word, and
the centred titles (chapter headings, the cover's title) broken into lines of balanced length.

WeasyPrint does not support `text-wrap: balance`, so the break points are chosen here from
the fonts' own advance widths (Tinos, the face print.css uses) at the sizes and widths
print.css sets for each paper; lines are measured a little wide so that the renderer never
needs a break of its own."""

from __future__ import annotations

import functools
import html as htmllib
import re

from generator.produce.printing.fonts import font_files
from generator.produce.printing.wordglue import NBSP, Glue, balanced_lines

PT_PER_MM = 72 / 25.4
# Widths (mm) and sizes (pt) from print.css and documents.paper_css: text width of a page,
# the cover's text width, chapter heading size, cover title size.
PAPER = {
    "a4": {"text": 165, "cover": 170, "h1": 17, "title": 24},
    "a5": {"text": 120, "cover": 108, "h1": 14, "title": 18},
}
SAFETY = 0.96  # measure lines as if the page were 4% narrower
_HEADING = re.compile(r'(<(h[1-4])\b[^>]*>)(.*?)(</\2>)', re.S)
_COVER = re.compile(r'(<div class="(title|subtitle)">)(.*?)(</div>)', re.S)
_PAPER = re.compile(r'<html[^>]*class="(a4|a5)"')
_TAG = re.compile(r"(<[^>]+>)")


@functools.lru_cache(maxsize=4)
def _advances(bold: bool) -> tuple[dict[int, float], float]:
    from fontTools.ttLib import TTFont

    font = TTFont(font_files()[("Tinos", "normal", 700 if bold else 400)])
    hmtx, cmap, upem = font["hmtx"].metrics, font.getBestCmap(), font["head"].unitsPerEm
    return {code: hmtx[name][0] / upem for code, name in cmap.items()}, hmtx[cmap[ord("n")]][0] / upem


def text_width(text: str, size: float, bold: bool = True) -> float:
    """Width in points of text set in Tinos at `size` (no kerning; accents do not advance)."""
    advances, fallback = _advances(bold)
    return sum(advances.get(ord(ch), fallback) for ch in text) * size


def _glue_segments(inner: str, glue: Glue) -> str:
    """Glue the text between tags; the tags themselves are left alone."""
    parts = _TAG.split(inner)
    return "".join(part if part.startswith("<") else htmllib.escape(glue(htmllib.unescape(part)), quote=False)
                   for part in parts)


def balance(text: str, glue: Glue, size: float, width_mm: float, upper: bool) -> str:
    """Escaped HTML of `text` (plain) glued, with `<br>` at balanced break points."""
    glued = glue(text)
    chunks = glued.split(" ")
    shown = [c.upper() if upper else c for c in chunks]
    widths = [text_width(c, size) for c in shown]
    lines = balanced_lines(chunks, widths, text_width(" ", size), width_mm * PT_PER_MM * SAFETY)
    # the space stays before each <br>, so the text (and a running head copied from it) reads on
    return " <br>".join(htmllib.escape(" ".join(line), quote=False) for line in lines)


def finish_headings(document: str, glue: Glue) -> str:
    found = _PAPER.search(document)
    paper = PAPER[found.group(1) if found else "a4"]

    def heading(match: re.Match) -> str:
        open_tag, tag, inner, close = match.groups()
        if tag == "h1" and not _TAG.search(inner):
            return open_tag + balance(htmllib.unescape(inner), glue, paper["h1"], paper["text"], True) + close
        return open_tag + _glue_segments(inner, glue) + close

    def cover(match: re.Match) -> str:
        open_tag, kind, inner, close = match.groups()
        if kind == "title" and not _TAG.search(inner):
            return open_tag + balance(htmllib.unescape(inner), glue, paper["title"], paper["cover"], True) + close
        return open_tag + _glue_segments(inner, glue) + close

    return _COVER.sub(cover, _HEADING.sub(heading, document))


__all__ = ["NBSP", "finish_headings", "balance", "text_width"]
