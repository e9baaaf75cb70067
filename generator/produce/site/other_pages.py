"""The smaller pages: home, glossary, training modules, statistics, search and downloads.
Each takes the site context and gives its page(s)."""

from __future__ import annotations

from collections import Counter, defaultdict

from generator.core.findings import Severity
from generator.schema.roles import LABELS
from generator.model.sessions import ACTIVITY_KINDS
from generator.produce.stats import compute_stats
from generator.core.text import collation_key
from generator.produce.site.context import Page, SiteContext, number_vi, percent_vi, table
from generator.produce.html import esc, render_markdown
from generator.produce.site.links import model_page, module_page, root_of, unit_page
from generator.produce.site.module_sessions import materials_html, timetable_html, uses_html
from generator.produce.site.svg import bar_chart

OFFLINE_ZIP = "downloads/so-tay-dan-van-ngoai-tuyen.zip"
SIZE_MARK = '<span class="dv-zip-size">–</span>'  # the offline zip's size, filled in by the build once it exists
OFFLINE_PAGE = "ngoai-tuyen.md"  # what the service worker shows for a page neither saved nor reachable
OFFLINE_PAGE_URL = "ngoai-tuyen.html"


def home(ctx: SiteContext, downloads: list | None = None) -> Page:
    """The home page; `downloads` (site path, label, size) as the downloads page lists them."""
    path = "index.md"
    s = compute_stats(ctx.ds)
    province = ctx.ds.config.province
    figures = [
        (number_vi(s["teams"]), "Tổ Dân vận cộng đồng"),
        (number_vi(s["team_members"]), "thành viên Tổ"),
        (percent_vi(s["village_coverage"] or 0), "thôn, tổ dân phố có Tổ"),
        (number_vi(s["blocs"]), "Khối Dân vận cơ sở"),
        (number_vi(s["models"]), "mô hình “Dân vận khéo”"),
        (number_vi(s["qa_items"]), "câu hỏi – đáp"),
    ]
    cards = "".join(f'<li><strong>{v}</strong><span>{esc(k)}</span></li>' for v, k in figures)
    links = [("hoi-dap/index.md", "Hỏi – đáp", "Câu hỏi thường gặp theo chủ đề và theo đối tượng."),
             ("chuyen-de/index.md", "Chuyên đề tập huấn", "Giáo án, tài liệu phát tay và câu hỏi kiểm tra."),
             (unit_page(province.unit), "Danh bạ", "Tổ Dân vận, Khối Dân vận và cơ quan phụ trách từng xã."),
             ("mo-hinh/index.md", "Mô hình “Dân vận khéo”", "Cách làm hay, có số liệu, để học tập và nhân rộng."),
             ("van-ban/index.md", "Văn bản", "Các văn bản làm căn cứ và nơi chúng được trích dẫn."),
             ("thong-ke.md", "Thống kê", "Số liệu, tỷ lệ phủ kín và kết quả kiểm tra dữ liệu.")]
    tiles = "".join(f'<li>{ctx.a(path, target, title)}<p>{esc(text)}</p></li>' for target, title, text in links)
    body = (
        f'<p class="dv-lead">Sổ tay hỏi – đáp và tài liệu tập huấn về công tác dân vận ở cơ sở của {esc(province.board)}: '
        "Tổ Dân vận cộng đồng ở thôn, tổ dân phố; Khối Dân vận cơ sở; cán bộ, đảng viên tham gia hoạt động với Nhân dân; "
        "phong trào “Dân vận khéo”. Phương châm: “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.</p>"
        f'<form class="dv-home-search" action="{esc(root_of(path))}tim-kiem.html" method="get" role="search">'
        '<label for="dv-home-q">Tìm trong sổ tay</label>'
        '<input id="dv-home-q" name="q" type="search" placeholder="Ví dụ: to truong, dan van kheo" autocomplete="off">'
        '<button type="submit">Tìm</button></form>'
        f'<h2>Số liệu chính</h2><ul class="dv-figures">{cards}</ul>'
        f'<h2>Nội dung</h2><ul class="dv-tiles">{tiles}</ul>'
        + _home_downloads(ctx, path, downloads or [])
    )
    if ctx.ds.config.sample:
        body += '<p class="dv-note">Trang này dựng từ dữ liệu mẫu: mọi người có tên trong dữ liệu là hư cấu.</p>'
    return Page(path, "Sổ tay công tác dân vận", body, section="Trang chủ", search_boost=0.5)


