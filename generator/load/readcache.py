"""Files already read: takes a file's path and bytes, gives what reading, parsing and
validating it gave last time, when neither the bytes nor the code have changed since.

`handbook check` and the build read every data file; with this cache an unchanged file costs
a lookup instead of a parse and a validation (at province scale most of the check's time).
Entries are keyed by the file's path and a digest of its bytes, and the whole cache belongs
to one version of the code and of the libraries that parse and validate; anything else is a
miss. The cache is a single SQLite file in the project's working folder (`core.workdir`:
build/, which carries its own `.gitignore`, so a check never dirties a content repository),
written by this program only. Any trouble with it (missing, damaged, locked, read-only) means it is simply
not used; `HANDBOOK_READ_CACHE=off` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import sys
from pathlib import Path

from generator.core.fingerprint import code_fingerprint
from generator.core.workdir import work_dir

CACHE_ENV = "HANDBOOK_READ_CACHE"
FILE_NAME = "reads.sqlite"


def _version() -> str:
    from importlib.metadata import version

    libraries = ";".join(f"{name}={version(name)}" for name in ("pydantic", "pydantic-core", "PyYAML", "yaml-rs"))
    return f"{code_fingerprint()};{sys.version};{libraries};{pickle.HIGHEST_PROTOCOL}"


def content_key(kind: str, max_bytes: int, digest: str) -> bytes:
    """What a file's reading depends on besides its path: its kind, the size limit and the
    digest of its bytes (`yamlload.content_digest`, which the reading records too)."""
    return hashlib.blake2b(f"{kind}\0{max_bytes}\0{digest}".encode(), digest_size=20).digest()


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=2)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS reads (name TEXT PRIMARY KEY, key BLOB, value BLOB)")
        version = _version()
        row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if row is None or row[0] != version:
            with db:
                db.execute("DELETE FROM reads")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (version,))
    except BaseException:
        db.close()
        raise
    return db


class ReadCache:
    """Open with `ReadCache.open(root)`; None when the cache is off or cannot be used."""

    def __init__(self, connection: sqlite3.Connection):
        self.db = connection
        self.usable = True

    @classmethod
    def open(cls, root: Path) -> ReadCache | None:
        if os.environ.get(CACHE_ENV, "").strip().lower() in ("off", "0", "no", "false"):
            return None
        path = work_dir(Path(root)) / "cache" / FILE_NAME
        for attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                return cls(_connect(path))
            except sqlite3.DatabaseError:
                if attempt == 0:  # not a database (damaged): start a new one
                    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                        stale.unlink(missing_ok=True)
            except (OSError, sqlite3.Error):
                return None
        return None

    def get(self, name: str, key: bytes):
        """The cached result for this file, or None."""
        if not self.usable:
            return None
        try:
            row = self.db.execute("SELECT key, value FROM reads WHERE name = ?", (name,)).fetchone()
            if row is None or row[0] != key:
                return None
            return pickle.loads(row[1])
        except (sqlite3.Error, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None

    def names(self) -> set[str]:
        """The files the cache holds."""
        try:
            return {name for (name,) in self.db.execute("SELECT name FROM reads")} if self.usable else set()
        except sqlite3.Error:
            return set()

    def put_many(self, entries: list[tuple[str, bytes, bytes]]) -> None:
        """Store (name, key, pickled result) for files read this time."""
        if not self.usable or not entries:
            return
        try:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO reads VALUES (?, ?, ?)", entries)
        except sqlite3.Error:
            self.usable = False

    def keep_only(self, names: list[str]) -> None:
        """Forget files that no longer exist."""
        if not self.usable:
            return
        try:
            with self.db:
                self.db.execute("CREATE TEMP TABLE IF NOT EXISTS present (name TEXT PRIMARY KEY)")
                self.db.execute("DELETE FROM present")
                self.db.executemany("INSERT OR IGNORE INTO present VALUES (?)", ((n,) for n in names))
                self.db.execute("DELETE FROM reads WHERE name NOT IN (SELECT name FROM present)")
        except sqlite3.Error:
            self.usable = False

    def close(self) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass
