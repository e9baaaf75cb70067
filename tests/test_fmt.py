"""`handbook fmt` and the canonical layout of data files: the emitter gives back every value it
is given (both load paths), crafted files come out in the layout (key order, flow lists,
quoting, multi-line text, Vietnamese, comments kept at their record), the layout is a fixed
point over every data file of the repository, the check notes a file out of layout at its
first differing line, --check and the exit codes, paths, and no write outside the project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.checks.check import check_project
from generator.load.yamlemit import dump_yaml
from generator.load.yamlload import load_yaml_text
from generator.model.canonical import FMT_KINDS, canonical_text, layout_of, ordered, split_header
from generator.model.dataset import discover
from generator.model.yamlcomments import comments_of
from generator.schema.filekinds import BY_NAME

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/module.schema.json\n"


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8")


def same(a, b) -> bool:
    """Equal data with equal types (True is not 1) and equal key order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def both_paths(text: str):
    """The data of `text` by the fast path (when it takes it) and by the careful path."""
    fast = load_yaml_text(text, "x.yml", positions=False)
    careful = load_yaml_text(text, "x.yml", positions=True)
    assert fast.ok and careful.ok, (fast.findings, careful.findings)
    assert not [f for f in careful.findings if f.severity.value == "error"]
    return fast.data, careful.data


# -- the emitter -----------------------------------------------------------------------------

TRICKY_STRINGS = [
    "", " ", "a", "yes", "No", "ON", "off", "y", "n", "null", "Null", "NULL", "~", "true", "False", "TRUE",
    "nan", ".nan", ".inf", "-.inf", "0", "007", "0123", "1.068", "1,068", "1_000", "0x1F", "1e5", "+1", "-1",
    "0920256543", "2024-12-15", "15/12/2024", "3/6/2013", "03/6/2013", "12:30", "1:2:3",
    "a: b", "a:b", "a:", "key: value # not a comment", "a #b", "a#b", "#comment", "- item", "? q", "[a, b]", "{a: b}",
    "a, b, c", "Điều 3: Tổ chức", "“ngoặc kép cong”", 'quote "inside"', "back\\slash", "it's", "'single'", "@at", "`tick",
    "!tag", "&anchor", "*alias", "%percent", "|pipe", ">fold", "trailing space ", " leading space", "tab\tinside",
    "no\u00a0break", "end\u00a0", "nel\u0085x", "ls\u2028x", "ps\u2029x", "bom\ufeffx", "bell\x07x", "del\x7fx", "c1\x9bx",
    "line\nbreak", "line\n", "\n", "\n\n", "two\n\nparas", "ends\n\n", "\nstarts", " indented\nsecond", "a\n  deeper\nb",
    "a\n  \nb", "a\n\tb", "cr\r\nlf", "# looks like a comment\nsecond", "a\n# not a comment\n", "...", "---", "a\n---\nb",
    "Tổ Dân vận cộng đồng thôn Lục Liễu – xã Cao Xá", "Nguyễn Văn An", "thôn Đồng", "Điện Biên", "ĐẢNG ỦY", "ngày 3 tháng 6 năm 2013",
    "x" * 300, "ư" * 120 + ": x",
]


@pytest.mark.parametrize("value", TRICKY_STRINGS, ids=range(len(TRICKY_STRINGS)))
def test_every_string_reads_back_as_written_on_both_paths(value):
    data = {"k": value, "items": [value, {"k": value}], "nested": {"deeper": value}}
    for read in both_paths(dump_yaml(data)):
        assert same(read, data), dump_yaml(data)


@pytest.mark.parametrize("value", [0, 1, -5, 10**20, 1.5, -0.25, 1e-05, 1e16, 2.0, 1.068, True, False, None, [], {},
                                   [[1, 2], []], [{}], {"a": {}}])
def test_other_values_read_back_as_written(value):
    data = {"k": value, "items": [value], "m": {"k": value}}
    for read in both_paths(dump_yaml(data)):
        assert same(read, data), dump_yaml(data)


