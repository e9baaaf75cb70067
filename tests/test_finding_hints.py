"""Every finding says what to do: over every broken input of tests/broken/, each finding the
check gives carries a Vietnamese hint (NFC, with diacritics), and a place (a file always,
a line whenever the finding is about a file's content)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from test_broken_inputs import CASES, build_project, run_check

VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)
# Findings about a whole file (it is missing, misnamed, misplaced, too large, unreadable) have
# no line to point at.
WHOLE_FILE = {"FILE-UNKNOWN-KIND", "FILE-WRONG-EXTENSION", "FILE-LEFTOVER", "FILE-TOO-LARGE", "FILE-UNREADABLE",
              "CONFIG-MISSING"}


@pytest.mark.parametrize("case", [c for c in CASES if not c.known_bug], ids=lambda c: c.name)
def test_every_finding_has_a_vietnamese_hint_and_a_place(case, tmp_path: Path) -> None:
    _, report = run_check(build_project(case, tmp_path), case.max_bytes)
    assert report.findings or not case.expects
    for finding in report.findings:
        shown = f"{finding.code} {finding.file}:{finding.line} {finding.message}"
        assert finding.hint and finding.hint.strip(), f"no hint: {shown}"
        assert VIETNAMESE.search(finding.hint), f"hint not in Vietnamese: {shown} -> {finding.hint}"
        for text in (finding.message, finding.hint):
            assert unicodedata.is_normalized("NFC", text), shown
        assert finding.file, f"no file: {shown}"
        if finding.code not in WHOLE_FILE:
            assert finding.line, f"no line: {shown}"
