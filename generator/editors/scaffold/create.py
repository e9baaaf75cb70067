"""`handbook new`: takes the settings of a province's content repository, gives the repository
on disk — example data, the shared content, the site theme and configuration, the schemas, the
editor settings, the CI and pre-commit files and a README — written all at once.

Nothing is written over: the target must not exist or be an empty folder. The files are planned
in memory, written into a hidden folder beside the target and renamed into place, so a failure
leaves no half-made repository.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.core.errors import HandbookError, UsageRefused
from generator.editors.scaffold import skeleton
from generator.editors.scaffold.readme import readme_text
from generator.editors.scaffold.starter import STARTER_FILES, starter_root
from generator.editors.scaffold.tooling import ci_files, vscode_files
from generator.schema.filekinds import BY_NAME, KINDS
from generator.schema.jsonschema import render
from generator.load.yamlemit import dump_yaml
from generator.model.canonical import shape_of

GITIGNORE = """\
# What the handbook tool writes and git must not keep.
/build/
/site/
/site-noi-bo/
/.venv/
__pycache__/
*.pyc
.DS_Store
~$*.xlsx
"""
_SKIPPED = {"__pycache__", ".DS_Store"}


@dataclass(frozen=True)
class NewProject:
    province: skeleton.Province
    repo: str  # OWNER/NAME on the forge
    forge: str  # "github" or "gitlab"
    branch: str
    tool_url: str
    tool_ref: str


def plan(settings: NewProject) -> dict[str, bytes]:
    """Every file of the new repository: relative path → bytes."""
    files: dict[str, bytes] = {}
    root = starter_root()
    for name in STARTER_FILES:
        source = root / name
        if source.is_file():
            files[name] = source.read_bytes()
            continue
        for path in sorted(source.rglob("*")):
            if path.is_file() and not _SKIPPED.intersection(path.relative_to(root).parts):
                files[path.relative_to(root).as_posix()] = path.read_bytes()
    body = skeleton.data_files(settings.province, settings.repo, settings.forge, settings.branch)
    shared = yaml.safe_load(files["data/publications.yml"].decode("utf-8"))
    body["data/publications.yml"] = ("publications", skeleton.publications(settings.province, shared))
    for rel, (kind, data) in body.items():
        header = skeleton.EXAMPLE_NOTE if kind not in ("config", "publications") else ""
        # the canonical layout (`handbook fmt`'s, the web editor's): keys in the model's order
        files[rel] = (header + dump_yaml(data, shape_of(BY_NAME[kind].model))).encode("utf-8")
    for kind in KINDS:
        files[f"schemas/{kind.name}.schema.json"] = render(kind).encode("utf-8")
    files[".gitignore"] = GITIGNORE.encode()
    for rel, text in {**vscode_files("schemas"), **ci_files(settings.tool_url, settings.tool_ref, settings.forge,
                                                            settings.branch)}.items():
        files[rel] = text.encode("utf-8")
    ci_file = ".gitlab-ci.yml" if settings.forge == "gitlab" else ".github/workflows/handbook.yml"
    files["README.md"] = readme_text(
        province=settings.province.name, board=settings.province.board, scheme=settings.province.scheme,
        tool_url=settings.tool_url, tool_ref=settings.tool_ref, forge=settings.forge, branch=settings.branch,
        ci_file=ci_file).encode("utf-8")
    return files


def create_project(target: Path, settings: NewProject) -> list[str]:
    """Writes the planned repository at `target` (absent or empty); gives the relative paths."""
    target = Path(target).absolute()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageRefused(f"Thư mục {target} đã có tệp: handbook new chỉ tạo kho trong thư mục mới hoặc rỗng, "
                           "không ghi đè lên gì.")
    files = plan(settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for rel, data in files.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        if target.exists():
            target.rmdir()
        os.rename(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise HandbookError(f"Không tạo được kho tại {target}: {exc.strerror or exc}.") from None
    return sorted(files)