@pytest.mark.parametrize("key", ["name", "tên_khóa", "a-b", "1", "0123", "true", "null", "a b", "a: b", "#x", "-x", "", "[x]", "ĐẢNG"])
def test_keys_that_are_not_names_are_quoted_and_read_back(key):
    data = {key: 1, "list": [{key: "v"}]}
    for read in both_paths(dump_yaml(data)):
        assert same(read, data), dump_yaml(data)


def test_an_empty_mapping_is_written_as_one():
    assert dump_yaml({}) == "{}\n"
    assert both_paths(dump_yaml({}))[1] == {}


# -- the layout of crafted files ------------------------------------------------------------


def test_keys_follow_the_models_field_order_nested_models_too_unknown_keys_after():
    text = SCHEMA_LINE + (
        "order: 1\nzeta_unknown: z\ntitle: Chuyên đề\nid: cd-x\n"
        "outline:\n  - {method: Thảo luận, minutes: 15, title: Mở đầu, extra: e}\n"
        "alpha_unknown: [b, a]\n"
    )
    out = canonical_text("module", text)
    model_order = [f for f in ("id", "title", "outline", "order") if f in BY_NAME["module"].model.model_fields]
    top_keys = [line.split(":")[0] for line in out.splitlines()[1:] if line[:1].isalpha()]
    assert top_keys == model_order + ["zeta_unknown", "alpha_unknown"]
    item = [line.strip() for line in out.splitlines() if line.startswith("    ") or line.startswith("  - title")]
    outline_fields = list(BY_NAME["module"].model.model_fields["outline"].annotation.__args__[0].model_fields)
    assert [line.lstrip("- ").split(":")[0] for line in item[:4]] == [k for k in outline_fields if k in ("title", "minutes", "method")] + ["extra"]
    assert "  - b\n  - a\n" in out  # an unknown key's list: block style, order kept


def test_flow_lists_become_block_lists_and_quotes_only_where_needed():
    text = SCHEMA_LINE + "id: cd-x\ntitle: 'Vai trò: dân vận'\naudiences: [to_truong, 'thanh_vien_to']\nduration_minutes: \"90\"\n"
    out = canonical_text("module", text)
    assert out == SCHEMA_LINE + 'id: cd-x\ntitle: "Vai trò: dân vận"\naudiences:\n  - to_truong\n  - thanh_vien_to\nduration_minutes: "90"\n'


def test_multi_line_text_becomes_a_literal_block_and_blank_lines_between_keys_go():
    text = SCHEMA_LINE + (
        "id: cd-x\n\ntitle: >-\n  Một tiêu đề\n  gấp dòng\n\nactivities:\n"
        "  - kind: thao_luan\n    title: Thảo luận\n    minutes: 30\n    instructions: \"1. Chia nhóm.\\n2. Trình bày.\\n\"\n"
    )
    out = canonical_text("module", text)
    assert "title: Một tiêu đề gấp dòng\n" in out
    assert "    instructions: |\n      1. Chia nhóm.\n      2. Trình bày.\n" in out
    assert "\n\n" not in out
    assert same(ordered(BY_NAME["module"].model, both_paths(text)[1]), both_paths(out)[1])


def test_the_leading_comment_block_is_kept_as_it_is():
    header = "# yaml-language-server: $schema=../../schemas/team.schema.json\n#   Dữ liệu mẫu: mọi người trong tệp này là hư cấu.  \n"
    text = header + "\n\nvillage: v\nid: t\n"
    assert canonical_text("team", text) == header + "id: t\nvillage: v\n"
    assert split_header(header + "id: t\n") == (header, "id: t\n", 2)


def test_crlf_and_a_byte_order_mark_go():
    text = "\ufeff# schema\r\nid: t\r\nvillage: v\r\n"
    assert canonical_text("team", text) == "# schema\nid: t\nvillage: v\n"


