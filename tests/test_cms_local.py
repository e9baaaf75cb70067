"""Acceptance (issue #14): the web editor against a local repository. A temporary git repository
copied from the sample (data/, content/, schemas/, mkdocs.yml; the two files edited first put in
the canonical layout, as `handbook fmt` leaves them, the team's note above a line kept), Decap's
local backend through the pinned decap-server (git mode: each save is a commit on a branch, as a
pull request would be), headless Chromium with every request to a host other than 127.0.0.1
aborted and recorded. One field of a team and one of a module are changed and saved: the branch
differs from main by one line in each file (the team's comment stays); a Q&A entry (Markdown,
left as it is) likewise keeps every line but the edited front-matter line. The team list shows
teams by village and commune name within 5 s, and a search for a village name finds its team."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator.produce import cms  # noqa: E402
from generator.produce.cms.config import village_labels  # noqa: E402
from generator.schema.content import Module  # noqa: E402
from generator.schema.team import Team  # noqa: E402
from test_cms_yaml import canonical_with_comments  # noqa: E402

pytestmark = pytest.mark.slow

TEAM = "data/teams/yen-the-dong-tam/to-dong-tam-thon-dong-vang.yml"
MODULE = "content/modules/cd1-vai-tro-dan-van.yml"
QA = "content/qa/khoi-dvcs-to-chuc/khoi-dvcs-vi-sao-can-de-an.md"  # as it is: `handbook fmt` leaves Markdown


def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@127.0.0.1",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@127.0.0.1"}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def repo(tmp_path) -> Path:
    repo = tmp_path / "repo"
    for name in ("data", "content", "schemas"):
        shutil.copytree(ROOT / name, repo / name)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    for rel, model in ((TEAM, Team), (MODULE, Module)):
        path = repo / rel
        path.write_text(canonical_with_comments(path.read_text(encoding="utf-8"), model), encoding="utf-8")
    # The team file's note above a group's households (a comment inside the body) is there; the
    # one-line diff below shows the CMS keeps it.
    assert "    # Cố ý: nhóm phụ trách 56 hộ" in (repo / TEAM).read_text(encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "mẫu")
    return repo


@pytest.fixture()
def proxy(repo, tmp_path):
    node = shutil.which("node")
    server = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
    if not node or not server.is_file():
        pytest.fail("node and node_modules/decap-server are needed: run `make setup` (npm ci).", pytrace=False)
    port = _free_port()
    env = {**os.environ, "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port), "BIND_HOST": "127.0.0.1",
           "MODE": "git", "LOG_LEVEL": "error", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@127.0.0.1",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@127.0.0.1"}
    log = open(tmp_path / "decap-server.log", "w")
    process = subprocess.Popen([node, str(server)], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        else:
            pytest.fail("decap-server did not start: " + (tmp_path / "decap-server.log").read_text())
        yield f"http://127.0.0.1:{port}/api/v1"
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def test_one_field_edit_is_a_one_line_diff(repo, proxy, tmp_path):
    pytest.importorskip("playwright.sync_api")
    from playwright.sync_api import sync_playwright

    from browser import launch, serve

    site = tmp_path / "site"
    cms.write_admin(site, repo)
    config_path = site / "admin" / "config.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["local_backend"] = {"url": proxy, "allowed_hosts": ["127.0.0.1"]}
    config_path.write_text(cms.config_yaml(config), encoding="utf-8")
    team_slug = TEAM.removeprefix("data/teams/").removesuffix(".yml")
    team = yaml.safe_load((repo / TEAM).read_text(encoding="utf-8"))
    qa = yaml.safe_load((repo / QA).read_text(encoding="utf-8").split("---\n")[1])
    module = yaml.safe_load((repo / MODULE).read_text(encoding="utf-8"))
    attempted: list[str] = []

    with serve(site) as origin, sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(locale="vi-VN", viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))

        def route(r):
            if r.request.url.startswith(("http://127.0.0.1:", "data:", "blob:")):
                r.continue_()
            else:
                attempted.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(origin + "/admin/index.html")
        page.get_by_role("button", name="Đăng nhập", exact=True).click()

        # The team list: by village and commune name, within 5 s.
        start = time.monotonic()
        page.goto(origin + "/admin/index.html#/collections/team")
        first = page.get_by_text(re.compile(r"^Tổ DVCĐ thôn .+ – xã .+")).first
        try:
            first.wait_for(timeout=30_000)
        finally:
            page.screenshot(path=str(tmp_path / "team-list-wait.png"))
        listed = time.monotonic() - start
        page.screenshot(path=str(tmp_path / "team-list-1280.png"), full_page=False)
        page.set_viewport_size({"width": 360, "height": 780})
        page.wait_for_timeout(500)
        first.scroll_into_view_if_needed()  # on a phone the collection tree comes first
        page.screenshot(path=str(tmp_path / "team-list-360.png"), full_page=False)
        page.set_viewport_size({"width": 1280, "height": 900})
        assert listed < 5, f"the team list took {listed:.1f} s"
        # Vietnamese throughout, and no glyph a phone without CJK fonts shows as a box
        chrome = page.inner_text("body")
        assert "Nhóm theo" in chrome and "Group by" not in chrome and "\uff0b" not in chrome

        # Searching by the village's name finds the team (Decap searches the summary's fields).
        label = village_labels(repo)[team["village"]][0]
        village = label.split(" – ")[0].removeprefix("Tổ DVCĐ thôn ")
        page.get_by_placeholder("Tìm kiếm tất cả").fill(village)
        page.get_by_placeholder("Tìm kiếm tất cả").press("Enter")
        page.get_by_text(label, exact=True).first.wait_for(timeout=30_000)
        page.screenshot(path=str(tmp_path / "team-search.png"))

        def edit(route: str, old: str, new: str):
            # A fresh load for each entry: after a save, a hash-only navigation to another
            # collection's entry opens the form with the saved entry's values.
            page.goto("about:blank")
            page.goto(f"{origin}/admin/index.html#/collections/{route}")
            page.get_by_role("button", name="Lưu", exact=True).wait_for(timeout=30_000)
            find = f"[...document.querySelectorAll('input')].findIndex(e => e.offsetParent && e.value === {old!r})"
            try:
                page.wait_for_function(f"{find} >= 0", timeout=30_000)
            except Exception:
                (tmp_path / "dump.html").write_text(page.content(), encoding="utf-8")
                page.screenshot(path=str(tmp_path / "dump.png"), full_page=True)
                raise
            page.locator("input").nth(page.evaluate(find)).fill(new)
            page.get_by_role("button", name="Lưu", exact=True).click()
            page.get_by_text("Mục đã được lưu").wait_for(timeout=30_000)

        edit(f"team/entries/{team_slug}", team["founding_decision"]["number"], "99-QĐ/ĐU")
        edit(f"module/entries/{Path(MODULE).stem}", str(module["duration_minutes"]), "90")
        edit(f"qa/entries/{QA.removeprefix('content/qa/').removesuffix('.md')}", str(qa["order"]), "8")
        browser.close()

    assert not attempted, attempted
    assert not errors, errors
    branches = _git(repo, "for-each-ref", "--format=%(refname:short)", "refs/heads/cms").split()
    assert len(branches) == 3, branches
    for rel, old, new in ((TEAM, f"  number: {team['founding_decision']['number']}", '  number: "99-QĐ/ĐU"'),
                          (MODULE, f"duration_minutes: {module['duration_minutes']}", "duration_minutes: 90"),
                          (QA, f"order: {qa['order']}", "order: 8")):
        (branch,) = [b for b in branches if Path(rel).stem in b]
        diff = _git(repo, "diff", "--unified=0", "main", branch, "--", rel)
        changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        assert changed == [f"-{old}", f"+{new}"] or changed == [f'-{old.split(": ")[0]}: "{old.split(": ")[1]}"',
                                                                    f"+{new}"], diff
