"""One side of a comparison: takes a project folder, gives it checked (`check_project`'s
dataset and report) plus the hashes of its other files (photos, attachments), which have no
records to compare."""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from generator.checks.check import check_project
from generator.core.findings import Report
from generator.model.dataset import DATA_DIRS, Dataset


@dataclass
class Side:
    dataset: Dataset
    report: Report
    assets: dict[str, str]  # non-YAML files under data/ and content/: path → content hash


# Checked sides by the hash of every file under data/ and content/: a revision compared
# again (the base of a series of summaries, or a working tree just committed) is not checked twice.
_CACHE: OrderedDict[str, Side] = OrderedDict()
_CACHE_SIZE = 8


def load_side(root: Path) -> Side:
    hashes = file_hashes(root)
    key = hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    dataset, report = check_project(root)
    assets = {p: h for p, h in hashes.items()
              if Path(p).suffix.lower() not in (".yml", ".yaml", ".md") and not Path(p).name.startswith(".")}
    side = Side(dataset, report, assets)
    _CACHE[key] = side
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return side


def file_hashes(root: Path) -> dict[str, str]:
    """Every file under data/ and content/: path → content hash."""
    found = {}
    for folder in DATA_DIRS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file():
                found[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found
