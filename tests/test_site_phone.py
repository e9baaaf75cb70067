"""Pages that read on a phone (issue #17, Build 5, first items): model figures print their unit
once, module pages have no heading-level jump, a Vietnamese footer naming the compiling board
(escaped), and a Vietnamese 404 page with the search form and a home link that keeps its
styles under a project path (/repo/, as GitHub Pages serves it), checked in headless Chromium
with axe-core and looked at in screenshots at 360 px.

The unit tests of the helpers are quick; everything that builds the site is marked slow.
"""

from __future__ import annotations

import http.server
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
for _folder in (ROOT, Path(__file__).resolve().parent):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

from generator.core.text import quantity_parts  # noqa: E402
from generator.produce.html import render_markdown  # noqa: E402
from browser import serve  # noqa: E402

BOARD = "Ban Dân vận Tỉnh ủy Bắc Giang"
PHONE = {"width": 360, "height": 740}


# ---------------------------------------------------------------------- helpers (quick)
@pytest.mark.parametrize("unit,what,expected", [
    ("camera", "camera lắp ở đầu ngõ và các điểm giao cắt", "24 camera lắp ở đầu ngõ và các điểm giao cắt"),
    ("hộ", "hộ góp kinh phí", "24 hộ góp kinh phí"),
    ("Hộ", "hộ góp kinh phí", "24 Hộ góp kinh phí"),
    ("ý kiến", "ý kiến, kiến nghị được tiếp nhận", "24 ý kiến, kiến nghị được tiếp nhận"),
    ("hộ", "hội viên tham gia", "24 hộ hội viên tham gia"),  # "hội" is another word
    ("ha", "đất trồng lúa", "24 ha đất trồng lúa"),
    ("%", "khoản thu chi được công khai", "24 % khoản thu chi được công khai"),
    ("camera", "camera", "24 camera"),
])
def test_quantity_prints_the_unit_once(unit, what, expected):
    lead, rest = quantity_parts("24", unit, what)
    assert lead + rest == expected


def _levels(fragment: str) -> list[int]:
    return [int(n) for n in re.findall(r"<h([1-6])>", fragment)]


def test_markdown_headings_start_at_top_without_jumps():
    text = "### Chuẩn bị\n\nA\n\n##### Chi tiết\n\nB\n\n### Thời gian\n\nC"
    assert _levels(render_markdown(text, top=3)) == [3, 4, 3]
    assert _levels(render_markdown(text, top=4)) == [4, 5, 4]
    assert _levels(render_markdown("# a\n\n## b\n\n### c\n\n#### d", top=4)) == [4, 5, 5, 5]  # h6 is not kept
    assert _levels(render_markdown(text)) == [5, 5]  # default shift: h3 -> h5 (and h7 dropped), as before


