"""The two-level sample (samples/hai-cap/data, Bắc Ninh after 1/7/2025) and the rules the source
documents wrote for districts: the sample regenerates byte for byte, assembles with the shared
content, checks with no finding and builds; the district rules do not fire under the two-level
scheme unless config.district_duties names a level, and then fire at that level; `handbook rules`
says which rules are off or moved; the three-level sample keeps its 12 warnings and its district rule."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.checks.check import check_project
from generator.cli.main import main as cli
from generator.core.findings import Severity
from generator.synth.sample_hai_cap import write_sample_hai_cap
from projects import ROOT, copy_sample

SAMPLE = ROOT / "samples" / "hai-cap" / "data"
DISTRICT_RULES = ("ASSIGN-CONCENTRATION-DISTRICT", "BLOC-PILOT")


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _assemble(tmp_path: Path) -> Path:
    return _tool("assemble_sample_hai_cap").assemble(tmp_path / "project")


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _save(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _codes(root: Path, severity: Severity | None = None) -> Counter:
    _, report = check_project(root)
    return Counter(f.code for f in report.findings if severity is None or f.severity is severity)


def _concentrate(root: Path, commune: str) -> int:
    """Every provincial agency also takes `commune`; no bloc is a pilot. Gives the number of agencies."""
    n = 0
    for path in sorted((root / "data" / "assignments").glob("*.yml")):
        data = _load(path)
        if data["agency"]["level"] == "tinh" and data.get("exemption") is None:
            data["communes"] = list(dict.fromkeys([commune, *data.get("communes", [])]))
            _save(path, data)
            n += 1
    for path in (root / "data" / "blocs").glob("*.yml"):
        data = _load(path)
        data["pilot"] = False
        _save(path, data)
    return n


def _set_duties(root: Path, **duties: str) -> None:
    config_path = root / "data" / "config.yml"
    config = _load(config_path)
    config["district_duties"] = duties
    _save(config_path, config)


# --------------------------------------------------------------------------- the sample itself

def test_regenerating_gives_the_sample_byte_for_byte(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(SAMPLE, copy)
    (copy / "teams" / "bn-luc-ha" / "to-left-over.yml").write_text("id: x\n", encoding="utf-8")
    assert write_sample_hai_cap(copy) == 40
    files = lambda root: {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}  # noqa: E731
    expected, got = files(SAMPLE), files(copy)
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []


def test_the_sample_is_a_province_after_the_reform():
    config = _load(SAMPLE / "config.yml")
    assert config["scheme"] == "hai-cap" and config["sample"] is True
    assert config["reference_date"].endswith("/2026")
    assert config["province"]["board"] == "Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Ninh"
    assert config["report"]["issuer"] == "BAN TUYÊN GIÁO VÀ DÂN VẬN"
    assert not [r for r in config["report"]["recipients"] if "huyện" in r.lower()]
    units = {u["id"]: u for u in _load(SAMPLE / "units" / "bac-ninh.yml")["units"]}
    communes = [u for u in units.values() if u["kind"] in ("xa", "phuong") and "became" not in u]
    villages = [u for u in units.values() if u["kind"] in ("thon", "to_dan_pho", "ban")]
    assert len(communes) == 5 and 15 <= len(villages) <= 25
    for commune in communes:  # every new commune names the units it was formed from, with the last day
        assert commune["sample"] is True and len(commune["former_names"]) >= 2
        assert {f["until"] for f in commune["former_names"]} == {"30/6/2025"}
    old = [u for u in units.values() if "became" in u]
    assert units["bac-giang"]["became"]["unit"] == "bac-ninh"
    assert len(old) >= 3 and all(u["became"]["unit"] in units and u["became"]["date"] == "01/7/2025" for u in old)
    assert len(list((SAMPLE / "teams").rglob("*.yml"))) == len(villages)
    assert len(list((SAMPLE / "blocs").glob("*.yml"))) == 5
    assert list((SAMPLE / "models").glob("*.yml")) and list((SAMPLE / "assignments").glob("*.yml"))
    header = (SAMPLE / "config.yml").read_text(encoding="utf-8").splitlines()[1]
    assert header.startswith("# Dữ liệu mẫu:") and "hư cấu" in header


def test_the_sample_checks_with_no_finding(tmp_path):
    root = _assemble(tmp_path)
    dataset, report = check_project(root)
    assert [(f.code, f.file, f.message) for f in report.findings] == []
    assert dataset.config.active_scheme.id == "hai-cap"
    assert len(dataset.teams) == 22 and len(dataset.blocs) == 5


def test_the_periodic_report_lists_the_new_communes_only(tmp_path):
    from generator.produce.reports import compute

    dataset, report = check_project(_assemble(tmp_path))
    data = compute(dataset, report, "nam", 2026)
    assert [r.unit for r in data.communes] == ["Phường Hòa Giang", "Xã Lục Hà", "Xã Tân Phong", "Phường Thuận Lâm", "Xã Yên Sơn"]
    assert data.commune_kinds == "xã, phường, đặc khu" and data.total.teams == 22


def test_the_excel_summary_names_the_commune_level_of_the_scheme(tmp_path):
    """No "thị trấn" in a 2026 export: the columns say what the two-level scheme has."""
    import io

    from openpyxl import load_workbook

    from generator.produce.exports.rosters import roster_workbook

    dataset, _ = check_project(_assemble(tmp_path))
    ws = load_workbook(io.BytesIO(roster_workbook(dataset)))["Tổng hợp"]
    assert [c.value for c in ws[1]][:2] == ["Huyện (không còn từ 01/7/2025)", "Xã, phường, đặc khu"]
    rows = list(ws.iter_rows(values_only=True))
    total = next(row for row in rows if row[0] == "Tổng cộng")
    assert total[1] == "5 xã, phường, đặc khu"  # the communes of today: the former ones are history
    assert not any(row[2] and str(row[2]).startswith("cu-") for row in rows)


# --------------------------------------------------------------------------- district rules

def test_district_rules_do_not_fire_under_the_two_level_scheme_by_default(tmp_path):
    root = _assemble(tmp_path)
    assert _concentrate(root, "bn-tan-phong") >= 4
    codes = _codes(root)
    assert codes["ASSIGN-CONCENTRATION-COMMUNE"] == 1  # the commune rule still speaks
    assert [c for c in DISTRICT_RULES if codes[c]] == []
    _set_duties(root, assignment_spread="khong", pilot_bloc="khong")
    assert [c for c in DISTRICT_RULES if _codes(root)[c]] == []


def test_district_rules_fire_at_the_level_the_configuration_names(tmp_path):
    root = _assemble(tmp_path)
    agencies = _concentrate(root, "bn-tan-phong")
    _set_duties(root, assignment_spread="xa", pilot_bloc="tinh")
    _, report = check_project(root)
    spread = [f for f in report.findings if f.code == "ASSIGN-CONCENTRATION-DISTRICT"]
    assert [(f.file, f.message.split(" (")[0]) for f in spread] == [("data/units/bac-ninh.yml", f"{agencies}/{agencies} đơn vị cấp tỉnh")]
    assert "phụ trách xã Tân Phong;" in spread[0].message and "huyện" not in spread[0].message + spread[0].hint
    pilot = [f for f in report.findings if f.code == "BLOC-PILOT"]
    assert [(f.file, f.message) for f in pilot] == [
        ("data/units/bac-ninh.yml", "Tỉnh Bắc Ninh chưa có Khối nào được chọn làm điểm (pilot: true).")]
    assert "tỉnh chọn" in pilot[0].hint
    # one pilot bloc anywhere in the province satisfies the province-level duty
    bloc = root / "data" / "blocs" / "khoi-bn-luc-ha.yml"
    data = _load(bloc)
    data["pilot"] = True
    _save(bloc, data)
    assert _codes(root)["BLOC-PILOT"] == 0


def test_a_level_the_scheme_lacks_is_refused_in_vietnamese(tmp_path):
    root = _assemble(tmp_path)
    _set_duties(root, assignment_spread="huyen")
    _, report = check_project(root)
    errors = [f for f in report.findings if f.severity is Severity.ERROR]
    assert errors and errors[0].file == "data/config.yml"
    assert "cấp “huyen” không dùng được với hệ “hai-cap”" in errors[0].message


def test_rules_command_says_which_rules_are_off_or_moved(tmp_path):
    root = _assemble(tmp_path)
    out = CliRunner().invoke(cli, ["rules", "--root", str(root)]).output
    assert "Hệ đơn vị hành chính của dự án: Hai cấp (từ 01/7/2025): tỉnh – xã." in out
    for code in DISTRICT_RULES:
        block = out.split(code, 1)[1].split("\n\n")[0].split("\n")[:3]
        assert any("Theo cấu hình: Không chạy với hệ “Hai cấp" in line for line in block), (code, block)
    _set_duties(root, assignment_spread="xa", pilot_bloc="tinh")
    notes = {r["code"]: r["scheme_note"] for r in json.loads(
        CliRunner().invoke(cli, ["rules", "--root", str(root), "--format", "json"]).output)}
    assert notes["ASSIGN-CONCENTRATION-DISTRICT"] == "Chạy ở cấp xã thay cho cấp huyện, theo district_duties.assignment_spread = “xa”."
    assert notes["BLOC-PILOT"] == "Chạy ở cấp tỉnh thay cho cấp huyện, theo district_duties.pilot_bloc = “tinh”."
    assert "deadlines" in notes["TEAM-RATED"] and notes["BLOC-SIZE"] is None
    # the three-level sample: nothing is off or moved
    plain = json.loads(CliRunner().invoke(cli, ["rules", "--root", str(ROOT), "--format", "json"]).output)
    assert [r["code"] for r in plain if r["scheme_note"]] == []


def test_the_three_level_sample_keeps_its_warnings_and_its_district_rule(tmp_path):
    assert _codes(ROOT, Severity.WARNING) == Counter({
        "TEAM-COVERAGE": 1, "TEAM-GROUP-SIZE": 1, "TEAM-GROUP-HOUSEHOLDS": 1, "TEAM-RATED": 1, "BLOC-RULES": 1,
        "BLOC-TRAINING": 2, "BLOC-DIALOGUE": 1, "PHOTO-APPROVAL": 1, "ASSIGN-CONCENTRATION-COMMUNE": 1,
        "ASSIGN-WEEKEND-DAY": 1, "ASSIGN-REPORT-LATE": 1})
    root = copy_sample(tmp_path)
    _concentrate(root, "bg-tan-yen-cao-xa")
    _, report = check_project(root)
    spread = [f for f in report.findings if f.code == "ASSIGN-CONCENTRATION-DISTRICT"]
    assert [f.message.split("phụ trách ")[1].split(";")[0] for f in spread] == ["xã thuộc huyện Tân Yên"]
    assert "huyện khác" in spread[0].hint
    assert {f.message for f in report.findings if f.code == "BLOC-PILOT"} >= {
        "Huyện Tân Yên chưa có Khối nào được chọn làm điểm (pilot: true)."}


# --------------------------------------------------------------------------- the build

@pytest.mark.slow
def test_the_sample_builds_its_site_and_pdfs(tmp_path):
    root = _assemble(tmp_path)
    site = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "generator.cli.main", "build", "--root", str(root), "--out", str(site)],
                         capture_output=True, text=True, cwd=root)
    assert run.returncode == 0, run.stdout + run.stderr
    pages = "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "Hòa Giang" in pages and "Nay là" in pages and "Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Ninh" in pages
    pdfs = sorted(p.name for p in (site / "downloads").rglob("*.pdf"))
    assert pdfs
    handbook = next(p for p in (site / "downloads").rglob("*.pdf") if p.name.startswith("so-tay-hoi-dap"))
    text = subprocess.run(["pdftotext", "-l", "4", str(handbook), "-"], capture_output=True, text=True, check=True).stdout
    assert "Bắc Ninh" in text and "hai cấp" in text


def test_a_former_communes_page_says_where_it_went_and_nothing_empty(tmp_path):
    """An old commune kept as history (`became`) gets a page with its successor, not empty
    team, bloc and agency sections; a commune of today keeps them."""
    from generator.produce.site.pages import produce_pages

    dataset, report = check_project(_assemble(tmp_path))
    pages = {p.path: p for p in produce_pages(dataset, report).pages}
    former = [uid for uid, at in dataset.units.items() if at.obj.became and at.obj.kind in ("xa", "phuong")]
    assert former
    for uid in former:
        body = pages[f"don-vi/{uid}.md"].body
        assert "Nay là" in body, uid
        assert "Khối Dân vận" not in body and "Tổ Dân vận cộng đồng</h2>" not in body, uid
    today = next(uid for uid, at in dataset.units.items() if at.obj.kind in ("xa", "phuong") and not at.obj.became)
    assert "Khối Dân vận" in pages[f"don-vi/{today}.md"].body
