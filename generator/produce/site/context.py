"""What every page producer shares: the `Page` they return and the `SiteContext` they read
(dataset, privacy profile, report, citation linker, link and name helpers)."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.dataset import Dataset
from generator.core.findings import Report
from generator.model.hierarchy import ancestors, commune_of, level_name, unit_label
from generator.schema.config import KIND_LABELS
from generator.core.text import cap, collation_key, number_vi, percent_vi
from generator.produce.html import Linker, esc, plain_text
from generator.produce.site.links import document_page, rel, unit_page


@dataclass
class Page:
    path: str  # source path, e.g. "don-vi/bg-tan-yen.md"
    title: str
    body: str  # HTML, already escaped and sanitised
    section: str = ""  # search result label
    search_text: str | None = None  # plain text for the search index (None: derived from body)
    search_boost: float = 1.0
    description: str | None = None


@dataclass
class SiteContext:
    ds: Dataset
    profile: str
    report: Report
    linker: Linker = field(init=False)
    _children: dict[str | None, list[str]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        documents = [at.obj for at in self.ds.documents.values()]
        self.linker = Linker(documents, lambda page, doc_id: rel(page, document_page(doc_id)))
        # Each unit's children, by name, indexed once: asking unit by unit would scan every
        # unit each time (quadratic: minutes at nation scale).
        by_parent: dict[str | None, list[str]] = {}
        for uid, at in self.ds.units.items():
            by_parent.setdefault(at.obj.parent, []).append(uid)
        self._children = {parent: sorted(kids, key=lambda uid: collation_key(self.ds.units[uid].obj.name))
                          for parent, kids in by_parent.items()}

    # ------------------------------------------------------------------ links and labels
    def a(self, page: str, target: str, text: str, anchor: str | None = None, cls: str | None = None) -> str:
        klass = f' class="{cls}"' if cls else ""
        return f'<a{klass} href="{esc(rel(page, target, anchor))}">{esc(text)}</a>'

    def unit_link(self, page: str, unit_id: str) -> str:
        """A link to a unit's page; villages have none of their own: they link to their place
        on the commune page."""
        at = self.ds.units.get(unit_id)
        if at is None:
            return esc(unit_id)
        if self.level(unit_id) == "thon":
            commune = self.commune_of(unit_id)
            if commune:
                return self.a(page, unit_page(commune), f"{unit_label(at.obj)}, {self.unit_name(commune)}", anchor=unit_id)
        return self.a(page, unit_page(unit_id), unit_label(at.obj))

    def unit_name(self, unit_id: str) -> str:
        at = self.ds.units.get(unit_id)
        return unit_label(at.obj) if at else unit_id

    def level(self, unit_id: str) -> str | None:
        return level_name(self.ds, unit_id)

    def ancestors(self, unit_id: str) -> list[str]:
        return ancestors(self.ds, unit_id)

    def children(self, unit_id: str) -> list[str]:
        return list(self._children.get(unit_id, ()))

    def commune_of(self, unit_id: str) -> str | None:
        return commune_of(self.ds, unit_id)

    def cite(self, page: str, citation) -> str:
        at = self.ds.documents.get(citation.doc)
        if at is None:
            return esc(citation.doc)
        doc = at.obj
        name = doc.short_name or doc.number or doc.title
        label = name
        section_title = None
        if citation.section:
            section = next((s for s in doc.sections if s.id == citation.section), None)
            section_title = section.title if section else citation.section
        text = esc(label)
        if section_title:
            text += f", {esc(section_title)}"
        anchor = f"muc-{citation.section}" if citation.section else None
        self.linker.backlinks.setdefault(citation.doc, set()).add(page)
        return f'<a class="dv-cite" href="{esc(rel(page, document_page(citation.doc), anchor))}">{text}</a>'

    def kind_label(self, kind: str) -> str:
        return KIND_LABELS.get(kind, kind)


def table(headers: list[str], rows: list[list[str]], cls: str = "dv-table") -> str:
    """An HTML table; cells are HTML already (escape data before passing it). A table of three
    or more columns becomes a stack of cards on a phone (extra.css, below 600 px): each cell
    carries its column's name to show above its value."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    labels = [f' data-label="{esc(plain_text(h))}"' for h in headers] if len(headers) >= 3 else [""] * len(headers)
    body = "".join("<tr>" + "".join(f"<td{labels[i] if i < len(labels) else ''}>{c}</td>" for i, c in enumerate(row)) + "</tr>"
                   for row in rows)
    if len(headers) >= 3:
        cls += " dv-stack"
    return f'<div class="dv-table-wrap"><table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


__all__ = ["Page", "SiteContext", "number_vi", "percent_vi", "table", "cap"]
