"""`handbook fmt`: takes a project root and, optionally, the files or folders to look at (as
a pre-commit hook passes them), gives which data files are not in their canonical layout
(`generator.model.canonical`) and, unless only checking, rewrites them all as one change.

Only the project's own data files of a YAML kind are touched: a path that is not one (a
Markdown page, a file outside data/ and content/, a file outside the project, a symbolic
link) is passed over, so nothing outside the project is ever written. A file that does not
load, or whose rewrite could lose an edit, is left as it is and named with the reason.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.atomic_write import Planned, write_all
from generator.core.errors import FmtWriteError
from generator.model.canonical import FMT_KINDS, layout_of
from generator.model.dataset import discover
from generator.schema.filekinds import FileKind


@dataclass(frozen=True)
class Refused:
    name: str
    line: int | None
    problem: str
    hint: str
    broken: bool = False  # does not load cleanly: `handbook check` reports it


@dataclass
class FmtResult:
    changed: list[tuple[str, int | None]] = field(default_factory=list)  # (file, first line that differs)
    refused: list[Refused] = field(default_factory=list)  # not in the layout, left as they are
    outside: list[str] = field(default_factory=list)  # paths given that lie outside the project
    looked_at: int = 0  # data files read


def data_files(root: Path, paths: list[Path] | None = None) -> tuple[list[tuple[FileKind, Path, str]], list[str]]:
    """The project's data files of a YAML kind, limited to `paths` (files or folders) when
    given: [(kind, path, name relative to the root)], and the given paths outside the project."""
    root = root.resolve()
    found: list[tuple[FileKind, Path, str]] = []
    for kind, path in discover(root):
        if kind is None or kind.name not in FMT_KINDS or path.is_symlink():
            continue
        resolved = path.resolve()
        if not resolved.is_relative_to(root):  # a folder on the way is a link out of the project
            continue
        found.append((kind, path, path.relative_to(root).as_posix()))
    if paths is None:
        return found, []
    wanted: list[Path] = []
    outside: list[str] = []
    for given in paths:
        absolute = Path(os.path.abspath(given))
        if not absolute.is_relative_to(root):
            outside.append(str(given))
            continue
        wanted.append(absolute)
    chosen = [item for item in found if any(item[1] == w or item[1].is_relative_to(w) for w in wanted)]
    return chosen, outside


def run_fmt(root: Path, paths: list[Path] | None = None, check_only: bool = False, drop_comments: bool = False) -> FmtResult:
    """Look at the data files (those under `paths` when given) and, unless `check_only`,
    rewrite those not in the canonical layout as one change."""
    files, outside = data_files(root, paths)
    result = FmtResult(outside=outside)
    planned: list[Planned] = []
    for kind, path, name in files:
        try:
            raw = path.read_bytes()
            text = raw.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            result.refused.append(Refused(name, None, "Không đọc được tệp (hoặc tệp không phải văn bản UTF-8) nên không được sắp lại.",
                                          "Chạy “handbook check” để biết lỗi và cách sửa.", broken=True))
            continue
        result.looked_at += 1
        layout = layout_of(kind, text, drop_comments=drop_comments)
        if layout.problem is not None:
            result.refused.append(Refused(name, layout.line, layout.problem, layout.hint or "", layout.broken))
        elif layout.changed and layout.text is not None:
            result.changed.append((name, layout.line))
            planned.append(Planned(path, layout.text.encode("utf-8"), raw))
    if planned and not check_only:
        _write(planned, Path(root))
    return result


def _write(planned: list[Planned], root: Path) -> None:
    outcome = write_all(planned)
    if outcome.ok:
        return
    names = {item.target: item.target.relative_to(root).as_posix() if item.target.is_relative_to(root) else str(item.target)
             for item in planned}
    if outcome.changed_meanwhile:
        raise FmtWriteError("Không sắp lại tệp nào: " + ", ".join(names[t] for t in outcome.changed_meanwhile)
                            + " vừa được sửa trong lúc chạy. Lưu các tệp đang mở rồi chạy lại “handbook fmt”.")
    reason = getattr(outcome.error, "strerror", None) or str(outcome.error)
    if not outcome.left:
        raise FmtWriteError(f"Không sắp lại tệp nào: ghi tệp thất bại ({reason}); các tệp vẫn như cũ. "
                            "Kiểm tra chỗ trống trên đĩa và quyền ghi rồi chạy lại.")
    listing = "; ".join(f"{names.get(t, t)} (bản cũ ở {backup})" if backup is not None else f"{names.get(t, t)} (tệp mới)"
                        for t, backup in outcome.left.items())
    raise FmtWriteError(f"Ghi tệp thất bại giữa chừng ({reason}) và không trả lại được {len(outcome.left)} tệp: {listing}.")
