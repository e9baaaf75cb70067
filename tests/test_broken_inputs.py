"""`handbook check` on broken inputs, one case per file in tests/broken/.

Each case file starts with header lines `# key: value`; everything after the header is the
body, written to `target` in a fresh copy of tests/fixtures/base/ (the header is stripped,
so line numbers count from the first body line, as the target file will have them):

    # about: free text
    # target: data/teams/xa-a/to-thon-1.yml     where the body goes (replaces or adds a file)
    # expect: CODE [@ LINE] [in FILE] [~ TEXT]  a finding with this code, at this 1-based line
                                                (any line if no @), in FILE (default: target),
                                                whose message contains TEXT; repeatable
    # expect-none: CODE                         no finding with this code; repeatable
    # remove: data/…                            delete a base file first; repeatable
    # extra: _support/x.yml -> data/…           copy a helper file in too; repeatable
    # max-bytes: 500                            per-file size limit for this run
    # schema-level: yes                         the body breaks the JSON Schema of its kind
    # known-bug: why                            the case fails because of a bug in generator/
                                                (strict xfail: it turns red once the bug is fixed)

A case with no `expect` line must produce no errors at all.
"""

from __future__ import annotations

import inspect
import json
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from generator.checks.check import check_project
from generator.model.dataset import load_project
from generator.core.findings import Report, Severity
from generator.checks.integrity import check_integrity
from generator.checks.rules import load_all_rules, run_rules

TESTS = Path(__file__).resolve().parent
PROJECT = TESTS.parent
BASE = TESTS / "fixtures" / "base"
BROKEN = TESTS / "broken"
SCHEMAS = PROJECT / "schemas"

HEADER_KEYS = {"about", "target", "expect", "expect-none", "remove", "extra", "max-bytes", "schema-level", "known-bug"}
HEADER_LINE = re.compile(rb"^# ([a-z][a-z-]*): ?(.*?)\r?$")
EXPECT = re.compile(
    r"^(?P<code>[A-Z][A-Z0-9-]+)"
    r"(?:\s+@\s+(?P<line>\d+))?"
    r"(?:\s+in\s+(?P<file>\S+))?"
    r"(?:\s+~\s+(?P<text>.+?))?\s*$"
)


@dataclass(frozen=True)
class Expect:
    code: str
    line: int | None
    file: str
    text: str | None

    def matches(self, finding) -> bool:
        return (
            finding.code == self.code
            and finding.file == self.file
            and (self.line is None or finding.line == self.line)
            and (self.text is None or self.text in finding.message)
        )

    def __str__(self) -> str:
        return f"{self.code} @ {self.file}:{self.line or '*'}" + (f" ~ {self.text!r}" if self.text else "")


@dataclass
class Case:
    name: str
    target: str
    body: bytes
    expects: list[Expect] = field(default_factory=list)
    expect_none: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    extra: list[tuple[str, str]] = field(default_factory=list)
    max_bytes: int | None = None
    schema_level: bool = False
    known_bug: str | None = None


def parse_case(path: Path) -> Case:
    lines = path.read_bytes().split(b"\n")
    header: list[tuple[str, str]] = []
    i = 0
    while i < len(lines):
        match = HEADER_LINE.match(lines[i])
        if not match:
            break
        key = match.group(1).decode("ascii")
        if key not in HEADER_KEYS:
            raise ValueError(f"{path.name}: unknown header key {key!r}")
        header.append((key, match.group(2).decode("utf-8").strip()))
        i += 1
    body = b"\n".join(lines[i:])
    targets = [v for k, v in header if k == "target"]
    if len(targets) != 1:
        raise ValueError(f"{path.name}: needs exactly one '# target:' line")
    case = Case(name=path.name, target=targets[0], body=body)
    for key, value in header:
        if key == "expect":
            m = EXPECT.match(value)
            if not m:
                raise ValueError(f"{path.name}: cannot read expect line {value!r}")
            case.expects.append(Expect(m["code"], int(m["line"]) if m["line"] else None, m["file"] or case.target, m["text"]))
        elif key == "expect-none":
            case.expect_none.append(value)
        elif key == "remove":
            case.remove.append(value)
        elif key == "extra":
            source, _, dest = value.partition("->")
            case.extra.append((source.strip(), dest.strip()))
        elif key == "max-bytes":
            case.max_bytes = int(value)
        elif key == "schema-level":
            case.schema_level = value.lower() in ("yes", "true")
        elif key == "known-bug":
            case.known_bug = value
    return case


