"""The website as files: every link resolves, nothing private reaches the public build, two
builds are identical, a failed build keeps the previous site, no request leaves the site."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import threading
import urllib.request
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.build import downloads as downloads_module
from generator.build import pipeline as build_module
from generator.build.pipeline import BuildError, build
from generator.checks.check import check_project

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def public_site(tmp_path_factory) -> Path:
    return build(ROOT, out=tmp_path_factory.mktemp("public") / "site").site_dir


@pytest.fixture(scope="module")
def internal_site(tmp_path_factory) -> Path:
    return build(ROOT, profile="internal", out=tmp_path_factory.mktemp("internal") / "site").site_dir


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self.scripts_with_src: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs and attrs["id"]:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.refs.append((tag, attrs[name]))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _html_files(site: Path) -> list[Path]:
    """The handbook's own pages. admin/ is the web editor (Decap CMS, a third-party app loaded
    only by editors); tests/test_cms.py drives it in a browser with the network cut off."""
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("admin/"))


def test_the_site_has_every_section(public_site):
    for page in ["index.html", "tim-kiem.html", "hoi-dap/index.html", "chuyen-de/index.html", "don-vi/bac-giang.html",
                 "don-vi/bg-tan-yen.html", "don-vi/bg-tan-yen-phuc-son.html", "mo-hinh/index.html",
                 "mo-hinh/mh-duong-noi-dong-lai-xa.html", "van-ban/index.html", "van-ban/nq-25-tw-2013.html",
                 "thuat-ngu.html", "thong-ke.html", "tai-ve.html", "doi-tuong/to-truong.html"]:
        assert (public_site / page).is_file(), page


def test_the_registry_counts_only_documents_some_page_cites(public_site):
    """The registry index says how many documents it holds and how many some page cites; a
    document kept in the registry that no page cites (160-KL/TW) is not called cited."""
    index = (public_site / "van-ban/index.html").read_text(encoding="utf-8")
    held, cited = map(int, re.search(r"(\d+) văn bản trong danh mục, (\d+) văn bản được trang nào đó", index).groups())
    pages = [p for p in (public_site / "van-ban").glob("*.html") if p.name != "index.html"]
    uncited = [p.name for p in pages if "Chưa có trang nào trích dẫn." in p.read_text(encoding="utf-8")]
    assert held == len(pages) and cited == held - len(uncited) and 0 < cited < held
    assert "tb-160-tw-2020.html" in uncited


def test_the_site_folder_is_readable_by_a_web_server(public_site):
    """The site is assembled in a private temporary folder (mode 0700); the published folder
    takes the umask's mode like any folder a user makes, or a server copying it could not read it."""
    mask = os.umask(0)
    os.umask(mask)
    assert public_site.stat().st_mode & 0o777 == 0o777 & ~mask


def test_every_internal_link_and_asset_resolves(public_site):
    # 404.html is served by a web server for any missing path, so MkDocs writes it with
    # root-relative links; it is not part of the navigable (or offline) site.
    parsed = {path: _parse(path) for path in _html_files(public_site) if path.name != "404.html"}
    broken = []
    for path, parser in parsed.items():
        for tag, ref in parser.refs:
            parts = urlsplit(ref)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            assert parts.scheme == "", f"{path}: unexpected scheme in {ref}"
            target = path if not parts.path else (path.parent / unquote(parts.path)).resolve()
            if not target.exists():
                broken.append(f"{path.relative_to(public_site)} → {ref}")
                continue
            if parts.fragment and target.suffix == ".html" and not parts.fragment.startswith("__"):
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{path.relative_to(public_site)} → {ref} (no such anchor)")
    assert broken == []


def test_no_page_loads_anything_from_another_host(public_site):
    for path in _html_files(public_site):
        for tag, ref in _parse(path).refs:
            if tag in ("script", "link", "img", "iframe", "source"):
                assert not urlsplit(ref).scheme and not ref.startswith("//"), f"{path}: {tag} {ref}"
    for css in public_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, css


def test_generated_content_holds_no_script_or_event_handler(public_site):
    for path in _html_files(public_site):
        text = path.read_text(encoding="utf-8")
        match = re.search(r'<div class="dv-page">(.*)</article>', text, re.S)
        if not match:
            continue
        content = match.group(1)
        assert "<script" not in content and "<iframe" not in content, path
        assert not re.search(r"<[a-z][^>]*\son[a-z]+=", content), path
        assert "javascript:" not in content, path


