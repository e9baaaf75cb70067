"""Whatever an editor saves, no traceback: a file of the fixture project (any kind) is mutated
line by line or value by value; the check must return a report, and when it finds no error
every producer (pages, search index, JSON, CSV, XLSX, calendars, reports, print HTML, quiz
exports) must run to the end. A value the check lets through with a warning is exactly what
a producer may not expect."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.checks.check import check_project
from generator.produce.exports import activities_calendar, csv_exports, deadlines_calendar, json_api, roster_workbook
from generator.produce.printing.documents import jobs_for
from generator.produce.quiz_export import write_quiz_exports
from generator.produce.reports import compute, periods_due, report_workbook
from generator.produce.site.pages import produce_pages
from generator.produce.site.search_index import build_search_index

from test_property import _mutate

BASE = Path(__file__).resolve().parent / "fixtures" / "base"
FILES = sorted(p.relative_to(BASE).as_posix() for p in BASE.rglob("*") if p.suffix in (".yml", ".md"))

pytestmark = pytest.mark.slow

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**7, 10**7), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=25),
    st.sampled_from(["", " ", "0", "-1", "1.068", "13/13/2024", "29/02/2023", "31/12/1899", "01/01/2100", "tốt",
                     "xuat_sac", "khong-co", "=1+1", "<b>x</b>", "[a](javascript:alert(1))", "0912 345 678",
                     "x" * 500, "Đảng ủy", "ấp", "\u0301", "a\u0000b"]),
)


def _leaves(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _leaves(v, path + (i,))
    else:
        yield path


def _mutate_value(text: str, markdown: bool, data: st.DataObject) -> str:
    """Replace a few values of the file with others (of any type), keeping it well-formed."""
    body = None
    if markdown:
        _, front, body = text.split("---\n", 2)
        text = front
    tree = yaml.safe_load(text)
    leaves = [p for p in _leaves(tree) if p]
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(leaves))
        node = tree
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = data.draw(scalars)
    dumped = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    return f"---\n{dumped}---\n{body}" if markdown else dumped


def _produce_everything(ds, report, tmp: Path) -> None:
    for profile in ("public", "internal"):
        content = produce_pages(ds, report, profile)
        build_search_index(content.search_docs)
        json_api(ds, profile)
        csv_exports(ds, profile)
        roster_workbook(ds, profile)
    deadlines_calendar(ds)
    activities_calendar(ds)
    for period, year in periods_due(ds):
        report_workbook(ds, compute(ds, report, period, year))
    for job in jobs_for(ds):
        assert job.html
    write_quiz_exports(ds, tmp / "moodle")


@settings(max_examples=45, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.data())
def test_no_mutation_of_any_file_raises_in_check_or_any_producer(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("p")
    shutil.copytree(BASE, root, dirs_exist_ok=True)
    rel = data.draw(st.sampled_from(FILES))
    path = root / rel
    text = path.read_text(encoding="utf-8")
    if data.draw(st.booleans()):
        text = _mutate_value(text, rel.endswith(".md"), data)
    else:
        text = _mutate(text, data)
    path.write_text(text, encoding="utf-8")
    ds, report = check_project(root)
    assert not any(f.code.startswith("INTERNAL") for f in report.findings)
    if report.valid():
        _produce_everything(ds, report, root)
