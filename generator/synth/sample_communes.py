"""The sample's people, teams and blocs: takes the sample's skeleton and its random stream,
gives the record of each team (members, groups, ratings, meetings, activities) and each bloc
of the repository's sample, with the hand-tuned cases of `sample_cases` built in — shaped by
the models (`model_dicts.record`) like every synthetic record, drawn like the sample always was.

Why not `communes`' team_record and bloc_record: the sample draws from one stream for the
whole dataset (random.Random(2024)), in its own order (a person's phone after the consent
draw, unique full names, a house number for a team member's address, the office numbers
once drawn for the bloc's head and assistant), and data/ is what those draws gave; the
synthetic records draw from a stream per commune in another order. The order of the draws
is part of the output: reordering the statements here changes data/.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from generator.core.dates import format_vn_date as fmt
from generator.schema.bloc import Bloc, BlocMember, BlocRules, Briefing, Dialogue, Training
from generator.schema.config import KIND_LABELS
from generator.schema.team import Group, Meeting, Rating, Team, TeamMember
from generator.synth.communes import add_team_slots, team_activity
from generator.synth.model_dicts import record
from generator.synth.randomness import days_between, rand_date
from generator.synth.sample_cases import (
    BLOC_E, BLOC_F, BLOC_F_UNTRAINED, BLOC_G, DEPUTY_IS_VICE_CHAIR, HEAD_IS_SECRETARY, TEAM_A, TEAM_A_EXCEPTION_NOTE,
    TEAM_B, TEAM_C, TEAM_D, TRAINED_IN_NUNG,
)
from generator.synth.sample_places import (
    ETHNICITY, ETHNICITY_ELSEWHERE, FAMILY, GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M, SAMPLE_NGO, SAMPLE_XOM, short,
    team_id,
)
from generator.synth.sample_texts import BLOC_DUTIES, DIALOGUE_TOPICS, MEETING_TOPICS, TEAM_ACTIVITIES
from generator.synth.skeleton import Commune, Village
from generator.synth.texts import TRAINING_COURSES
from generator.synth.vocabulary import BLOC_ROSTER, RELIGIONS


class People:
    """The sample's people: one random stream, and no full name given twice."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def _name(self, gender: str) -> tuple[str, str, str]:
        rng = self.rng
        for _ in range(200):
            family = rng.choice(FAMILY)
            middle = rng.choice(MIDDLE_M if gender == "nam" else MIDDLE_F)
            given = rng.choice(GIVEN_M if gender == "nam" else GIVEN_F)
            full = f"{family} {middle} {given}"
            if full not in self.used and family != given:
                self.used.add(full)
                return family, middle, given
        raise RuntimeError("ran out of names")

    def person(self, pid: str, district: str, gender: str | None = None, born: tuple[int, int] = (1960, 1990),
               party: float = 0.4, consent: float = 0.6, address: str | None = None) -> dict[str, Any]:
        """The personal fields of a member (generator.schema.person.Person), None where absent."""
        rng = self.rng
        gender = gender or rng.choice(["nam", "nu"])
        family, middle, given = self._name(gender)
        birth_year = rng.randint(*born)
        ethnicity = rng.choice(ETHNICITY.get(district, ETHNICITY_ELSEWHERE)) if rng.random() < 0.7 else None
        religion = rng.choice(RELIGIONS) if rng.random() < 0.2 else None
        party_member = rng.random() < party if party not in (0.0, 1.0) else bool(party)
        agrees = rng.random() < consent
        phone = rng.choice(["09", "03"]) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        home = None
        if address:
            house = rng.randint(1, 180)
            if rng.random() < 0.35:
                # A house number makes the address a person's own, not a place name seen on public pages.
                home = f"số nhà {house}, {address}"
        consent_date = fmt(rand_date(rng, dt.date(2023, 4, 1), dt.date(2023, 9, 30))) if agrees else None
        return dict(id=pid, family_name=family, middle_name=middle, given_name=given, gender=gender,
                    birth_year=birth_year, ethnicity=ethnicity, religion=religion, party_member=party_member,
                    phone=phone, address=home, consent_to_publish=agrees, consent_date=consent_date, sample=True)


