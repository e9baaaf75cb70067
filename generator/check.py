"""The check pipeline: takes a project root, gives the loaded dataset and one report with
every finding of loading, schema validation, integrity and the rules."""

from __future__ import annotations

import posixpath
from pathlib import Path

from .content_checks import check_content
from .dataset import Dataset, load_project
from .file_names import check_file_names
from .fileload import heap_frozen
from .findings import Finding, Report, Severity
from .integrity import check_integrity
from .rules import run_rules
from .stray_files import stray_findings


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
        report.extend(check_integrity(dataset))
        report.extend(check_file_names(dataset))
        report.extend(check_content(dataset))
        report.extend(run_rules(dataset))
    return dataset, report


def photo_references(dataset: Dataset) -> frozenset[str]:
    """Every photo file the data names (`photos:` entries are relative to data/)."""
    from .rules.photo_rules import iter_photos

    refs = set()
    for collection in (dataset.teams, dataset.blocs, dataset.models, dataset.assignments):
        for at in collection.values():
            refs.update(posixpath.normpath("data/" + photo.file) for _, photo in iter_photos(at.obj))
    return frozenset(refs)
