"""Synthetic projects at scale: takes a scale, a seed and the repository root, gives a complete
project directory (data/, content/, mkdocs.yml, theme/, schemas/) that passes `handbook check`
with no error and no warning, for benchmarks at province and nation scale (issue 7, item 1).

    synthesize(out, scale, seed, repo_root) -> counts

What is copied unchanged from the repository, so that Q&A, modules and citations stay valid:
content/, data/documents.yml, data/publications.yml, the four real "Dân vận khéo" models the
training modules cite as case studies (mh-duong-noi-dong-lai-xa, mh-ngo-xom-tu-quan-cam-son,
mh-to-phu-nu-nha-tro-tu-minh, mh-chuyen-doi-lua-thanh-mien), data/photos/anh-mau.svg (the one
photo every synthetic photo points at), mkdocs.yml, theme/ and schemas/ (so the
yaml-language-server comment at the top of every data file resolves).

Everything else is generated:

| scale          | scheme  | provinces | districts | communes | villages | teams   | models | assignments |
| -------------- | ------- | --------- | --------- | -------- | -------- | ------- | ------ | ----------- |
| tiny           | ba-cap  | 1         | 2         | 6        | 30       | 28      | 8      | 10          |
| tiny-hai-cap   | hai-cap | 2         | –         | 6        | 30       | 30      | 8      | 8           |
| province       | ba-cap  | 1         | 10        | 209      | 2,200    | 2,128   | 500    | 400         |
| nation         | hai-cap | 34        | –         | 3,321    | 90,000   | 90,000  | 3,000  | 3,000       |

(models and assignments are totals: models include the four real ones, assignments include
one armed unit per province exempt on combat-ready duty.) Team members: 7–10 a team (nation:
weighted towards 9–10, about 810,000); groups of 3–5 people in charge of 30–50 households,
every member in exactly one group; one bloc of 10 members in every commune with the
composition the Đề án asks for; every active assignment has at least one weekend activity in
every month from `since` to the month before the reference date, and every report the
deadlines make due (monthly and quarterly before the 25th, 6-monthly before 15/6, yearly
before 15/12), filed on time.

Design choices (documented so nobody is surprised):
- Team coverage at province scale. The issue's figures are 2,200 villages and 2,128 teams, so
  72 villages have no team. To keep those figures without TEAM-COVERAGE warnings, the
  three-level scales take the reference date 15/12/2023: the Đề án's 100%-coverage target
  applies from 2024 (thresholds.team_coverage_year), so the rule does not yet apply. Every
  other dated thing (founding decisions, ratings, meetings, dialogues, a year of activities
  from 01/12/2022, reports) is placed relative to that date. The two-level scales (after the
  01/7/2025 reform) take 15/12/2025 and give every village a team.
- Nation = one project. A project describes one province (config.province.unit must be a
  province-level unit), so the nation scale holds all 34 provinces as root units (level tinh,
  no parent), one units file each (data/units/<province>.yml), and config.province points at
  the first, Hà Nội: the site's directory page starts there and the other 33 provinces are
  reached through their pages, search and statistics, not from that page. Province names
  are the 34 real ones after the 2025 reform; their commune counts are approximations that
  add up to the real national total of 3,321.
- Names. Province and district names are real public facts (the three-level scale is Bắc
  Giang with its ten districts before 2025, like the repository's sample) and carry no
  `sample` flag; every commune, village, person, team, bloc, model and assignment is
  fictional and marked `sample: true`; config has `sample: true`. People's names combine
  family, middle and given name lists; no attempt is made to keep full names unique.
- Ids: communes `<district or province>-<name>`, villages `<commune>-<thon|ban|ap|tdp>-…`,
  teams `to-<village>` in data/teams/<commune>/, people `p-<village>-NN` and
  `p-khoi-<commune>-NN`, blocs `khoi-<commune>`, models `mh-<theme>-<place>`, assignments
  `pc-<agency>`.

Expected findings of `handbook check` on every scale: 0 errors, 0 warnings, 0 infos
(BLOC-PILOT is satisfied: the first commune of every district hosts a pilot bloc).

Determinism: a scale and a seed give byte-identical files, whatever the number of worker
processes. Every commune, assignment and the model list draw from their own
random.Random seeded with a string built from the seed and the record's id (string seeds
are hashed with SHA-512, so they do not depend on PYTHONHASHSEED), nothing iterates a set,
and the YAML is written by a small emitter below (block style, keys in a fixed order, plain
scalars where YAML reads them back as the same string, JSON-style double quotes otherwise).

Speed: the nation scale writes about 100,000 files; communes and assignments are spread over
worker processes (fork) when there are many of them. Measured on the 2-core machine: province
1.4–5 s (3,367 files, 15 MB), nation 44 s on tmpfs and 58–75 s on the ext4 disk, where creating
a file costs about 0.7 ms of system time (99,484 files, 489 MB; 58 MB peak per process). Every
file stays far below the loader's 8 MB limit (the largest, a nation units file, is 0.6 MB).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import random
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.core.errors import SynthError  # re-exported
from generator.core.dates import format_vn_date as fmt
from generator.schema.config import KIND_LABELS as KIND_VI
from generator.synth.randomness import days_between, proportional_split as _split, rand_date, rng_for
from generator.synth.scales import SCALES, TIMING, Scale
from generator.synth.skeleton import Commune, District, Province, Skeleton, Village, build_skeleton
from generator.synth.spelling import slugify, vn
from generator.synth.texts import (
    ACTIVITY_WORK, BLOC_DUTIES, DIALOGUE_TOPICS, FIELDS, MEETING_TOPICS, MODEL_THEMES, TEAM_ACTIVITIES, TRAINING_COURSES,
)
from generator.synth.vocabulary import (
    BLOC_ROSTER, DISTRICT_DEPTS, ETHNIC, FAMILY, GIVEN_F, GIVEN_M, MEMBER_SLOTS, MIDDLE_F, MIDDLE_M, NGO, OPTIONAL_SLOTS,
    PROVINCIAL_DEPTS, PROVINCIAL_SUBUNITS, RELIGIONS, XOM,
)
from generator.synth.yamlemit import dump_yaml

__all__ = ["SCALES", "Scale", "SynthError", "synthesize", "dump_yaml"]

MARKER = "# Dữ liệu tổng hợp do “handbook synth” sinh ra"
REAL_MODELS = ("mh-chuyen-doi-lua-thanh-mien", "mh-duong-noi-dong-lai-xa", "mh-ngo-xom-tu-quan-cam-son",
               "mh-to-phu-nu-nha-tro-tu-minh")
PHOTO = "photos/anh-mau.svg"


# ---------------------------------------------------------------------------------------
# Writing files


class Writer:
    def __init__(self, out: Path, header: str):
        self.out = out
        self.base = str(out) + os.sep
        self.header = header
        self.files = 0
        self.bytes = 0

    def write(self, rel: str, kind: str, data: dict, extra: tuple[str, ...] = ()) -> None:
        depth = rel.count("/")
        schema = "../" * depth + f"schemas/{kind}.schema.json"
        text = "\n".join((f"# yaml-language-server: $schema={schema}", self.header, *extra)) + "\n" + dump_yaml(data)
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


# ---------------------------------------------------------------------------------------
# People


def person(rng: random.Random, pid: str, region: str, year: int, gender: str | None = None,
           born: tuple[int, int] = (1960, 1990), party: float = 0.4, consent: float = 0.6) -> dict:
    gender = gender or ("nam" if rng.random() < 0.5 else "nu")
    male = gender == "nam"
    rec: dict[str, Any] = {
        "id": pid,
        "family_name": rng.choice(FAMILY),
        "middle_name": rng.choice(MIDDLE_M if male else MIDDLE_F),
        "given_name": rng.choice(GIVEN_M if male else GIVEN_F),
        "gender": gender,
        "birth_year": rng.randint(*born),
    }
    if rng.random() < 0.7:
        rec["ethnicity"] = rng.choice(ETHNIC[region])
    if rng.random() < 0.15:
        rec["religion"] = rng.choice(RELIGIONS)
    rec["party_member"] = party >= 1.0 or (party > 0 and rng.random() < party)
    rec["phone"] = f"{'09' if rng.random() < 0.5 else '03'}{rng.randrange(10 ** 8):08d}"
    agrees = rng.random() < consent
    rec["consent_to_publish"] = agrees
    if agrees:
        rec["consent_date"] = fmt(rand_date(rng, dt.date(year, 1, 2), dt.date(year, 10, 31)))
    rec["sample"] = True
    return rec


# ---------------------------------------------------------------------------------------
# Teams and blocs: one task per commune


def _group_sizes(rng: random.Random, n: int) -> list[int]:
    g = rng.randint(math.ceil(n / 5), n // 3)
    sizes = [3] * g
    for _ in range(n - 3 * g):
        sizes[rng.choice([i for i, s in enumerate(sizes) if s < 5])] += 1
    return sizes


def team_record(rng: random.Random, sk: Skeleton, c: Commune, v: Village, number: str, founded: dt.date) -> dict:
    region = c.province.region
    year = sk.year
    n = rng.choice(sk.scale.members)
    pre = f"p-{v.id}"
    members: list[dict] = []
    exception = rng.random() < 0.01

    def add(role: str, positions: list[str], gender=None, born=(1960, 1990), party=0.4) -> None:
        rec = person(rng, f"{pre}-{len(members) + 1:02d}", region, year, gender, born, party)
        rec["team_role"] = role
        rec["positions"] = positions
        members.append(rec)

    if exception:
        add("to_truong", ["truong_thon", "chi_uy_vien"], None, (1965, 1982), 1.0)
        add("to_pho", ["pho_truong_thon"], None, (1970, 1988), 0.6)
    else:
        add("to_truong", ["bi_thu_chi_bo"], "nam" if rng.random() < 0.75 else "nu", (1958, 1978), 1.0)
        add("to_pho", ["truong_thon"], None, (1965, 1985), 0.7)
    add("to_pho", ["truong_ban_ctmt"], None, (1955, 1975), 0.6)
    optional = [s for s in OPTIONAL_SLOTS if not (exception and s == "pho_truong_thon")]
    for slot in ["chi_hoi_truong_pn", "chi_hoi_truong_nd"] + rng.sample(optional, n - 5):
        position, gender, born, party = MEMBER_SLOTS[slot]
        add("thanh_vien", [position], gender, born, party)

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
        groups.append({
            "name": f"Nhóm {i + 1} – {where}",
            "leader": rng.choice(chosen),
            "members": chosen,
            "households": rng.randint(30, 50),
            "area": f"Các hộ {where}, {v.label}",
        })

    ratings = []
    for y in range(founded.year, year + 1):  # the reference date (15/12) is after the yearly deadline (20/11)
        grade = rng.choices(["xuat_sac", "tot", "hoan_thanh"], weights=[3, 6, 1])[0]
        rating: dict[str, Any] = {"year": y, "grade": grade}
        if grade == "xuat_sac" and rng.random() < 0.4:
            rating["note"] = "Tổ được chi bộ đề nghị biểu dương"
        ratings.append(rating)

    months = list(range(founded.month + 1, 12))
    meetings = []
    for month in sorted(rng.sample(months, min(len(months), rng.randint(2, 4)))):
        day = rng.choice(days_between(year, month, 3, 12, weekend=False))
        meetings.append({"date": fmt(day), "attendees": rng.randint(n - 3, n), "content": rng.choice(MEETING_TOPICS)})

    activities = []
    if rng.random() < 0.3:
        title, content, (lo, hi) = rng.choice(TEAM_ACTIVITIES)
        day = rand_date(rng, founded + dt.timedelta(days=20), dt.date(year, 11, 30))
        act: dict[str, Any] = {"date": fmt(day), "title": title, "content": content, "participants": rng.randint(lo, hi)}
        if rng.random() < 0.3:
            act["photos"] = [{
                "file": PHOTO,
                "caption": f"{title} tại {v.label}, {c.label}, ngày {vn(day)}; thành viên Tổ Dân vận và Nhân dân cùng tham gia.",
                "approved": True,
                "approved_by": f"Chi bộ {v.label}",
                "approved_on": fmt(day + dt.timedelta(days=rng.randint(1, 4))),
                "publish": True,
            }]
        activities.append(act)

    rec: dict[str, Any] = {
        "id": f"to-{v.id}",
        "village": v.id,
        "founding_decision": {"number": number, "date": fmt(founded), "issuer": c.committee},
    }
    if exception:
        rec["exceptions"] = ["kiem_nhiem"]
        rec["exception_note"] = ("Bí thư chi bộ đồng thời giữ chức vụ ở xã, kiêm nhiệm nhiều việc; chi bộ thống nhất cử "
                                 "đồng chí chi ủy viên, trưởng thôn làm tổ trưởng, phó trưởng thôn làm tổ phó.")
    rec["members"] = members
    rec["groups"] = groups
    rec["zalo_group"] = rng.random() < 0.85
    rec["ratings"] = ratings
    rec["meetings"] = meetings
    if activities:
        rec["activities"] = activities
    rec["sample"] = True
    return rec


def bloc_record(rng: random.Random, sk: Skeleton, c: Commune) -> dict:
    year = sk.year
    region = c.province.region
    head = "bi_thu_dang_uy" if rng.random() < 0.2 else "pho_bi_thu_thuong_truc"
    chair = "pho_chu_tich_ubnd" if rng.random() < 0.25 else "chu_tich_ubnd"
    start_month = TIMING[sk.scale.scheme]["briefing_from"]
    members = []
    for i, (role, position, gender, born) in enumerate(BLOC_ROSTER):
        position = position or (head if role == "truong_khoi" else chair)
        rec = person(rng, f"p-khoi-{c.id}-{i + 1:02d}", region, year, gender, born,
                     party=1.0 if position != "bi_thu_doan_thanh_nien" else 0.9, consent=0.75)
        rec["bloc_role"] = role
        rec["position"] = position
        followed = rng.sample(c.villages, min(2, len(c.villages)))
        rec["duties"] = BLOC_DUTIES[position].format(c=c.label, v=", ".join(v.label for v in followed))
        rec["training"] = {
            "trained": True,
            "date": fmt(rand_date(rng, dt.date(year, start_month, 1), dt.date(year, 11, 30))),
            "course": rng.choice(TRAINING_COURSES),
        }
        members.append(rec)
    chaired = f"Bí thư Đảng ủy, Chủ tịch UBND {KIND_VI[c.kind]}"
    topics = rng.sample(DIALOGUE_TOPICS, 2)
    days = sorted(rand_date(rng, dt.date(year, max(3, start_month + 1), 1), dt.date(year, 11, 30))
                  for _ in range(rng.randint(1, 2)))
    dialogues = [{"date": fmt(d), "topic": topics[k], "chaired_by": chaired, "participants": rng.randint(60, 150)}
                 for k, d in enumerate(days)]
    briefings = []
    for month in range(start_month, 13):
        day = rng.choice(days_between(year, month, 2, 8, weekend=False))
        briefings.append({"date": fmt(day), "kind": "thang",
                          "note": f"Giao ban tháng {month}/{year}: nghe các Tổ Dân vận báo cáo tình hình Nhân dân"})
        if month in (3, 6, 9):
            q = month // 3
            last = days_between(year, month, 24, 30, weekend=False)
            briefings.append({"date": fmt(rng.choice(last)), "kind": "quy",
                              "note": f"Giao ban quý {['I', 'II', 'III'][q - 1]}/{year}: đánh giá kết quả, thống nhất nhiệm vụ quý sau"})
    return {
        "id": f"khoi-{c.id}",
        "commune": c.id,
        "members": members,
        "rules": {"adopted": fmt(rand_date(rng, dt.date(year, start_month, 10), dt.date(year, start_month + 2, 28))),
                  "number": "01-QC/KDV"},
        "dialogues": dialogues,
        "briefings": briefings,
        "pilot": c.pilot,
        "sample": True,
    }


def commune_task(sk: Skeleton, writer: Writer, index: int) -> dict:
    c = sk.communes[index]
    rng = rng_for(sk.seed, "commune", c.id)
    (m1, d1), (m2, d2) = TIMING[sk.scale.scheme]["founding"]
    pilot_day = rand_date(rng, dt.date(sk.year, m1, d1), dt.date(sk.year, m1, d1 + 14))
    rest_day = rand_date(rng, dt.date(sk.year, m2, 1), dt.date(sk.year, m2, d2))
    number = rng.randint(8, 40)
    counts = {"teams": 0, "team_members": 0, "groups": 0, "households": 0, "bloc_members": 0}
    for i, v in enumerate(c.villages):
        if not v.has_team:
            continue
        rec = team_record(rng, sk, c, v, f"{number + i}-QĐ/ĐU", pilot_day if counts["teams"] == 0 else rest_day)
        writer.write(f"data/teams/{c.id}/{rec['id']}.yml", "team", rec)
        counts["teams"] += 1
        counts["team_members"] += len(rec["members"])
        counts["groups"] += len(rec["groups"])
        counts["households"] += sum(g["households"] for g in rec["groups"])
    bloc = bloc_record(rng, sk, c)
    writer.write(f"data/blocs/{bloc['id']}.yml", "bloc", bloc)
    counts["bloc_members"] += len(bloc["members"])
    return counts


# ---------------------------------------------------------------------------------------
# Assignments (HD 02-HD/BDVTU): planned in the main process, written one task each


@dataclass
class Plan:
    id: str
    agency: dict
    communes: list[Commune]
    exemption: str | None = None


def _agency_names(province: Province) -> list[tuple[str, str, str]]:
    """(agency name, party organisation, short name for the id) of a province's agencies."""

    def full(dept: str) -> str:
        if dept.endswith(" tỉnh"):
            return dept[: -len("tỉnh")] + province.label
        if dept.startswith(("Sở ", "Ban ")):
            return f"{dept} {province.label}"
        return dept

    names = [(full(dept), ("Đảng bộ " if dept.startswith("Sở ") else "Chi bộ ") + dept, dept) for dept in PROVINCIAL_DEPTS]
    for sub in PROVINCIAL_SUBUNITS:
        names += [(f"{sub}, {full(dept)}", f"Chi bộ {sub}", f"{sub} {dept}") for dept in PROVINCIAL_DEPTS]
    return names