# ---------------------------------------------------------------------------------------
# Teams (Đề án Tổ DVCĐ Bắc Giang, P2.III)


def team_record(people: People, c: Commune, v: Village, founding: dict, cases: dict[tuple, Village]) -> dict:
    """The team of village `v`; `cases` maps the places of sample_cases to their villages."""
    rng = people.rng
    is_a, is_b, is_c, is_d = (v is cases[case] for case in (TEAM_A, TEAM_B, TEAM_C, TEAM_D))
    district = c.district.id
    pre = f"p-{short(c)}-{v.tail}"
    address = f"{v.label}, {c.label}, {c.district.label}"
    n = 10 if is_b else rng.randint(7, 10)
    members = []

    def add(role: str, positions: list[str], gender=None, born=(1960, 1990), party=0.4):
        fields = people.person(f"{pre}-{len(members) + 1:02d}", district, gender, born, party, address=address)
        members.append(record(TeamMember, **fields, team_role=role, positions=positions))

    if is_a:
        add("to_truong", ["truong_thon", "chi_uy_vien"], rng.choice(["nam", "nam", "nu"]), (1965, 1982), 1.0)
        add("to_pho", ["pho_truong_thon"], None, (1970, 1988), 0.6)
    else:
        add("to_truong", ["bi_thu_chi_bo"], rng.choice(["nam", "nam", "nam", "nu"]), (1958, 1978), 1.0)
        add("to_pho", ["truong_thon"], rng.choice(["nam", "nam", "nu"]), (1965, 1985), 0.7)
    add_team_slots(rng, add, n, is_a)

    ids = [m["id"] for m in members]
    pool = ids[:]
    rng.shuffle(pool)
    if is_b:
        sizes = [6, 4]
    else:
        count = rng.choice([2, 3]) if n >= 9 else 2
        sizes = [3] * count
        for _ in range(rng.randint(0, min(n - 3 * count, 2 * count))):
            sizes[rng.choice([i for i, s in enumerate(sizes) if s < 5])] += 1
    places = rng.sample(SAMPLE_XOM if v.kind == "thon" else SAMPLE_NGO, len(sizes))
    groups = []
    start = 0
    for i, size in enumerate(sizes):
        chosen = sorted(pool[start:start + size], key=ids.index)
        start += size
        where = f"xóm {places[i]}" if v.kind == "thon" else places[i]
        groups.append(record(Group, name=f"Nhóm {i + 1} – {where}", leader=rng.choice(chosen), members=chosen,
                             households=56 if (is_c and i == 0) else rng.randint(30, 50),
                             area=f"Các hộ {where}, {v.label}"))

    ratings = []
    for year in (2023, 2024):
        if is_d and year == 2024:
            continue
        grade = rng.choices(["xuat_sac", "tot", "hoan_thanh"], weights=[3, 6, 1])[0]
        note = "Tổ được chi bộ đề nghị biểu dương" if grade == "xuat_sac" and rng.random() < 0.4 else None
        ratings.append(record(Rating, year=year, grade=grade, note=note))

    meetings = []
    for month in sorted(rng.sample(range(1, 12), rng.randint(3, 5))):
        day = rng.choice(days_between(2024, month, 3, 12, weekend=False))
        meetings.append(record(Meeting, date=fmt(day), attendees=rng.randint(n - 3, n),
                               content=rng.choice(MEETING_TOPICS)))

    activities = []
    if rng.random() < 0.4:
        for title, content, (lo, hi) in rng.sample(TEAM_ACTIVITIES, rng.randint(1, 2)):
            day = rand_date(rng, dt.date(2024, 2, 1), dt.date(2024, 11, 30))
            activities.append(team_activity(rng, c, v, day, title, content, lo, hi))
        activities.sort(key=lambda a: dt.datetime.strptime(a["date"], "%d/%m/%Y"))

    return record(
        Team,
        id=team_id(c, v),
        village=v.id,
        founding_decision=founding,
        exceptions=["kiem_nhiem"] if is_a else None,
        exception_note=TEAM_A_EXCEPTION_NOTE if is_a else None,
        members=members,
        groups=groups,
        zalo_group=rng.random() < 0.85,
        ratings=ratings,
        meetings=meetings,
        activities=activities or None,
        sample=True,
    )


