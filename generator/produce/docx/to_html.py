"""The printed twin of a Word file: takes a `Bundle` of official documents, gives its
`PrintJob` (autoescaped HTML from this package's template and its own style sheet) for the
PDF renderer."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.produce.docx.document import Bundle
from generator.produce.printing.documents import PrintJob

TEMPLATES = Path(__file__).parent / "templates"


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["j2", "html"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def official_css() -> str:
    return (TEMPLATES / "official.css").read_text(encoding="utf-8")


def print_job(bundle: Bundle) -> PrintJob:
    html = _environment().get_template("official.html.j2").render(b=bundle)
    return PrintJob(bundle.name, bundle.title, html, official_css(), bundle.kind, bundle.kind)
