"""The synthetic "Dân vận khéo" models: takes the skeleton and how many models to make, gives
their records — a theme of each field in turn, placed in a village with a team (three in four)
or a commune, with results, sometimes a recognition, a vetted photo or communes that
replicated it. One random stream for the whole list (their ids must be unique across it).
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from generator.core.dates import format_vn_date as fmt
from generator.schema.exemplar import Exemplar, Period, Recognition, Result
from generator.synth.model_dicts import published_photo, record
from generator.synth.randomness import rand_date, rng_for
from generator.synth.skeleton import Skeleton
from generator.synth.spelling import vn
from generator.synth.texts import FIELDS, MODEL_THEMES

# The four real models the training modules cite as case studies; copied from the repository.
REAL_MODELS = ("mh-chuyen-doi-lua-thanh-mien", "mh-duong-noi-dong-lai-xa", "mh-ngo-xom-tu-quan-cam-son",
               "mh-to-phu-nu-nha-tro-tu-minh")


def model_records(sk: Skeleton, count: int) -> Iterator[dict]:
    rng = rng_for(sk.seed, sk.scale.name, "models")
    year = sk.year
    used: set[str] = set(REAL_MODELS)
    with_team = [v for v in sk.villages if v.has_team]
    commune_of = {v.id: c for c in sk.communes for v in c.villages}
    for i in range(count):
        field_name = FIELDS[i % len(FIELDS)]
        themes = [t for t in MODEL_THEMES if t[2] == field_name]
        short, name, field_, results, story = rng.choice(themes)
        if rng.random() < 0.75 and with_team:
            v = rng.choice(with_team)
            c = commune_of[v.id]
            place_id, units, team = v.id, [v.id], f"to-{v.id}"
            implementer = f"Tổ Dân vận cộng đồng {v.label}"
            place = f"{v.label}, {c.label}"
        else:
            c = rng.choice(sk.communes)
            place_id, units, team = c.id, [c.id], None
            implementer = f"Khối Dân vận {c.label}"
            place = c.label
        mid = f"mh-{short}-{place_id}"[:110].rstrip("-")
        base, k = mid, 2
        while mid in used:
            mid, k = f"{base}-{k}", k + 1
        used.add(mid)
        start = year - rng.randint(0, 2)
        end = year if rng.random() < 0.6 else None
        span = f"từ năm {start}" if end is None else (f"năm {year}" if start == year else f"trong các năm {start}–{year}")
        res = []
        for lo, hi, decimals, unit, what in results:
            value: float | int = round(rng.uniform(lo, hi), decimals) if decimals else rng.randint(int(lo), int(hi))
            res.append(record(Result, value=value, unit=unit, what=what, approximate=True if rng.random() < 0.15 else None))
        recognition = None
        if rng.random() < 0.3:
            by = (f"Ủy ban nhân dân {c.district.label}" if c.district else f"Ủy ban nhân dân {c.province.label}")
            recognition = [record(Recognition, title="Giấy khen", by=by, year=year)]
        photos = None
        if rng.random() < 0.3:
            day = rand_date(rng, dt.date(year, 3, 1), dt.date(year, 11, 15))
            approver = (f"Ban Dân vận {c.district.committee}" if c.district else f"Ban Dân vận {c.province.short} {c.province.name}")
            photos = [published_photo(f"{name}: hoạt động tại {place}, {(c.district or c.province).label}, ngày {vn(day)}.",
                                      approver, fmt(day + dt.timedelta(days=rng.randint(2, 7))))]
        replicated_in = None
        if rng.random() < 0.1:
            others = [o for o in (c.district.communes if c.district else c.province.communes) if o is not c]
            if others:
                replicated_in = sorted(o.id for o in rng.sample(others, min(2, len(others))))
        yield record(
            Exemplar, id=mid, name=name, field=field_, implementer=implementer, units=units, team=team,
            period=record(Period, start=start, end=end),
            summary=f"{implementer} ({c.full_label}) thực hiện mô hình “{name}” {span}.",
            results=res, recognition=recognition, story=story.format(v=place) + "\n", photos=photos,
            replicated_in=replicated_in, sample=True,
        )