def test_comments_in_the_body_stay_with_their_record():
    text = SCHEMA_LINE + (
        "title: Chuyên đề   # tiêu đề tạm\n"
        "id: cd-x\n"
        "outline:\n"
        "  # mở đầu luôn 15 phút\n"
        "  - {title: Mở đầu, minutes: 15}  # xem lại\n"
        "\n"
        "  - title: Kết thúc\n"
        "    # phương pháp chưa chốt\n"
        "    minutes: 10\n"
        "# cuối tệp\n"
    )
    layout = layout_of("module", text)
    assert layout.problem is None and layout.changed
    assert layout.text == SCHEMA_LINE + (
        "id: cd-x\n"
        "title: Chuyên đề # tiêu đề tạm\n"
        "outline:\n"
        "  # mở đầu luôn 15 phút\n"
        "  - title: Mở đầu # xem lại\n"
        "    minutes: 15\n"
        "  - title: Kết thúc\n"
        "    # phương pháp chưa chốt\n"
        "    minutes: 10\n"
        "# cuối tệp\n"
    )
    assert [c.text for c in comments_of(layout.text, 1)] == [
        "# tiêu đề tạm", "# mở đầu luôn 15 phút", "# xem lại", "# phương pháp chưa chốt", "# cuối tệp"]
    assert not layout_of("module", layout.text).changed


def test_a_hash_inside_text_is_not_a_comment():
    text = SCHEMA_LINE + 'id: cd-x\ntitle: "Bài #1"\nobjectives:\n  - |\n    # không phải chú thích\n    dòng hai\n'
    out = canonical_text("module", text)
    assert "  - |\n    # không phải chú thích\n    dòng hai\n" in out
    assert comments_of(out, 1) == []


def test_drop_comments_leaves_them_out():
    text = SCHEMA_LINE + "id: cd-x\n# ghi chú\ntitle: T  # cuối dòng\n"
    assert layout_of("module", text, drop_comments=True).text == SCHEMA_LINE + "id: cd-x\ntitle: T\n"


@pytest.mark.parametrize("text, why", [
    ("id: a\nid: b\n", "lỗi"),  # a duplicate key: one value would be lost
    ("id: a\ntitle: [unclosed\n", "lỗi"),  # a syntax error
    ("id: a\nduration_minutes: 1.068\n", "1.068"),  # would be written as a float
])
def test_files_that_could_lose_an_edit_are_not_rewritten(text, why):
    layout = layout_of("module", text)
    assert layout.text is None and why in layout.problem and layout.line
    assert canonical_text("module", text) is None


def test_a_file_already_in_the_layout_is_unchanged():
    text = SCHEMA_LINE + "id: cd-x\ntitle: T\n"
    layout = layout_of("module", text)
    assert layout.text == text and not layout.changed


# -- every data file of the repository --------------------------------------------------------


def repository_files():
    return [(kind.name, path) for kind, path in discover(ROOT) if kind is not None and kind.name in FMT_KINDS]


def test_the_layout_is_a_fixed_point_and_keeps_data_and_comments_over_every_repository_file():
    files = repository_files()
    assert len(files) > 100
    for kind, path in files:
        text = path.read_text(encoding="utf-8")
        layout = layout_of(kind, text)
        assert layout.problem is None, (path, layout.problem)
        once = layout.text
        assert canonical_text(kind, once) == once, path  # fmt twice = fmt once
        before, after = both_paths(text)[1], both_paths(once)[1]
        assert same(ordered(BY_NAME[kind].model, before), after), path
        header = split_header(text)[2]
        assert [c.text for c in comments_of(text, header)] == [c.text for c in comments_of(once, split_header(once)[2])], path


# -- the check's note ---------------------------------------------------------------------------


def test_the_check_notes_a_file_out_of_layout_at_its_first_differing_line(base_project):
    run("fmt", "--root", str(base_project))
    _, report = check_project(base_project)
    assert [f for f in report.findings if f.code == "FILE-LAYOUT"] == []
    team = next((base_project / "data" / "teams").rglob("*.yml"))
    lines = team.read_text(encoding="utf-8").splitlines(keepends=True)
    village = next(i for i, line in enumerate(lines) if line.startswith("village:"))
    lines.insert(village + 1, "\n")  # a blank line after the village
    team.write_text("".join(lines), encoding="utf-8")
    _, report = check_project(base_project)
    notes = [f for f in report.findings if f.code == "FILE-LAYOUT"]
    assert len(notes) == 1
    note = notes[0]
    assert note.severity.value == "info" and note.file == team.relative_to(base_project).as_posix()
    assert note.line == village + 2
    assert "handbook fmt" in note.hint and f"dòng {village + 2}" in note.message
    assert report.valid(strict=True)  # a note, never a warning or an error


