"""Exports on the repository's sample data: the XLSX roster, the JSON API, the CSV tables and
the iCalendar files — content, privacy and byte-identical rebuilds."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from icalendar import Calendar

from generator.checks.check import check_project
from generator.produce.exports import activities_calendar, csv_exports, deadlines_calendar, json_api, roster_workbook
from generator.model.hierarchy import level_name

ROOT = Path(__file__).resolve().parents[1]
PHONE = re.compile(r"(?<!\d)0\d{9}(?!\d)")
PRIVATE_FIELDS = ("phone", "id_number", "address", "religion", "ethnicity", "party_member", "email",
                  "gender", "birth_year", "consent_to_publish", "consent_date")
FAKE_ID_NUMBER = "024199000123"


@pytest.fixture(scope="module")
def dataset():
    ds, report = check_project(ROOT)
    assert report.valid()
    # The sample has no id numbers: give one person one, to see where it goes.
    person = ds.teams["to-phuc-son-thon-doai"].obj.members[0]
    person.id_number = FAKE_ID_NUMBER
    return ds


@pytest.fixture(scope="module")
def exports(dataset):
    """Every export built twice, to compare bytes."""
    out = {}
    for _ in range(2):
        built = {
            "roster-public.xlsx": roster_workbook(dataset, "public"),
            "roster-internal.xlsx": roster_workbook(dataset, "internal"),
            "deadlines.ics": deadlines_calendar(dataset),
            "activities.ics": activities_calendar(dataset),
            "activities-one.ics": activities_calendar(dataset, "pc-so-tu-phap"),
        }
        for profile in ("public", "internal"):
            built.update({f"{profile}/{k}": v for k, v in json_api(dataset, profile).items()})
            built.update({f"{profile}/{k}": v for k, v in csv_exports(dataset, profile).items()})
        out["second" if "first" in out else "first"] = built
    return out


@pytest.fixture(scope="module")
def files(exports):
    return exports["first"]


@pytest.fixture(scope="module")
def public_wb(files):
    return _workbook(files["roster-public.xlsx"])


@pytest.fixture(scope="module")
def internal_wb(files):
    return _workbook(files["roster-internal.xlsx"])


def _private_values(dataset) -> dict[str, set[str]]:
    values: dict[str, set[str]] = {"phone": set(), "id_number": set(), "address": set()}
    for at in dataset.people.values():
        for field in values:
            value = getattr(at.obj, field)
            if value:
                values[field].add(value)
    return values


def _communes(dataset) -> list[str]:
    return [uid for uid in dataset.units if level_name(dataset, uid) == "xa"]


def _workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _all_text(wb: openpyxl.Workbook) -> str:
    parts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            parts.extend(str(v) for v in row if v is not None)
    return "\n".join(parts)


# ---------------------------------------------------------------------------- determinism


def test_every_export_is_byte_identical_across_calls(exports):
    first, second = exports["first"], exports["second"]
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], name


def test_xlsx_has_fixed_dates(files, public_wb, dataset):
    moment = dt.datetime(2024, 12, 15)
    assert dataset.config.reference_date == moment.date()
    wb = public_wb
    assert wb.properties.created == moment
    assert wb.properties.modified == moment
    with zipfile.ZipFile(io.BytesIO(files["roster-public.xlsx"])) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2024, 12, 15, 0, 0, 0)}


# ---------------------------------------------------------------------------- XLSX roster


def test_roster_has_summary_and_one_sheet_per_commune(files, public_wb, dataset):
    wb = public_wb
    communes = _communes(dataset)
    assert len(communes) == 14
    assert wb.sheetnames[0] == "Tổng hợp"
    assert len(wb.sheetnames) == 15
    names = {dataset.units[c].obj.name for c in communes}
    assert set(wb.sheetnames[1:]) == names
    for title in wb.sheetnames:
        assert len(title) <= 31 and not re.search(r"[\[\]:*?/\\]", title)


def test_summary_rows_match_the_dataset(files, public_wb, dataset):
    ws = public_wb["Tổng hợp"]
    header = [c.value for c in ws[1]]
    assert header[:2] == ["Huyện, thành phố", "Xã, phường, thị trấn"]
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == "A1:J15"
    assert all(c.font.b for c in ws[1])
    rows = {row[2]: row for row in ws.iter_rows(min_row=2, max_row=15, values_only=True)}
    assert set(rows) == set(_communes(dataset))
    phuc_son = rows["bg-tan-yen-phuc-son"]
    teams = [at.obj for at in dataset.teams.values() if at.obj.village.startswith("bg-tan-yen-phuc-son-")]
    bloc = dataset.blocs["khoi-phuc-son"].obj
    assert phuc_son[:2] == ("Huyện Tân Yên", "Xã Phúc Sơn")
    assert phuc_son[3:9] == (5, len(teams), sum(len(t.members) for t in teams), sum(len(t.groups) for t in teams),
                             sum(g.households for t in teams for g in t.groups), len(bloc.members))
    assert rows["bg-luc-ngan-tan-son"][9] == pytest.approx(0.8)
    for row in rows.values():
        assert all(isinstance(v, int) for v in row[3:9])  # typed as numbers, not text
    assert ws.cell(2, 10).number_format == "0.0%"
    total = next(row for row in ws.iter_rows(values_only=True) if row[0] == "Tổng cộng")
    assert total[4] == len(dataset.teams)
    assert total[5] == sum(len(at.obj.members) for at in dataset.teams.values())


def test_commune_sheet_lists_bloc_and_every_team_member(files, public_wb, dataset):
    ws = public_wb["Phúc Sơn"]
    header = [c.value for c in ws[1]]
    assert ws.freeze_panes == "C2"
    assert all(c.font.b for c in ws[1] if c.value)
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    person_col = header.index("Mã người")
    name_col = header.index("Họ và tên")
    last = int(ws.auto_filter.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    rows = list(ws.iter_rows(min_row=2, max_row=last, values_only=True))
    listed = [row[person_col] for row in rows]
    teams = [at.obj for at in dataset.teams.values() if at.obj.village.startswith("bg-tan-yen-phuc-son-")]
    bloc = dataset.blocs["khoi-phuc-son"].obj
    expected = [m.id for m in bloc.members] + [m.id for t in teams for m in t.members]
    assert sorted(listed) == sorted(expected)
    assert rows[0][header.index("Vai trò")] == "Trưởng khối"  # the bloc comes first
    people = {m.id: m for m in bloc.members} | {m.id: m for t in teams for m in t.members}
    for row in rows:
        person = people[row[person_col]]
        assert row[name_col] == (person.full_name if person.consent_to_publish else "(không công khai)")
    # bloc training dates are dates, shown day/month/year
    date_col = header.index("Ngày tập huấn") + 1
    cell = ws.cell(2, date_col)
    assert isinstance(cell.value, dt.datetime) and cell.number_format == "DD/MM/YYYY"
    # the teams table and the groups table follow
    column_a = [c.value for c in ws["A"]]
    assert "Các Tổ Dân vận cộng đồng" in column_a and "Các nhóm" in column_a
    group_header = column_a.index("Các nhóm") + 2
    group_rows = [r for r in ws.iter_rows(min_row=group_header + 1, values_only=True) if r[0]]
    assert len(group_rows) == sum(len(t.groups) for t in teams)
    assert all(isinstance(r[3], int) and isinstance(r[4], int) for r in group_rows)
    team_header = column_a.index("Các Tổ Dân vận cộng đồng") + 2
    decision_date = ws.cell(team_header + 1, 4)
    assert isinstance(decision_date.value, dt.datetime) and decision_date.number_format == "DD/MM/YYYY"
    assert ws.column_dimensions["A"].width and ws.column_dimensions["A"].width >= 10


def test_public_roster_has_no_private_details(files, public_wb, dataset):
    wb = public_wb
    text = _all_text(wb)
    assert not PHONE.search(text)
    for field, values in _private_values(dataset).items():
        for value in values:
            assert value not in text, (field, value)
    assert FAKE_ID_NUMBER not in text
    headers = {c.value for ws in wb.worksheets for c in ws[1]}
    assert not headers & {"Điện thoại", "Số CCCD", "Địa chỉ", "Tôn giáo", "Dân tộc", "Đảng viên"}
    cells = {v for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row}
    sensitive = {getattr(at.obj, f) for at in dataset.people.values() for f in ("religion", "ethnicity")} - {None}
    assert not cells & sensitive


def test_public_roster_withholds_names_without_consent(files, public_wb, dataset):
    text = _all_text(public_wb)
    people = [at.obj for at in dataset.people.values()]
    consented = {p.full_name for p in people if p.consent_to_publish}
    withheld = {p.full_name for p in people if not p.consent_to_publish} - consented
    assert withheld
    assert not [n for n in withheld if n in text]


def test_internal_roster_has_private_details(internal_wb, dataset):
    wb = internal_wb
    text = _all_text(wb)
    values = _private_values(dataset)
    assert values["phone"] and values["address"]
    for field in ("phone", "address"):
        for value in values[field]:
            assert value in text, (field, value)
    assert FAKE_ID_NUMBER in text
    ws = wb["Phúc Sơn"]
    header = [c.value for c in ws[1]]
    for needed in ("Điện thoại", "Số CCCD", "Địa chỉ", "Tôn giáo", "Dân tộc", "Đảng viên", "Năm sinh"):
        assert needed in header
    birth = [r[header.index("Năm sinh")] for r in ws.iter_rows(min_row=2, max_row=5, values_only=True)]
    assert all(isinstance(v, int) for v in birth)
    names = [r[header.index("Họ và tên")] for r in ws.iter_rows(min_row=2, max_row=40, values_only=True)]
    assert "(không công khai)" not in names


# ---------------------------------------------------------------------------- JSON API


ENTITIES = ("units", "teams", "blocs", "models", "assignments", "documents", "qa", "modules")


def test_json_api_files_and_counts(files, dataset):
    public = {k[len("public/"):]: v for k, v in files.items() if k.startswith("public/api/")}
    assert set(public) == {"api/index.json"} | {f"api/{e}.json" for e in ENTITIES}
    index = json.loads(public["api/index.json"])
    counts = {e["entity"]: e["count"] for e in index["endpoints"]}
    for entity in ENTITIES:
        data = public[f"api/{entity}.json"]
        assert data.endswith(b"]\n")
        records = json.loads(data)
        assert isinstance(records, list)
        assert len(records) == len(getattr(dataset, entity)) == counts[entity]
        ids = [r["id"] for r in records]
        assert ids == sorted(ids)
    assert "Tổ Dân vận" in public["api/teams.json"].decode("utf-8")  # ensure_ascii=False
    assert index["reference_date"] == "2024-12-15"


def test_json_api_public_hides_private_values(files, dataset):
    text = "".join(v.decode("utf-8") for k, v in files.items() if k.startswith("public/api/"))
    assert not PHONE.search(text)
    assert FAKE_ID_NUMBER not in text
    strings: set[str] = set()

    def walk(value):
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            strings.add(value)

    for key, data in files.items():
        if key.startswith("public/api/"):
            walk(json.loads(data))
    private = set().union(*_private_values(dataset).values())
    assert private and not strings & private
    teams = json.loads(files["public/api/teams.json"])
    for team in teams:
        for member in team["members"]:
            assert not set(PRIVATE_FIELDS) & set(member)
            person = dataset.people[member["id"]].obj
            assert ("given_name" in member) == person.consent_to_publish
    blocs = json.loads(files["public/api/blocs.json"])
    for bloc in blocs:
        for member in bloc["members"]:
            assert not set(PRIVATE_FIELDS) & set(member)
            assert "languages" not in (member.get("training") or {})


def test_json_api_internal_is_the_full_record(files, dataset):
    teams = json.loads(files["internal/api/teams.json"])
    team = next(t for t in teams if t["id"] == "to-phuc-son-thon-doai")
    assert team == dataset.teams["to-phuc-son-thon-doai"].obj.model_dump(mode="json")
    assert FAKE_ID_NUMBER in files["internal/api/teams.json"].decode("utf-8")
    qa = json.loads(files["internal/api/qa.json"])
    assert all(item["answer"] for item in qa)


# ---------------------------------------------------------------------------- CSV


def _csv(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n") and text.split("\n", 1)[0].endswith("\r")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_files_parse_and_counts_match(files, dataset):
    names = {k[len("public/csv/"):-4] for k in files if k.startswith("public/csv/")}
    assert names == {"units", "teams", "team_members", "blocs", "bloc_members", "models", "assignments",
                     "activities", "documents"}
    tables = {name: _csv(files[f"public/csv/{name}.csv"]) for name in names}
    assert len(tables["units"]) == len(dataset.units)
    assert len(tables["teams"]) == len(dataset.teams)
    assert len(tables["team_members"]) == sum(len(at.obj.members) for at in dataset.teams.values())
    assert len(tables["blocs"]) == len(dataset.blocs)
    assert len(tables["bloc_members"]) == sum(len(at.obj.members) for at in dataset.blocs.values())
    assert len(tables["models"]) == len(dataset.models)
    assert len(tables["assignments"]) == len(dataset.assignments)
    assert len(tables["activities"]) == sum(len(at.obj.activities) for at in dataset.assignments.values())
    assert len(tables["documents"]) == len(dataset.documents)
    team = next(r for r in tables["teams"] if r["id"] == "to-phuc-son-thon-doai")
    obj = dataset.teams["to-phuc-son-thon-doai"].obj
    assert team["commune"] == "bg-tan-yen-phuc-son"
    assert team["decision_number"] == obj.founding_decision.number
    assert team["decision_date"] == obj.founding_decision.date.isoformat()
    assert int(team["members"]) == len(obj.members)
    assert int(team["households"]) == sum(g.households for g in obj.groups)
    raw = files["public/csv/teams.csv"].decode("utf-8-sig")
    assert raw.count("\r\n") == len(dataset.teams) + 1 and raw.count("\n") == raw.count("\r\n")


def test_csv_privacy(files, dataset):
    public = _csv(files["public/csv/team_members.csv"])
    assert "phone" not in public[0] and "id_number" not in public[0] and "religion" not in public[0]
    text = "".join(v.decode("utf-8-sig") for k, v in files.items() if k.startswith("public/csv/"))
    assert not PHONE.search(text)
    assert FAKE_ID_NUMBER not in text
    for row in public:
        person = dataset.people[row["person"]].obj
        assert row["name"] == (person.full_name if person.consent_to_publish else "")
    internal = _csv(files["internal/csv/team_members.csv"])
    assert {"phone", "id_number", "address", "religion", "ethnicity", "party_member"} <= set(internal[0])
    assert FAKE_ID_NUMBER in files["internal/csv/team_members.csv"].decode("utf-8-sig")


# ---------------------------------------------------------------------------- iCalendar


def _events(data: bytes) -> dict[str, object]:
    cal = Calendar.from_ical(data)
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_deadlines_calendar_holds_the_configured_deadlines(files, dataset):
    cal = Calendar.from_ical(files["deadlines.ics"])
    assert str(cal["x-wr-calname"]) == "Hạn báo cáo công tác dân vận"
    assert str(cal["x-wr-timezone"]) == "Asia/Ho_Chi_Minh"
    events = _events(files["deadlines.ics"])
    assert set(events) == {f"{d.id}@so-tay-dan-van" for d in dataset.config.deadlines}

    def start(uid):
        value = events[uid].decoded("dtstart")
        assert type(value) is dt.date  # all-day
        return value

    def rule(uid):
        return {k: list(v) for k, v in events[uid]["rrule"].items()}

    until = [dt.date(2025, 12, 31)]
    # teams: 15/6 and 20/11, yearly
    assert start("to-6-thang@so-tay-dan-van") == dt.date(2024, 6, 15)
    assert rule("to-6-thang@so-tay-dan-van") == {"FREQ": ["YEARLY"], "BYMONTH": [6], "BYMONTHDAY": [15], "UNTIL": until}
    assert start("to-nam@so-tay-dan-van") == dt.date(2024, 11, 20)
    assert rule("to-nam@so-tay-dan-van")["BYMONTH"] == [11]
    # assignments: 25th monthly, quarterly on the 25th, 15/6 and 15/12
    assert start("pc-thang@so-tay-dan-van") == dt.date(2024, 1, 25)
    assert rule("pc-thang@so-tay-dan-van") == {"FREQ": ["MONTHLY"], "BYMONTHDAY": [25], "UNTIL": until}
    assert start("pc-quy@so-tay-dan-van") == dt.date(2024, 3, 25)
    assert rule("pc-quy@so-tay-dan-van") == {"FREQ": ["YEARLY"], "BYMONTH": [3, 6, 9, 12], "BYMONTHDAY": [25],
                                            "UNTIL": until}
    assert start("pc-6-thang@so-tay-dan-van") == dt.date(2024, 6, 15)
    assert start("pc-nam@so-tay-dan-van") == dt.date(2024, 12, 15)
    assert rule("pc-nam@so-tay-dan-van")["BYMONTH"] == [12]
    event = events["pc-thang@so-tay-dan-van"]
    assert str(event["summary"]).startswith("Hạn báo cáo tháng") and "(trước ngày 25)" in str(event["summary"])
    assert "HD 02-HD/BDVTU, mục IV.2" in str(event["description"])
    assert event.decoded("dtstamp") == dt.datetime(2024, 12, 15, tzinfo=dt.timezone.utc)
    alarms = event.walk("VALARM")
    assert len(alarms) == 1 and alarms[0].decoded("trigger") == dt.timedelta(days=-3)


def test_deadlines_calendar_years(dataset):
    events = _events(deadlines_calendar(dataset, years=[2026]))
    assert events["to-nam@so-tay-dan-van"].decoded("dtstart") == dt.date(2026, 11, 20)
    assert list(events["to-nam@so-tay-dan-van"]["rrule"]["UNTIL"]) == [dt.date(2026, 12, 31)]


def test_activities_calendar(files, dataset):
    events = _events(files["activities.ics"])
    assignments = [at.obj for at in dataset.assignments.values()]
    activities = sum(len(a.activities) for a in assignments)
    reminders = [e for e in events.values() if "rrule" in e]
    assert len(events) - len(reminders) == activities
    assert len(reminders) == sum(1 for a in assignments if a.exemption is None and a.communes)
    exempt = next(a for a in assignments if a.exemption)
    assert f"{exempt.id}-cuoi-tuan@so-tay-dan-van" not in events
    reminder = events["pc-so-tu-phap-cuoi-tuan@so-tay-dan-van"]
    assert {k: list(v) for k, v in reminder["rrule"].items()} == {"FREQ": ["MONTHLY"], "BYDAY": ["1SA"]}
    start = reminder.decoded("dtstart")
    assert start == dt.date(2024, 1, 6) and start.weekday() == 5  # first Saturday on or after `since`
    assert str(reminder["summary"]).startswith("Hoạt động cuối tuần với Nhân dân")
    one = next(e for e in events.values() if str(e["uid"]).startswith("pc-so-tu-phap-2024011"))
    assert one.decoded("dtstart") == dt.date(2024, 1, 14)
    assert str(one["summary"]).startswith("Chi bộ Sở Tư pháp: ")
    assert "Xã Cao Xá" in str(one["location"]) or "xã Cao Xá" in str(one["location"])
    # one agency's own calendar
    own = _events(files["activities-one.ics"])
    assert len(own) == len(dataset.assignments["pc-so-tu-phap"].obj.activities) + 1


def test_calendars_never_name_people(files, dataset):
    names = {at.obj.full_name for at in dataset.people.values()}
    for key in ("deadlines.ics", "activities.ics"):
        text = files[key].decode("utf-8").replace("\r\n ", "")
        assert not [n for n in names if n in text]


# ---------------------------------------------------------------------------- edge cases


def test_sheet_titles_are_unique_and_valid():
    from generator.produce.exports.rosters import _clean_title, _sheet_titles

    class FakePlaces:
        names = {"a": "Tân Sơn", "b": "Tân Sơn", "c": "tân sơn", "d": "Tổng hợp", "e": "A/B: [x]*?" + "y" * 40,
                 "h1": "Lục Ngạn", "h2": "Sơn Động"}
        district = {"a": "h1", "b": "h2", "c": "h2", "d": "h1", "e": "h1"}

        def name(self, uid):
            return self.names[uid]

        def district_of(self, uid):
            return self.district.get(uid)

    titles = _sheet_titles(FakePlaces(), ["a", "b", "c", "d", "e"])
    assert titles["a"] == "Tân Sơn" and titles["b"] == "Tân Sơn (Sơn Động)"
    assert titles["d"] == "Tổng hợp (Lục Ngạn)"
    values = list(titles.values()) + ["Tổng hợp"]
    assert len({v.casefold() for v in values}) == len(values)
    assert all(len(v) <= 31 and not re.search(r"[\[\]:*?/\\]", v) for v in values)
    assert _clean_title("'x'") == "x"


def test_deadline_after_day_28_falls_on_the_month_end(dataset):
    from generator.schema.config import Deadline

    saved = dataset.config.deadlines
    try:
        dataset.config.deadlines = [
            Deadline(id="t-thang", name="Báo cáo tháng", applies_to="khoi_dan_van", frequency="thang", day=30, source="x"),
            Deadline(id="t-nam", name="Báo cáo năm", applies_to="khoi_dan_van", frequency="nam", day=31, month=11,
                     source="x"),
        ]
        events = _events(deadlines_calendar(dataset, years=[2025]))
    finally:
        dataset.config.deadlines = saved
    monthly = {k: list(v) for k, v in events["t-thang@so-tay-dan-van"]["rrule"].items()}
    assert monthly["BYMONTHDAY"] == [28, 29, 30] and monthly["BYSETPOS"] == [-1]
    assert events["t-nam@so-tay-dan-van"].decoded("dtstart") == dt.date(2025, 11, 30)
    assert list(events["t-nam@so-tay-dan-van"]["rrule"]["BYMONTHDAY"]) == [-1]


def test_unknown_profile_is_refused(dataset):
    with pytest.raises(ValueError):
        roster_workbook(dataset, "everyone")
    with pytest.raises(ValueError):
        json_api(dataset, "everyone")


def test_roster_rows_that_wrap_are_wrapped_and_aligned_to_the_top(public_wb):
    """Long text wraps in its cell and its whole row aligns to the top; a one-line row needs
    neither (its cells are written without a style)."""
    ws = public_wb["Phúc Sơn"]
    header = [c.value for c in ws[1]]
    duties = header.index("Nhiệm vụ được phân công")
    width = ws.column_dimensions[chr(ord("A") + duties)].width
    long_rows = [row for row in ws.iter_rows(min_row=2) if row[duties].value and len(row[duties].value) + 2 > width]
    assert long_rows, "the sample has duties longer than their column"
    for row in long_rows:
        assert row[duties].alignment.wrap_text and row[duties].alignment.vertical == "top"
        assert all(cell.alignment.vertical == "top" for cell in row if cell.value is not None)
    members = [row for row in ws.iter_rows(min_row=2) if row[1].value and row[1].value.startswith("to-")
               and row[header.index("Vai trò")].value == "Thành viên"]
    assert members and all(not cell.alignment.wrap_text and isinstance(row[-1].value, str) for row in members for cell in row)


@pytest.mark.parametrize("records", [
    [],
    [{}],
    [{"id": "a", "tên": "Tổ “Dân vận”\nhai dòng", "list": [1, 2, {"x": []}], "none": None}],
    [{"a": [{"b": {"c": "d"}}]}, {"e": 1.5, "f": True}, "chuỗi", 3, []],
])
def test_json_arrays_encoded_a_record_at_a_time_are_the_same_bytes(records):
    from generator.produce.exports.api import _json_array_chunks, _json_bytes

    assert b"".join(_json_array_chunks(iter(records))) == _json_bytes(records)


def test_csv_tables_written_in_pieces_are_the_same_bytes():
    from generator.produce.exports.api import _csv_chunks

    rows = [[f"p-{i}", "Nguyễn Thị “Hoa”, tổ 1", i, None, ["a", "b"], "dòng\nhai"] for i in range(7)]
    whole = b"".join(_csv_chunks(["id", "tên", "n", "x", "list", "ghi chú"], rows, every=10**9))
    pieces = list(_csv_chunks(["id", "tên", "n", "x", "list", "ghi chú"], rows, every=2))
    assert len(pieces) == 4 and b"".join(pieces) == whole
    assert whole.startswith(b"\xef\xbb\xbfid,") and whole.count(b"\xef\xbb\xbf") == 1
