"""The installable, offline handbook in a real browser (Debian's Chromium through Playwright): the
service worker (generator/build/service_worker.py) precaches the shell, the home, Q&A and module
pages and the search index on a first visit; with the browser context offline the home page, a
Q&A page never opened and a search work, an unsaved page shows the Vietnamese offline page; a new
build is offered and, once accepted, shown; the manifest is valid and Chromium finds the app
installable (DevTools protocol). The site is served under a project path (/repo/), as GitHub
Pages serves it, so every address in the manifest and the worker must be relative.

Unlike tests/test_site_browser.py's Tab (which blocks service workers), these contexts allow them.
The offline page's screenshot at 360 px goes to tests/output/screenshots/.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency (pip install -e '.[dev]')")
from playwright.sync_api import sync_playwright  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
for _folder in (ROOT, Path(__file__).resolve().parent):
    if str(_folder) not in sys.path:
        sys.path.insert(0, str(_folder))

from browser import LAUNCH_ARGS, file_url, launch, require_chromium, serve  # noqa: E402
from generator.build.pipeline import OFFLINE_ZIP, build  # noqa: E402
from generator.build.service_worker import BUDGET, precache_list, precached_page  # noqa: E402
from generator.produce.site.search_query import parse_js  # noqa: E402

pytestmark = pytest.mark.slow

SCREENSHOTS = ROOT / "tests" / "output" / "screenshots"
PROJECT_PATH = "repo"  # the site is served at /repo/, like a GitHub Pages project site
QA_PAGE = "hoi-dap/dan-van-kheo.html"
QA_FILE = "content/qa/dan-van-kheo/dvk-nam-2016.md"
MODULE_PAGE = "chuyen-de/cd5-dan-van-kheo.html"
UNSAVED_PAGE = "don-vi/bg-tan-yen-phuc-son.html"  # a commune page: cached only once read
PHONE = {"width": 360, "height": 740}
SW_NETWORK = "PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS"


def copy_project(target: Path) -> Path:
    """This repository's sample project (what a site build reads), copied to `target`."""
    target.mkdir(parents=True)
    for name in ("data", "content", "theme"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def build_site(project: Path, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    return build(project, out=out, pdf=False, force=True).site_dir


@pytest.fixture(scope="module")
def www(tmp_path_factory) -> Path:
    """A folder served as the web root, holding the sample site at /repo/."""
    root = tmp_path_factory.mktemp("pwa")
    build_site(copy_project(root / "project"), root / "www" / PROJECT_PATH)
    return root / "www"


@pytest.fixture(scope="module")
def origin(www: Path):
    with serve(www) as url:
        yield url


@pytest.fixture(scope="module")
def driver():
    """A Playwright whose offline switch also reaches service workers: without this setting,
    context.set_offline() cuts the pages off but the worker still fetches."""
    require_chromium()
    old = os.environ.get(SW_NETWORK)
    os.environ[SW_NETWORK] = "1"  # read by the Playwright driver process when it starts
    try:
        with sync_playwright() as p:
            yield p
    finally:
        if old is None:
            os.environ.pop(SW_NETWORK, None)
        else:
            os.environ[SW_NETWORK] = old


@pytest.fixture(scope="module")
def browser(driver):
    chromium = launch(driver)
    yield chromium
    chromium.close()


class App:
    """A browser context with service workers allowed, recording script errors and console errors;
    `context` replaces the usual fresh (incognito) one."""

    def __init__(self, browser, viewport: dict = PHONE, context=None) -> None:
        self.context = context or browser.new_context(viewport=viewport, service_workers="allow")
        self.page = self.context.pages[0] if self.context.pages else self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))

    def close(self) -> None:
        self.context.close()

    def install(self, url: str) -> int:
        """Open `url`, wait until the worker controls the page and its precache is filled;
        gives the number of precached entries."""
        self.page.goto(url)
        self.page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller", timeout=60_000)
        return self.page.evaluate("""async () => {
            await navigator.serviceWorker.ready;
            const names = (await caches.keys()).filter((n) => n.includes("precache"));
            let count = 0;
            for (const name of names) count += (await (await caches.open(name)).keys()).length;
            return count;
        }""")


@pytest.fixture
def app(browser):
    a = App(browser)
    yield a
    a.close()


def site_url(origin: str, path: str = "") -> str:
    return f"{origin}/{PROJECT_PATH}/{path}"


