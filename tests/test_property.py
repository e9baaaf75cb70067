"""Whatever bytes an editor saves, the check returns a report and never raises; whatever
personal data is typed into free text, the public build never shows it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generator.checks.check import check_project
from generator.core.findings import Report
from generator.load.yamlload import load_yaml_bytes, load_yaml_text

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


# ------------------------------------------------------------------------------ personal data never reaches the public build

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thu", "Đức", "Ngọc", "Xuân"]
GIVEN = ["Tùng", "Lan", "Hùng", "Mai", "Quân", "Hạnh", "Tâm", "Phương", "Sơn", "Thảo", "Nghĩa", "Yến"]
PHONE_SPELLINGS = [
    lambda d: d, lambda d: f"{d[:4]} {d[4:7]} {d[7:]}", lambda d: f"{d[:4]}.{d[4:7]}.{d[7:]}",
    lambda d: f"{d[:3]}-{d[3:6]}-{d[6:]}", lambda d: f"+84 {d[1:4]} {d[4:7]} {d[7:]}",
]
# Where the free text goes: (file, text to find, replacement with {text} in it).
PLACES = [
    ("data/teams/xa-a/to-thon-1.yml", "    households: 40\n", "    households: 40\n    area: \"xóm Đồng, {text}\"\n"),
    ("data/teams/xa-a/to-thon-1.yml", "zalo_group: true\n",
     "zalo_group: true\nmeetings:\n  - {{date: 05/11/2024, content: \"Họp tổ: {text}\"}}\n"),
    ("data/models/mh-mau.yml", "sample: true\n", "story: |\n  Câu chuyện.\n\n  {text}\nsample: true\n"),
    ("data/assignments/pc-so-mau.yml", "content: Dọn vệ sinh đường làng", "content: \"Dọn vệ sinh, {text}\""),
    ("data/blocs/khoi-xa-a.yml", "duties: Vận động phụ nữ,", "duties: \"Vận động phụ nữ, {text}\","),
    ("content/qa/chu-de/cau-mau.md", "Mỗi nhóm có từ 3 đến 5 người.", "Mỗi nhóm có từ 3 đến 5 người.\n\n{text}"),
]


@st.composite
def private_details(draw):
    name = " ".join((draw(st.sampled_from(FAMILY)), draw(st.sampled_from(MIDDLE)), draw(st.sampled_from(GIVEN))))
    digits = "0" + draw(st.sampled_from("35789")) + draw(st.text("0123456789", min_size=8, max_size=8))
    id_number = f"{draw(st.integers(1, 96)):03d}" + draw(st.text("0123456789", min_size=9, max_size=9))
    email = draw(st.from_regex(r"[a-z]{3,8}\.[a-z]{2,6}[0-9]{2}@(gmail|yahoo)\.com", fullmatch=True))
    address = f"số nhà {draw(st.integers(1, 400))}, ngõ {draw(st.integers(1, 40))}, thôn Một"
    return {
        "name": name, "phone": draw(st.sampled_from(PHONE_SPELLINGS))(digits), "digits": digits,
        "id_number": id_number, "email": email, "address": address,
        "casing": draw(st.sampled_from([str, str.upper, str.lower])),
        "places": draw(st.lists(st.sampled_from(range(len(PLACES))), min_size=1, max_size=3, unique=True)),
    }


@pytest.mark.slow
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(private_details())
def test_the_public_build_never_shows_an_internal_value_or_a_private_name(tmp_path_factory, details):
    """A member who has not consented, with a phone, an ID number, an e-mail address and an
    address in their internal fields; their name (in any case) and those values typed into
    the free text of one to three places. The public build succeeds (everything is masked,
    so its final scan passes) and none of them appears in any file it wrote."""
    from generator.build.pipeline import build
    from pii_project import copy_base, leaked, site_texts

    name = details["name"]
    assume(name != "Nguyễn Văn An")  # the one name in the base whose owner consents
    root = copy_base(tmp_path_factory.mktemp("p") / "project")
    family, middle, given = name.split()
    team = root / "data" / "teams" / "xa-a" / "to-thon-1.yml"
    text = team.read_text(encoding="utf-8")
    old = "    family_name: Trần\n    middle_name: Thị\n    given_name: Bình\n"
    text = text.replace(old, (
        f"    family_name: {family}\n    middle_name: {middle}\n    given_name: {given}\n"
        f"    phone: \"{details['phone']}\"\n    id_number: \"{details['id_number']}\"\n"
        f"    email: {details['email']}\n    address: \"{details['address']}\"\n"))
    team.write_text(text, encoding="utf-8")
    free_text = (f"{details['casing'](name)} gọi {details['phone']}; CCCD {details['id_number']}; "
                 f"thư {details['email']}")
    for index in details["places"]:
        rel, find, replace = PLACES[index]
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8").replace(find, replace.format(text=free_text), 1),
                        encoding="utf-8")
    site = build(root, pdf=False).site_dir  # a leak past the masking would raise BuildError here
    secrets = [(field, details[field]) for field in ("name", "phone", "digits", "id_number", "email", "address")]
    assert leaked(site_texts(site), secrets) == {}
