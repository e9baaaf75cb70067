"""Word files: takes a `Bundle` of official documents, gives the bytes of a .docx laid out as
its PDF twin (A4, Times New Roman, the margins, page numbers centred in the header from the
second page of each document). The only module that imports python-docx."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.table import _Cell

from generator.produce.docx.columns import PAD_MM, fitted_widths
from generator.produce.docx.document import (
    BODY_PT, FONT, MARGINS_MM, PAGE_MM, Bundle, Heading, Lines, OfficialDoc, Para, Table,
)

_ALIGN = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
          "right": WD_ALIGN_PARAGRAPH.RIGHT}
TEXT_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]


def docx_bytes(bundle: Bundle) -> bytes:
    doc = Document()
    _base_styles(doc)
    props = doc.core_properties
    props.title, props.author, props.language = bundle.title, bundle.author or "", "vi-VN"
    if bundle.date:
        stamp = dt.datetime.fromisoformat(bundle.date)
        props.created = props.modified = stamp  # the same bytes for the same data
    props.last_modified_by, props.revision = bundle.author or "", 1
    for i, official in enumerate(bundle.docs):
        section = doc.sections[0] if i == 0 else doc.add_section(WD_SECTION.NEW_PAGE)
        _page_setup(section)
        _document(doc, official)
    body = doc.element.body
    first = body[0]
    if first.tag == qn("w:p") and not first.xpath(".//w:t"):  # the template's empty first paragraph
        body.remove(first)
    out = io.BytesIO()
    doc.save(out)
    return _fixed_times(out.getvalue(), bundle.date)


def _fixed_times(data: bytes, date: str) -> bytes:
    """The same bytes for the same data: python-docx stamps each zip member with the clock;
    restamp them with the data's date (or 1/1/1980)."""
    stamp = (dt.date.fromisoformat(date).timetuple()[:3] + (0, 0, 0)) if date else (1980, 1, 1, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def _base_styles(doc) -> None:
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_PT)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(4), 1.15
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    style.element.get_or_add_rPr().append(lang)


def _page_setup(section) -> None:
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.different_first_page_header_footer = True  # no number on a document's first page
    section.header.is_linked_to_previous = False
    section.first_page_header.is_linked_to_previous = False
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(header, "PAGE", BODY_PT)
    number_type = section._sectPr.find(qn("w:pgNumType"))
    if number_type is None:
        number_type = OxmlElement("w:pgNumType")
        section._sectPr.append(number_type)
    number_type.set(qn("w:start"), "1")  # each document counts its own pages


def _field(paragraph, code: str, size: float) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(size)
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == code:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {code} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def _para(container, text: str = "", align: str = "left", bold=False, italic=False, size: float | None = None,
          underline=False, space_after: float | None = None):
    p = container.add_paragraph()
    p.alignment = _ALIGN[align]
    if text:
        run = p.add_run(text)
        _style(run, bold, italic, underline)
        if size:
            run.font.size = Pt(size)
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def _style(run, bold=False, italic=False, underline=False) -> None:
    # only what is on: setting False writes an element too (and costs time on big tables)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if underline:
        run.underline = True


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _cell(table, row: int, col: int, width_mm: float):
    # Straight from the XML: python-docx's table.cell() walks every cell of the table each time.
    cell = _Cell(table._tbl.tr_lst[row].tc_lst[col], table)
    cell.width = Mm(width_mm)
    return cell


def _grid(table, widths_mm: list[float]) -> None:
    """Column widths in the table's grid too: LibreOffice and Word lay out from it."""
    for col, width in zip(table._tbl.tblGrid.gridCol_lst, widths_mm):
        col.w = Mm(width)


def _two_columns(doc, left_mm: float):
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    _grid(table, [left_mm, TEXT_MM - left_mm])
    left, right = _cell(table, 0, 0, left_mm), _cell(table, 0, 1, TEXT_MM - left_mm)
    for cell in (left, right):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return left, right


