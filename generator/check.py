"""The check pipeline: takes a project root, gives the loaded dataset and one report with
every finding of loading, schema validation, integrity, the rules and the personal-data
screen of free text."""

from __future__ import annotations

from pathlib import Path

from .content_checks import check_content
from .dataset import Dataset, load_project
from .fileload import heap_frozen
from .findings import Finding, Report, Severity
from .integrity import check_integrity
from .pii_check import check_personal_data
from .rules import run_rules


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
        report.extend(check_integrity(dataset))
        report.extend(check_content(dataset))
        report.extend(run_rules(dataset))
        report.extend(check_personal_data(dataset))
    return dataset, report
