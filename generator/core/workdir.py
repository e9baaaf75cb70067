"""Where a project's working files go (caches, stamps, the engine's pages, temporary folders):
takes the project root, gives the folder. `build/` inside the project by default, made
self-ignoring (a `.gitignore` holding `*`, as pytest does for its cache folder) so that no
command dirties a content repository that has no `.gitignore` of its own; $HANDBOOK_BUILD_DIR
puts them elsewhere, one subfolder per project, so a read-only checkout or the test suite
leaves the project untouched."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

BUILD_DIR_ENV = "HANDBOOK_BUILD_DIR"
IN_PROJECT = "build"
GITIGNORE = "# Tệp làm việc của công cụ sổ tay (bộ nhớ đệm, bản in tạm): không đưa vào git.\n*\n"


def work_dir(root: Path) -> Path:
    """The working folder of the project at `root`. Inside the project it exists on return
    (when the project does and may be written) and carries its `.gitignore`, so every
    caller, whatever it writes there, leaves `git status` clean."""
    base = os.environ.get(BUILD_DIR_ENV)
    root = Path(root).resolve()
    if not base:
        folder = root / IN_PROJECT
        make_self_ignoring(folder)
        return folder
    return Path(base) / hashlib.sha256(str(root).encode("utf-8")).hexdigest()[:16]


def make_self_ignoring(folder: Path) -> None:
    """Create `folder` (not its parents) with a `.gitignore` that ignores everything in it,
    itself included. A folder that already has a `.gitignore` keeps it; trouble (a read-only
    checkout, a missing project) is not an error here: whoever writes next reports it."""
    marker = folder / ".gitignore"
    try:
        if marker.is_file():
            return
        folder.mkdir(exist_ok=True)
        if folder.is_dir() and not marker.exists():
            marker.write_text(GITIGNORE, encoding="utf-8")
    except OSError:
        pass
