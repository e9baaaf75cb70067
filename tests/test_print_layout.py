"""Finished-looking PDFs (issue #16, item 1), read back from the rendered files: no heading line
ends inside a word of the glossary or of the word list, the index lists every page of a term
in ranges (with the whole chapter of "Dân vận khéo"), no handbook page is more than 40% empty
except where a chapter ends, and page numbers sit centred in the top margin at 13–14 pt in
every edition (Hướng dẫn 36-HD/VPTW). The rule itself is tested on crafted headings."""

from __future__ import annotations

import html as htmllib
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from generator.produce.printing.headings import balance, finish_headings, text_width
from generator.produce.printing.render import index_pages, page_ranges
from generator.produce.printing.wordglue import (
    NBSP, Glue, balanced_lines, dictionary_words, glue_for, keep_names, modern_tone, syllable,
)

ROOT = Path(__file__).resolve().parents[1]
PNG_DIR = ROOT / "tests" / "output" / "print"
HANDBOOKS = ["so-tay-hoi-dap", "so-tay-bo-tui-to-truong", "so-tay-khoi-dan-van"]
MM = 72 / 25.4


# ---------------------------------------------------------------- the rule, on crafted headings

def _breakable(glued: str) -> list[str]:
    return glued.split(" ")


def test_the_word_list_comes_from_the_dictionary_and_holds_the_heading_words():
    words = dictionary_words()
    assert len(words) > 20_000
    assert {"cơ sở", "giải pháp", "dân vận", "công tác", "cộng đồng", "thành lập"} <= words
    assert all(unicodedata.is_normalized("NFC", w) and w == w.lower() for w in list(words)[:2000])


@pytest.mark.parametrize("heading, together", [
    ("Tổ chức thực hiện tại cơ sở", ["Tổ\u00a0chức", "cơ\u00a0sở"]),
    ("Mục tiêu và giải pháp", ["giải\u00a0pháp"]),
    ("SỔ TAY HỎI – ĐÁP CÔNG TÁC DÂN VẬN Ở CƠ SỞ", ["SỔ\u00a0TAY", "HỎI\u00a0–\u00a0ĐÁP", "CƠ\u00a0SỞ"]),
    ("Câu 12. Ai ra quyết định thành lập tổ?", ["Câu\u00a012.\u00a0Ai", "quyết\u00a0định", "thành\u00a0lập"]),
    ("8. Phong trào “Dân vận khéo” và các mô hình", ["8.\u00a0Phong\u00a0trào", "“Dân\u00a0vận", "mô\u00a0hình"]),
])
def test_the_rule_keeps_each_word_of_a_crafted_heading_whole(heading, together):
    glue = glue_for()
    parts = _breakable(glue(heading))
    for word in together:
        assert word in parts, (word, parts)
    assert glue(heading).replace(NBSP, " ") == heading  # only spaces change


def test_glossary_terms_and_abbreviations_are_kept_whole():
    class Term:
        def __init__(self, term, abbreviation=None):
            self.term, self.abbreviation = term, abbreviation

    glue = glue_for([Term("Tổ Dân vận cộng đồng", "Tổ DVCĐ"), Term("Tổ dân vận (thôn, khu dân cư)")])
    assert "Tổ\u00a0Dân\u00a0vận\u00a0cộng\u00a0đồng" in _breakable(glue("Nhiệm vụ của Tổ Dân vận cộng đồng"))
    assert "Tổ\u00a0DVCĐ" in _breakable(glue("Tổ DVCĐ họp khi nào"))
    assert "Tổ\u00a0dân\u00a0vận" in _breakable(glue("Tổ dân vận ở thôn"))


def test_the_older_tone_placement_of_the_word_list_matches_the_content():
    """The word list writes "đảng uỷ", "hoà giải"; the content "Đảng ủy", "hòa giải"."""
    glue = glue_for()
    assert "ĐẢNG\u00a0ỦY" in _breakable(glue("BAN THƯỜNG VỤ ĐẢNG ỦY XÃ"))
    assert "hòa\u00a0giải" in _breakable(glue("Tổ hòa giải ở thôn"))
    assert modern_tone("quý") == "quý" and modern_tone("khoẻ") == "khỏe" and modern_tone("huyện") == "huyện"


