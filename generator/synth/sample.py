"""The repository's sample dataset: takes a data folder, writes the sample into it — config.yml,
the units of Bắc Giang before the 2025 reform, 69 teams, 14 blocs, 20 "Dân vận khéo" models (4
real) and 30 assignments — after deleting what an earlier run wrote there, and gives the
number of files written. `python tools/make_sample_data.py` runs it on data/.

The sample is a small, hand-tuned scale of the synthetic generator: its skeleton is the
synthetic `skeleton` units filled by hand (`sample_places`), its records are shaped by the
models (`model_dicts.record`) and written by the synthetic `datafiles.Writer`, and what is
deliberately hand-written is data beside it — places (`sample_places`), running texts
(`sample_texts`), models and their stories (`sample_models`), and the cases that depart from a
rule so that the check has something to find, each with the comment its file carries
(`sample_cases`, listed in the README and tests/test_sample_data.py).

Determinism: every record is drawn from one random.Random(2024) in the fixed order of
`write_sample`, so a rerun gives the same tree byte for byte, and data/ in the repository is
that tree. The files are written in the canonical layout of data files (`handbook fmt`,
generator.model.canonical: the emitter `generator.load.yamlemit` with the keys in the models'
field order, each case's note as a comment above its line), so `handbook fmt` leaves a
regenerated sample as it is.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

from generator.core.dates import format_vn_date as fmt
from generator.schema.config import CmsSettings
from generator.schema.assignment import Agency, Assignment, AssignmentActivity, FiledReport
from generator.schema.exemplar import Exemplar, Period, Recognition, Result
from generator.schema.team import FoundingDecision
from generator.schema.units import FormerName, Successor, Unit, UnitCode, UnitsFile
from generator.synth.datafiles import Writer
from generator.synth.model_dicts import PHOTO, published_photo, record
from generator.synth.randomness import days_between, rand_date
from generator.synth.sample_cases import (
    ASSIGNMENT_NOTES, BLOC_NOTES, CONCENTRATED, CONCENTRATED_NOTE, LATE_REPORT_AGENCY, LATE_REPORT_MONTH, MODEL_H,
    MODEL_H_NOTE, NO_TEAM_NOTE, NO_TEAM_VILLAGE, TEAM_A, TEAM_B, TEAM_C, TEAM_D, TEAM_NOTES, WEDNESDAY_AGENCY,
)
from generator.synth.sample_communes import People, bloc_record, team_record
from generator.synth.sample_models import HD_SOURCE, REAL_MODELS, SAMPLE_MODELS
from generator.synth.sample_places import (
    FORMER_NAMES, PROVINCE_BECAME, SEED, build_skeleton, by_short, folder, place, short, team_id,
)
from generator.synth.sample_texts import (
    ARMED, ARMED_NOTE, DISTRICT_AGENCIES, GENERAL_WORK, KHOI, PROVINCIAL, REAL_MODEL_LINE, REPORT_RECIPIENTS,
    SAMPLE_LINE, SPECIAL_WORK, UNITS_LINE,
)
from generator.synth.skeleton import Commune, Skeleton
from generator.synth.spelling import vn
from generator.synth.units_config import config_file


def write_sample(data: Path) -> int:
    """Write the sample into the folder `data` (the schemas are `../schemas` from it)."""
    clean(data)
    sk = build_skeleton()
    rng = random.Random(SEED)
    writer = Writer(data.parent, SAMPLE_LINE)
    at = f"{data.name}/"
    write_config(sk, writer, at)
    write_units(sk, writer, at)
    people = People(rng)
    write_teams(sk, people, writer, at)
    for c in sk.communes:
        rec = bloc_record(people, c)
        writer.write(f"{at}blocs/{rec['id']}.yml", "bloc", rec, notes=tuple(BLOC_NOTES.get(short(c), ())))
    write_models(sk, rng, writer, at)
    write_assignments(sk, rng, writer, at)
    return writer.files


def clean(data: Path) -> None:
    """Remove what an earlier run wrote, so that a rerun gives exactly the same tree; the
    files the sample does not write (documents, publications, photos) stay."""
    (data / "config.yml").unlink(missing_ok=True)
    units = data / "units"
    if units.is_dir():
        for f in units.glob("*.yml"):
            f.unlink()
    if (data / "teams").exists():
        shutil.rmtree(data / "teams")
    for name in ("blocs", "models", "assignments"):
        sub = data / name
        if sub.is_dir():
            for entry in sub.iterdir():
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()


# The sample's content repository, for the web editor's sign-in (fictional, like the villages).
SAMPLE_REPO = "ban-dan-van-bac-giang/so-tay-dan-van"


def write_config(sk: Skeleton, writer: Writer, at: str) -> None:
    cms = record(CmsSettings, repo=SAMPLE_REPO, forge="github", branch="main")
    data, extra = config_file(sk, recipients=REPORT_RECIPIENTS, cms=cms)
    writer.write(f"{at}config.yml", "config", data, extra)


def write_units(sk: Skeleton, writer: Writer, at: str) -> None:
    """Province, districts and communes are real (no sample flag); the villages are fictional."""
    p = sk.provinces[0]
    units = [record(Unit, id=p.id, kind=p.kind, name=p.name, codes=[record(UnitCode, scheme="tk-2004", code=p.code)],
                    became=record(Successor, **PROVINCE_BECAME))]
    for d in p.districts:
        former = [record(FormerName, **f) for f in FORMER_NAMES[d.id]] if d.id in FORMER_NAMES else None
        units.append(record(Unit, id=d.id, kind=d.kind, name=d.name, parent=p.id,
                            codes=[record(UnitCode, scheme="tk-2004", code=d.code)], former_names=former))
    units += [record(Unit, id=c.id, kind=c.kind, name=c.name, parent=c.parent) for c in sk.communes]
    units += [record(Unit, id=v.id, kind=v.kind, name=v.name, parent=c.id, sample=True)
              for c in sk.communes for v in c.villages]
    no_team = place(sk, NO_TEAM_VILLAGE)
    writer.write(f"{at}units/{p.id}.yml", "units", record(UnitsFile, units=units), (UNITS_LINE,),
                 notes=((f"id: {no_team.id}", NO_TEAM_NOTE),))


def write_teams(sk: Skeleton, people: People, writer: Writer, at: str) -> None:
    """Every village's team but one; founding numbers run per commune (the first village's team
    was the pilot, founded in February)."""
    rng = people.rng
    cases = {case: place(sk, case) for case in (TEAM_A, TEAM_B, TEAM_C, TEAM_D)}
    notes = {cases[case].id: (note,) for case, note in TEAM_NOTES.items()}
    for c in sk.communes:
        number = rng.randint(8, 40)
        pilot_day = rand_date(rng, dt.date(2023, 2, 6), dt.date(2023, 2, 24))
        rest_day = rand_date(rng, dt.date(2023, 3, 1), dt.date(2023, 3, 24))
        for i, v in enumerate(c.villages):
            if not v.has_team:
                continue
            founding = record(FoundingDecision, number=f"{number + i}-QĐ/ĐU", date=fmt(pilot_day if i == 0 else rest_day),
                              issuer=c.committee)
            rec = team_record(people, c, v, founding, cases)
            writer.write(f"{at}teams/{folder(c)}/{rec['id']}.yml", "team", rec, notes=notes.get(v.id, ()))


# ---------------------------------------------------------------------------------------
# Models ("Dân vận khéo")


def write_models(sk: Skeleton, rng: random.Random, writer: Writer, at: str) -> None:
    for m in REAL_MODELS:
        rec = record(Exemplar, id=m["id"], name=m["name"], field=m["field"], implementer=m["implementer"], units=[],
                     place=m["place"], period=record(Period, start=2015), summary=m["summary"],
                     results=m["results"] or None, story=m["story"], sources=HD_SOURCE, real=True, sample=False)
        writer.write(f"{at}models/{m['id']}.yml", "model", rec, (REAL_MODEL_LINE,))

    communes = by_short(sk)
    for mid, name, field, where, results, recognition, with_photo, story in SAMPLE_MODELS:
        if isinstance(where, tuple):
            v = place(sk, where)
            c = communes[where[0]]
            assert v.has_team
            units, team, implementer, full_place = [v.id], team_id(c, v), f"Tổ Dân vận cộng đồng {v.label}", f"{v.label}, {c.label}"
        else:
            c = communes[where]
            units, team, implementer, full_place = [c.id], None, f"Khối Dân vận {c.label}", c.label
        photos = None
        if with_photo:
            day = rand_date(rng, dt.date(2024, 3, 1), dt.date(2024, 11, 15))
            caption = f"{name}: hoạt động tại {full_place}, {c.district.label}, ngày {vn(day)}."
            if mid == MODEL_H:
                photos = [{"file": PHOTO, "caption": caption, "approved": False, "publish": True}]
            else:
                photos = [published_photo(caption, f"Ban Dân vận {c.district.committee}",
                                          fmt(day + dt.timedelta(days=rng.randint(2, 7))))]
        rec = record(
            Exemplar, id=mid, name=name, field=field, implementer=implementer, units=units, team=team,
            period=record(Period, start=2023, end=2024),
            summary=f"{implementer} ({c.label}, {c.district.label}) thực hiện mô hình “{name}” trong hai năm 2023–2024.",
            results=[record(Result, value=val, unit=unit, what=what, approximate=True if approx else None)
                     for val, unit, what, approx in results],
            recognition=[record(Recognition, title=t, by=by, date=d, year=y) for t, by, d, y in recognition] or None,
            story=story.format(v=full_place) + "\n", photos=photos, sample=True,
        )
        writer.write(f"{at}models/{mid}.yml", "model", rec, notes=(MODEL_H_NOTE,) if mid == MODEL_H else ())


# ---------------------------------------------------------------------------------------
# Assignments (HD 02-HD/BDVTU Tuyên Quang)


def activities_for(rng: random.Random, aid: str, agency: dict, communes: list[Commune],
                   size: tuple[int, int]) -> list[dict]:
    """One or two weekend activities a month, January to November 2024, in turn in each commune."""
    out = []
    pool = SPECIAL_WORK.get(aid, []) + GENERAL_WORK
    for month in range(1, 12):
        count = 2 if rng.random() < 0.2 else 1
        days = rng.sample(days_between(2024, month, 1, 17, weekend=True), count)
        for day in sorted(days):
            c = communes[(month + len(out)) % len(communes)]
            v = rng.choice(c.villages) if rng.random() < 0.85 else None
            where = f"{v.label}, {c.label}" if v else c.label
            content = rng.choice(pool).format(p=where)
            participants = rng.randint(*size)
            photos = None
            if rng.random() < 0.06:
                photos = [published_photo(
                    f"Cán bộ, đảng viên {agency['name']} tham gia hoạt động tại {where}, ngày {vn(day)}. {content}",
                    agency["party_org"], fmt(day + dt.timedelta(days=rng.randint(1, 3))))]
            out.append(record(AssignmentActivity, date=fmt(day), commune=c.id, village=v.id if v else None,
                              content=content, participants=participants, photos=photos))
    if aid == WEDNESDAY_AGENCY:
        wed = next(d for d in days_between(2024, 7, 15, 21, weekend=False) if d.weekday() == 2)
        c = communes[0]
        out.append(record(AssignmentActivity, date=fmt(wed), commune=c.id, village=c.villages[2].id,
                          content=f"Cùng Nhân dân {c.villages[2].label}, {c.label} khắc phục hậu quả mưa lớn, "
                                  "nạo vét mương thoát nước.",
                          participants=rng.randint(*size)))
        out.sort(key=lambda a: dt.datetime.strptime(a["date"], "%d/%m/%Y"))
    return out


def reports_for(rng: random.Random, aid: str) -> list[dict]:
    """Monthly reports by the 24th, quarterly ones, and the 6-monthly one; one late if it is the case."""
    out = []
    for month in range(1, 12):
        day = 28 if aid == LATE_REPORT_AGENCY and month == LATE_REPORT_MONTH else rng.randint(18, 24)
        out.append(record(FiledReport, kind="thang", year=2024, number=month, filed=fmt(dt.date(2024, month, day))))
        if month in (3, 6, 9):  # quarterly report, due before the 25th of the quarter's last month
            out.append(record(FiledReport, kind="quy", year=2024, number=month // 3,
                              filed=fmt(dt.date(2024, month, rng.randint(18, 24)))))
        if month == 6:
            out.append(record(FiledReport, kind="6_thang", year=2024, filed="10/06/2024"))
    out.sort(key=lambda r: dt.datetime.strptime(r["filed"], "%d/%m/%Y"))
    return out


def write_assignments(sk: Skeleton, rng: random.Random, writer: Writer, at: str) -> None:
    districts = {d.id: d for d in sk.provinces[0].districts}
    entries = []
    for aid, name, org, shorts in PROVINCIAL:
        entries.append((aid, record(Agency, name=name, party_org=org, level="tinh", reports_to=KHOI), shorts, None, (10, 40)))
    for aid, name, org, district, shorts in DISTRICT_AGENCIES:
        entries.append((aid, record(Agency, name=name, party_org=org, level="huyen", district=district,
                                    reports_to=districts[district].committee), shorts, None, (5, 15)))
    for aid, name, org, reports_to, shorts, exemption in ARMED:
        entries.append((aid, record(Agency, name=name, party_org=org, level="tinh", reports_to=reports_to),
                        shorts, exemption, (10, 30)))

    communes_by_short = by_short(sk)
    for aid, agency, shorts, exemption, size in entries:
        communes = [communes_by_short[s] for s in shorts]
        rec = record(
            Assignment, id=aid, agency=agency, communes=[c.id for c in communes], exemption=exemption,
            since=fmt(sk.since),
            activities=None if exemption else activities_for(rng, aid, agency, communes, size),
            reports=None if exemption else reports_for(rng, aid),
            note=ARMED_NOTE if exemption else None, sample=True,
        )
        notes = []
        if agency["level"] == "tinh" and CONCENTRATED in shorts:
            notes.append(CONCENTRATED_NOTE)
        if aid in ASSIGNMENT_NOTES:
            notes.append(ASSIGNMENT_NOTES[aid])
        writer.write(f"{at}assignments/{aid}.yml", "assignment", rec, notes=tuple(notes))
