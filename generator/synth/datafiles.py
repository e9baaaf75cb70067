"""Writing the data files: takes a record, the file's path under the output folder, its kind,
extra comment lines and notes, writes the file — the yaml-language-server comment pointing at
the kind's schema, the header line, then the record's YAML with each note as a comment above
the line it explains, in NFC — and counts the files and bytes it wrote. One Writer per
process; it writes through the file descriptor and creates a folder only when opening a file
in it fails. Synthetic projects and the repository's sample both write with `yamlemit`
(records already in the models' field order), so what they write is in the canonical layout
of data files (`generator.model.canonical`, `handbook fmt`).
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Callable

from generator.load.yamlemit import dump_yaml

Note = tuple[str, str]  # (needle, comment): the comment goes above the first line holding the needle


def annotate(body: str, notes: tuple[Note, ...] | list[Note], rel: str) -> str:
    """The YAML text with each note's comment on its own line above the first line holding
    the note's needle, at that line's indentation."""
    lines = body.split("\n")
    for needle, comment in notes:
        for i, line in enumerate(lines):
            if needle in line:
                lines.insert(i, " " * (len(line) - len(line.lstrip(" "))) + "# " + comment)
                break
        else:
            raise RuntimeError(f"note anchor {needle!r} not found in {rel}")
    return "\n".join(lines)


class Writer:
    def __init__(self, out: Path, header: str, dump: Callable[[dict], str] = dump_yaml):
        self.out = out
        self.base = str(out) + os.sep
        self.header = header
        self.dump = dump
        self.files = 0
        self.bytes = 0

    def write(self, rel: str, kind: str, data: dict, extra: tuple[str, ...] = (), notes: tuple[Note, ...] = ()) -> None:
        """Write `data` to `rel` (a path with "/" under the output folder), a file of `kind`."""
        depth = rel.count("/")
        schema = "../" * depth + f"schemas/{kind}.schema.json"
        body = self.dump(data)
        if notes:
            body = annotate(body, notes, rel)
        text = "\n".join((f"# yaml-language-server: $schema={schema}", self.header, *extra)) + "\n" + body
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

