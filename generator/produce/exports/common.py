"""What every export shares: the privacy profile's scrubbing of records, people's names and
details as a profile may show them, the places of the unit hierarchy (an index made once per
dataset), and the one timestamp an export may carry."""


from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from generator.model.hierarchy import ancestor_at, level_name, unit_label
from generator.schema.common import Photo
from generator.schema.person import CONSENT, INTERNAL, Person, visibility_of
from generator.model.privacy import PROFILES, may_show, photo_publishable
from generator.core.text import cap, collation_key

NOT_PUBLIC = "(không công khai)"


def check_profile(profile: str) -> None:
    if profile not in PROFILES:
        raise ValueError(f"Unknown privacy profile {profile!r}; expected one of {PROFILES}.")


def fixed_moment(dataset) -> dt.datetime:
    """The one timestamp exports may carry: midnight (UTC) of the configuration's reference date."""
    day = dataset.config.reference_date if dataset.config else dt.date(1980, 1, 1)
    return dt.datetime(max(day.year, 1980), day.month, day.day)


# ---------------------------------------------------------------------------- privacy


def scrub(value: Any, profile: str) -> Any:
    """`model_dump(mode="json")` that leaves out what the profile may not show: a person's
    fields per their declared visibility (names only with consent in the public profile),
    fields declared internal elsewhere, and photos not cleared for publication."""
    if isinstance(value, BaseModel):
        out: dict[str, Any] = {}
        person = isinstance(value, Person)
        for name in type(value).model_fields:
            if person:
                if not may_show(value, name, profile):
                    continue
            elif profile != "internal" and visibility_of(type(value), name) in (INTERNAL, CONSENT):
                continue
            out[name] = scrub(getattr(value, name), profile)
        return out
    if isinstance(value, (list, tuple)):
        items = list(value)
        if profile != "internal":
            items = [item for item in items if not isinstance(item, Photo) or photo_publishable(item)]
        return [scrub(item, profile) for item in items]
    if isinstance(value, dict):
        return {str(k): scrub(v, profile) for k, v in value.items()}
    if isinstance(value, Enum):
        return value.value
    return to_jsonable_python(value)


def record_dump(record: Any, profile: str) -> dict:
    """One record for the API; a Q&A item is its front matter plus the Markdown answer."""
    if hasattr(record, "front") and hasattr(record, "answer"):
        data = scrub(record.front, profile)
        data["answer"] = record.answer
        return data
    return scrub(record, profile)


def person_name(person: Person | None, profile: str) -> str | None:
    """The full name, only where the profile may show it."""
    if person is None or not may_show(person, "given_name", profile):
        return None
    return person.full_name


# Personal details beyond the name, in the order spreadsheets show them: (field, header).
PERSON_DETAILS = (
    ("gender", "Giới tính"), ("birth_year", "Năm sinh"), ("ethnicity", "Dân tộc"), ("religion", "Tôn giáo"),
    ("party_member", "Đảng viên"), ("id_number", "Số CCCD"), ("phone", "Điện thoại"), ("email", "Thư điện tử"),
    ("address", "Địa chỉ"), ("office_phone", "ĐT cơ quan"), ("office_email", "Thư cơ quan"),
    ("consent_to_publish", "Đồng ý công khai"),
)


def detail_fields(profile: str) -> list[tuple[str, str]]:
    """The personal-detail columns a profile may carry at all (public: only the public ones)."""
    probe = Person(id="x", family_name="x", given_name="x")
    return [(f, h) for f, h in PERSON_DETAILS if may_show(probe, f, profile)]


def person_detail(person: Person, field: str, profile: str) -> Any:
    if not may_show(person, field, profile):
        return None
    return getattr(person, field)


# ---------------------------------------------------------------------------- places


class Places:
    """The unit hierarchy as exports need it: levels, the commune and district of a unit,
    a commune's villages, the team of a village and the bloc of a commune."""

    @classmethod
    def of(cls, dataset) -> "Places":
        """One index per dataset: every export (and each of the 400 calendars) shares it."""
        cached = dataset.__dict__.get("_export_places")
        if cached is None:
            cached = dataset.__dict__["_export_places"] = cls(dataset)
        return cached

    def __init__(self, dataset):
        self.ds = dataset
        self.units = {uid: at.obj for uid, at in dataset.units.items()}
        self._level = {uid: level_name(dataset, uid) for uid in self.units}
        self._children: dict[str, list[str]] = {}
        for uid, unit in self.units.items():
            if unit.parent:
                self._children.setdefault(unit.parent, []).append(uid)
        for kids in self._children.values():
            kids.sort(key=lambda uid: (collation_key(self.units[uid].name), uid))
        self.team_of_village = {}
        for tid in sorted(dataset.teams):
            team = dataset.teams[tid].obj
            self.team_of_village.setdefault(team.village, team)
        self.bloc_of_commune = {}
        for bid in sorted(dataset.blocs):
            bloc = dataset.blocs[bid].obj
            self.bloc_of_commune.setdefault(bloc.commune, bloc)

    def level(self, uid: str | None) -> str | None:
        return self._level.get(uid) if uid else None

    def ancestor_at(self, uid: str | None, level: str) -> str | None:
        return ancestor_at(self.ds, uid, level)

    def commune_of(self, uid: str | None) -> str | None:
        return self.ancestor_at(uid, "xa")

    def district_of(self, uid: str | None) -> str | None:
        return self.ancestor_at(uid, "huyen")

    def villages(self, commune: str) -> list[str]:
        return [v for v in self._children.get(commune, []) if self._level.get(v) == "thon"]

    def label(self, uid: str | None) -> str:
        """“Xã Phúc Sơn”, “Thôn Đoài”; the id itself when the unit is unknown."""
        if not uid:
            return ""
        unit = self.units.get(uid)
        return cap(unit_label(unit)) if unit else uid

    def name(self, uid: str | None) -> str:
        unit = self.units.get(uid) if uid else None
        return unit.name if unit else (uid or "")

    def communes(self) -> list[str]:
        """Every current commune, ordered by district then commune name (Vietnamese order). A
        commune that became another in a reorganisation is history, as in the periodic reports:
        its teams and bloc moved with it, and counting it would count the same villages twice."""
        ids = [uid for uid, level in self._level.items() if level == "xa" and self.units[uid].became is None]

        def key(uid: str):
            district = self.district_of(uid)
            return (collation_key(self.name(district)) if district else (), district or "",
                    collation_key(self.name(uid)), uid)

        return sorted(ids, key=key)

    def place(self, village: str | None, commune: str | None) -> str:
        """“Thôn Đoài, xã Phúc Sơn, huyện Tân Yên”."""
        parts = []
        if village:
            parts.append(self.label(village))
        commune = commune or self.commune_of(village)
        if commune:
            parts.append(self.label(commune))
            district = self.district_of(commune)
            if district:
                parts.append(self.label(district))
        if not parts:
            return ""
        text = ", ".join(p[:1].lower() + p[1:] for p in parts)
        return cap(text)


def team_households(team) -> int:
    return sum(g.households for g in team.groups)


def latest_rating(team):
    return max(team.ratings, key=lambda r: r.year) if team.ratings else None