def test_offline_after_one_visit(app, origin, www):
    site = www / PROJECT_PATH
    precache = precache_list(site)
    assert app.install(site_url(origin, "index.html")) == len(precache.entries)
    assert app.errors == []
    scope = app.page.evaluate("async () => (await navigator.serviceWorker.ready).scope")
    assert scope == site_url(origin)

    app.context.set_offline(True)
    # The home page, as a reload would ask for it.
    app.page.goto(site_url(origin, "index.html"))
    assert "Sổ tay công tác dân vận" in app.page.title()
    assert app.page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(211, 47, 47)", \
        "the precached styles did not apply"
    # A Q&A page and a training module never opened.
    app.page.goto(site_url(origin, QA_PAGE))
    assert "Dân vận khéo" in app.page.locator("h1").inner_text()
    assert app.page.locator("#dvk-nam-2016").count() == 1
    app.page.goto(site_url(origin, MODULE_PAGE))
    assert app.page.locator("h1").count() == 1 and "Không có mạng" not in app.page.title()
    # A search without diacritics: the full index is out of reach, so search.js takes the
    # offline index from the precache and says it searched the pages saved on the phone.
    app.page.goto(site_url(origin, "tim-kiem.html?q=dan+van+kheo"))
    app.page.wait_for_selector(f'#dv-search-results a[href*="{QA_PAGE}"]', timeout=20_000)
    assert "Dân vận khéo" in app.page.locator("#dv-search-results").inner_text()
    assert "trong các trang đã lưu trên máy (đang không có mạng)" in app.page.locator("#dv-search-status").inner_text()
    # Every result opens offline (the offline index holds only precached pages).
    hrefs = app.page.eval_on_selector_all("#dv-search-results a.dv-result-title", "as => as.map(a => a.href)")
    saved = (site_url(origin, "hoi-dap/"), site_url(origin, "chuyen-de/"), site_url(origin, "index.html"),
             site_url(origin, "tim-kiem.html"))
    assert hrefs and all(h.split("#")[0].startswith(saved) for h in hrefs), hrefs
    app.page.goto(hrefs[-1])
    assert "Không có mạng" not in app.page.title()
    # Another query, a commune's name: offline, only the saved pages are searched, and the
    # status says so whether or not they name it.
    app.page.goto(site_url(origin, "tim-kiem.html?q=phuc+son"))
    app.page.wait_for_function("() => /đã lưu trên máy/.test(document.getElementById('dv-search-status').textContent)",
                               timeout=20_000)
    # A page neither saved nor reachable: the Vietnamese offline page, at the address asked for.
    app.page.goto(site_url(origin, UNSAVED_PAGE))
    assert app.page.url == site_url(origin, UNSAVED_PAGE)
    assert app.page.locator("h1").inner_text() == "Không có mạng"
    assert "chưa được lưu trên máy này" in app.page.locator("article").inner_text()
    links = app.page.eval_on_selector_all("article a", "as => as.map(a => a.href)")
    assert site_url(origin, OFFLINE_ZIP) in links and site_url(origin, "tai-ve.html") in links
    assert app.page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(211, 47, 47)", \
        "the offline page lost its styles away from the site root"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    app.page.screenshot(path=str(SCREENSHOTS / "ngoai-tuyen-360.png"), full_page=True)
    # Its links lead back to what is saved.
    app.page.locator("article a", has_text="Hỏi – đáp").first.click()
    app.page.wait_for_url(site_url(origin, "hoi-dap/index.html"))
    assert "Không có mạng" not in app.page.title()
    assert not [e for e in app.errors if "ERR_INTERNET_DISCONNECTED" not in e], app.errors


def test_pages_read_online_stay_readable_offline(app, origin):
    app.install(site_url(origin, "index.html"))
    app.page.goto(site_url(origin, UNSAVED_PAGE))  # online: read once, saved by the worker
    title = app.page.title()
    app.context.set_offline(True)
    app.page.goto(site_url(origin, "index.html"))
    app.page.goto(site_url(origin, UNSAVED_PAGE))
    assert app.page.title() == title and "Không có mạng" not in title


def test_manifest_is_valid_and_app_installable(driver, origin, www, tmp_path):
    # A profile on disk: Chromium never offers to install from an incognito context.
    context = driver.chromium.launch_persistent_context(tmp_path / "profile", executable_path=require_chromium(),
                                                        args=LAUNCH_ARGS, viewport=PHONE, service_workers="allow")
    app = App(None, context=context)
    try:
        _check_installable(app, origin, www)
    finally:
        app.close()


