"""The web editor saves data files in the canonical layout: generator/produce/cms/files/handbook-yaml.js
(run here in node, over every YAML file of data/ and content/modules/ and over crafted strings) gives
byte for byte what the Python side gives: the leading comment block as it is, then `dump_yaml` of
the data with keys in the model's field order (keys the model does not know after, in their
order), the body's comments at their records. With `handbook fmt` in the tree
(generator.model.canonical) the Python side is its canonical text, comments included; before, it
is built here from generator.synth.yamlemit (comments inside the body dropped), and the comment
rules are held to crafted files written as `handbook fmt` writes them."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.produce.cms.page import EMITTER_SCRIPT, model_order
from generator.schema.filekinds import KINDS
try:  # `handbook fmt` (issue #14): the canonical layout itself, comments included
    from generator.load.yamlemit import dump_yaml
    from generator.model.canonical import canonical_text
except ImportError:
    from generator.synth.yamlemit import dump_yaml
    canonical_text = None

ROOT = Path(__file__).resolve().parents[1]
EMITTER = ROOT / "generator" / "produce" / "cms" / "files" / EMITTER_SCRIPT
JS_YAML = ROOT / "node_modules" / "js-yaml"

NODE_SCRIPT = """
const Y = require(process.argv[1]);
const jsyaml = require(process.argv[2]);
const jobs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = jobs.map(job => {
  if (job.text === undefined) return Y.dumpYaml(job.data);
  const [header, body] = Y.splitHeader(job.text);
  const data = jsyaml.load(body, {schema: jsyaml.CORE_SCHEMA});
  if (job.comments === false) return header + Y.dumpYaml(Y.ordered(data, job.order));
  const comments = Y.commentsOf(body, data);
  if (job.edit) job.edit.forEach(([path, value]) => {
    let at = data; path.slice(0, -1).forEach(k => { at = at[k]; }); at[path[path.length - 1]] = value;
  });
  return header + Y.dumpWithComments(Y.ordered(data, job.order), comments || []);
});
process.stdout.write(JSON.stringify(out));
"""


class _Loader(yaml.SafeLoader):
    """YAML as the data files mean it, dates left as text (they are dd/mm/yyyy strings)."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, regexp) for tag, regexp in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _ordered(data, tree):
    if isinstance(data, list):
        return [_ordered(item, tree) for item in data]
    if not isinstance(data, dict) or not tree:
        return data
    out = {k: _ordered(data[k], tree[k]) for k in tree if k in data}
    out.update({k: v for k, v in data.items() if k not in out})
    return out


def _split_header(text: str) -> tuple[str, str]:
    lines = text.split("\n")
    n = end = 0
    while n < len(lines) and (not lines[n].strip() or lines[n].strip().startswith("#")):
        n += 1
        end = n if lines[n - 1].strip() else end
    return "".join(line + "\n" for line in lines[:end]), "\n".join(lines[n:])


def canonical(text: str, model) -> str:
    """The canonical layout of a data file (the spec `handbook fmt` writes to): `handbook fmt`'s
    own when it is in the tree; else the leading block, then the body without its comments."""
    if canonical_text is not None:
        (kind,) = [k for k in KINDS if k.model is model and not k.markdown][:1]
        return canonical_text(kind, text)
    header, _ = _split_header(text)
    return header + dump_yaml(_ordered(yaml.load(text, Loader=_Loader), model_order(model)))


def canonical_with_comments(text: str, model) -> str:
    """`canonical`, and before `handbook fmt` is in the tree, each whole-line comment of the body
    put back above the line it stood above (as `handbook fmt` places it), when that line is there."""
    out = canonical(text, model)
    if canonical_text is not None:
        return out
    _, body = _split_header(text)
    lines, result = body.split("\n"), out.split("\n")
    inside = {n for token in yaml.scan(body, Loader=yaml.SafeLoader) if isinstance(token, yaml.ScalarToken)
              for n in range(token.start_mark.line, token.end_mark.line + 1)}  # lines of text, not comments
    for number, line in enumerate(lines):
        if line.strip().startswith("#") and number not in inside:
            below = next((b for b in lines[number + 1:] if not b.strip().startswith("#")), None)
            if below in result:
                at = result.index(below)
                result.insert(at, below[: len(below) - len(below.lstrip(" "))] + line.strip())
    return "\n".join(result)


