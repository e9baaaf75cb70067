"""A static JSON API and CSV tables of every entity: takes a dataset and a privacy profile;
gives {relative path: bytes}, for `api/*.json` and `csv/*.csv` beside the site.

JSON files are arrays of records (the schema's own field names, `model_dump(mode="json")`),
sorted by id, with what the profile may not show left out. CSV files are flat tables, UTF-8
with a byte-order mark so Excel reads Vietnamese correctly, CRLF line endings (RFC 4180)."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
from enum import Enum
from typing import Any, Callable, Iterable, Iterator

from generator.core.cells import csv_text
from generator.produce.exports.common import (
    Places, check_profile, detail_fields, latest_rating, person_detail, person_name, record_dump, team_households,
)

# entity, dataset attribute, Vietnamese title
ENDPOINTS = (
    ("units", "units", "Đơn vị hành chính"),
    ("teams", "teams", "Tổ Dân vận cộng đồng"),
    ("blocs", "blocs", "Khối Dân vận cơ sở"),
    ("models", "models", "Mô hình “Dân vận khéo”"),
    ("assignments", "assignments", "Cơ quan, đơn vị phụ trách xã"),
    ("documents", "documents", "Sổ văn bản"),
    ("qa", "qa", "Hỏi – đáp"),
    ("modules", "modules", "Chuyên đề tập huấn"),
)


def _json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _json_array_chunks(records: Iterable[Any]) -> Iterator[bytes]:
    """The bytes `_json_bytes(list(records))` gives, a record at a time: the records (as
    dictionaries) and the file never all exist at once (at nation scale, gigabytes)."""
    first = True
    for record in records:
        # A JSON string holds no raw line break, so every line break is between values.
        text = " " + json.dumps(record, ensure_ascii=False, indent=1).replace("\n", "\n ")
        yield (b"[\n" if first else b",\n") + text.encode("utf-8")
        first = False
    yield b"[]\n" if first else b"\n]\n"


def json_api(dataset, profile: str = "public") -> dict[str, bytes]:
    """{"api/index.json": …, "api/units.json": …, …}: one array per entity, sorted by id."""
    return {path: b"".join(chunks) for path, chunks in iter_json_api(dataset, profile)}


def iter_json_api(dataset, profile: str = "public") -> Iterator[tuple[str, Iterator[bytes]]]:
    """The files of `json_api`, one at a time, each as pieces of its bytes made as they are
    read (write them out in turn)."""
    check_profile(profile)
    config = dataset.config
    yield "api/index.json", iter([_json_bytes({
        "title": "Sổ tay công tác dân vận – dữ liệu mở",
        "province": config.province.name if config else None,
        "board": config.province.board if config else None,
        "reference_date": config.reference_date.isoformat() if config else None,
        "profile": profile,
        "sample": bool(config.sample) if config else False,
        "endpoints": [{"entity": entity, "title": title, "file": f"{entity}.json", "path": f"api/{entity}.json",
                       "count": len(getattr(dataset, attr))} for entity, attr, title in ENDPOINTS],
    })])
    for entity, attr, _ in ENDPOINTS:
        collection = getattr(dataset, attr)
        yield f"api/{entity}.json", _json_array_chunks(record_dump(collection[key].obj, profile) for key in sorted(collection))


# ---------------------------------------------------------------------------- CSV


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, str):
        return csv_text(value)
    return str(value)


def _csv_chunks(headers: list[str], rows: Iterable[list[Any]], every: int = 2000) -> Iterator[bytes]:
    """The table as UTF-8 with a byte-order mark, `every` rows at a time."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(headers)
    prefix = codecs.BOM_UTF8
    for n, row in enumerate(rows, 1):
        writer.writerow([_cell(v) for v in row])
        if n % every == 0:
            yield prefix + buffer.getvalue().encode("utf-8")
            prefix = b""
            buffer.seek(0)
            buffer.truncate()
    yield prefix + buffer.getvalue().encode("utf-8")


def csv_exports(dataset, profile: str = "public") -> dict[str, bytes]:
    """{"csv/units.csv": …, "csv/teams.csv": …, "csv/team_members.csv": …, "csv/blocs.csv": …,
    "csv/bloc_members.csv": …, "csv/models.csv": …, "csv/assignments.csv": …,
    "csv/activities.csv": …, "csv/documents.csv": …}."""
    return {path: b"".join(chunks) for path, chunks in iter_csv_exports(dataset, profile)}


def iter_csv_exports(dataset, profile: str = "public") -> Iterator[tuple[str, Iterator[bytes]]]:
    """The files of `csv_exports`, one table at a time, each as pieces of its bytes."""
    check_profile(profile)
    places = Places.of(dataset)
    builders: list[tuple[str, Callable]] = [
        ("units", _units), ("teams", _teams), ("team_members", _team_members), ("blocs", _blocs),
        ("bloc_members", _bloc_members), ("models", _models), ("assignments", _assignments),
        ("activities", _activities), ("documents", _documents),
    ]
    for name, build in builders:
        headers, rows = build(dataset, places, profile)
        yield f"csv/{name}.csv", _csv_chunks(headers, rows)


def _sorted(collection: dict) -> list:
    return [collection[key].obj for key in sorted(collection)]


def _units(ds, places: Places, profile: str):
    headers = ["id", "kind", "name", "label", "parent", "level", "codes", "became", "sample"]
    rows = []
    for u in _sorted(ds.units):
        became = None
        if u.became:
            became = u.became.unit or u.became.name
        rows.append([u.id, u.kind, u.name, places.label(u.id), u.parent, places.level(u.id),
                     [f"{c.scheme}:{c.code}" for c in u.codes], became, u.sample])
    return headers, rows