def test_a_header_line_keeps_its_place_name_whole():
    """The founding decision's header printed "ĐẢNG ỦY THỊ TRẤN CAO / THƯỢNG": names are kept
    whole while their case still shows, then the line is put in upper case."""
    from generator.produce.paperwork.common import upper

    assert keep_names("Đảng ủy thị trấn Cao Thượng") == "Đảng ủy thị trấn Cao\u00a0Thượng"
    assert keep_names("Tổ dân phố số 1") == "Tổ dân phố số 1"  # the first word is no name
    assert _breakable(upper("Đảng ủy thị trấn Cao Thượng")) == ["ĐẢNG\u00a0ỦY", "THỊ\u00a0TRẤN", "CAO\u00a0THƯỢNG"]
    assert _breakable(upper("Đảng bộ tỉnh Bắc Ninh"))[-1] == "BẮC\u00a0NINH"


def test_punctuation_between_syllables_ends_a_word():
    glue = Glue({"cơ sở"})
    assert glue("cơ, sở") == "cơ, sở"
    assert glue("(cơ sở)") == "(cơ\u00a0sở)"


def test_balanced_lines_take_as_few_lines_with_the_longest_as_short_as_can_be():
    chunks = ["aaaa", "bb", "cc", "dd", "ee", "ff"]
    widths = [4.0, 2.0, 2.0, 2.0, 2.0, 2.0]
    lines = balanced_lines(chunks, widths, 1.0, 15.0)
    assert len(lines) == 2  # greedy fills "aaaa bb cc dd" (13) and leaves "ee ff" (5)
    assert [" ".join(line) for line in lines] == ["aaaa bb cc", "dd ee ff"]


def test_a_cover_title_is_balanced_and_fits_the_width():
    glue = glue_for()
    title = balance("Sổ tay hỏi – đáp công tác dân vận ở cơ sở", glue, 24, 170, True)
    lines = [htmllib.unescape(line).strip() for line in title.split("<br>")]
    assert len(lines) == 2
    widths = [text_width(line.upper(), 24) for line in lines]
    assert max(widths) <= 170 * MM
    chunks = " ".join(lines).split(" ")  # no other split into two lines has a shorter longest line
    splits = [max(text_width(" ".join(chunks[:k]).upper(), 24), text_width(" ".join(chunks[k:]).upper(), 24))
              for k in range(1, len(chunks))]
    assert max(widths) <= min(splits) + 0.01, lines
    assert all(not line.endswith(("CƠ", "cơ")) for line in lines)


def test_finish_headings_only_touches_headings_and_titles():
    html = ('<html lang="vi" class="a5"><body><div class="title">Mục tiêu và giải pháp</div>'
            '<h2>Câu 1. Giải pháp <em>cơ sở</em></h2><p>giải pháp cơ sở</p></body></html>')
    out = finish_headings(html, glue_for())
    assert "<p>giải pháp cơ sở</p>" in out
    assert "<em>cơ\u00a0sở</em>" in out and "Giải\u00a0pháp" in out


def test_page_ranges_and_index_pages():
    assert page_ranges([3, 5, 6, 7, 9, 10]) == "3, 5–7, 9–10"
    assert page_ranges([]) == ""
    pages = {"c": 63, "het-c": 69, "q": 12}
    texts = {12: "to dan van", 40: "dan van kheo o xa", 41: "khong co"}
    assert index_pages("c..het-c q", "dan van kheo", pages, texts) == [12, 40] + list(range(63, 70))


# ---------------------------------------------------------------- the rendered PDFs

@pytest.fixture(scope="module")
def dataset():
    from generator.checks.check import check_project

    ds, report = check_project(ROOT)
    assert report.valid()
    return ds


@pytest.fixture(scope="module")
def rendered(dataset, tmp_path_factory):
    """Every publication, rendered through the project's cache (shared with test_print and
    `handbook build`)."""
    from generator.produce.printing.documents import jobs_for
    from generator.produce.printing.render import render_all

    out = tmp_path_factory.mktemp("pdf")
    jobs = jobs_for(dataset)
    results = render_all(jobs, out, ROOT / "build" / "pdf-cache")
    return {job.name: (job, result.path) for job, result in zip(jobs, results)}


def _pages_text(path: Path, layout: bool = True) -> list[str]:
    mode = ["-layout"] if layout else []  # without it, pdftotext reads two columns one after the other
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", *mode, str(path), "-"], capture_output=True,
                          text=True, encoding="utf-8", check=True).stdout
    return text.split("\f")


_HEADINGS = re.compile(r'<(h[1-4])\b[^>]*>(.*?)</\1>|<div class="(title|subtitle)">(.*?)</div>', re.S)


def _headings(html: str, upper_h1: bool = True) -> list[list[str]]:
    """Each heading of a document as its words (as printed: chapter headings and the cover's
    title upper case in the publications; the official papers print theirs as written)."""
    found = []
    for match in _HEADINGS.finditer(html):
        tag, inner = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        text = htmllib.unescape(re.sub(r"<[^>]+>", " ", inner))
        if tag == "title" or (tag == "h1" and upper_h1):
            text = unicodedata.normalize("NFC", text.upper())
        words = text.split()
        if len(words) >= 2:
            found.append(words)
    return found


def _heading_breaks(lines: list[str], heading: list[str]) -> list[list[int]]:
    """Where the heading sits in the page's lines, the token positions after which a line ends."""
    found = []
    for start in range(len(lines)):
        position, breaks, i = 0, [], start
        while i < len(lines) and position < len(heading):
            words = lines[i].split()
            if not words or heading[position:position + len(words)] != words:
                break
            position += len(words)
            if position < len(heading):
                breaks.append(position - 1)
            i += 1
        if position == len(heading) and breaks:
            found.append(breaks)
    return found


def _broken_headings(rendered: dict, checker: Glue, upper_h1: bool = True) -> tuple[int, list[str]]:
    """(headings seen running over lines, the words cut at a line's end) in rendered PDFs."""
    seen, broken = 0, []
    for name, (job, path) in sorted(rendered.items()):
        headings = _headings(job.html, upper_h1)
        for number, page in enumerate(_pages_text(path), 1):
            lines = [" ".join(line.split()) for line in page.splitlines()]
            lines = [line for line in lines if line]
            for heading in headings:
                for breaks in _heading_breaks(lines, heading):
                    seen += 1
                    for first, last in checker.matches(heading):
                        cut = [b for b in breaks if first <= b < last]
                        if cut:
                            broken.append(f"{name} p{number}: {' '.join(heading[first:last + 1])} in {' '.join(heading)}")
    return seen, broken


@pytest.mark.slow
def test_no_heading_line_of_any_pdf_ends_inside_a_word(rendered, dataset):
    words = dictionary_words() | {w for w in glue_for(at.obj for at in dataset.terms).words}
    seen, broken = _broken_headings(rendered, Glue(words))
    assert seen > 50  # many headings do run over two lines: the test looked at them
    assert broken == []


@pytest.fixture(scope="module")
def official_rendered(dataset, tmp_path_factory):
    """The PDFs outside the publications, as `handbook build` renders them: one paper of each
    kind (the one with the most heading text: a long village or agency name) and the periodic
    reports."""
    from generator.core.findings import Report
    from generator.produce.docx.to_html import print_job
    from generator.produce.paperwork.bundles import paperwork_bundles
    from generator.produce.printing.render import render_all
    from generator.produce.reports import compute, periods_due, report_job

    glue = glue_for(at.obj for at in dataset.terms)
    chosen: dict[str, tuple[int, object]] = {}
    for bundle in paperwork_bundles(dataset):
        job = print_job(bundle, glue)
        size = sum(len(h) for h in _headings(job.html, upper_h1=False))
        if bundle.kind not in chosen or size > chosen[bundle.kind][0]:
            chosen[bundle.kind] = (size, job)
    jobs = [job for _, job in chosen.values()]
    jobs += [report_job(dataset, compute(dataset, Report(), period, year)) for period, year in periods_due(dataset)]
    results = render_all(jobs, tmp_path_factory.mktemp("official"), ROOT / "build" / "pdf-cache")
    return {job.name: (job, result.path) for job, result in zip(jobs, results)}


