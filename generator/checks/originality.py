"""Originality of the content: takes our text and the source documents, gives the runs of
N or more words they share outside marked quotations (“…”, "…", or a `>` blockquote).

Facts and figures may carry over from the sources; sentences may not."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from generator.core.text import nfc

RUN = 20
_QUOTED = [re.compile(r"“[^”]*”"), re.compile(r'"[^"\n]*"'), re.compile(r"«[^»]*»")]


def words(text: str) -> list[str]:
    return re.findall(r"\w+", nfc(text).lower())


def strip_quotations(text: str) -> str:
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))
    for pattern in _QUOTED:
        text = pattern.sub(" ", text)
    return text


def source_shingles(paths: Iterable[Path], run: int = RUN) -> set[tuple[str, ...]]:
    shingles: set[tuple[str, ...]] = set()
    for path in paths:
        w = words(path.read_text(encoding="utf-8"))
        shingles.update(tuple(w[i:i + run]) for i in range(len(w) - run + 1))
    return shingles


def shared_runs(text: str, shingles: set[tuple[str, ...]], run: int = RUN) -> list[str]:
    w = words(strip_quotations(text))
    return [" ".join(w[i:i + run]) for i in range(len(w) - run + 1) if tuple(w[i:i + run]) in shingles]
