"""The cache of files already read (generator/load/readcache.py): a check that takes unchanged
files from it reports exactly what a check without it reports, on every broken input of
tests/broken/; a changed file is read again; a damaged cache, or one from another version of
the code, is not used."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from pathlib import Path

import pytest

from generator.core.workdir import work_dir

from generator.load import readcache
from generator.checks.check import check_project
from test_broken_inputs import CASES, build_project, run_check

ROOT = Path(__file__).resolve().parents[1]


def _findings(report) -> list[tuple]:
    return [dataclasses.astuple(f) for f in report.sorted()]


def _cache_file(root: Path) -> Path:
    return work_dir(root) / "cache" / readcache.FILE_NAME


def _cached_names(root: Path) -> set[str]:
    with sqlite3.connect(_cache_file(root)) as db:
        return {name for (name,) in db.execute("SELECT name FROM reads")}


def test_every_broken_input_reports_the_same_from_the_cache(tmp_path, monkeypatch):
    """Case after case, as an editor works: the previous case's cache is carried over, so the
    base files come from it and the changed file is read afresh; a second check takes
    everything from the cache. Both must report exactly what a check without the cache does."""
    previous = None
    for number, case in enumerate(CASES):
        root = build_project(case, tmp_path / str(number))
        if previous is not None:
            _cache_file(root).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(_cache_file(previous), _cache_file(root))
        monkeypatch.setenv(readcache.CACHE_ENV, "on")
        _, mixed = run_check(root, case.max_bytes)
        _, warm = run_check(root, case.max_bytes)
        monkeypatch.setenv(readcache.CACHE_ENV, "off")
        _, cold = run_check(root, case.max_bytes)
        assert _findings(mixed) == _findings(cold), case.name
        assert _findings(warm) == _findings(cold), case.name
        previous = root
    assert len(CASES) > 50


def test_a_changed_file_is_read_again_and_a_removed_one_forgotten(tmp_path, monkeypatch):
    monkeypatch.setenv(readcache.CACHE_ENV, "on")
    root = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "fixtures" / "base", root)
    _, report = check_project(root)
    assert report.valid()
    team = sorted((root / "data" / "teams").rglob("*.yml"))[0]
    name = team.relative_to(root).as_posix()
    assert name in _cached_names(root)
    team.write_text(team.read_text(encoding="utf-8").replace("households: ", "households: -", 1), encoding="utf-8")
    _, report = check_project(root)
    assert any(f.file == name and f.severity.value == "error" for f in report.findings)
    team.unlink()
    check_project(root)
    assert name not in _cached_names(root)


def test_a_damaged_cache_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv(readcache.CACHE_ENV, "on")
    root = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "fixtures" / "base", root)
    _, first = check_project(root)
    _cache_file(root).write_bytes(b"not a database at all" * 100)
    _, second = check_project(root)
    assert _findings(second) == _findings(first)
    with sqlite3.connect(_cache_file(root)) as db:  # a damaged entry: read the file again
        db.execute("UPDATE reads SET value = x'00ff'")
    _, third = check_project(root)
    assert _findings(third) == _findings(first)


def test_a_cache_from_other_code_is_dropped(tmp_path, monkeypatch):
    monkeypatch.setenv(readcache.CACHE_ENV, "on")
    root = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "fixtures" / "base", root)
    check_project(root)
    assert _cached_names(root)
    monkeypatch.setattr(readcache, "_version", lambda: "another version of the code")
    answers = []
    real_get = readcache.ReadCache.get
    monkeypatch.setattr(readcache.ReadCache, "get", lambda self, name, key: answers.append(real_get(self, name, key)) or answers[-1])
    check_project(root)
    assert answers and all(answer is None for answer in answers)  # nothing taken from the old entries
    answers.clear()
    check_project(root)
    assert answers and all(answer is not None for answer in answers)  # the new version's entries


@pytest.mark.parametrize("setting", ["off", "0"])
def test_the_cache_can_be_turned_off(tmp_path, monkeypatch, setting):
    monkeypatch.setenv(readcache.CACHE_ENV, setting)
    root = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "fixtures" / "base", root)
    check_project(root)
    assert not _cache_file(root).exists()


def test_files_read_in_worker_processes_go_into_the_cache_too(tmp_path, monkeypatch):
    from generator.load import fileload

    monkeypatch.setattr(fileload, "PARALLEL_MIN_FILES", 0)
    monkeypatch.setattr(fileload, "available_workers", lambda: 2)
    monkeypatch.setenv(readcache.CACHE_ENV, "on")
    root = tmp_path / "project"
    shutil.copytree(ROOT / "tests" / "fixtures" / "base", root)
    _, cold = check_project(root)
    files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.suffix in (".yml", ".md")}
    assert _cached_names(root) == files
    _, warm = check_project(root)
    assert _findings(warm) == _findings(cold)