def _home_downloads(ctx: SiteContext, path: str, downloads: list) -> str:
    """The reading copies on the home page: the offline zip with its size (filled in once the
    zip exists) and the printed handbooks, so a reader on a weak connection finds them first."""
    listed = {entry[0]: entry[2] for entry in downloads}
    items = []
    if OFFLINE_ZIP in listed:
        items.append(f'<li><a href="{esc(root_of(path))}{OFFLINE_ZIP}">Bản đọc ngoại tuyến</a> (tệp nén, {SIZE_MARK}): '
                     "đọc cả sổ tay khi không có mạng — giải nén rồi mở <code>index.html</code>.</li>")
    for pid, at in sorted(ctx.ds.publications.items()):
        target = f"downloads/{pid}.pdf"
        if at.obj.kind == "handbook" and target in listed:
            items.append(f'<li><a href="{esc(root_of(path))}{esc(target)}">{esc(at.obj.title)}</a> '
                         f"(PDF, {number_vi(max(1, round(listed[target] / 1024)))} KB)</li>")
    return f'<h2>Đọc khi không có mạng</h2><ul class="dv-offline">{"".join(items)}</ul>' if items else ""


def glossary(ctx: SiteContext) -> Page:
    path = "thuat-ngu.md"
    terms = sorted((at.obj for at in ctx.ds.terms), key=lambda t: collation_key(t.term))
    items = []
    for t in terms:
        abbr = f" ({esc(t.abbreviation)})" if t.abbreviation else ""
        source = f' <span class="dv-source">[{ctx.cite(path, t.source)}]</span>' if t.source else ""
        items.append(f"<dt>{esc(t.term)}{abbr}</dt><dd>{ctx.linker.link(esc(t.definition), path)}{source}</dd>")
    body = f'<dl class="dv-glossary">{"".join(items)}</dl>'
    return Page(path, "Thuật ngữ", body, section="Thuật ngữ")


def modules(ctx: SiteContext, downloads: list | None = None) -> list[Page]:
    """The modules' index and a page per module; `downloads` as the downloads page lists them."""
    mods = sorted((at.obj for at in ctx.ds.modules.values()), key=lambda m: (m.order, m.id))
    index_path = "chuyen-de/index.md"
    rows = [[ctx.a(index_path, module_page(m.id), m.title), ", ".join(esc(LABELS[a.value]) for a in m.audiences),
             f"{number_vi(m.duration_minutes)} phút", number_vi(len(m.quiz))] for m in mods]
    pages = [Page(index_path, "Chuyên đề tập huấn",
                  "<p>Các chuyên đề tập huấn theo hướng “cầm tay chỉ việc”: mục tiêu, tiến trình, hoạt động thực hành, "
                  "tài liệu phát tay và câu hỏi kiểm tra.</p>" + table(["Chuyên đề", "Đối tượng", "Thời lượng", "Câu hỏi"], rows),
                  section="Chuyên đề")]
    for m in mods:
        pages.append(_module(ctx, m, downloads))
    return pages


_ACTIVITY = ACTIVITY_KINDS


def _module_prints(ctx: SiteContext, m, path: str, downloads: list) -> str:
    """Links to this module's printed papers (handout, trainer guide, test, answer key …) that
    the build made, in the order of data/publications.yml, with their sizes."""
    listed = {entry[0]: entry[2] for entry in downloads}
    items = []
    for pid, at in ctx.ds.publications.items():
        target = f"downloads/{pid}-{m.id}.pdf"
        if target in listed and (not at.obj.modules or m.id in at.obj.modules):
            items.append(f'<li><a href="{esc(root_of(path))}{esc(target)}">{esc(at.obj.title)}</a> '
                         f"(PDF, {number_vi(max(1, round(listed[target] / 1024)))} KB)</li>")
    return f'<h2 id="ban-in">Bản in</h2><ul class="dv-prints">{"".join(items)}</ul>' if items else ""


