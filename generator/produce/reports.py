"""Periodic reports: takes the checked dataset, its report and a period (6-month or yearly, of
a year), gives the report's figures per district and commune, as a print job (PDF after
Vietnamese Party document conventions) and as an XLSX workbook.

The period runs from 1 January to the teams' reporting deadline of that period in the
configuration (before 15/6 for the 6-month report, before 20/11 for the yearly one; Đề án Tổ
DVCĐ Bắc Giang, Phần thứ ba, điểm 2), and never past the data's reference date."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from generator.model.dataset import Dataset
from generator.produce.exports.rosters import save_workbook
from generator.core.findings import Report, Severity
from generator.model.hierarchy import commune_of, level_kinds, level_name, unit_label
from generator.produce.printing.documents import PrintJob, base_css, template_environment
from generator.produce.printing.headings import finish_headings
from generator.produce.printing.wordglue import project_glue
from generator.core.text import cap, collation_key, number_vi, percent_vi

PERIODS = {"6-thang": ("6_thang", "6 tháng đầu năm"), "nam": ("nam", "năm")}


@dataclass
class Row:
    unit: str
    communes: int = 0
    villages: int = 0
    teams: int = 0
    members: int = 0
    groups: int = 0
    households: int = 0
    grades: Counter = field(default_factory=Counter)
    blocs: int = 0
    bloc_members: int = 0
    blocs_with_rules: int = 0
    trained: int = 0
    dialogues: int = 0
    briefings: int = 0
    assigned_units: set = field(default_factory=set)
    activities: int = 0
    participants: int = 0
    warnings: int = 0

    @property
    def coverage(self) -> str:
        return percent_vi(self.teams / self.villages) if self.villages else "–"

    @property
    def trained_share(self) -> str:
        return percent_vi(self.trained / self.bloc_members) if self.bloc_members else "–"


@dataclass
class PeriodicReport:
    period: str
    year: int
    start: dt.date
    end: dt.date
    title: str
    districts: list[Row]
    communes: list[Row]
    total: Row
    grade_names: list[tuple[str, str]]
    findings: list[tuple[str, int, str]]  # code, count, title
    assignments_short: list[tuple[str, str]]  # party org, months without a weekend activity
    commune_kinds: str = "xã, phường, thị trấn"  # the commune level's kinds in the active scheme


def _period_bounds(ds: Dataset, period: str, year: int) -> tuple[dt.date, dt.date]:
    frequency = PERIODS[period][0]
    deadline = next((d for d in ds.config.deadlines if d.applies_to == "to_dan_van" and d.frequency == frequency), None)
    end = dt.date(year, deadline.month or 12, deadline.day) if deadline else dt.date(year, 12, 31)
    return dt.date(year, 1, 1), min(end, ds.config.reference_date)


def _district_of(ds: Dataset, commune: str) -> str:
    parent = ds.units[commune].obj.parent if commune in ds.units else None
    if parent and level_name(ds, parent) == "huyen":
        return parent
    return commune  # the two-level scheme: communes report directly


def compute(ds: Dataset, report: Report, period: str, year: int) -> PeriodicReport:
    start, end = _period_bounds(ds, period, year)
    communes = sorted((uid for uid in ds.units if level_name(ds, uid) == "xa" and ds.units[uid].obj.became is None),
                      key=lambda u: collation_key(ds.units[u].obj.name))  # a unit that became another is history
    rows = {c: Row(cap(unit_label(ds.units[c].obj)), communes=1) for c in communes}
    for uid in ds.units:
        if level_name(ds, uid) == "thon":
            commune = commune_of(ds, uid)
            if commune in rows:
                rows[commune].villages += 1
    for at in ds.teams.values():
        team = at.obj
        commune = commune_of(ds, team.village)
        if commune not in rows or team.founding_decision.date > end:
            continue
        row = rows[commune]
        row.teams += 1
        row.members += len(team.members)
        row.groups += len(team.groups)
        row.households += sum(g.households for g in team.groups)
        if period == "nam":
            rating = next((r for r in team.ratings if r.year == year), None)
            row.grades[rating.grade if rating else "chua"] += 1
    for at in ds.blocs.values():
        bloc = at.obj
        if bloc.commune not in rows:
            continue
        row = rows[bloc.commune]
        row.blocs += 1
        row.bloc_members += len(bloc.members)
        row.blocs_with_rules += 1 if bloc.rules and bloc.rules.adopted <= end else 0
        row.trained += sum(1 for m in bloc.members if m.training and m.training.trained)
        row.dialogues += sum(1 for d in bloc.dialogues if start <= d.date <= end)
        row.briefings += sum(1 for b in bloc.briefings if start <= b.date <= end)
    for at in ds.assignments.values():
        a = at.obj
        for commune in a.communes:
            if commune in rows:
                rows[commune].assigned_units.add(a.id)
        for act in a.activities:
            if act.commune in rows and start <= act.date <= end:
                rows[act.commune].activities += 1
                rows[act.commune].participants += act.participants
    file_commune = {at.file.path: commune_of(ds, at.obj.village) for at in ds.teams.values()}
    file_commune |= {at.file.path: at.obj.commune for at in ds.blocs.values()}
    for f in report.findings:
        commune = file_commune.get(f.file)
        if f.severity is Severity.WARNING and commune in rows:
            rows[commune].warnings += 1
    districts: dict[str, Row] = {}
    for commune, row in rows.items():
        district = _district_of(ds, commune)
        target = districts.setdefault(district, Row(cap(unit_label(ds.units[district].obj)), communes=0))
        _add(target, row)
    total = Row("Toàn tỉnh", communes=0)
    for row in districts.values():
        _add(total, row)
    grade_names = [(g.id, _short_grade(g.name)) for g in ds.config.rating_scale] + [("chua", "Chưa xếp loại")]
    from generator.checks.rules import load_all_rules

    titles = {code: rule.title for code, rule in load_all_rules().items()}
    counts = Counter(f.code for f in report.findings if f.severity is Severity.WARNING)
    findings = [(code, n, titles.get(code, code)) for code, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]
    short = [(f.file.rsplit("/", 1)[-1].removesuffix(".yml"), f.message) for f in report.findings if f.code == "ASSIGN-MONTHLY"]
    _, label = PERIODS[period]
    title = f"Kết quả hoạt động của Tổ Dân vận cộng đồng, Khối Dân vận cơ sở và việc cán bộ tham gia hoạt động với Nhân dân tại cơ sở {label} {year}"
    ordered = sorted(districts.values(), key=lambda r: collation_key(r.unit))
    kinds = level_kinds(ds)
    return PeriodicReport(period, year, start, end, title, ordered, [rows[c] for c in communes], total, grade_names, findings, short,
                          kinds)


def _short_grade(name: str) -> str:
    """“Hoàn thành xuất sắc nhiệm vụ” → “Xuất sắc”: short enough for a table header."""
    short = name.removesuffix(" nhiệm vụ")
    if short.startswith("Hoàn thành ") and short != "Hoàn thành":
        short = short.removeprefix("Hoàn thành ")
    return cap(short)


def _add(target: Row, row: Row) -> None:
    for name in ("communes", "villages", "teams", "members", "groups", "households", "blocs", "bloc_members",
                 "blocs_with_rules", "trained", "dialogues", "briefings", "activities", "participants", "warnings"):
        setattr(target, name, getattr(target, name) + getattr(row, name))
    target.grades.update(row.grades)
    target.assigned_units |= row.assigned_units


def report_job(ds: Dataset, data: PeriodicReport) -> PrintJob:
    env = template_environment()
    env.filters["n"] = number_vi
    settings = ds.config.report
    ref = ds.config.reference_date
    html = env.get_template("report.html.j2").render(
        r=data, s=settings, place=settings.place or ds.config.province.name, day=ref.day, month=ref.month, year=ref.year,
        meta={"title": f"Báo cáo {data.title[:1].lower()}{data.title[1:]}", "author": f"{settings.issuer} – {settings.superior}", "subject": data.title,
              "keywords": "báo cáo, dân vận", "date": ref.isoformat()},
        paper_class="a4", body_class="report")
    html = finish_headings(html, project_glue(ds))  # headings never break inside a word
    css = base_css() + ("\n.report h1 { text-transform: none; font-size: 14pt; string-set: none; }"
                        " .report table { font-size: 10.5pt; } .report td.n { text-align: right; }"
                        # the unit's name on one or two lines, not one word a line beside twelve numbers
                        " .report tbody td:first-child { min-width: 27mm; }"
                        " @page { @bottom-center { content: none; } }")
    return PrintJob(f"bao-cao-{data.period}-{data.year}", f"Báo cáo {data.title[:1].lower()}{data.title[1:]}", html, css,
                    "bao-cao", "report")


def report_workbook(ds: Dataset, data: PeriodicReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from generator.core.cells import append_row

    wb = Workbook()
    created = dt.datetime.combine(ds.config.reference_date, dt.time())
    wb.properties.created = created
    wb.properties.modified = created
    wb.properties.creator = ds.config.report.issuer
    wb.properties.title = data.title
    sheets = [
        ("Tổ Dân vận", ["Đơn vị", "Số xã", "Số thôn, TDP", "Số Tổ", "Tỷ lệ phủ kín", "Thành viên", "Nhóm", "Hộ"]
         + ([name for _, name in data.grade_names] if data.period == "nam" else []),
         lambda r: [r.unit, r.communes, r.villages, r.teams, (r.teams / r.villages) if r.villages else None, r.members, r.groups,
                    r.households] + ([r.grades.get(g, 0) for g, _ in data.grade_names] if data.period == "nam" else [])),
        ("Khối Dân vận", ["Đơn vị", "Số Khối", "Thành viên", "Có quy chế", "Đã tập huấn", "Đối thoại trong kỳ", "Giao ban trong kỳ"],
         lambda r: [r.unit, r.blocs, r.bloc_members, r.blocs_with_rules, r.trained, r.dialogues, r.briefings]),
        ("Phụ trách xã", ["Đơn vị", "Cơ quan phụ trách", "Lượt hoạt động trong kỳ", "Lượt người tham gia", "Cảnh báo dữ liệu"],
         lambda r: [r.unit, len(r.assigned_units), r.activities, r.participants, r.warnings]),
    ]
    wb.remove(wb.active)
    for title, headers, values in sheets:
        for scope, rows in (("theo huyện", data.districts + [data.total]), ("theo xã", data.communes)):
            ws = wb.create_sheet(f"{title} {scope}"[:31])
            ws.append(headers)
            for cell in ws[1]:
                cell.font = Font(bold=True)
            for row in rows:
                append_row(ws, values(row))
            ws.freeze_panes = "B2"
            ws.column_dimensions["A"].width = 32
            for column in "BCDEFGHIJKLM":
                ws.column_dimensions[column].width = 14
            for cells in ws.iter_rows(min_row=2):
                for cell in cells:
                    if headers[cell.column - 1] == "Tỷ lệ phủ kín" and cell.value is not None:
                        cell.number_format = "0.0%"
    ws = wb.create_sheet("Điểm cần khắc phục")
    ws.append(["Mã", "Số cảnh báo", "Nội dung"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for code, n, title in data.findings:
        append_row(ws, [code, n, title])
    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["C"].width = 70
    return save_workbook(wb, created)


def periods_due(ds: Dataset) -> list[tuple[str, int]]:
    """The latest 6-month and yearly reports whose deadline the reference date has reached."""
    ref = ds.config.reference_date
    due = []
    for period, (frequency, _) in PERIODS.items():
        deadline = next((d for d in ds.config.deadlines if d.applies_to == "to_dan_van" and d.frequency == frequency), None)
        month, day = (deadline.month or 12, deadline.day) if deadline else (12, 31)
        due.append((period, ref.year if ref >= dt.date(ref.year, month, day) else ref.year - 1))
    return due
