"""The printed handbook's front matter, read back from the PDF: the imprint names the board,
the province, the administrative scheme and the reference date of `data/config.yml` (and
changes when they change), the circulation line and the foreword come from
`front_matter:` (a default foreword when none is configured, none when it is empty), and
Markdown from the configuration is sanitised. Each render is one short handbook (one topic)
in a copy of the sample."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.core.findings import Report, Severity
from generator.model.dataset import load_project
from generator.produce.printing.documents import jobs_for
from generator.produce.printing.render import render_pdf_bytes
from generator.schema.config import DEFAULT_FOREWORD
from projects import ROOT, copy_sample

PNG_DIR = ROOT / "tests" / "output" / "imprint"
DEFAULT_OPENING = "Công tác dân vận là nhiệm vụ của cả hệ thống chính trị"


def _project(tmp_path: Path, config_changes: dict, place: str = "Bắc Giang", issuer: str = "Ban Dân vận Tỉnh ủy Bắc Giang") -> Path:
    """A copy of the sample whose config takes `config_changes` (nested keys merged one level
    deep) and whose only publication is a short handbook of one topic."""
    root = copy_sample(tmp_path)
    config_path = root / "data" / "config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    for key, value in config_changes.items():
        if isinstance(value, dict) and isinstance(config.get(key), dict):
            config[key].update(value)
        else:
            config[key] = value
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    publication = {"id": "so-tay-thu", "kind": "handbook", "title": "Sổ tay thử", "paper": "A4", "topics": ["y-nghia-dan-van"],
                   "issuer": issuer, "place": place, "year": 2026, "edition": 2}
    (root / "data" / "publications.yml").write_text(
        yaml.safe_dump({"publications": [publication]}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def _job(root: Path):
    report = Report()
    ds = load_project(root, report)
    bad = [f for f in report.findings
           if f.file in ("data/config.yml", "data/publications.yml") and f.severity is not Severity.INFO]
    assert not bad, [f.message for f in bad]
    (job,) = jobs_for(ds, "so-tay-thu")
    return job


def _pages(job, tmp_path: Path, label: str) -> tuple[Path, list[str]]:
    pdf = tmp_path / f"{label}.pdf"
    pdf.write_bytes(render_pdf_bytes(job.html, job.css))
    texts = []
    for page in range(1, 5):
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page), str(pdf), "-"],
                             capture_output=True, text=True, encoding="utf-8", check=True).stdout
        texts.append(" ".join(out.split()))
    return pdf, texts


def _png(pdf: Path, page: int, label: str) -> None:
    """The page as a PNG under tests/output/imprint/ for people to look at."""
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    target = PNG_DIR / label
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", "-f", str(page), "-l", str(page), str(pdf), str(target)],
                   check=True)
    assert target.with_suffix(".png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_the_sample_imprint_names_the_three_level_scheme_and_the_default_foreword(tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm (poppler-utils) is missing: run scripts/install-system-packages.sh")
    pdf, (cover, imprint, foreword, contents) = _pages(_job(_project(tmp_path, {})), tmp_path, "sample")
    assert "Tài liệu lưu hành nội bộ" in cover
    assert "Biên soạn và phát hành: Ban Dân vận Tỉnh ủy Bắc Giang." in imprint
    assert "Xuất bản lần thứ 2, Bắc Giang, năm 2026." in imprint
    assert ("Số liệu về tỉnh Bắc Giang tính đến ngày 15/12/2024, theo mô hình chính quyền địa phương ba cấp "
            "(tỉnh – huyện – xã) áp dụng trước ngày 01/7/2025.") in imprint
    assert "Tài liệu lưu hành nội bộ." in imprint
    assert "LỜI NÓI ĐẦU" in foreword
    assert DEFAULT_OPENING in foreword
    assert "Bắc Giang" not in DEFAULT_FOREWORD  # the default names no province
    assert "BAN DÂN VẬN TỈNH ỦY BẮC GIANG" in foreword  # the board signs it
    assert "MỤC LỤC" in contents and "Lời nói đầu" in contents
    _png(pdf, 2, "sample-imprint")
    _png(pdf, 3, "sample-foreword")


@pytest.mark.slow
def test_the_imprint_and_front_matter_follow_the_configuration(tmp_path):
    foreword_md = ("Sổ tay này dành cho cán bộ **tỉnh Bắc Ninh** sau ngày sáp nhập.\n\n"
                   "Đoạn thứ hai <script>alert(1)</script> của lời nói đầu.\n")
    changes = {
        "province": {"name": "Bắc Ninh", "unit": "bac-giang", "board": "Ban Dân vận Tỉnh ủy Bắc Ninh"},
        "scheme": "hai-cap",
        "reference_date": "31/12/2025",
        "front_matter": {"foreword": foreword_md, "circulation": "Tài liệu dùng trong các lớp tập huấn"},
    }
    job = _job(_project(tmp_path, changes, place="Bắc Ninh", issuer="Ban Dân vận Tỉnh ủy Bắc Ninh"))
    assert "<script" not in job.html and "<strong>tỉnh Bắc Ninh</strong>" in job.html
    pdf, (cover, imprint, foreword, contents) = _pages(job, tmp_path, "changed")
    assert "Tài liệu dùng trong các lớp tập huấn" in cover and "lưu hành nội bộ" not in cover
    assert "Biên soạn và phát hành: Ban Dân vận Tỉnh ủy Bắc Ninh." in imprint
    assert ("Số liệu về tỉnh Bắc Ninh tính đến ngày 31/12/2025, theo mô hình chính quyền địa phương hai cấp "
            "(tỉnh – xã) áp dụng từ ngày 01/7/2025.") in imprint
    assert "Bắc Giang" not in imprint and "ba cấp" not in imprint and "15/12/2024" not in imprint
    assert "Tài liệu dùng trong các lớp tập huấn." in imprint
    assert "Sổ tay này dành cho cán bộ tỉnh Bắc Ninh sau ngày sáp nhập." in foreword
    assert "Đoạn thứ hai" in foreword and "alert(1)" in foreword  # raw HTML printed as text, never run
    assert DEFAULT_OPENING not in foreword
    assert "BAN DÂN VẬN TỈNH ỦY BẮC NINH" in foreword
    _png(pdf, 2, "changed-imprint")
    _png(pdf, 3, "changed-foreword")


def test_an_empty_foreword_and_circulation_print_nothing(tmp_path):
    job = _job(_project(tmp_path, {"front_matter": {"foreword": "", "circulation": ""}}))
    assert "Lời nói đầu" not in job.html and 'class="foreword' not in job.html
    assert "lưu hành" not in job.html and 'class="circulation' not in job.html


def test_a_scheme_without_imprint_wording_prints_its_name(tmp_path):
    schemes = [{"id": "rieng", "name": "Hệ riêng của tỉnh", "levels": [
        {"id": "tinh", "name": "Cấp tỉnh", "kinds": ["tinh"]}, {"id": "xa", "name": "Cấp xã", "kinds": ["xa"]}]}]
    job = _job(_project(tmp_path, {"scheme": "rieng", "schemes": schemes}))
    assert "theo hệ đơn vị hành chính “Hệ riêng của tỉnh”." in job.html


def test_module_publications_carry_the_same_imprint(tmp_path):
    report = Report()
    ds = load_project(ROOT, report)
    job = next(j for j in jobs_for(ds, "tai-lieu-hoc-vien"))
    assert "Số liệu về tỉnh Bắc Giang tính đến ngày 15/12/2024" in job.html
    assert "Tài liệu lưu hành nội bộ" in job.html
