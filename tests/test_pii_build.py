"""Personal data and the public build: what the screen finds in free text is masked in every
output of the public build (pages, search index, JSON, CSV, calendars, workbooks, PDFs,
Moodle files, the offline zip) and kept in the internal one; the final scan of the finished
site fails the build, leaving the previous site as it was, when anything gets past the
masking; and the scan reads every kind of file."""

from __future__ import annotations

import re

import gzip
import hashlib
import html
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.build import pipeline as build_module
from generator.build import public_scan as pii_scan
from generator.build.pipeline import BuildError, build
from generator.checks.check import check_project
from generator.model.pii import MASK, Screen

SHOWN = " ".join(MASK.split())  # as the texts read back: white space folded
from generator.model.pii_screen import screen_for
from generator.build.public_scan import Guard

from pii_project import SECRETS, copy_base, leaked, make_project, plant, site_texts

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("pii") / "project")


@pytest.fixture(scope="module")
def public_site(planted: Path) -> Path:
    return build(planted).site_dir


@pytest.fixture(scope="module")
def internal_site(planted: Path, tmp_path_factory) -> Path:
    return build(planted, profile="internal", out=tmp_path_factory.mktemp("internal") / "site").site_dir


# ------------------------------------------------------------------------------ masked everywhere

def test_check_reports_every_planted_value(planted):
    _, report = check_project(planted)
    pii = [f for f in report.findings if f.code.startswith("PII-")]
    assert len(pii) == 18
    assert all(f.file and f.line and f.hint for f in pii)
    assert not report.errors


def test_the_public_build_shows_none_of_the_planted_values(public_site):
    texts = site_texts(public_site)
    assert leaked(texts, SECRETS.items()) == {}


def test_the_public_build_masks_the_text_in_every_kind_of_output(public_site):
    texts = site_texts(public_site)
    masked = {name for name, text in texts.items() if SHOWN in text}
    expected = {
        "don-vi/xa-a.html",  # a group's area, a rating note, a meeting and an activity
        "mo-hinh/mh-mau.html",  # a story
        "hoi-dap/chu-de.html",  # a Q&A answer
        "chuyen-de/cd-mau.html",  # a module's handout and quiz
        "downloads/api/teams.json", "downloads/api/models.json", "downloads/api/qa.json",
        "downloads/csv/activities.csv", "downloads/csv/bloc_members.csv",
        "downloads/lich/hoat-dong-tai-co-so.ics",
        "downloads/so-tay-hoi-dap.pdf", "downloads/tai-lieu-hoc-vien-cd-mau.pdf",
        "downloads/so-tay-dan-van-ngoai-tuyen.zip!so-tay-dan-van/don-vi/xa-a.html",
    }
    assert expected <= masked, sorted(expected - masked)
    assert any(name.startswith("assets/search/") for name in masked)  # the search index
    assert any(name.startswith("downloads/danh-sach-khoi-to-dan-van.xlsx!") for name in masked)  # the roster
    assert any(name.startswith("downloads/moodle/") for name in masked)  # the quiz for Moodle


def test_the_final_scan_finds_nothing_in_the_public_build(planted, public_site):
    dataset, _ = check_project(planted)
    assert Guard.for_dataset(dataset).scan(public_site) == []


def test_the_internal_build_keeps_the_free_text(internal_site):
    texts = site_texts(internal_site)
    assert set(leaked(texts, SECRETS.items())) == set(SECRETS)  # each one somewhere, unmasked
    page = texts["don-vi/xa-a.html"]
    assert "0912 345 678" in page and "Trần Thị Bình" in page and SHOWN not in page and MASK not in page


# ------------------------------------------------------------------------------ a leak past the masking

