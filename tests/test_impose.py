"""Booklets for office printers: the saddle-stitch imposition of an A5 booklet onto A4 landscape
sides, checked by reading the text of each half-sheet (`pdftotext` cropped to one half)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import weasyprint
from pypdf import PdfReader

from generator.produce.printing.impose import impose_saddle_stitch, saddle_order


def booklet(pages: int) -> bytes:
    body = "".join(f'<p style="page-break-after: always">Trang {n}</p>' for n in range(1, pages + 1))
    return weasyprint.HTML(string=f"<style>@page {{ size: A5 }}</style>{body}").write_pdf()


def half_text(pdf: Path, side: int, left: bool, width: int, height: int) -> str:
    x = 0 if left else width // 2
    out = subprocess.run(["pdftotext", "-f", str(side), "-l", str(side), "-x", str(x), "-y", "0", "-W",
                          str(width // 2), "-H", str(height), "-r", "72", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def test_the_order_of_a_four_page_booklet():
    assert saddle_order(4) == [(4, 1), (2, 3)]
    assert saddle_order(5)[:2] == [(None, 1), (2, None)]  # 8 pages: the blanks go at the end


@pytest.mark.parametrize("pages", [4, 37, 100])
def test_each_half_sheet_holds_the_page_saddle_stitching_needs(tmp_path, pages):
    imposed = tmp_path / "gap.pdf"
    imposed.write_bytes(impose_saddle_stitch(booklet(pages)))
    reader = PdfReader(imposed)
    padded = -(-pages // 4) * 4
    assert len(reader.pages) == padded // 2  # two sides per sheet
    width, height = (round(float(v)) for v in reader.pages[0].mediabox[2:])
    assert (width, height) == (842, 595)  # A4 landscape in points
    for index, side in enumerate(reader.pages, start=1):
        sheet, back = divmod(index - 1, 2)
        left, right = (2 * sheet + 2, padded - 2 * sheet - 1) if back else (padded - 2 * sheet, 2 * sheet + 1)
        for number, is_left in ((left, True), (right, False)):
            text = half_text(imposed, index, is_left, width, height)
            assert text == (f"Trang {number}" if number <= pages else ""), (pages, index, is_left, text)
    # folded, the sheets read 1, 2, 3, … m: every page appears exactly once
    seen = sorted(n for pair in saddle_order(pages) for n in pair if n)
    assert seen == list(range(1, pages + 1))


@pytest.mark.slow
def test_the_pocket_booklet_imposed_renders_to_png_for_people_to_look_at(tmp_path):
    """#16: the real pocket booklet, imposed: its first sheet holds the last and the first page
    side by side on A4 landscape; a PNG of it goes to tests/output/print/ to be looked at."""
    from generator.checks.check import check_project
    from generator.produce.printing.documents import jobs_for
    from generator.produce.printing.render import render_pdf_bytes

    root = Path(__file__).resolve().parents[1]
    dataset, _ = check_project(root)
    job = jobs_for(dataset, "so-tay-bo-tui-to-truong")[0]
    booklet_pdf = render_pdf_bytes(job.html, job.css)
    imposed = tmp_path / "in-gap.pdf"
    imposed.write_bytes(impose_saddle_stitch(booklet_pdf))
    # Merged content compressed again: about the source's size, not several times it.
    assert imposed.stat().st_size < 1.5 * len(booklet_pdf), (imposed.stat().st_size, len(booklet_pdf))
    first = PdfReader(imposed).pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)  # landscape
    assert len(PdfReader(imposed).pages) == 2 * -(-len(PdfReader(__import__("io").BytesIO(booklet_pdf)).pages) // 4)
    out = root / "tests" / "output" / "print"
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "40", "-f", "2", "-l", "2", "-png", "-singlefile", str(imposed),
                    str(out / "booklet-sheet")], check=True)
    assert (out / "booklet-sheet.png").stat().st_size > 5000
