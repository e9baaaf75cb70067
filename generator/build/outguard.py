"""Where a command may write: takes a project root and the folder a command was told to write
into; refuses (exit 2, in Vietnamese) any folder that holds the project or lies inside its
inputs, an internal build aimed where the public site goes, and a site build aimed at a
folder of other files that it would replace. Also clears what an interrupted build left.

Every command that writes takes its `--out` through `refuse_unsafe_out` before it reads
anything, so a slip of the keyboard (`--out data`, `--out .`) costs nothing.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import shutil
import signal
import sys
import threading
from pathlib import Path
from typing import Iterator

from generator.core.errors import OutputRefused
from generator.core.workdir import work_dir

INPUT_FOLDERS = ("data", "content", "theme", "schemas", "templates", ".git", ".github")
# The working folder (build/, or where $HANDBOOK_BUILD_DIR says): its caches and stamps are
# never an output, but documents may be written into folders of their own inside build/
# (build/pdf, build/bao-cao).
WORK_FOLDERS = ("cache", "docs", "stamps", "pdf-cache")
MARKER = ".handbook-site.json"  # written into every site a build makes: which profile it holds
DEFAULT_PUBLIC = ("site",)


def refuse_unsafe_out(root: Path, out: Path, site: bool = False) -> Path:
    """`out` made absolute, or OutputRefused when it holds the project or is inside an input
    (for a `site`, which replaces its folder whole, anywhere inside build/ too)."""
    root = Path(root).resolve()
    out = Path(out).resolve()
    if out == root or root.is_relative_to(out):
        raise OutputRefused(out, "thư mục này chứa cả dự án (data/, content/…), ghi vào đó sẽ xóa hoặc đè dữ liệu.",
                            "Chọn một thư mục riêng, ví dụ “site” hoặc “build/…”.")
    for name in INPUT_FOLDERS:
        folder = (root / name).resolve()
        if out == folder or out.is_relative_to(folder):
            raise OutputRefused(out, f"đây là thư mục đầu vào của dự án ({name}/).",
                                "Chọn một thư mục riêng, ví dụ “site” hoặc “build/pdf”.")
    for work in {(root / "build").resolve(), work_dir(root).resolve()}:
        if out == work or (site and out.is_relative_to(work)) or any(
                out == folder or out.is_relative_to(folder) for folder in (work / name for name in WORK_FOLDERS)):
            raise OutputRefused(out, "đây là thư mục làm việc của lệnh dựng (build/), nơi giữ bộ nhớ đệm.",
                                "Chọn một thư mục riêng, ví dụ “site” hoặc “build/pdf”.")
    return out


def public_folders(root: Path) -> list[Path]:
    """Where the public site goes: `site/`, and any folder `publish.public_dirs` names in the
    configuration (read leniently: this runs before the check)."""
    from generator.load.yamlload import load_yaml_text

    folders = [root / name for name in DEFAULT_PUBLIC]
    try:
        data = load_yaml_text((root / "data" / "config.yml").read_text(encoding="utf-8"), "data/config.yml").data
    except (OSError, ValueError):  # a config that cannot be read is the check's to report
        data = None
    publish = data.get("publish") if isinstance(data, dict) else None
    names = publish.get("public_dirs") if isinstance(publish, dict) else None
    for name in names if isinstance(names, list) else []:
        if isinstance(name, str) and name.strip():
            folders.append(root / name)
    return [f.resolve() for f in folders]


def refuse_unsafe_site_out(root: Path, out: Path, profile: str, default: Path) -> Path:
    """`refuse_unsafe_out`, and: an internal build never goes where the public site goes; a
    build replaces only a folder that is empty, missing, its default, or a site it made."""
    out = refuse_unsafe_out(root, out, site=True)
    marker = _read_marker(out)
    if profile != "public":
        for public in public_folders(root):
            if out == public or out.is_relative_to(public):
                raise OutputRefused(out, "đây là nơi đặt bản công khai; bản nội bộ có số điện thoại, địa chỉ… không được ghi vào đó.",
                                    "Bỏ --out để ghi vào site-noi-bo/, hoặc chọn một thư mục không công khai.")
        if marker.get("profile") == "public":
            raise OutputRefused(out, "thư mục này đang chứa bản công khai.",
                                "Ghi bản nội bộ vào một thư mục khác, ví dụ site-noi-bo/.")
    if out != Path(default).resolve() and out.is_dir() and not marker and any(out.iterdir()):
        raise OutputRefused(out, "thư mục đã có tệp không do lệnh dựng tạo ra; dựng sẽ thay toàn bộ thư mục.",
                            "Chọn một thư mục trống hoặc chưa có.")
    return out


def write_marker(site: Path, profile: str) -> None:
    (site / MARKER).write_text(json.dumps({"profile": profile}) + "\n", encoding="utf-8")


def _read_marker(out: Path) -> dict:
    try:
        data = json.loads((out / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


# ---------------------------------------------------------------------------- interrupted builds

LEFTOVERS = ("downloads-*", "admin-*")  # temporary folders a build makes in build/


@contextlib.contextmanager
def build_lock(work: Path, out: Path) -> Iterator[None]:
    """One build of a project at a time. Holding the lock, the leftovers of a build that was
    killed (temporary folders in build/ and beside the site) are removed; a SIGTERM while
    the build runs unwinds it like Ctrl+C, so its own `finally` blocks clean up."""
    work.mkdir(parents=True, exist_ok=True)
    with open(work / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        remove_leftovers(work, out)
        with _sigterm_unwinds():
            yield


def remove_leftovers(work: Path, out: Path) -> None:
    for pattern in LEFTOVERS:
        for path in work.glob(pattern):
            shutil.rmtree(path, ignore_errors=True)
    for pattern in (f".{out.name}-new-*", f".{out.name}-old-*"):
        for path in out.parent.glob(pattern):
            shutil.rmtree(path, ignore_errors=True)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the build is so that it unwinds and cleans up."""


# Stops that Python swallowed during this build: the handler's Terminated was raised inside a
# destructor or a callback `os.fork` runs, where Python prints "Exception ignored in …" and
# goes on. Raising it again at an arbitrary later moment is not safe (between a worker's fork
# and its registration in the pool, it leaves a child the exit waits for forever), so it is
# raised where unwinding is known to be safe: `stop_if_asked`, between the build's stages, and
# at the end of the guarded block at the latest.
_SWALLOWED: list[BaseException] = []


def stop_if_asked() -> None:
    """Between two stages of a build: stop if a SIGTERM came and Python swallowed it."""
    if _SWALLOWED:
        raise Terminated()


@contextlib.contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers belong to the main thread; `remove_leftovers` still cleans up
        return

    received = []

    def handler(signum, frame):
        received.append(signum)
        raise Terminated()

    def unraisable(info) -> None:
        if isinstance(info.exc_value, Terminated):
            _SWALLOWED.append(info.exc_value)  # said nothing of; raised again by stop_if_asked
            return
        previous_hook(info)

    _SWALLOWED.clear()
    previous = signal.signal(signal.SIGTERM, handler)
    previous_hook, sys.unraisablehook = sys.unraisablehook, unraisable
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        sys.unraisablehook = previous_hook
        _SWALLOWED.clear()
    if received:
        # Every delivery was swallowed and no stage boundary came after it: the build went on to
        # the end, but it was asked to stop, so it does not report success.
        raise Terminated()