def _tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_leak_past_the_masking_fails_the_build_and_keeps_the_old_site(tmp_path, monkeypatch):
    project = copy_base(tmp_path / "project")
    out = tmp_path / "site"
    build(project, out=out, pdf=False)
    before = _tree(out)
    plant(project)
    monkeypatch.setattr(build_module, "mask_dataset", lambda dataset: screen_for(dataset))  # the masker is off
    with pytest.raises(BuildError) as info:
        build(project, out=out, pdf=False)
    message = str(info.value)
    assert "không được xuất bản" in message and "trang đang có được giữ nguyên" in message
    for name in ("don-vi/xa-a.html: ", "downloads/api/teams.json: ", "downloads/csv/activities.csv: "):
        assert name in message
    assert "số điện thoại" in message and "họ tên người chưa đồng ý công khai (mã người p-t1-2)" in message
    assert _tree(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")], "temporary build left behind"
    monkeypatch.undo()
    result = build(project, out=out, pdf=False)  # with the masking back, the same inputs publish
    assert not result.skipped and _tree(out) != before


def test_the_cli_refuses_to_publish_a_phone_number_in_the_theme(tmp_path):
    project = copy_base(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + 'copyright: "Liên hệ chị Hoa: 0912 999 888"\n',
                      encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(project), "--no-pdf"],
                            capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "Bản công khai vừa dựng vẫn còn dữ liệu cá nhân" in result.stderr
    assert ".html: số điện thoại" in result.stderr  # the first page with the line (later copies are not listed again)
    assert not (project / "site").exists()


# ------------------------------------------------------------------------------ the scan reads every kind of file

def _xlsx(cell: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["B3"] = cell
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _pdf(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<p>{html.escape(text)}</p>").write_pdf()


GUARD = Guard(Screen({"trần thị bình": "p-2"}), {"số nhà 12 ngõ 5": "p-3"})
FILES = {  # name: (how the file is made from a text, a text with personal data, what it is)
    "page.html": (lambda t: f"<p>{html.escape(t).replace('ầ', '&#7847;')}</p>".encode(), "Bà Trần Thị Bình", "name"),
    "data.json": (lambda t: ('{"note": %s}' % json.dumps(t)).encode(), "bà Trần Thị Bình", "name"),  # \u escapes
    "lich.ics": (lambda t: f"DESCRIPTION:{t[:12]}\r\n {t[12:]}\r\n".encode(), "Gọi số 0912 345 678", "phone"),
    "bang.csv": (lambda t: f"\ufeffa,b\r\n1,{t}\r\n".encode(), "ở số nhà 12\\, ngõ 5", "internal"),
    "so.xlsx": (lambda t: _xlsx(t), "CCCD 001099012345", "id"),
    "tai-lieu.pdf": (lambda t: _pdf(t), "Liên hệ binh.tran@gmail.com", "email"),
    "ban-sao.zip": (lambda t: _zip({"a/b.txt": t.encode()}), "Trần Thị Bình", "name"),
    "sitemap.xml.gz": (lambda t: gzip.compress(f"<loc>{t}</loc>".encode()), "0987654321", "phone"),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_scan_reads_every_kind_of_file(name, tmp_path):
    make, text, kind = FILES[name]
    (tmp_path / name).write_bytes(make(text))
    assert [(leak.file.split(" › ")[0], leak.kind) for leak in GUARD.scan(tmp_path)] == [(name, kind)]
    (tmp_path / name).write_bytes(make("Không có gì riêng tư"))  # the same kind of file without the data
    assert GUARD.scan(tmp_path) == []


def test_an_unreadable_pdf_is_not_cleared(tmp_path):
    (tmp_path / "hong.pdf").write_bytes(b"%PDF-1.7 not really")
    assert [leak.kind for leak in GUARD.scan(tmp_path)] == ["unreadable"]


def test_files_shipped_unchanged_by_the_theme_are_skipped(tmp_path):
    from generator.produce.site.mkdocs_adapter import theme_file

    rel = "assets/javascripts/lunr/tinyseg.js"  # holds an e-mail address in its licence comment
    shipped = theme_file(rel)
    assert shipped is not None and "@" in shipped.read_text(encoding="utf-8")
    (tmp_path / rel).parent.mkdir(parents=True)
    (tmp_path / rel).write_bytes(shipped.read_bytes())
    assert GUARD.scan(tmp_path) == []
    (tmp_path / rel).write_bytes(shipped.read_bytes() + b"\n// 0912 345 678")  # changed: scanned
    assert [leak.kind for leak in GUARD.scan(tmp_path)] == ["email", "phone"]


def test_clean_files_are_remembered_and_scanned_again_when_the_screen_changes(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.pdf").write_bytes(_pdf("Nhóm của bà Lê Thị Hoa phụ trách 40 hộ"))
    calls = []
    real = pii_scan.pdf_text
    monkeypatch.setattr(pii_scan, "pdf_text", lambda data: calls.append(1) or real(data))
    cache = tmp_path / "cache.json"
    assert Guard(Screen({"trần thị bình": "p-2"}), cache_file=cache).scan(site) == []
    assert Guard(Screen({"trần thị bình": "p-2"}), cache_file=cache).scan(site) == []
    assert len(calls) == 1  # the second scan knew the file was clean
    leaks = Guard(Screen({"lê thị hoa": "p-9"}), cache_file=cache).scan(site)
    assert [(leak.kind, leak.person) for leak in leaks] == [("name", "p-9")] and len(calls) == 2


def test_a_printed_edition_made_on_its_own_is_masked_too(planted, tmp_path):
    result = subprocess.run([sys.executable, "-m", "generator", "pdf", "so-tay-hoi-dap", "--root", str(planted),
                             "--out", str(tmp_path)], capture_output=True, text=True, encoding="utf-8", cwd=ROOT,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    texts = site_texts(tmp_path)
    assert list(texts) == ["so-tay-hoi-dap.pdf"]
    assert SHOWN in texts["so-tay-hoi-dap.pdf"]
    assert leaked(texts, SECRETS.items()) == {}


def test_a_consent_withdrawn_in_another_file_reaches_the_cached_calendars(tmp_path):
    """An agency's calendar events are cached by the files they come from; whose names are
    private lives in the team files, so the cache must follow it too."""
    project = copy_base(tmp_path / "project")
    assignment = project / "data" / "assignments" / "pc-so-mau.yml"
    text = assignment.read_text(encoding="utf-8").replace("content: Dọn vệ sinh đường làng",
                                                         "content: Dọn vệ sinh cùng ông Nguyễn Văn An")
    assignment.write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    build(project, out=out, pdf=False)
    calendar = out / "downloads" / "lich" / "phan-cong" / "pc-so-mau.ics"
    assert "Nguyễn Văn An" in calendar.read_text(encoding="utf-8")  # he consents
    for team in ("to-thon-1.yml", "to-thon-2.yml"):  # the same name in both teams
        path = project / "data" / "teams" / "xa-a" / team
        path.write_text(path.read_text(encoding="utf-8").replace("consent_to_publish: true", "consent_to_publish: false"),
                        encoding="utf-8")
    build(project, out=out, pdf=False)  # the final scan would stop a stale calendar
    assert "Nguyễn Văn An" not in calendar.read_text(encoding="utf-8")
    assert SHOWN in re.sub(r"\r?\n[ \t]", "", calendar.read_text(encoding="utf-8"))  # unfolded; spaces folded
