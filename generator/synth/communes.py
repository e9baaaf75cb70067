"""One commune's records: takes the skeleton and a commune, gives the team record of every
village that has a team (members, groups, ratings, meetings, activities) and the commune's
bloc record, all drawn from the commune's own random stream (Đề án Tổ DVCĐ; Đề án Khối DVCS).

The order of the draws is part of the output: a seed gives the same files only while every
record draws the same numbers in the same order, so reordering statements here changes bytes.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import Any, Iterator

from generator.core.dates import format_vn_date as fmt
from generator.schema.bloc import Bloc, BlocMember, BlocRules, Briefing, Dialogue, Training
from generator.schema.config import KIND_LABELS
from generator.schema.team import FoundingDecision, Group, Meeting, Rating, Team, TeamActivity, TeamMember
from generator.synth.model_dicts import published_photo, record
from generator.synth.randomness import days_between, rand_date, rng_for
from generator.synth.scales import TIMING
from generator.synth.skeleton import Commune, Skeleton, Village
from generator.synth.spelling import vn
from generator.synth.texts import BLOC_DUTIES, DIALOGUE_TOPICS, MEETING_TOPICS, TEAM_ACTIVITIES, TRAINING_COURSES
from generator.synth.vocabulary import (
    BLOC_ROSTER, ETHNIC, FAMILY, GIVEN_F, GIVEN_M, MEMBER_SLOTS, MIDDLE_F, MIDDLE_M, NGO, OPTIONAL_SLOTS, RELIGIONS, XOM,
)


def commune_records(sk: Skeleton, index: int) -> Iterator[tuple[str, dict]]:
    """("team" or "bloc", record) for the commune at `index`: its teams, then its bloc."""
    c = sk.communes[index]
    rng = rng_for(sk.seed, "commune", c.id)
    (m1, d1), (m2, d2) = TIMING[sk.scale.scheme]["founding"]
    pilot_day = rand_date(rng, dt.date(sk.year, m1, d1), dt.date(sk.year, m1, d1 + 14))
    rest_day = rand_date(rng, dt.date(sk.year, m2, 1), dt.date(sk.year, m2, d2))
    number = rng.randint(8, 40)
    teams = 0
    for i, v in enumerate(c.villages):
        if not v.has_team:
            continue
        yield "team", team_record(rng, sk, c, v, f"{number + i}-QĐ/ĐU", pilot_day if teams == 0 else rest_day)
        teams += 1
    yield "bloc", bloc_record(rng, sk, c)


def person(rng: random.Random, pid: str, region: str, year: int, gender: str | None = None,
           born: tuple[int, int] = (1960, 1990), party: float = 0.4, consent: float = 0.6) -> dict[str, Any]:
    """The personal fields of a team or bloc member (generator.schema.person.Person)."""
    gender = gender or ("nam" if rng.random() < 0.5 else "nu")
    male = gender == "nam"
    family = rng.choice(FAMILY)
    middle = rng.choice(MIDDLE_M if male else MIDDLE_F)
    given = rng.choice(GIVEN_M if male else GIVEN_F)
    birth_year = rng.randint(*born)
    ethnicity = rng.choice(ETHNIC[region]) if rng.random() < 0.7 else None
    religion = rng.choice(RELIGIONS) if rng.random() < 0.15 else None
    party_member = party >= 1.0 or (party > 0 and rng.random() < party)
    phone = f"{'09' if rng.random() < 0.5 else '03'}{rng.randrange(10 ** 8):08d}"
    agrees = rng.random() < consent
    consent_date = fmt(rand_date(rng, dt.date(year, 1, 2), dt.date(year, 10, 31))) if agrees else None
    return dict(id=pid, family_name=family, middle_name=middle, given_name=given, gender=gender,
                birth_year=birth_year, ethnicity=ethnicity, religion=religion, party_member=party_member,
                phone=phone, consent_to_publish=agrees, consent_date=consent_date, sample=True)


# ---------------------------------------------------------------------------------------
# Teams


def _group_sizes(rng: random.Random, n: int) -> list[int]:
    """Sizes of 3–5 people adding up to the n members (everyone in exactly one group)."""
    g = rng.randint(math.ceil(n / 5), n // 3)
    sizes = [3] * g
    for _ in range(n - 3 * g):
        sizes[rng.choice([i for i, s in enumerate(sizes) if s < 5])] += 1
    return sizes


def add_team_slots(rng: random.Random, add, n: int, exception: bool) -> None:
    """The members after the leader and the first deputy: the head of the front work committee
    as a deputy, the heads of the women's and farmers' associations, and n - 5 of the optional
    positions (no deputy village head where the leader is the village head). The synthetic and
    the sample teams draw them alike, in the same order."""
    add("to_pho", ["truong_ban_ctmt"], None, (1955, 1975), 0.6)
    optional = [s for s in OPTIONAL_SLOTS if not (exception and s == "pho_truong_thon")]
    for slot in ["chi_hoi_truong_pn", "chi_hoi_truong_nd"] + rng.sample(optional, n - 5):
        position, gender, born, party = MEMBER_SLOTS[slot]
        add("thanh_vien", [position], gender, born, party)


def team_activity(rng: random.Random, c, v, day: dt.date, title: str, content: str, lo: int, hi: int) -> dict:
    """One activity of a team on `day`: its participants, and in three cases of ten a published
    photo vetted by the village's Party cell a few days later (the synthetic and sample teams
    draw them alike)."""
    participants = rng.randint(lo, hi)
    photos = None
    if rng.random() < 0.3:
        photos = [published_photo(
            f"{title} tại {v.label}, {c.label}, ngày {vn(day)}; thành viên Tổ Dân vận và Nhân dân cùng tham gia.",
            f"Chi bộ {v.label}", fmt(day + dt.timedelta(days=rng.randint(1, 4))))]
    return record(TeamActivity, date=fmt(day), title=title, content=content, participants=participants,
                  photos=photos)


def team_record(rng: random.Random, sk: Skeleton, c: Commune, v: Village, number: str, founded: dt.date) -> dict:
    region = c.province.region
    year = sk.year
    n = rng.choice(sk.scale.members)
    pre = f"p-{v.id}"
    members: list[dict] = []
    exception = rng.random() < 0.01  # kiem_nhiem: the leader is the village head, an allowed exception

    def add(role: str, positions: list[str], gender=None, born=(1960, 1990), party=0.4) -> None:
        fields = person(rng, f"{pre}-{len(members) + 1:02d}", region, year, gender, born, party)
        members.append(record(TeamMember, **fields, team_role=role, positions=positions))

    if exception:
        add("to_truong", ["truong_thon", "chi_uy_vien"], None, (1965, 1982), 1.0)
        add("to_pho", ["pho_truong_thon"], None, (1970, 1988), 0.6)
    else:
        add("to_truong", ["bi_thu_chi_bo"], "nam" if rng.random() < 0.75 else "nu", (1958, 1978), 1.0)
        add("to_pho", ["truong_thon"], None, (1965, 1985), 0.7)
    add_team_slots(rng, add, n, exception)

    ids = [m["id"] for m in members]
    pool = ids[:]
    rng.shuffle(pool)
    sizes = _group_sizes(rng, n)
    places = rng.sample(XOM if v.kind != "to_dan_pho" else NGO, len(sizes))
    groups = []
    start = 0
    for i, size in enumerate(sizes):
        chosen = sorted(pool[start:start + size])
        start += size
        where = f"xóm {places[i]}" if v.kind != "to_dan_pho" else places[i]
        groups.append(record(Group, name=f"Nhóm {i + 1} – {where}", leader=rng.choice(chosen), members=chosen,
                             households=rng.randint(30, 50), area=f"Các hộ {where}, {v.label}"))

    ratings = []
    for y in range(founded.year, year + 1):  # the reference date (15/12) is after the yearly deadline (20/11)
        grade = rng.choices(["xuat_sac", "tot", "hoan_thanh"], weights=[3, 6, 1])[0]
        note = "Tổ được chi bộ đề nghị biểu dương" if grade == "xuat_sac" and rng.random() < 0.4 else None
        ratings.append(record(Rating, year=y, grade=grade, note=note))

    months = list(range(founded.month + 1, 12))
    meetings = []
    for month in sorted(rng.sample(months, min(len(months), rng.randint(2, 4)))):
        day = rng.choice(days_between(year, month, 3, 12, weekend=False))
        meetings.append(record(Meeting, date=fmt(day), attendees=rng.randint(n - 3, n),
                               content=rng.choice(MEETING_TOPICS)))

    activities = []
    if rng.random() < 0.3:
        title, content, (lo, hi) = rng.choice(TEAM_ACTIVITIES)
        day = rand_date(rng, founded + dt.timedelta(days=20), dt.date(year, 11, 30))
        activities.append(team_activity(rng, c, v, day, title, content, lo, hi))

    return record(
        Team,
        id=f"to-{v.id}",
        village=v.id,
        founding_decision=record(FoundingDecision, number=number, date=fmt(founded), issuer=c.committee),
        exceptions=["kiem_nhiem"] if exception else None,
        exception_note=("Bí thư chi bộ đồng thời giữ chức vụ ở xã, kiêm nhiệm nhiều việc; chi bộ thống nhất cử "
                        "đồng chí chi ủy viên, trưởng thôn làm tổ trưởng, phó trưởng thôn làm tổ phó.")
        if exception else None,
        members=members,
        groups=groups,
        zalo_group=rng.random() < 0.85,
        ratings=ratings,
        meetings=meetings,
        activities=activities or None,
        sample=True,
    )


# ---------------------------------------------------------------------------------------
# Blocs


def bloc_record(rng: random.Random, sk: Skeleton, c: Commune) -> dict:
    year = sk.year
    region = c.province.region
    head = "bi_thu_dang_uy" if rng.random() < 0.2 else "pho_bi_thu_thuong_truc"
    chair = "pho_chu_tich_ubnd" if rng.random() < 0.25 else "chu_tich_ubnd"
    start_month = TIMING[sk.scale.scheme]["briefing_from"]
    members = []
    for i, (role, position, gender, born) in enumerate(BLOC_ROSTER):
        position = position or (head if role == "truong_khoi" else chair)
        fields = person(rng, f"p-khoi-{c.id}-{i + 1:02d}", region, year, gender, born,
                        party=1.0 if position != "bi_thu_doan_thanh_nien" else 0.9, consent=0.75)
        followed = rng.sample(c.villages, min(2, len(c.villages)))
        duties = BLOC_DUTIES[position].format(c=c.label, v=", ".join(v.label for v in followed))
        training = record(Training, trained=True,
                          date=fmt(rand_date(rng, dt.date(year, start_month, 1), dt.date(year, 11, 30))),
                          course=rng.choice(TRAINING_COURSES))
        members.append(record(BlocMember, **fields, bloc_role=role, position=position, duties=duties,
                              training=training))
    chaired = f"Bí thư Đảng ủy, Chủ tịch UBND {KIND_LABELS[c.kind]}"
    topics = rng.sample(DIALOGUE_TOPICS, 2)
    days = sorted(rand_date(rng, dt.date(year, max(3, start_month + 1), 1), dt.date(year, 11, 30))
                  for _ in range(rng.randint(1, 2)))
    dialogues = [record(Dialogue, date=fmt(d), topic=topics[k], chaired_by=chaired, participants=rng.randint(60, 150))
                 for k, d in enumerate(days)]
    briefings = []
    for month in range(start_month, 13):
        day = rng.choice(days_between(year, month, 2, 8, weekend=False))
        briefings.append(record(Briefing, date=fmt(day), kind="thang",
                                note=f"Giao ban tháng {month}/{year}: nghe các Tổ Dân vận báo cáo tình hình Nhân dân"))
        if month in (3, 6, 9):
            q = month // 3
            last = days_between(year, month, 24, 30, weekend=False)
            briefings.append(record(Briefing, date=fmt(rng.choice(last)), kind="quy",
                                    note=f"Giao ban quý {['I', 'II', 'III'][q - 1]}/{year}: "
                                         "đánh giá kết quả, thống nhất nhiệm vụ quý sau"))
    rules = record(BlocRules, adopted=fmt(rand_date(rng, dt.date(year, start_month, 10),
                                                    dt.date(year, start_month + 2, 28))), number="01-QC/KDV")
    return record(Bloc, id=f"khoi-{c.id}", commune=c.id, members=members, rules=rules, dialogues=dialogues,
                  briefings=briefings, pilot=c.pilot, sample=True)
