"""What changed inside one team, bloc or assignment: takes the record on both sides (and both
datasets, for place names and the rating scale), gives the sentences for the fields that have
their own wording — members, groups, ratings, rules, communes, lists of meetings, activities
and reports. The fields not spoken of here are listed by title (`sentences.KINDS`)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Sequence

from generator.core.dates import format_vn_date
from generator.core.text import cap
from generator.editors.diff.deltas import changed_fields, list_delta, plain
from generator.editors.diff.people import member_sentences
from generator.editors.diff.words import (
    agency, bloc_label, communes, join, months, quote, team_label, titles, unit_place,
)
from generator.model.dataset import Dataset


def list_sentences(out: list[str], old: Sequence[Any], new: Sequence[Any], key: Callable, noun: str, owner: str,
                   date_of: Callable[[Any], dt.date] | None, detail: Callable[[list], str] | None = None) -> None:
    """“Thêm 3 hoạt động của … (tháng 11/2024): …”, and the same with “Sửa” and “Xóa”, for a
    list inside a record whose items are matched by `key`."""
    added, removed, edited = list_delta(old, new, key)
    for verb, items in (("Thêm", added), ("Sửa", edited), ("Xóa", removed)):
        if not items:
            continue
        text = f"{verb} {len(items)} {noun} của {owner}"
        when = months(date_of(i) for i in items) if date_of else ""
        if when:
            text += f" ({when})"
        if detail and verb == "Thêm":
            text += ": " + detail(items)
        out.append(text + ".")


# --------------------------------------------------------------------------- teams


# The fields `team_changes` speaks of (the others are listed by title).
TEAM_DESCRIBED = frozenset({"id", "village", "founding_decision", "members", "groups", "zalo_group", "ratings",
                            "meetings", "activities"})


def team_changes(out: list[str], a: Dataset, b: Dataset, old: Any, new: Any) -> None:
    label = team_label(b, new)
    inline = team_label(b, new, inline=True)
    if old.village != new.village:
        out.append(f"Chuyển Tổ “{new.id}” từ {unit_place(a, old.village)} sang {unit_place(b, new.village)}.")
    if plain(old.founding_decision) != plain(new.founding_decision):
        d = new.founding_decision
        out.append(f"Sửa quyết định thành lập {label}: số {d.number} ngày {format_vn_date(d.date)} "
                   f"của {d.issuer}.")
    member_sentences(out, old, new, label, "team_role", "to_truong")
    group_sentences(out, old.groups, new.groups, label, inline)
    if old.zalo_group != new.zalo_group:
        out.append(f"{cap(label)} đã lập nhóm Zalo." if new.zalo_group else f"{cap(label)}: bỏ ghi nhận nhóm Zalo.")
    rating_sentences(out, a, b, old.ratings, new.ratings, label)
    list_sentences(out, old.meetings, new.meetings, lambda m: m.date, "cuộc họp", inline, lambda m: m.date)
    list_sentences(out, old.activities, new.activities, lambda x: (x.date, x.title), "hoạt động", inline,
                   lambda x: x.date, lambda items: join([quote(x.title) for x in items], "hoạt động"))


def group_sentences(out: list[str], old: list, new: list, label: str, inline: str) -> None:
    """Groups matched by name; a group at the same place under another name is renamed."""
    old_by_name = {g.name: g for g in old}
    new_by_name = {g.name: g for g in new}
    pairs: list[tuple[Any, Any]] = [(old_by_name[g.name], g) for g in new if g.name in old_by_name]
    lone_old = [(i, g) for i, g in enumerate(old) if g.name not in new_by_name]
    lone_new = [(i, g) for i, g in enumerate(new) if g.name not in old_by_name]
    old_at = {i: g for i, g in lone_old}
    renamed = [(old_at[i], g) for i, g in lone_new if i in old_at]
    renamed_old = {id(o) for o, _ in renamed}
    renamed_new = {id(n) for _, n in renamed}
    for before, after in renamed:
        out.append(f"Đổi tên nhóm “{before.name}” ({inline}) thành “{after.name}”.")
    for before, after in pairs + renamed:
        name = after.name
        if before.households != after.households:
            out.append(f"Đổi số hộ của nhóm “{name}” ({inline}) từ {before.households} thành {after.households}.")
        if before.leader != after.leader:
            out.append(f"Đổi nhóm trưởng nhóm “{name}” ({inline}).")
        if before.members != after.members:
            gained = len([m for m in after.members if m not in before.members])
            lost = len([m for m in before.members if m not in after.members])
            detail = ", ".join(p for p in (f"thêm {gained} người" if gained else "", f"bớt {lost} người" if lost else "") if p)
            out.append(f"Đổi thành viên nhóm “{name}” ({inline})" + (f": {detail}." if detail else "."))
        if before.area != after.area:
            out.append(f"Sửa địa bàn nhóm “{name}” ({inline}).")
    for _, g in lone_new:
        if id(g) not in renamed_new:
            out.append(f"Thêm nhóm “{g.name}” vào {label} ({g.households} hộ, {len(g.members)} người).")
    for _, g in lone_old:
        if id(g) not in renamed_old:
            out.append(f"Bớt nhóm “{g.name}” khỏi {label}.")


def _grade(ds: Dataset, grade: str) -> str:
    """A grade's name on the side's rating scale (its code when the scale lacks it)."""
    if ds.config is not None:
        for g in ds.config.rating_scale:
            if g.id == grade:
                return g.name
    return grade


def rating_sentences(out: list[str], a: Dataset, b: Dataset, old: list, new: list, label: str) -> None:
    grade, note = "xếp loại", "ghi chú"
    o = {r.year: r for r in old}
    n = {r.year: r for r in new}
    for year in sorted(set(o) | set(n)):
        if year not in o:
            out.append(f"{cap(grade)} {label} năm {year}: {_grade(b, n[year].grade)}.")
        elif year not in n:
            out.append(f"Bỏ {grade} năm {year} của {label}.")
        elif o[year].grade != n[year].grade:
            out.append(f"Đổi {grade} năm {year} của {label} từ “{_grade(a, o[year].grade)}” "
                       f"sang “{_grade(b, n[year].grade)}”.")
        elif plain(o[year]) != plain(n[year]):
            out.append(f"Sửa {note} {grade} năm {year} của {label}.")


# --------------------------------------------------------------------------- blocs


BLOC_DESCRIBED = frozenset({"id", "commune", "members", "rules", "dialogues", "briefings", "pilot"})


def bloc_changes(out: list[str], a: Dataset, b: Dataset, old: Any, new: Any) -> None:
    label = bloc_label(b, new)
    inline = bloc_label(b, new, inline=True)
    rules, adopted = "quy chế hoạt động", "ngày ban hành"
    if old.commune != new.commune:
        out.append(f"Chuyển Khối “{new.id}” từ {unit_place(a, old.commune)} sang {unit_place(b, new.commune)}.")
    member_sentences(out, old, new, label, "bloc_role", "truong_khoi")
    if plain(old.rules) != plain(new.rules):
        if new.rules is None:
            out.append(f"Bỏ {rules} của {label}.")
        else:
            number = f" (số {new.rules.number})" if new.rules.number else ""
            if old.rules is None:
                out.append(f"{cap(label)} ban hành {rules} ngày {format_vn_date(new.rules.adopted)}{number}.")
            else:
                out.append(f"Sửa {rules} của {label}: {adopted} {format_vn_date(new.rules.adopted)}{number}.")
    list_sentences(out, old.dialogues, new.dialogues, lambda d: d.date, "cuộc đối thoại", inline, lambda d: d.date,
                   lambda items: join([quote(d.topic) for d in items], "cuộc"))
    list_sentences(out, old.briefings, new.briefings, lambda d: (d.date, d.kind), "cuộc giao ban", inline,
                   lambda d: d.date)
    if old.pilot != new.pilot:
        out.append(f"Chọn {label} làm Khối điểm." if new.pilot else f"Thôi chọn {label} làm Khối điểm.")


# --------------------------------------------------------------------------- assignments


ASSIGNMENT_DESCRIBED = frozenset({"id", "agency", "communes", "exemption", "activities", "reports"})


def report_name(r: Any) -> str:
    """“báo cáo tháng 03/2024”, “báo cáo quý 2/2024”, “báo cáo 6 tháng năm 2024”…"""
    kind = plain(r.kind)
    if kind == "thang":
        return f"báo cáo tháng {r.number:02d}/{r.year}" if r.number else f"báo cáo tháng năm {r.year}"
    if kind == "quy":
        return f"báo cáo quý {r.number}/{r.year}" if r.number else f"báo cáo quý năm {r.year}"
    if kind == "6_thang":
        return f"báo cáo 6 tháng năm {r.year}"
    return f"báo cáo năm {r.year}"


def assignment_added(ds: Dataset, item: Any) -> str:
    if item.communes:
        return f"Thêm phân công: {agency(item)} phụ trách {communes(ds, item.communes)}."
    if item.exemption:
        return f"Thêm phân công: {agency(item)} được miễn phân công (đơn vị trực sẵn sàng chiến đấu)."
    return f"Thêm phân công: {agency(item)}, chưa ghi xã phụ trách."


def assignment_changes(out: list[str], a: Dataset, b: Dataset, old: Any, new: Any) -> None:
    label = agency(new)
    if plain(old.agency) != plain(new.agency):
        if old.agency.party_org != new.agency.party_org or old.agency.name != new.agency.name:
            out.append(f"Đổi tên cơ quan được phân công từ {agency(old)} ({old.agency.name}) "
                       f"thành {agency(new)} ({new.agency.name}).")
        rest = changed_fields(old.agency, new.agency, skip={"name", "party_org"})
        if rest:
            out.append(f"Sửa thông tin cơ quan của {label}: {titles(type(new.agency), rest)}.")
    gained = [c for c in new.communes if c not in old.communes]
    lost = [c for c in old.communes if c not in new.communes]
    if gained:
        out.append(f"Giao {label} phụ trách thêm {communes(b, gained)}.")
    if lost:
        out.append(f"Thôi giao {label} phụ trách {communes(a, lost)}.")
    if old.exemption != new.exemption:
        out.append(f"{label} được miễn phân công (đơn vị trực sẵn sàng chiến đấu)." if new.exemption
                   else f"{label} không còn được miễn phân công.")
    list_sentences(out, old.activities, new.activities, lambda x: (x.date, x.commune), "hoạt động", label,
                   lambda x: x.date)
    reports = "báo cáo đã gửi"
    added, removed, edited = list_delta(old.reports, new.reports, lambda r: (plain(r.kind), r.year, r.number))
    for verb, items in (("Thêm", added), ("Sửa", edited), ("Xóa", removed)):
        if items:
            out.append(f"{verb} {len(items)} {reports} của {label}: {join([report_name(r) for r in items], 'báo cáo')}.")
