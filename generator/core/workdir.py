"""Where a project's working files go (caches, stamps, the engine's pages, temporary folders):
takes the project root, gives the folder. `build/` inside the project by default (git-ignored);
$HANDBOOK_BUILD_DIR puts them elsewhere, one subfolder per project, so a read-only checkout,
a content repository that must stay clean, or the test suite leaves the project untouched."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

BUILD_DIR_ENV = "HANDBOOK_BUILD_DIR"


def work_dir(root: Path) -> Path:
    base = os.environ.get(BUILD_DIR_ENV)
    root = Path(root).resolve()
    if not base:
        return root / "build"
    return Path(base) / hashlib.sha256(str(root).encode("utf-8")).hexdigest()[:16]
