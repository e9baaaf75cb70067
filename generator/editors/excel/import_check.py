"""What `handbook check` would say about team files an import is about to write: takes the
project's loaded dataset and the bytes of each planned file; gives the errors the check
would report because of them (none: the files may be written).

The files go through the check's own stages, unchanged: the loader with the check's size
limit (`load_yaml_bytes`, which also refuses text it would read differently), the schema
validation of the team kind, the registration of records and people (duplicate ids), then
the cross-file integrity, content and rule checks (`check.dataset_findings`) on the dataset
as it will be once the files replace the ones they stand for. Errors in the planned files
are reported; errors elsewhere only when the project did not have them already (an import
is not refused for a problem it did not cause).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from generator.checks.check import dataset_findings
from generator.model.dataset import Dataset, _add_records, _Read
from generator.schema.filekinds import BY_NAME
from generator.core.findings import Finding, Report, Severity
from generator.model.validation import validate_record
from generator.load import yamlload
from generator.load.yamlload import content_digest, load_yaml_bytes

TEAM_KIND = BY_NAME["team"]


@dataclass(frozen=True)
class Rejection:
    finding: Finding  # what `handbook check` would report
    existed: bool  # the file being replaced has this error already (the workbook did not cause it)


def check_planned(dataset: Dataset, planned: list[tuple[str, bytes]], max_bytes: int | None = None) -> list[Rejection]:
    """Errors `handbook check` would report if each (project-relative path, bytes) were
    written (`max_bytes`: the check's per-file limit unless told). The dataset itself is
    left as it was."""
    max_bytes = yamlload.DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    names = {name for name, _ in planned}
    overlay = replace(
        dataset,
        teams={k: at for k, at in dataset.teams.items() if at.file.path not in names},
        people={k: at for k, at in dataset.people.items() if at.file.path not in names},
        files=[f for f in dataset.files if f.path not in names],
        broken={kind: dict(items) for kind, items in dataset.broken.items()},
    )
    report = Report()
    for name, raw in planned:
        if not _team_path(name):
            report.add(Finding("FILE-UNKNOWN-KIND", Severity.ERROR,
                               "Tệp Tổ sẽ nằm ngoài thư mục data/teams/ nên handbook check không đọc đến.", file=name,
                               hint="Nhập bảng tính vào thư mục data/ của dự án."))
            continue
        loaded = load_yaml_bytes(raw, name, max_bytes)
        loaded.digest = content_digest(raw)
        report.extend(loaded.findings)
        if not loaded.ok:
            continue
        read = _Read(loaded, empty=loaded.data is None)
        if loaded.data is not None:
            read.obj, read.findings = validate_record(TEAM_KIND.model, loaded.data, loaded, kind_label=TEAM_KIND.label)
            read.data = loaded.data if read.obj is None else None
        overlay.files.append(loaded)
        _add_records(overlay, TEAM_KIND, read, report)  # the check's own registration: duplicate ids
    errors = [f for f in report.findings + dataset_findings(overlay) if f.severity is Severity.ERROR]
    if not errors:
        return []
    before = [f for f in dataset_findings(dataset) if f.severity is Severity.ERROR]
    known = {_key(f) for f in before}
    known_here = {_key(f, line=False) for f in before if f.file in names}
    out = [Rejection(f, _key(f, line=False) in known_here) for f in errors if f.file in names]
    out += [Rejection(f, False) for f in errors if f.file not in names and _key(f) not in known]
    return out


def _team_path(name: str) -> bool:
    parts = PurePosixPath(name).parts
    if PurePosixPath(name).is_absolute():
        return True  # a data folder outside a project (the library used on its own): nothing to match
    return len(parts) >= 3 and parts[:2] == ("data", "teams") and name.endswith(".yml")


def _key(f: Finding, line: bool = True) -> tuple:
    return (f.code, f.file, f.line if line else None, f.path, f.message)


_PATH_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def parse_path(text: str | None) -> tuple:
    """`format_path` read back: "groups[2].members" -> ("groups", 1, "members")."""
    if not text:
        return ()
    return tuple(int(index) - 1 if index else key for index, key in _PATH_PART.findall(text))
