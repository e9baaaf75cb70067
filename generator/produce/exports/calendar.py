"""iCalendar files a phone calendar can subscribe to: takes a dataset; gives `.ics` bytes.

- `deadlines_calendar`: the reporting deadlines of the province's configuration, one all-day
  recurring event per deadline (monthly, quarterly, yearly), each with a reminder 3 days before;
- `activities_calendar`: every recorded activity of the assigned agencies at the grassroots,
  and per agency that is not exempt a monthly reminder of its weekend day with the People.

UIDs come from ids and DTSTAMP from the configuration's reference date, so the files are the
same bytes on every rebuild and calendars update events in place. No person's name is written."""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
import re
from collections.abc import Callable

from icalendar import Alarm, Calendar, Event

from generator.core.dates import format_vn_date
from generator.produce.exports.common import Places, fixed_moment

DOMAIN = "so-tay-dan-van"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEADLINES_NAME = "Hạn báo cáo công tác dân vận"
ACTIVITIES_NAME = "Hoạt động tại cơ sở của cơ quan, đơn vị phụ trách xã"
WEEKEND_SUMMARY = "Hoạt động cuối tuần với Nhân dân"
WEEKEND_SOURCE = "HD 02-HD/BDVTU, mục II.3"
PRODID = "-//so-tay-dan-van//Sổ tay công tác dân vận//VI"
ALARM_DAYS = 3
SUMMARY_CHARS = 80

APPLIES_TO = {"to_dan_van": "Tổ Dân vận cộng đồng", "khoi_dan_van": "Khối Dân vận cơ sở",
              "phan_cong": "Cơ quan, đơn vị phụ trách xã"}
FREQUENCY = {"thang": "tháng", "quy": "quý", "6_thang": "6 tháng", "nam": "năm"}
QUARTER_ENDS = [3, 6, 9, 12]


# ---------------------------------------------------------------------------- deadlines


def deadlines_calendar(dataset, years: list[int] | None = None) -> bytes:
    """One VEVENT per configured deadline, recurring over `years` (default: the reference
    year and the next). Years that are not consecutive give one event per run of years."""
    config = dataset.config
    if config is None:
        raise ValueError("The dataset has no configuration (data/config.yml).")
    chosen = sorted(set(years)) if years else [config.reference_date.year, config.reference_date.year + 1]
    runs = _runs(chosen)
    stamp = _stamp(dataset)
    first, last = chosen[0], chosen[-1]
    span = str(first) if first == last else f"{first}–{last}"
    cal = _calendar(DEADLINES_NAME, f"Các hạn báo cáo định kỳ của {config.province.board}, năm {span}.")
    for deadline in config.deadlines:
        for i, (start_year, end_year) in enumerate(runs):
            uid = f"{deadline.id}@{DOMAIN}" if i == 0 else f"{deadline.id}-{start_year}@{DOMAIN}"
            cal.add_component(_deadline_event(deadline, start_year, end_year, uid, stamp))
    return cal.to_ical()


def _runs(years: list[int]) -> list[tuple[int, int]]:
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return [(a, b) for a, b in runs]


def _month_days(month: int) -> int:
    return _stdcal.monthrange(2001, month)[1]  # February counts 28: a deadline must exist every year