@pytest.mark.slow
def test_no_heading_line_of_a_report_or_paper_ends_inside_a_word(official_rendered, dataset):
    """The periodic reports and the paperwork (founding decisions, minutes, bloc lists, agency
    plans and reports) keep the words of their headings whole too."""
    kinds = {job.publication for job, _ in official_rendered.values()}
    assert {"quyet-dinh-to", "bien-ban-hop-to", "danh-sach-khoi", "ke-hoach-phan-cong", "bao-cao-phan-cong"} <= kinds
    assert any(name.startswith("bao-cao-") and job.publication == "bao-cao" for name, (job, _) in official_rendered.items())
    words = dictionary_words() | {w for w in glue_for(at.obj for at in dataset.terms).words}
    seen, broken = _broken_headings(official_rendered, Glue(words), upper_h1=False)
    assert seen >= 3  # titles of papers run over two lines: the test looked at them
    assert broken == []


def _index_entry(path: Path, term: str) -> list[int]:
    last = " ".join(" ".join(_pages_text(path, layout=False)[-4:]).split())
    found = re.search(re.escape(term) + r":\s*([\d, –]+)", last)
    assert found, term
    numbers = []
    for part in found.group(1).split(","):
        part = part.strip()
        if "–" in part:
            a, b = part.split("–")
            numbers += range(int(a), int(b) + 1)
        elif part:
            numbers.append(int(part))
    return numbers


def _toc(path: Path) -> list[tuple[str, int]]:
    pages = _pages_text(path)
    toc = next(p for p in pages[:6] if "MỤC LỤC" in p)
    return [(t.strip(), int(n)) for t, n in re.findall(r"^\s*(?:\d+\.\s+)?(.+?)\s*\.{3,}\s*(\d+)\s*$", toc, re.M)]


@pytest.mark.slow
def test_the_index_lists_the_chapter_of_dan_van_kheo_and_merges_ranges(rendered):
    _, path = rendered["so-tay-hoi-dap"]
    toc = _toc(path)
    position = next(i for i, (title, _) in enumerate(toc) if "Dân vận khéo" in title)
    first, end = toc[position][1], toc[position + 1][1] - 1
    listed = _index_entry(path, "Dân vận khéo")
    assert set(range(first, end + 1)) <= set(listed), (first, end, listed)
    assert listed == sorted(set(listed))
    index_text = " ".join(_pages_text(path, layout=False)[-3:])
    assert re.search(rf"\b{first}–{end}\b", index_text) or re.search(rf"\b\d+–{end}\b", index_text)
    # every page a term appears on, not the first eight
    assert len(_index_entry(path, "Tổ Dân vận cộng đồng")) > 8
    assert max(_index_entry(path, "Khối Dân vận cơ sở")) > 36


def _bbox_pages(path: Path) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                         encoding="utf-8", check=True).stdout
    pages = []
    for page in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(float(a), float(b), float(c), float(d), htmllib.unescape(t)) for a, b, c, d, t in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page[2])]
        pages.append((float(page[0]), float(page[1]), words))
    return pages


def _empty_share(height: float, words, top_mm: float = 20, bottom_mm: float = 20) -> float:
    """The share of the text area's height that no line of text covers (each line counted
    with half a line's leading above and below it; the margins' page number and running head
    left out)."""
    top, bottom = top_mm * MM, height - bottom_mm * MM
    spans = sorted((max(y0 - 3, top), min(y1 + 3, bottom)) for _, y0, _, y1, _ in words if y0 >= top - 1 and y1 <= bottom + 1)
    covered, reach = 0.0, top
    for start, end in spans:
        if end > reach:
            covered += end - max(start, reach)
            reach = end
    return 1 - covered / (bottom - top)


@pytest.mark.slow
def test_no_handbook_page_is_more_than_40_percent_empty_except_where_a_chapter_ends(rendered):
    _, path = rendered["so-tay-hoi-dap"]
    toc = _toc(path)
    starts = {number for _, number in toc}
    pages = _bbox_pages(path)
    first_chapter = min(n for title, n in toc if title[0].isupper() and n > 3 and "Lời nói đầu" not in title)
    too_empty = []
    for number, (_, height, words) in enumerate(pages, 1):
        if number < first_chapter or number + 1 in starts or number == len(pages):
            continue  # front matter, the last page of a chapter, the book's last page
        share = _empty_share(height, words)
        if share > 0.40:
            too_empty.append((number, round(share, 2)))
    assert too_empty == []