def _reports_to(province: Province, party_org: str) -> str:
    if province.kind == "thanh_pho_tw":
        return "Đảng ủy các cơ quan Đảng thành phố"
    return "Đảng ủy các cơ quan Đảng tỉnh" if "Ban" in party_org else "Đảng ủy Ủy ban nhân dân tỉnh"


def plan_assignments(sk: Skeleton) -> list[Plan]:
    rng = rng_for(sk.seed, sk.scale.name, "assignments")
    scale = sk.scale
    plans: list[Plan] = []
    used: set[str] = set()

    def new_id(base: str) -> str:
        aid = "pc-" + slugify(base)
        aid = aid[:100].rstrip("-")
        candidate, k = aid, 2
        while candidate in used:
            candidate, k = f"{aid}-{k}", k + 1
        used.add(candidate)
        return candidate

    for p in sk.provinces:
        armed = f"Tiểu đoàn Huấn luyện - Cơ động, Bộ Chỉ huy Quân sự {p.label}"
        plans.append(Plan(new_id(f"{p.id} tieu doan huan luyen co dong"), {
            "name": armed, "party_org": "Chi bộ Tiểu đoàn Huấn luyện - Cơ động", "level": "tinh",
            "reports_to": f"Đảng ủy Quân sự {p.label}"}, [], "truc_san_sang_chien_dau"))
    active = scale.assignments - len(sk.provinces)
    load = {c.id: 0 for c in sk.communes}  # provincial units per commune (at most 2)
    covered: dict[str, int] = {c.id: 0 for c in sk.communes}

    def pick(pool: list[Commune], exclude: list[Commune]) -> Commune | None:
        free = [c for c in pool if load[c.id] < 2 and c not in exclude]
        if not free:
            return None
        low = min(covered[c.id] for c in free)
        return rng.choice([c for c in free if covered[c.id] == low])

    if scale.scheme == "hai-cap":
        per_province = _split(active, [len(p.communes) for p in sk.provinces], rng)
        for p, n in zip(sk.provinces, per_province):
            if n > 2 * len(p.communes):
                raise SynthError(f"{p.name}: {n} cơ quan cấp tỉnh vượt quá hai cơ quan mỗi xã.")
            names = _agency_names(p)
            order = p.communes[:]
            rng.shuffle(order)
            lists: list[list[Commune]] = [[] for _ in range(n)]
            for i, c in enumerate(order):  # every commune once; the extra ones go to distinct agencies
                lists[i % n].append(c)
                load[c.id] += 1
                covered[c.id] += 1
            for i in range(len(order), n):  # more agencies than communes: a second unit where there is room
                c = pick(p.communes, [])
                lists[i].append(c)
                load[c.id] += 1
                covered[c.id] += 1
            for i, communes in enumerate(lists):
                name, org, short = names[i % len(names)]
                if i >= len(names):
                    name = f"{name} (tổ công tác {i // len(names) + 1})"
                communes.sort(key=lambda c: c.id)
                plans.append(Plan(new_id(f"{p.id} {short}"), {
                    "name": name, "party_org": org, "level": "tinh", "reports_to": _reports_to(p, org)}, communes))
        return plans

    # ba-cap: provincial agencies spread over the districts (each touches one district only, so no
    # district gets more than its share), then district agencies cover what is left.
    p = sk.provinces[0]
    districts = p.districts
    n_prov = round(active * scale.provincial_share)
    n_prov -= n_prov % len(districts) if n_prov >= 2 * len(districts) else 0
    if len(districts) == 2 and n_prov % 2:
        n_prov -= 1
    n_dist = active - n_prov
    names = _agency_names(p)
    for i in range(n_prov):
        d = districts[i % len(districts)]
        first = pick(d.communes, [])
        if first is None:
            raise SynthError("Quá nhiều cơ quan cấp tỉnh so với mức hai cơ quan mỗi xã.")
        chosen = [first]
        load[first.id] += 1
        covered[first.id] += 1
        if rng.random() < 0.15:
            second = pick(d.communes, chosen)
            if second is not None:
                chosen.append(second)
                load[second.id] += 1
                covered[second.id] += 1
        name, org, short = names[i % len(names)]
        chosen.sort(key=lambda c: c.id)
        plans.append(Plan(new_id(short), {"name": name, "party_org": org, "level": "tinh",
                                         "reports_to": "Đảng ủy Khối các cơ quan tỉnh"}, chosen))
    # district agencies: first the uncovered communes of each district, one or two at a time
    district_lists: list[tuple[District, list[Commune]]] = []
    for d in districts:
        uncovered = [c for c in d.communes if covered[c.id] == 0]
        rng.shuffle(uncovered)
        while uncovered:
            take = 2 if len(uncovered) >= 2 and rng.random() < 0.3 else 1
            district_lists.append((d, uncovered[:take]))
            uncovered = uncovered[take:]
    if len(district_lists) > n_dist:
        raise SynthError("Không đủ cơ quan cấp huyện để phụ trách mọi xã.")
    rest = _split(n_dist - len(district_lists), [len(d.communes) for d in districts], rng, minimum=0) \
        if n_dist > len(district_lists) else [0] * len(districts)
    for d, extra in zip(districts, rest):
        for _ in range(extra):
            k = 2 if rng.random() < 0.2 and len(d.communes) > 1 else 1
            district_lists.append((d, rng.sample(d.communes, k)))
    per_district_index: dict[str, int] = {}
    for d, communes in sorted(district_lists, key=lambda item: districts.index(item[0])):
        for c in communes:
            covered[c.id] += 1
        i = per_district_index.get(d.id, 0)
        per_district_index[d.id] = i + 1
        dept = DISTRICT_DEPTS[i % len(DISTRICT_DEPTS)]
        name = f"{dept} {d.label}" + (f" (tổ công tác {i // len(DISTRICT_DEPTS) + 1})" if i >= len(DISTRICT_DEPTS) else "")
        communes = sorted(communes, key=lambda c: c.id)
        plans.append(Plan(new_id(f"{d.id} {dept} {i // len(DISTRICT_DEPTS) or ''}"), {
            "name": name, "party_org": f"Chi bộ {dept}", "level": "huyen", "district": d.id,
            "reports_to": d.committee}, communes))
    return plans