def _check_installable(app: App, origin: str, www: Path) -> None:
    app.install(site_url(origin, "index.html"))
    cdp = app.context.new_cdp_session(app.page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"] == site_url(origin, "manifest.webmanifest")
    assert manifest["errors"] == [], manifest["errors"]
    data = json.loads(manifest["data"])
    assert data["name"] == "Sổ tay công tác dân vận" and data["short_name"] == "Sổ tay DV" and data["lang"] == "vi"
    assert not data["start_url"].startswith("/") and not data["scope"].startswith("/"), "absolute addresses break /repo/"
    purposes = {(icon["sizes"], icon["purpose"]) for icon in data["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")} <= purposes
    parsed = manifest.get("manifest") or {}
    if parsed:  # Chromium's own reading of it, when this version reports it
        assert parsed.get("startUrl", site_url(origin, "index.html")) == site_url(origin, "index.html")
    # Chromium fetches the icons and checks the worker itself.
    errors = []
    for _ in range(20):
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        if not errors:
            break
        app.page.wait_for_timeout(500)
    assert errors == [], errors
    # The icons are real PNGs of the declared size.
    from PIL import Image

    for size in (192, 512):
        with Image.open(www / PROJECT_PATH / f"assets/icons/icon-{size}.png") as image:
            assert image.format == "PNG" and image.size == (size, size)


def test_new_build_is_offered_then_shown(browser, tmp_path):
    """Change an answer and rebuild into the same folder: a reader who had the old build is
    offered the new one, and after accepting, the page shows the new text."""
    project = copy_project(tmp_path / "project")
    www = tmp_path / "www"
    site = build_site(project, www / PROJECT_PATH)
    old_precache = precache_list(site)
    marker = "Đoạn này được thêm vào để thử bản dựng mới."
    with serve(www) as origin:
        a = App(browser)
        try:
            a.install(site_url(origin, QA_PAGE))
            assert marker not in a.page.locator("article").inner_text()
            answer = project / QA_FILE
            answer.write_text(answer.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
            build_site(project, www / PROJECT_PATH)
            new_precache = precache_list(www / PROJECT_PATH)
            changed = {e["url"] for e in new_precache.entries} ^ {e["url"] for e in old_precache.entries} | {
                e["url"] for e in new_precache.entries if e not in old_precache.entries}
            assert QA_PAGE in changed and new_precache.version != old_precache.version

            a.page.reload()
            # Until the reader accepts, the page stays whole on the old build.
            assert marker not in a.page.locator("article").inner_text()
            button = a.page.locator("#dv-update button")
            button.wait_for(timeout=60_000)
            assert "Đã có bản mới" in a.page.locator("#dv-update").inner_text()
            with a.page.expect_navigation(timeout=30_000):
                button.click()
            assert marker in a.page.locator("article").inner_text()
            # Every precached page now comes from the new build, and only one build's caches remain.
            entries = a.page.evaluate("""async () => {
                const names = await caches.keys();
                const pre = names.filter((n) => n.includes("precache"));
                const urls = [];
                for (const name of pre) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
                return {names, urls};
            }""")
            assert len(entries["urls"]) == len(new_precache.entries)
            revisions = {f"{site_url(origin, e['url'])}?__WB_REVISION__={e['revision']}" for e in new_precache.entries
                         if e["url"] == QA_PAGE}
            assert revisions <= set(entries["urls"]), "the Q&A page is not stored at its new revision"
            runtime = [n for n in entries["names"] if re.match(r"so-tay-dan-van-(trang|anh)-", n)]
            assert all(new_precache.version in n for n in runtime), runtime
        finally:
            a.close()


def test_offline_zip_leaves_the_app_out(browser, www):
    """The zip opened from file:// registers no worker and asks for no manifest: no console error."""
    zip_path = www / PROJECT_PATH / OFFLINE_ZIP
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        assert not [n for n in names if n.endswith(("sw.js", "manifest.webmanifest")) or "/assets/workbox/" in n]
        home = archive.read("so-tay-dan-van/index.html").decode("utf-8")
        assert 'rel="manifest"' not in home
        target = www.parent / "unzipped"
        archive.extractall(target)
    a = App(browser)
    try:
        a.page.goto(file_url(target / "so-tay-dan-van" / "index.html"))
        a.page.goto(file_url(target / "so-tay-dan-van" / QA_PAGE))
        a.page.wait_for_load_state("load")
        assert a.page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
        assert a.errors == [], a.errors
    finally:
        a.close()


def test_precache_under_budget_on_the_sample(www):
    precache = precache_list(www / PROJECT_PATH)
    urls = {e["url"] for e in precache.entries}
    assert {"index.html", "tim-kiem.html", "ngoai-tuyen.html", QA_PAGE, MODULE_PAGE,
            "assets/search-offline/meta.js", "manifest.webmanifest", "assets/pwa.js"} <= urls
    # The offline index, not the full one (which grows with the province's communes and models).
    assert not [u for u in urls if u.startswith("assets/search/")]
    # It indexes exactly the full index's docs of precached pages, so a result found offline opens offline.
    site = www / PROJECT_PATH

    def docs(base: str) -> list[str]:
        return [row[0] for path in sorted((site / base / "d").glob("*.js"))
                for row in parse_js(path.read_bytes())[1][1]]
    offline, full = docs("assets/search-offline"), docs("assets/search")
    assert offline and all(precached_page(u) for u in offline), [u for u in offline if not precached_page(u)]
    assert sorted(offline) == sorted(u for u in full if precached_page(u)) and len(offline) < len(full)
    # The stylesheet the first-paint step joined and pruned (generator/build/first_paint.py).
    assert any(re.fullmatch(r"assets/stylesheets/site\.[0-9a-f]+\.css", u) for u in urls), sorted(urls)
    assert not [u for u in urls if u.endswith(".map") or u.startswith(("downloads/", "admin/", "don-vi/"))]
    assert precache.size < BUDGET, precache.size
