"""Paths named in data: takes a path string from a data file and the folder it must stay in;
gives the real file inside that folder, or the reason (in Vietnamese) why it is refused.

Every path that data names goes through `resolve_data_file`, both when `handbook check`
reports on it and when a producer copies the file into the site, so a path that escapes its
folder (`../`, an absolute path, a drive letter, a symbolic link anywhere along the way) is
refused at both ends. Published copies take a name made from the file's bytes, so two files
of the same name in different folders can never overwrite each other.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator

PHOTO_FOLDER = "photos"  # under data/: where the web editor uploads, and where photos must be
PHOTO_TYPES = {  # extension -> the bytes a real file of that type starts with (None: text)
    ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",), ".png": (b"\x89PNG\r\n\x1a\n",),
    ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",), ".svg": None,
}
MAX_PHOTO_BYTES = 10 * 1024 * 1024  # a phone photo is 2–6 MB; more is a video or a mistake

# What makes an SVG more than a picture: scripts, event handlers, foreign HTML, and anything
# fetched from elsewhere. A photo is shown with <img> (where none of it runs) but is also
# published as a file a reader can open on its own, where all of it would.
_SVG_ACTIVE = re.compile(
    rb"<\s*script|<\s*foreignObject|\son[a-z]+\s*=|javascript:|<!ENTITY|<\s*iframe|<\s*embed|<\s*object"
    rb"|(?:xlink:)?href\s*=\s*[\"']?\s*(?!#)[a-z][a-z0-9+.-]*:",
    re.IGNORECASE,
)


class PathRefused(ValueError):
    """A path named in data that may not be used; the message is Vietnamese."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class SafeFile:
    path: Path  # the real file, inside its folder
    data_path: str  # as written in the data, normalised: "photos/x.jpg"


def resolve_data_file(data_dir: Path, value: str, folder: str = PHOTO_FOLDER) -> SafeFile:
    """The file `value` (relative to data/) names, provided it lies inside data/<folder>/,
    no part of the way is a symbolic link, and it exists as a regular file."""
    raw = value or ""
    if "\\" in raw or re.match(r"^[A-Za-z]:", raw):
        raise PathRefused(f"Đường dẫn “{raw}” viết theo kiểu Windows.",
                          f"Ghi đường dẫn tính từ thư mục data/, dùng dấu “/”, ví dụ “{folder}/anh-1.jpg”.")
    pure = PurePosixPath(raw)
    if pure.is_absolute():
        raise PathRefused(f"Đường dẫn “{raw}” là đường dẫn tuyệt đối, trỏ ra ngoài dự án.",
                          f"Chép tệp vào data/{folder}/ rồi ghi “{folder}/<tên tệp>”.")
    if ".." in pure.parts:
        raise PathRefused(f"Đường dẫn “{raw}” có “..”, trỏ ra ngoài thư mục data/{folder}/.",
                          f"Chép tệp vào data/{folder}/ rồi ghi “{folder}/<tên tệp>”.")
    parts = [p for p in pure.parts if p != "."]
    if not parts or parts[0] != folder or len(parts) < 2:
        raise PathRefused(f"Tệp “{raw}” không nằm trong thư mục data/{folder}/.",
                          f"Chép tệp vào data/{folder}/ rồi ghi “{folder}/<tên tệp>”.")
    base = Path(data_dir)
    current = base
    for part in parts:
        current = current / part
        if current.is_symlink():
            raise PathRefused(f"“data/{'/'.join(parts)}” là một liên kết (symbolic link), không phải tệp thật.",
                              "Thay liên kết bằng chính tệp ảnh.")
    if not current.is_file():
        raise FileNotFoundError(f"data/{'/'.join(parts)}")
    real = current.resolve()
    if not real.is_relative_to((base / folder).resolve()):
        raise PathRefused(f"Tệp “{raw}” nằm ngoài thư mục data/{folder}/.",
                          f"Chép tệp vào data/{folder}/ rồi ghi “{folder}/<tên tệp>”.")
    return SafeFile(real, "/".join(parts))


def check_photo_file(data_dir: Path, value: str) -> SafeFile:
    """`resolve_data_file` for a photo, then its type, size and (for SVG) that it only draws."""
    found = resolve_data_file(data_dir, value, PHOTO_FOLDER)
    suffix = found.path.suffix.lower()
    if suffix not in PHOTO_TYPES:
        raise PathRefused(f"Tệp “{value}” không phải là ảnh (đuôi “{suffix or '(không có)'}”).",
                          "Dùng ảnh JPG, PNG, WebP, GIF hoặc SVG.")
    size = found.path.stat().st_size
    if size > MAX_PHOTO_BYTES:
        raise PathRefused(f"Ảnh “{value}” nặng {size / 1048576:.1f} MB, quá {MAX_PHOTO_BYTES // 1048576} MB.",
                          "Thu nhỏ ảnh (chiều rộng 1600 điểm ảnh là đủ cho trang web) rồi lưu lại.")
    head = found.path.read_bytes() if suffix == ".svg" else found.path.open("rb").read(16)
    magic = PHOTO_TYPES[suffix]
    if magic is not None and not head.startswith(magic):
        raise PathRefused(f"Tệp “{value}” mang đuôi {suffix} nhưng nội dung không phải ảnh {suffix[1:].upper()}.",
                          "Mở ảnh bằng phần mềm xem ảnh rồi lưu lại đúng định dạng.")
    if suffix == ".svg" and _SVG_ACTIVE.search(head):
        raise PathRefused(f"Ảnh SVG “{value}” có mã lệnh, sự kiện hoặc liên kết ra ngoài, không được đăng.",
                          "Xuất lại ảnh dưới dạng PNG hoặc JPG, hoặc xóa phần mã lệnh khỏi tệp SVG.")
    return found


def published_name(found: SafeFile, prefix: str = "assets/anh/") -> str:
    """The site path of a published file: named by its bytes, so two different files never
    share a name and the same file is published once."""
    digest = hashlib.sha256(found.path.read_bytes()).hexdigest()[:16]
    return f"{prefix}{digest}{found.path.suffix.lower()}"


def iter_photo_problems(data_dir: Path, photos: Iterator[tuple[tuple, object]]) -> Iterator[tuple[tuple, PathRefused]]:
    """(key path, refusal) for each photo whose file may not be used; a missing file is left
    to the photo rules (it is withheld, not dangerous)."""
    for sub, photo in photos:
        try:
            check_photo_file(data_dir, photo.file)
        except FileNotFoundError:
            continue
        except PathRefused as refused:
            yield sub + ("file",), refused