def assignment_task(sk: Skeleton, writer: Writer, plan: Plan) -> dict:
    rec: dict[str, Any] = {"id": plan.id, "agency": plan.agency}
    counts = {"assignments": 1, "assignment_activities": 0, "reports": 0}
    if plan.exemption:
        rec["exemption"] = plan.exemption
        rec["note"] = "Đơn vị làm nhiệm vụ trực sẵn sàng chiến đấu nên được miễn phân công phụ trách xã."
        rec["sample"] = True
        writer.write(f"data/assignments/{plan.id}.yml", "assignment", rec)
        return counts
    rng = rng_for(sk.seed, "assignment", plan.id)
    provincial = plan.agency["level"] == "tinh"
    size = (10, 40) if provincial else (5, 15)
    rec["communes"] = [c.id for c in plan.communes]
    rec["since"] = fmt(sk.since)
    activities = []
    y, m = sk.since.year, sk.since.month
    k = 0
    while (y, m) < (sk.ref.year, sk.ref.month):
        weekend = days_between(y, m, 1, 31, weekend=True)
        for day in sorted(rng.sample(weekend, 2 if rng.random() < 0.2 else 1)):
            c = plan.communes[k % len(plan.communes)]
            k += 1
            v = rng.choice(c.villages) if rng.random() < 0.85 else None
            where = f"{v.label}, {c.label}" if v else c.label
            act: dict[str, Any] = {"date": fmt(day), "commune": c.id}
            if v:
                act["village"] = v.id
            act["content"] = rng.choice(ACTIVITY_WORK).format(p=where)
            act["participants"] = rng.randint(*size)
            if rng.random() < 0.04:
                act["photos"] = [{
                    "file": PHOTO,
                    "caption": f"Cán bộ, đảng viên {plan.agency['name']} tham gia hoạt động tại {where}, ngày {vn(day)}.",
                    "approved": True,
                    "approved_by": plan.agency["party_org"],
                    "approved_on": fmt(day + dt.timedelta(days=rng.randint(1, 3))),
                    "publish": True,
                }]
            activities.append(act)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    rec["activities"] = activities
    reports = []
    y, m = sk.since.year, sk.since.month
    while (y, m) < (sk.ref.year, sk.ref.month):  # monthly, due the 25th of the month
        reports.append((dt.date(y, m, rng.randint(18, 24)), {"kind": "thang", "year": y, "number": m}))
        if m in (3, 6, 9) and y == sk.year:  # quarterly, due the 25th of the quarter's last month
            reports.append((dt.date(y, m, rng.randint(18, 24)), {"kind": "quy", "year": y, "number": m // 3}))
        if m == 6 and y == sk.year:  # 6-monthly, due 15/6
            reports.append((dt.date(y, 6, rng.randint(5, 14)), {"kind": "6_thang", "year": y}))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    reports.append((dt.date(sk.year, 12, rng.randint(8, 12)), {"kind": "nam", "year": sk.year}))  # due 15/12
    reports.sort(key=lambda r: (r[0], r[1]["kind"]))
    rec["reports"] = [{**r, "filed": fmt(d)} for d, r in reports]
    rec["sample"] = True
    writer.write(f"data/assignments/{plan.id}.yml", "assignment", rec)
    counts["assignment_activities"] = len(activities)
    counts["reports"] = len(reports)
    return counts


# ---------------------------------------------------------------------------------------
# Models ("Dân vận khéo")


def models_task(sk: Skeleton, writer: Writer, count: int) -> dict:
    rng = rng_for(sk.seed, sk.scale.name, "models")
    year = sk.year
    used: set[str] = set(REAL_MODELS)
    with_team = [v for v in sk.villages if v.has_team]
    commune_of = {v.id: c for c in sk.communes for v in c.villages}
    photos = 0
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
            v = None
            place_id, units, team = c.id, [c.id], None
            implementer = f"Khối Dân vận {c.label}"
            place = c.label
        mid = f"mh-{short}-{place_id}"[:110].rstrip("-")
        base, k = mid, 2
        while mid in used:
            mid, k = f"{base}-{k}", k + 1
        used.add(mid)
        start = year - rng.randint(0, 2)
        rec: dict[str, Any] = {"id": mid, "name": name, "field": field_, "implementer": implementer, "units": units}
        if team:
            rec["team"] = team
        period: dict[str, Any] = {"start": start}
        if rng.random() < 0.6:
            period["end"] = year
        rec["period"] = period
        span = f"từ năm {start}" if "end" not in period else (f"năm {year}" if start == year else f"trong các năm {start}–{year}")
        rec["summary"] = f"{implementer} ({c.full_label}) thực hiện mô hình “{name}” {span}."
        res = []
        for lo, hi, decimals, unit, what in results:
            value: float | int = round(rng.uniform(lo, hi), decimals) if decimals else rng.randint(int(lo), int(hi))
            entry: dict[str, Any] = {"value": value, "unit": unit, "what": what}
            if rng.random() < 0.15:
                entry["approximate"] = True
            res.append(entry)
        rec["results"] = res
        if rng.random() < 0.3:
            by = (f"Ủy ban nhân dân {c.district.label}" if c.district else f"Ủy ban nhân dân {c.province.label}")
            rec["recognition"] = [{"title": "Giấy khen", "by": by, "year": year}]
        rec["story"] = story.format(v=place) + "\n"
        if rng.random() < 0.3:
            day = rand_date(rng, dt.date(year, 3, 1), dt.date(year, 11, 15))
            approver = (f"Ban Dân vận {c.district.committee}" if c.district else f"Ban Dân vận {c.province.short} {c.province.name}")
            rec["photos"] = [{
                "file": PHOTO,
                "caption": f"{name}: hoạt động tại {place}, {(c.district or c.province).label}, ngày {vn(day)}.",
                "approved": True,
                "approved_by": approver,
                "approved_on": fmt(day + dt.timedelta(days=rng.randint(2, 7))),
                "publish": True,
            }]
            photos += 1
        if rng.random() < 0.1:
            others = [o for o in (c.district.communes if c.district else c.province.communes) if o is not c]
            if others:
                rec["replicated_in"] = sorted(o.id for o in rng.sample(others, min(2, len(others))))
        rec["sample"] = True
        writer.write(f"data/models/{mid}.yml", "model", rec)
    return {"models_synthetic": count, "model_photos": photos}


# ---------------------------------------------------------------------------------------
# Units and config


def write_units(sk: Skeleton, writer: Writer) -> None:
    for p in sk.provinces:
        units: list[dict] = []
        unit: dict[str, Any] = {"id": p.id, "kind": p.kind, "name": p.name}
        if p.code:
            unit["codes"] = [{"scheme": "tk-2004", "code": p.code}]
        units.append(unit)
        for d in p.districts:
            units.append({"id": d.id, "kind": d.kind, "name": d.name, "parent": p.id,
                          "codes": [{"scheme": "tk-2004", "code": d.code}]})
        for c in p.communes:
            units.append({"id": c.id, "kind": c.kind, "name": c.name, "parent": c.parent, "sample": True})
            for v in c.villages:
                units.append({"id": v.id, "kind": v.kind, "name": v.name, "parent": c.id, "sample": True})
        extra = ("# Tên tỉnh" + (", huyện" if p.districts else "") + " là có thật; tên xã, thôn là hư cấu (sample: true).",)
        writer.write(f"data/units/{p.id}.yml", "units", {"units": units}, extra)


def write_config(sk: Skeleton, writer: Writer) -> None:
    p = sk.provinces[0]
    upper = f"{'THÀNH ỦY' if p.kind == 'thanh_pho_tw' else 'TỈNH ỦY'} {p.name.upper()}"
    local = "Các huyện ủy, thành ủy" if sk.scale.scheme == "ba-cap" else "Các đảng ủy xã, phường, đặc khu"
    extra = ()
    if len(sk.provinces) > 1:
        extra = (f"# {len(sk.provinces)} tỉnh, thành phố trong một dự án: province trỏ vào tỉnh đầu tiên "
                 "(trang danh bạ bắt đầu từ đó).",)
    writer.write("data/config.yml", "config", {
        "province": {"name": p.name, "unit": p.id, "board": f"Ban Dân vận {p.short} {p.name}"},
        "report": {
            "superior": upper, "issuer": "BAN DÂN VẬN", "number_suffix": "BC/BDVTU", "place": p.name,
            "signing": "K/T TRƯỞNG BAN", "signer_title": "PHÓ TRƯỞNG BAN",
            "recipients": ["Ban Dân vận Trung ương (b/c)", f"Thường trực {p.short} (b/c)", local, "Lưu Văn phòng Ban"],
        },
        "scheme": sk.scale.scheme,
        "reference_date": fmt(sk.ref),
        "sample": True,
    }, extra)


# ---------------------------------------------------------------------------------------
# Copying what the repository already has


def _copy_repository_parts(repo: Path, out: Path) -> int:
    files = 0
    for folder in ("content", "theme", "schemas"):
        src = repo / folder
        if not src.is_dir():
            raise SynthError(f"Thiếu “{src}” trong kho.")
        shutil.copytree(src, out / folder, ignore=shutil.ignore_patterns("__pycache__", ".*"))
        files += sum(1 for p in (out / folder).rglob("*") if p.is_file())
    singles = ["mkdocs.yml", "data/documents.yml", "data/publications.yml", "data/" + PHOTO]
    singles += [f"data/models/{m}.yml" for m in REAL_MODELS]
    for rel in singles:
        src = repo / rel
        if not src.is_file():
            raise SynthError(f"Thiếu “{src}” trong kho.")
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, out / rel)
        files += 1
    return files


def _prepare_out(out: Path, repo: Path) -> None:
    out = out.resolve()
    repo = repo.resolve()
    if out == repo or repo.is_relative_to(out) or any(out.is_relative_to(repo / d) for d in ("data", "content", "theme", "schemas")):
        raise SynthError(f"Không ghi vào chính kho hay thư mục dữ liệu của kho (“{out}”); hãy chọn thư mục khác.")
    if out.exists() and not out.is_dir():
        raise SynthError(f"“{out}” không phải là thư mục.")
    if out.is_dir() and any(out.iterdir()):
        config = out / "data" / "config.yml"
        lines = config.read_text(encoding="utf-8").splitlines()[:2] if config.is_file() else []
        if len(lines) < 2 or not lines[1].startswith(MARKER):
            raise SynthError(f"Thư mục “{out}” không trống và không do “handbook synth” ghi; hãy chọn thư mục trống.")
        for name in ("data", "content", "theme", "schemas"):
            if (out / name).is_dir():
                shutil.rmtree(out / name)
        (out / "mkdocs.yml").unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)


# ---------------------------------------------------------------------------------------
# Parallel execution (fork); the output never depends on how many workers ran

_STATE: dict[str, Any] = {}


def _run_one(task: tuple[str, int]) -> dict:
    kind, index = task
    sk, writer = _STATE["sk"], _STATE["writer"]
    writer.files = writer.bytes = 0
    if kind == "commune":
        counts = commune_task(sk, writer, index)
    else:
        counts = assignment_task(sk, writer, _STATE["plans"][index])
    counts["files"] = writer.files
    counts["bytes"] = writer.bytes
    return counts


def _add(total: dict, part: dict) -> None:
    for k, v in part.items():
        total[k] = total.get(k, 0) + v


def _run_tasks(tasks: list[tuple[str, int]], workers: int) -> dict:
    total: dict[str, int] = {}
    if workers > 1:
        import multiprocessing as mp

        try:
            ctx = mp.get_context("fork")
        except ValueError:  # pragma: no cover - platforms without fork
            ctx = None
        if ctx is not None:
            with ctx.Pool(workers) as pool:
                for part in pool.imap_unordered(_run_one, tasks, chunksize=max(1, len(tasks) // (workers * 16))):
                    _add(total, part)
            return total
    for task in tasks:
        _add(total, _run_one(task))
    return total


# ---------------------------------------------------------------------------------------


def synthesize(out: Path, scale: str, seed: int, repo_root: Path, *, workers: int | None = None) -> dict:
    """Write a complete synthetic project for `scale` into `out` and return its counts.

    `out` must be empty, absent, or an earlier output of this function (whose data/, content/,
    theme/, schemas/ and mkdocs.yml are then replaced; anything else there, such as site/, is
    left alone). `repo_root` is the repository whose content/, documents, publications, real
    models, photo, theme, schemas and mkdocs.yml are copied. `workers`: processes for the
    teams, blocs and assignments (default: the CPU count, one when there is little to do).
    """
    if scale not in SCALES:
        raise SynthError(f"Không có quy mô “{scale}”; chọn một trong: {', '.join(SCALES)}.")
    spec = SCALES[scale]
    out, repo = Path(out), Path(repo_root)
    _prepare_out(out, repo)
    files = _copy_repository_parts(repo, out)
    copied = files
    sk = build_skeleton(spec, seed)
    writer = Writer(out, f"{MARKER} (quy mô {scale}, seed {seed}): mọi người, xã, thôn trong tệp này là hư cấu.")
    write_config(sk, writer)
    write_units(sk, writer)
    model_counts = models_task(sk, writer, spec.models - len(REAL_MODELS))
    plans = plan_assignments(sk)
    tasks = [("commune", i) for i in range(len(sk.communes))] + [("assignment", i) for i in range(len(plans))]
    if workers is None:
        workers = os.cpu_count() or 1
    if len(tasks) < 400:
        workers = 1
    for c in sk.communes:
        (out / "data" / "teams" / c.id).mkdir(parents=True, exist_ok=True)
    for folder in ("blocs", "assignments", "models"):
        (out / "data" / folder).mkdir(parents=True, exist_ok=True)
    _STATE.update(sk=sk, writer=Writer(out, writer.header), plans=plans)
    try:
        totals = _run_tasks(tasks, workers)
    finally:
        _STATE.clear()
    files += writer.files + totals.pop("files")
    data_bytes = writer.bytes + totals.pop("bytes")
    villages = [v for c in sk.communes for v in c.villages]
    counts = {
        "scale": scale,
        "seed": seed,
        "scheme": spec.scheme,
        "reference_date": fmt(sk.ref),
        "provinces": len(sk.provinces),
        "districts": sum(len(p.districts) for p in sk.provinces),
        "communes": len(sk.communes),
        "villages": len(villages),
        "villages_without_team": sum(1 for v in villages if not v.has_team),
        "teams": totals["teams"],
        "team_members": totals["team_members"],
        "groups": totals["groups"],
        "households": totals["households"],
        "blocs": len(sk.communes),
        "bloc_members": totals["bloc_members"],
        "people": totals["team_members"] + totals["bloc_members"],
        "models": model_counts["models_synthetic"] + len(REAL_MODELS),
        "models_real": len(REAL_MODELS),
        "model_photos": model_counts["model_photos"],
        "assignments": totals["assignments"],
        "assignments_exempt": sum(1 for p in plans if p.exemption),
        "assignment_activities": totals["assignment_activities"],
        "reports": totals["reports"],
        "files": files,
        "files_copied": copied,
        "generated_bytes": data_bytes,
    }
    return counts


def _main(argv: list[str] | None = None) -> None:  # python -m generator.synth.run SCALE SEED OUT
    import sys
    import time

    args = argv if argv is not None else sys.argv[1:]
    scale, seed, out = args[0], int(args[1]), Path(args[2])
    started = time.perf_counter()
    counts = synthesize(out, scale, seed, Path(__file__).resolve().parents[2])
    counts["seconds"] = round(time.perf_counter() - started, 2)
    print(json.dumps(counts, ensure_ascii=False, indent=2))


if __name__ == "__main__":  # pragma: no cover
    _main()
