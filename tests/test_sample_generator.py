"""The sample generator (tools/make_sample_data.py → generator/synth/sample.py): run into a copy
of data/, it writes the repository's data/ byte for byte and removes what an earlier run left;
its skeleton is the synthetic generator's, at the sample's scale; a note whose line is gone
fails where the file is written."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from generator.synth.datafiles import Writer, annotate
from generator.synth.sample import write_sample
from generator.synth.sample_places import SAMPLE_SCALE, build_skeleton

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_regenerating_gives_the_repository_data_byte_for_byte(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    (copy / "models" / "mh-left-over.yml").write_text("id: mh-left-over\n", encoding="utf-8")
    shutil.rmtree(copy / "teams" / "tan-yen-cao-xa")
    assert write_sample(copy) == 135
    expected, got = files(DATA), files(copy)
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []


def test_the_tool_writes_where_it_is_told(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("make_sample_data", ROOT / "tools" / "make_sample_data.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    out = tmp_path / "data"
    tool.main(["--out", str(out)])
    assert capsys.readouterr().out == f"wrote 135 files under {out}/\n"
    assert (out / "teams" / "tan-yen-cao-xa" / "to-cao-xa-thon-luc-lieu.yml").read_bytes() == \
        (DATA / "teams" / "tan-yen-cao-xa" / "to-cao-xa-thon-luc-lieu.yml").read_bytes()


def test_the_skeleton_is_the_sample_scale():
    sk = build_skeleton()
    villages = list(sk.villages)
    assert (len(sk.provinces), len(sk.provinces[0].districts)) == (SAMPLE_SCALE.provinces, SAMPLE_SCALE.districts)
    assert (len(sk.communes), len(villages)) == (SAMPLE_SCALE.communes, SAMPLE_SCALE.villages)
    assert sum(v.has_team for v in villages) == SAMPLE_SCALE.teams
    assert [v.id for v in villages if not v.has_team] == ["bg-luc-ngan-tan-son-thon-rung-sau"]


def test_notes_go_above_their_line_and_a_lost_anchor_fails(tmp_path):
    body = "id: x\nratings:\n  - year: 2023\n"
    assert annotate(body, [("- year", "why")], "f.yml") == "id: x\nratings:\n  # why\n  - year: 2023\n"
    writer = Writer(tmp_path, "# header")
    writer.write("data/f.yml", "team", {"id": "x"}, notes=(("id: x", "note"),))
    assert (tmp_path / "data" / "f.yml").read_text(encoding="utf-8") == \
        "# yaml-language-server: $schema=../schemas/team.schema.json\n# header\n# note\nid: x\n"
    with pytest.raises(RuntimeError, match="ratings"):
        annotate(body.replace("ratings", "meetings"), [("ratings:", "why")], "f.yml")
