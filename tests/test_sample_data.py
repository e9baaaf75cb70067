"""The sample data in the repository: passes the check with exactly the documented warnings,
and every data file points VS Code at its JSON Schema."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from generator.checks.check import check_project
from generator.produce.stats import compute_stats

ROOT = Path(__file__).resolve().parents[1]

DELIBERATE = Counter({
    ("TEAM-COVERAGE", "data/units/bac-giang.yml"): 1,
    ("TEAM-GROUP-SIZE", "data/teams/tan-yen-cao-xa/to-cao-xa-thon-luc-lieu.yml"): 1,
    ("TEAM-GROUP-HOUSEHOLDS", "data/teams/yen-the-dong-tam/to-dong-tam-thon-dong-vang.yml"): 1,
    ("TEAM-RATED", "data/teams/luc-ngan-nam-duong/to-nam-duong-thon-khuon-than.yml"): 1,
    ("BLOC-RULES", "data/blocs/khoi-cao-thuong.yml"): 1,
    ("BLOC-TRAINING", "data/blocs/khoi-tam-tien.yml"): 2,
    ("BLOC-DIALOGUE", "data/blocs/khoi-doan-bai.yml"): 1,
    ("PHOTO-APPROVAL", "data/models/mh-camera-an-ninh-thang.yml"): 1,
    ("ASSIGN-CONCENTRATION-COMMUNE", "data/assignments/pc-so-xay-dung.yml"): 1,
    ("ASSIGN-WEEKEND-DAY", "data/assignments/pc-so-tai-chinh.yml"): 1,
    ("ASSIGN-REPORT-LATE", "data/assignments/pc-so-y-te.yml"): 1,
})


@pytest.fixture(scope="module")
def checked():
    return check_project(ROOT)


def test_sample_reports_only_the_documented_warnings(checked):
    _, report = checked
    assert report.errors == []
    assert Counter((f.code, f.file) for f in report.findings) == DELIBERATE


def test_every_deliberate_warning_is_listed_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code, file in DELIBERATE:
        assert code in readme and file in readme, (code, file)


def test_sample_meets_the_minimum_sizes(checked):
    dataset, _ = checked
    stats = compute_stats(dataset)
    assert stats["units"]["by_level"]["xa"] >= 12
    assert stats["units"]["by_level"]["thon"] >= 60
    assert stats["teams"] >= 50
    assert stats["team_members"] >= 400
    assert stats["blocs"] >= 12
    assert stats["models"] >= 20
    assert stats["assignments"] >= 30
    assert all(at.obj.activities for at in dataset.assignments.values() if at.obj.exemption is None)


def test_sample_people_are_marked_fictional(checked):
    dataset, _ = checked
    assert dataset.people
    assert all(at.obj.sample for at in dataset.people.values())
    assert dataset.config.sample


def test_real_hai_duong_models_keep_their_figures(checked):
    dataset, _ = checked
    road = dataset.models["mh-duong-noi-dong-lai-xa"].obj
    rice = dataset.models["mh-chuyen-doi-lua-thanh-mien"].obj
    assert (road.results[0].value, road.results[0].unit) == (2.8, "km")
    assert (rice.results[0].value, rice.results[0].unit) == (200.47, "ha")
    for model in (road, rice):
        assert model.real and not model.sample
        assert model.sources[0].doc == "bai-to-dan-van-hai-duong-2017"


def test_every_document_cited_by_the_sources_is_registered(checked):
    dataset, _ = checked
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("source documents not beside the repository")
    numbers = {at.obj.number.replace(" ", "") for at in dataset.documents.values() if at.obj.number}
    cited = set()
    for seed in seeds.glob("*.txt"):
        text = seed.read_text(encoding="utf-8")
        for match in re.finditer(r"\b(\d{1,4}(?:-|/)(?:NQ|KL|QĐ|CT|HD|TB|CTr|KH|ĐA|QC|CV|HDLB)[A-Za-zĐ\-/]*)", text):
            cited.add(match.group(1).rstrip("/-"))
    missing = {n for n in cited if not any(n == m or m.startswith(n) or n.startswith(m) for m in numbers)}
    assert not missing, sorted(missing)


SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def test_every_data_file_names_its_schema():
    files = sorted((ROOT / "data").rglob("*.yml")) + sorted((ROOT / "content").glob("*.yml")) + sorted((ROOT / "content" / "modules").glob("*.yml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = SCHEMA_LINE.match(first)
        assert match, f"{path} does not begin with a yaml-language-server comment"
        assert (path.parent / match.group(1)).resolve().is_file(), f"{path}: {match.group(1)} does not exist"


def test_committed_schemas_are_current():
    from generator.schema.jsonschema import stale_schemas

    assert stale_schemas(ROOT / "schemas") == []
