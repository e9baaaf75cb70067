"""Assemble the two-level sample into a project folder that `handbook check` and `handbook build`
read: samples/hai-cap/data (the province's own data) plus what it shares with the repository —
content/, theme/, mkdocs.yml, schemas/, and from data/ the document registry (documents.yml), the
four real "Dân vận khéo" models the training modules cite and the sample photo. The shared parts
are taken from the repository each time, so the sample never drifts from the content it serves.

    python tools/assemble_sample_hai_cap.py [TARGET]     (default: build/sample-hai-cap/project)

Prints the project folder. `make sample-hai-cap` assembles, checks and builds it.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "hai-cap" / "data"
DEFAULT = ROOT / "build" / "sample-hai-cap" / "project"
SHARED_DIRS = ("content", "theme", "schemas")
SHARED_FILES = ("mkdocs.yml", "data/documents.yml", "data/photos/anh-mau.svg",
                "data/models/mh-chuyen-doi-lua-thanh-mien.yml", "data/models/mh-duong-noi-dong-lai-xa.yml",
                "data/models/mh-ngo-xom-tu-quan-cam-son.yml", "data/models/mh-to-phu-nu-nha-tro-tu-minh.yml")


def assemble(target: Path) -> Path:
    """Write the project into `target` (replaced if it exists) and give its path."""
    target = target.resolve()
    if target == ROOT or ROOT.is_relative_to(target):
        raise SystemExit(f"refusing to assemble into {target}: it holds the repository")
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(SAMPLE, target / "data")
    for name in SHARED_DIRS:
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__", ".*"))
    for rel in SHARED_FILES:
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / rel, target / rel)
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Assemble the two-level sample project.")
    parser.add_argument("target", nargs="?", type=Path, default=DEFAULT)
    print(assemble(parser.parse_args(argv).target))


if __name__ == "__main__":
    main()
