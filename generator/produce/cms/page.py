"""The admin page: takes a site folder and the dataset root; writes `<site>/admin/` with
index.html, config.yml (from `cms.config`), handbook-cms.js, handbook-yaml.js and the CMS
bundle with its YAML parser (`cms.bundle`), and gives the files written.

index.html and handbook-cms.js are real files in `files/` beside this module (package data,
see pyproject.toml), read at run time and filled in with `string.Template`: `$title`,
`$parser`, `$emitter`, `$script` and `$helper` in the page; `$order` (key order of every kind,
from the models), `$villages` (each village's team label and commune) and `$backend` (the
forge, and whether editors sign in with a token) in the script, each a JavaScript identifier so
the file stays valid JavaScript. handbook-yaml.js (the canonical YAML layout, also run by the
tests in node) is copied as it is.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

import yaml

from generator.produce.cms.bundle import CMS_SCRIPT, YAML_SCRIPT, cms_bundle, copy_bundle
from generator.produce.cms.config import cms_config, village_labels
from generator.schema.filekinds import KINDS
from generator.schema.introspect import fields_of

ADMIN_DIR = "admin"
PAGE_TITLE = "Biên tập sổ tay"
PAGE_FILE = "index.html"
CONFIG_FILE = "config.yml"
# Decap keeps a record's nested maps in Immutable.Map, which forgets the order of its keys beyond
# eight, so a saved team member came out with its keys shuffled and every pull request rewrote
# whole files. Before each save this script puts every map's keys back in the schema's order (the
# order of the fields in config.yml); Decap itself orders only the top level.
HELPER_SCRIPT = "handbook-cms.js"
EMITTER_SCRIPT = "handbook-yaml.js"  # the canonical layout of a data file (copied as it is)
TEMPLATES = "files"  # folder of the package holding the page and the script


def template(name: str) -> Template:
    """A file of `files/`, as a template (read as bytes: its line ends are written as they are)."""
    source = resources.files(__package__).joinpath(TEMPLATES, name)
    return Template(source.read_bytes().decode("utf-8"))


def index_html() -> str:
    """The admin page: loads the CMS script, then the helper, both from beside it."""
    return template(PAGE_FILE).substitute(title=PAGE_TITLE, parser=YAML_SCRIPT, emitter=EMITTER_SCRIPT,
                                          script=CMS_SCRIPT, helper=HELPER_SCRIPT)


def helper_js(config: dict, villages: dict | None = None) -> str:
    """The helper script: the key order of `config`'s collections, the villages' names, the backend."""
    backend = config["backend"]
    return template(HELPER_SCRIPT).substitute(
        order=json.dumps(key_order(config), ensure_ascii=False),
        villages=json.dumps(villages or {}, ensure_ascii=False, sort_keys=True),
        backend=json.dumps({"name": backend["name"], "token": "base_url" not in backend}))


def emitter_js() -> bytes:
    return resources.files(__package__).joinpath(TEMPLATES, EMITTER_SCRIPT).read_bytes()


def config_yaml(config: dict) -> str:
    """config.yml: a header that says it is generated, then the configuration."""
    # The header names generator/cms.py, where the code lived (so does the first line of
    # files/handbook-cms.js): it is part of the output, which the redesign (#13) keeps byte for byte.
    header = (
        "# Cấu hình trang biên tập (Decap CMS), sinh tự động từ lược đồ dữ liệu bởi generator/cms.py.\n"
        "# Đừng sửa tay: sửa lược đồ rồi tạo lại. backend.repo là kho nội dung (mục cms của data/config.yml).\n"
    )
    return header + yaml.dump(config, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=120)


class _PlainDumper(yaml.SafeDumper):
    """safe_dump without anchors and aliases: shared option lists are written out each time."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def model_order(model: Any) -> dict:
    """The model's field names in order, nested like the data: {name: subtree or None}. Every
    field, also those the form leaves out (a quiz item's answer), so saves follow the model."""
    return {f.name: (model_order(f.nested) if f.nested is not None else None) for f in fields_of(model)}


def key_order(config: dict) -> dict:
    """Field names in the models' order, nested like the data: {collection: tree}, or for file
    collections {collection: {"__files": {file name: tree}}}."""
    models = {kind.name: kind.model for kind in KINDS}
    out: dict[str, Any] = {}
    for collection in config["collections"]:
        tree = model_order(models[collection["name"]])
        if "files" in collection:
            out[collection["name"]] = {"__files": {f["name"]: tree for f in collection["files"]}}
        else:
            out[collection["name"]] = tree
    return out


def write_admin(site_dir: Path, dataset_root: Path, node_modules: Path | None = None,
                **config_options: Any) -> list[Path]:
    """Write `<site_dir>/admin/`: index.html, config.yml, handbook-cms.js (keeps saved files in
    the schema's key order) and the Decap CMS bundle (copied from node_modules, so the page
    loads nothing from a CDN). Returns the files written.

    Raises `CmsBundleMissing` when node_modules lacks the CMS: run `npm ci` first.
    `config_options` go to `cms_config` (repo, branch, base_url).
    """
    bundle = cms_bundle(node_modules)  # first: nothing is written when the bundle is missing
    admin = Path(site_dir) / ADMIN_DIR
    admin.mkdir(parents=True, exist_ok=True)
    written = copy_bundle(bundle, admin)
    config = cms_config(dataset_root, **config_options)
    config_path = admin / CONFIG_FILE
    config_path.write_text(config_yaml(config), encoding="utf-8")
    helper = admin / HELPER_SCRIPT
    helper.write_text(helper_js(config, village_labels(dataset_root)), encoding="utf-8")
    emitter = admin / EMITTER_SCRIPT
    emitter.write_bytes(emitter_js())
    index = admin / PAGE_FILE
    index.write_text(index_html(), encoding="utf-8")
    return [index, config_path, helper, emitter, *written]
