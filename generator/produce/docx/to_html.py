"""The printed twin of a Word file: takes a `Bundle` of official documents, gives its
`PrintJob` (autoescaped HTML from this package's template and its own style sheet) for the
PDF renderer."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.produce.docx.document import Bundle
from generator.produce.printing.documents import PrintJob
from generator.produce.printing.headings import finish_headings
from generator.produce.printing.wordglue import Glue, glue_for

TEMPLATES = Path(__file__).parent / "templates"


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["j2", "html"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def official_css() -> str:
    return (TEMPLATES / "official.css").read_text(encoding="utf-8")


def print_job(bundle: Bundle, glue: Glue | None = None) -> PrintJob:
    """`glue` keeps the words of headings whole (`glue_for` with the glossary's terms; the word
    list alone when None), as in every other PDF."""
    html = _environment().get_template("official.html.j2").render(b=bundle)
    html = finish_headings(html, glue or glue_for())
    return PrintJob(bundle.name, bundle.title, html, official_css(), bundle.kind, bundle.kind)
