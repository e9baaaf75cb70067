"""The paperwork filled from data: a team's founding decision names its commune's Party
committee, its village and each member (in the neutral document, the Word file and the PDF,
rendered to tests/output/print/founding-decision.png); the internal build lists every paper on
its downloads page; the public build holds none of it, in any file or in the zip."""

from __future__ import annotations

import gzip
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from docx_checks import assert_layout, closing_block, header_block, open_docx
from generator.build.pipeline import build
from generator.checks.check import check_project
from generator.produce.docx.to_html import print_job
from generator.produce.docx.writer import docx_bytes
from generator.produce.paperwork.agencies import period_due
from generator.produce.paperwork.bundles import KINDS, paperwork_bundles
from generator.produce.printing.render import render_pdf_bytes
from projects import buildable_base

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "tests" / "output" / "print"
TITLE = "về việc thành lập Tổ Dân vận cộng đồng"


def _decision_text(bundle) -> str:
    doc = bundle.docs[0]
    parts = [doc.header.superior, doc.header.issuer, doc.header.number or "", doc.header.place_date, doc.kind, doc.subtitle]
    for block in doc.body:
        parts += [getattr(block, "text", "")] + [" ".join(row) for row in getattr(block, "rows", [])]
    return _plain("\n".join(parts))


def _plain(text: str) -> str:
    """The text as a reader reads it: the header lines keep their words whole with no-break
    spaces (tests/test_print_layout.py), which read as spaces."""
    return text.replace("\u00a0", " ")


def test_a_founding_decision_names_the_committee_the_village_and_every_member(base_project):
    ds, _ = check_project(base_project)
    bundles = paperwork_bundles(ds)
    assert {b.kind for b in bundles} == set(KINDS)
    team = ds.teams["to-thon-1"].obj
    decisions = next(b for b in bundles if b.kind == "quyet-dinh-to" and b.name.endswith(ds.units[team.village].obj.parent))
    village = ds.units[team.village].obj.name
    decision = next(d for d in decisions.docs if d.subtitle.endswith(f"thôn {village}"))
    text = _decision_text(type(decisions)(decisions.name, decisions.title, decisions.kind, [decision]))
    assert "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ A" in text and _plain(decision.header.issuer) == "ĐẢNG ỦY XÃ A"
    assert decision.header.number == f"Số: {team.founding_decision.number}"
    assert "ngày 15 tháng 02 năm 2023" in decision.header.place_date
    assert f"{TITLE} thôn {village}" == decision.subtitle
    for m in team.members:
        assert m.full_name in text
    word = open_docx(docx_bytes(decisions))
    assert_layout(word)
    all_text = "\n".join(p.text for p in word.paragraphs) + "\n".join(c.text for t in word.tables for r in t.rows for c in r.cells)
    for m in team.members:
        assert m.full_name in all_text
    assert "ĐẢNG ỦY XÃ A" in _plain(header_block(word))
    assert "BÍ THƯ" in closing_block(word, 0)


def test_the_minutes_form_prints_the_members_and_groups(base_project):
    ds, _ = check_project(base_project)
    team = ds.teams["to-thon-1"].obj
    minutes = next(b for b in paperwork_bundles(ds) if b.kind == "bien-ban-hop-to")
    doc = next(d for d in minutes.docs if _plain(d.header.issuer).endswith(ds.units[team.village].obj.name.upper()))
    assert _plain(doc.header.superior).startswith("ĐẢNG ỦY ") and doc.kind == "BIÊN BẢN"
    rows = [row for block in doc.body for row in getattr(block, "rows", [])]
    names = {row[1] for row in rows}
    assert {m.full_name for m in team.members} <= names
    assert {g.name for g in team.groups} <= {row[0] for row in rows}


def test_the_bloc_list_names_every_member_with_role_and_duties(base_project):
    from generator.schema.roles import LABELS

    ds, _ = check_project(base_project)
    lists = [b for b in paperwork_bundles(ds) if b.kind == "danh-sach-khoi"]
    assert lists and sum(len(b.docs) for b in lists) == len(ds.blocs)
    docs = [d for b in lists for d in b.docs]
    for at in ds.blocs.values():
        bloc = at.obj
        doc = next(d for d in docs if _plain(d.header.issuer).endswith(ds.units[bloc.commune].obj.name.upper()))
        rows = [row for block in doc.body for row in getattr(block, "rows", [])]
        by_name = {row[1]: row for row in rows}
        assert set(by_name) == {m.full_name for m in bloc.members}
        for m in bloc.members:
            row = by_name[m.full_name]
            assert row[3] == LABELS[m.bloc_role.value]
            assert row[4] == (m.duties or "Chưa phân công")
        head = next(m for m in bloc.members if m.bloc_role.value == "truong_khoi")
        assert doc.signature.name == head.full_name  # the head of the bloc signs it