CASE_FILES = sorted(p for p in BROKEN.iterdir() if p.is_file())
CASES = [parse_case(p) for p in CASE_FILES]
BY_NAME = {c.name: c for c in CASES}


def _param(case: Case):
    marks = [pytest.mark.xfail(strict=True, reason="known bug: " + case.known_bug)] if case.known_bug else []
    return pytest.param(case, id=case.name, marks=marks)


def build_project(case: Case, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    for rel in case.remove:
        (root / rel).unlink()
    for source, dest in case.extra:
        (root / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(BROKEN / source, root / dest)
    target = root / case.target
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(case.body)
    return root


def run_check(root: Path, max_bytes: int | None = None):
    """check.check_project, with a per-file size limit when asked for."""
    if max_bytes is None:
        return check_project(root)
    if "max_bytes" in inspect.signature(check_project).parameters:
        return check_project(root, max_bytes=max_bytes)
    # check_project has no size parameter: the same stages, called the way it calls them.
    report = Report()
    dataset = load_project(root, report, max_bytes=max_bytes)
    report.extend(check_integrity(dataset))
    report.extend(run_rules(dataset))
    return dataset, report


def _listing(report: Report) -> str:
    return "\n".join(f"  {f.file}:{f.line} {f.code} [{f.severity.value}] {f.message}" for f in report.sorted()) or "  (no findings)"


# ------------------------------------------------------------------------------ the table


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_broken_input(case: Case, tmp_path: Path) -> None:
    root = build_project(case, tmp_path)
    _, report = run_check(root, case.max_bytes)  # (3) an exception here fails the test
    found = _listing(report)
    for expect in case.expects:  # (1)
        assert any(expect.matches(f) for f in report.findings), f"missing {expect}; the run gave:\n{found}"
    internal = [f for f in report.findings if f.code.startswith("INTERNAL")]  # (2)
    assert not internal, f"internal errors:\n{found}"
    for code in case.expect_none:
        assert code not in report.codes(), f"{code} should not be reported; the run gave:\n{found}"
    if not case.expects:
        assert not report.errors, f"a case without expectations must load cleanly; the run gave:\n{found}"


def test_nfd_text_is_an_info_and_is_normalised(tmp_path: Path) -> None:
    case = BY_NAME["units-nfd-name.yml"]
    assert unicodedata.normalize("NFC", case.body.decode("utf-8")) != case.body.decode("utf-8")
    dataset, report = run_check(build_project(case, tmp_path))
    nfc = [f for f in report.findings if f.code == "TEXT-NOT-NFC"]
    assert nfc and all(f.severity is Severity.INFO for f in nfc)
    assert not report.errors
    assert dataset.units["xa-a-thon-1"].obj.name == unicodedata.normalize("NFC", "Thôn Một")


def test_the_table_covers_every_rule_and_every_required_code() -> None:
    assert len(CASES) >= 45
    covered = {e.code for c in CASES if not c.known_bug for e in c.expects}
    required = {
        "YAML-SYNTAX", "SCHEMA-WRONG-TYPE", "SCHEMA-UNKNOWN-KEY", "SCHEMA-MISSING-KEY", "SCHEMA-INVALID-VALUE",
        "SCHEMA-BAD-ID", "SCHEMA-BAD-DATE", "YAML-DUPLICATE-KEY", "REF-DUPLICATE-ID", "REF-UNKNOWN-UNIT",
        "REF-UNKNOWN-PERSON", "REF-UNKNOWN-DOCUMENT", "REF-UNKNOWN-MODEL", "REF-UNKNOWN-TEAM", "REF-UNKNOWN-TOPIC",
        "REF-UNKNOWN-SECTION", "TEXT-NOT-NFC", "TEXT-LEGACY-ENCODING", "TEXT-NOT-UTF8", "YAML-ALIAS-BOMB",
        "YAML-UNSAFE-TAG", "FILE-TOO-LARGE", "FILE-EMPTY", "FILE-UNKNOWN-KIND", "CONTENT-NO-FRONT-MATTER",
        "UNIT-BAD-PARENT", "UNIT-UNKNOWN-KIND", "REF-WRONG-LEVEL", "TEAM-DUPLICATE-VILLAGE", "CONFIG-UNKNOWN-RULE",
    }
    rules = set(load_all_rules())
    assert len(rules) >= 30
    assert not (required | rules) - covered, f"not covered: {sorted((required | rules) - covered)}"
    assert any("TEAM-LEADER-ROLE" in c.expect_none for c in CASES)


# ------------------------------------------------------------------------------ the real CLI

CLI_CASES = {
    "yaml-bad-indentation.yml": "YAML-SYNTAX",
    "team-unknown-village.yml": "REF-UNKNOWN-UNIT",
    "team-not-utf8.yml": "TEXT-NOT-UTF8",
}


def _cli(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "check", "--root", str(root)],
        capture_output=True, text=True, encoding="utf-8", errors="replace", cwd=PROJECT, timeout=120,
    )


@pytest.mark.parametrize("name, code", sorted(CLI_CASES.items()))
def test_cli_reports_broken_input(name: str, code: str, tmp_path: Path) -> None:
    result = _cli(build_project(BY_NAME[name], tmp_path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert f"[{code}]" in result.stdout


def test_cli_clean_base_exits_0(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    result = _cli(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_cli_survives_very_deep_nesting(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    depth = 200_000  # a 400 kB file, well under the default 8 MB limit
    (root / "data" / "models" / "mh-sau.yml").write_text("id: mh-sau\nresults: " + "[" * depth + "]" * depth + "\n")
    result = _cli(root)
    assert result.returncode == 1, f"exit code {result.returncode}"
    assert "[YAML-TOO-DEEP]" in result.stdout


# ------------------------------------------------------------------------------ JSON Schemas

_KIND_BY_FOLDER = {
    "data/teams/": "team", "data/blocs/": "bloc", "data/models/": "model", "data/assignments/": "assignment",
    "data/units/": "units", "content/modules/": "module", "content/qa/": "qa",
}
_KIND_BY_FILE = {"data/config.yml": "config", "data/documents.yml": "documents", "content/topics.yml": "topics"}


def schema_kind(rel: str) -> str:
    if rel in _KIND_BY_FILE:
        return _KIND_BY_FILE[rel]
    for folder, kind in _KIND_BY_FOLDER.items():
        if rel.startswith(folder):
            return kind
    raise ValueError(f"no JSON Schema kind for {rel}")


@lru_cache(maxsize=None)
def validator(kind: str):
    from jsonschema import Draft202012Validator

    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def schema_errors(rel: str, text: str) -> list[str]:
    kind = schema_kind(rel)
    if kind == "qa":  # only the front matter follows the schema
        text = text.replace("\r\n", "\n")
        assert text.startswith("---\n"), f"{rel}: no front matter"
        text = text[4:text.index("\n---\n", 3) + 1]
    data = yaml.safe_load(text)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(kind).iter_errors(data)]


SCHEMA_CASES = [c for c in CASES if c.schema_level]
BASE_FILES = sorted(p.relative_to(BASE).as_posix() for p in BASE.rglob("*") if p.is_file() and p.suffix in (".yml", ".md"))


@pytest.mark.parametrize("case", SCHEMA_CASES, ids=[c.name for c in SCHEMA_CASES])
def test_json_schema_rejects_schema_level_case(case: Case) -> None:
    assert schema_errors(case.target, case.body.decode("utf-8")), f"the {schema_kind(case.target)} JSON Schema accepts {case.name}"


@pytest.mark.parametrize("rel", BASE_FILES)
def test_json_schema_accepts_clean_base(rel: str) -> None:
    errors = schema_errors(rel, (BASE / rel).read_text(encoding="utf-8"))
    assert not errors, "\n".join(errors)
