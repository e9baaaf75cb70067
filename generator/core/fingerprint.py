"""Fingerprints of what outputs are made from: a folder's files, and the code itself."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path


def digest_tree(paths: list[Path], base: Path) -> str:
    """One digest of the files' paths (relative to `base`) and bytes."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(base).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The generator's own code and templates: anything cached from an older version of them
    is not used."""
    package = Path(__file__).resolve().parents[1]  # generator/, from generator/core/
    return digest_tree(sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in (".py", ".j2", ".css")),
                       package)
