"""Sessions that can be run (issue #15, Build 3): a crafted module in a copy of the base fixture
shows each session check firing on its fault and silent on the clean module; the printed
handout and trainer guide (read back by pdftotext) and the module page of the site (parsed)
show the materials, the "Tài liệu dùng" line and the breaks; and, on the real content, every
material is printed where its audience says and the reference check finds nothing missing."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.checks.check import check_project
from generator.checks.sessions import check_sessions, references
from generator.produce.printing.documents import jobs_for
from generator.produce.printing.render import render_all
from projects import buildable_base

ROOT = Path(__file__).resolve().parents[1]
PNG_DIR = ROOT / "tests" / "output" / "sessions"
MODULE = "content/modules/cd-mau.yml"

OBSERVATION = "Phiếu quan sát cuộc họp"
ROLE_CARDS = "Thẻ vai kín cho người dân"


def clean_module() -> dict:
    """A 150-minute session with a break, one trainees' observation sheet and one trainer-only
    set of role cards, both used by the role play; notes that name only stationery."""
    return {
        "id": "cd-mau", "title": "Chuyên đề mẫu: họp thôn", "audiences": ["to_truong"], "duration_minutes": 150,
        "objectives": ["Điều hành được một cuộc họp thôn có đủ sáu vế của phương châm."],
        "outline": [
            {"title": "Khởi động", "minutes": 20, "method": "Thẻ màu, mỗi người một ý"},
            {"title": "Kỹ năng điều hành cuộc họp", "minutes": 40, "method": "Thuyết trình ngắn"},
            {"title": "Giải lao", "minutes": 15, "kind": "nghi"},
            {"title": "Đóng vai: họp thôn bàn làm đường", "minutes": 60, "method": "Đóng vai"},
            {"title": "Tổng kết", "minutes": 15},
        ],
        "activities": [{
            "kind": "dong_vai", "title": "Họp thôn bàn làm đường", "minutes": 60,
            "materials": ["phieu-quan-sat", "the-vai"],
            "instructions": "1. Phát thẻ vai cho sáu người đóng vai hộ dân.\n"
                            "2. Quan sát viên ghi vào phiếu quan sát, mỗi vế một dòng.\n"
                            "3. Giảng viên làm mẫu cách mở đầu cuộc họp.\n",
        }],
        "materials": [
            {"id": "phieu-quan-sat", "kind": "bang_kiem", "title": OBSERVATION, "audience": "hoc_vien",
             "body": "Đánh dấu khi người chủ trì làm được.\n\n| Vế | Đã làm | Ghi chú |\n| --- | --- | --- |\n"
                     "| Dân biết | | |\n| Dân bàn | | |\n"},
            {"id": "the-vai", "kind": "the_vai", "title": ROLE_CARDS, "audience": "giang_vien",
             "body": "**Hộ có đất bị ảnh hưởng.** Chỉ đồng ý khi biết ai đo đạc."},
        ],
        "handout": "Cuộc họp thôn cần có mục đích, thời gian và kết luận rõ ràng.",
        "trainer_notes": "- Chuẩn bị thẻ màu, giấy khổ lớn, bút dạ.\n- Tránh khung giờ chợ phiên.\n"
                         "- Nhắc học viên: không bàn chuyện bỏ phiếu bầu cử trong buổi này.\n",
        "sources": [{"doc": "de-an-to-dvcd-bac-giang", "section": "P2.III.2"}],
    }


def write_module(root: Path, module: dict) -> None:
    path = root / MODULE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(module, allow_unicode=True, sort_keys=False), encoding="utf-8")


def findings_of(root: Path, module: dict) -> list:
    write_module(root, module)
    _, report = check_project(root)
    return [f for f in report.findings if f.code.startswith("SESSION-")]


# ------------------------------------------------------------------------------ checks


def test_clean_module_gives_no_session_finding(base_project):
    write_module(base_project, clean_module())
    _, report = check_project(base_project)
    assert report.valid()
    assert [f for f in report.findings if f.code.startswith("SESSION-")] == []


def _minutes_off(m):
    m["outline"][0]["minutes"] = 25


def _no_break(m):
    del m["outline"][2]
    m["duration_minutes"] = 135


def _unknown_id(m):
    m["activities"][0]["materials"].append("phieu-quan-sat-x")


def _duplicate_id(m):
    m["materials"].append(dict(m["materials"][0], title="Phiếu quan sát, bản thứ hai"))


def _role_card_not_listed(m):
    m["activities"][0]["materials"] = ["phieu-quan-sat"]
    m["outline"][3]["method"] = f"Đóng vai ({ROLE_CARDS})"  # keeps the card in use, so only the reference fires


def _notes_ask_for_a_template(m):
    m["trainer_notes"] += "- In mẫu kế hoạch năm cột khổ A3 cho mỗi nhóm.\n"


def _notes_ask_for_a_map(m):
    m["trainer_notes"] += "- Vẽ sẵn sơ đồ thôn giả định (186 hộ) cho lớp ghép.\n"


def _unused(m):
    m["materials"].append({"id": "phieu-thua", "kind": "phieu", "title": "Phiếu không ai dùng", "body": "Trống."})


def _activity_longer_than_every_step(m):
    m["activities"][0]["minutes"] = 70  # the longest learning step is 60; the break is no room


def _second_activity(minutes: int):
    return {"kind": "thao_luan", "title": "Thảo luận: ai vận động hộ chưa đồng thuận", "minutes": minutes,
            "instructions": "Chia ba nhóm, mỗi nhóm trình bày năm phút."}


def _two_activities_in_one_step(m):
    # Each fits a step alone (45 <= 60), but the 60-minute role play takes that step and the
    # next longest is 40: together they do not fit.
    m["activities"].append(_second_activity(45))


CASES = {
    "activity-too-long": (_activity_longer_than_every_step, "SESSION-ACTIVITIES-DONT-FIT", "activities[1].minutes",
                          "cần 70 phút"),
    "two-in-one-step": (_two_activities_in_one_step, "SESSION-ACTIVITIES-DONT-FIT", "activities[2].minutes",
                        "cần 45 phút"),
    "minutes": (_minutes_off, "SESSION-MINUTES", "outline", "155 phút"),
    "no-break": (_no_break, "SESSION-NO-BREAK", "outline", "135 phút"),
    "unknown-id": (_unknown_id, "SESSION-UNKNOWN-MATERIAL", "activities[1].materials[3]", "phieu-quan-sat-x"),
    "duplicate-id": (_duplicate_id, "SESSION-MATERIAL-DUPLICATE-ID", "materials[3].id", "phieu-quan-sat"),
    "role-card": (_role_card_not_listed, "SESSION-MATERIAL-MISSING", "activities[1].instructions", "“thẻ vai”"),
    "template": (_notes_ask_for_a_template, "SESSION-MATERIAL-MISSING", "trainer_notes", "“mẫu kế hoạch”"),
    "map": (_notes_ask_for_a_map, "SESSION-MATERIAL-MISSING", "trainer_notes", "“sơ đồ thôn giả định”"),
    "unused": (_unused, "SESSION-MATERIAL-UNUSED", "materials[3].id", "Phiếu không ai dùng"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_session_check_fires_on_its_fault(base_project, case):
    change, code, path, words = CASES[case]
    module = clean_module()
    change(module)
    found = findings_of(base_project, module)
    assert [f.code for f in found] == [code], [(f.code, f.message) for f in found]
    f = found[0]
    assert f.file == MODULE and f.path == path and words in f.message, (f.path, f.message)
    assert f.hint and f.line
    text = (base_project / MODULE).read_text(encoding="utf-8").splitlines()
    if code == "SESSION-MATERIAL-MISSING":  # located at the line that says it
        phrase = words.strip("“”")
        assert phrase in text[f.line - 1].lower(), (f.line, text[f.line - 1])


def test_activities_that_fit_their_own_steps_give_no_finding(base_project):
    module = clean_module()
    module["activities"].append(_second_activity(40))  # the 40-minute lecture step has room for it
    assert findings_of(base_project, module) == []


def test_unknown_material_is_an_error_with_the_nearest_id(base_project):
    module = clean_module()
    _unknown_id(module)
    (f,) = findings_of(base_project, module)
    assert f.severity.value == "error" and "Có phải “phieu-quan-sat”" in f.hint


def test_a_session_of_ninety_minutes_needs_no_break(base_project):
    module = clean_module()
    module["outline"] = [{"title": "Thuyết trình", "minutes": 60}, {"title": "Đóng vai: họp thôn bàn làm đường", "minutes": 30}]
    module["duration_minutes"] = 90
    assert findings_of(base_project, module) == []


def test_a_material_named_by_a_timetable_step_is_used(base_project):
    module = clean_module()
    module["materials"].append({"id": "phieu-tu-danh-gia", "kind": "phieu", "title": "Phiếu tự đánh giá", "body": "Thang 1–5."})
    module["outline"][0]["method"] = "Phiếu tự đánh giá (chấm lần một)"
    assert findings_of(base_project, module) == []


@pytest.mark.parametrize("text, kinds", [
    ("Phân vai (phát phiếu vai) cho sáu người", ("the_vai", "phieu")),
    ("Mỗi nhóm một thẻ tình huống", ("the_vai", "phieu")),
    ("Phát phiếu thông tin riêng cho nhóm trưởng", ("the_vai", "phieu")),
    ("Quan sát viên dùng bảng kiểm", ("bang_kiem", "phieu")),
    ("Chuẩn bị phiếu quan sát sáu ô", ("bang_kiem", "phieu")),
    ("In mẫu khung quy chế để trống", ("mau", "phieu")),
    ("Phát khung kế hoạch cho mỗi nhóm", ("mau", "phieu")),
    ("Dùng biểu mẫu của xã", ("mau", "phieu")),
    ("In mẫu báo cáo có cột số liệu", ("mau", "phieu")),
    ("Dùng sơ đồ thôn giả định", ("so_do",)),
    ("Phiếu tự đánh giá sáu kỹ năng", ("phieu", "mau", "bang_kiem", "the_vai")),
])
def test_references_name_the_kinds_they_ask_for(text, kinds):
    (ref,) = references(text)
    assert ref[2] == kinds


@pytest.mark.parametrize("text", [
    "Thẻ màu, mỗi người một ý; giấy khổ lớn, bút dạ.",
    "Giảng viên làm mẫu một dòng trên bảng; gợi ý danh sách câu hỏi mẫu; xem mẫu.",
    "Tránh khung giờ chợ phiên và khung thời gian mùa vụ.",
    "Tổ vận động cử tri đi bỏ phiếu; lá phiếu; kiểm phiếu; phiếu bầu.",
    "Thuyết trình, sơ đồ tổ chức; vẽ sơ đồ quy trình lên bảng.",
])
def test_stationery_demonstrations_and_ballots_are_not_references(text):
    assert references(text) == []


# ------------------------------------------------------------------------------ print and site


def pdftotext(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         encoding="utf-8", check=True).stdout
    return re.sub(r"\s+", " ", out)


def with_publications(root: Path) -> Path:
    """The base fixture declares no publications: give it the repository's handout and guide."""
    pubs = yaml.safe_load((ROOT / "data" / "publications.yml").read_text(encoding="utf-8"))
    keep = [p for p in pubs["publications"] if p["kind"] in ("module_handout", "trainer_guide")]
    (root / "data" / "publications.yml").write_text(yaml.safe_dump({"publications": keep}, allow_unicode=True), encoding="utf-8")
    return root


