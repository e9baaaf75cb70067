"""Projects the tests build: the base fixture (tests/fixtures/base/) copied with what a site
build needs beside it (the theme and mkdocs.yml of this repository)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "tests" / "fixtures" / "base"


def buildable_base(root: Path) -> Path:
    """A copy of the base fixture at `root` that `handbook build` can build."""
    shutil.copytree(BASE, root)
    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def copy_sample(tmp_path: Path) -> Path:
    """A copy of this repository's sample project (data/, content/, mkdocs.yml) under tmp_path."""
    target = tmp_path / "project"
    target.mkdir()
    shutil.copytree(ROOT / "data", target / "data")
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def data_hashes(root: Path) -> dict[str, str]:
    """sha256 of every file under root/data, by relative path (to show what a command wrote)."""
    import hashlib

    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((root / "data").rglob("*")) if p.is_file()}
