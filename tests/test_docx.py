"""Word files: the periodic reports and every paperwork file open with python-docx with the
layout of the PDFs (A4, margins, Times New Roman 13–14 pt, header and signature blocks from
the configuration); text from data is cleaned of what a Word file cannot hold; LibreOffice
turns one into a PDF that we render to PNG (tests/output/print/report-docx.png)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from docx_checks import assert_layout, body_paragraphs, closing_block, header_block, open_docx
from generator.build.official_files import write_official
from generator.checks.check import check_project
from generator.produce.docx.columns import fitted_widths, word_room
from generator.produce.docx.document import Bundle, Header, OfficialDoc, Para, Signature, Table, clean
from generator.produce.docx.periodic import report_bundle
from generator.produce.docx.to_html import print_job
from generator.produce.docx.writer import docx_bytes
from generator.produce.paperwork.bundles import paperwork_bundles
from generator.produce.reports import compute, periods_due

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "tests" / "output" / "print"


def _reports(root: Path):
    ds, report = check_project(root)
    return ds, [report_bundle(ds, compute(ds, report, p, y)) for p, y in periods_due(ds)]


def _assert_report(ds, data: bytes) -> None:
    doc = open_docx(data)
    assert_layout(doc)
    s = ds.config.report
    head = header_block(doc)
    for text in (s.superior, s.issuer, f"-{s.number_suffix}", "ĐẢNG CỘNG SẢN VIỆT NAM"):
        assert text in head
    ref = ds.config.reference_date
    assert f"{s.place or ds.config.province.name}, ngày {ref.day:02d} tháng {ref.month:02d} năm {ref.year}" in head
    texts = [p.text for p in body_paragraphs(doc)]
    assert "BÁO CÁO" in texts
    closing = closing_block(doc)
    assert "Nơi nhận:" in closing
    for text in [s.signing, s.signer_title, *s.recipients]:
        assert text in closing


def test_the_periodic_report_in_word_has_the_layout_and_blocks_of_the_configuration(base_project):
    ds, bundles = _reports(base_project)
    assert {b.name for b in bundles} == {"bao-cao-6-thang-2024", "bao-cao-nam-2024"}
    for b in bundles:
        _assert_report(ds, docx_bytes(b))


def test_each_document_of_a_file_counts_its_own_pages():
    doc = OfficialDoc(Header("A", "B", "Số: 1-QĐ/ĐU", "X, ngày 01 tháng 02 năm 2024"), "QUYẾT ĐỊNH", "về việc thử",
                      [Para.of("Nội dung.")], Signature("T/M BAN THƯỜNG VỤ", "BÍ THƯ"), ["Lưu"])
    word = open_docx(docx_bytes(Bundle("thu", "Thử", "quyet-dinh-to", [doc, doc, doc])))
    assert len(word.sections) == 3
    for s in word.sections:
        assert s._sectPr.xpath("./w:pgNumType/@w:start") == ["1"]


def test_text_from_data_is_cleaned_and_escaped_in_both_formats():
    nasty = "Tổ\x00 <script>alert(1)</script> & \x0b\x1f\ufffe“x”"
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hà")
    doc = OfficialDoc(Header(nasty, "ĐẢNG ỦY XÃ\x07 A", "Số: 1\x08", "A, ngày 01 tháng 01 năm 2024"), "QUYẾT ĐỊNH", nasty,
                      [Para.of(nasty), Table(["Họ và tên", nasty], [[decomposed, nasty]], [80, 85])],
                      Signature("T/M\x0c", "BÍ THƯ", decomposed), [nasty])
    bundle = Bundle("thu", nasty, "quyet-dinh-to", [doc], nasty)
    word = open_docx(docx_bytes(bundle))  # python-docx would refuse control characters
    xml = word.element.xml
    assert "<script>" not in xml and "&lt;script&gt;" in xml
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", xml)
    assert unicodedata.normalize("NFC", "Nguyễn Thị Hà") in xml
    assert clean("a\x00b\x0bc") == "abc"
    html = print_job(bundle).html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", html)


@pytest.mark.slow
def test_every_word_file_of_the_sample_opens_with_the_layout(tmp_path):
    """The sample's two reports (as `handbook report` writes them) and all its paperwork."""
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "handbook"), "report", "--root", str(ROOT), "--out", str(tmp_path / "r")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    ds, report = check_project(ROOT)
    reports = sorted((tmp_path / "r").glob("*.docx"))
    assert [p.name for p in reports] == ["bao-cao-6-thang-2024.docx", "bao-cao-nam-2024.docx"]
    for path in reports:
        _assert_report(ds, path.read_bytes())
    bundles = paperwork_bundles(ds)
    listing = write_official(bundles, tmp_path / "p", "", tmp_path / "work", pdf=False)
    papers = sorted((tmp_path / "p").glob("*.docx"))
    assert len(papers) == len(bundles) == len(listing)
    for b in bundles:
        doc = open_docx((tmp_path / "p" / f"{b.name}.docx").read_bytes())
        assert_layout(doc)
        assert len(doc.sections) == len(b.docs)
        for i, official in enumerate(b.docs):
            head = header_block(doc, i)
            assert official.header.superior in head and official.header.issuer in head
            closing = closing_block(doc, i)
            assert official.signature.title in closing


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (Debian: libreoffice-writer-nogui) không có trên máy này; "
                    "make setup cài nó khi chạy với quyền root")