def _number_boxes(path: Path, top: float):
    """For each page from the second: the page number's word box (pdftotext -bbox) and its font
    size in points (pypdf's text visitor)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    pages = _bbox_pages(path)
    for number in range(2, len(pages) + 1):
        width, height, words = pages[number - 1]
        if not words:
            continue  # a blank page (before a chapter on a right-hand page) prints no number
        box = next((w for w in words if w[4] == str(number) and w[3] <= top), None)
        sizes = []

        def visit(text, cm, tm, font, size, sizes=sizes, number=number):
            if text.strip() == str(number) and abs(cm[5] + cm[3] * tm[5]) > 0:
                y = cm[3] * tm[5] + cm[5]
                sizes.append((height - y, abs(size * tm[3] * cm[3])))

        reader.pages[number - 1].extract_text(visitor_text=visit)
        yield number, width, height, box, [s for y, s in sizes if y <= top]


@pytest.mark.slow
def test_a_question_never_ends_a_page_without_the_first_lines_of_its_answer(rendered):
    """Answers run across pages, but the question stays with at least three lines of its
    answer (print.css: break-after: avoid on the question, orphans 3): read from the last
    question heading of every page of the handbook to the page's footnotes."""
    _, path = rendered["so-tay-hoi-dap"]
    short, seen = [], 0
    for number, page in enumerate(_pages_text(path), 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        starts = [i for i, line in enumerate(lines) if re.match(r"Câu \d+\. ", line)]
        if not starts:
            continue
        end = starts[-1]
        while end < len(lines) - 1 and not lines[end].endswith("?") and end - starts[-1] < 3:
            end += 1  # a question heading runs over two or three lines
        body = lines[end + 1:-1]  # the page's last line is its running head
        answer = next((i for i, line in enumerate(body) if re.match(r"\d+\. Căn cứ", line)), len(body))  # footnotes
        seen += 1
        if answer < 3:
            short.append(f"p{number}: {lines[starts[-1]]} ({answer} dòng)")
    assert seen > 50
    assert short == []


MODULE_PAPERS = ["tai-lieu-hoc-vien-cd6-ky-nang-dan-van", "huong-dan-giang-vien-cd6-ky-nang-dan-van"]


@pytest.mark.slow
@pytest.mark.parametrize("name", HANDBOOKS + MODULE_PAPERS)
def test_page_numbers_are_centred_in_the_top_margin_at_13_to_14_pt(rendered, name):
    job, path = rendered[name]
    a5 = 'class="a5"' in job.html
    top_margin = (14 if a5 else 20) * MM
    checked = 0
    for number, width, height, box, sizes in _number_boxes(path, top_margin):
        if box is None:
            pages_text = _pages_text(path)[number - 1]
            if not pages_text.strip() or pages_text.count("\n") < 3:
                continue  # an empty page left before a chapter that starts on the right
        assert box is not None, f"{name} p{number}: no page number in the top margin"
        x0, y0, x1, y1, _ = box
        assert y1 <= top_margin, f"{name} p{number}: number below the top margin"
        centre = (x0 + x1) / 2
        # centred on the text column: between the left and right margins of that page
        left_right = [(16 * MM, 12 * MM), (12 * MM, 16 * MM)] if a5 else [(30 * MM, 15 * MM)]
        assert any(abs(centre - (l + (width - l - r) / 2)) < 3 for l, r in left_right), (name, number, centre)
        assert sizes and all(12.99 <= s <= 14.01 for s in sizes), (name, number, sizes)
        checked += 1
    assert checked >= (10 if name in HANDBOOKS else 3)  # a module's paper is a few pages; its first has no number


@pytest.mark.slow
def test_pages_render_to_png_for_people_to_look_at(rendered):
    """A page with a long answer running over to the next page, and an index page."""
    _, path = rendered["so-tay-hoi-dap"]
    pages = _pages_text(path)
    longest = max(range(len(pages) - 1), key=lambda i: len(pages[i]) if "Câu" in pages[i] and "Câu" not in pages[i + 1][:400] else 0)
    index = next(i for i in range(len(pages) - 1, 0, -1) if "CHỈ MỤC" in pages[i])
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    for label, page in (("so-tay-hoi-dap-cau-tra-loi-dai", longest + 1), ("so-tay-hoi-dap-chi-muc", index + 1)):
        target = PNG_DIR / label
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(path), str(target)],
                       check=True)
        png = target.with_suffix(".png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
