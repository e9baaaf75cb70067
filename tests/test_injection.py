"""Script injection through data: a payload goes into every string field of every file kind
that accepts it, the project is built, and every built page is opened in headless Chromium
with listeners for dialogs and script errors; the HTML is also parsed for the payload's
tags. Titles and navigation labels reach the engine's own templates, which do not escape."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.build.pipeline import build
from generator.checks.check import check_project
from generator.load.yamlload import format_path

from browser import launch, serve
from projects import buildable_base

# Each part breaks out of a different context: element text, an attribute, <title>, a script.
PAYLOAD = " <img src=x onerror=alert(1)>\"'><svg onload=alert(2)></title><script>alert(3)</script>&amp;"

pytestmark = pytest.mark.slow


def _leaves(node, path=()):
    if isinstance(node, str):
        yield path
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _leaves(value, path + (i,))


def _set(node, path, value):
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


def _get(node, path):
    for part in path:
        node = node[part]
    return node


class _Doc:
    """A data file or a Markdown file's front matter and body, with its string leaves."""

    def __init__(self, path: Path):
        self.path = path
        text = path.read_text(encoding="utf-8")
        self.body = None
        if path.suffix == ".md":
            _, front, self.body = text.split("---\n", 2)
            self.data = yaml.safe_load(front)
        else:
            self.data = yaml.safe_load(text)
        self.original = {leaf: _get(self.data, leaf) for leaf in _leaves(self.data)}
        self.poisoned = set(self.original)

    def write(self) -> None:
        for leaf, value in self.original.items():
            _set(self.data, leaf, value + PAYLOAD if leaf in self.poisoned else value)
        dumped = yaml.safe_dump(self.data, allow_unicode=True, sort_keys=False, width=10_000)
        if self.body is None:
            self.path.write_text(dumped, encoding="utf-8")
        else:
            self.path.write_text(f"---\n{dumped}---\n{self.body}\n{PAYLOAD}\n", encoding="utf-8")

    def revert(self, finding) -> bool:
        """Take the payload out of the leaves a finding names by its key path, or whose value
        its message quotes; says whether any was taken out."""
        named = {leaf for leaf in self.poisoned
                 if (finding.path and _under(format_path(leaf), finding.path))
                 or (self.original[leaf] + PAYLOAD) in finding.message}
        self.poisoned -= named
        return bool(named)


def _under(leaf: str, prefix: str) -> bool:
    return leaf == prefix or leaf.startswith(prefix + ".") or leaf.startswith(prefix + "[")


def _poisoned_project(tmp_path: Path) -> tuple[Path, int, set[str]]:
    """The base fixture with the payload in every string that still passes `check`."""
    project = buildable_base(tmp_path / "p")
    docs = {p.relative_to(project).as_posix(): _Doc(p) for p in sorted(project.glob("[dc]*/**/*"))
            if p.suffix in (".yml", ".md")}
    for _ in range(8):
        for doc in docs.values():
            doc.write()
        _, report = check_project(project)
        if not report.errors:
            break
        changed = [docs[f.file].revert(f) for f in report.errors if f.file in docs]
        if not any(changed):  # errors no single leaf explains: clear the files they are in
            for finding in report.errors:
                if finding.file in docs:
                    docs[finding.file].poisoned.clear()
    else:
        pytest.fail("the payload could not be placed so that the project passes the check")
    kept = sum(len(d.poisoned) for d in docs.values())
    kinds = {rel.split("/")[1] for rel, d in docs.items() if d.poisoned}
    return project, kept, kinds


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        if (tag == "img" and dict(attrs).get("src") == "x") or tag == "svg" and "onload" in names:
            self.bad.append(self.get_starttag_text())
        if any(name.startswith("on") for name in names) and not self._deferred_stylesheet(tag, attrs):
            self.bad.append(self.get_starttag_text())

    @staticmethod
    def _deferred_stylesheet(tag, attrs) -> bool:
        """The one handler the build itself writes: the first-paint step's deferred stylesheet,
        <link … media="print" onload="this.media='all'" data-dv-css> (generator/build/first_paint.py).
        Matched exactly, so a payload's handler is never taken for it."""
        values = dict(attrs)
        return (tag == "link" and "data-dv-css" in values and values.get("rel") == "stylesheet"
                and {n for n, _ in attrs if n.startswith("on")} == {"onload"} and values["onload"] == "this.media='all'")


def test_payload_in_every_string_field_runs_nowhere(tmp_path):
    project, kept, kinds = _poisoned_project(tmp_path)
    assert kept >= 40, kept
    # Every file kind of the fixture carries the payload somewhere.
    assert {"teams", "units", "models", "blocs", "assignments", "config.yml", "documents.yml", "topics.yml",
            "qa"} <= kinds, kinds
    site = build(project, out=tmp_path / "site", pdf=False).site_dir
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 15
    text = "".join(p.read_text(encoding="utf-8") for p in pages)
    assert "alert(1)" in text, "the payload should be shown, escaped, on the pages"
    for page in pages:
        parser = _Tags()
        parser.feed(page.read_text(encoding="utf-8"))
        assert not parser.bad, (page.relative_to(site).as_posix(), parser.bad[:3])

    from playwright.sync_api import sync_playwright

    dialogs: list[str] = []
    errors: list[str] = []
    with serve(site) as origin, sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
        for path in pages:
            page.goto(f"{origin}/{path.relative_to(site).as_posix()}", wait_until="load")
            page.wait_for_timeout(50)  # let an image's error event fire
        browser.close()
    assert not dialogs, dialogs[:5]
    assert not errors, errors[:5]
