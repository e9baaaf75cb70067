"""The check pipeline: takes a project root, gives the loaded dataset and one report with
every finding of loading, schema validation, integrity, the rules and the personal-data
screen of free text."""

from __future__ import annotations

import posixpath
from pathlib import Path

from generator.checks.content_checks import check_content
from generator.model.dataset import Dataset, load_project
from generator.checks.file_names import check_file_names
from generator.load.fileload import heap_frozen
from generator.core.findings import Finding, Report, Severity
from generator.checks.integrity import check_integrity
from generator.checks.pii_check import check_personal_data
from generator.checks.rules import run_rules
from generator.model.stray_files import stray_findings


def check_project(root: Path) -> tuple[Dataset, Report]:
    report = Report()
    # The loaded data is left out of the cycle collector's walks while it is checked (at
    # nation scale each walk of it takes seconds); unfrozen again when the check is done.
    with heap_frozen():
        dataset = load_project(Path(root), report)
        if dataset.config is None and not any(f.file == "data/config.yml" for f in report.findings):
            report.add(Finding("CONFIG-MISSING", Severity.ERROR,
                               "Thiếu tệp cấu hình data/config.yml (tên tỉnh, hệ đơn vị hành chính, ngày chốt số liệu).",
                               file="data/config.yml", hint="Tạo tệp theo mẫu trong README."))
        report.extend(stray_findings(dataset.unclaimed, photo_references(dataset)))
        report.extend(dataset_findings(dataset))
        report.extend(check_personal_data(dataset))
    return dataset, report


def dataset_findings(dataset: Dataset) -> list[Finding]:
    """What the check finds once the files are loaded and validated: cross-file integrity,
    file names against ids, content and the documents' rules. The Excel import runs it too,
    on the data it is about to write, so it never writes a file the check would reject."""
    return check_integrity(dataset) + check_file_names(dataset) + check_content(dataset) + run_rules(dataset)


def photo_references(dataset: Dataset) -> frozenset[str]:
    """Every photo file the data names (`photos:` entries are relative to data/)."""
    from generator.checks.rules.photo_rules import iter_photos

    refs = set()
    for collection in (dataset.teams, dataset.blocs, dataset.models, dataset.assignments):
        for at in collection.values():
            refs.update(posixpath.normpath("data/" + photo.file) for _, photo in iter_photos(at.obj))
    return frozenset(refs)