def _teams(ds, places: Places, profile: str):
    headers = ["id", "village", "village_name", "commune", "commune_name", "district", "decision_number",
               "decision_date", "decision_issuer", "members", "groups", "households", "exceptions",
               "zalo_group", "latest_rating_year", "latest_rating", "meetings", "activities", "sample"]
    rows = []
    for t in _sorted(ds.teams):
        commune = places.commune_of(t.village)
        rating = latest_rating(t)
        d = t.founding_decision
        rows.append([t.id, t.village, places.label(t.village), commune, places.label(commune),
                     places.district_of(t.village), d.number, d.date, d.issuer, len(t.members), len(t.groups),
                     team_households(t), [e.value for e in t.exceptions], t.zalo_group,
                     rating.year if rating else None, rating.grade if rating else None, len(t.meetings),
                     len(t.activities), t.sample])
    return headers, rows


def _person_columns(profile: str) -> list[str]:
    return ["name"] + [field for field, _ in detail_fields(profile)]


def _person_values(person, profile: str) -> list[Any]:
    return [person_name(person, profile)] + [person_detail(person, f, profile) for f, _ in detail_fields(profile)]


def _team_members(ds, places: Places, profile: str):
    headers = ["team", "village", "commune", "person", "role", "positions", "groups"] + _person_columns(profile)
    return headers, _team_member_rows(ds, places, profile)


def _team_member_rows(ds, places: Places, profile: str) -> Iterator[list[Any]]:
    """Row by row: the largest table (every member of every team)."""
    for t in _sorted(ds.teams):
        groups_of: dict[str, list[str]] = {}
        for g in t.groups:
            for pid in g.members:
                groups_of.setdefault(pid, []).append(g.name)
        for m in t.members:
            yield ([t.id, t.village, places.commune_of(t.village), m.id, m.team_role.value,
                    [p.value for p in m.positions], groups_of.get(m.id, [])] + _person_values(m, profile))


def _blocs(ds, places: Places, profile: str):
    headers = ["id", "commune", "commune_name", "district", "members", "trained_members", "rules_adopted",
               "rules_number", "dialogues", "briefings", "pilot", "sample"]
    rows = []
    for b in _sorted(ds.blocs):
        trained = sum(1 for m in b.members if m.training and m.training.trained)
        rows.append([b.id, b.commune, places.label(b.commune), places.district_of(b.commune), len(b.members), trained,
                     b.rules.adopted if b.rules else None, b.rules.number if b.rules else None,
                     len(b.dialogues), len(b.briefings), b.pilot, b.sample])
    return headers, rows


def _bloc_members(ds, places: Places, profile: str):
    headers = (["bloc", "commune", "person", "role", "position", "duties", "trained", "training_date", "course"]
               + _person_columns(profile))
    rows = []
    for b in _sorted(ds.blocs):
        for m in b.members:
            tr = m.training
            rows.append([b.id, b.commune, m.id, m.bloc_role.value, m.position.value, m.duties,
                         tr.trained if tr else None, tr.date if tr else None, tr.course if tr else None]
                        + _person_values(m, profile))
    return headers, rows


def _models(ds, places: Places, profile: str):
    headers = ["id", "name", "field", "implementer", "units", "place", "team", "period_start", "period_end",
               "first_result_value", "first_result_unit", "first_result_what", "recognitions", "replicated_in",
               "real", "sample"]
    rows = []
    for m in _sorted(ds.models):
        first = m.results[0] if m.results else None
        place = m.place or "; ".join(_place_of(places, u) for u in m.units) or None
        rows.append([m.id, m.name, m.field.value, m.implementer, m.units, place, m.team, m.period.start, m.period.end,
                     first.value if first else None, first.unit if first else None, first.what if first else None,
                     len(m.recognition), m.replicated_in, m.real, m.sample])
    return headers, rows


def _place_of(places: Places, uid: str) -> str:
    level = places.level(uid)
    if level == "thon":
        return places.place(uid, None)
    if level == "xa":
        return places.place(None, uid)
    return places.label(uid)


def _assignments(ds, places: Places, profile: str):
    headers = ["id", "agency", "party_org", "level", "district", "reports_to", "communes", "exemption", "since",
               "activities", "reports", "sample"]
    rows = []
    for a in _sorted(ds.assignments):
        ag = a.agency
        rows.append([a.id, ag.name, ag.party_org, ag.level.value, ag.district, ag.reports_to, a.communes, a.exemption,
                     a.since, len(a.activities), len(a.reports), a.sample])
    return headers, rows


def _activities(ds, places: Places, profile: str):
    headers = ["assignment", "party_org", "date", "commune", "commune_name", "village", "village_name", "content",
               "participants"]
    rows = []
    for a in _sorted(ds.assignments):
        for act in sorted(a.activities, key=lambda x: x.date):
            rows.append([a.id, a.agency.party_org, act.date, act.commune, places.label(act.commune), act.village,
                         places.label(act.village) if act.village else None, act.content, act.participants])
    return headers, rows


def _documents(ds, places: Places, profile: str):
    headers = ["id", "number", "kind", "issuer", "date", "title", "scope", "place", "short_name", "sections", "note"]
    rows = []
    for d in _sorted(ds.documents):
        rows.append([d.id, d.number, d.kind, d.issuer, d.date, d.title, d.scope, d.place, d.short_name,
                     len(d.sections), d.note])
    return headers, rows
