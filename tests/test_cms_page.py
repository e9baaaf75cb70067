"""The admin page's files (generator/produce/cms/page.py and files/): what write_admin writes is
exactly the package's page and script filled in, the configuration, and the bundle's files,
byte for byte. Runs without the real CMS bundle (a small stand-in node_modules), so it does
not need `npm ci`; tests/test_cms.py drives the real one in a browser."""

from __future__ import annotations

import json
from pathlib import Path
from string import Template

import pytest

from generator.produce import cms
from generator.produce.cms.bundle import YAML_PACKAGE, YAML_SCRIPT
from generator.produce.cms.config import village_labels

ROOT = Path(__file__).resolve().parents[1]
FILES = Path(cms.__file__).parent / "files"


def _fake_node_modules(base: Path) -> Path:
    """A node_modules holding a stand-in decap-cms and js-yaml at the pinned versions."""
    for package_name, files in ((cms.CMS_PACKAGE, (("decap-cms.js", b"// cms\n"), ("17.decap-cms.js", b"// chunk\n"),
                                                   ("ab12.wasm", b"\0asm"), ("decap-cms.js.LICENSE.txt", b"MIT\n"))),
                                (YAML_PACKAGE, ((YAML_SCRIPT, b"// js-yaml\n"),))):
        package = base / "node_modules" / package_name
        dist = package / "dist"
        dist.mkdir(parents=True)
        version = cms.pinned_version(package_name)
        (package / "package.json").write_text(json.dumps({"version": version}), encoding="utf-8")
        for name, data in files:
            (dist / name).write_bytes(data)
    return base / "node_modules"


def _filled(name: str, **values: str) -> bytes:
    return Template((FILES / name).read_bytes().decode("utf-8")).substitute(**values).encode("utf-8")


def test_written_files_are_the_package_files_filled_in(tmp_path):
    node_modules = _fake_node_modules(tmp_path)
    admin = tmp_path / "site" / "admin"
    admin.mkdir(parents=True)
    (admin / "9.decap-cms.js").write_bytes(b"// a chunk of another version\n")
    (admin / "old.wasm").write_bytes(b"\0asm")

    written = cms.write_admin(tmp_path / "site", ROOT, node_modules=node_modules)

    config = cms.cms_config(ROOT)
    assert [p.name for p in written[:4]] == ["index.html", "config.yml", "handbook-cms.js", "handbook-yaml.js"]
    assert (admin / "index.html").read_bytes() == _filled(
        "index.html", title=cms.PAGE_TITLE, parser=YAML_SCRIPT, emitter="handbook-yaml.js",
        script=cms.CMS_SCRIPT, helper=cms.HELPER_SCRIPT)
    assert (admin / "config.yml").read_bytes() == cms.config_yaml(config).encode("utf-8")
    order = json.dumps(cms.key_order(config), ensure_ascii=False)
    villages = json.dumps(village_labels(ROOT), ensure_ascii=False, sort_keys=True)
    backend = json.dumps({"name": config["backend"]["name"], "token": "base_url" not in config["backend"]})
    assert (admin / "handbook-cms.js").read_bytes() == _filled(
        "handbook-cms.js", order=order, villages=villages, backend=backend)
    assert (admin / "handbook-yaml.js").read_bytes() == (FILES / "handbook-yaml.js").read_bytes()
    # the bundle (the CMS's files, the YAML parser) is copied byte for byte; chunks of another version are gone
    dist = node_modules / cms.CMS_PACKAGE / "dist"
    for path in written[4:]:
        source = node_modules / YAML_PACKAGE / "dist" / path.name if path.name == YAML_SCRIPT else dist / path.name
        assert path.read_bytes() == source.read_bytes()
    assert YAML_SCRIPT in {p.name for p in written}
    assert sorted(p.name for p in admin.iterdir()) == sorted(p.name for p in written)
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert "<title>Biên tập sổ tay</title>" in html and '<script src="./handbook-cms.js"></script>' in html


def test_templates_have_only_their_placeholders():
    """A `$` the page or script needs for itself would break the filling: there is none."""
    for name, wanted in (("index.html", {"title", "parser", "emitter", "script", "helper"}),
                         ("handbook-cms.js", {"order", "villages", "backend"})):
        template = Template((FILES / name).read_text(encoding="utf-8"))
        assert template.is_valid(), name
        assert set(template.get_identifiers()) == wanted, name


def test_project_root_is_the_repository():
    """PROJECT_ROOT finds package.json (the pin) and node_modules from inside the package."""
    assert cms.PROJECT_ROOT == ROOT
    assert (cms.PROJECT_ROOT / "package.json").is_file()


@pytest.mark.parametrize("name", ["index.html", "handbook-cms.js"])
def test_page_reads_the_files(name):
    assert cms.page.template(name).template == (FILES / name).read_text(encoding="utf-8")
