"""The registry of documents: takes the documents and the backlinks the other pages
recorded, gives the registry index and one page per document listing the pages that cite
it. Runs last, so every citation made elsewhere is known."""

from __future__ import annotations

from generator.core.dates import format_vn_date
from generator.schema.documents import KIND_LABELS
from generator.core.text import collation_key
from generator.produce.site.context import Page, SiteContext, table
from generator.produce.html import esc
from generator.produce.site.links import document_page, rel

SCOPES = [("trung_uong", "Văn bản của Trung ương"), ("nha_nuoc", "Văn bản của Nhà nước"),
          ("tinh", "Văn bản của tỉnh"), ("huyen", "Văn bản cấp huyện"), ("xa", "Văn bản cấp xã")]


def _docs(ctx: SiteContext):
    def key(doc):
        return (doc.date.isoformat() if doc.date else "0000", collation_key(doc.title))
    return sorted((at.obj for at in ctx.ds.documents.values()), key=key)


def produce(ctx: SiteContext, titles: dict[str, str]) -> list[Page]:
    pages = [_index(ctx)]
    pages.extend(_document(ctx, doc, titles) for doc in _docs(ctx))
    return pages


def _label(doc) -> str:
    kind = KIND_LABELS.get(doc.kind, doc.kind)
    if doc.number:
        return f"{kind} số {doc.number}"
    return doc.short_name or kind


def _index(ctx: SiteContext) -> Page:
    path = "van-ban/index.md"
    # Built after the other pages (their citations fill the backlinks), so the count is true:
    # a document kept in the registry but cited by no page is not counted as cited.
    cited = sum(1 for d in ctx.ds.documents if any(p != document_page(d) for p in ctx.linker.backlinks.get(d, set())))
    parts = [f"<p>{len(ctx.ds.documents)} văn bản trong danh mục, {cited} văn bản được trang nào đó của sổ tay trích dẫn. "
             "Mỗi văn bản nhận diện bằng số và ngày (số văn bản của Đảng bắt đầu lại mỗi nhiệm kỳ).</p>"]
    for scope, heading in SCOPES:
        docs = [d for d in _docs(ctx) if d.scope == scope]
        if not docs:
            continue
        rows = [[ctx.a(path, document_page(d.id), _label(d)), format_vn_date(d.date) if d.date else "–",
                 esc(d.issuer), esc(d.title)] for d in docs]
        parts.append(f"<h2>{heading}</h2>" + table(["Văn bản", "Ngày", "Cơ quan ban hành", "Trích yếu"], rows))
    return Page(path, "Văn bản", "".join(parts), section="Văn bản")


def _document(ctx: SiteContext, doc, titles: dict[str, str]) -> Page:
    path = document_page(doc.id)
    facts = [("Số, ký hiệu", esc(doc.number or "không ghi số")), ("Loại", esc(KIND_LABELS.get(doc.kind, doc.kind))),
             ("Cơ quan ban hành", esc(doc.issuer)), ("Ngày ban hành", format_vn_date(doc.date) if doc.date else "không ghi ngày"),
             ("Trích yếu", esc(doc.title))]
    if doc.place:
        facts.append(("Địa phương", esc(doc.place)))
    if doc.note:
        facts.append(("Ghi chú", esc(doc.note)))
    rows = "".join(f'<tr><th scope="row">{k}</th><td>{v}</td></tr>' for k, v in facts)
    sections = ""
    if doc.sections:
        items = "".join(f'<li id="muc-{esc(s.id)}"><strong>{esc(s.id)}</strong> – {esc(s.title)}</li>' for s in doc.sections)
        sections = f"<h2>Các mục</h2><ul class=\"dv-sections\">{items}</ul>"
    citing = sorted(p for p in ctx.linker.backlinks.get(doc.id, set()) if p != path)
    backlinks = "".join(f'<li><a href="{esc(rel(path, p))}">{esc(titles.get(p, p))}</a></li>' for p in citing)
    body = (f'<table class="dv-facts">{rows}</table>' + sections
            + "<h2>Các trang trích dẫn văn bản này</h2>"
            + (f'<ul class="dv-backlinks">{backlinks}</ul>' if backlinks else "<p>Chưa có trang nào trích dẫn.</p>"))
    return Page(path, _label(doc), body, section="Văn bản", search_text=f"{_label(doc)} {doc.title} {doc.issuer}",
                search_boost=0.8)