def test_libreoffice_turns_the_yearly_report_into_a_pdf(tmp_path):
    ds, bundles = _reports(ROOT)
    yearly = next(b for b in bundles if b.name.startswith("bao-cao-nam"))
    source = tmp_path / f"{yearly.name}.docx"
    source.write_bytes(docx_bytes(yearly))
    profile = tmp_path / "lo-profile"  # its own LibreOffice profile: parallel runs do not share a lock
    result = subprocess.run([_soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(tmp_path), str(source)], capture_output=True, text=True, timeout=300)
    pdf = tmp_path / f"{yearly.name}.pdf"
    assert pdf.is_file(), result.stdout + result.stderr
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    s = ds.config.report
    first = pages[0]
    for text in (s.superior, s.issuer, "ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "I. Tổ Dân vận cộng đồng"):
        assert text in first
    assert not re.search(r"^\s*1\s*$", first.splitlines()[0])  # no number on page 1
    assert pages[1].strip().splitlines()[0].strip() == "2"  # page 2 is numbered at its head, centred
    assert s.signer_title in "".join(pages)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Times New Roman|Liberation ?Serif|Tinos", fonts), fonts  # Times New Roman or its metric twin
    # No word of a table's header is broken inside ("Thàn h viên" in a 10 mm column): every one
    # is read whole.
    header_words = {w.strip(",.()") for doc in yearly.docs for block in doc.body if isinstance(block, Table)
                    for head in block.headers for w in head.split()}
    read = set(re.findall(r"[\w%]+", unicodedata.normalize("NFC", "".join(pages))))
    assert {w for w in header_words if len(w) > 1} - read == set()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(OUTPUT / "report-docx")],
                   check=True)
    assert (OUTPUT / "report-docx.png").stat().st_size > 10_000


def test_columns_narrower_than_their_longest_word_take_room_from_the_others():
    """The yearly report's team table: 11 numeric columns of 10.4 mm at 9 pt, where "Thành" in
    bold needs more than 10 mm with the cell margins."""
    headers = ["Đơn vị", "Số xã", "Thôn, TDP", "Số Tổ", "Tỷ lệ", "Thành viên", "Nhóm", "Hộ", "Xuất sắc", "Tốt",
               "Hoàn thành", "Không hoàn thành", "Chưa xếp loại"]
    table = Table(headers, [["Thành phố Bắc Giang"] + ["1.021"] * 12], [40] + [125 / 12] * 12, numeric=set(range(1, 13)), size=9)
    widths = fitted_widths(table)
    assert abs(sum(widths) - 165) < 0.01  # the table keeps its width
    assert all(w >= word_room(table, c) - 1e-9 for c, w in enumerate(widths))
    assert any(w < word_room(table, c) for c, w in enumerate(table.widths))  # the producer's widths did not fit
    assert widths[0] < 40  # the room came from the name column, which wraps between words


def test_the_same_data_gives_the_same_bytes(base_project):
    import time

    _, bundles = _reports(base_project)
    first = docx_bytes(bundles[0])
    time.sleep(2.1)  # zip times have a resolution of two seconds
    assert docx_bytes(bundles[0]) == first
