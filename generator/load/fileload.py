"""Reading many files: takes a function and a list of jobs (one per file), gives each job's
result in order, computed in worker processes when there are enough files for that to pay
(a province has thousands; a build machine has two cores or more).

Reading, parsing and validating split cleanly by file; the cross-file checks need the whole
dataset and stay in the calling process.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from typing import TypeVar

PARALLEL_MIN_FILES = 400  # below this, starting workers costs more than it saves
CHUNK = 48
JOBS_ENV = "HANDBOOK_JOBS"  # a number of worker processes; 1 = none. Unset: one per core.

J = TypeVar("J")
R = TypeVar("R")


def available_workers() -> int:
    """How many processes may work at once: HANDBOOK_JOBS, else one per core; 1 where
    processes cannot be forked."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    wanted = os.environ.get(JOBS_ENV, "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def worker_count(files: int) -> int:
    return 1 if files < PARALLEL_MIN_FILES else available_workers()


def map_files(func: Callable[[J], R], jobs: Sequence[J]) -> Iterator[R]:
    """func(job) for every job, in order. `func` must be a module-level function and its
    results picklable when workers are used."""
    workers = worker_count(len(jobs))
    if workers == 1:
        for job in jobs:
            yield func(job)
        return
    # fork: the workers start with this process's modules already imported.
    context = multiprocessing.get_context("fork")
    chunks = [jobs[i:i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for results in pool.map(_run_chunk, repeat(func), chunks):
            yield from results


def _run_chunk(func: Callable[[J], R], jobs: Sequence[J]) -> list[R]:
    with gc_paused():
        return [func(job) for job in jobs]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Loading makes millions of small objects that hold no cycles; the cycle collector
    would otherwise walk the growing heap again and again (a third of the load time at
    province scale). What was made meanwhile is frozen before the collector resumes: even
    its youngest generation would otherwise be the whole loaded data, walked at once (about
    six seconds at nation scale, twice per check). `heap_frozen` unfreezes at its end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


@contextlib.contextmanager
def heap_frozen() -> Iterator[None]:
    """For a stage that works over a loaded dataset: what exists now (the dataset) is left
    out of the cycle collector's walks until the stage ends. Page generation at province
    scale spends a third of its time in those walks otherwise."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
