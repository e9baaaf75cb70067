"""All the site's pages: takes a checked dataset, its report and a privacy profile; gives
the pages, the navigation, the photo files to copy and the search documents. Knows nothing
of the site engine."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.dataset import Dataset
from generator.core.findings import Report
from generator.produce.site import directory, gallery, other_pages, qa_pages, registry_pages
from generator.produce.site.context import Page, SiteContext
from generator.produce.html import plain_text
from generator.produce.site.links import module_page, topic_page, unit_page, url_of
from generator.produce.site.search_index import SearchDoc


@dataclass
class SiteContent:
    pages: list[Page]
    nav: list
    photos: list[tuple[str, str]] = field(default_factory=list)  # (data path, site path)
    search_docs: list[SearchDoc] = field(default_factory=list)
    ctx: SiteContext | None = None
    footer: str = ""  # the footer's line (plain text): who compiled the handbook

    def with_downloads(self, downloads: list) -> SiteContent:
        """The same pages with the downloads page listing `downloads` (made once every file
        to download exists, while the rest of the site could be made before)."""
        made = {page.path: page for page in (other_pages.downloads(self.ctx, downloads), other_pages.home(self.ctx, downloads),
                                             *other_pages.modules(self.ctx, downloads))}
        pages = [made.get(p.path, p) for p in self.pages]
        urls = {url_of(path) for path in made}
        docs = [doc for doc in self.search_docs if doc.url not in urls] + _search_docs(self.ctx, list(made.values()))
        return SiteContent(pages=pages, nav=self.nav, photos=self.photos, search_docs=docs, ctx=self.ctx, footer=self.footer)


def produce_pages(ds: Dataset, report: Report, profile: str = "public", downloads: list | None = None) -> SiteContent:
    ctx = SiteContext(ds, profile, report)
    pages: list[Page] = [other_pages.home(ctx), other_pages.search_page(ctx)]
    pages += qa_pages.produce(ctx)
    pages += other_pages.modules(ctx)
    pages += directory.produce(ctx)
    gallery_pages, photos = gallery.produce(ctx)
    pages += gallery_pages
    pages += [other_pages.glossary(ctx), other_pages.statistics(ctx), other_pages.downloads(ctx, downloads or []),
              other_pages.offline_page(ctx)]
    titles = {p.path: p.title for p in pages}
    pages += registry_pages.produce(ctx, titles)  # last: every citation is known by now
    return SiteContent(pages=pages, nav=_nav(ctx), photos=photos, search_docs=_search_docs(ctx, pages), ctx=ctx,
                       footer=f"Biên soạn: {ds.config.province.board}")


def _nav(ctx: SiteContext) -> list:
    topics = sorted((at.obj for at in ctx.ds.topics.values()), key=lambda t: (t.order, t.id))
    modules = sorted((at.obj for at in ctx.ds.modules.values()), key=lambda m: (m.order, m.id))
    return [
        {"Trang chủ": "index.md"},
        {"Tìm kiếm": "tim-kiem.md"},
        {"Hỏi – đáp": [{"Hỏi – đáp": "hoi-dap/index.md"}] + [{t.title: topic_page(t.id)} for t in topics]},
        {"Chuyên đề tập huấn": [{"Chuyên đề tập huấn": "chuyen-de/index.md"}] + [{m.title: module_page(m.id)} for m in modules]},
        {"Danh bạ": unit_page(ctx.ds.config.province.unit)},
        {"Mô hình “Dân vận khéo”": "mo-hinh/index.md"},
        {"Văn bản": "van-ban/index.md"},
        {"Thuật ngữ": "thuat-ngu.md"},
        {"Thống kê": "thong-ke.md"},
        {"Tải về": "tai-ve.md"},
    ]


def _search_docs(ctx: SiteContext, pages: list[Page]) -> list[SearchDoc]:
    docs = []
    for page in pages:
        if page.path.startswith("hoi-dap/") and page.path != "hoi-dap/index.md" and page.search_text:
            topic = next((t for t in ctx.ds.topics.values() if topic_page(t.obj.id) == page.path), None)
            if topic is not None:
                items = sorted((at.obj for at in ctx.ds.qa.values() if at.obj.topic == topic.obj.id), key=lambda q: (q.order, q.id))
                for q in items:
                    from generator.produce.html import render_markdown

                    docs.append(SearchDoc(url=f"{url_of(page.path)}#{q.id}", title=q.question, section=f"Hỏi – đáp · {page.title}",
                                          text=plain_text(render_markdown(q.answer)) + " " + " ".join(q.keywords),
                                          boost=page.search_boost))
                continue
        # A page's own text is taken from its HTML when the index is made (see SearchDoc.html).
        if page.search_text is None:
            text, html = "", page.body
        elif page.search_text and page.path.startswith("don-vi/"):
            text, html = page.search_text, page.body
        else:
            text, html = page.search_text, None
        if page.path in ("tim-kiem.md", other_pages.OFFLINE_PAGE) and not (text or (html and plain_text(html))):
            continue
        docs.append(SearchDoc(url=url_of(page.path), title=page.title, section=page.section, text=text,
                              boost=page.search_boost, html=html))
    return docs