def _module(ctx: SiteContext, m, downloads: list | None = None) -> Page:
    path = module_page(m.id)
    link = ctx.linker.link
    objectives = "".join(f"<li>{esc(o)}</li>" for o in m.objectives)
    outline = timetable_html(m)
    activities = "".join(f"<h3>{esc(_ACTIVITY[a.kind])}: {esc(a.title)} ({a.minutes} phút)</h3>{uses_html(m, a)}"
                         f"{link(render_markdown(a.instructions, top=4), path)}" for a in m.activities)
    trainee_materials, trainer_materials = materials_html(ctx, m, path, "hoc_vien"), materials_html(ctx, m, path, "giang_vien")
    cases = ""
    for c in m.case_studies:
        model = ctx.ds.models.get(c.model)
        name = model.obj.name if model else c.model
        cases += f"<h3>{ctx.a(path, model_page(c.model), name)}</h3>{render_markdown(c.prompt, top=4)}"
    quiz = []
    for i, q in enumerate(m.quiz, 1):
        if q.kind == "mcq":
            options = "".join(f"<li>{esc(o.text)}</li>" for o in q.options)
            answer = next((o.text for o in q.options if o.correct), "")
            body = f'<ol type="A">{options}</ol>'
        elif q.kind == "true_false":
            body, answer = "<p>Đúng hay sai?</p>", ("Đúng" if q.answer else "Sai")
        else:
            body, answer = "", " / ".join(q.answer or [])
        quiz.append(f'<li class="dv-quiz-item"><p>{esc(q.question)}</p>{body}'
                    f"<details><summary>Đáp án</summary><p><strong>{esc(answer)}</strong>. {link(esc(q.explanation), path)} "
                    f"<span class=\"dv-source\">[{ctx.cite(path, q.source)}]</span></p></details></li>")
    sources = "; ".join(ctx.cite(path, c) for c in m.sources)
    body = (f'<p class="dv-muted">Đối tượng: {", ".join(esc(LABELS[a.value]) for a in m.audiences)} · Thời lượng: {m.duration_minutes} phút</p>'
            + _module_prints(ctx, m, path, downloads or [])
            + f"<h2>Mục tiêu</h2><ul>{objectives}</ul><h2>Tiến trình</h2>{outline}"
            + (f"<h2>Hoạt động</h2>{activities}" if activities else "")
            + f"<h2>Tài liệu phát tay</h2>{link(render_markdown(m.handout, top=3), path)}"
            + (f'<h2 id="phieu-the-vai-bieu-mau">Phiếu, thẻ vai, biểu mẫu</h2>{trainee_materials}' if trainee_materials else "")
            + (f"<h2>Phân tích mô hình</h2>{cases}" if cases else "")
            + f'<h2>Câu hỏi kiểm tra</h2><ol class="dv-quiz">{"".join(quiz)}</ol>'
            + f"<h2>Ghi chú cho giảng viên</h2>{link(render_markdown(m.trainer_notes, top=3), path)}"
            + trainer_materials
            + f'<p class="dv-source"><strong>Căn cứ:</strong> {sources}</p>')
    return Page(path, m.title, body, section="Chuyên đề", search_boost=1.2)


