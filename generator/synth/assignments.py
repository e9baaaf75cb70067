"""Agencies assigned to communes (HD 02-HD/BDVTU): takes the skeleton, gives the plan of which
agency looks after which communes (one armed unit per province exempt on combat-ready duty;
at most two provincial agencies on a commune; every commune covered), then each plan's
assignment record: a weekend activity in every month from `since`, and every report the
deadlines make due, filed on time. Planned in the main process; each record is drawn from the
assignment's own random stream.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from generator.core.dates import format_vn_date as fmt
from generator.core.errors import SynthError
from generator.schema.assignment import Agency, Assignment, AssignmentActivity, FiledReport
from generator.synth.model_dicts import published_photo, record
from generator.synth.randomness import days_between, proportional_split, rng_for
from generator.synth.skeleton import Commune, District, Province, Skeleton
from generator.synth.spelling import slugify, vn
from generator.synth.texts import ACTIVITY_WORK
from generator.synth.vocabulary import DISTRICT_DEPTS, PROVINCIAL_DEPTS, PROVINCIAL_SUBUNITS


@dataclass
class Plan:
    id: str
    agency: dict  # the record of generator.schema.assignment.Agency
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
        agency = record(Agency, name=armed, party_org="Chi bộ Tiểu đoàn Huấn luyện - Cơ động", level="tinh",
                        reports_to=f"Đảng ủy Quân sự {p.label}")
        plans.append(Plan(new_id(f"{p.id} tieu doan huan luyen co dong"), agency, [], "truc_san_sang_chien_dau"))
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
        per_province = proportional_split(active, [len(p.communes) for p in sk.provinces], rng)
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
                agency = record(Agency, name=name, party_org=org, level="tinh", reports_to=_reports_to(p, org))
                plans.append(Plan(new_id(f"{p.id} {short}"), agency, communes))
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
        agency = record(Agency, name=name, party_org=org, level="tinh", reports_to="Đảng ủy Khối các cơ quan tỉnh")
        plans.append(Plan(new_id(short), agency, chosen))
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
    rest = proportional_split(n_dist - len(district_lists), [len(d.communes) for d in districts], rng, minimum=0) \
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
        agency = record(Agency, name=name, party_org=f"Chi bộ {dept}", level="huyen", district=d.id,
                        reports_to=d.committee)
        plans.append(Plan(new_id(f"{d.id} {dept} {i // len(DISTRICT_DEPTS) or ''}"), agency, communes))
    return plans


def assignment_record(sk: Skeleton, plan: Plan) -> dict:
    if plan.exemption:
        return record(Assignment, id=plan.id, agency=plan.agency, exemption=plan.exemption,
                      note="Đơn vị làm nhiệm vụ trực sẵn sàng chiến đấu nên được miễn phân công phụ trách xã.",
                      sample=True)
    rng = rng_for(sk.seed, "assignment", plan.id)
    provincial = plan.agency["level"] == "tinh"
    size = (10, 40) if provincial else (5, 15)
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
            content = rng.choice(ACTIVITY_WORK).format(p=where)
            participants = rng.randint(*size)
            photos = None
            if rng.random() < 0.04:
                photos = [published_photo(
                    f"Cán bộ, đảng viên {plan.agency['name']} tham gia hoạt động tại {where}, ngày {vn(day)}.",
                    plan.agency["party_org"], fmt(day + dt.timedelta(days=rng.randint(1, 3))))]
            activities.append(record(AssignmentActivity, date=fmt(day), commune=c.id, village=v.id if v else None,
                                     content=content, participants=participants, photos=photos))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return record(Assignment, id=plan.id, agency=plan.agency, communes=[c.id for c in plan.communes],
                  since=fmt(sk.since), activities=activities, reports=_reports_filed(rng, sk), sample=True)


def _reports_filed(rng: random.Random, sk: Skeleton) -> list[dict]:
    """Every report the deadlines make due from `since` to the reference date, filed on time."""
    reports: list[tuple[dt.date, dict[str, Any]]] = []
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
    return [record(FiledReport, **fields, filed=fmt(day)) for day, fields in reports]
