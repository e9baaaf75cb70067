"""Whatever bytes an editor saves, the check returns a report and never raises."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check import check_project
from generator.findings import Report
from generator.yamlload import load_yaml_bytes, load_yaml_text

BASE = Path(__file__).resolve().parent / "fixtures" / "base"
TEAM = (BASE / "data" / "teams" / "xa-a" / "to-thon-1.yml").read_text(encoding="utf-8")

yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30), st.sampled_from(["03/6/2013", "31/02/2024", "no", "0123", "~", "Đảng ủy", "ChÊp"]),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(raw):
    loaded = load_yaml_bytes(raw, "random.yml")
    assert loaded.ok or loaded.findings


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_random_text_never_raises(text):
    loaded = load_yaml_text(text, "random.yml")
    assert loaded.ok or loaded.findings


def _mutate(text: str, data: st.DataObject) -> str:
    lines = text.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["delete", "duplicate", "indent", "dedent", "replace", "insert", "truncate"]))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "indent":
            lines[i] = "  " + lines[i]
        elif op == "dedent":
            lines[i] = lines[i].lstrip()
        elif op == "replace":
            lines[i] = data.draw(st.text(max_size=40))
        elif op == "insert":
            lines.insert(i, data.draw(st.text(max_size=40)))
        elif op == "truncate":
            lines[i] = lines[i][: data.draw(st.integers(0, max(0, len(lines[i]) - 1)))]
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.data())
def test_mutated_team_file_always_gives_a_report(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("p")
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    (root / "data" / "teams" / "xa-a" / "to-thon-1.yml").write_text(_mutate(TEAM, data), encoding="utf-8")
    _, report = check_project(root)
    assert isinstance(report, Report)
    assert not any(f.code.startswith("INTERNAL") for f in report.findings)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(yaml_values)
def test_any_yaml_shape_in_a_team_file_gives_a_report(tmp_path_factory, value):
    import yaml

    root = tmp_path_factory.mktemp("p")
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    (root / "data" / "teams" / "xa-a" / "to-thon-1.yml").write_text(yaml.safe_dump(value, allow_unicode=True), encoding="utf-8")
    _, report = check_project(root)
    assert isinstance(report, Report)
    assert not any(f.code.startswith("INTERNAL") for f in report.findings)