def test_the_agency_plan_has_a_weekend_day_in_every_month_and_the_days_already_worked(base_project):
    import datetime as dt

    ds, _ = check_project(base_project)
    plans = [d for b in paperwork_bundles(ds) if b.kind == "ke-hoach-phan-cong" for d in b.docs]
    assert len(plans) == len(ds.assignments)
    year = ds.config.reference_date.year
    for at in ds.assignments.values():
        a = at.obj
        doc = next(d for d in plans if _plain(a.agency.party_org.upper()) in _plain(d.header.issuer))
        rows = [row for block in doc.body for row in getattr(block, "rows", [])]
        assert [row[0] for row in rows] == [f"{m:02d}/{year}" for m in range(1, 13)]
        for row in rows:
            day = dt.datetime.strptime(row[1], "%d/%m/%Y").date()
            worked = [x for x in a.activities if x.date == day]
            assert worked or day.weekday() == 5, row  # a day already worked, or a Saturday to agree on
        for act in a.activities:
            if act.date.year == year and act.date == min(x.date for x in a.activities
                                                         if (x.date.year, x.date.month) == (year, act.date.month)):
                assert any(row[1] == act.date.strftime("%d/%m/%Y") and row[4] == str(act.participants) for row in rows)


def test_handbook_pdf_lists_the_paperwork(base_project):
    result = subprocess.run([sys.executable, "-m", "generator", "pdf", "--root", str(base_project)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    listed = result.stdout.split("Giấy tờ nội bộ", 1)
    assert len(listed) == 2, result.stdout
    ds, _ = check_project(base_project)
    names = {b.name for b in paperwork_bundles(ds)}
    assert names and all(name in listed[1] for name in names)


def test_the_report_form_is_for_the_period_now_due(base_project):
    ds, _ = check_project(base_project)  # reference date 15/12/2024: the yearly report is due that day
    kind, start, end, label = period_due(ds)
    assert (kind, str(start), str(end), label) == ("nam", "2024-01-01", "2024-12-15", "năm 2024")


@pytest.mark.slow
def test_the_founding_decision_pdf_names_the_committee_village_and_members(tmp_path):
    ds, _ = check_project(ROOT)
    decisions = next(b for b in paperwork_bundles(ds) if b.kind == "quyet-dinh-to")
    pdf = tmp_path / "qd.pdf"
    job = print_job(decisions)
    pdf.write_bytes(render_pdf_bytes(job.html, job.css))
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split("\f")
    text = _plain("\n".join(pages))
    flat = re.sub(r"\s+", " ", text)
    first = decisions.docs[0]
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in pages[0] and _plain(first.header.issuer) in flat and first.header.number in flat
    for doc in decisions.docs:
        assert re.sub(r"\s+", " ", doc.subtitle) in flat
    teams = [at.obj for at in ds.teams.values() if at.obj.founding_decision.issuer.upper() == _plain(first.header.issuer)]
    assert len(teams) == len(decisions.docs)
    for team in teams:
        for m in team.members:
            assert m.full_name in flat
    assert not pages[0].strip().splitlines()[0].strip().isdigit()  # no number on a decision's first page
    OUTPUT.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(OUTPUT / "founding-decision")],
                   check=True)
    assert (OUTPUT / "founding-decision.png").stat().st_size > 10_000


def _texts(path: Path, data: bytes):
    suffix = path.suffix.lower()
    if suffix in (".zip", ".docx", ".xlsx"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name in archive.namelist():
                yield from _texts(Path(name), archive.read(name))
    elif suffix == ".pdf":
        yield subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    elif suffix == ".gz":
        yield from _texts(path.with_suffix(""), gzip.decompress(data))
    elif suffix not in (".png", ".jpg", ".jpeg", ".woff", ".woff2", ".ttf", ".ico", ".webp", ".gif"):
        yield data.decode("utf-8", errors="replace")


@pytest.mark.slow
def test_paperwork_is_in_the_internal_build_only(tmp_path):
    base_project = buildable_base(tmp_path / "project")
    ds, _ = check_project(base_project)
    team = ds.teams["to-thon-1"].obj
    private = next(m for m in team.members if not m.consent_to_publish)
    internal = build(base_project, profile="internal", out=tmp_path / "noi-bo").site_dir
    papers = sorted(p.name for p in (internal / "downloads" / "giay-to").iterdir())
    bundles = paperwork_bundles(ds)
    assert papers == sorted([f"{b.name}.docx" for b in bundles] + [f"{b.name}.pdf" for b in bundles])
    page = (internal / "tai-ve.html").read_text(encoding="utf-8") if (internal / "tai-ve.html").exists() else \
        (internal / "tai-ve" / "index.html").read_text(encoding="utf-8")
    for b in bundles:
        assert f"giay-to/{b.name}.pdf" in page and f"giay-to/{b.name}.docx" in page
    assert KINDS["quyet-dinh-to"] in page
    public = build(base_project, profile="public", out=tmp_path / "public").site_dir
    assert not (public / "downloads" / "giay-to").exists()
    assert any(public.rglob("*.zip")), "the offline zip is searched too"
    for path in sorted(p for p in public.rglob("*") if p.is_file()):
        for text in _texts(path, path.read_bytes()):
            flat = re.sub(r"\s+", " ", text)
            assert private.full_name not in flat, path
            assert TITLE not in flat, path
            assert "giay-to/" not in flat, path