def test_markdown_in_data_is_sanitised():
    from generator.produce.html import esc, render_markdown

    html = render_markdown('Chữ <script>alert(1)</script> và [liên kết](javascript:alert(2)) <img src=x onerror=alert(3)>')
    assert "<script" not in html and "javascript:" not in html and "onerror" not in html.replace("onerror=alert(3)&gt;", "")
    assert "&lt;script&gt;" in html
    assert esc('<b onclick="x">') == "&lt;b onclick=&quot;x&quot;&gt;"


# ------------------------------------------------------------------------------ privacy

# A phone number stands as a word of its own (hex digests such as "c01965206539" are not one).
PHONE = re.compile(r"(?<![\w.])(?:\+84|0)\d{2,3}[ .]?\d{3}[ .]?\d{3,4}(?![\w])")


def _internal_values() -> dict[str, set[str]]:
    dataset, _ = check_project(ROOT)
    values: dict[str, set[str]] = {"phone": set(), "id_number": set(), "address": set(), "email": set(), "name": set()}
    names = [p.obj.full_name for p in dataset.people.values()]
    for at in dataset.people.values():
        person = at.obj
        for field in ("phone", "id_number", "address", "email"):
            value = getattr(person, field)
            if value:
                values[field].add(value)
        if not person.consent_to_publish and names.count(person.full_name) == 1:
            values["name"].add(person.full_name)
    return values


def _site_text(site: Path) -> str:
    parts = []
    for path in sorted(site.rglob("*")):
        if path.relative_to(site).as_posix().startswith("admin/"):
            continue  # the editor's bundle and its schema-derived config: no data in them
        if path.is_file() and path.suffix in (".html", ".js", ".json", ".xml", ".txt", ".csv"):
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def test_public_build_has_no_phone_number_and_no_internal_value(public_site):
    text = _site_text(public_site)
    assert PHONE.findall(text) == []
    values = _internal_values()
    assert values["phone"] and values["name"], "the sample must have internal values for this test to mean anything"
    for field, items in values.items():
        leaked = sorted(v for v in items if v in text)
        assert leaked == [], f"{field} leaked: {leaked[:5]}"
    for label in ("Tôn giáo:", "Dân tộc:", "Đảng viên:", "CCCD:"):
        assert label not in text


def test_internal_build_shows_what_internal_readers_may_see(internal_site):
    text = _site_text(internal_site)
    values = _internal_values()
    assert any(v in text for v in values["phone"])
    assert any(v in text for v in values["name"])
    assert "Tôn giáo:" in text or "Dân tộc:" in text


def test_withheld_photo_is_not_published(public_site):
    page = (public_site / "mo-hinh" / "mh-camera-an-ninh-thang.html").read_text(encoding="utf-8")
    assert "<img" not in page  # its only photo is not approved


# ------------------------------------------------------------------------------ reproducible, atomic

