"""The editors' path end to end, outside this repository, as a province walks it: `handbook new`
→ git init and commit → `handbook check` clean → `handbook build` → edit one team →
`pre-commit run` (the hooks installed by pre-commit itself from the tool's git repository,
pinned to a tag, with no virtual environment on PATH) passes and leaves nothing behind →
`handbook diff HEAD` names the change."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
pytestmark = pytest.mark.slow


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True,
                          env={**os.environ, "GIT_AUTHOR_NAME": "Biên tập viên", "GIT_AUTHOR_EMAIL": "btv@example.org",
                               "GIT_COMMITTER_NAME": "Biên tập viên", "GIT_COMMITTER_EMAIL": "btv@example.org"})
    return done.stdout


def handbook(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    # As an editor runs it: the working folder (caches) is the project's own build/, not the
    # temporary one the other tests use, so the test sees whether it dirties the repository.
    env = {k: v for k, v in os.environ.items() if k != "HANDBOOK_BUILD_DIR"}
    return subprocess.run([str(BIN / "handbook"), *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          env=env)


@pytest.fixture
def tool_repo(tmp_path) -> Path:
    """This repository's committed state, cloned and tagged: the "git repository of the tool"."""
    clone = tmp_path / "dan-van-handbook"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    git(clone, "tag", "v0.0.0-test")
    return clone


def test_a_province_walks_the_editors_path(tmp_path, tool_repo):
    repo = tmp_path / "so-tay-thai-nguyen"
    made = handbook(tmp_path, "new", str(repo), "--province", "Thái Nguyên", "--repo", "bdv-tn/so-tay",
                    "--tool-url", str(tool_repo), "--tool-ref", "v0.0.0-test")
    assert made.returncode == 0, made.stderr
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "Khởi tạo sổ tay")

    checked = handbook(repo, "check")
    assert checked.returncode == 0 and "0 lỗi, 0 cảnh báo" in checked.stdout, checked.stdout
    built = handbook(repo, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    assert (repo / "site" / "index.html").is_file()
    assert git(repo, "status", "--porcelain") == ""  # build/, site/ are ignored

    team = repo / "data/teams/xa-vi-du/to-vi-du-thon-mot.yml"
    team.write_text(team.read_text(encoding="utf-8").replace("households: 40", "households: 45"), encoding="utf-8")
    git(repo, "add", "-A")

    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"),
           "LANG": "C.UTF-8", "PYTHONUTF8": "1"}
    env.update({k: v for k, v in os.environ.items() if k.startswith("PIP_")})
    assert shutil.which("handbook", path=env["PATH"]) is None  # no tool on PATH: pre-commit installs its own
    hooks = subprocess.run([str(BIN / "pre-commit"), "run"], cwd=repo, env=env, capture_output=True, text=True)
    assert hooks.returncode == 0, hooks.stdout + hooks.stderr
    assert "handbook" in hooks.stdout
    assert git(repo, "status", "--porcelain").splitlines() == ["M  data/teams/xa-vi-du/to-vi-du-thon-mot.yml"]

    summary = handbook(repo, "diff", "HEAD")
    assert summary.returncode == 0, summary.stderr
    assert "to-vi-du-thon-mot" in summary.stdout or "Một (ví dụ)" in summary.stdout, summary.stdout
    assert "45" in summary.stdout, summary.stdout