def node(jobs: list[dict]) -> list[str]:
    executable = shutil.which("node")
    if not executable or not (JS_YAML / "package.json").is_file():
        pytest.fail("node and node_modules/js-yaml are needed: run `make setup` (npm ci).", pytrace=False)
    done = subprocess.run([executable, "-e", NODE_SCRIPT, str(EMITTER), str(JS_YAML)], input=json.dumps(jobs),
                          capture_output=True, text=True, check=True, timeout=120)
    return json.loads(done.stdout)


def _data_files() -> list[tuple[Path, object]]:
    files = []
    for kind in KINDS:
        if kind.markdown:
            continue
        for pattern in kind.patterns:
            files.extend((path, kind.model) for path in sorted(ROOT.glob(pattern)) if path.is_file())
    return files


def test_every_data_file_saves_as_its_canonical_layout():
    files = _data_files()
    assert len(files) > 120 and any("content/modules" in p.as_posix() for p, _ in files)
    texts = [p.read_text(encoding="utf-8") for p, _ in files]
    # Before `handbook fmt` is in the tree the Python side drops the body's comments: so does node.
    keep = canonical_text is not None
    got = node([{"text": t, "order": model_order(m), "comments": keep} for t, (_, m) in zip(texts, files)])
    wanted = [canonical(t, m) for t, (_, m) in zip(texts, files)]
    mismatched = [str(p.relative_to(ROOT)) for (p, _), a, b in zip(files, got, wanted) if a != b]
    assert not mismatched, mismatched[:10]
    already = [p for (p, _), t, w in zip(files, texts, wanted) if t == w]
    # Until `handbook fmt` has rewritten the repository, some files are in the layout (data/config.yml…).
    assert already
    for (path, _), text, out in zip(files, texts, got):
        if path in already:
            assert out == text, path  # a file in the layout is saved byte for byte as it was


CRAFTED = [
    "12 hộ", "0912345678", "1.068", "a: b", "tên: giá trị", "ghi chú #1", "a #b", "x:", "cuối câu ",
    "yes", "No", "null", "~", "on", "Off", "y", "true", "", " đầu cách", "15/03/2023", "5/3/2023",
    "dòng một\ndòng hai", "dòng một\ndòng hai\n", "\ndòng đầu trống", " thụt\nlề", "có\ttab\nhai dòng",
    "kết thúc\n\n", "“ngoặc kép” Việt", 'nháy "kép"', "nháy 'đơn'", "gạch \\ ngược", "Đảng ủy xã Cao Xá",
    "-gạch đầu", "[ngoặc]", "{nhọn}", "*sao", "&và", "!than", "%phần", "@a", "`huyền`", "|dọc", ">lớn",
    "a\u00a0b", "zero\u200bwidth", "Ánh", "ồ", "e\u0301", "🙂 vui", "vui 🙂", "dài " * 40, "\r\nCRLF",
    "tab\tở giữa", "Ngày 15/6", "xã: Phúc Sơn", "- mục", "? hỏi", "#đầu", "1e5", "0x1F", ".5",
]


@pytest.mark.parametrize("value", CRAFTED)
def test_crafted_strings_match_dump_yaml(value):
    data = {"a": value, "list": [value, {"b": value, "c": [value]}], "n": {"m": value}}
    (got,) = node([{"data": data}])
    assert got == dump_yaml(data)
    assert yaml.load(got, Loader=_Loader) == data  # and it reads back as the same text


def test_scalars_and_shapes_match_dump_yaml():
    data = {"int": 1068, "neg": -3, "float": 0.5, "small": 0.00001, "big": 1.5e16, "pi": 3.14159, "t": True,
            "f": False, "none": None, "empty": [], "flow": [1, 2], "people": [
                {"id": "p-1", "positions": ["bi_thu_chi_bo"], "note": "hai\ndòng"}, {"id": "p-2", "groups": []}]}
    (got,) = node([{"data": data}])
    assert got == dump_yaml(data)


