"""Builds that only redo what changed: nothing changed → nothing rendered or rewritten; one
team file changed → only the pages and documents that show that team change."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from generator.build import downloads as downloads_module
from generator.core.workdir import work_dir
from generator.build import pipeline as build_module
from generator.build.pipeline import build

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path) -> Path:
    target = tmp_path / "p"
    for name in ("data", "content", "theme"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    # Share the PDF cache with the repository's builds: the PDFs do not depend on the path.
    (work_dir(ROOT) / "pdf-cache").mkdir(parents=True, exist_ok=True)
    work_dir(target).mkdir(parents=True)
    (work_dir(target) / "pdf-cache").symlink_to(work_dir(ROOT) / "pdf-cache", target_is_directory=True)
    return target


def snapshot(site: Path) -> dict[str, tuple[str, int]]:
    return {p.relative_to(site).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_rebuild_with_nothing_changed_renders_nothing_and_rewrites_nothing(project, monkeypatch):
    first = build(project)
    before = snapshot(first.site_dir)
    calls = []
    monkeypatch.setattr(downloads_module, "render_all", lambda *a, **k: calls.append(a) or [])
    monkeypatch.setattr(build_module, "build_site", lambda *a, **k: calls.append(a))
    again = build(project)
    assert again.skipped and again.rendered_pages == 0
    assert calls == []  # no PDF and no page went to a renderer
    assert snapshot(again.site_dir) == before  # same bytes, same modification times


def test_changing_one_team_changes_only_what_shows_that_team(project):
    first = build(project)
    before = snapshot(first.site_dir)
    team = project / "data" / "teams" / "tan-yen-phuc-son" / "to-phuc-son-thon-dong.yml"
    text = team.read_text(encoding="utf-8")
    # A member who consented to publication: their name is on the commune page.
    match = re.search(r"given_name: (\S+)\n(?:.*\n){0,12}?\s+consent_to_publish: true", text)
    assert match, "the sample team needs a consenting member"
    team.write_text(text[:match.start(1)] + "Thửnghiệm" + text[match.end(1):], encoding="utf-8")
    second = build(project)
    after = snapshot(second.site_dir)
    changed = {path for path in after if path not in before or after[path][0] != before[path][0]}
    assert "don-vi/bg-tan-yen-phuc-son.html" in changed
    allowed = re.compile(r"^(don-vi/bg-tan-yen-phuc-son\.html|assets/search/.*|sw\.js|downloads/(api/teams\.json|csv/team_members\.csv"
                         r"|danh-sach-khoi-to-dan-van\.xlsx|so-tay-dan-van-ngoai-tuyen\.zip))$")
    assert sorted(p for p in changed if not allowed.match(p)) == []
    assert second.rendered_pages == 1
    untouched = [p for p in before if p.endswith(".html") and p not in changed]
    assert all(after[p][1] == before[p][1] for p in untouched if p not in ("404.html",)), "unchanged pages were rewritten"
    pdfs = [p for p in before if p.endswith(".pdf")]
    assert pdfs and all(after[p] == before[p] for p in pdfs)  # no document shows a member's name


def test_the_navigation_changing_rebuilds_every_page(project):
    build(project)
    topics = project / "content" / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8").replace("Ý nghĩa của công tác dân vận", "Vì sao công tác dân vận quan trọng"),
                      encoding="utf-8")
    result = build(project, pdf=False)
    assert result.rendered_pages is None  # a full build: the navigation is on every page
    assert "Vì sao công tác dân vận quan trọng" in (result.site_dir / "don-vi" / "bg-tan-yen-phuc-son.html").read_text(encoding="utf-8")


def _change_a_team(project: Path) -> None:
    team = project / "data" / "teams" / "tan-yen-phuc-son" / "to-phuc-son-thon-dong.yml"
    text = team.read_text(encoding="utf-8")
    team.write_text(re.sub(r"households: (\d+)", lambda m: f"households: {int(m.group(1)) + 1}", text, count=1), encoding="utf-8")


def test_one_team_changing_takes_every_agency_calendar_from_the_cache(project, monkeypatch):
    build(project)
    made = []
    real = downloads_module.assignment_events_ics
    monkeypatch.setattr(downloads_module, "assignment_events_ics", lambda ds, aid: made.append(aid) or real(ds, aid))
    _change_a_team(project)
    second = build(project)
    assert made == []  # no assignment file changed: no calendar event was made again
    assert (second.site_dir / "downloads" / "lich" / "hoat-dong-tai-co-so.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_a_failed_rebuild_leaves_the_shared_downloads_of_the_previous_site_as_they_were(project, monkeypatch):
    """The new site shares unchanged downloads with the old one by hard links; a download
    that changes is written as a new file, so the old site never sees half a build."""
    first = build(project)
    roster = first.site_dir / "downloads" / "danh-sach-khoi-to-dan-van.xlsx"
    before = roster.read_bytes()

    def fail(*args, **kwargs):
        raise RuntimeError("stop after the downloads were written")
    monkeypatch.setattr(build_module, "_write_admin", fail)
    _change_a_team(project)
    with pytest.raises(RuntimeError):
        build(project)
    assert roster.read_bytes() == before
    assert not list(first.site_dir.parent.glob(f".{first.site_dir.name}-new-*"))  # no half-built site left behind