# ---------------------------------------------------------------------------------------
# Blocs (Đề án Khối DVCS Bắc Kạn)

QUARTER_BRIEFINGS = {3: dt.date(2024, 3, 28), 6: dt.date(2024, 6, 27), 9: dt.date(2024, 9, 26), 12: dt.date(2024, 12, 12)}


def bloc_record(people: People, c: Commune) -> dict:
    rng = people.rng
    name = short(c)
    pre = f"p-khoi-{name}"
    head = "bi_thu_dang_uy" if name in HEAD_IS_SECRETARY else "pho_bi_thu_thuong_truc"
    chair = "pho_chu_tich_ubnd" if name in DEPUTY_IS_VICE_CHAIR else "chu_tich_ubnd"
    untrained = BLOC_F_UNTRAINED if name == BLOC_F else set()
    nung_commune, nung_positions = TRAINED_IN_NUNG
    members = []
    for i, (role, position, gender, born) in enumerate(BLOC_ROSTER):
        position = position or (head if role == "truong_khoi" else chair)
        fields = people.person(f"{pre}-{i + 1:02d}", c.district.id, gender, born,
                               party=1.0 if position != "bi_thu_doan_thanh_nien" else 0.9, consent=0.75)
        del fields["address"]
        if role in ("truong_khoi", "giup_viec"):
            # Office numbers were generated here once; the draws stay so the rest of the
            # sample does not change, but a sample needs no phone number on a public page.
            rng.randint(100, 999), rng.randint(100, 999)
        followed = rng.sample(c.villages, 2) if position != "cong_chuc" else []
        followed.sort(key=c.villages.index)
        duties = BLOC_DUTIES[position].format(c=c.label, v=", ".join(v.label for v in followed))
        if i in untrained:
            training = record(Training, trained=False)
        else:
            training = record(Training, trained=True,
                              date=fmt(rand_date(rng, dt.date(2023, 4, 1), dt.date(2024, 10, 31))),
                              course=rng.choice(TRAINING_COURSES),
                              languages=["Nùng"] if name == nung_commune and position in nung_positions else None)
        members.append(record(BlocMember, **fields, bloc_role=role, position=position, duties=duties,
                              training=training))

    chaired = f"Bí thư Đảng ủy, Chủ tịch UBND {KIND_LABELS[c.kind]}"
    topics = rng.sample(DIALOGUE_TOPICS[c.district.id], 2)
    if name == BLOC_G:
        days = [rand_date(rng, dt.date(2023, 8, 1), dt.date(2023, 11, 30))]
    else:
        days = sorted(rand_date(rng, dt.date(2024, 3, 1), dt.date(2024, 11, 30)) for _ in range(rng.randint(1, 2)))
    dialogues = [record(Dialogue, date=fmt(d), topic=topics[k], chaired_by=chaired,
                        participants=rng.randint(60, 150)) for k, d in enumerate(days)]

    briefings = []
    for month in range(1, 13):
        day = rng.choice(days_between(2024, month, 2, 8, weekend=False))
        briefings.append(record(Briefing, date=fmt(day), kind="thang",
                                note=f"Giao ban tháng {month}/2024: nghe các Tổ Dân vận báo cáo tình hình Nhân dân"))
        if month in QUARTER_BRIEFINGS:
            q = month // 3
            briefings.append(record(Briefing, date=fmt(QUARTER_BRIEFINGS[month]), kind="quy",
                                    note=f"Giao ban quý {['I', 'II', 'III', 'IV'][q - 1]}/2024: đánh giá kết quả, "
                                         f"thống nhất nhiệm vụ quý sau"))

    rules = None if name == BLOC_E else record(
        BlocRules, adopted=fmt(rand_date(rng, dt.date(2023, 3, 1), dt.date(2023, 6, 30))), number="01-QC/KDV")
    return record(Bloc, id=f"khoi-{name}", commune=c.id, members=members, rules=rules, dialogues=dialogues,
                  briefings=briefings, pilot=c.pilot, sample=True)
