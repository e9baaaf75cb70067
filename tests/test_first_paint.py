"""The fast first paint (#17): Material's stylesheets pruned to what the built pages use (a
selector that matches an element of the pages is kept, one that matches nothing is dropped),
no render-blocking stylesheet besides the inlined first-screen CSS, the scripts deferred and
still working, search.js only on pages with a search box, and pages that look the same at
360 px, light and dark, as without the step (screenshots in tests/output/screenshots/paint-*.png)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import css_prune
from generator.build.css_prune import Usage, critical, prune, selectors_of

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "tests" / "output" / "screenshots"
PHONE = {"width": 360, "height": 740}
SHOTS = {"home": "index.html", "qa": "hoi-dap/dan-van-kheo.html", "commune": "don-vi/bg-luc-ngan-nam-duong.html",
         "module": "chuyen-de/cd1-vai-tro-dan-van.html"}
# pages whose elements the pruned CSS is checked against (one of each kind)
SAMPLE = ["index.html", "tim-kiem.html", "404.html", "hoi-dap/index.html", "hoi-dap/dan-van-kheo.html",
          "don-vi/bg-luc-ngan-nam-duong.html", "don-vi/bg-luc-ngan.html", "chuyen-de/cd1-vai-tro-dan-van.html",
          "mo-hinh/mh-camera-an-ninh-thang.html", "thong-ke.html", "thuat-ngu.html", "tai-ve.html"]


# ------------------------------------------------------------------ the pruning rules (quick)


def _usage(html: str, script: str = "") -> Usage:
    usage = Usage()
    usage.add_html(html)
    usage.add_script(script)
    return usage


def test_prune_keeps_what_matches_and_drops_what_cannot():
    html = ('<html><body dir="ltr" data-md-color-primary="red"><div class="md-typeset"><table><tr><td>1</td></tr>'
            '</table><p id="x" class="a b">t</p></div></body></html>')
    css = (".md-typeset table{color:red}.md-typeset .admonition{color:blue}.a.b{x:1}.a.c{x:2}#x{y:1}#z{y:2}"
           "[dir=ltr] .a{m:1}[dir=rtl] .a{m:2}[data-md-color-primary=red]{--c:1;color:var(--c)}"
           "[data-md-color-primary=pink]{--c:2}.md-typeset :is(.admonition,.a){k:1}.md-typeset :is(.q,.r){k:2}"
           "p:not(.never):hover{h:1}kbd{k:3}@media screen{.b{w:1}.nope{w:2}}@font-face{font-family:x}"
           "@keyframes spin{to{t:1}}@keyframes unused{to{t:2}}.a{animation:spin 1s}")
    out = prune(css, _usage(html))
    kept = set(selectors_of(out))
    assert {".md-typeset table", ".a.b", "#x", "[dir=ltr] .a", "[data-md-color-primary=red]",
            ".md-typeset :is(.admonition,.a)", "p:not(.never):hover", ".b", ".a"} <= kept
    for gone in (".md-typeset .admonition", ".a.c", "#z", "[dir=rtl] .a", "[data-md-color-primary=pink]",
                 ".md-typeset :is(.q,.r)", "kbd", ".nope"):
        assert gone not in kept, gone
    assert "@font-face" not in out and "spin" in out and "unused" not in out
    assert "--c:1" in out.replace(" ", "")


def test_states_scripts_set_are_kept():
    """Selectors for states a script toggles survive although no built page carries them."""
    html = '<html class="no-js"><body data-md-color-scheme="default"><header class="md-header"></header></body></html>'
    css = ("[data-md-color-scheme=slate]{c:1}.js .md-header{c:2}.md-header--shadow{c:3}.md-search__input{c:4}"
           ".md-typeset__scrollwrap{c:5}.dv-result{c:6}.dv-never{c:7}[data-md-state=lock] .md-header{c:8}")
    kept = set(selectors_of(prune(css, _usage(html, script='el.className = "dv-result"'))))
    assert kept == {"[data-md-color-scheme=slate]", ".js .md-header", ".md-header--shadow", ".md-search__input",
                    ".md-typeset__scrollwrap", ".dv-result", "[data-md-state=lock] .md-header"}


def test_unread_custom_properties_are_dropped_in_chains():
    css = ":root{--a:1;--b:var(--a);--c:2;--d:var(--c)}.x{color:var(--b)}"
    out = css_prune.drop_unused_properties(css, elsewhere="")
    assert "--a:1" in out and "--b:" in out and "--c" not in out and "--d" not in out
    assert "--c:2" in css_prune.drop_unused_properties(css, elsewhere="style='--d:3' --c")


def test_critical_takes_header_frame_and_typography():
    css = (":root{--x:1}body{m:0}.md-header{h:1}.md-typeset h1{t:1}.md-footer{f:1}.md-search__form{s:1}"
           "@media screen{.md-sidebar--primary{d:1}.md-top{t:2}}")
    kept = set(selectors_of(critical(css)))
    assert kept == {":root", "body", ".md-header", ".md-typeset h1", ".md-sidebar--primary"}


# ------------------------------------------------------------------ the built site (slow)


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The sample built with the step, and without it (the engine's pages as they were)."""
    from generator.build import pipeline

    base = tmp_path_factory.mktemp("paint")
    after = pipeline.build(ROOT, out=base / "after", pdf=False, force=True).site_dir
    real = pipeline.fast_first_paint
    pipeline.fast_first_paint = lambda site: None
    try:
        before = pipeline.build(ROOT, out=base / "before", pdf=False, force=True).site_dir
    finally:
        pipeline.fast_first_paint = real
    return before, after


