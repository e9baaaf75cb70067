"""The package shows its pipeline: every module of `generator/` sits in a stage folder, and
imports flow one way, core ← load ← schema ← model ← checks ← produce ← build / editors ←
cli (synth sits beside produce, built on the models). An import against that order, or any
import cycle between modules, fails this test; a small fixture package shows that it does."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "generator"

# A stage may import its own stage and any stage of a lower rank; stages of equal rank
# (build and editors; produce and synth) may not import each other.
RANKS = {"core": 0, "load": 1, "schema": 2, "model": 3, "checks": 4, "produce": 5, "synth": 5,
         "build": 6, "editors": 6, "cli": 7}
TOP_LEVEL = {"__init__", "__main__"}  # the package's own entry points


def module_name(path: Path, package_dir: Path) -> str:
    parts = list(path.relative_to(package_dir.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path, package_dir: Path) -> set[str]:
    """Modules of the package that `path` imports, anywhere in it (a function-level import is
    an import all the same), resolved to module names."""
    name = module_name(path, package_dir)
    is_package = path.name == "__init__.py"
    base = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                target = base[: len(base) - node.level + 1]
                module = ".".join(target + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)  # `from . import x`
    root = package_dir.name
    return {m for m in found if m == root or m.startswith(root + ".")}


def import_graph(package_dir: Path) -> dict[str, set[str]]:
    modules = {module_name(p, package_dir): p for p in package_dir.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        graph[name] = {m for m in _imports(path, package_dir) if m in modules and m != name}
    return graph


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def order_violations(package_dir: Path, ranks: dict[str, int] = RANKS) -> list[str]:
    problems = []
    graph = import_graph(package_dir)
    for module, targets in sorted(graph.items()):
        stage = stage_of(module)
        if stage is None or stage in TOP_LEVEL:
            continue
        if stage not in ranks:
            problems.append(f"{module}: not inside a stage folder ({', '.join(ranks)})")
            continue
        for target in sorted(targets):
            other = stage_of(target)
            if other is None or other == stage:
                continue
            if other not in ranks or ranks[other] >= ranks[stage]:
                problems.append(f"{module} imports {target}: {stage} may not import {other}")
    return problems


def cycles(package_dir: Path) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    graph = import_graph(package_dir)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for succ in graph.get(node, ()):
            # A package's __init__ importing its own submodules is how packages are made; a
            # cycle needs a submodule importing the package (or another module) back.
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_imports_follow_the_stage_order():
    assert order_violations(PACKAGE) == []


def test_there_is_no_import_cycle():
    assert cycles(PACKAGE) == []


def test_every_module_is_in_a_stage_folder():
    loose = [p.name for p in PACKAGE.glob("*.py") if p.stem not in TOP_LEVEL]
    assert loose == []


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "pkg"


GOOD = {
    "pkg/__init__.py": "",
    "pkg/core/__init__.py": "",
    "pkg/core/findings.py": "import json\n",
    "pkg/load/__init__.py": "",
    "pkg/load/yaml.py": "from ..core.findings import x\n",
    "pkg/checks/__init__.py": "",
    "pkg/checks/rules.py": "from pkg.load import yaml\nfrom ..core import findings\n",
    "pkg/cli/__init__.py": "from ..checks.rules import run\n",
}


def test_the_checker_passes_a_package_that_keeps_the_order(tmp_path):
    package = _write(tmp_path, GOOD)
    assert order_violations(package) == []
    assert cycles(package) == []


@pytest.mark.parametrize("rel, text, expected", [
    ("pkg/core/findings.py", "from ..checks import rules\n", "pkg.core.findings imports pkg.checks.rules: core may not import checks"),
    ("pkg/load/yaml.py", "def f():\n    from pkg.cli import main\n", "pkg.load.yaml imports pkg.cli: load may not import cli"),
    ("pkg/build/site.py", "from ..editors.cms import x\n", "pkg.build.site imports pkg.editors.cms: build may not import editors"),
    ("pkg/helpers.py", "import os\n", "pkg.helpers: not inside a stage folder"),
])
def test_the_checker_fails_on_an_import_against_the_order(tmp_path, rel, text, expected):
    files = dict(GOOD)
    files.update({"pkg/build/__init__.py": "", "pkg/editors/__init__.py": "", "pkg/editors/cms.py": "x = 1\n"})
    files[rel] = text
    problems = order_violations(_write(tmp_path, files))
    assert any(p.startswith(expected) for p in problems), problems


def test_the_checker_finds_a_cycle_inside_a_stage(tmp_path):
    files = dict(GOOD)
    files["pkg/checks/integrity.py"] = "def f():\n    from .rules import run\n"
    files["pkg/checks/rules.py"] = "from .integrity import unit_label\n"
    assert cycles(_write(tmp_path, files)) == [["pkg.checks.integrity", "pkg.checks.rules"]]


# Each outside library with a replaceable role sits behind one place: the CLI library behind
# cli/ (and the error tree, whose errors are click's so that click prints them), the site
# engine behind its adapter, the PDF renderer behind the printing renderer.
BEHIND_ONE_PLACE = {
    "click": ("generator/cli/", "generator/core/errors.py"),
    "mkdocs": ("generator/produce/site/mkdocs_adapter.py",),
    "weasyprint": ("generator/produce/printing/render.py",),
}


def _outside_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_the_cli_library_the_site_engine_and_the_pdf_renderer_each_sit_behind_one_place():
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for library in _outside_imports(path) & set(BEHIND_ONE_PLACE):
            if not rel.startswith(BEHIND_ONE_PLACE[library]):
                wrong.append(f"{rel} imports {library}")
    assert wrong == []
