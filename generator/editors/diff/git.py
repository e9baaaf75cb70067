"""Git access for `handbook diff`: takes a project folder and revisions, gives where the project
sits in its repository and a copy of its data/ and content/ at a revision in a temporary
folder; every failure is a `DiffError` with a Vietnamese message (git's own text where git
has nothing better to say)."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path
from typing import Any, Sequence

from generator.core.errors import DiffError
from generator.model.dataset import DATA_DIRS


def git(args: Sequence[str], cwd: Path, binary: bool = False) -> Any:
    """The output of `git -C cwd args` (bytes when `binary`, else text)."""
    try:
        done = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise DiffError("không tìm thấy chương trình git.") from None
    if done.returncode != 0:
        raise DiffError(done.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} không thành công.")
    return done.stdout if binary else done.stdout.decode("utf-8", "replace")


def git_location(root: Path) -> tuple[Path, str]:
    """The repository's top folder and the project's path inside it ("" at the top, else
    "so-tay/"): a project may live in a subfolder of its repository."""
    try:
        top = git(["rev-parse", "--show-toplevel"], root).strip()
    except DiffError:
        raise DiffError(f"“{root}” không nằm trong một kho git.") from None
    prefix = git(["rev-parse", "--show-prefix"], root).strip()
    return Path(top), prefix


def checkout(top: Path, prefix: str, rev: str, target: Path) -> Path:
    """Write the project's data/ and content/ as they were at `rev` into `target` (a new
    folder), and give `target`. A revision where the project did not exist yet gives an empty
    project, so everything in the newer side reads as added."""
    try:
        commit = git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top).strip()
    except DiffError:
        raise DiffError(f"không tìm thấy phiên bản “{rev}” trong kho git (với nhánh của máy chủ, hãy fetch trước, "
                        f"ví dụ: git fetch origin).") from None
    target.mkdir(parents=True)
    try:
        names = set(git(["ls-tree", "--name-only", f"{commit}:{prefix}"], top).splitlines())
    except DiffError:
        names = set()  # the project folder did not exist at that revision
    folders = [d for d in DATA_DIRS if d in names]
    if folders:
        raw = git(["archive", "--format=tar", f"{commit}:{prefix}", *folders], top, binary=True)
        with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
            try:
                archive.extractall(target, filter="data")
            except TypeError:  # Python without extraction filters
                archive.extractall(target)  # noqa: S202 — our own repository's tree
    return target
