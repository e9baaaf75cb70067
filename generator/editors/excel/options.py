"""The option lists of the workbook's choice columns: takes a dataset (for its villages and
its rating scale); gives each list as (value written in YAML, label shown in the workbook)
— Vietnamese labels from `schema.roles`, the configuration's rating scale, and villages by
name with their commune (“Thôn Đông (xã Phúc Sơn)”) — and reads back what an official
typed — the value, its label with or without diacritics, “Label (value)” — or suggests the
option they most likely meant.
"""

from __future__ import annotations

import difflib
import functools

from generator.core.text import fold
from generator.model.hierarchy import ancestors, commune_of, is_village, unit_label
from generator.schema.config import DEFAULT_GRADES
from generator.schema.roles import LABELS, TeamException, TeamRole, VillagePosition

YES, NO = "có", "không"
YES_WORDS = {"co", "x", "yes", "y", "true", "1", "dong y", "da co", "roi"}
NO_WORDS = {"khong", "no", "n", "false", "0", "chua", "chua co", "k", "ko"}


def _grades(dataset) -> list[tuple[str, str]]:
    config = getattr(dataset, "config", None)
    scale = config.rating_scale if config is not None else DEFAULT_GRADES
    return [(g.id, g.name) for g in scale]


def options(name: str, dataset) -> list[tuple[str, str]]:
    """The (value, label) pairs of the option list `name` (a `Column.choices`)."""
    if name == "team_role":
        return [(r.value, LABELS[r.value]) for r in TeamRole]
    if name == "positions":
        return [(p.value, LABELS[p.value]) for p in VillagePosition]
    if name == "exceptions":
        return [(e.value, LABELS[e.value]) for e in TeamException]
    if name == "gender":
        return [("nam", "Nam"), ("nu", "Nữ")]
    if name == "grade":
        return _grades(dataset)
    if name == "yes_no":
        return [("true", YES), ("false", NO)]
    if name == "village":
        return village_lookup_options(dataset)
    raise KeyError(name)


def norm(text: str) -> str:
    """Text compared the forgiving way: no diacritics or case, `_` and `-` read as spaces."""
    return " ".join(fold(text).replace("_", " ").replace("-", " ").split())


@functools.lru_cache(maxsize=64)
def _lookup_table(options: tuple[tuple[str, str], ...]) -> dict[str, frozenset[str]]:
    return lookup_table(options)


def lookup_table(options) -> dict[str, frozenset[str]]:
    """What `lookup` reads: every option's value and label, compared the forgiving way. An
    import makes it once per list (a province has thousands of villages)."""
    table: dict[str, set[str]] = {}
    for value, label in options:
        table.setdefault(norm(value), set()).add(value)
        table.setdefault(norm(label), set()).add(value)
    return {k: frozenset(v) for k, v in table.items()}


def lookup(text: str, options: list[tuple[str, str]] | dict[str, frozenset[str]]) -> str | None:
    """The value an official meant: the value itself, its label, or "Label (value)";
    `options` may be the list or its `lookup_table`."""
    table = options if isinstance(options, dict) else _lookup_table(tuple(options))
    candidates = [text]
    if "(" in text and text.rstrip().endswith(")"):
        outside, inside = text.rstrip()[:-1].split("(", 1)
        candidates += [inside, outside]
    for sep in (" – ", " - ", ":"):
        if sep in text:
            candidates += text.split(sep, 1)
    for candidate in candidates:
        hit = table.get(norm(candidate))
        if hit and len(hit) == 1:
            return next(iter(hit))
    return None


def suggest(text: str, options: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The (value, label) an unknown entry most likely meant, for “Có phải ý bạn là …?”."""
    keys: dict[str, tuple[str, str]] = {}
    for value, label in options:
        keys.setdefault(norm(value), (value, label))
        keys.setdefault(norm(label), (value, label))
    typed = norm(text)
    if len(typed) >= 3:  # the start of a longer label ("Hoàn thành tốt" for "Hoàn thành tốt nhiệm vụ")
        longer = {keys[k] for k in keys if k.startswith(typed) and k != typed}
        if len(longer) == 1:
            return next(iter(longer))
    guess = difflib.get_close_matches(typed, list(keys), n=1, cutoff=0.6)
    return keys[guess[0]] if guess else None


def villages(dataset) -> list[str]:
    """Ids of the villages and residential groups of the data: where a team may be set up."""
    return [uid for uid in dataset.units if is_village(dataset, uid)]


def village_label(dataset, uid: str) -> str:
    """“thôn Đông, xã Phúc Sơn”: a village as officials name it, with its commune."""
    unit = dataset.units[uid].obj
    commune = commune_of(dataset, uid)
    text = unit_label(unit)
    if commune and commune != uid:
        text += ", " + unit_label(dataset.units[commune].obj)
    return text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def village_options(dataset) -> list[tuple[str, str]]:
    """(id, label) of every village, the label its drop-down shows: “Thôn Đông (xã Phúc
    Sơn)”; where two villages of the same name sit in communes of the same name, the
    district is added (“Thôn Đông (xã Phúc Sơn, huyện Tân Yên)”), and where even that is
    shared, the code. Every label names one village."""
    ids = villages(dataset)

    def label(uid: str, depth: int) -> str:
        text = _capital(unit_label(dataset.units[uid].obj))
        above = [a for a in ancestors(dataset, uid) if a != uid]
        commune = commune_of(dataset, uid)
        parts = [unit_label(dataset.units[commune].obj)] if commune and commune != uid else []
        if depth >= 1:  # the district: the unit right above the commune
            parent = dataset.units[commune].obj.parent if commune and commune in dataset.units else None
            if parent in dataset.units and parent in above:
                parts.append(unit_label(dataset.units[parent].obj))
        if depth >= 2:
            parts.append(uid)
        return text + (f" ({', '.join(parts)})" if parts else "")

    labels = {uid: label(uid, 0) for uid in ids}
    for depth in (1, 2):
        counts: dict[str, int] = {}
        for text in labels.values():
            counts[norm(text)] = counts.get(norm(text), 0) + 1
        clashing = [uid for uid in ids if counts[norm(labels[uid])] > 1]
        if not clashing:
            break
        for uid in clashing:
            labels[uid] = label(uid, depth)
    return [(uid, labels[uid]) for uid in ids]


def village_lookup_options(dataset) -> list[tuple[str, str]]:
    """Every way a village may be written in the workbook, as (id, text): its drop-down
    label, “thôn Đông, xã Phúc Sơn”, and its bare name (“Thôn Đông”; it names the village
    only where no other village has that name, which `lookup` sees)."""
    out = []
    for uid, text in village_options(dataset):
        out.append((uid, text))
        out.append((uid, village_label(dataset, uid)))
        out.append((uid, unit_label(dataset.units[uid].obj)))
    return out
