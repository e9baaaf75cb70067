"""Files the project does not read: takes the paths under data/ and content/ that no file kind
claims, gives a finding for each one an editor may have meant as data (a `.YML` or `.yaml`
file, a `.yml.txt` saved by Notepad, a file in a folder no kind reads, a workbook, a Word
document, a photo nothing points to), so that nothing is skipped in silence.

What is allowed besides the kinds' own files: photos in data/photos/ or wherever a `photos:`
entry points (`Photo.file`, relative to data/), README files and the empty markers git needs
to keep a folder (.gitkeep). Files the operating system writes by itself (.DS_Store,
Thumbs.db, desktop.ini, macOS's "._" twins) are ignored: no editor made them, they hold no
data, and a finding would come back each time the folder is opened. Editors' backups and
lock files (`~$…`, `.bak`, `.swp`, `…~`) are a warning, not an error: they are not data, yet
an edit made in one of them would be lost, so the editor is told.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import PurePosixPath

from generator.schema.filekinds import KINDS
from generator.core.findings import Finding, Severity

OS_JUNK = {".ds_store", "thumbs.db", "ehthumbs.db", "desktop.ini", ".directory", "icon\r"}
KEEP_MARKERS = {".gitkeep", ".keep", ".gitignore", ".gitattributes"}
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg"}
PHOTO_FOLDER = "data/photos/"
LEFTOVER_SUFFIXES = (".bak", ".orig", ".rej", ".swp", ".swo", ".tmp", "~")
LEFTOVER_PREFIXES = ("~$", ".~lock.", ".#")
_RIGHT_SUFFIX = {".yml": ".yml", ".yaml": ".yml", ".md": ".md", ".markdown": ".md"}
_DOCUMENTS = {".doc", ".docx", ".odt", ".rtf", ".pdf", ".txt"}
_WORKBOOKS = {".xlsx", ".xls", ".ods", ".csv"}

_FOLDERS_VI = ("data/teams/<xã>/, data/blocs/, data/models/, data/assignments/, data/units/, "
               "content/qa/<chủ đề>/, content/modules/")


@dataclass(frozen=True)
class Verdict:
    """What becomes of one unclaimed file: nothing (ignored, allowed) or a finding; and, for
    a data file under a wrong name, the kind it would be (its ids still count as declared)."""

    finding: Finding | None = None
    would_be: str | None = None  # a file kind's name


def kind_of_name(rel: str) -> str | None:
    """The kind whose globs a project-relative path matches."""
    for kind in KINDS:
        if any(_matches(rel, pattern) for pattern in kind.patterns):
            return kind.name
    return None


def _matches(rel: str, pattern: str) -> bool:
    """`Path.glob`'s meaning of a pattern, for a path that may not exist: "**/" is any number
    of folders, none included; "*" stays within one folder."""
    if "**/" in pattern:
        return fnmatch.fnmatchcase(rel, pattern.replace("**/", "*/", 1)) or _matches(rel, pattern.replace("**/", "", 1))
    return rel.count("/") == pattern.count("/") and fnmatch.fnmatchcase(rel, pattern)


def judge(rel: str, photo_refs: frozenset[str] = frozenset()) -> Verdict:
    """The verdict on one project-relative path (posix) that no file kind claims."""
    path = PurePosixPath(rel)
    name = path.name
    lower = name.lower()
    suffix = path.suffix.lower()
    if lower in OS_JUNK or name.startswith("._"):
        return Verdict()
    if lower in KEEP_MARKERS or lower.split(".")[0] == "readme":
        return Verdict()
    if lower.startswith(LEFTOVER_PREFIXES) or lower.endswith(LEFTOVER_SUFFIXES):
        return Verdict(Finding(
            "FILE-LEFTOVER", Severity.WARNING,
            f"Tệp “{name}” là tệp tạm hoặc bản sao lưu của trình soạn thảo; dự án không đọc tệp này.",
            file=rel, hint="Xóa tệp này. Nếu bạn đã sửa nội dung trong đó, chép phần sửa sang tệp thật trước khi xóa.",
        ))
    if suffix in PHOTO_SUFFIXES:
        return _photo(rel, photo_refs)
    fixed = _right_name(path)
    if fixed is not None:
        would_be = kind_of_name(fixed)
        if would_be is not None:
            return Verdict(Finding(
                "FILE-WRONG-EXTENSION", Severity.ERROR,
                f"Tệp “{name}” có đuôi không đúng nên không được đọc; dữ liệu trong đó đang bị bỏ qua "
                f"(tên đúng: “{PurePosixPath(fixed).name}”).",
                file=rel, hint=f"Đổi tên tệp thành “{PurePosixPath(fixed).name}” (đuôi viết thường: “{PurePosixPath(fixed).suffix}”).",
            ), would_be)
        return Verdict(_unknown(rel, f"Tệp “{name}” nằm ở thư mục mà dự án không đọc nên đang bị bỏ qua.",
                                _where(fixed)))
    if suffix in _WORKBOOKS:
        return Verdict(_unknown(rel, f"Tệp bảng tính “{name}” không được đọc trực tiếp.",
                                "Dùng lệnh “handbook import TỆP.xlsx” để chuyển bảng tính thành tệp YAML, rồi để tệp "
                                "bảng tính ngoài thư mục data/ và content/."))
    if suffix in _DOCUMENTS:
        return Verdict(_unknown(rel, f"Tệp văn bản “{name}” không được đọc; nội dung của nó không vào sổ tay.",
                                "Chép nội dung vào tệp .yml hoặc .md theo mẫu (docs/content-format.md), rồi để tệp gốc "
                                "ngoài thư mục data/ và content/."))
    return Verdict(_unknown(rel, f"Tệp “{name}” không thuộc loại dữ liệu nào nên không được đọc.", _where(rel)))


def _right_name(path: PurePosixPath) -> str | None:
    """The name a data or content file was meant to have: `.YML`, `.yaml`, `.Md`, `.markdown`
    corrected, a trailing `.txt` (Notepad's "x.yml.txt") dropped; None if not such a file."""
    suffix = path.suffix.lower()
    if suffix == ".txt" and PurePosixPath(path.stem).suffix.lower() in _RIGHT_SUFFIX:
        path = path.with_suffix("")
        suffix = path.suffix.lower()
    if suffix not in _RIGHT_SUFFIX:
        return None
    return path.with_suffix(_RIGHT_SUFFIX[suffix]).as_posix()


def _photo(rel: str, photo_refs: frozenset[str]) -> Verdict:
    if rel.startswith(PHOTO_FOLDER) or rel in photo_refs:
        return Verdict()
    if rel.startswith("content/"):
        return Verdict(_unknown(rel, "Ảnh trong content/ không được dùng: trang hỏi – đáp không hiển thị ảnh.",
                                "Ảnh của mô hình, hoạt động thì đặt vào data/photos/ và khai trong mục photos: của tệp dữ liệu."))
    return Verdict(_unknown(rel, "Ảnh này không được tệp dữ liệu nào khai trong mục photos: nên không được dùng.",
                            "Chuyển ảnh vào data/photos/, hoặc khai nó trong mục photos: (khóa file, tính từ thư mục data/)."))


def _where(rel: str) -> str:
    for kind in KINDS:
        for pattern in kind.patterns:
            folder = pattern.split("*")[0]
            if folder.endswith("/") and rel.startswith(folder):
                return f"Đặt tệp đúng chỗ của {kind.label}: {pattern.replace('**/', '<thư mục>/')}."
    return f"Đặt tệp vào đúng thư mục của loại dữ liệu: {_FOLDERS_VI}, hoặc để nó ngoài data/ và content/."


def _unknown(rel: str, message: str, hint: str) -> Finding:
    return Finding("FILE-UNKNOWN-KIND", Severity.ERROR, message, file=rel, hint=hint)


def stray_findings(unclaimed: list[str], photo_refs: frozenset[str]) -> list[Finding]:
    """The findings for every unclaimed file of a project."""
    return [v.finding for v in (judge(rel, photo_refs) for rel in unclaimed) if v.finding is not None]
