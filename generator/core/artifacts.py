"""Outputs kept between builds: takes a name, the digests of what the output is made from
and a function that makes it; gives the bytes, from the cache when the same inputs made them
before. Entries live under build/cache/<namespace>/; the ones a build did not use are
removed at its end, so the cache holds one build's worth.

Used for the parts of an export that depend on a few files only (an agency's calendar
events on its assignment file, the places and the configuration): a change to one team
file then leaves them alone."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.core.atomic_write import write_file_atomically


class ArtifactCache:
    def __init__(self, folder: Path, salt: str):
        self.folder = Path(folder)
        self.salt = salt  # the code's fingerprint and anything else every entry depends on
        self.used: set[str] = set()
        self.made = 0

    def get(self, name: str, inputs: Iterable[str], make: Callable[[], bytes]) -> bytes:
        key = hashlib.sha256("\0".join([self.salt, name, *inputs]).encode("utf-8")).hexdigest()
        self.used.add(key)
        path = self.folder / key[:2] / key
        try:
            return path.read_bytes()
        except OSError:
            pass
        data = make()
        self.made += 1
        write_file_atomically(path, data)  # a reader sees the whole entry or none
        return data

    def prune(self) -> None:
        """Remove entries this build did not use."""
        if not self.folder.is_dir():
            return
        for path in self.folder.glob("*/*"):
            if path.name not in self.used:
                path.unlink(missing_ok=True)