# ---------------------------------------------------------------------- the built site (slow)
class _Doc(HTMLParser):
    """Headings of the page's article, figures, links and the footer's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str]] = []
        self.figures: list[str] = []
        self.refs: list[str] = []
        self.footer = ""
        self.forms: list[dict] = []
        self.inputs: list[dict] = []
        self._in: list[str] = []  # capture stack: "h", "fig", "footer"
        self._text: list[str] = []
        self._depth: dict[str, int] = {}
        self._tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in ("href", "src", "action"):
            if a.get(name):
                self.refs.append(a[name])
        if tag == "form":
            self.forms.append(a)
        if tag == "input":
            self.inputs.append(a)
        if tag == "footer":
            self._in.append("footer")
        if re.fullmatch(r"h[1-6]", tag) or "dv-figure" in (a.get("class") or "").split():
            self._tags.append(tag)
            self._text = []
            self._in.append("h" if tag.startswith("h") and len(tag) == 2 else "fig")

    def handle_endtag(self, tag):
        if tag == "footer" and "footer" in self._in:
            self._in.remove("footer")
        if self._tags and tag == self._tags[-1] and self._in and self._in[-1] in ("h", "fig"):
            kind = self._in.pop()
            self._tags.pop()
            text = " ".join("".join(self._text).split())
            if kind == "h":
                self.headings.append((int(tag[1]), text))
            else:
                self.figures.append(text)

    def handle_data(self, data):
        if self._in and self._in[-1] in ("h", "fig"):
            self._text.append(data)
        if "footer" in self._in:
            self.footer += data


def _doc(path: Path) -> _Doc:
    doc = _Doc()
    doc.feed(path.read_text(encoding="utf-8"))
    return doc


def _build(root: Path, out: Path) -> Path:
    from generator.build.pipeline import build
    return build(root, out=out, pdf=False).site_dir


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return _build(ROOT, tmp_path_factory.mktemp("phone") / "site")


@pytest.mark.slow
def test_model_figures_print_their_unit_once(site):
    checked = 0
    for data_file in sorted((ROOT / "data" / "models").glob("*.yml")):
        model = yaml.safe_load(data_file.read_text(encoding="utf-8"))
        results = model.get("results") or []
        figures = _doc(site / "mo-hinh" / f"{model['id']}.html").figures
        assert len(figures) == len(results), (data_file.name, figures)
        for result, text in zip(results, figures):
            unit = str(result["unit"]).casefold()
            assert f"{unit} {unit}" not in text.casefold(), f"{data_file.name}: “{text}” repeats its unit"
            assert result["what"].casefold().removeprefix(unit).strip() in text.casefold(), (data_file.name, text)
            checked += 1
    assert checked >= 31
    gallery = _doc(site / "mo-hinh" / "index.html").figures
    assert gallery and not [t for t in gallery if re.search(r"\b(\w+(?: \w+)?) \1\b", t)], gallery
    assert "24 camera lắp ở đầu ngõ" in " ".join(gallery)


def _jumps(headings: list[tuple[int, str]]) -> list[str]:
    out = []
    for (before, a), (after, b) in zip(headings, headings[1:]):
        if after > before + 1:
            out.append(f"h{before} “{a}” → h{after} “{b}”")
    return out


@pytest.mark.slow
def test_module_and_answer_pages_have_no_heading_jump(site):
    pages = sorted((site / "chuyen-de").glob("*.html")) + sorted((site / "hoi-dap").glob("*.html")) \
        + sorted((site / "mo-hinh").glob("*.html"))
    assert len(list((site / "chuyen-de").glob("cd*.html"))) >= 6
    problems = {}
    for page in pages:
        headings = [h for h in _doc(page).headings]
        jumps = _jumps(headings)
        if jumps:
            problems[str(page.relative_to(site))] = jumps
    assert not problems, problems
    module = _doc(site / "chuyen-de" / "cd1-vai-tro-dan-van.html").headings
    assert (3, "Công tác dân vận là gì, vì sao quan trọng") in module  # the handout's "###" under its h2


@pytest.mark.slow
def test_footer_is_vietnamese_and_names_the_board(site):
    for rel in ("index.html", "404.html", "chuyen-de/cd1-vai-tro-dan-van.html", "mo-hinh/index.html"):
        html = (site / rel).read_text(encoding="utf-8")
        footer = " ".join(_doc(site / rel).footer.split())
        assert f"Biên soạn: {BOARD}" in footer, (rel, footer)
        assert "Made with" not in html and "squidfunk" not in html, rel


@pytest.mark.slow
def test_footer_escapes_the_board(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", ".venv", "node_modules", "site", "site-noi-bo", "build", "tests", "bench", "__pycache__", ".cache"))
    config = project / "data" / "config.yml"
    hostile = 'Ban <b onclick="x()">Dân vận</b> & “Tỉnh ủy”'
    config.write_text(config.read_text(encoding="utf-8").replace(f"board: {BOARD}", f"board: '{hostile}'"), encoding="utf-8")
    html = (_build(project, tmp_path / "site") / "index.html").read_text(encoding="utf-8")
    assert "Biên soạn: Ban &lt;b onclick=\"x()\"&gt;Dân vận&lt;/b&gt; &amp; “Tỉnh ủy”" in html
    assert "<b onclick" not in html


@pytest.mark.slow
def test_404_page_is_vietnamese_with_search_and_home(site):
    doc = _doc(site / "404.html")
    html = (site / "404.html").read_text(encoding="utf-8")
    assert (1, "Không tìm thấy trang") in doc.headings
    assert "Not found" not in html and "404 -" not in html
    assert '<html lang="vi"' in html
    # Two search forms: the page's own (its field is #dv-404-q) and the header's, on every page.
    forms = [f for f in doc.forms if (f.get("action") or "").endswith("tim-kiem.html")]
    assert len(forms) == 2 and all((f.get("method") or "get").lower() == "get" for f in forms), forms
    assert 'id="dv-404-q"' in html and 'id="dv-header-q"' in html
    assert any(i.get("name") == "q" and i.get("type") == "search" for i in doc.inputs)
    assert "./index.html" in doc.refs
    # No root-absolute link: under /repo/ they would miss the site (site_url is unset).
    absolute = [r for r in doc.refs if r.startswith("/") and not r.startswith("//")]
    assert not absolute, absolute


# ---------------------------------------------------------------------- in a browser under /repo/ (slow)
class _ProjectPathHandler(http.server.SimpleHTTPRequestHandler):
    """The site under /repo/, as GitHub Pages serves a project: anything missing gets 404.html
    with status 404; paths outside /repo/ are missing too."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript"}

    def translate_path(self, path):
        parts = urlsplit(path)
        if not parts.path.startswith("/repo/"):
            return str(Path(self.directory) / "__missing__")
        return super().translate_path(parts.path[len("/repo"):])

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture(scope="module")
def project_origin(site):
    with serve(site, _ProjectPathHandler) as origin:
        yield origin


