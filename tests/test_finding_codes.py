"""Every finding code is declared once: in generator/core/codes.py, or, for a rule, where the
rule is registered; `all_codes()` merges the two and `handbook codes` lists them.

Two ways a code can slip past the catalogue, two kinds of test:
- in the source: every string literal of generator/ shaped like a code must be declared, every
  code built from parts (f"REF-UNKNOWN-{kind.upper()}") must have each of its values declared,
  every declared code must still appear in the stage it is declared for, and a severity written
  next to a code must be the declared one. A small fixture package shows the scanner at work.
- at run time: `handbook check` over every case of tests/broken/ and the Excel import over bad
  workbooks may emit only declared codes, each at its declared severity.
"""

from __future__ import annotations

import ast
import io
import json
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.checks.catalogue import all_codes
from generator.core.codes import CODES, STAGES
from generator.core.findings import Severity

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "generator"
CODE_SHAPE = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+")
PREFIX_SHAPE = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-")

# String literals of generator/ shaped like a code that are not finding codes.
NOT_CODES = {
    "UTF-8": "an encoding name (build/public_scan.py)",
}


def _ref_kinds() -> set[str]:
    from generator.checks.integrity import _REF_LABEL

    return {f"REF-UNKNOWN-{kind.upper()}" for kind in _REF_LABEL}


# Codes built from parts: the literal start of the f-string -> every code it can give.
BUILT_CODES = {
    "REF-UNKNOWN-": _ref_kinds,  # checks/integrity.py: one per kind of reference (RefTo in schema/common.py)
}


# ------------------------------------------------------------------------------ the scanner


@dataclass(frozen=True)
class Literal:
    code: str
    file: str
    line: int
    stage: str
    severity: Severity | None  # a Severity.X written in the same call, if any


@dataclass(frozen=True)
class Built:
    prefix: str
    file: str
    line: int
    stage: str


def stage_of(path: Path, package: Path) -> str:
    """The stage a module belongs to: its folder of the package; the rules count as their own."""
    parts = path.relative_to(package).parts
    return "rules" if parts[:2] == ("checks", "rules") else parts[0]


def _severity_in(call: ast.Call) -> Severity | None:
    for node in [*call.args, *(k.value for k in call.keywords)]:
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Severity"
                and node.attr in Severity.__members__):
            return Severity[node.attr]
    return None


def scan(package: Path) -> tuple[list[Literal], list[Built]]:
    """The code-shaped string literals and the f-strings that start like a code, in every module
    of `package` but the catalogue itself (core/codes.py, whose literals are the declarations)."""
    literals: list[Literal] = []
    built: list[Built] = []
    catalogue = package / "core" / "codes.py"
    for path in sorted(package.rglob("*.py")):
        if path == catalogue:
            continue
        rel, stage = path.relative_to(package.parent).as_posix(), stage_of(path, package)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        severity_of: dict[int, Severity] = {}  # id of a code literal -> the severity beside it
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                severity = _severity_in(node)
                if severity is not None:
                    severity_of[id(node.args[0])] = severity
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE_SHAPE.fullmatch(node.value):
                literals.append(Literal(node.value, rel, node.lineno, stage, severity_of.get(id(node))))
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                start = str(node.values[0].value)
                if PREFIX_SHAPE.fullmatch(start):
                    built.append(Built(start, rel, node.lineno, stage))
    return literals, built


@pytest.fixture(scope="module")
def source() -> tuple[list[Literal], list[Built]]:
    return scan(PACKAGE)


@pytest.fixture(scope="module")
def declared():
    return all_codes()


# ------------------------------------------------------------------------------ the catalogue


def test_every_entry_is_well_formed(declared):
    assert len(declared) >= 100
    for code, entry in declared.items():
        assert entry.code == code and CODE_SHAPE.fullmatch(code), code
        assert entry.stage in STAGES, code
        assert isinstance(entry.severity, Severity), code
        title = entry.title
        assert title and title == title.strip() and "\n" not in title and not title.endswith("."), code
        assert (entry.clause is not None) == (entry.stage == "rules" and code not in CODES), code


def test_rule_codes_come_from_the_registry_only(declared):
    from generator.checks.rules import load_all_rules

    rules = load_all_rules()
    assert not set(rules) & set(CODES), "a rule's code is declared by its registration, not in core/codes.py"
    assert set(declared) == set(CODES) | set(rules)
    for code, rule in rules.items():
        entry = declared[code]
        assert (entry.severity, entry.title, entry.clause, entry.stage) == (rule.severity, rule.title, rule.clause, "rules")


def test_a_code_declared_in_both_places_is_refused(monkeypatch):
    from generator.checks.rules.registry import RULES, Rule

    monkeypatch.setitem(RULES, "FILE-EMPTY", Rule("FILE-EMPTY", "Tệp có nội dung", Severity.ERROR, "mục 1", "doc", None,
                                                  lambda ctx: iter(())))
    with pytest.raises(ValueError, match="FILE-EMPTY"):
        all_codes()


