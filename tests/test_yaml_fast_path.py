"""The fast path (yaml-rs) must never change what a file means: whenever it answers, the
answer equals the careful path's (PyYAML's node tree turned into data by `yamlnodes`), and
the careful path has nothing to say about the file. Otherwise it must decline."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load.yamlload import _DECLINED, _fast_load, load_yaml_text

ROOT = Path(__file__).resolve().parents[1]


def careful(text: str):
    loaded = load_yaml_text(text, "x.yml", positions=True)  # positions: never the fast path
    return loaded


def assert_agrees(text: str) -> bool:
    """True when the fast path answered (and agreed); False when it declined."""
    fast = _fast_load(text)
    if fast is _DECLINED:
        return False
    slow = careful(text)
    assert slow.ok, f"the fast path read a file the careful path refuses: {text!r}"
    assert not slow.findings, f"the careful path has findings the fast path would hide: {text!r}"
    assert fast == slow.data and _types(fast) == _types(slow.data), text
    return True


def _types(value):
    if isinstance(value, dict):
        return {k: _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value).__name__


TRICKY = [
    "a: 0123", "a: -0123", "a: 00", "a: 0x1F", "a: 0o17", "a: 0b101", "a: 1_000", "a: +5", "a: -0",
    "a: 1.", "a: .5", "a: 1e3", "a: 1E3", "a: .inf", "a: -.Inf", "a: .nan", "a: 1_0.5",
    "a: yes", "a: No", "a: on", "a: True", "a: TRUE", "a: tRuE", "a: ~", "a: null", "a: Null", "a: NULL", "a: nULL",
    "a:", "a: ''", 'a: ""', "a: '12'", 'a: "0123"', "a: 'true'", "a: '~'",
    "a: 2024-01-02", "a: 2024-01-02 10:00:00", "a: 10:30", "a: 20/02/2023", "a: 1:2:3",
    "a: 1\na: 2", "? [a]\n: 1", "1: x", "true: x", "null: x", "~: x", "[1, 2]: x",
    "a: &x 1\nb: *x", "a: !!str 1", "a: !custom x", "<<: {b: 1}", "a: 1\n---\nb: 2", "---\na: 1\n...\n",
    "%YAML 1.1\n---\na: 1", "a: [1, 2", "a: 'x'\n  b: 1", "a: |\n  x\n  y\n", "a: >\n  x\n  y\n", "a: |-\n  x\n",
    "a: |+\n  x\n\n", "a: x\n  y\n  z", "a: 'it''s'", 'a: "x\\u0041"', "a: x # comment", "a: x #comment",
    "a:\n\t- 1", "a: b: c", "- a\n- b", "a: [1, 0123]", "a: {b: 0123}", "a: [0x1]", "a:\n  - 0123\n",
    "a: -", "a: +", "a: .", "a: -.5", "a: +.5e-3", "a: 12345678901234567890123", "a: 1e400",
    "Đảng ủy: Xã Tân Mỹ", "a: Ban ChÊp hµnh", "a: Chaáp haønh", "a: e\u0301", "a: \u00a0x", "a: \x85x",
    "a: x\u200bz", "a: \ufeffx", "a:\n  b:\n    c:\n      d: 1", "a: [[[[1]]]]", "a: {}\nb: []", "'a': 1", '"a b": 1',
    "a: 1 # 0123", "a: 'x: 0123'", "a: x 0123", "a: x, 0123", "a: [x, -0123]",
    "id: _0", "a: _1", "a: 1_", "a: [_0, 5]", "a: -_0",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_spellings(text):
    assert_agrees(text)


def test_zero_led_numbers_keep_their_zeros():
    assert _fast_load("a: 0123\nb: 5") is _DECLINED
    assert careful("a: 0123\nb: 5").data == {"a": "0123", "b": 5}


def test_every_yaml_file_in_the_repository():
    """Sample data, test fixtures and every deliberately broken file."""
    files = [p for base in ("data", "tests/fixtures", "tests/broken", "content") for p in (ROOT / base).rglob("*")
             if p.suffix in (".yml", ".yaml")]
    assert len(files) > 100
    answered = 0
    for path in files:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8").lstrip("\ufeff")
        except UnicodeDecodeError:
            continue
        answered += assert_agrees(text)
    teams = sorted((ROOT / "data" / "teams").rglob("*.yml"))
    # The fast path must actually be taken for ordinary data (or it buys nothing).
    assert sum(_fast_load(p.read_text(encoding="utf-8")) is not _DECLINED for p in teams) >= len(teams) * 0.8
    assert answered >= len(teams) * 0.8


scalar_text = st.one_of(
    st.sampled_from(["0123", "00", "0", "-7", "+7", "1_000", "0x1F", "1.5", "1.", ".5", "1e3", ".inf", "true", "True",
                     "tRuE", "false", "no", "yes", "null", "~", "", "10:30", "2024-01-02", "20/02/2023", "Đảng ủy",
                     "x: y", "- x", "#x", "a #b", "'q'", '"q"', "[x]", "{x}", "&a", "*a", "!t", "@x", "`x", "%x"]),
    st.text(alphabet=st.sampled_from("ađáàảãạ0123456789 -+._:#'\"ĐƯư\\ne"), max_size=12),
)


@st.composite
def scalar(draw):
    text = draw(scalar_text)
    style = draw(st.sampled_from(["plain", "single", "double"]))
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if style == "double":
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text.replace("\n", " ")


@st.composite
def document(draw, depth=0):
    lines = []
    keys = draw(st.lists(st.sampled_from(["id", "name", "a", "b", "năm", "0", "true", "x y"]), min_size=1, max_size=4))
    for key in keys:
        kind = draw(st.sampled_from(["scalar", "scalar", "list", "map"] if depth < 2 else ["scalar"]))
        if kind == "scalar":
            lines.append(f"{key}: {draw(scalar())}")
        elif kind == "list":
            items = draw(st.lists(scalar(), min_size=1, max_size=3))
            lines.append(f"{key}:")
            lines.extend(f"  - {item}" for item in items)
        else:
            lines.append(f"{key}:")
            lines.extend("  " + line for line in draw(document(depth + 1)).splitlines())
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None)
@given(document())
def test_generated_documents(text):
    assert_agrees(text)
