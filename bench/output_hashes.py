"""Output identity across a refactoring (never run by the tests): builds the sample project and
a synthetic province, renders every publication with `handbook pdf`, and writes the SHA-256 of
every file of each site and PDF folder into a JSON manifest; with --compare, says which files
differ from an earlier manifest.

Run:  python bench/output_hashes.py --out build/hashes-NEW.json [--scales sample,province]
      python bench/output_hashes.py --out build/hashes-NEW.json --compare build/hashes-OLD.json
The work happens in a temporary folder; nothing is written into the project but --out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(args: list[str], cwd: Path) -> str:
    env = {**os.environ, "HANDBOOK_READ_CACHE": "off"}
    result = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=3600)
    if result.returncode != 0:
        raise SystemExit(f"handbook {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def _hash_tree(folder: Path, prefix: str) -> dict[str, str]:
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            out[f"{prefix}/{path.relative_to(folder).as_posix()}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _project(scale: str, tmp: Path) -> Path:
    if scale == "sample":
        project = tmp / "sample"
        for name in ("data", "content", "theme"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        return project
    project = tmp / scale
    _run(["synth", "--scale", scale, "--seed", "1", "--out", str(project)], ROOT)
    return project


def hashes(scale: str, tmp: Path) -> dict[str, str]:
    project = _project(scale, tmp)
    _run(["build", "--out", str(tmp / f"{scale}-site")], project)
    out = _hash_tree(tmp / f"{scale}-site", f"{scale}/site")
    names = [line.split()[0] for line in _run(["pdf"], project).splitlines() if line.strip()]
    for name in names:
        _run(["pdf", name, "--out", str(tmp / f"{scale}-pdf")], project)
    out.update(_hash_tree(tmp / f"{scale}-pdf", f"{scale}/pdf"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--scales", default="sample,province")
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args()
    manifest: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="hashes-") as tmp:
        for scale in args.scales.split(","):
            manifest.update(hashes(scale, Path(tmp)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(manifest)} files hashed into {args.out}")
    if args.compare:
        old = json.loads(args.compare.read_text(encoding="utf-8"))
        changed = sorted(k for k in old.keys() & manifest.keys() if old[k] != manifest[k])
        missing, added = sorted(old.keys() - manifest.keys()), sorted(manifest.keys() - old.keys())
        for label, items in (("differ", changed), ("missing", missing), ("new", added)):
            for item in items:
                print(f"{label}: {item}")
        print("identical" if not (changed or missing or added) else
              f"{len(changed)} differ, {len(missing)} missing, {len(added)} new")
        raise SystemExit(1 if changed or missing or added else 0)


if __name__ == "__main__":
    main()
