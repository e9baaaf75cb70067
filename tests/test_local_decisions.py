"""A province records what it decided where an answer leaves the choice to it (config
`local_decisions`, issue #15 Build 1 and the domain brief: "let a province record its choice"):
the decision prints under its answer on the site and in the handbook, escaped, with its basis;
a decision on an answer that does not exist is a located Vietnamese error."""

from __future__ import annotations

import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.build.pipeline import build
from generator.checks.check import check_project
from generator.produce.printing.documents import jobs_for
from generator.produce.printing.render import render_pdf_bytes
from projects import buildable_base

DECISION = "Ban Tuyên giáo và Dân vận Tỉnh ủy tổng hợp báo cáo của các đảng ủy xã <script>alert(1)</script>."
BASIS = "Hướng dẫn số 05-HD/BTGDVTU ngày 10/9/2025 (mẫu)"


def _decide(root: Path, answer: str, basis: str | None = BASIS) -> None:
    path = root / "data" / "config.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config["local_decisions"] = [{"answer": answer, "decision": DECISION, **({"basis": basis} if basis else {})}]
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")


class _Local(HTMLParser):
    """The text of the dv-local block inside the section of one answer, and any script in it."""

    def __init__(self, answer: str) -> None:
        super().__init__()
        self.answer, self.in_answer, self.depth, self.text, self.scripts = answer, False, 0, [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("id") == self.answer:
            self.in_answer = True
        if self.in_answer and tag == "div" and "dv-local" in (attrs.get("class") or "").split():
            self.depth = 1
        elif self.depth and tag == "div":
            self.depth += 1
        if self.depth and tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag):
        if self.depth and tag == "div":
            self.depth -= 1
        if tag == "section":
            self.in_answer = False

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def test_a_decision_prints_under_its_answer_on_the_site_escaped(tmp_path):
    project = buildable_base(tmp_path / "p")
    _decide(project, "cau-mau")
    _, report = check_project(project)
    assert report.valid(), [(f.code, f.message) for f in report.findings]
    site = build(project, out=tmp_path / "site", pdf=False).site_dir
    page = next(p for p in site.rglob("*.html") if 'id="cau-mau"' in p.read_text(encoding="utf-8"))
    parser = _Local("cau-mau")
    parser.feed(page.read_text(encoding="utf-8"))
    text = " ".join("".join(parser.text).split())
    assert text.startswith("Ở tỉnh Tỉnh Mẫu: Ban Tuyên giáo và Dân vận Tỉnh ủy tổng hợp")
    assert "<script>alert(1)</script>" in text and parser.scripts == 0  # shown as text, never run
    assert f"(Căn cứ: {BASIS})" in text


def test_without_a_decision_nothing_is_added(tmp_path):
    project = buildable_base(tmp_path / "p")
    site = build(project, out=tmp_path / "site", pdf=False).site_dir
    assert not any('class="dv-local"' in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_a_decision_on_an_unknown_answer_is_a_located_error(tmp_path):
    project = buildable_base(tmp_path / "p")
    _decide(project, "cau-mauu")
    _, report = check_project(project)
    (finding,) = [f for f in report.findings if f.code == "REF-UNKNOWN-QA"]
    assert finding.file == "data/config.yml" and finding.path == "local_decisions[1].answer" and finding.line
    assert "cau-mauu" in finding.message and "cau-mau" in finding.message  # the nearest id is offered


@pytest.mark.slow
def test_a_decision_prints_under_its_answer_in_the_handbook(tmp_path):
    project = buildable_base(tmp_path / "p")
    (project / "data" / "publications.yml").write_text(
        "publications:\n  - id: so-tay-mau\n    kind: handbook\n    title: Sổ tay mẫu\n    paper: A5\n"
        "    issuer: Ban Dân vận Tỉnh ủy Tỉnh Mẫu\n    place: Tỉnh Mẫu\n    year: 2026\n    edition: 1\n", encoding="utf-8")
    _decide(project, "cau-mau", basis=None)
    ds, report = check_project(project)
    assert report.valid(), [(f.code, f.message) for f in report.findings]
    (job,) = [j for j in jobs_for(ds) if j.publication == "so-tay-mau"]
    pdf = tmp_path / "so-tay-mau.pdf"
    pdf.write_bytes(render_pdf_bytes(job.html, job.css))
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    answer = text.index("Mỗi nhóm có từ 3 đến 5 người.")
    decision = text.index("Ở tỉnh Tỉnh Mẫu: Ban Tuyên giáo và Dân vận Tỉnh ủy tổng hợp báo cáo")
    assert answer < decision  # under its answer
    assert "<script>alert(1)</script>" in text and "Căn cứ: Hướng dẫn số 05" not in text