# -- the command ---------------------------------------------------------------------------------


def test_check_mode_changes_nothing_and_exit_codes_follow_what_would_change(base_project):
    before = {p: p.read_bytes() for p in base_project.rglob("*") if p.is_file()}
    result = run("fmt", "--check", "--root", str(base_project))
    assert result.returncode == 1
    assert "chưa theo bố cục chuẩn" in result.stdout
    assert {p: p.read_bytes() for p in base_project.rglob("*") if p.is_file()} == before
    result = run("fmt", "--root", str(base_project))
    assert result.returncode == 1  # files were changed: a pre-commit hook reports it
    changed = [line.removeprefix("Đã sắp lại ").strip() for line in result.stdout.splitlines()]
    assert changed and all((base_project / name).is_file() for name in changed)
    assert {name for name in changed} == {p.relative_to(base_project).as_posix() for p in before
                                          if before[p] != p.read_bytes()}
    again = run("fmt", "--root", str(base_project))
    assert again.returncode == 0 and again.stdout == ""
    assert run("fmt", "--check", "--root", str(base_project)).returncode == 0


def test_paths_limit_fmt_to_those_files_and_other_files_are_passed_over(base_project):
    teams = sorted((base_project / "data" / "teams").rglob("*.yml"))
    other = base_project / "content" / "qa"
    readme = base_project / "notes.txt"
    readme.write_text("not data\n", encoding="utf-8")
    result = run("fmt", str(teams[0].relative_to(base_project)), "notes.txt", "data/config.yml", cwd=base_project)
    changed = {line.removeprefix("Đã sắp lại ").strip() for line in result.stdout.splitlines()}
    assert changed <= {teams[0].relative_to(base_project).as_posix(), "data/config.yml"}
    assert readme.read_text(encoding="utf-8") == "not data\n"
    rest = run("fmt", "--check", cwd=base_project)
    assert all(name not in rest.stdout for name in changed)
    assert other.exists()


def test_a_file_with_yaml_errors_is_left_untouched_and_does_not_fail_fmt(base_project):
    run("fmt", "--root", str(base_project))
    team = next((base_project / "data" / "teams").rglob("*.yml"))
    broken = team.read_text(encoding="utf-8") + "groups: [unclosed\n"
    team.write_text(broken, encoding="utf-8")
    result = run("fmt", "--root", str(base_project))
    assert team.read_text(encoding="utf-8") == broken
    assert result.returncode == 0 and "handbook check" in result.stderr


def test_fmt_never_writes_outside_the_project(base_project, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    foreign = outside / "to-ngoai.yml"
    foreign_text = "village: v\nid: to-ngoai\naudiences: [a, b]\n"
    foreign.write_text(foreign_text, encoding="utf-8")
    # A data file that is a link to a file outside, a data folder that is a link to a folder
    # outside, and a path outside given on the command line.
    teams = base_project / "data" / "teams"
    os.symlink(foreign, teams / "to-lien-ket.yml")
    os.symlink(outside, teams / "xa-lien-ket")
    modules = outside / "modules"
    modules.mkdir()
    shutil.copy(foreign, modules / "cd-ngoai.yml")
    result = run("fmt", "--root", str(base_project), str(foreign), str(teams / "to-lien-ket.yml"))
    assert "ngoài thư mục dự án" in result.stderr
    result = run("fmt", "--root", str(base_project))
    assert foreign.read_text(encoding="utf-8") == foreign_text
    assert (modules / "cd-ngoai.yml").read_text(encoding="utf-8") == foreign_text
    assert os.path.islink(teams / "to-lien-ket.yml")
    assert sorted(p.name for p in outside.rglob("*")) == ["cd-ngoai.yml", "modules", "to-ngoai.yml"]