def _styled(page) -> dict:
    """What shows that Material's stylesheet and extra.css applied."""
    return page.evaluate("""() => ({
        header: getComputedStyle(document.querySelector('.md-header')).backgroundColor,
        position: getComputedStyle(document.querySelector('.md-header')).position,
        label: getComputedStyle(document.querySelector('.dv-404 label')).fontWeight,
        h1: document.querySelector('h1').textContent.trim(),
    })""")


@pytest.mark.slow
@pytest.mark.parametrize("missing", ["/repo/khong-co.html", "/repo/hoi-dap/mot/hai/khong-co.html", "/repo/a/b/c"])
def test_404_under_a_project_path_is_styled(chromium, project_origin, missing):
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        response = page.goto(project_origin + missing)
        assert response.status == 404
        style = _styled(page)
        assert style["h1"] == "Không tìm thấy trang"
        assert style["header"] == "rgb(211, 47, 47)", style  # Material's header, in extra.css's red
        assert style["position"] == "sticky", style
        assert style["label"] == "700", style
        page.click("text=← Về trang chủ")
        page.wait_for_load_state()
        assert urlsplit(page.url).path == "/repo/index.html"
        page.go_back()
        page.fill("#dv-404-q", "dan van kheo")
        page.press("#dv-404-q", "Enter")
        page.wait_for_load_state()
        assert urlsplit(page.url).path == "/repo/tim-kiem.html" and "q=dan+van+kheo" in page.url
    finally:
        context.close()


@pytest.mark.slow
def test_404_without_javascript_one_level_down(chromium, project_origin):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(project_origin + "/repo/trang-go-nham.html")
        header = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
        assert header == "rgb(211, 47, 47)"
        page.fill("#dv-404-q", "to truong")
        page.press("#dv-404-q", "Enter")
        page.wait_for_load_state()
        assert urlsplit(page.url).path == "/repo/tim-kiem.html"
    finally:
        context.close()


