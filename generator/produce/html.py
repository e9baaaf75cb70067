"""HTML safety: data strings are escaped, Markdown fields are rendered and then sanitised
(no raw HTML, scripts or event handlers survive), and document numbers become links."""

from __future__ import annotations

import html
import re
from typing import Callable

import markdown as md
import nh3

from generator.model.citations import Registry, find_mentions

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "h3", "h4", "h5", "table", "thead",
    "tbody", "tr", "th", "td", "code", "pre", "hr", "a", "sup", "sub", "span",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "span": {"class"}}


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


_converter: md.Markdown | None = None


def _markdown() -> md.Markdown:
    """One converter, reset between documents (building one costs more than converting)."""
    global _converter
    if _converter is None:
        _converter = md.Markdown(extensions=["tables", "sane_lists"], output_format="html")
        _converter.preprocessors.deregister("html_block")
        _converter.inlinePatterns.deregister("html")
    return _converter.reset()


def render_markdown(text: str | None, shift_headings: int = 1, top: int | None = None) -> str:
    """Markdown from data or content → sanitised HTML. Raw HTML in the source is escaped.
    With `top`, the fragment's headings start at that level and go down one level at a time
    whatever levels the writer used ("###" then "#####" under an <h2> become h3 then h4), so
    a page has no jump in its outline; otherwise each heading is moved `shift_headings` + 1
    levels down."""
    if not text:
        return ""
    rendered = _markdown().convert(text)
    if top is not None:
        rendered = rebase_headings(rendered, top)
    elif shift_headings:
        rendered = re.sub(r"<(/?)h([1-6])>", lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift_headings + 1)}>", rendered)
    return nh3.clean(rendered, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer")


_HEADING = re.compile(r"<(/?)h([1-6])>")


def rebase_headings(fragment: str, top: int) -> str:
    """The fragment's heading levels, in order of depth, mapped to `top`, `top` + 1, …
    (at most h5, the deepest the sanitiser keeps)."""
    levels = sorted({int(m.group(2)) for m in _HEADING.finditer(fragment)})
    new = {level: min(5, top + i) for i, level in enumerate(levels)}
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{new[int(m.group(2))]}>", fragment)


_TAG = re.compile(r"(<[^>]+>)")


class Linker:
    """Turns document numbers in HTML text into links to the registry; records backlinks."""

    def __init__(self, documents, href: Callable[[str, str], str]):
        self.registry = Registry(documents)
        self.href = href  # (from page, document id) -> relative URL
        self.backlinks: dict[str, set[str]] = {}

    def link(self, fragment_html: str, page: str) -> str:
        parts = _TAG.split(fragment_html)
        inside_link = 0
        for i, part in enumerate(parts):
            if part.startswith("<"):
                if re.match(r"<a[\s>]", part):
                    inside_link += 1
                elif part.startswith("</a"):
                    inside_link = max(0, inside_link - 1)
                continue
            if inside_link or not part:
                continue
            parts[i] = self._link_text(part, page)
        return "".join(parts)

    def _link_text(self, text: str, page: str) -> str:
        out, last = [], 0
        plain = html.unescape(text)
        if plain != text:  # escaped entities: work on the unescaped text and re-escape
            return self._link_plain(plain, page)
        for mention in find_mentions(text):
            doc_id = self.registry.resolve(mention)
            if not doc_id:
                continue
            out.append(text[last:mention.start])
            out.append(f'<a class="dv-cite" href="{esc(self.href(page, doc_id))}">{text[mention.start:mention.end]}</a>')
            last = mention.end
            self.backlinks.setdefault(doc_id, set()).add(page)
        out.append(text[last:])
        return "".join(out)

    def _link_plain(self, plain: str, page: str) -> str:
        out, last = [], 0
        for mention in find_mentions(plain):
            doc_id = self.registry.resolve(mention)
            if not doc_id:
                continue
            out.append(esc(plain[last:mention.start]))
            out.append(f'<a class="dv-cite" href="{esc(self.href(page, doc_id))}">{esc(plain[mention.start:mention.end])}</a>')
            last = mention.end
            self.backlinks.setdefault(doc_id, set()).add(page)
        out.append(esc(plain[last:]))
        return "".join(out)


def plain_text(fragment_html: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment_html)).split())


def local_decisions_html(ds, qa_id: str) -> str:
    """The province's recorded decisions on an answer (config.local_decisions), as printed under
    it on the site and in the handbooks: "Ở tỉnh Bắc Ninh: … (Căn cứ: …)". Escaped: the text comes
    from data."""
    if ds.config is None:
        return ""
    province = ds.config.province.name
    notes = [f'<p><strong>Ở tỉnh {esc(province)}:</strong> {esc(d.decision)}'
             + (f' <span class="dv-local-basis">(Căn cứ: {esc(d.basis)})</span>' if d.basis else "") + "</p>"
             for d in ds.config.local_decisions if d.answer == qa_id]
    return f'<div class="dv-local">{"".join(notes)}</div>' if notes else ""
