"""The printed editions, read back from the PDFs: fonts embedded and covering every
character, Vietnamese headings extracted exactly (NFC), the table of contents pointing at
the right pages, metadata, the archival and tagged variants, and the cache."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from generator.checks.check import check_project
from generator.produce.printing.documents import jobs_for
from generator.produce.printing.fonts import font_files
from generator.produce.printing.render import render_all

ROOT = Path(__file__).resolve().parents[1]
PNG_DIR = ROOT / "tests" / "output" / "print"


@pytest.fixture(scope="module")
def dataset():
    ds, report = check_project(ROOT)
    assert report.valid()
    return ds


@pytest.fixture(scope="module")
def rendered(dataset, tmp_path_factory):
    """Every publication, rendered through the project's cache (shared with `handbook build`)."""
    out = tmp_path_factory.mktemp("pdf")
    jobs = jobs_for(dataset)
    results = render_all(jobs, out, ROOT / "build" / "pdf-cache")
    return {job.name: (job, result.path) for job, result in zip(jobs, results)}


def pdftotext(path: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8", "-layout"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(args + [str(path), "-"], capture_output=True, text=True, encoding="utf-8", check=True).stdout


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def test_every_publication_is_produced(rendered, dataset):
    names = set(rendered)
    assert {"so-tay-hoi-dap", "so-tay-bo-tui-to-truong", "so-tay-khoi-dan-van"} <= names
    for module in dataset.modules:
        for kind in ("tai-lieu-hoc-vien", "huong-dan-giang-vien", "de-kiem-tra", "dap-an", "danh-sach-ky-ten", "giay-chung-nhan"):
            assert f"{kind}-{module}" in names
    assert (rendered["so-tay-bo-tui-to-truong"][1]).stat().st_size > 10_000


def test_every_font_is_embedded_and_is_ours(rendered):
    for name, (_, path) in rendered.items():
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert listing, name
        for row in listing:
            cols = row.split()
            family = cols[0].split("+")[-1]
            assert family.startswith(("Tinos", "Arimo")), f"{name}: unexpected font {family} (a fallback?)"
            emb, sub = row[-20:].split()[0:2] if False else (cols[-5], cols[-4])
            assert emb == "yes", f"{name}: {family} not embedded"
            assert sub == "yes", f"{name}: {family} not subset"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.chars: set[str] = set()

    def handle_data(self, data: str) -> None:
        self.chars.update(data)


def test_the_fonts_cover_every_character_of_every_document(rendered):
    cmaps = {key: TTFont(path).getBestCmap() for key, path in font_files().items() if key[0] == "Tinos"}
    for name, (job, _) in rendered.items():
        parser = _Text()
        parser.feed(job.html)
        chars = {c for c in parser.chars if not c.isspace() and unicodedata.category(c)[0] != "C"}
        for key, cmap in cmaps.items():
            missing = sorted(c for c in chars if ord(c) not in cmap)
            assert missing == [], f"{name}: {key} lacks {missing}"


def _upper(text: str) -> str:
    return unicodedata.normalize("NFC", text.upper())


def test_headings_come_out_exactly_in_nfc(rendered, dataset):
    job, path = rendered["so-tay-hoi-dap"]
    text = pdftotext(path)
    assert unicodedata.is_normalized("NFC", text)
    assert "MỤC LỤC" in text and "CHỈ MỤC" in text
    for at in dataset.topics.values():
        heading = _upper(at.obj.title)  # a balanced heading may take two lines
        assert heading.split("“")[0].strip()[:30] in " ".join(text.split()), heading
    first = sorted(dataset.qa.values(), key=lambda a: (dataset.topics[a.obj.topic].obj.order, a.obj.order, a.obj.id))[0].obj
    assert f"Câu 1. {first.question}"[:50] in " ".join(text.split())
    _, quiz = rendered["de-kiem-tra-cd2-to-dan-van-cong-dong"]
    quiz_text = pdftotext(quiz)
    assert "ĐỀ KIỂM TRA" in quiz_text and "Họ và tên" in quiz_text
    assert "Ủy ban nhân dân xã" in quiz_text or "Đảng ủy cấp xã" in quiz_text


@pytest.mark.parametrize("name", ["so-tay-hoi-dap", "so-tay-bo-tui-to-truong", "so-tay-khoi-dan-van"])
def test_the_table_of_contents_names_the_right_pages(rendered, name):
    _, path = rendered[name]
    toc_page = next(n for n in range(1, 6) if "MỤC LỤC" in pdftotext(path, n))
    entries = re.findall(r"^\s*(?:\d+\.\s+)?(.+?)\s*\.{3,}\s*(\d+)\s*$", pdftotext(path, toc_page), re.M)
    assert len(entries) >= 3, entries
    for title, page in entries:
        target = " ".join(pdftotext(path, int(page)).split())
        words = _upper(title.strip()).split()[:4]
        assert " ".join(words) in target, f"{name}: “{title}” is not on page {page}"


def test_index_lists_each_page_once_in_order(rendered):
    _, path = rendered["so-tay-hoi-dap"]
    last = pdftotext(path, pages(path))
    assert "CHỈ MỤC" in last
    columns = "\n".join(part for line in last.splitlines() for part in re.split(r"\s{3,}", line))  # two columns
    lines = re.findall(r":\s*([\d, –]+)$", columns, re.M)
    assert lines
    for line in lines:
        numbers = [int(n) for n in re.findall(r"\d+", line)]
        assert numbers == sorted(set(numbers))


def _left_edges(path: Path) -> dict[int, float]:
    """Each page's leftmost word position (points), from pdftotext's bounding boxes."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout
    edges = {}
    for number, page in enumerate(html.split("<page ")[1:], 1):
        xs = [float(x) for x in re.findall(r'<word xMin="([\d.]+)"', page)]
        if xs:
            edges[number] = min(xs)
    return edges


@pytest.mark.parametrize("chapters", [3, 4, 5])
def test_the_index_is_laid_out_alone_with_the_pages_the_book_found(tmp_path, chapters):
    """The book is laid out once; the index alone a second time. Its page numbers must point
    at the pages that hold the questions, its pages must carry the book's numbering and sit on
    the same side (left and right pages differ here), with no spacer page left over."""
    from generator.produce.printing.documents import base_css, paper_css
    from generator.produce.printing.render import render_pdf_bytes

    more = '<p style="break-before: page">Tiếp theo.</p>'
    body = "".join(f'<section class="chapter"><h1 id="c{i}">Chương {i}</h1><p id="q{i}">Câu hỏi số {i} ở đây.</p>'
                   f'{more if i == 1 else ""}</section>' for i in range(chapters))
    anchors = " ".join(f"q{i}" for i in reversed(range(chapters)))
    html = ('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Thử</title></head><body>'
            f'{body}<section class="chapter index"><h1 id="chi-muc">Chỉ mục</h1><ul>'
            f'<li>Mục thử: <span class="pg-list" data-anchors="{anchors} q0 khong-co"></span></li></ul></section>'
            '</body>\n</html>\n')
    css = base_css() + paper_css("A4", False) + "@page :left { margin-left: 15mm; } @page :right { margin-left: 45mm; }"
    path = tmp_path / "book.pdf"
    path.write_bytes(render_pdf_bytes(html, css))
    total = pages(path)
    where = {i: next(n for n in range(1, total + 1) if f"Câu hỏi số {i} ở đây" in pdftotext(path, n))
             for i in range(chapters)}
    last = pdftotext(path, total)
    assert "CHỈ MỤC" in last and total == chapters + 2  # one chapter runs over two pages
    listed = re.search(r"Mục thử:\s*([\d, –]+)", last).group(1)  # consecutive pages merge: "1–2, 4"
    pages_listed = [n for a, b in re.findall(r"(\d+)(?:–(\d+))?", listed) for n in range(int(a), int(b or a) + 1)]
    assert pages_listed == sorted(set(where.values()))
    assert last.split()[0] == str(total)  # the running page number continues the book's
    edges = _left_edges(path)
    assert abs(edges[total] - edges[total - 2]) < 1 and abs(edges[total] - edges[total - 1]) > 50


def test_metadata_and_language(rendered):
    _, path = rendered["so-tay-bo-tui-to-truong"]
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, encoding="utf-8", check=True).stdout
    assert "Sổ tay bỏ túi của tổ trưởng Tổ Dân vận cộng đồng" in info
    assert "Ban Dân vận Tỉnh ủy Bắc Giang" in info
    assert re.search(r"Subject:\s+\S", info)
    assert re.search(rb"/Lang\s*\(vi\)", _all_objects(path.read_bytes()))


def _all_objects(data: bytes) -> bytes:
    """The PDF with every Flate stream inflated (the catalog may sit in an object stream)."""
    import zlib

    parts = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[match.end():match.end() + 2_000_000]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def test_booklets_are_a5_and_the_handbook_a4(rendered):
    for name, size in (("so-tay-bo-tui-to-truong", (420, 595)), ("so-tay-hoi-dap", (595, 842))):
        info = subprocess.run(["pdfinfo", str(rendered[name][1])], capture_output=True, text=True, check=True).stdout
        w, h = (float(x) for x in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        assert (round(w), round(h)) == size, name


def test_tagged_and_archival_variants(dataset, tmp_path):
    job = next(j for j in jobs_for(dataset) if j.name == "dap-an-cd1-vai-tro-dan-van")
    ua = render_all([job], tmp_path / "ua", tmp_path / "cache", variant="pdf/ua-1")[0].path
    info = subprocess.run(["pdfinfo", str(ua)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Tagged:\s+yes", info)
    pdfa = render_all([job], tmp_path / "a", tmp_path / "cache", variant="pdf/a-3b")[0].path
    meta = subprocess.run(["pdfinfo", "-meta", str(pdfa)], capture_output=True, text=True, check=True).stdout
    assert "pdfaid:part" in meta and ("3" in meta)


def test_unchanged_publications_are_not_rendered_again(dataset, tmp_path):
    jobs = [j for j in jobs_for(dataset) if j.publication == "dap-an"]
    first = render_all(jobs, tmp_path / "out", tmp_path / "cache")
    assert not any(r.cached for r in first)
    again = render_all(jobs, tmp_path / "out", tmp_path / "cache")
    assert all(r.cached for r in again)


def test_pocket_edition_pages_render_to_png(rendered):
    """Writes the cover, contents, a Q&A page and a quiz page to PNG for people to look at."""
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm (poppler-utils) is missing: run scripts/install-system-packages.sh")
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    _, pocket = rendered["so-tay-bo-tui-to-truong"]
    _, quiz = rendered["de-kiem-tra-cd2-to-dan-van-cong-dong"]
    wanted = {"pocket-cover": (pocket, 1), "pocket-imprint": (pocket, 2), "pocket-foreword": (pocket, 3),
              "pocket-contents": (pocket, 4), "pocket-qa": (pocket, 6), "quiz": (quiz, 1)}
    for label, (pdf, page) in wanted.items():
        target = PNG_DIR / label
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", "-f", str(page), "-l", str(page), str(pdf), str(target)], check=True)
        png = target.with_suffix(".png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "LỜI NÓI ĐẦU" in pdftotext(pocket, 3)
    assert "MỤC LỤC" in pdftotext(pocket, 4)
