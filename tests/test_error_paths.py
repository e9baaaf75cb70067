"""Failures a user can meet end in a Vietnamese message and a documented exit code, never a
traceback: a missing print font, a missing web-editor bundle, an output folder refused. (A
workbook that is not a workbook: tests/test_excel_import.py,
test_files_that_are_not_workbooks_get_a_vietnamese_error.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from projects import buildable_base

from generator.core.errors import EXIT_CODES, BuildError, DiffError, FontMissing, HandbookError, OutputRefused


def _handbook(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "HANDBOOK_READ_CACHE": "off", **env})


def _no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr


@pytest.mark.parametrize("args", [("pdf", "so-tay-hoi-dap"), ("report", "--period", "nam")])
def test_a_missing_font_is_a_vietnamese_error(tmp_path, args):
    from pii_project import copy_base  # a project with publications to print

    project = copy_base(tmp_path / "p")
    result = _handbook(*args, cwd=project, HANDBOOK_FONT_DIRS=str(tmp_path / "khong-co"))
    _no_traceback(result)
    assert result.returncode == 1
    assert "Không tìm thấy phông chữ Tinos" in result.stderr and "fonts-croscore" in result.stderr


@pytest.mark.slow
def test_a_build_without_the_editor_bundle_says_so_and_the_cms_command_fails(tmp_path):
    project = buildable_base(tmp_path / "p")
    missing = {"HANDBOOK_NODE_MODULES": str(tmp_path / "khong-co")}
    result = _handbook("build", "--no-pdf", cwd=project, **missing)
    _no_traceback(result)
    assert result.returncode == 0
    assert "Lưu ý: Trang web không có trang biên tập /admin/" in result.stderr
    assert not (project / "site" / "admin").exists()
    result = _handbook("cms", cwd=project, **missing)
    _no_traceback(result)
    assert result.returncode == 1 and "npm ci" in result.stderr


def test_diff_outside_a_git_repository_or_with_an_unknown_revision_is_a_vietnamese_error(tmp_path):
    from pii_project import copy_base

    project = copy_base(tmp_path / "p")
    result = _handbook("diff", "HEAD", cwd=project, GIT_CEILING_DIRECTORIES=str(tmp_path))
    _no_traceback(result)
    assert result.returncode == DiffError.exit_code == 2, result.stderr
    assert "Không so sánh được" in result.stderr and "không nằm trong một kho git" in result.stderr, result.stderr
    env = {"GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@b", "GIT_COMMITTER_NAME": "a", "GIT_COMMITTER_EMAIL": "a@b"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, env={**os.environ, **env})
    result = _handbook("diff", "khong-co-ban-nay", cwd=project)
    _no_traceback(result)
    assert result.returncode == 2 and "không tìm thấy phiên bản “khong-co-ban-nay”" in result.stderr, result.stderr


def test_every_user_facing_error_is_a_click_exception_with_a_documented_exit_code():
    for error in (BuildError("x"), OutputRefused("site", "vì", "hãy"), FontMissing("x"), HandbookError("x")):
        assert error.exit_code in EXIT_CODES
    assert OutputRefused("a", "b", "c").exit_code == 2
