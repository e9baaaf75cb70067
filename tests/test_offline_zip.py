"""The offline zip holds what its pages link: tried on a small site folder made here (fast),
and on the sample's real build in tests/test_site_browser.py::test_offline_zip_holds_every_link."""

from __future__ import annotations

import zipfile
from pathlib import Path

from generator.build.offline_zip import FOLDER, ONLINE_ONLY, members, reading_downloads, show_size, write_offline_zip
from generator.produce.site.other_pages import OFFLINE_ZIP, SIZE_MARK


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    files = {
        "index.html": f'<a href="downloads/so-tay.pdf">Sổ tay</a> <a href="downloads/dap-an-cd1.pdf">Đáp án</a> '
                      f'<a href="{OFFLINE_ZIP}">Bản ngoại tuyến</a> ({SIZE_MARK}) <a href="hoi-dap/index.html#x">Hỏi</a> '
                      '<a href="https://example.org/">ngoài</a> <a href="#top">lên</a>',
        "hoi-dap/index.html": '<a href="../index.html">Trang chủ</a> <a href="../downloads/csv/to.csv">CSV</a>',
        "assets/javascripts/bundle.js": "x", "assets/javascripts/bundle.js.map": "{}",
        "assets/javascripts/lunr/wordcut.js": "x", "assets/javascripts/workers/search.js": "x",
        "downloads/so-tay.pdf": "%PDF", "downloads/dap-an-cd1.pdf": "%PDF", "downloads/csv/to.csv": "a",
        "admin/index.html": "cms", "schemas/team.schema.json": "{}", "sitemap.xml": "<urlset/>",
    }
    for rel, text in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    return site


def test_the_zip_holds_pages_assets_and_reading_copies_only(tmp_path):
    site = _site(tmp_path)
    held = members(site, {"downloads/so-tay.pdf"})
    assert held == ["assets/javascripts/bundle.js", "downloads/so-tay.pdf", "hoi-dap/index.html", "index.html"]


def test_links_to_files_left_out_become_plain_text_or_online(tmp_path):
    site = _site(tmp_path)
    size = write_offline_zip(site, "1700000000", {"downloads/so-tay.pdf"}, None)
    assert size == (site / OFFLINE_ZIP).stat().st_size
    with zipfile.ZipFile(site / OFFLINE_ZIP) as z:
        home = z.read(FOLDER + "index.html").decode()
        inner = z.read(FOLDER + "hoi-dap/index.html").decode()
    assert '<a href="downloads/so-tay.pdf">Sổ tay</a>' in home  # held: kept
    assert 'href="downloads/dap-an-cd1.pdf"' not in home and f"Đáp án <small>({ONLINE_ONLY})</small>" in home
    assert f'href="{OFFLINE_ZIP}"' not in home
    assert '<a href="hoi-dap/index.html#x">' in home and 'href="https://example.org/"' in home and 'href="#top"' in home
    assert '<a href="../index.html">' in inner and "to.csv" not in inner
    # With a public address the left-out file is one tap away, marked as needing the network.
    write_offline_zip(site, "1700000000", {"downloads/so-tay.pdf"}, "https://ban-dan-van.example.vn/so-tay/")
    with zipfile.ZipFile(site / OFFLINE_ZIP) as z:
        home = z.read(FOLDER + "index.html").decode()
    assert 'href="https://ban-dan-van.example.vn/so-tay/downloads/dap-an-cd1.pdf"' in home and "(cần mạng)" in home


def test_the_site_shows_the_zips_size_and_the_zip_keeps_the_dash(tmp_path):
    site = _site(tmp_path)
    size = write_offline_zip(site, "1700000000", {"downloads/so-tay.pdf"}, None)
    show_size(site, 2_041_367)
    assert '<span class="dv-zip-size">2,0 MB</span>' in (site / "index.html").read_text(encoding="utf-8")
    # a second build that keeps the page: the zip's copy shows the dash again, the site the new size
    write_offline_zip(site, "1700000000", {"downloads/so-tay.pdf"}, None)
    with zipfile.ZipFile(site / OFFLINE_ZIP) as z:
        assert SIZE_MARK in z.read(FOLDER + "index.html").decode()
    show_size(site, size)
    assert f'<span class="dv-zip-size">{max(1, round(size / 1024))} KB</span>' in (site / "index.html").read_text(encoding="utf-8")


def test_reading_downloads_are_the_handbooks_and_the_handouts():
    pubs = [("so-tay-hoi-dap", "handbook", []), ("tai-lieu-hoc-vien", "module_handout", ["cd1", "cd2"]),
            ("dap-an", "answer_key", ["cd1"]), ("giay-chung-nhan", "certificate", ["cd1"])]
    assert reading_downloads(pubs) == {"downloads/so-tay-hoi-dap.pdf", "downloads/tai-lieu-hoc-vien-cd1.pdf",
                                       "downloads/tai-lieu-hoc-vien-cd2.pdf"}