def statistics(ctx: SiteContext) -> Page:
    path = "thong-ke.md"
    s = compute_stats(ctx.ds)
    team_of_village = {at.obj.village for at in ctx.ds.teams.values()}
    # Coverage by district (or by commune in the two-level scheme).
    groups: dict[str, list[str]] = defaultdict(list)
    for uid in ctx.ds.units:
        if ctx.level(uid) != "thon":
            continue
        chain = ctx.ancestors(uid)
        key = next((a for a in chain if ctx.level(a) == "huyen"), None) or next((a for a in chain if ctx.level(a) == "xa"), uid)
        groups[key].append(uid)
    bars = []
    for key in sorted(groups, key=lambda k: collation_key(ctx.unit_name(k))):
        villages = groups[key]
        share = sum(1 for v in villages if v in team_of_village) / len(villages)
        bars.append((ctx.unit_name(key), share * 100, percent_vi(share)))
    coverage_chart = bar_chart("Tỷ lệ thôn, tổ dân phố có Tổ Dân vận cộng đồng (mục tiêu 100% năm 2024)", bars, maximum=100, target=100)
    grades = Counter()
    year = ctx.ds.config.reference_date.year
    for at in ctx.ds.teams.values():
        rating = next((r for r in at.obj.ratings if r.year == year), None)
        grades[rating.grade if rating else "chua_xep_loai"] += 1
    grade_names = {g.id: g.name for g in ctx.ds.config.rating_scale} | {"chua_xep_loai": "Chưa xếp loại"}
    for unknown in set(grades) - set(grade_names):  # a grade not on the scale (`check` reports it)
        grades["chua_xep_loai"] += grades.pop(unknown)
    grade_bars = [(grade_names[g], n, number_vi(n)) for g, n in sorted(grades.items(), key=lambda x: list(grade_names).index(x[0]))]
    rating_chart = bar_chart(f"Xếp loại Tổ Dân vận cộng đồng năm {year}", grade_bars)
    counts = [["Đơn vị cấp xã", number_vi(s["units"]["by_level"].get("xa", 0))],
              ["Thôn, tổ dân phố", number_vi(s["units"]["by_level"].get("thon", 0))],
              ["Tổ Dân vận cộng đồng", number_vi(s["teams"])], ["Thành viên Tổ", number_vi(s["team_members"])],
              ["Nhóm / hộ được phụ trách", f"{number_vi(s['groups'])} / {number_vi(s['households'])}"],
              ["Khối Dân vận cơ sở / thành viên", f"{number_vi(s['blocs'])} / {number_vi(s['bloc_members'])}"],
              ["Mô hình “Dân vận khéo”", number_vi(s["models"])],
              ["Cơ quan được phân công / lượt hoạt động", f"{number_vi(s['assignments'])} / {number_vi(s['assignment_activities'])}"]]
    # Findings per commune, from the check that ran before the build.
    per_commune: Counter = Counter()
    file_commune = _file_communes(ctx)
    for f in ctx.report.findings:
        if f.severity is Severity.WARNING:
            per_commune[file_commune.get(f.file, "khac")] += 1
    finding_rows = [[ctx.unit_link(path, c) if c in ctx.ds.units else "Cấp tỉnh, văn bản", number_vi(n)]
                    for c, n in sorted(per_commune.items(), key=lambda x: (-x[1], x[0]))]
    body = (f"<p>Số liệu tính đến ngày {ctx.ds.config.reference_date:%d/%m/%Y}.</p>"
            + table(["Chỉ tiêu", "Số lượng"], counts) + "<h2>Phủ kín thôn, tổ dân phố</h2>" + coverage_chart
            + "<h2>Xếp loại</h2>" + rating_chart
            + "<h2>Điểm cần khắc phục theo xã</h2><p>Số cảnh báo của lần kiểm tra dữ liệu gần nhất (xem từng xã để biết chi tiết).</p>"
            + (table(["Xã", "Số cảnh báo"], finding_rows) if finding_rows else "<p>Không có cảnh báo.</p>"))
    return Page(path, "Thống kê", body, section="Thống kê")


def _file_communes(ctx: SiteContext) -> dict[str, str]:
    out = {}
    for at in ctx.ds.teams.values():
        commune = ctx.commune_of(at.obj.village)
        if commune:
            out[at.file.path] = commune
    for at in ctx.ds.blocs.values():
        out[at.file.path] = at.obj.commune
    for at in ctx.ds.assignments.values():
        if at.obj.communes:
            out[at.file.path] = at.obj.communes[0]
    return out


def search_page(ctx: SiteContext) -> Page:
    path = "tim-kiem.md"
    body = (f'<div id="dv-search" data-root="{esc(root_of(path))}">'
            '<label for="dv-search-input">Gõ từ cần tìm (có dấu hoặc không dấu)</label>'
            '<input id="dv-search-input" type="search" autocomplete="off" placeholder="Ví dụ: dan van kheo" autofocus>'
            '<p id="dv-search-status" aria-live="polite"></p><ol id="dv-search-results"></ol></div>'
            # Without JavaScript (the header form still lands here): the two ways in by hand.
            '<noscript><div class="dv-search-fallback"><p>Tìm kiếm trên trang này cần bật JavaScript. '
            "Khi chưa bật được, hãy tìm theo mục lục:</p><ul>"
            f'<li>{ctx.a(path, "hoi-dap/index.md", "Hỏi – đáp theo chủ đề")}: mọi câu hỏi, xếp theo chủ đề và đối tượng;</li>'
            f'<li>{ctx.a(path, unit_page(ctx.ds.config.province.unit), "Danh bạ")}: Tổ Dân vận, Khối Dân vận và cơ quan phụ trách từng xã.</li>'
            "</ul></div></noscript>")
    return Page(path, "Tìm kiếm", body, section="Tìm kiếm", search_text="")


