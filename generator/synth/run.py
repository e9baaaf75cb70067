"""Running `handbook synth`: takes an output folder, a scale, a seed and the repository root,
writes the complete synthetic project — the repository parts it shares, then the config,
units and models from the main process, and every commune's teams and bloc and every
assignment from worker processes — and gives the counts of what it wrote.

    synthesize(out, scale, seed, repo_root, workers=None) -> counts

What the project holds and why is in the package docstring (generator/synth/__init__.py).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from generator.core.dates import format_vn_date as fmt
from generator.core.errors import SynthError  # re-exported: the error of a refused run
from generator.synth.assignments import Plan, assignment_record, plan_assignments
from generator.synth.communes import commune_records
from generator.synth.datafiles import Writer
from generator.synth.exemplars import REAL_MODELS, model_records
from generator.synth.model_dicts import PHOTO
from generator.synth.scales import SCALES, Scale
from generator.synth.skeleton import Skeleton, build_skeleton
from generator.synth.units_config import config_file, units_file
from generator.load.yamlemit import dump_yaml

__all__ = ["SCALES", "Scale", "SynthError", "synthesize", "dump_yaml", "REAL_MODELS"]

# The second line of every generated file; a folder whose data/config.yml carries it may be
# written over by the next run.
MARKER = "# Dữ liệu tổng hợp do “handbook synth” sinh ra"


# ---------------------------------------------------------------------------------------
# Copying what the repository already has


def _copy_repository_parts(repo: Path, out: Path) -> int:
    files = 0
    for folder in ("content", "theme", "schemas"):
        src = repo / folder
        if not src.is_dir():
            raise SynthError(f"Thiếu “{src}” trong kho.")
        shutil.copytree(src, out / folder, ignore=shutil.ignore_patterns("__pycache__", ".*"))
        files += sum(1 for p in (out / folder).rglob("*") if p.is_file())
    singles = ["mkdocs.yml", "data/documents.yml", "data/publications.yml", "data/" + PHOTO]
    singles += [f"data/models/{m}.yml" for m in REAL_MODELS]
    for rel in singles:
        src = repo / rel
        if not src.is_file():
            raise SynthError(f"Thiếu “{src}” trong kho.")
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, out / rel)
        files += 1
    return files


def _prepare_out(out: Path, repo: Path) -> None:
    out = out.resolve()
    repo = repo.resolve()
    if out == repo or repo.is_relative_to(out) or any(out.is_relative_to(repo / d) for d in ("data", "content", "theme", "schemas")):
        raise SynthError(f"Không ghi vào chính kho hay thư mục dữ liệu của kho (“{out}”); hãy chọn thư mục khác.")
    if out.exists() and not out.is_dir():
        raise SynthError(f"“{out}” không phải là thư mục.")
    if out.is_dir() and any(out.iterdir()):
        config = out / "data" / "config.yml"
        lines = config.read_text(encoding="utf-8").splitlines()[:2] if config.is_file() else []
        if len(lines) < 2 or not lines[1].startswith(MARKER):
            raise SynthError(f"Thư mục “{out}” không trống và không do “handbook synth” ghi; hãy chọn thư mục trống.")
        for name in ("data", "content", "theme", "schemas"):
            if (out / name).is_dir():
                shutil.rmtree(out / name)
        (out / "mkdocs.yml").unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)


# ---------------------------------------------------------------------------------------
# The records written in the main process


def _write_config_and_units(sk: Skeleton, writer: Writer) -> None:
    data, extra = config_file(sk)
    writer.write("data/config.yml", "config", data, extra)
    for p in sk.provinces:
        data, extra = units_file(p)
        writer.write(f"data/units/{p.id}.yml", "units", data, extra)


def _write_models(sk: Skeleton, writer: Writer, count: int) -> dict:
    photos = 0
    for rec in model_records(sk, count):
        writer.write(f"data/models/{rec['id']}.yml", "model", rec)
        photos += "photos" in rec
    return {"models_synthetic": count, "model_photos": photos}


# ---------------------------------------------------------------------------------------
# The records written in worker processes: one task per commune and per assignment


def _commune_task(sk: Skeleton, writer: Writer, index: int) -> dict:
    c = sk.communes[index]
    counts = {"teams": 0, "team_members": 0, "groups": 0, "households": 0, "bloc_members": 0}
    for kind, rec in commune_records(sk, index):
        if kind == "team":
            writer.write(f"data/teams/{c.id}/{rec['id']}.yml", "team", rec)
            counts["teams"] += 1
            counts["team_members"] += len(rec["members"])
            counts["groups"] += len(rec["groups"])
            counts["households"] += sum(g["households"] for g in rec["groups"])
        else:
            writer.write(f"data/blocs/{rec['id']}.yml", "bloc", rec)
            counts["bloc_members"] += len(rec["members"])
    return counts


def _assignment_task(sk: Skeleton, writer: Writer, plan: Plan) -> dict:
    rec = assignment_record(sk, plan)
    writer.write(f"data/assignments/{plan.id}.yml", "assignment", rec)
    return {"assignments": 1, "assignment_activities": len(rec.get("activities", ())),
            "reports": len(rec.get("reports", ()))}


# ---------------------------------------------------------------------------------------
# Parallel execution (fork); the output never depends on how many workers ran

# Filled before the pool forks, so the workers inherit the skeleton, the plans and a Writer of
# their own (counts start at zero) instead of receiving them pickled with every task.
_STATE: dict[str, Any] = {}


def _run_one(task: tuple[str, int]) -> dict:
    kind, index = task
    sk, writer = _STATE["sk"], _STATE["writer"]
    writer.files = writer.bytes = 0
    if kind == "commune":
        counts = _commune_task(sk, writer, index)
    else:
        counts = _assignment_task(sk, writer, _STATE["plans"][index])
    counts["files"] = writer.files
    counts["bytes"] = writer.bytes
    return counts


def _add(total: dict, part: dict) -> None:
    for k, v in part.items():
        total[k] = total.get(k, 0) + v


def _run_tasks(tasks: list[tuple[str, int]], workers: int) -> dict:
    total: dict[str, int] = {}
    if workers > 1:
        import multiprocessing as mp

        try:
            ctx = mp.get_context("fork")
        except ValueError:  # pragma: no cover - platforms without fork
            ctx = None
        if ctx is not None:
            with ctx.Pool(workers) as pool:
                for part in pool.imap_unordered(_run_one, tasks, chunksize=max(1, len(tasks) // (workers * 16))):
                    _add(total, part)
            return total
    for task in tasks:
        _add(total, _run_one(task))
    return total


# ---------------------------------------------------------------------------------------


def synthesize(out: Path, scale: str, seed: int, repo_root: Path, *, workers: int | None = None) -> dict:
    """Write a complete synthetic project for `scale` into `out` and return its counts.

    `out` must be empty, absent, or an earlier output of this function (whose data/, content/,
    theme/, schemas/ and mkdocs.yml are then replaced; anything else there, such as site/, is
    left alone). `repo_root` is the repository whose content/, documents, publications, real
    models, photo, theme, schemas and mkdocs.yml are copied. `workers`: processes for the
    teams, blocs and assignments (default: the CPU count, one when there is little to do).
    """
    if scale not in SCALES:
        raise SynthError(f"Không có quy mô “{scale}”; chọn một trong: {', '.join(SCALES)}.")
    spec = SCALES[scale]
    out, repo = Path(out), Path(repo_root)
    _prepare_out(out, repo)
    files = _copy_repository_parts(repo, out)
    copied = files
    sk = build_skeleton(spec, seed)
    writer = Writer(out, f"{MARKER} (quy mô {scale}, seed {seed}): mọi người, xã, thôn trong tệp này là hư cấu.")
    _write_config_and_units(sk, writer)
    model_counts = _write_models(sk, writer, spec.models - len(REAL_MODELS))
    plans = plan_assignments(sk)
    tasks = [("commune", i) for i in range(len(sk.communes))] + [("assignment", i) for i in range(len(plans))]
    if workers is None:
        workers = os.cpu_count() or 1
    if len(tasks) < 400:
        workers = 1
    for c in sk.communes:
        (out / "data" / "teams" / c.id).mkdir(parents=True, exist_ok=True)
    for folder in ("blocs", "assignments", "models"):
        (out / "data" / folder).mkdir(parents=True, exist_ok=True)
    _STATE.update(sk=sk, writer=Writer(out, writer.header), plans=plans)
    try:
        totals = _run_tasks(tasks, workers)
    finally:
        _STATE.clear()
    files += writer.files + totals.pop("files")
    data_bytes = writer.bytes + totals.pop("bytes")
    villages = [v for c in sk.communes for v in c.villages]
    counts = {
        "scale": scale,
        "seed": seed,
        "scheme": spec.scheme,
        "reference_date": fmt(sk.ref),
        "provinces": len(sk.provinces),
        "districts": sum(len(p.districts) for p in sk.provinces),
        "communes": len(sk.communes),
        "villages": len(villages),
        "villages_without_team": sum(1 for v in villages if not v.has_team),
        "teams": totals["teams"],
        "team_members": totals["team_members"],
        "groups": totals["groups"],
        "households": totals["households"],
        "blocs": len(sk.communes),
        "bloc_members": totals["bloc_members"],
        "people": totals["team_members"] + totals["bloc_members"],
        "models": model_counts["models_synthetic"] + len(REAL_MODELS),
        "models_real": len(REAL_MODELS),
        "model_photos": model_counts["model_photos"],
        "assignments": totals["assignments"],
        "assignments_exempt": sum(1 for p in plans if p.exemption),
        "assignment_activities": totals["assignment_activities"],
        "reports": totals["reports"],
        "files": files,
        "files_copied": copied,
        "generated_bytes": data_bytes,
    }
    return counts


def _main(argv: list[str] | None = None) -> None:  # python -m generator.synth.run SCALE SEED OUT
    import sys
    import time

    args = argv if argv is not None else sys.argv[1:]
    scale, seed, out = args[0], int(args[1]), Path(args[2])
    started = time.perf_counter()
    counts = synthesize(out, scale, seed, Path(__file__).resolve().parents[2])
    counts["seconds"] = round(time.perf_counter() - started, 2)
    print(json.dumps(counts, ensure_ascii=False, indent=2))


if __name__ == "__main__":  # pragma: no cover
    _main()
