"""Every module of the package imports, and then the YAML dumpers editors' files are written
with still write a date as dd/mm/yyyy (issue #13, item 6).

Why both at once: a module may register a representer on the shared dumper when it is
imported, and one once did so with a function it never imported — nothing failed until a
date reached the writer during an import. Importing everything first puts every such
registration in place before the dump."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil

import pytest
import yaml

import generator

ENTRY_POINT = "generator.__main__"  # importing it runs the command line


def _raise(name: str) -> None:
    raise ImportError(f"cannot import package {name}")


def _module_names() -> list[str]:
    names = [info.name for info in pkgutil.walk_packages(generator.__path__, prefix="generator.", onerror=_raise)]
    return sorted(name for name in names if name != ENTRY_POINT)


def _dumpers() -> list[type]:
    """The dumpers of generator.load.yamlwrite, and every dumper of the package built on them."""
    from generator.load import yamlwrite

    found = [obj for obj in vars(yamlwrite).values()
             if isinstance(obj, type) and issubclass(obj, yaml.representer.BaseRepresenter) and obj.__module__ == yamlwrite.__name__]
    queue = list(found)
    while queue:
        for sub in queue.pop().__subclasses__():
            if sub not in found:
                found.append(sub)
                queue.append(sub)
    return found


def test_the_walk_finds_the_stages():
    names = _module_names()
    assert len(names) > 50
    for name in ("generator.core.dates", "generator.load.yamlwrite", "generator.editors.excel.api", "generator.cli.main"):
        assert name in names


@pytest.fixture(scope="module")
def every_module_imported():
    for name in _module_names():
        importlib.import_module(name)  # raises for a module that fails to import


def test_every_module_imports(every_module_imported):
    pass


def test_the_editors_dumpers_write_dates_as_editors_do(every_module_imported):
    dumpers = _dumpers()
    assert dumpers and "EditorDumper" in {d.__name__ for d in dumpers}
    data = {"founding_decision": {"date": dt.date(2013, 6, 3)},
            "meetings": [{"date": dt.date(2024, 12, 15), "note": "Họp Tổ"}]}
    for dumper in dumpers:
        text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, default_flow_style=False)
        assert "date: 03/06/2013" in text, (dumper.__name__, text)
        assert "date: 15/12/2024" in text, (dumper.__name__, text)
        assert "2013-06-03" not in text and "2024-12-15" not in text, (dumper.__name__, text)
