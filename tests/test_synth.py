"""The synthetic-data generator (generator/synth/) at its small scales: the project it
writes passes the check with no finding at all, is byte-identical for a seed whatever the
number of worker processes, differs for another seed, and its counts match the files.
The province and nation scales are not run here (see the benchmark harness)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from generator.checks.check import check_project
from generator.produce.stats import compute_stats
from generator.schema.bloc import Training
from generator.schema.team import Team
from generator.synth.model_dicts import record
from generator.synth.run import REAL_MODELS, SCALES, SynthError, dump_yaml, synthesize

ROOT = Path(__file__).resolve().parents[1]
SMALL = ["tiny", "tiny-hai-cap"]


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@pytest.fixture(scope="module", params=SMALL)
def generated(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param) / "project"
    counts = synthesize(out, request.param, 7, ROOT, workers=1)
    dataset, report = check_project(out)
    return request.param, out, counts, dataset, report


def test_generated_project_passes_the_check_without_any_finding(generated):
    _, _, _, _, report = generated
    findings = report.findings  # content copied from the sample
    assert [f for f in findings if f.severity.value == "error"] == []
    assert findings == []  # no warning, no info either (BLOC-PILOT is satisfied)


def test_counts_match_the_files(generated):
    scale, out, counts, dataset, _ = generated
    stats = compute_stats(dataset)
    spec = SCALES[scale]
    levels = stats["units"]["by_level"]
    assert counts["communes"] == levels["xa"] == spec.communes
    assert counts["villages"] == levels["thon"] == spec.villages
    assert counts["provinces"] == levels["tinh"]
    assert counts["districts"] == levels.get("huyen", 0)
    assert counts["teams"] == stats["teams"] == spec.teams
    assert counts["villages_without_team"] == spec.villages - spec.teams
    assert counts["team_members"] == stats["team_members"]
    assert counts["groups"] == stats["groups"]
    assert counts["households"] == stats["households"]
    assert counts["blocs"] == stats["blocs"] == spec.communes
    assert counts["bloc_members"] == stats["bloc_members"]
    assert counts["people"] == stats["people"]
    assert counts["models"] == stats["models"] == spec.models
    assert counts["assignments"] == stats["assignments"] == spec.assignments
    assert counts["assignment_activities"] == stats["assignment_activities"]
    assert counts["reports"] == sum(len(at.obj.reports) for at in dataset.assignments.values())
    # build/ is what the tools write (the check's cache of files read), not the project
    assert counts["files"] == sum(1 for p in out.rglob("*") if p.is_file() and p.relative_to(out).parts[0] != "build")
    data = out / "data"
    assert counts["teams"] == len(list((data / "teams").rglob("*.yml")))
    assert counts["blocs"] == len(list((data / "blocs").glob("*.yml")))
    assert counts["models"] == len(list((data / "models").glob("*.yml")))
    assert counts["assignments"] == len(list((data / "assignments").glob("*.yml")))
    assert len(list((data / "units").glob("*.yml"))) == counts["provinces"]


def test_team_sizes_groups_and_sample_flags(generated):
    _, _, _, dataset, _ = generated
    for at in dataset.teams.values():
        team = at.obj
        assert 7 <= len(team.members) <= 10
        grouped = [pid for g in team.groups for pid in g.members]
        assert sorted(grouped) == sorted(m.id for m in team.members)  # everyone in exactly one group
        assert team.sample and all(m.sample for m in team.members)
    assert all(at.obj.sample for at in dataset.blocs.values())
    assert all(at.obj.sample for at in dataset.assignments.values())
    assert all(at.obj.sample != at.obj.real for at in dataset.models.values())
    assert sorted(mid for mid, at in dataset.models.items() if at.obj.real) == sorted(REAL_MODELS)
    assert dataset.config.sample


def test_repository_parts_are_copied_unchanged(generated):
    _, out, _, _, _ = generated
    for rel in ["mkdocs.yml", "data/documents.yml", "data/publications.yml", "data/photos/anh-mau.svg",
                "content/topics.yml", *(f"data/models/{m}.yml" for m in REAL_MODELS)]:
        assert (out / rel).read_bytes() == (ROOT / rel).read_bytes(), rel
    assert tree_hash(out / "content") == tree_hash(ROOT / "content")
    assert tree_hash(out / "theme") == tree_hash(ROOT / "theme")


def test_every_generated_file_points_at_its_schema(generated):
    _, out, _, _, _ = generated
    for path in (out / "data").rglob("*.yml"):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.is_file(), (path, schema)


def test_same_seed_gives_identical_bytes_whatever_the_workers(tmp_path):
    first = tmp_path / "a"
    second = tmp_path / "b"
    synthesize(first, "tiny", 3, ROOT, workers=1)
    synthesize(second, "tiny", 3, ROOT, workers=2)
    assert tree_hash(first) == tree_hash(second)
    # a rerun into an earlier output replaces it with the same bytes
    synthesize(first, "tiny", 3, ROOT, workers=1)
    assert tree_hash(first) == tree_hash(second)


def test_another_seed_differs(tmp_path):
    synthesize(tmp_path / "a", "tiny", 3, ROOT, workers=1)
    synthesize(tmp_path / "b", "tiny", 4, ROOT, workers=1)
    assert tree_hash(tmp_path / "a" / "data") != tree_hash(tmp_path / "b" / "data")


def test_refuses_a_directory_it_did_not_write(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SynthError):
        synthesize(tmp_path, "tiny", 1, ROOT)
    with pytest.raises(SynthError):
        synthesize(tmp_path / "x", "galaxy", 1, ROOT)
    with pytest.raises(SynthError):
        synthesize(ROOT, "tiny", 1, ROOT)


def test_emitter_round_trips_awkward_strings():
    data = {
        "plain": "Nguyễn Văn An", "colon": "Phụ trách: chung", "hash": "số #1", "tail": "kết thúc:",
        "space": " đầu", "keyword": "yes", "nothing": "null", "digits": "0912345678", "date": "05/06/2024",
        "decision": "125-QĐ/ĐU", "quote": "“Dân vận khéo”", "dq": 'có "ngoặc"', "backslash": "a\\b",
        "story": "Đoạn một.\n\nĐoạn hai: có dấu hai chấm.\n", "nolf": "dòng 1\ndòng 2", "tab": "a\tb",
        "indent": "  thụt lề\nrồi", "empty": "", "dash": "- gạch", "star": "*sao", "bang": "!thẻ",
        "number": 12, "float": 2.8, "truth": True, "falsity": False, "list": ["a", "b: c", 3],
        "nested": [{"k": "v", "inner": {"x": [1, 2]}, "story": "một\nhai\n"}], "none": [],
    }
    assert yaml.safe_load(dump_yaml(data)) == data  # keys are schema field names, written as they are


def test_records_take_the_models_field_order_and_leave_out_none():
    built = record(Team, sample=True, members=[], id="to-x", village="x-thon-a", activities=None)
    assert list(built) == ["id", "village", "members", "sample"]
    assert record(Training, trained=True, date="02/03/2024", course=None) == {"trained": True, "date": "02/03/2024"}


def test_a_record_with_a_field_the_model_lacks_fails_where_it_is_built():
    with pytest.raises(TypeError, match="Team has no field zalo"):
        record(Team, id="to-x", zalo=True)