def _site_css(site: Path) -> str:
    (path,) = (site / "assets" / "stylesheets").glob("site.*.css")
    return path.read_text(encoding="utf-8")


def _theme_css(before: Path) -> str:
    """Material's own stylesheets as the engine linked them (main, then palette)."""
    head = (before / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    hrefs = [h for h in re.findall(r'<link rel="stylesheet" href="([^"]+)">', head) if "assets/stylesheets/" in h]
    assert len(hrefs) == 2
    return "\n".join((before / h).read_text(encoding="utf-8") for h in hrefs)


def _declarations(css: str) -> dict[str, set[str]]:
    """Selector → the property names its rules declare."""
    import tinycss2

    found: dict[str, set[str]] = {}

    def walk(rules):
        for rule in rules:
            if rule.type == "qualified-rule":
                names = {d.name for d in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True)
                         if d.type == "declaration"}
                for selector in css_prune.split_selectors(rule.prelude):
                    found.setdefault(tinycss2.serialize(selector).strip(), set()).update(names)
            elif rule.type == "at-rule" and rule.content is not None:
                walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


def _elements(site: Path, rel: str):
    import cssselect2
    import tinyhtml5

    root = tinyhtml5.parse((site / rel).read_text(encoding="utf-8"), namespace_html_elements=False)
    return list(cssselect2.ElementWrapper.from_html_root(root).iter_subtree())


@pytest.mark.slow
def test_pruned_css_keeps_every_selector_matching_an_element(sites):
    import cssselect2
    import tinycss2

    before, after = sites
    site_css = _site_css(after)
    kept = set(selectors_of(site_css))
    read = set(re.findall(r"var\(\s*(--[\w-]+)", site_css))
    declared = _declarations(_theme_css(before))
    elements = [e for rel in SAMPLE for e in _elements(after, rel)]
    checked = matched = 0
    for selector in dict.fromkeys(selectors_of(_theme_css(before))):
        try:
            compiled = cssselect2.compile_selector_list(tinycss2.parse_component_value_list(selector))
        except cssselect2.SelectorError:
            continue  # a pseudo-class the matcher does not know (:hover, :focus-visible …)
        checked += 1
        if any(c.test(e) for c in compiled for e in elements):
            matched += 1
            if all(n.startswith("--") and n not in read for n in declared[selector]):
                continue  # it only set custom properties nothing reads (mermaid's colours…): emptied, so dropped
            assert selector in kept, f"{selector!r} matches an element of the sample pages but was pruned"
    assert checked > 1000 and matched > 150, (checked, matched)


@pytest.mark.slow
def test_pruned_css_drops_selectors_that_match_nothing(sites):
    before, after = sites
    original, pruned = set(selectors_of(_theme_css(before))), set(selectors_of(_site_css(after)))
    for unused in (".md-typeset .admonition", ".md-typeset .tabbed-set", ".md-annotation", ".md-typeset kbd",
                   "[data-md-color-primary=pink]"):
        assert unused in original and unused not in pruned, unused
    rtl = [s for s in original if s.startswith("[dir=rtl]")]  # the pages are left to right (<body dir="ltr">)
    assert rtl and not [s for s in rtl if s in pruned]
    assert len(pruned) < len(original) / 2
    assert "@font-face" not in _site_css(after)


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.in_head = True
        self.noscript = False
        self.blocking: list[str] = []
        self.inline_styles = 0
        self.scripts: list[dict] = []
        self.search_box = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "noscript":
            self.noscript = True
        if tag == "link" and a.get("rel") == "stylesheet" and not self.noscript:
            if a.get("media") != "print" or "this.media='all'" not in (a.get("onload") or ""):
                self.blocking.append(a.get("href"))
        if tag == "style" and self.in_head:
            self.inline_styles += 1
        if tag == "script" and "src" in a:
            self.scripts.append(a)
        if a.get("id") == "dv-search" or "dv-search-form" in (a.get("class") or "").split():
            self.search_box = True

    def handle_endtag(self, tag):
        if tag == "noscript":
            self.noscript = False
        if tag == "head":
            self.in_head = False