def test_what_handbook_fmt_writes_for_empty_maps_odd_keys_and_unsafe_characters():
    """The emitter of `handbook fmt` (generator/load/yamlemit.py) writes an empty mapping `{}`,
    quotes a key that is not a name and escapes what YAML forbids raw: written out here, so it
    holds before that emitter is in the tree."""
    data = {"e": {}, "l": [{}, []], "k": "\n", "a b": 1, "\x85x": "\x85", "s": "x\x7fy\u2028", "t": "\ufeffa",
            "vui": "vui 🙂"}
    wanted = ('e: {}\nl:\n  - {}\n  - []\nk: "\\n"\n"a b": 1\n"\\u0085x": "\\u0085"\ns: "x\\u007fy\\u2028"\n'
              't: "\\ufeffa"\nvui: vui 🙂\n')
    (got,) = node([{"data": data}])
    assert got == wanted
    if canonical_text is not None:
        assert dump_yaml(data) == wanted


COMMENTED = """# yaml-language-server: $schema=../../../schemas/team.schema.json
# Dữ liệu mẫu.

id: to-a
# ghi chú trên một khóa
name: Tổ A # ghi chú sau giá trị
groups:
  # nhóm đầu
  - id: g1
    households: 56
    note: |-
      # trong khối chữ, không phải ghi chú
      dòng hai
  - id: g2  # sau mục
    households: 30
# cuối tệp
"""
CANONICAL_COMMENTED = COMMENTED.replace("\n\nid:", "\nid:").replace("g2  #", "g2 #")


def test_body_comments_stay_at_their_records():
    """A file in the canonical layout with comments (as `handbook fmt` leaves it) is saved as it
    is; an edit changes only its line; a comment whose record is gone goes to the end; a body not
    in the layout loses its comments (they could not be placed back safely)."""
    (same,) = node([{"text": CANONICAL_COMMENTED, "order": None}])
    assert same == CANONICAL_COMMENTED
    (normalised,) = node([{"text": COMMENTED, "order": None}])
    assert normalised == CANONICAL_COMMENTED  # blank line after the header and the double space go
    (edited,) = node([{"text": CANONICAL_COMMENTED, "order": None, "edit": [[["groups", 0, "households"], 57],
                                                                            [["name"], "Tổ B"]]}])
    assert edited == CANONICAL_COMMENTED.replace("households: 56", "households: 57").replace("name: Tổ A", "name: Tổ B")
    (dropped,) = node([{"text": CANONICAL_COMMENTED, "order": None, "edit": [[["groups"], [{"id": "g1"}]]]}])
    assert dropped.endswith("  - id: g1\n# sau mục\n# cuối tệp\n")  # in the file's order, as `handbook fmt`
    assert "# nhóm đầu\n  - id: g1" in dropped
    out_of_layout = CANONICAL_COMMENTED.replace("id: to-a\n", "id: 'to-a'\n")
    (lost,) = node([{"text": out_of_layout, "order": None}])
    assert lost == (
        "# yaml-language-server: $schema=../../../schemas/team.schema.json\n# Dữ liệu mẫu.\n"
        "id: to-a\nname: Tổ A\ngroups:\n  - id: g1\n    households: 56\n    note: |-\n"
        "      # trong khối chữ, không phải ghi chú\n      dòng hai\n  - id: g2\n    households: 30\n")
    # In a team file's key order (groups before an unknown `name`, an item's households first):
    from generator.schema.team import Team

    (reordered,) = node([{"text": COMMENTED, "order": model_order(Team)}])
    assert reordered == TEAM_ORDERED
    if canonical_text is not None:  # the same as `handbook fmt`
        assert canonical_text("team", COMMENTED) == TEAM_ORDERED


TEAM_ORDERED = """# yaml-language-server: $schema=../../../schemas/team.schema.json
# Dữ liệu mẫu.
id: to-a
groups:
  # nhóm đầu
  - households: 56
    id: g1
    note: |-
      # trong khối chữ, không phải ghi chú
      dòng hai
  - households: 30 # sau mục
    id: g2
# ghi chú trên một khóa
name: Tổ A # ghi chú sau giá trị
# cuối tệp
"""