def _tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(public_site, tmp_path):
    again = build(ROOT, out=tmp_path / "again", force=True).site_dir
    first, second = _tree(public_site), _tree(again)
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_a_build_failing_midway_leaves_the_previous_site_intact(tmp_path, monkeypatch):
    out = tmp_path / "site"
    build(ROOT, out=out)
    before = _tree(out)

    def explode(site: Path, *args) -> None:
        (site / "half-written.html").write_text("…", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(build_module, "write_offline_zip", explode)
    with pytest.raises(OSError):
        build(ROOT, out=out, force=True)
    assert _tree(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")], "temporary build left behind"


def test_a_data_error_stops_the_build_before_anything_is_written(tmp_path):
    project = tmp_path / "p"
    for name in ("data", "content", "theme"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    out = project / "site"
    build(project, out=out)
    before = _tree(out)
    team = next((project / "data" / "teams").rglob("*.yml"))
    team.write_text(team.read_text(encoding="utf-8").replace("households:", "housholds:", 1), encoding="utf-8")
    with pytest.raises(BuildError) as info:
        build(project, out=out)
    assert info.value.report is not None and info.value.report.errors
    assert _tree(out) == before


# ------------------------------------------------------------------------------ downloads and preview

def test_offline_zip_holds_the_whole_site(public_site):
    archive = public_site / "downloads" / "so-tay-dan-van-ngoai-tuyen.zip"
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
    assert "so-tay-dan-van/index.html" in names
    assert "so-tay-dan-van/assets/search.js" in names
    assert any(n.startswith("so-tay-dan-van/assets/search/t/") for n in names)
    html_pages = {p.relative_to(public_site).as_posix() for p in _html_files(public_site)}
    assert {f"so-tay-dan-van/{p}" for p in html_pages} <= names


def test_serve_rebuilds_when_data_changes(tmp_path):
    from generator.build.serve import serve

    project = tmp_path / "p"
    for name in ("data", "content", "theme"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    build(project)
    rebuilt = threading.Event()
    stop = threading.Event()
    port: list[int] = []

    def rebuild() -> None:
        build(project)
        rebuilt.set()

    thread = threading.Thread(target=serve, kwargs=dict(root=project, site=project / "site", rebuild=rebuild, port=0,
                                                         interval=0.2, stop=stop, on_ready=port.append), daemon=True)
    thread.start()
    try:
        for _ in range(50):
            if port:
                break
            threading.Event().wait(0.1)
        with urllib.request.urlopen(f"http://127.0.0.1:{port[0]}/index.html") as response:
            assert "Sổ tay công tác dân vận" in response.read().decode("utf-8")
        model = project / "data" / "models" / "mh-duong-noi-dong-lai-xa.yml"
        model.write_text(model.read_text(encoding="utf-8").replace("Tổ dân vận thôn Lại Xá", "Tổ dân vận thôn Lại Xá (đã sửa)", 1), encoding="utf-8")
        assert rebuilt.wait(60), "no rebuild after a data change"
        with urllib.request.urlopen(f"http://127.0.0.1:{port[0]}/mo-hinh/mh-duong-noi-dong-lai-xa.html") as response:
            assert "(đã sửa)" in response.read().decode("utf-8")
    finally:
        stop.set()
        thread.join(10)


def test_generated_pages_skip_markdown_but_come_out_as_markdown_would_make_them(tmp_path, monkeypatch):
    """The adapter passes our already-made HTML around the engine's Markdown (most of the
    engine's time on large directory pages). Every page must come out byte for byte as the
    engine's own Markdown makes it, and a hand-written Markdown page must still be converted."""
    from generator.produce.site import mkdocs_adapter
    from generator.produce.site.pages import produce_pages

    dataset, report = check_project(ROOT)
    content = produce_pages(dataset, report)
    docs = tmp_path / "docs"
    for page in content.pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(mkdocs_adapter.page_source(page), encoding="utf-8")
    (docs / "viet-tay.md").write_text("# Trang viết tay\n\nCó **chữ đậm** và [liên kết](index.md).\n", encoding="utf-8")
    (docs / "assets").mkdir(exist_ok=True)
    for name in ("extra.css", "search.js", "filter.js"):
        (docs / "assets" / name).write_text("", encoding="utf-8")
    used = []
    real = mkdocs_adapter._generated_html_plugin

    def spy():
        plugin = real()
        used.append(plugin)
        return plugin

    monkeypatch.setattr(mkdocs_adapter, "_generated_html_plugin", spy)
    mkdocs_adapter.build_site(ROOT / "mkdocs.yml", docs, tmp_path / "fast", content.nav)
    monkeypatch.setattr(mkdocs_adapter, "_generated_html_plugin", lambda: object())  # no events: plain Markdown
    mkdocs_adapter.build_site(ROOT / "mkdocs.yml", docs, tmp_path / "plain", content.nav)
    assert used and not used[0].bodies  # every body taken out was put back
    fast = {p.relative_to(tmp_path / "fast"): p.read_bytes() for p in (tmp_path / "fast").rglob("*.html")}
    plain = {p.relative_to(tmp_path / "plain"): p.read_bytes() for p in (tmp_path / "plain").rglob("*.html")}
    assert len(fast) == len(content.pages) + 2 and fast.keys() == plain.keys()  # + the hand-written page and 404
    assert [name for name in fast if fast[name] != plain[name]] == []
    hand = fast[Path("viet-tay.html")].decode("utf-8")
    assert "<strong>chữ đậm</strong>" in hand and 'href="index.html"' in hand


def test_the_dataset_is_released_before_the_engine_reads_the_pages(tmp_path, monkeypatch):
    """At nation scale the dataset is gigabytes; the engine then holds every page. The build
    lets the dataset go before the engine starts, so the two never add up."""
    import gc
    import weakref

    seen = {}
    real_check, real_engine = build_module.check_project, build_module.build_site

    def check(root):
        dataset, report = real_check(root)
        seen["dataset"] = weakref.ref(dataset)
        return dataset, report

    def engine(*args, **kwargs):
        gc.collect()
        seen["alive_at_engine"] = seen["dataset"]() is not None
        return real_engine(*args, **kwargs)

    monkeypatch.setattr(build_module, "check_project", check)
    monkeypatch.setattr(build_module, "build_site", engine)
    build(ROOT, out=tmp_path / "site", pdf=False, force=True)
    assert seen["alive_at_engine"] is False


def test_large_data_makes_the_roster_in_the_build_process_with_the_same_bytes(public_site, tmp_path, monkeypatch):
    """Above a size the roster is not forked into the background (the fork's copy of the data
    would double the memory); the workbook and the downloads page must not change."""
    monkeypatch.setattr(downloads_module.Roster, "BACKGROUND_MAX_PEOPLE", 0)
    forked = []
    monkeypatch.setattr(downloads_module, "ProcessPoolExecutor", lambda *a, **k: forked.append(1))
    site = build(ROOT, out=tmp_path / "site", pdf=True).site_dir
    assert not forked
    name = f"downloads/{downloads_module.ROSTER_NAME}"
    assert (site / name).read_bytes() == (public_site / name).read_bytes()
    assert (site / "tai-ve.html").read_bytes() == (public_site / "tai-ve.html").read_bytes()


def test_the_json_schemas_are_published_with_both_profiles(public_site, internal_site):
    from generator.schema.filekinds import KINDS

    for site in (public_site, internal_site):
        for kind in KINDS:
            published = site / "schemas" / f"{kind.name}.schema.json"
            schema = json.loads(published.read_text(encoding="utf-8"))
            assert published.read_bytes() == (ROOT / "schemas" / published.name).read_bytes()
            assert schema["$id"] == published.name and schema["errorMessage"]
    # the public build's final scan passed with them in it (a leak would have stopped the build)


@pytest.mark.slow
def test_the_offline_zip_holds_the_reading_copies_it_links(tmp_path):
    """#17: with the PDFs built, the zip holds the handbooks and handouts (not the print-shop
    copies, answer keys or sign-in sheets), its downloads page links them, and the home page
    links the zip with its size and the handbooks."""
    import re
    import zipfile

    from generator.build.pipeline import OFFLINE_ZIP

    out = build(ROOT, out=tmp_path / "site").site_dir
    with zipfile.ZipFile(out / OFFLINE_ZIP) as z:
        names = {n.removeprefix("so-tay-dan-van/") for n in z.namelist()}
        downloads_page = z.read("so-tay-dan-van/tai-ve.html").decode("utf-8")
    pdfs = {n for n in names if n.endswith(".pdf")}
    assert {"downloads/so-tay-hoi-dap.pdf", "downloads/so-tay-bo-tui-to-truong.pdf",
            "downloads/tai-lieu-hoc-vien-cd1-vai-tro-dan-van.pdf"} <= pdfs
    assert not [n for n in pdfs if n.endswith("-in-gap.pdf") or "/dap-an-" in n or "/danh-sach-ky-ten-" in n]
    assert 'href="downloads/so-tay-hoi-dap.pdf"' in downloads_page
    assert 'href="downloads/dap-an-cd1-vai-tro-dan-van.pdf"' not in downloads_page  # online only, marked
    assert "chỉ có trên trang web" in downloads_page
    home = (out / "index.html").read_text(encoding="utf-8")
    assert re.search(r'so-tay-dan-van-ngoai-tuyen\.zip">Bản đọc ngoại tuyến</a> \(tệp nén, <span class="dv-zip-size">\d+,\d MB',
                     home)
    assert 'href="downloads/so-tay-bo-tui-to-truong.pdf"' in home
    module = (out / "chuyen-de" / "cd2-to-dan-van-cong-dong.html").read_text(encoding="utf-8")
    assert 'href="../downloads/tai-lieu-hoc-vien-cd2-to-dan-van-cong-dong.pdf"' in module  # its own handout
    assert 'href="../downloads/huong-dan-giang-vien-cd2-to-dan-van-cong-dong.pdf"' in module
    assert "cd1-vai-tro-dan-van.pdf" not in module  # not another module's
    # #16: every A5 booklet also comes imposed for an office printer, with the one line that says how to print it.
    import html as htmllib

    from generator.checks.check import check_project
    from generator.produce.printing.impose import PRINTING_NOTE

    ds, _ = check_project(ROOT)
    booklets = [pid for pid, at in ds.publications.items() if at.obj.paper == "A5" and at.obj.booklet]
    assert booklets
    page = htmllib.unescape((out / "tai-ve.html").read_text(encoding="utf-8"))
    assert PRINTING_NOTE in page
    for pid in booklets:
        assert f'href="downloads/{pid}-in-gap.pdf"' in page
        assert (out / "downloads" / f"{pid}-in-gap.pdf").read_bytes().startswith(b"%PDF")
