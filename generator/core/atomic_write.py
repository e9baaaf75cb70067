"""Writing several files as one change: takes the new bytes of each file and the bytes it is
expected to hold now; gives which files were written, or why none were, or (only when
putting things back failed too) which files are left changed and where their old bytes are.

How: each file is first written in full to a temporary file beside it (and flushed to
disk); each existing file gets a backup as a hard link, so putting it back later is a
rename, which needs no free space (the likely reason a write failed is a full disk); then
every temporary file is renamed over its target. If any step fails, the files already
replaced are renamed back from their backups and new files are removed. A backup is kept
only for a file that could not be put back, and the caller is told where it is.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Planned:
    target: Path
    data: bytes
    expected: bytes | None  # what the target holds now (None: it does not exist yet)


@dataclass
class Outcome:
    written: list[Path] = field(default_factory=list)  # every target, or none
    changed_meanwhile: list[Path] = field(default_factory=list)  # not what was expected: nothing written
    error: Exception | None = None  # why writing stopped
    left: dict[Path, Path | None] = field(default_factory=dict)  # not put back -> its backup (None: a new file)

    @property
    def ok(self) -> bool:
        return self.error is None and not self.changed_meanwhile


def write_all(files: list[Planned]) -> Outcome:
    outcome = Outcome()
    staged: list[tuple[Planned, Path]] = []
    backups: dict[Path, Path] = {}
    created_dirs: list[Path] = []
    done: list[Planned] = []
    try:
        for item in files:
            created_dirs.extend(_make_parents(item.target))
            fd, tmp = tempfile.mkstemp(prefix=f".{item.target.stem}.", suffix=".tmp", dir=item.target.parent)
            staged.append((item, Path(tmp)))
            with os.fdopen(fd, "wb") as fh:
                fh.write(item.data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, (item.target.stat().st_mode & 0o777) if item.target.exists() else _default_mode())
        outcome.changed_meanwhile = [item.target for item, _ in staged if _current(item.target) != item.expected]
        if outcome.changed_meanwhile:
            return outcome
        for item, _ in staged:
            if item.expected is not None:
                backups[item.target] = _backup(item.target)
        for item, tmp in staged:
            os.replace(tmp, item.target)
            done.append(item)
        outcome.written = [item.target for item in done]
        return outcome
    except Exception as exc:  # OSError above all (a full disk, permissions); anything else is undone too
        outcome.error = exc
        outcome.left = _roll_back(done, backups)
        return outcome
    finally:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)
        for target, backup in backups.items():
            if target not in outcome.left:
                try:
                    backup.unlink(missing_ok=True)
                except OSError:
                    pass
        if not outcome.written:
            for folder in reversed(created_dirs):
                try:
                    folder.rmdir()  # only if empty: a folder this write made for nothing
                except OSError:
                    pass


def _make_parents(target: Path) -> list[Path]:
    """Create the target's folder; gives the folders created, outermost first."""
    missing = []
    probe = target.parent
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    target.parent.mkdir(parents=True, exist_ok=True)
    return list(reversed(missing))


def _current(target: Path) -> bytes | None:
    return target.read_bytes() if target.exists() else None


def _backup(target: Path) -> Path:
    for n in range(1000):
        backup = target.with_name(f".{target.name}.ban-cu" + (f"-{n}" if n else ""))
        if not backup.exists():
            break
    try:
        os.link(target, backup)
    except OSError:  # a file system without hard links: a copy
        shutil.copy2(target, backup)
    return backup


def _roll_back(done: list[Planned], backups: dict[Path, Path]) -> dict[Path, Path | None]:
    """Put back every file already replaced; gives those that could not be put back."""
    left: dict[Path, Path | None] = {}
    for item in reversed(done):
        try:
            if item.target in backups:
                os.replace(backups[item.target], item.target)
            else:
                item.target.unlink()
        except OSError:
            left[item.target] = backups.get(item.target)
    return dict(reversed(list(left.items())))


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_file_atomically(target: Path, data: bytes | str) -> None:
    """One file, whole or not at all: written to a uniquely named temporary file beside it,
    then renamed over it, so a reader (or a second build writing the same file) never sees
    half of it."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
