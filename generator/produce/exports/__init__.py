"""Downloads for people who work in spreadsheets, scripts and calendars: takes a checked
`Dataset` (and a privacy profile); gives bytes, ready to be written under `site/downloads/`.

- `roster_workbook(dataset, profile)`: an XLSX roster, a summary sheet plus one sheet per commune;
- `json_api(dataset, profile)`: a static JSON API, `api/*.json`;
- `csv_exports(dataset, profile)`: flat tables, `csv/*.csv`;
- `deadlines_calendar(dataset, years)` and `activities_calendar(dataset)`: iCalendar files.

Every export is a pure function of the data: no clock is read, so a rebuild gives the same
bytes. Public exports obey the same per-field visibility as the site (`site.privacy`).
"""

from __future__ import annotations

from generator.produce.exports.api import csv_exports, iter_csv_exports, iter_json_api, json_api
from generator.produce.exports.calendar import activities_calendar, assignment_events_ics, deadlines_calendar
from generator.produce.exports.rosters import roster_workbook

__all__ = ["roster_workbook", "json_api", "csv_exports", "iter_json_api", "iter_csv_exports", "deadlines_calendar",
           "activities_calendar", "assignment_events_ics"]