def offline_page(ctx: SiteContext) -> Page:
    """The page the service worker serves when a page is neither saved on the phone nor
    reachable: what still reads without a network, the offline zip and the downloads."""
    path = OFFLINE_PAGE
    root = esc(root_of(path))
    saved = [("index.html", "Trang chủ"), ("hoi-dap/index.html", "Hỏi – đáp"),
             ("chuyen-de/index.html", "Chuyên đề tập huấn"), ("tim-kiem.html", "Tìm kiếm")]
    links = "".join(f'<li><a href="{root}{target}">{esc(label)}</a></li>' for target, label in saved)
    body = (
        '<p class="dv-lead">Máy đang không có mạng, và trang bạn vừa mở chưa được lưu trên máy này. '
        "Khi có mạng trở lại, hãy tải lại trang.</p>"
        "<h2>Vẫn đọc được khi không có mạng</h2>"
        "<p>Sổ tay đã lưu sẵn trên máy trang chủ, toàn bộ phần hỏi – đáp, các chuyên đề tập huấn và trang tìm kiếm, "
        "cùng những trang bạn đã xem trước đây:</p>"
        f'<ul class="dv-offline">{links}</ul>'
        "<h2>Mang cả sổ tay theo máy</h2>"
        f'<p>Lúc có mạng, hãy tải <a href="{root}{OFFLINE_ZIP}">bản đọc ngoại tuyến</a> (tệp nén): giải nén rồi mở '
        "<code>index.html</code> là đọc được mọi trang, kể cả danh bạ và mô hình, mà không cần mạng. "
        f'Sổ tay in, tài liệu phát tay và các tệp khác có ở trang <a href="{root}tai-ve.html">Tải về</a>.</p>'
    )
    return Page(path, "Không có mạng", body, section="Ngoại tuyến", search_text="")


_GROUPS = [
    ("Sổ tay in", lambda p: p.startswith("downloads/so-tay-") and p.endswith(".pdf")),
    ("Tài liệu tập huấn theo chuyên đề", lambda p: p.endswith(".pdf") and not p.startswith("downloads/bao-cao")),
    ("Báo cáo định kỳ", lambda p: p.startswith("downloads/bao-cao")),
    ("Câu hỏi kiểm tra cho Moodle", lambda p: p.startswith("downloads/moodle/")),
    ("Lịch (đăng ký vào lịch điện thoại)", lambda p: p.startswith("downloads/lich/")),
    ("Bảng tính và dữ liệu", lambda p: p.endswith((".xlsx", ".json", ".csv"))),
    ("Bản đọc ngoại tuyến", lambda p: True),
]


def downloads(ctx: SiteContext, files: list[tuple[str, str, int]]) -> Page:
    """files: (site path under downloads/, label, size in bytes), shown in groups."""
    path = "tai-ve.md"
    grouped: dict[str, list] = {name: [] for name, _ in _GROUPS}
    for entry in files:
        name = next(n for n, match in _GROUPS if match(entry[0]))
        grouped[name].append(entry)
    parts = ["<p>Các tệp để đọc khi không có mạng, in, dùng trong tập huấn và đưa vào phần mềm khác. "
             "Dữ liệu công khai tuân theo cùng quy định bảo vệ thông tin cá nhân như trang web.</p>"]
    for name, entries in grouped.items():
        if not entries:
            continue
        rows = [[f'<a href="{esc(target)}">{esc(label)}</a>', f"{number_vi(max(1, round(size / 1024)))} KB" if size else SIZE_MARK]
                for target, label, size in entries]
        parts.append(f"<h2>{esc(name)}</h2>" + table(["Tệp", "Dung lượng"], rows))
    parts.append("<p>Bản đọc ngoại tuyến: tải tệp nén, giải nén rồi mở <code>index.html</code> bằng trình duyệt.</p>")
    return Page(path, "Tải về", "".join(parts), section="Tải về", search_text="tải về bản in sổ tay tài liệu tập huấn báo cáo bảng tính lịch")


__all__ = ["home", "glossary", "modules", "statistics", "search_page", "downloads", "offline_page", "model_page", "unit_page"]
