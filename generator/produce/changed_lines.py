"""The lines a change touched: takes a project folder and a git revision, gives, per file (its
path relative to the project, as findings name files), the line ranges that differ between
that revision and the working tree — from `git diff --unified=0 REV` — with new and untracked
files counted as changed entirely. `handbook check --changed-since REV` uses it to put a pull
request's own findings first; an unknown revision, a folder outside git or a missing git is a
usage error (exit 2) with a Vietnamese message."""

from __future__ import annotations

import codecs
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from generator.core.errors import UsageRefused

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class ChangedSinceError(UsageRefused):
    """`--changed-since` names something git cannot compare with."""


@dataclass
class ChangedLines:
    """What changed since `rev`: line ranges (first, last; 1-based, inclusive) per file, and
    the files that are new, which count as changed entirely."""

    rev: str
    ranges: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    whole: set[str] = field(default_factory=set)

    def touches(self, file: str | None, line: int | None) -> bool:
        """Whether a finding at `file`:`line` sits on a changed line. A finding on a file
        without a line counts when the file changed at all; one without a file never does."""
        if not file:
            return False
        if file in self.whole:
            return True
        spans = self.ranges.get(file)
        if not spans:
            return False
        if not line:
            return True
        return any(first <= line <= last for first, last in spans)

    @property
    def files(self) -> set[str]:
        return set(self.ranges) | self.whole


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", "-c", "core.quotepath=off", "-C", str(root), *args],
                              capture_output=True, check=False)
    except FileNotFoundError:
        raise ChangedSinceError("--changed-since cần chương trình git, nhưng máy này không có git.") from None


def _unquote(path: str) -> str:
    """A path as git prints it: C-quoted ("…\\303\\251…") when it holds unusual characters."""
    if not (path.startswith('"') and path.endswith('"')):
        return path
    return codecs.escape_decode(path[1:-1].encode("utf-8"))[0].decode("utf-8", "replace")


def parse_diff(text: str) -> tuple[dict[str, list[tuple[int, int]]], set[str]]:
    """Changed ranges per file and the new files, from `git diff --unified=0` output."""
    ranges: dict[str, list[tuple[int, int]]] = {}
    new: set[str] = set()
    current: str | None = None
    from_nothing = False
    for line in text.splitlines():
        if line.startswith("--- "):
            from_nothing = line[4:].strip() == "/dev/null"
        elif line.startswith("+++ "):
            target = line[4:].rstrip("\t")
            if target == "/dev/null":  # a deleted file: no line left to annotate
                current = None
                continue
            target = _unquote(target)
            current = target[2:] if target.startswith("b/") else target
            ranges.setdefault(current, [])
            if from_nothing:
                new.add(current)
        elif current and (match := HUNK.match(line)):
            start, count = int(match.group(1)), int(match.group(2) if match.group(2) is not None else 1)
            if count:
                ranges[current].append((start, start + count - 1))
            else:  # lines removed after line `start`: the lines on either side were touched
                ranges[current].append((max(start, 1), start + 1))
    return ranges, new


def changed_since(root: Path, rev: str) -> ChangedLines:
    """The lines of the project at `root` that differ from revision `rev` (working tree,
    staged or not, and untracked files included)."""
    root = Path(root)
    if not rev or rev.startswith("-"):
        raise ChangedSinceError(f"--changed-since cần tên một phiên bản git (ví dụ origin/main), không phải “{rev}”.")
    inside = _git(root, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != b"true":
        raise ChangedSinceError(f"--changed-since chỉ dùng được trong một kho git, mà “{root}” không nằm trong kho git nào.")
    found = _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if found.returncode != 0:
        raise ChangedSinceError(
            f"không tìm thấy phiên bản “{rev}” trong kho git để so sánh (--changed-since). Kiểm tra lại tên "
            f"nhánh hoặc mã commit; với nhánh của máy chủ, hãy tải về trước, ví dụ: git fetch origin "
            f"(trên GitHub Actions: actions/checkout với fetch-depth: 0).")
    diff = _git(root, "diff", "--unified=0", "--no-color", "--no-ext-diff", "--relative",
                found.stdout.decode().strip(), "--", ".")
    if diff.returncode != 0:
        message = diff.stderr.decode("utf-8", "replace").strip()
        raise ChangedSinceError(f"git không so sánh được với “{rev}”: {message}")
    ranges, new = parse_diff(diff.stdout.decode("utf-8", "replace"))
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", ".")
    if untracked.returncode == 0:
        new.update(p for p in untracked.stdout.decode("utf-8", "replace").split("\0") if p)
    return ChangedLines(rev=rev, ranges={k: v for k, v in ranges.items() if v or k in new}, whole=new)
