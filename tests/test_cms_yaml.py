"""The web editor saves data files in the canonical layout: generator/produce/cms/files/handbook-yaml.js
(run here in node, over every YAML file of data/ and content/modules/ and over crafted strings) gives
byte for byte what the Python side gives: the leading comment lines as they are, then
`generator.synth.yamlemit.dump_yaml` of the data with keys in the model's field order (keys the
model does not know after, in their order)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.produce.cms.page import EMITTER_SCRIPT, model_order
from generator.schema.filekinds import KINDS
from generator.synth.yamlemit import dump_yaml

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
  return header + Y.dumpYaml(Y.ordered(data, job.order));
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


def canonical(text: str, model) -> str:
    """The canonical layout of a data file (the spec `handbook fmt` writes to)."""
    lines = text.split("\n")
    n = 0
    while n < len(lines) - 1 and lines[n].startswith("#"):
        n += 1
    header = "".join(line + "\n" for line in lines[:n])
    return header + dump_yaml(_ordered(yaml.load(text, Loader=_Loader), model_order(model)))


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
    got = node([{"text": t, "order": model_order(m)} for t, (_, m) in zip(texts, files)])
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
            "f": False, "none": None, "empty": [], "emptymap": {}, "flow": [1, 2], "people": [
                {"id": "p-1", "positions": ["bi_thu_chi_bo"], "note": "hai\ndòng"}, {"id": "p-2", "groups": []}]}
    (got,) = node([{"data": data}])
    assert got == dump_yaml(data)