def rendered(root: Path, out: Path) -> dict[str, Path]:
    """The module handout and trainer guide of each module, rendered into out/."""
    ds, report = check_project(root)
    assert report.valid()
    jobs = [j for pid in ("tai-lieu-hoc-vien", "huong-dan-giang-vien") for j in jobs_for(ds, pid)]
    results = render_all(jobs, out / "pdf", out / "cache")
    return {job.name: r.path for job, r in zip(jobs, results)}


@pytest.mark.slow
def test_materials_and_breaks_in_the_printed_handout_and_trainer_guide(base_project, tmp_path):
    write_module(with_publications(base_project), clean_module())
    pdfs = rendered(base_project, tmp_path)
    handout = pdftotext(pdfs["tai-lieu-hoc-vien-cd-mau"])
    guide = pdftotext(pdfs["huong-dan-giang-vien-cd-mau"])
    assert OBSERVATION in handout and OBSERVATION in guide
    assert ROLE_CARDS not in handout and ROLE_CARDS in guide
    for text in (handout, guide):
        assert re.search(r"60–75 Giải lao 15 phút", text), "a break row in the timetable"
        assert "Dùng trong: Đóng vai: Họp thôn bàn làm đường" in text
    assert f"Tài liệu dùng: {OBSERVATION}; {ROLE_CARDS}." in guide
    assert "Bảng kiểm, phiếu quan sát".upper() in guide and "Chỉ dành cho giảng viên" in guide
    # each material opens a page: its title is at the top of a page of the guide
    pages = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdfs["huong-dan-giang-vien-cd-mau"]), "-"],
                           capture_output=True, text=True, encoding="utf-8", check=True).stdout.split("\f")
    tops = [re.sub(r"\s+", " ", p)[:200] for p in pages]
    assert any(OBSERVATION in t for t in tops) and any(ROLE_CARDS in t for t in tops)
    # the handout's page with the observation sheet, at 60 dpi, for a look
    pages = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdfs["tai-lieu-hoc-vien-cd-mau"]), "-"],
                           capture_output=True, text=True, encoding="utf-8", check=True).stdout.split("\f")
    number = next(i for i, p in enumerate(pages, 1) if OBSERVATION in p and "Dân biết" in p)
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(number), "-l", str(number), "-singlefile",
                    str(pdfs["tai-lieu-hoc-vien-cd-mau"]), str(PNG_DIR / "phieu-quan-sat")], check=True)
    assert (PNG_DIR / "phieu-quan-sat.png").stat().st_size > 5_000


