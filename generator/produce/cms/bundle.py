"""The Decap CMS bundle the admin page ships: takes the node_modules folder `npm ci` filled;
gives the files to ship (the script, its lazily loaded chunks, its .wasm files, its licence),
checked against the version package.json pins, and copies them into the admin folder.

The bundle is copied, never fetched, so the page loads nothing from a CDN. Without it (no
`npm ci`, or another version installed) `CmsBundleMissing` says what to run.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from generator.core.errors import EditorBundleMissing

CMS_PACKAGE = "decap-cms"
CMS_SCRIPT = "decap-cms.js"
YAML_PACKAGE = "js-yaml"  # the YAML parser the page's formats read files with (MIT)
YAML_SCRIPT = "js-yaml.min.js"
# The repository root, where package.json pins the CMS and `npm ci` puts node_modules:
# this file is generator/produce/cms/bundle.py.
PROJECT_ROOT = Path(__file__).resolve().parents[3]
NODE_MODULES_ENV = "HANDBOOK_NODE_MODULES"  # where `npm ci` put node_modules, when not beside package.json

CmsBundleMissing = EditorBundleMissing  # the name the CMS code and its tests use


def node_modules_dir() -> Path:
    """Where `npm ci` installed the CMS: $HANDBOOK_NODE_MODULES, else node_modules beside package.json."""
    configured = os.environ.get(NODE_MODULES_ENV)
    return Path(configured) if configured else PROJECT_ROOT / "node_modules"


def pinned_version(package: str = CMS_PACKAGE) -> str | None:
    """The version package.json pins for `package` (the CMS), when package.json is at hand."""
    manifest = PROJECT_ROOT / "package.json"
    if not manifest.is_file():
        return None
    data = json.loads(manifest.read_text(encoding="utf-8"))
    return {**data.get("dependencies", {}), **data.get("devDependencies", {})}.get(package)


def _installed(package: Path) -> str | None:
    return json.loads((package / "package.json").read_text(encoding="utf-8")).get("version")


def cms_bundle(node_modules: Path | None = None) -> list[Path]:
    """The files of the CMS bundle to ship: the script, its chunks, its .wasm files, its licence."""
    package = (Path(node_modules) if node_modules else node_modules_dir()) / CMS_PACKAGE
    dist = package / "dist"
    script = dist / CMS_SCRIPT
    if not script.is_file():
        raise CmsBundleMissing(
            f"Không thấy {script}: chưa cài Decap CMS. Hãy chạy `npm ci` trong {PROJECT_ROOT} "
            f"(hoặc trỏ biến môi trường {NODE_MODULES_ENV} tới thư mục node_modules đã cài).")
    installed = _installed(package)
    wanted = pinned_version()
    if wanted and installed != wanted:
        raise CmsBundleMissing(
            f"node_modules có {CMS_PACKAGE} {installed}, package.json ghim {wanted}. Hãy chạy `npm ci`.")
    files = [script, *sorted(dist.glob(f"*.{CMS_SCRIPT}")), *sorted(dist.glob("*.wasm"))]
    licence = dist / f"{CMS_SCRIPT}.LICENSE.txt"
    if licence.is_file():
        files.append(licence)
    return [*files, yaml_parser(package.parent)]


def yaml_parser(node_modules: Path) -> Path:
    """js-yaml's browser build, which the page's formats parse files with."""
    package = Path(node_modules) / YAML_PACKAGE
    script = package / "dist" / YAML_SCRIPT
    wanted = pinned_version(YAML_PACKAGE)
    if not script.is_file() or (wanted and _installed(package) != wanted):
        raise CmsBundleMissing(
            f"Không thấy {script} (bản {wanted or 'đã ghim'}): hãy chạy `npm ci` trong {PROJECT_ROOT}.")
    return script


def copy_bundle(bundle: list[Path], admin: Path) -> list[Path]:
    """Copy the bundle's files into `admin` (which exists), first removing the chunks and .wasm
    files of another CMS version; gives the files written."""
    keep = {source.name for source in bundle}  # the CMS's files and the YAML parser
    for stale in [*admin.glob(f"*.{CMS_SCRIPT}"), *admin.glob("*.wasm")]:
        if stale.name not in keep:
            stale.unlink()  # chunks of another CMS version
    written: list[Path] = []
    for source in bundle:
        target = admin / source.name
        shutil.copyfile(source, target)
        written.append(target)
    return written
