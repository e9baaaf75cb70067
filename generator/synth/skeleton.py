"""The skeleton of a synthetic project: takes a scale and a seed, gives its administrative
units — provinces, districts (three-level scheme only), communes and villages, with which
villages have a team and which communes host a pilot bloc. Drawn once, in the main process;
the records of every commune are then drawn from it in any order.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from generator.core.errors import SynthError
from generator.schema.config import KIND_LABELS
from generator.synth.randomness import proportional_split, rng_for
from generator.synth.scales import TIMING, Scale
from generator.synth.spelling import slugify
from generator.synth.vocabulary import (
    BG_DISTRICTS, BG_PROVINCE, DISTRICT_COMMITTEE, PROVINCES_2025, SYL_A, SYL_B, SYL_BAN, SYL_BAN2,
)

@dataclass(slots=True)
class Village:
    id: str
    kind: str
    name: str
    tail: str
    has_team: bool = True

    @property
    def label(self) -> str:
        return f"{KIND_LABELS[self.kind]} {self.name}"


@dataclass(slots=True)
class Commune:
    id: str
    kind: str
    name: str
    parent: str  # district (ba-cap) or province (hai-cap)
    province: "Province"
    district: "District | None"
    villages: list[Village] = field(default_factory=list)
    pilot: bool = False

    @property
    def label(self) -> str:
        return f"{KIND_LABELS[self.kind]} {self.name}"

    @property
    def committee(self) -> str:
        return f"Đảng ủy {self.label}"

    @property
    def full_label(self) -> str:
        upper = self.district.label if self.district else self.province.label
        return f"{self.label}, {upper}"


@dataclass(slots=True)
class District:
    id: str
    kind: str
    name: str
    code: str
    communes: list[Commune] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{KIND_LABELS[self.kind]} {self.name}"

    @property
    def committee(self) -> str:
        return f"{DISTRICT_COMMITTEE[self.kind]} {self.name}"


@dataclass(slots=True)
class Province:
    id: str
    kind: str
    name: str
    region: str
    code: str | None = None
    districts: list[District] = field(default_factory=list)
    communes: list[Commune] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{KIND_LABELS[self.kind]} {self.name}"

    @property
    def short(self) -> str:
        return "Thành ủy" if self.kind == "thanh_pho_tw" else "Tỉnh ủy"


@dataclass
class Skeleton:
    scale: Scale
    seed: int
    year: int
    ref: dt.date
    since: dt.date
    provinces: list[Province]
    communes: list[Commune]

    @property
    def villages(self):
        for c in self.communes:
            yield from c.villages


def _village_counts(n: int, total: int, bounds: tuple[int, int], rng: random.Random) -> list[int]:
    lo, hi = bounds
    if not lo * n <= total <= hi * n:
        raise SynthError(f"Không xếp được {total} thôn vào {n} xã, mỗi xã {lo}–{hi} thôn.")
    counts = [rng.randint(lo, hi) for _ in range(n)]
    while sum(counts) > total:
        i = rng.randrange(n)
        if counts[i] > lo:
            counts[i] -= 1
    while sum(counts) < total:
        i = rng.randrange(n)
        if counts[i] < hi:
            counts[i] += 1
    return counts


_SYL_SLUG: dict[str, str] = {}


def _syl_slug(s: str) -> str:
    v = _SYL_SLUG.get(s)
    if v is None:
        v = _SYL_SLUG[s] = slugify(s)
    return v


def _unique_names(rng: random.Random, k: int, taken: set[str], first: list[str], second: list[str]) -> list[tuple[str, str]]:
    """k (name, slug) pairs of two syllables whose slugs are not in taken (taken is updated)."""
    out = []
    tries = 0
    while len(out) < k:
        tries += 1
        if tries > 200 * k + 2000:
            raise SynthError("Hết tên hư cấu để đặt cho đơn vị.")
        a, b = rng.choice(first), rng.choice(second)
        if _syl_slug(a) == _syl_slug(b):
            continue
        slug = f"{_syl_slug(a)}-{_syl_slug(b)}"
        if slug in taken:
            continue
        taken.add(slug)
        out.append((f"{a} {b}", slug))
    return out


def _make_villages(rng: random.Random, c: Commune, count: int, region: str) -> None:
    if c.kind in ("phuong", "thi_tran"):
        for n in range(1, count + 1):
            c.villages.append(Village(f"{c.id}-tdp-so-{n}", "to_dan_pho", f"số {n}", f"tdp-so-{n}"))
        return
    taken: set[str] = set()
    if region == "nui":
        n_ban = count // 2
        names = _unique_names(rng, n_ban, taken, SYL_BAN, SYL_BAN2) if n_ban <= 60 else []
        kinds = ["ban"] * len(names)
        rest = _unique_names(rng, count - len(names), taken, SYL_A, SYL_B)
        names += rest
        kinds += ["thon"] * len(rest)
    else:
        names = _unique_names(rng, count, taken, SYL_A, SYL_B)
        kinds = ["ap" if region == "nam" else "thon"] * count
    for (name, slug), kind in zip(names, kinds):
        tail = f"{kind}-{slug}"
        c.villages.append(Village(f"{c.id}-{tail}", kind, name, tail))


def build_skeleton(scale: Scale, seed: int) -> Skeleton:
    rng = rng_for(seed, scale.name, "skeleton")
    timing = TIMING[scale.scheme]
    year = timing["year"]
    ref = dt.date(year, 12, 15)
    since = dt.date(year - 1, 12, 1)
    provinces: list[Province] = []
    communes: list[Commune] = []
    if scale.scheme == "ba-cap":
        pid, pkind, pname, pcode = BG_PROVINCE
        province = Province(pid, pkind, pname, "bac", pcode)
        provinces.append(province)
        chosen = BG_DISTRICTS[: scale.districts]
        per_district = proportional_split(scale.communes, [d[4] for d in chosen], rng)
        for (did, dkind, dname, dcode, _), n in zip(chosen, per_district):
            district = District(did, dkind, dname, dcode)
            province.districts.append(district)
            names = _unique_names(rng, n, set(), SYL_A, SYL_B)
            if dkind == "thanh_pho":
                kinds = ["phuong" if i < max(1, round(n * 0.6)) else "xa" for i in range(n)]
            elif dkind == "thi_xa":
                kinds = ["phuong" if i < max(1, n // 2) else "xa" for i in range(n)]
            else:
                towns = 1 if n < 22 else 2
                kinds = ["thi_tran" if i < towns else "xa" for i in range(n)]
            for (name, slug), kind in zip(names, kinds):
                c = Commune(f"{did}-{slug}", kind, name, did, province, district)
                district.communes.append(c)
                province.communes.append(c)
                communes.append(c)
            district.communes[0].pilot = True
    else:
        chosen = PROVINCES_2025[: scale.provinces]
        per_province = proportional_split(scale.communes, [p[3] for p in chosen], rng)
        for (pid, pkind, pname, _, region), n in zip(chosen, per_province):
            province = Province(pid, pkind, pname, region)
            provinces.append(province)
            names = _unique_names(rng, n, set(), SYL_A, SYL_B)
            urban = 0.45 if pkind == "thanh_pho_tw" else 0.15
            for i, (name, slug) in enumerate(names):
                if i < max(1, round(n * urban)):
                    kind = "phuong"
                elif region in ("bac", "trung", "nam") and i == n - 1 and n > 60:
                    kind = "dac_khu"
                else:
                    kind = "xa"
                c = Commune(f"{pid}-{slug}", kind, name, pid, province, None)
                province.communes.append(c)
                communes.append(c)
            province.communes[-1].pilot = True
            for c in province.communes[::10]:
                c.pilot = True
    counts = _village_counts(len(communes), scale.villages, scale.villages_per_commune, rng)
    for c, n in zip(communes, counts):
        _make_villages(rng, c, n, c.province.region)
    villages = [v for c in communes for v in c.villages]
    for v in rng.sample(villages, len(villages) - scale.teams):
        v.has_team = False
    return Skeleton(scale, seed, year, ref, since, provinces, communes)