def test_the_listing_runs_by_stage_in_pipeline_order(declared):
    order = list(STAGES)
    keys = [(order.index(c.stage), c.code) for c in declared.values()]
    assert keys == sorted(keys)


# ------------------------------------------------------------------------------ the source


def test_every_code_in_the_source_is_declared(source, declared):
    literals, _ = source
    undeclared = sorted(f"{lit.file}:{lit.line}: {lit.code}" for lit in literals
                        if lit.code not in declared and lit.code not in NOT_CODES)
    assert not undeclared, ("codes not in generator/core/codes.py (nor a rule's registration); declare them, "
                            "or list a literal that is not a finding code in NOT_CODES:\n" + "\n".join(undeclared))


def test_every_code_built_from_parts_is_enumerated_and_declared(source, declared):
    _, built = source
    unknown = sorted(f"{b.file}:{b.line}: f\"{b.prefix}…\"" for b in built if b.prefix not in BUILT_CODES)
    assert not unknown, "a code built from parts: list every value it can take in BUILT_CODES:\n" + "\n".join(unknown)
    for prefix, values in BUILT_CODES.items():
        sites = [b for b in built if b.prefix == prefix]
        assert sites, f"no f-string builds {prefix}… any more: remove it from BUILT_CODES"
        codes = values()
        assert codes, prefix
        missing = sorted(codes - set(declared))
        assert not missing, f"{prefix}… can give codes not declared in generator/core/codes.py: {missing}"
        assert {declared[c].stage for c in codes} <= {b.stage for b in sites}, prefix


def test_every_declared_code_is_still_emitted_by_its_stage(source, declared):
    literals, built = source
    found_in: dict[str, set[str]] = defaultdict(set)
    for lit in literals:
        found_in[lit.code].add(lit.stage)
    for b in built:
        for code in BUILT_CODES.get(b.prefix, lambda: set())():
            found_in[code].add(b.stage)
    stale = sorted(f"{c.code}: declared for {c.stage}, "
                   + (f"found only in {', '.join(sorted(found_in[c.code]))}" if found_in[c.code] else "found nowhere")
                   for c in declared.values() if c.stage not in found_in[c.code])
    assert not stale, "declared codes no stage emits as declared (remove them or fix the stage):\n" + "\n".join(stale)


def test_a_severity_written_beside_a_code_is_its_declared_severity(source, declared):
    literals, _ = source
    wrong = sorted(f"{lit.file}:{lit.line}: {lit.code} made as {lit.severity.value}, declared {declared[lit.code].severity.value}"
                   for lit in literals if lit.severity is not None and lit.code in declared
                   and lit.severity is not declared[lit.code].severity)
    assert not wrong, "\n".join(wrong)


FIXTURE = {
    "pkg/__init__.py": "",
    "pkg/core/codes.py": 'TABLE = ("DECLARED-HERE",)\n',
    "pkg/load/reader.py": 'from x import Finding, Severity\n\n'
                          'def f(name):\n'
                          '    return Finding("NEW-CODE", Severity.WARNING, "Tệp lạ.", file=name)\n',
    "pkg/checks/refs.py": 'def g(kind, add):\n'
                          '    add(f"REF-NEW-{kind.upper()}", "Không thấy.")\n'
                          '    add("OTHER-CODE", "Chữ UTF-8 thì không phải mã.", encoding="UTF-8")\n',
    "pkg/checks/rules/team.py": '@rule("TEAM-NEW", "Tổ mới", Severity.ERROR, "mục 2", "doc")\ndef h(ctx):\n    pass\n',
}


def test_the_scanner_finds_literals_built_codes_stages_and_severities(tmp_path):
    for rel, text in FIXTURE.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    literals, built = scan(tmp_path / "pkg")
    assert {(lit.code, lit.file, lit.stage, lit.severity) for lit in literals} == {
        ("NEW-CODE", "pkg/load/reader.py", "load", Severity.WARNING),
        ("OTHER-CODE", "pkg/checks/refs.py", "checks", None),
        ("UTF-8", "pkg/checks/refs.py", "checks", None),
        ("TEAM-NEW", "pkg/checks/rules/team.py", "rules", Severity.ERROR),
    }  # and nothing from core/codes.py
    assert [(b.prefix, b.file, b.line, b.stage) for b in built] == [("REF-NEW-", "pkg/checks/refs.py", 2, "checks")]


# ------------------------------------------------------------------------------ at run time


def _misfits(emitted, declared, overrides: dict[str, str]) -> list[str]:
    """(where, code, severity) triples whose code is undeclared or whose severity is not the
    declared one (or the one the configuration sets for a rule)."""
    problems = []
    for where, code, severity in emitted:
        if code not in declared:
            problems.append(f"{where}: {code} is not declared")
            continue
        expected = Severity(overrides[code]) if code in overrides else declared[code].severity
        if severity is not expected:
            problems.append(f"{where}: {code} emitted as {severity.value}, declared {expected.value}")
    return problems


