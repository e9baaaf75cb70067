"""The synthetic projects' YAML emitter: takes a mapping, gives the canonical block-style body
of a data file. It lives in the load stage (`generator.load.yamlemit`), where `handbook fmt`
and the check's layout note use it too; this name is kept for the synth's own callers."""

from __future__ import annotations

from generator.load.yamlemit import dump_yaml

__all__ = ["dump_yaml"]