@pytest.mark.slow
@pytest.mark.parametrize("name,path", [("404", "/repo/khong-co.html"), ("module", "/repo/chuyen-de/cd1-vai-tro-dan-van.html"),
                                       ("model", "/repo/mo-hinh/mh-camera-an-ninh-thang.html")])
def test_axe_and_screenshots_at_360(chromium, project_origin, tmp_path_factory, name, path):
    from axe_playwright_python.sync_playwright import Axe

    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(project_origin + path)
        page.wait_for_load_state("load")
        shots = tmp_path_factory.getbasetemp() / "phone-screenshots"
        shots.mkdir(exist_ok=True)
        page.screenshot(path=str(shots / f"{name}-360.png"), full_page=True)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        violations = Axe().run(page).response["violations"]
    finally:
        context.close()
    bad = [f"[{v['impact']}] {v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:5]]}" for v in violations
           if v.get("impact") in ("serious", "critical") or v["id"] == "heading-order"]
    assert not bad, "\n".join(bad)
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 360px"


@pytest.mark.slow
def test_the_header_name_fits_a_phone_and_is_whole_on_a_wide_screen(chromium, project_origin):
    """At 360 px the header shows the short name ("Sổ tay") whole beside the search form, not
    the full name cut to "Sổ ta…"; the full name stays for screen readers. At 1024 px the full
    name shows and the short one is gone."""
    shown = """() => Array.from(document.querySelectorAll('.md-header__topic:first-child > span'))
        .filter(s => s.getBoundingClientRect().width > 1)
        .map(s => ({text: s.textContent.trim(), cut: s.scrollWidth > s.clientWidth + 1,
                    hidden: s.getAttribute('aria-hidden')}))"""
    for width, expected in ((360, "Sổ tay"), (1024, "Sổ tay công tác dân vận")):
        context = chromium.new_context(viewport={"width": width, "height": 740})
        page = context.new_page()
        try:
            page.goto(project_origin + "/repo/chuyen-de/cd1-vai-tro-dan-van.html")
            page.wait_for_load_state("load")
            spans = page.evaluate(shown)
            # Accessible name of the header: the full name, whatever the width.
            names = page.evaluate("() => Array.from(document.querySelectorAll('.md-header__topic:first-child > span'))"
                                  ".filter(s => s.getAttribute('aria-hidden') !== 'true').map(s => s.textContent.trim())")
        finally:
            context.close()
        assert [s["text"] for s in spans] == [expected], (width, spans)
        assert not spans[0]["cut"], f"the header name is cut at {width}px: {spans}"
        assert names == ["Sổ tay công tác dân vận"], names


@pytest.mark.slow
def test_question_headings_stand_out_and_keyboard_focus_shows(chromium, project_origin):
    """#17 item 5: a question heading is bold and larger than the text; a link reached with Tab
    and the header's search field carry a visible ring (an outline at least 2 px wide)."""
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(project_origin + "/repo/hoi-dap/dan-van-kheo.html")
        page.wait_for_load_state("load")
        heading = page.evaluate("""() => {
            const h = document.querySelector('.dv-qa h2'), p = document.querySelector('.dv-qa p');
            return {weight: +getComputedStyle(h).fontWeight, size: parseFloat(getComputedStyle(h).fontSize),
                    text: parseFloat(getComputedStyle(p).fontSize)};
        }""")
        assert heading["weight"] >= 700 and heading["size"] > heading["text"], heading
        ring = """() => { const s = getComputedStyle(document.activeElement);
            return {tag: document.activeElement.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }"""
        page.focus("#dv-header-q")
        field = page.evaluate(ring)
        assert field["tag"] == "INPUT" and field["style"] != "none" and field["width"] >= 2, field
        link = None
        for _ in range(40):  # Tab on from the field to the first link of the article
            page.keyboard.press("Tab")
            if page.evaluate("() => !!document.activeElement.closest('.md-typeset') && document.activeElement.tagName === 'A'"):
                link = page.evaluate(ring)
                break
        assert link and link["style"] != "none" and link["width"] >= 2, link
    finally:
        context.close()
