from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "tests" / "fixtures" / "base"


@pytest.fixture
def base_project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(BASE, target)
    return target
