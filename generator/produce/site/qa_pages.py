"""Q&A pages: takes the content, gives one page per topic (the handbook's chapters, every
question with its answer and its clauses), one page per audience, and the Q&A index."""

from __future__ import annotations

from generator.schema.roles import LABELS, Audience
from generator.produce.site.context import Page, SiteContext
from generator.produce.html import esc, local_decisions_html, plain_text, render_markdown
from generator.produce.site.links import audience_page, topic_page

AUDIENCE_TITLES = {
    "to_truong": "Dành cho tổ trưởng Tổ Dân vận",
    "thanh_vien_to": "Dành cho thành viên Tổ Dân vận",
    "thanh_vien_khoi": "Dành cho thành viên Khối Dân vận",
    "can_bo_phu_trach": "Dành cho cán bộ phụ trách xã",
    "giang_vien": "Dành cho giảng viên, báo cáo viên",
}


def _topics(ctx: SiteContext):
    return sorted((at.obj for at in ctx.ds.topics.values()), key=lambda t: (t.order, t.id))


def _items(ctx: SiteContext, topic_id: str):
    items = [at.obj for at in ctx.ds.qa.values() if at.obj.topic == topic_id]
    return sorted(items, key=lambda q: (q.order, q.id))


def produce(ctx: SiteContext) -> list[Page]:
    pages = [_index(ctx)]
    for topic in _topics(ctx):
        pages.append(_topic(ctx, topic))
    for audience in Audience:
        pages.append(_audience(ctx, audience.value))
    return pages


def _index(ctx: SiteContext) -> Page:
    path = "hoi-dap/index.md"
    rows = []
    for topic in _topics(ctx):
        count = len(_items(ctx, topic.id))
        rows.append(f'<li>{ctx.a(path, topic_page(topic.id), topic.title)} <span class="dv-count">({count} câu)</span>'
                    f'<br><span class="dv-muted">{esc(topic.description or "")}</span></li>')
    audiences = "".join(f"<li>{ctx.a(path, audience_page(a.value), AUDIENCE_TITLES[a.value])}</li>" for a in Audience)
    body = (f"<p>Ngân hàng {len(ctx.ds.qa)} câu hỏi – đáp, viết lại từ các văn bản nguồn; mỗi câu trả lời ghi rõ căn cứ.</p>"
            f"<h2>Theo chủ đề</h2><ol class=\"dv-list\">{''.join(rows)}</ol>"
            f"<h2>Theo đối tượng</h2><ul class=\"dv-list\">{audiences}</ul>")
    return Page(path, "Hỏi – đáp", body, section="Hỏi – đáp")


def _item_html(ctx: SiteContext, page: str, item) -> str:
    answer = ctx.linker.link(render_markdown(item.answer, top=3), page)
    sources = "; ".join(ctx.cite(page, c) for c in item.sources)
    audiences = ", ".join(esc(LABELS[a.value]) for a in item.audiences)
    related = ""
    if item.related:
        links = []
        for rid in item.related:
            other = ctx.ds.qa.get(rid)
            if other:
                links.append(ctx.a(page, topic_page(other.obj.topic), other.obj.question, anchor=rid))
        related = f'<p class="dv-related"><strong>Xem thêm:</strong> {" · ".join(links)}</p>' if links else ""
    return (f'<section class="dv-qa" id="{esc(item.id)}"><h2>{esc(item.question)}</h2>'
            f'<div class="dv-answer">{answer}</div>{local_decisions_html(ctx.ds, item.id)}'
            f'<p class="dv-source"><strong>Căn cứ:</strong> {sources}</p>'
            f'<p class="dv-audience"><strong>Dành cho:</strong> {audiences}</p>{related}</section>')


def _topic(ctx: SiteContext, topic) -> Page:
    path = topic_page(topic.id)
    items = _items(ctx, topic.id)
    toc = "".join(f'<li><a href="#{esc(q.id)}">{esc(q.question)}</a></li>' for q in items)
    body = (f'<p class="dv-lead">{esc(topic.description or "")}</p>'
            f'<nav class="dv-toc" aria-label="Các câu hỏi"><ol>{toc}</ol></nav>'
            + "".join(_item_html(ctx, path, q) for q in items))
    text = " ".join(f"{q.question} {plain_text(render_markdown(q.answer))}" for q in items)
    return Page(path, topic.title, body, section="Hỏi – đáp", search_text=text, search_boost=1.5,
                description=topic.description)


def _audience(ctx: SiteContext, audience: str) -> Page:
    path = audience_page(audience)
    groups = []
    for topic in _topics(ctx):
        items = [q for q in _items(ctx, topic.id) if audience in {a.value for a in q.audiences}]
        if items:
            links = "".join(f"<li>{ctx.a(path, topic_page(topic.id), q.question, anchor=q.id)}</li>" for q in items)
            groups.append(f"<h2>{esc(topic.title)}</h2><ul class=\"dv-list\">{links}</ul>")
    body = "".join(groups) or "<p>Chưa có câu hỏi nào cho đối tượng này.</p>"
    return Page(path, AUDIENCE_TITLES[audience], body, section="Hỏi – đáp", search_boost=0.5)
