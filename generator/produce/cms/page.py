"""The admin page: takes a site folder and the dataset root; writes `<site>/admin/` with
index.html, config.yml (from `cms.config`), handbook-cms.js and the CMS bundle (`cms.bundle`),
and gives the files written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from generator.produce.cms.bundle import CMS_SCRIPT, cms_bundle, copy_bundle
from generator.produce.cms.config import cms_config

ADMIN_DIR = "admin"
PAGE_TITLE = "Biên tập sổ tay"
PAGE_FILE = "index.html"
CONFIG_FILE = "config.yml"

INDEX_HTML = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{title}</title>
<link rel="icon" href="data:,">
<link rel="cms-config-url" type="text/yaml" href="./config.yml">
</head>
<body>
<noscript>Trang biên tập cần bật JavaScript.</noscript>
<script src="./{script}"></script>
<script src="./{helper}"></script>
</body>
</html>
"""


HELPER_SCRIPT = "handbook-cms.js"
# Decap keeps a record's nested maps in Immutable.Map, which forgets the order of its keys beyond
# eight, so a saved team member came out with its keys shuffled and every pull request rewrote
# whole files. Before each save this puts every map's keys back in the schema's order (the order
# of the fields in config.yml); Decap itself orders only the top level.
HELPER_JS = """// Sinh tự động bởi generator/cms.py: khi lưu, giữ thứ tự khóa theo lược đồ
// (Decap chỉ giữ thứ tự ở cấp ngoài cùng của bản ghi).
(function () {
  var ORDER = %s;
  function keyed(v) { return !!(v && typeof v === "object" && v["@@__IMMUTABLE_KEYED__@@"]); }
  function indexed(v) { return !!(v && typeof v === "object" && v["@@__IMMUTABLE_INDEXED__@@"]); }
  function order(value, tree) {
    if (indexed(value)) return value.map(function (item) { return order(item, tree); });
    if (!keyed(value) || !tree) return value;
    var names = Object.keys(tree);
    function rank(key) { var i = names.indexOf(key); return i < 0 ? names.length : i; }
    return value.sortBy(function (v, key) { return rank(key); })
      .map(function (v, key) { return order(v, tree[key]); });
  }
  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      var tree = ORDER[entry.get("collection")];
      if (tree && tree.__files) tree = tree.__files[entry.get("slug")];
      return tree ? order(entry.get("data"), tree) : undefined;
    }
  });
})();
"""


def config_yaml(config: dict) -> str:
    """config.yml: a header that says it is generated, then the configuration."""
    # The header names generator/cms.py, where the code lived (so does the first line of
    # HELPER_JS): it is part of the output, which the redesign (#13) keeps byte for byte.
    header = (
        "# Cấu hình trang biên tập (Decap CMS), sinh tự động từ lược đồ dữ liệu bởi generator/cms.py.\n"
        "# Đừng sửa tay: sửa lược đồ rồi tạo lại. backend.repo là kho nội dung trên GitHub.\n"
    )
    return header + yaml.dump(config, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=120)


class _PlainDumper(yaml.SafeDumper):
    """safe_dump without anchors and aliases: shared option lists are written out each time."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def key_order(config: dict) -> dict:
    """Field names in form order, nested like the data: {collection: tree}, or for file
    collections {collection: {"__files": {file name: tree}}}."""
    def tree(fields: list[dict]) -> dict:
        return {f["name"]: (tree(f["fields"]) if "fields" in f else None) for f in fields}

    out: dict[str, Any] = {}
    for collection in config["collections"]:
        if "files" in collection:
            out[collection["name"]] = {"__files": {f["name"]: tree(f["fields"]) for f in collection["files"]}}
        else:
            out[collection["name"]] = tree(collection["fields"])
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
    helper.write_text(HELPER_JS % json.dumps(key_order(config), ensure_ascii=False), encoding="utf-8")
    index = admin / PAGE_FILE
    index.write_text(INDEX_HTML.format(title=PAGE_TITLE, script=CMS_SCRIPT, helper=HELPER_SCRIPT), encoding="utf-8")
    return [index, config_path, helper, *written]
