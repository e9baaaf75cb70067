"""What every Word file of the project must be: read back with python-docx (A4, margins, Times
New Roman 13–14 pt body, page numbers in the header from the second page, the header block and
signature block texts)."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Mm, Pt


def open_docx(data: bytes):
    return Document(io.BytesIO(data))


def body_paragraphs(doc):
    return [p for p in doc.paragraphs if p.text.strip()]


def table_text(table) -> str:
    return "\n".join(cell.text for row in table.rows for cell in row.cells)


def assert_layout(doc) -> None:
    assert doc.sections, "a Word file with no section"
    for s in doc.sections:
        assert abs(s.page_width - Mm(210)) < Mm(0.5) and abs(s.page_height - Mm(297)) < Mm(0.5)
        assert Mm(20) - Mm(0.1) <= s.top_margin <= Mm(25) + Mm(0.1)
        assert Mm(20) - Mm(0.1) <= s.bottom_margin <= Mm(25) + Mm(0.1)
        assert Mm(30) - Mm(0.1) <= s.left_margin <= Mm(35) + Mm(0.1)
        assert Mm(15) - Mm(0.1) <= s.right_margin <= Mm(20) + Mm(0.1)
        assert s.different_first_page_header_footer  # no page number on a document's first page
        assert "PAGE" in s.header._element.xml, "the page number field is in the header"
        assert s.header.paragraphs[0].alignment == 1  # centred
        assert "PAGE" not in s.first_page_header._element.xml
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert Pt(13) <= normal.font.size <= Pt(14)
    for p in body_paragraphs(doc):
        for run in p.runs:
            assert run.font.name in (None, "Times New Roman")
            if p.style.name == "Normal" and run.font.size is not None:
                assert Pt(13) <= run.font.size <= Pt(15), (p.text, run.font.size)
    body_sizes = [r.font.size or normal.font.size for p in body_paragraphs(doc) for r in p.runs if len(p.text) > 80]
    assert all(Pt(13) <= s <= Pt(14) for s in body_sizes)  # running text (a form may have none)


def header_block(doc, index: int = 0) -> str:
    """The text of the header block of the index-th document of the file."""
    heads = [t for t in doc.tables if "ĐẢNG CỘNG SẢN VIỆT NAM" in table_text(t)]
    return table_text(heads[index])


def closing_block(doc, index: int = -1) -> str:
    """The text of the recipients and signature block of a document (the last by default)."""
    closings = [t for t in doc.tables if len(t.columns) == 2 and "ĐẢNG CỘNG SẢN VIỆT NAM" not in table_text(t)
                and t.style.name != "Table Grid"]
    return table_text(closings[index])
