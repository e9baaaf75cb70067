"""Preview: takes a project root, builds the site, serves it on the loopback interface and
rebuilds when data, content, theme or configuration change. A failed rebuild prints its
findings and keeps serving the last good site."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import Callable

WATCHED = ("data", "content", "theme", "mkdocs.yml")


def snapshot(root: Path) -> dict[str, float]:
    stamps: dict[str, float] = {}
    for name in WATCHED:
        path = root / name
        if path.is_file():
            stamps[name] = path.stat().st_mtime
        elif path.is_dir():
            for child in path.rglob("*"):
                if child.is_file():
                    stamps[child.relative_to(root).as_posix()] = child.stat().st_mtime
    return stamps


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass


def serve(root: Path, site: Path, rebuild: Callable[[], None], host: str = "127.0.0.1", port: int = 8000,
          interval: float = 1.0, stop: threading.Event | None = None, on_ready: Callable[[int], None] | None = None) -> None:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    if on_ready:
        on_ready(server.server_address[1])
    stop = stop or threading.Event()
    last = snapshot(root)
    try:
        while not stop.wait(interval):
            current = snapshot(root)
            if current != last:
                last = current
                rebuild()
    finally:
        server.shutdown()
        server.server_close()

