"""The one place that knows the site engine: takes generated pages, extra files and the
navigation, writes them as a MkDocs docs_dir and builds with the project's plain
`mkdocs.yml` (Material theme), overriding only docs_dir, site_dir, nav, strict and the
footer's copyright line; gives the 404 page links that work under a project path.
Replacing MkDocs with ProperDocs or Zensical means replacing this module."""

from __future__ import annotations

import functools
import html
import json
import logging
from pathlib import Path

from generator.produce.site.context import Page


class EngineError(Exception):
    """The engine reported warnings or failed; `messages` says what it said."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


_BODY_OPEN, _BODY_CLOSE = '<div class="dv-page">', "</div>"


def page_source(page: Page) -> str:
    """A page as the engine reads it: front matter, then the page's HTML as one raw block
    (plain Markdown, so any engine that reads `mkdocs.yml` renders it the same)."""
    front = {"title": engine_text(page.title)}
    if page.description:
        front["description"] = html.escape(page.description, quote=True)  # lands in an attribute
    header = "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items())
    return f"---\n{header}\n---\n\n{_BODY_OPEN}{page.body}{_BODY_CLOSE}\n"


def engine_text(text: str) -> str:
    """A string from data as the engine's templates print it. Material prints page titles
    and navigation labels unescaped (its Jinja has no autoescape) into <title>, the header,
    the <h1> and the navigation; nowhere raw inside an attribute, so <, > and & suffice."""
    return html.escape(text, quote=False)


def engine_nav(nav: list) -> list:
    """The navigation with every label escaped for the engine (see `engine_text`)."""
    out = []
    for entry in nav:
        if isinstance(entry, dict):
            out.append({engine_text(k): engine_nav(v) if isinstance(v, list) else v for k, v in entry.items()})
        else:
            out.append(entry)
    return out


def _generated_html_plugin():
    """Our pages are HTML already, made and sanitised by the generator; Markdown would parse
    that raw block twice (the engine's anchor scan, then its HTML block parser) only to give
    it back unchanged, which is most of the engine's time on a large directory page. This
    plugin passes such a page's block around Markdown. A page written by hand in Markdown
    is converted as usual."""
    from mkdocs.plugins import BasePlugin

    class GeneratedHtml(BasePlugin):
        def __init__(self) -> None:
            self.bodies: dict[str, str] = {}

        def on_page_markdown(self, markdown: str, page, config, files) -> str:
            text = markdown.strip("\n")
            if text.startswith(_BODY_OPEN) and text.endswith(_BODY_CLOSE):
                self.bodies[page.file.src_uri] = text
                return ""
            return markdown

        def on_page_content(self, html: str, page, config, files) -> str:
            return self.bodies.pop(page.file.src_uri, html)

    return GeneratedHtml()


def _error_page_plugin():
    """Gives the 404 page links that work under a project path (see `_error_page_context`)."""
    from mkdocs.plugins import BasePlugin

    class ErrorPage(BasePlugin):
        def __init__(self) -> None:
            self.roots: list[str] = []

        def on_files(self, files, config):
            self.roots = sorted({f.dest_uri.split("/", 1)[0] for f in files} | {"assets"})
            return files

        def on_template_context(self, context, template_name, config):
            if template_name == "404.html" and not config.site_url:
                _error_page_context(context, config, self.roots)
            return context

    return ErrorPage()


def _error_page_context(context, config, roots: list[str]) -> None:
    """The 404 page is served for a missing path at any depth, so relative links cannot work
    from it, and MkDocs, without `site_url`, makes them root-absolute ("/assets/…"), which
    misses the site under a project path (GitHub Pages serves "/<repo>/"). Here its links
    become "./…", and theme/404.html sets a <base> at the site's root, found from the
    address: the part before the first folder the site has (`roots`), else the first
    folder (a project path), else "/". Without JavaScript "./…" still works one level
    down, where a mistyped address usually is. With `site_url` in mkdocs.yml MkDocs writes
    the right absolute links itself and nothing here applies."""
    from mkdocs.utils import normalize_url

    base = "."
    context["base_url"] = base
    context["extra_css"] = [normalize_url(str(path), None, base) for path in config.extra_css]
    context["extra_javascript"] = [normalize_url(str(script), None, base) for script in config.extra_javascript]
    context["dv_site_roots"] = roots


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("A 'dirty' build is being performed"):
            return  # expected: our navigation is identical on every page, so partial builds are exact
        self.messages.append(message)


def build_site(config_file: Path, docs_dir: Path, site_dir: Path, nav: list, strict: bool = True, dirty: bool = False,
               copyright: str | None = None) -> str | None:
    """Build the site; gives its public address (`site_url`) if mkdocs.yml names one. With `dirty`, site_dir already holds the previous build and only pages
    whose source is newer than their output are rendered again. `copyright` (plain text,
    escaped here: Material prints it raw) is the footer's line, e.g. the compiling board, unless
    mkdocs.yml sets its own (a province's choice wins)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        # Strictness is enforced here, from the collected warnings, so that the one expected
        # warning of a partial ("dirty") build does not abort it.
        config = load_config(config_file=str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), nav=engine_nav(nav),
                             strict=False)
        if copyright and not config.get("copyright"):
            config["copyright"] = engine_text(copyright)
        config.plugins["handbook-generated-html"] = _generated_html_plugin()
        config.plugins["handbook-error-page"] = _error_page_plugin()
        build(config, dirty=dirty)
    except MkDocsException as exc:
        raise EngineError(collector.messages + [str(exc)]) from None
    finally:
        logger.removeHandler(collector)
    if strict and collector.messages:
        raise EngineError(collector.messages)
    return config.site_url or None


@functools.lru_cache(maxsize=1)
def _theme_dirs() -> tuple[Path, ...]:
    from mkdocs.theme import Theme

    return tuple(Path(d) for d in Theme(name="material").dirs)


def theme_file(rel: str) -> Path | None:
    """The installed theme's file that a site file at `rel` may be an unchanged copy of (its
    scripts, stylesheets, search workers), or None. The project's own overrides (theme/) are
    not the installed theme's."""
    for folder in _theme_dirs():
        path = folder / rel
        if path.is_file():
            return path
    return None
