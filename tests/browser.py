"""Shared helpers for the browser tests: a static file server on loopback, the Chromium
launch (Debian's /usr/bin/chromium, never a downloaded browser) and a request recorder.

    with serve(site_dir) as origin, sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        log = RequestLog(page)
        page.goto(origin + "/index.html")
        assert not log.foreign(origin)

Nothing here touches the network beyond 127.0.0.1: the server binds to loopback on a free
port, and Chromium runs with background networking, component updates, sync and QUIC off.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = os.environ.get("DV_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# URL schemes a page may use without leaving the machine.
LOCAL_SCHEMES = ("data:", "about:", "blob:")


def require_chromium() -> str:
    """The Chromium executable; skips the caller when it is missing on a developer machine,
    fails on CI (where scripts/install-system-packages.sh installs it)."""
    path = CHROMIUM if os.path.isabs(CHROMIUM) else shutil.which(CHROMIUM)
    if path and os.access(path, os.X_OK):
        return path
    message = (f"Chromium not found at {CHROMIUM}; install it with scripts/install-system-packages.sh "
               "(never `playwright install`), or point DV_CHROMIUM at it.")
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def launch(playwright, **kwargs):
    """A headless Chromium that makes no background requests of its own."""
    return playwright.chromium.launch(executable_path=require_chromium(), args=LAUNCH_ARGS, **kwargs)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files and says nothing (the default handler logs every request to stderr)."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".svg": "image/svg+xml",
    }

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - stdlib signature
        pass

    def log_error(self, format: str, *args) -> None:  # noqa: A002
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # the browser closing a keep-alive connection early is not worth a traceback


@contextlib.contextmanager
def serve(directory: Path | str, handler_class=None) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (a free port) in a thread; yields the origin
    ("http://127.0.0.1:PORT", no trailing slash). `handler_class` replaces the quiet static handler."""
    handler = functools.partial(handler_class or _QuietHandler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class RequestLog:
    """Every URL a page requests (documents, scripts, styles, images, fonts, workers...)."""

    def __init__(self, page) -> None:
        self.urls: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))

    def foreign(self, origin: str) -> list[str]:
        """URLs that went neither to `origin` nor to a local scheme (data:, about:, blob:)."""
        allowed = (origin.rstrip("/") + "/",) + LOCAL_SCHEMES
        return [u for u in self.urls if not u.startswith(allowed)]


def file_url(path: Path | str) -> str:
    return Path(path).resolve().as_uri()
