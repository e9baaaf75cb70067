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