def _deadline_event(deadline, start_year: int, end_year: int, uid: str, stamp: dt.datetime) -> Event:
    day = deadline.day
    until = dt.date(end_year, 12, 31)
    if deadline.frequency == "thang":
        if day <= 28:
            rule = {"FREQ": "MONTHLY", "BYMONTHDAY": [day]}
        else:  # the day itself, or the month's last day when the month is shorter
            rule = {"FREQ": "MONTHLY", "BYMONTHDAY": list(range(28, day + 1)), "BYSETPOS": [-1]}
        start = dt.date(start_year, 1, min(day, 31))
        when = f"trước ngày {day}"
    else:
        if deadline.frequency == "quy":
            months = QUARTER_ENDS
            when = f"trước ngày {day} tháng cuối quý"
        elif deadline.frequency == "6_thang":
            months = [deadline.month] if deadline.month else [6, 12]
            when = " và ".join(f"{day}/{m}" for m in months)
            when = f"trước ngày {when}"
        else:
            months = [deadline.month or 12]
            when = f"trước ngày {day}/{months[0]}"
        shortest = min(_month_days(m) for m in months)
        by_day = day if day <= shortest else -1
        rule = {"FREQ": "YEARLY", "BYMONTH": months, "BYMONTHDAY": [by_day]}
        first_month = months[0]
        start = dt.date(start_year, first_month, day if by_day > 0 else _stdcal.monthrange(start_year, first_month)[1])
    rule["UNTIL"] = until
    name = deadline.name.strip()
    summary = f"Hạn {name[:1].lower()}{name[1:]} ({when})"
    applies = APPLIES_TO.get(deadline.applies_to, deadline.applies_to)
    description = (f"{name}.\nÁp dụng cho: {applies}.\n"
                   f"Kỳ báo cáo: {FREQUENCY.get(deadline.frequency, deadline.frequency)}; gửi {when}.\n"
                   f"Căn cứ: {deadline.source}.")
    event = _all_day(uid, stamp, start, summary, description)
    event.add("categories", [applies])
    event.add("rrule", rule)
    event.add_component(_alarm(ALARM_DAYS, f"Còn {ALARM_DAYS} ngày: {summary}"))
    return event


# ---------------------------------------------------------------------------- activities


def activities_calendar(dataset, assignment: str | None = None, events: Callable[[str], bytes] | None = None) -> bytes:
    """Every activity of every assignment (or of the one `assignment` id, for an agency's own
    subscription), plus a monthly reminder (first Saturday) per assignment not exempt.
    `events(aid)` may supply an assignment's events (`assignment_events_ics`) from a cache."""
    places = Places.of(dataset)
    stamp = _stamp(dataset)
    ids = sorted(dataset.assignments)
    if assignment is not None:
        if assignment not in dataset.assignments:
            raise KeyError(assignment)
        ids = [assignment]
    if assignment is not None:
        org = dataset.assignments[assignment].obj.agency.party_org
        cal = _calendar(f"Hoạt động tại cơ sở – {org}", f"Hoạt động với Nhân dân của {org} tại xã được phân công phụ trách.")
    else:
        cal = _calendar(ACTIVITIES_NAME, "Hoạt động với Nhân dân của các cơ quan, đơn vị được phân công phụ trách xã.")
    # Each assignment's events are written out once and shared by the combined calendar and
    # the agency's own: the same bytes icalendar would give for the whole calendar.
    head = cal.to_ical()
    if not head.endswith(_CALENDAR_END):  # pragma: no cover - icalendar changed its output
        raise RuntimeError("icalendar no longer ends a calendar with END:VCALENDAR")
    events = events or (lambda aid: assignment_events_ics(dataset, aid, places, stamp))
    body = b"".join(events(aid) for aid in ids)
    return head[: -len(_CALENDAR_END)] + body + _CALENDAR_END


_CALENDAR_END = b"END:VCALENDAR\r\n"


def assignment_events_ics(dataset, aid: str, places: Places | None = None, stamp: dt.datetime | None = None) -> bytes:
    """One assignment's events as iCalendar lines, made once per dataset."""
    cache = dataset.__dict__.setdefault("_export_events", {})
    if aid not in cache:
        places = places or Places.of(dataset)
        stamp = stamp or _stamp(dataset)
        cache[aid] = b"".join(event.to_ical() for event in _make_assignment_events(dataset, places, stamp, aid))
    return cache[aid]


