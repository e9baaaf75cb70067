from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# No test writes into the repository: the working files of every project a test checks or
# builds (caches, stamps, the engine's pages) go to a temporary folder, one per project.
os.environ.setdefault("HANDBOOK_BUILD_DIR", tempfile.mkdtemp(prefix="handbook-work-"))

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "tests" / "fixtures" / "base"


@pytest.fixture
def base_project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(BASE, target)
    return target


# Whole modules that build sites or PDFs, or drive Chromium: `pytest -m "not slow"` leaves
# them out for a quick loop (`make test` runs everything). Single slow tests elsewhere carry
# @pytest.mark.slow themselves.
SLOW_MODULES = {"test_site_build", "test_site_browser", "test_incremental", "test_pii_build", "test_print"}
SLOW_TESTS = {"test_editor_saves_what_it_loaded", "test_admin_page_loads_offline"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.module.__name__.rsplit(".", 1)[-1] in SLOW_MODULES or item.originalname in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium through Playwright, one per test module (tests/browser.py launches it
    with the flags this machine's closed network needs)."""
    pytest.importorskip("playwright.sync_api")
    from playwright.sync_api import sync_playwright

    from browser import launch, require_chromium
    require_chromium()
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()