class _Page(HTMLParser):
    """The module page's h2/h3 headings in order, break rows of the timetable, the 'Tài liệu
    dùng' links and the material sections."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[str, str]] = []
        self.break_rows: list[str] = []
        self.uses: list[str] = []
        self.sections: list[str] = []
        self._in: list[str] = []
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("h2", "h3") or (tag == "tr" and "dv-break" in (a.get("class") or "")) or \
                (tag == "p" and "dv-uses" in (a.get("class") or "")):
            self._in.append(tag)
            self._text = ""
        if tag == "section" and "dv-material" in (a.get("class") or ""):
            self.sections.append(a.get("id", ""))
        if tag == "a" and self._in[-1:] == ["p"]:
            self.uses.append(a.get("href", ""))

    def handle_endtag(self, tag):
        if self._in and tag == self._in[-1]:
            self._in.pop()
            text = " ".join(self._text.split())
            if tag in ("h2", "h3"):
                self.headings.append((tag, text))
            elif tag == "tr":
                self.break_rows.append(text)

    def handle_data(self, data):
        if self._in:
            self._text += data + " "


@pytest.mark.slow
def test_module_page_shows_materials_breaks_and_escapes(tmp_path):
    from generator.build.pipeline import build

    root = buildable_base(tmp_path / "project")
    module = clean_module()
    module["materials"][0]["title"] = OBSERVATION + " <b>&</b>"
    module["outline"][2]["title"] = "Giải lao <script>alert(1)</script>"
    write_module(root, module)
    site = build(root, out=tmp_path / "site", pdf=False).site_dir
    html = (site / "chuyen-de" / "cd-mau.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>&amp;</b>" not in html and "&lt;b&gt;&amp;&lt;/b&gt;" in html
    page = _Page()
    page.feed(html)
    assert page.break_rows == ["60–75 Giải lao <script>alert(1)</script> 15 phút –"]
    assert page.uses == ["#tai-lieu-phieu-quan-sat", "#tai-lieu-the-vai"]
    assert page.sections == ["tai-lieu-phieu-quan-sat", "tai-lieu-the-vai"]
    heads = [text for _, text in page.headings]
    # trainees' material after the handout, the trainer-only one after the trainer notes
    assert heads.index("Phiếu, thẻ vai, biểu mẫu") > heads.index("Tài liệu phát tay")
    assert heads.index(OBSERVATION + " <b>&</b>") > heads.index("Phiếu, thẻ vai, biểu mẫu")
    assert heads.index(ROLE_CARDS) > heads.index("Ghi chú cho giảng viên")


# ------------------------------------------------------------------------------ real content


@pytest.mark.slow
def test_every_worksheet_of_the_real_modules_is_printed(tmp_path):
    """Acceptance (#15): every worksheet mentioned in a module's trainer notes appears in its
    printed handout or trainer guide. The reference check finds no material missing from the
    real modules, and every material's title is in the PDF its audience says (pdftotext)."""
    ds, report = check_project(ROOT)
    assert [(f.file, f.message) for f in check_sessions(ds)] == []
    assert any(at.obj.materials for at in ds.modules.values())
    pdfs = rendered(ROOT, tmp_path)
    for mid, at in sorted(ds.modules.items()):
        handout = pdftotext(pdfs[f"tai-lieu-hoc-vien-{mid}"])
        guide = pdftotext(pdfs[f"huong-dan-giang-vien-{mid}"])
        assert (at.obj.duration_minutes <= 90) or "Giải lao" in guide, mid
        for m in at.obj.materials:
            title = " ".join(m.title.split())
            assert title in guide, (mid, m.title)
            assert (title in handout) == (m.audience == "hoc_vien"), (mid, m.title, m.audience)