def _make_assignment_events(dataset, places: Places, stamp: dt.datetime, aid: str):
    a = dataset.assignments[aid].obj
    org = a.agency.party_org
    seen: dict[dt.date, int] = {}
    for act in sorted(a.activities, key=lambda x: x.date):
        seen[act.date] = seen.get(act.date, 0) + 1
        uid = f"{a.id}-{act.date:%Y%m%d}-{seen[act.date]}@{DOMAIN}"
        text = plain(act.content)
        description = (f"{text}\nSố cán bộ, đảng viên tham gia: {act.participants}.\n"
                       f"Cơ quan: {a.agency.name}.")
        event = _all_day(uid, stamp, act.date, f"{org}: {_short(text)}", description)
        location = places.place(act.village, act.commune)
        if location:
            event.add("location", location)
        event.add("categories", ["Hoạt động tại cơ sở"])
        yield event
    if a.exemption is None and a.communes:
        yield _weekend_reminder(dataset, places, a, stamp)


def _weekend_reminder(dataset, places: Places, a, stamp: dt.datetime) -> Event:
    since = a.since or dataset.config.thresholds.activities_from
    start = _first_saturday(since.year, since.month)
    if start < since:
        year, month = (since.year + 1, 1) if since.month == 12 else (since.year, since.month + 1)
        start = _first_saturday(year, month)
    org = a.agency.party_org
    communes = "; ".join(places.place(None, c) for c in a.communes)
    communes_in_text = "; ".join(_lower_first(places.place(None, c)) for c in a.communes)
    days = dataset.config.thresholds.weekend_days_per_month
    description = (f"Nhắc việc: mỗi tháng ít nhất {days} ngày thứ Bảy hoặc Chủ nhật, cán bộ, đảng viên "
                   f"{org} tham gia hoạt động với Nhân dân tại {communes_in_text}. Ngày ghi trong lịch (thứ Bảy đầu tháng) "
                   f"chỉ là gợi ý; có thể chọn ngày cuối tuần khác trong tháng.\n"
                   f"Phụ trách từ ngày {format_vn_date(since)}.\nCăn cứ: {WEEKEND_SOURCE}.")
    event = _all_day(f"{a.id}-cuoi-tuan@{DOMAIN}", stamp, start, f"{WEEKEND_SUMMARY} ({org})", description)
    event.add("location", communes)
    event.add("categories", ["Hoạt động tại cơ sở"])
    event.add("rrule", {"FREQ": "MONTHLY", "BYDAY": ["1SA"]})
    event.add_component(_alarm(2, f"{WEEKEND_SUMMARY}: {org}"))
    return event


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _first_saturday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(5 - first.weekday()) % 7)


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_LINE_START = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_HTML_TAG = re.compile(r"<[^>]+>")


def plain(markdown: str | None) -> str:
    """Markdown to one line of plain text (links keep their words, marks go)."""
    if not markdown:
        return ""
    text = _MD_IMAGE.sub(r"\1", markdown)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_LINE_START.sub("", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _HTML_TAG.sub(" ", text)
    return " ".join(text.split())


_SENTENCE_END = re.compile(r"(?<=[.;!?])\s")


def _short(text: str) -> str:
    """The first sentence (or clause), cut to a phone's line."""
    first = _SENTENCE_END.split(text, maxsplit=1)[0].rstrip(".;") if text else ""
    if len(first) <= SUMMARY_CHARS:
        return first
    cut = first[:SUMMARY_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


# ---------------------------------------------------------------------------- pieces


def _stamp(dataset) -> dt.datetime:
    return fixed_moment(dataset).replace(tzinfo=dt.timezone.utc)


def _calendar(name: str, description: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-caldesc", description)
    cal.add("x-wr-timezone", TIMEZONE)
    cal.add("x-published-ttl", "P1D")
    return cal


def _all_day(uid: str, stamp: dt.datetime, day: dt.date, summary: str, description: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def _alarm(days: int, text: str) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", dt.timedelta(days=-days))
    alarm.add("description", text)
    return alarm