def _document(doc, official: OfficialDoc) -> None:
    h = official.header
    left, right = _two_columns(doc, 75)
    _para(left, h.superior, "center", size=BODY_PT, space_after=0)
    _para(left, h.issuer, "center", bold=True, size=BODY_PT, space_after=0)
    _para(left, "*", "center", space_after=0)
    if h.number is not None:
        _para(left, h.number, "center", size=BODY_PT, space_after=0)
    _para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", "center", bold=True, underline=True, size=15, space_after=6)
    _para(right, h.place_date, "center", italic=True, size=BODY_PT, space_after=0)
    _para(doc, "", space_after=6)
    _para(doc, official.kind, "center", bold=True, size=15, space_after=0)
    _para(doc, official.subtitle, "center", bold=True, size=14, space_after=0)
    _para(doc, "-----", "center", space_after=8)
    for block in official.body:
        _block(doc, block)
    _closing(doc, official)


def _block(doc, block) -> None:
    if isinstance(block, Para):
        p = doc.add_paragraph()
        p.alignment = _ALIGN[block.align]
        if block.indent:
            p.paragraph_format.first_line_indent = Mm(10)
        for r in block.runs:
            run = p.add_run(r.text)
            _style(run, r.bold, r.italic)
            if block.size:
                run.font.size = Pt(block.size)
    elif isinstance(block, Heading):
        p = _para(doc, block.text, "left", bold=True)
        p.paragraph_format.space_before = Pt(6)
        p.paragraph_format.keep_with_next = True
    elif isinstance(block, Lines):
        for _ in range(block.count):  # a tab to the right margin, led by dots
            p = _para(doc, "", "left", space_after=2)
            p.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_MM - 1), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            p.add_run("\t")
    elif isinstance(block, Table):
        _table(doc, block)


def _table(doc, block: Table) -> None:
    """A grid table written as one piece of XML: python-docx's cell-by-cell calls cost about a
    millisecond a cell, and a province's paperwork has hundreds of thousands of cells."""
    twips = [int(w / 25.4 * 1440) for w in fitted_widths(block)]  # no word wider than its column
    half_points = int(round(block.size * 2))
    pad = int(PAD_MM / 25.4 * 1440)
    parts = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(twips)}" w:type="dxa"/>'
             '<w:jc w:val="center"/><w:tblBorders>'
             + "".join(f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                       for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
             + f'</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{pad}" w:type="dxa"/>'
             f'<w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>'
             + "".join(f'<w:gridCol w:w="{w}"/>' for w in twips) + "</w:tblGrid>"]
    for r, row in enumerate([block.headers] + block.rows):
        parts.append("<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if r == 0 else "") + "</w:trPr>")
        for c, text in enumerate(row):
            align = "center" if r == 0 else ("right" if c in block.numeric else "left")
            bold = "<w:b/>" if r == 0 else ""
            parts.append(f'<w:tc><w:tcPr><w:tcW w:w="{twips[c]}" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:spacing w:after="0"/>'
                         f'<w:jc w:val="{align}"/></w:pPr><w:r><w:rPr>{bold}<w:sz w:val="{half_points}"/></w:rPr>'
                         f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>')
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    body = doc.element.body
    body.insert(len(body) - 1, parse_xml("".join(parts)))  # before the body's closing sectPr
    _para(doc, "", space_after=2)


def _closing(doc, official: OfficialDoc) -> None:
    s = official.signature
    _para(doc, "", space_after=4)
    left, right = _two_columns(doc, 85)
    if s.left_title:
        _para(left, s.left_title, "center", bold=True, space_after=0)
    elif official.recipients:
        p = _para(left, "", space_after=0)
        run = p.add_run("Nơi nhận:")
        run.bold, run.italic, run.underline = True, True, True
        run.font.size = Pt(12)
        for i, name in enumerate(official.recipients):
            end = "." if i == len(official.recipients) - 1 else ","
            _para(left, f"- {name}{end}", "left", size=11, space_after=0)
    if s.signing:
        _para(right, s.signing, "center", bold=True, space_after=0)
    _para(right, s.title, "center", bold=True, space_after=0)
    for _ in range(4):
        _para(right, "", space_after=0)
    if s.name:
        _para(right, s.name, "center", bold=True, space_after=0)
