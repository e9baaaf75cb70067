"""Writing the data files: takes a record, the file's path under the output folder, its kind
and extra comment lines, writes the file — the yaml-language-server comment pointing at the
kind's schema, the synthetic-data header, then the record's YAML, in NFC — and counts the
files and bytes it wrote. One Writer per process; it writes through the file descriptor and
creates a folder only when opening a file in it fails.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from generator.synth.yamlemit import dump_yaml


class Writer:
    def __init__(self, out: Path, header: str):
        self.out = out
        self.base = str(out) + os.sep
        self.header = header
        self.files = 0
        self.bytes = 0

    def write(self, rel: str, kind: str, data: dict, extra: tuple[str, ...] = ()) -> None:
        """Write `data` to `rel` (a path with "/" under the output folder), a file of `kind`."""
        depth = rel.count("/")
        schema = "../" * depth + f"schemas/{kind}.schema.json"
        text = "\n".join((f"# yaml-language-server: $schema={schema}", self.header, *extra)) + "\n" + dump_yaml(data)
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        raw = text.encode("utf-8")
        path = self.base + rel
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(raw)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        self.files += 1
        self.bytes += len(raw)

