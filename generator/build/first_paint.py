"""Takes a site the engine has just built; gives it a fast first paint: Material's stylesheets
pruned to what the pages use (generator/build/css_prune.py) and joined with the project's own
into one file, the first screen's rules inlined in each page's <head> and that file loaded
without blocking (media="print" swapped on load, <noscript> fallback), the scripts deferred,
and the search script kept only on pages with a search box. Rewrites the pages in place; the
same site in gives the same bytes out, and a page it already rewrote (an incremental build
copies them) is rewritten from the sources it recorded."""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from generator.build.css_prune import Usage, critical, prune
from generator.produce.site.mkdocs_adapter import theme_file

SITE_CSS_DIR = "assets/stylesheets"
SITE_CSS_PREFIX = "site."
SEARCH_SCRIPT = "assets/search.js"
# Pages that show a search box: the search page's widget (id="dv-search") and any search
# form that runs the script in place (class "dv-search-form", e.g. a header field). Only
# these pages load assets/search.js; a plain form that sends the query to the search page
# (the home page's, the 404 page's) needs no script.
SEARCH_BOX = re.compile(r"""<[^>]+(?:\sid\s*=\s*["']dv-search["']|\sclass\s*=\s*["'](?:[^"']*\s)?dv-search-form(?:\s[^"']*)?["'])""")

_STYLESHEET = re.compile(r"""[ \t]*<link rel="stylesheet" href="([^"]+)">[ \t]*\n?""")
_BLOCK = re.compile(r"""[ \t]*<style data-dv-sources="([^"]*)">.*?</style><link[^>]*data-dv-css[^>]*>"""
                    r"""<noscript><link[^>]*></noscript>[ \t]*\n?""", re.S)
_SCRIPT = re.compile(r"""<script src="([^"]+)"( defer)?([^>]*)></script>""")
_SKIP_DIRS = {"admin", "downloads"}  # the web editor's page and downloads are not engine pages


@dataclass
class _Page:
    path: Path
    text: str
    sources: list[str]  # site-relative paths of its stylesheets, in order
    prefix: str  # what its links put before a site-relative path ("../", "./", "https://…/")


def apply(site: Path) -> str | None:
    """Rewrite the site's pages; gives the site-relative path of the joined stylesheet (None
    when no page links a stylesheet)."""
    pages = [p for p in (_read(site, path) for path in _engine_pages(site)) if p is not None]
    if not pages:
        return None
    groups: dict[tuple[str, ...], list[_Page]] = {}
    for page in pages:
        groups.setdefault(tuple(page.sources), []).append(page)
    usage = Usage()
    for page in pages:
        usage.add_html(page.text)
    for script in sorted((site / "assets").glob("*.js")):  # the project's own scripts (not the engine's bundle)
        usage.add_script(script.read_text(encoding="utf-8", errors="replace"))
    written: set[str] = set()
    pruned_sources: set[str] = set()
    for sources, members in sorted(groups.items()):
        css_rel, inline, pruned = _joined_stylesheet(site, list(sources), usage)
        written.add(css_rel)
        pruned_sources |= pruned
        for page in members:
            text = _rewrite(page, css_rel, inline)
            if text != page.text:  # a page an incremental build kept as it was stays untouched
                page.path.write_text(text, encoding="utf-8")
    _remove_unused(site, written, pruned_sources)
    return sorted(written)[0]


def _engine_pages(site: Path) -> list[Path]:
    found = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).parts
        if rel[0] not in _SKIP_DIRS:
            found.append(path)
    return found


def _read(site: Path, path: Path) -> _Page | None:
    text = path.read_text(encoding="utf-8")
    head = text.split("</head>", 1)[0]
    page_dir = posixpath.dirname(path.relative_to(site).as_posix())
    block = _BLOCK.search(head)
    hrefs = html.unescape(block.group(1)).split() if block else [m.group(1) for m in _STYLESHEET.finditer(head)]
    if not hrefs:
        return None
    sources = [_site_relative(page_dir, href) for href in hrefs]
    prefix = hrefs[0][: len(hrefs[0]) - len(sources[0])] if hrefs[0].endswith(sources[0]) else ""
    return _Page(path, text, sources, prefix)


def _site_relative(page_dir: str, href: str) -> str:
    if "://" in href:  # with site_url the engine writes absolute links: the path after the site's own
        marker = href.find("/assets/")
        return href[marker + 1:] if marker >= 0 else href.rsplit("/", 1)[-1]
    return posixpath.normpath(posixpath.join(page_dir, href)).lstrip("/")


def _joined_stylesheet(site: Path, sources: list[str], usage: Usage) -> tuple[str, str, set[str]]:
    """Write the joined stylesheet of these sources; gives its path, the inline part and the
    theme stylesheets it pruned. The installed theme's stylesheets are pruned, the project's
    own (extra_css) are kept whole: custom properties they read are kept in the theme's."""
    texts: list[tuple[str, str, bool]] = []
    for rel in sources:
        original = theme_file(rel)
        path = site / rel
        data = path.read_bytes() if path.is_file() else original.read_bytes() if original else b""
        is_theme = original is not None and original.read_bytes() == data
        texts.append((rel, data.decode("utf-8"), is_theme))
    usage.scripts_and_styles += "".join(text for _, text, theme in texts if not theme)
    parts, pruned = [], {rel for rel, _, theme in texts if theme}
    flags = [theme for _, _, theme in texts]
    if flags == sorted(flags, reverse=True):  # the theme's first, then the project's: prune them as one
        theme_css = "\n".join(text for _, text, theme in texts if theme)
        if theme_css:
            parts.append(prune(theme_css, usage))
        parts.extend(_strip_comments(text) for _, text, theme in texts if not theme)
    else:  # interleaved: each on its own, custom properties all kept (another sheet may read them)
        parts = [prune(text, usage, drop_properties=False) if theme else _strip_comments(text) for _, text, theme in texts]
    joined = "\n".join(parts) + "\n"
    name = f"{SITE_CSS_PREFIX}{hashlib.sha256(joined.encode('utf-8')).hexdigest()[:10]}.css"
    css_rel = f"{SITE_CSS_DIR}/{name}"
    target = site / css_rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if not (target.is_file() and target.read_text(encoding="utf-8") == joined):
        target.write_text(joined, encoding="utf-8")
    inline = critical(joined)
    if re.search(r"</style", inline, re.I):
        raise ValueError("a stylesheet holds '</style', which cannot be inlined in <style>")
    return css_rel, inline, pruned


def _strip_comments(css: str) -> str:
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S).strip()


def _rewrite(page: _Page, css_rel: str, inline: str) -> str:
    head, sep, body = page.text.partition("</head>")
    href = html.escape(page.prefix + css_rel, quote=True)
    sources = html.escape(" ".join(page.prefix + s for s in page.sources), quote=True)
    block = (f'<style data-dv-sources="{sources}">{inline}</style>'
             f'<link rel="stylesheet" href="{href}" media="print" onload="this.media=\'all\'" data-dv-css>'
             f'<noscript><link rel="stylesheet" href="{href}"></noscript>\n')
    found = _BLOCK.search(head) or _STYLESHEET.search(head)
    start = found.start()
    head = _STYLESHEET.sub("", _BLOCK.sub("", head))
    head = head[:start] + block + head[start:] if start <= len(head) else head + block
    body = _scripts(body, has_search=bool(SEARCH_BOX.search(page.text)))
    return head + sep + body


def _scripts(body: str, has_search: bool) -> str:
    """Defer every script loaded from a file (their order is kept: deferred scripts run in
    document order once the page is parsed); drop the search script where no search box is."""
    def one(match: re.Match) -> str:
        src = match.group(1)
        if src.endswith(SEARCH_SCRIPT) and not has_search:
            return ""
        return f'<script src="{src}" defer{match.group(3)}></script>'
    return _SCRIPT.sub(one, body)


def _remove_unused(site: Path, written: set[str], pruned: set[str]) -> None:
    """The pruned theme stylesheets (and their source maps) and joined stylesheets of earlier
    builds: no page links them any more."""
    for rel in pruned:
        for path in (site / rel, site / f"{rel}.map"):
            path.unlink(missing_ok=True)
    for path in (site / SITE_CSS_DIR).glob(f"{SITE_CSS_PREFIX}*.css"):
        if path.relative_to(site).as_posix() not in written:
            path.unlink()
