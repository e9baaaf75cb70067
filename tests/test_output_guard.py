"""Commands that cannot destroy their input: `--out` pointed at the project or into its inputs,
or an internal build pointed where the public site goes, is refused with exit 2 and no file
touched; a build killed midway leaves no temporary folder after the next build."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from projects import ROOT, buildable_base

from generator.core.workdir import work_dir



def _project(tmp_path: Path) -> Path:
    project = buildable_base(tmp_path / "p")
    (project / "schemas").mkdir()
    (project / "schemas" / "team.schema.json").write_text("{}", encoding="utf-8")
    return project


def _hashes(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder` (the project and what is beside it), by content."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        out[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return out


def _handbook(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "HANDBOOK_READ_CACHE": "off"})


REFUSED = [
    ("build", "--out", "data"),
    ("build", "--out", "data/teams"),
    ("build", "--out", "content"),
    ("build", "--out", "theme"),
    ("build", "--out", "schemas"),
    ("build", "--out", "."),
    ("build", "--out", ".."),
    ("build", "--out", "build"),
    ("build", "--out", "build/cache"),
    ("build", "--profile", "internal", "--out", "site"),
    ("build", "--profile", "internal", "--out", "site/noi-bo"),
    ("build", "--profile", "internal", "--out", "cong-khai"),  # named public in the config
    ("build", "--out", "tai-lieu"),  # someone else's files: a build would replace them all
    ("pdf", "so-tay-hoi-dap", "--out", "content"),
    ("report", "--out", "data"),
    ("template", "--out", "data/teams/mau.xlsx"),
    ("cms", "--out", "theme"),
    ("synth", "--scale", "tiny", "--out", "data"),
]


@pytest.mark.parametrize("args", REFUSED, ids=[" ".join(a) for a in REFUSED])
def test_out_into_the_inputs_is_refused_and_nothing_is_touched(tmp_path, args):
    project = _project(tmp_path)
    config = project / "data" / "config.yml"
    config.write_text(config.read_text(encoding="utf-8") + "publish:\n  public_dirs: [cong-khai]\n", encoding="utf-8")
    (project / "tai-lieu").mkdir()
    (project / "tai-lieu" / "bao-cao.docx").write_bytes(b"not ours")
    before = _hashes(tmp_path)
    result = _handbook(*args, "--root", str(project), cwd=project)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "Không ghi vào" in result.stderr
    assert _hashes(tmp_path) == before


def test_the_internal_build_is_refused_where_a_public_build_already_is(tmp_path):
    project = _project(tmp_path)
    out = tmp_path / "www"
    assert _handbook("build", "--no-pdf", "--out", str(out), cwd=project).returncode == 0
    assert (out / ".handbook-site.json").is_file()
    before = _hashes(tmp_path)
    result = _handbook("build", "--no-pdf", "--profile", "internal", "--out", str(out), cwd=project)
    assert result.returncode == 2 and "bản công khai" in result.stderr
    assert _hashes(tmp_path) == before
    # The same folder takes a public build again, and an internal build goes elsewhere.
    assert _handbook("build", "--no-pdf", "--force", "--out", str(out), cwd=project).returncode == 0
    assert _handbook("build", "--no-pdf", "--profile", "internal", cwd=project).returncode == 0


def _leftovers(project: Path) -> list[str]:
    found = [p.name for p in work_dir(project).glob("downloads-*")]
    found += [p.name for p in work_dir(project).glob("admin-*")]
    found += [p.name for p in project.glob(".site-*")]
    return found


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_a_build_stopped_midway_leaves_no_temporary_folder_after_the_next_build(tmp_path, sig):
    project = _project(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "HANDBOOK_READ_CACHE": "off"}, start_new_session=True)
    deadline = time.monotonic() + 300
    while not _leftovers(project) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the build ended before it could be stopped"
    if sig == signal.SIGTERM:
        process.send_signal(sig)  # the build alone, as `kill PID` would
    else:
        os.killpg(process.pid, sig)  # the build and its workers, as a cancelled CI job would
    _, stderr = process.communicate(timeout=120)
    assert process.returncode != 0
    assert "Traceback" not in stderr
    if sig == signal.SIGTERM:  # it unwinds and cleans up after itself
        assert not _leftovers(project), _leftovers(project)
    result = _handbook("build", "--no-pdf", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not _leftovers(project)
    assert (project / "site" / "index.html").is_file()


ALLOWED = [
    ("pdf",),  # lists the publications; its default folder is build/pdf
    ("report", "--period", "nam"),  # into build/bao-cao
    ("template", "--out", "mau.xlsx"),
]


@pytest.mark.parametrize("args", ALLOWED, ids=[" ".join(a) for a in ALLOWED])
def test_the_default_folders_inside_build_are_allowed(tmp_path, args):
    project = _project(tmp_path)
    result = _handbook(*args, "--root", str(project), cwd=project)
    assert result.returncode == 0, (result.stdout, result.stderr)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the swallowed exception, on purpose
def test_a_sigterm_python_swallows_still_stops_the_build():
    """A SIGTERM whose exception lands in a destructor is swallowed by Python ("Exception ignored
    in …") and the build would go on to report success; it stops with Terminated all the same."""
    from generator.build.outguard import Terminated, _sigterm_unwinds

    class SignalsWhileCollected:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(1000):  # the handler runs here, between bytecodes of the destructor
                pass

    with pytest.raises(Terminated):
        with _sigterm_unwinds():
            doomed = SignalsWhileCollected()
            del doomed
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


SWALLOWED_THEN_NEXT_STAGE = """
import signal, sys, time
from generator.build.outguard import Terminated, _sigterm_unwinds, stop_if_asked

class SignalsWhileCollected:
    def __del__(self):
        signal.raise_signal(signal.SIGTERM)
        for _ in range(1000):  # the handler runs here, where Python swallows what it raises
            pass

try:
    with _sigterm_unwinds():
        doomed = SignalsWhileCollected()
        del doomed
        print("after the destructor", flush=True)
        stop_if_asked()  # between two stages of the build
        print("next stage", flush=True)
except Terminated:
    sys.exit(3)
"""


def test_a_swallowed_sigterm_stops_the_build_at_the_next_stage_and_prints_nothing():
    """On CI a SIGTERM landed in a callback `os.fork` runs: Python printed "Exception ignored in
    … Traceback" and the build ran on to its end. The swallowed stop is now kept quietly and
    raised between the build's stages (raising it at an arbitrary moment later could fall
    between a worker's fork and its registration, and the exit would wait for that worker)."""
    result = subprocess.run([sys.executable, "-c", SWALLOWED_THEN_NEXT_STAGE], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 3, (result.stdout, result.stderr)
    assert "after the destructor" in result.stdout
    assert "next stage" not in result.stdout  # stopped at the stage boundary
    assert "Exception ignored" not in result.stderr
    assert "Traceback" not in result.stderr


STOPPED_WITH_A_WORKER = """
import multiprocessing, time
import click
from generator.build.outguard import Terminated
from generator.cli.group import VietnameseGroup

def worker():
    time.sleep(90)

@click.group(cls=VietnameseGroup)
def group():
    pass

@group.command()
def run():
    # A worker no pool will ever tell to stop, as when the signal lands between a worker's
    # fork and its registration: a normal exit joins it, and would wait the whole 90 s.
    multiprocessing.get_context("fork").Process(target=worker).start()
    raise Terminated()

group(["run"])
"""


def test_a_command_stopped_ends_at_once_without_waiting_for_its_workers():
    """On CI a build stopped by SIGTERM printed "Đã dừng." and then did not exit within two
    minutes: the exit waited for a worker process. After a stop the command ends at once and
    stops its workers."""
    try:
        result = subprocess.run([sys.executable, "-c", STOPPED_WITH_A_WORKER], cwd=ROOT,
                                capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("the stopped command waited for its worker instead of ending")
    assert result.returncode == 1
    assert result.stderr.strip() == "Đã dừng."  # and no traceback