def test_check_on_every_broken_input_emits_only_declared_codes(tmp_path, declared):
    from test_broken_inputs import CASES, build_project, run_check

    problems: set[str] = set()
    seen: set[str] = set()
    for n, case in enumerate(CASES):
        root = build_project(case, tmp_path / str(n))
        dataset, report = run_check(root, case.max_bytes)
        overrides = dict(dataset.config.rules) if dataset.config is not None else {}
        problems.update(_misfits([(case.name, f.code, f.severity) for f in report.findings], declared, overrides))
        seen.update(f.code for f in report.findings)
        shutil.rmtree(tmp_path / str(n))
    assert not problems, "\n".join(sorted(problems))
    assert len(seen) >= 80  # the cases reach most of the catalogue


def test_the_excel_import_emits_only_declared_codes(base_project, tmp_path, declared):
    from openpyxl import load_workbook

    from generator.core.findings import Report
    from generator.editors.excel.api import export_teams_workbook, import_teams
    from generator.editors.excel.columns import SHEET_GROUPS, SHEET_MEMBERS, SHEET_TEAMS, columns_of
    from generator.model.dataset import load_project

    dataset = load_project(base_project, Report())
    col = {(s, c.field): i + 1 for s in (SHEET_TEAMS, SHEET_MEMBERS, SHEET_GROUPS) for i, c in enumerate(columns_of(s))}

    def workbook(name: str, edit) -> Path:
        path = tmp_path / name
        wb = load_workbook(io.BytesIO(export_teams_workbook(dataset, ["to-thon-1"])))
        edit(wb)
        wb.save(path)
        return path

    def many_mistakes(wb):
        teams, members, groups = wb[SHEET_TEAMS], wb[SHEET_MEMBERS], wb[SHEET_GROUPS]
        teams.cell(1, len(columns_of(SHEET_TEAMS)) + 1).value = "Cột lạ"
        teams.cell(2, col[SHEET_TEAMS, "village"]).value = "xa-a-thon-9"
        groups.cell(2, col[SHEET_GROUPS, "households"]).value = "bốn mươi"
        members.cell(2, col[SHEET_MEMBERS, "phone"]).value = 912000001
        members.cell(3, col[SHEET_MEMBERS, "family_name"]).value = None
        members.cell(4, col[SHEET_MEMBERS, "given_name"]).value = "=A1"
        members.cell(5, col[SHEET_MEMBERS, "team_role"]).value = "#N/A"
        members.cell(5, col[SHEET_MEMBERS, "team_role"]).data_type = "s"

    def two_leaders(wb):
        wb[SHEET_MEMBERS].cell(3, col[SHEET_MEMBERS, "team_role"]).value = "Tổ trưởng"

    garbage = tmp_path / "hong.xlsx"
    garbage.write_bytes(b"PK\x03\x04 this is not a workbook")
    findings = []
    for xlsx in (workbook("sai.xlsx", many_mistakes), workbook("hai-to-truong.xlsx", two_leaders), garbage):
        findings += import_teams(xlsx, base_project / "data", dataset, dry_run=True).findings
    emitted = [(f"{f.file} {f.path}", f.code, f.severity) for f in findings]
    # the check's own findings behind IMPORT-WOULD-FAIL-CHECK, quoted as "[CODE] message"
    inner = [m for f in findings if f.code == "IMPORT-WOULD-FAIL-CHECK" for m in re.findall(r"\[([A-Z][A-Z0-9-]+)\]", f.message)]
    assert not _misfits(emitted, declared, {}), "\n".join(_misfits(emitted, declared, {}))
    assert not set(inner) - set(declared), inner
    assert {"IMPORT-UNKNOWN-COLUMN", "IMPORT-UNKNOWN-VILLAGE", "IMPORT-BAD-CELL", "IMPORT-PHONE-ZERO",
            "IMPORT-MISSING-VALUE", "IMPORT-FORMULA", "IMPORT-ERROR-VALUE", "IMPORT-WOULD-FAIL-CHECK",
            "IMPORT-UNREADABLE"} <= {code for _, code, _ in emitted}, emitted
    assert "TEAM-LEADER-COUNT" in inner


# ------------------------------------------------------------------------------ handbook codes


def _handbook(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_handbook_codes_lists_every_code_as_json(declared):
    result = _handbook("codes", "--format", "json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [row["code"] for row in listed] == list(declared)
    for row in listed:
        entry = declared[row["code"]]
        assert row == {"code": entry.code, "severity": entry.severity.value, "title": entry.title,
                       "stage": entry.stage, "clause": entry.clause}


def test_handbook_codes_lists_every_code_as_text(declared):
    result = _handbook("codes")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for entry in declared.values():
        assert f"  {entry.code:<30} {entry.severity.label_vi:<9} {entry.title}" in lines, entry.code
    for stage, label in STAGES.items():
        assert f"{label} ({stage})" in lines
    assert f"{len(declared)} mã: " in result.stdout and "handbook rules" in result.stdout
