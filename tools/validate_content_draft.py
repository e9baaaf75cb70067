"""Draft check for content writers (until `handbook check` covers content): validates every
Q&A file's front matter and every module against the schema, checks citations name a
registered document and section, and flags runs of 20+ syllables shared with the sources."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.schema.content import Module, QAItem  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
RUN = 20


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).lower()
    return re.findall(r"\w+", text)


def strip_quotes(text: str) -> str:
    text = re.sub(r"“[^”]*”", " ", text)
    text = re.sub(r'"[^"\n]*"', " ", text)
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))
    return text


def main() -> int:
    shingles: set[tuple[str, ...]] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        w = words(seed.read_text(encoding="utf-8"))
        shingles.update(tuple(w[i:i + RUN]) for i in range(len(w) - RUN + 1))
    docs = yaml.safe_load((ROOT / "data" / "documents.yml").read_text(encoding="utf-8"))["documents"]
    sections = {d["id"]: {str(s["id"]) for s in d.get("sections", [])} for d in docs}
    topics = {t["id"] for t in yaml.safe_load((ROOT / "content" / "topics.yml").read_text(encoding="utf-8"))["topics"]}
    problems = 0

    def cite_ok(where: str, cite) -> None:
        nonlocal problems
        if cite.doc not in sections:
            print(f"{where}: unknown document {cite.doc}"); problems += 1
        elif sections[cite.doc] and cite.section not in sections[cite.doc]:
            print(f"{where}: unknown section {cite.section} of {cite.doc}"); problems += 1

    def copy_ok(where: str, text: str) -> None:
        nonlocal problems
        w = words(strip_quotes(text))
        for i in range(len(w) - RUN + 1):
            if tuple(w[i:i + RUN]) in shingles:
                print(f"{where}: copies the source: {' '.join(w[i:i + RUN])}"); problems += 1
                return

    ids = set()
    for path in sorted((ROOT / "content" / "qa").rglob("*.md")):
        raw = path.read_text(encoding="utf-8")
        if not raw.startswith("---\n"):
            print(f"{path}: no front matter"); problems += 1; continue
        _, fm, body = raw.split("---\n", 2)
        data = yaml.safe_load(fm)
        try:
            item = QAItem(**data, answer=body.strip())
        except Exception as exc:  # noqa: BLE001 - a draft tool: show everything
            print(f"{path}: {exc}"); problems += 1; continue
        if item.id != path.stem:
            print(f"{path}: id {item.id} differs from file name"); problems += 1
        if item.id in ids:
            print(f"{path}: duplicate id"); problems += 1
        ids.add(item.id)
        if item.topic not in topics:
            print(f"{path}: unknown topic {item.topic}"); problems += 1
        if unicodedata.normalize("NFC", raw) != raw:
            print(f"{path}: not NFC"); problems += 1
        for c in item.sources:
            cite_ok(str(path), c)
        copy_ok(str(path), item.question + "\n" + item.answer)
    for path in sorted((ROOT / "content" / "modules").glob("*.yml")):
        raw = path.read_text(encoding="utf-8")
        try:
            module = Module(**yaml.safe_load(raw))
        except Exception as exc:  # noqa: BLE001
            print(f"{path}: {exc}"); problems += 1; continue
        for c in module.sources:
            cite_ok(str(path), c)
        for q in module.quiz:
            cite_ok(f"{path}:{q.id}", q.source)
            if q.kind == "mcq" and sum(o.correct for o in q.options) != 1:
                print(f"{path}:{q.id}: mcq needs exactly one correct option"); problems += 1
        texts = [module.handout, module.trainer_notes] + [a.instructions for a in module.activities]
        copy_ok(str(path), "\n".join(texts))
    print(f"{len(ids)} Q&A items, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