def _engine_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).parts[0] not in ("admin", "downloads")]


@pytest.mark.slow
def test_no_render_blocking_stylesheet_and_deferred_scripts(sites):
    _, after = sites
    pages = _engine_pages(after)
    assert len(pages) > 100
    for path in pages:
        head = _Head()
        head.feed(path.read_text(encoding="utf-8"))
        assert not head.blocking, (path.name, head.blocking)
        assert head.inline_styles == 1, path.name
        assert head.scripts and all("defer" in s or "async" in s for s in head.scripts), (path.name, head.scripts)


@pytest.mark.slow
def test_search_js_only_on_pages_with_a_search_box(sites):
    _, after = sites
    with_box = []
    for path in _engine_pages(after):
        head = _Head()
        head.feed(path.read_text(encoding="utf-8"))
        has_script = any(s["src"].endswith("assets/search.js") for s in head.scripts)
        assert has_script == head.search_box, path.relative_to(after)
        if has_script:
            with_box.append(path.relative_to(after).as_posix())
    assert "tim-kiem.html" in with_box
    assert "index.html" not in with_box and "404.html" not in with_box


@pytest.mark.slow
def test_deferred_scripts_still_work(sites, chromium):
    """Palette toggle, drawer and the search page, with the bundle and search.js deferred."""
    from browser import RequestLog, serve

    _, after = sites
    with serve(after) as origin:
        context = chromium.new_context(viewport=PHONE, color_scheme="light")
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        log = RequestLog(page)
        page.goto(origin + "/index.html", wait_until="load")
        assert page.evaluate("getComputedStyle(document.querySelector('link[data-dv-css]')).length >= 0")
        assert page.eval_on_selector("link[data-dv-css]", "l => l.media") == "all"  # the swap ran
        page.click("label.md-header__button[for^='__palette']:visible")
        page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
        page.click("label.md-header__button[for='__drawer']")
        page.wait_for_function("document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
        assert not any(u.endswith("search.js") for u in log.urls)
        page.goto(origin + "/tim-kiem.html?q=dan+van+kheo", wait_until="load")
        page.wait_for_function("document.querySelectorAll('#dv-search-results li').length > 0", timeout=15000)
        assert not errors, errors
        context.close()


@pytest.mark.slow
def test_pages_look_the_same_light_and_dark(sites, chromium):
    """Once loaded, each page is pixel for pixel what it was without the step; the after
    screenshots stay in tests/output/screenshots/paint-<page>-<scheme>.png."""
    from PIL import Image, ImageChops

    from browser import serve

    before, after = sites
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots: dict[tuple[str, str, str], Path] = {}
    for side, site in (("before", before), ("after", after)):
        with serve(site) as origin:
            for scheme in ("light", "dark"):
                context = chromium.new_context(viewport=PHONE, color_scheme=scheme)
                page = context.new_page()
                for name, rel in SHOTS.items():
                    page.goto(f"{origin}/{rel}", wait_until="load")
                    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === "
                                           + ("'slate'" if scheme == "dark" else "'default'"))
                    page.wait_for_load_state("networkidle")
                    page.wait_for_timeout(800)  # Material's colour transitions (≤ 250 ms) are over
                    target = (SCREENSHOTS / f"paint-{name}-{scheme}.png" if side == "after"
                              else SCREENSHOTS.parent / f"paint-before-{name}-{scheme}.png")
                    page.screenshot(path=str(target))
                    shots[(side, name, scheme)] = target
                context.close()
    for name in SHOTS:
        for scheme in ("light", "dark"):
            a = Image.open(shots[("before", name, scheme)]).convert("RGB")
            b = Image.open(shots[("after", name, scheme)]).convert("RGB")
            assert ImageChops.difference(a, b).getbbox() is None, f"{name} ({scheme}) looks different after the step"
