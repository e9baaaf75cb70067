"""Rules for agencies assigned to communes (HD 02-HD/BDVTU Tuyên Quang)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from typing import Iterator

from generator.core.dates import format_vn_date
from generator.core.findings import Finding, Severity
from generator.core.text import cap, percent_vi
from generator.model.hierarchy import ancestor_at, is_commune, unit_label
from generator.schema.roles import AgencyLevel, ReportKind
from generator.checks.rules.registry import RuleContext, rule

DOC = "hd-02-bdvtu-tuyen-quang-2021"
WEEKDAYS_VI = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]


def _active(ctx: RuleContext):
    return [at for at in ctx.ds.assignments.values() if at.obj.exemption is None]


@rule("ASSIGN-COMMUNE-COVERED", "Mọi xã đều có cơ quan, đơn vị phụ trách", Severity.WARNING,
      "HD 02-HD/BDVTU Tuyên Quang, mục I.2", DOC, "I.2")
def commune_covered(ctx: RuleContext) -> Iterator[Finding]:
    covered = {c for at in ctx.ds.assignments.values() for c in at.obj.communes}
    for uid, at in ctx.ds.units.items():
        if is_commune(ctx.ds, uid) and uid not in covered and at.obj.became is None:
            yield ctx.finding(at, ("id",), f"{cap(unit_label(at.obj))} chưa có chi bộ, đảng bộ cơ quan nào được phân công phụ trách.",
                              hint=f"Thêm mã “{uid}” vào communes của tệp phân công (data/assignments/) của cơ quan được giao phụ trách.")


@rule("ASSIGN-UNIT-COVERS", "Mỗi chi bộ, đảng bộ cơ quan phụ trách ít nhất một xã", Severity.WARNING,
      "HD 02-HD/BDVTU Tuyên Quang, mục I.2", DOC, "I.2")
def unit_covers(ctx: RuleContext) -> Iterator[Finding]:
    for at in _active(ctx):
        if not at.obj.communes:
            yield ctx.finding(at, ("communes",) if at.obj.model_fields_set & {"communes"} else ("id",),
                              f"“{at.obj.agency.party_org}” chưa được phân công phụ trách xã nào.",
                              hint="Thêm ít nhất một mã xã vào communes; đơn vị trực sẵn sàng chiến đấu thì ghi exemption: truc_san_sang_chien_dau.")


@rule("ASSIGN-CONCENTRATION-COMMUNE", "Tránh nhiều đơn vị cấp tỉnh cùng phụ trách một xã", Severity.WARNING,
      "HD 02-HD/BDVTU Tuyên Quang, mục V.3", DOC, "V.3")
def concentration_commune(ctx: RuleContext) -> Iterator[Finding]:
    limit = ctx.t.max_provincial_units_per_commune
    per_commune: dict[str, list] = defaultdict(list)
    for at in sorted(_active(ctx), key=lambda a: a.obj.id):
        if at.obj.agency.level is AgencyLevel.tinh:
            for i, commune in enumerate(at.obj.communes):
                per_commune[commune].append((at, i))
    for commune, entries in sorted(per_commune.items()):
        if len(entries) > limit:
            at, i = entries[-1]
            names = ", ".join(e[0].obj.agency.name for e in entries)
            label = unit_label(ctx.ds.units[commune].obj) if commune in ctx.ds.units else commune
            yield ctx.finding(at, ("communes", i),
                              f"{cap(label)} có {len(entries)} đơn vị cấp tỉnh cùng phụ trách ({names}); nên không quá {limit}.",
                              hint="Chuyển bớt đơn vị sang xã khác còn ít đơn vị phụ trách.")


@rule("ASSIGN-CONCENTRATION-DISTRICT", "Tránh dồn đơn vị cấp tỉnh vào một huyện", Severity.WARNING,
      "HD 02-HD/BDVTU Tuyên Quang, mục V.3", DOC, "V.3", district_duty="assignment_spread")
def concentration_district(ctx: RuleContext) -> Iterator[Finding]:
    """By district; under a scheme without districts, at the level config.district_duties names, or not at all."""
    level = ctx.config.district_duty_level("assignment_spread")
    if level is None:
        return
    links: dict[str, set] = defaultdict(set)
    provincial = [at for at in _active(ctx) if at.obj.agency.level is AgencyLevel.tinh]
    for at in provincial:
        for commune in at.obj.communes:
            area = ancestor_at(ctx.ds, commune, level)
            if area:
                links[area].add(at.obj.id)
    total = len(provincial)
    if total < 4:
        return  # too few units for a share to mean anything
    for area, ids in sorted(links.items()):
        share = len(ids) / total
        if share > ctx.t.max_district_share:
            unit = ctx.ds.units[area]
            where = unit_label(unit.obj) if level == "xa" else f"xã thuộc {unit_label(unit.obj)}"
            elsewhere = "xã của huyện khác" if level == "huyen" else "xã ở địa bàn khác"
            yield ctx.finding(unit, ("id",),
                              f"{len(ids)}/{total} đơn vị cấp tỉnh ({percent_vi(share)}) phụ trách {where}; "
                              f"nên không quá {percent_vi(ctx.t.max_district_share)}.",
                              hint=f"Phân công bớt đơn vị sang {elsewhere}, hoặc đổi ngưỡng max_district_share trong data/config.yml nếu tỉnh quy định khác.")


@rule("ASSIGN-WEEKEND-DAY", "Hoạt động tại cơ sở vào thứ Bảy, Chủ nhật", Severity.WARNING,
      "HD 02-HD/BDVTU Tuyên Quang, mục II.3", DOC, "II.3")
def weekend_day(ctx: RuleContext) -> Iterator[Finding]:
    for at in _active(ctx):
        for i, activity in enumerate(at.obj.activities):
            if activity.date.weekday() < 5:
                yield ctx.finding(at, ("activities", i, "date"),
                                  f"Hoạt động ngày {format_vn_date(activity.date)} rơi vào {WEEKDAYS_VI[activity.date.weekday()]}; "
                                  "cán bộ tham gia hoạt động tại cơ sở vào thứ Bảy, Chủ nhật.",
                                  hint="Kiểm tra lại ngày; nếu đúng là ngày thường, ghi lý do trong nội dung.")


def _months(start: dt.date, end_exclusive: dt.date) -> list[tuple[int, int]]:
    months = []
    y, m = start.year, start.month
    while (y, m) < (end_exclusive.year, end_exclusive.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


@rule("ASSIGN-MONTHLY", "Ít nhất một ngày thứ Bảy hoặc Chủ nhật mỗi tháng", Severity.WARNING,
      "HD 02-HD/BDVTU Tuyên Quang, mục II.3", DOC, "II.3")
def monthly(ctx: RuleContext) -> Iterator[Finding]:
    ref = ctx.config.reference_date
    need = ctx.t.weekend_days_per_month
    for at in _active(ctx):
        if not at.obj.communes:
            continue
        start = max(at.obj.since or ctx.t.activities_from, ctx.t.activities_from)
        days: dict[tuple[int, int], set] = defaultdict(set)
        for activity in at.obj.activities:
            if activity.date.weekday() >= 5:
                days[(activity.date.year, activity.date.month)].add(activity.date)
        short = [f"{m:02d}/{y}" for y, m in _months(start, ref) if len(days[(y, m)]) < need]
        if short:
            shown = ", ".join(short[:6]) + (f" và {len(short) - 6} tháng khác" if len(short) > 6 else "")
            yield ctx.finding(at, ("activities",) if at.obj.activities else ("id",),
                              f"“{at.obj.agency.party_org}” chưa ghi hoạt động cuối tuần nào trong tháng {shown}.",
                              hint="Mỗi tháng ít nhất một ngày thứ Bảy hoặc Chủ nhật tham gia hoạt động cùng Nhân dân.")


def _due(ctx: RuleContext, kind: ReportKind, year: int, number: int | None) -> dt.date | None:
    frequency = {"thang": "thang", "quy": "quy", "6_thang": "6_thang", "nam": "nam"}[kind.value]
    for deadline in ctx.config.deadlines:
        if deadline.applies_to != "phan_cong" or deadline.frequency != frequency:
            continue
        if frequency == "thang":
            month = number or 1
        elif frequency == "quy":
            month = (number or 1) * 3
        else:
            month = deadline.month or 12
        day = min(deadline.day, calendar.monthrange(year, month)[1])
        return dt.date(year, month, day)
    return None


@rule("ASSIGN-REPORT-LATE", "Báo cáo gửi đúng hạn", Severity.WARNING,
      "HD 02-HD/BDVTU Tuyên Quang, mục IV.2", DOC, "IV.2", uses_deadlines=True)
def report_late(ctx: RuleContext) -> Iterator[Finding]:
    for at in ctx.ds.assignments.values():
        for i, report in enumerate(at.obj.reports):
            due = _due(ctx, report.kind, report.year, report.number)
            if due and report.filed > due:
                yield ctx.finding(at, ("reports", i, "filed"),
                                  f"{_report_name(report)} gửi ngày {format_vn_date(report.filed)}, quá hạn {format_vn_date(due)}.",
                                  hint="Nếu ngày gửi ghi nhầm, sửa filed theo ngày trên công văn; nếu gửi muộn thật, nhắc cơ quan gửi đúng hạn kỳ sau.")


@rule("ASSIGN-REPORT-MISSING", "Đủ các kỳ báo cáo đã đến hạn", Severity.WARNING,
      "HD 02-HD/BDVTU Tuyên Quang, mục IV.2", DOC, "IV.2", uses_deadlines=True)
def report_missing(ctx: RuleContext) -> Iterator[Finding]:
    ref = ctx.config.reference_date
    for at in _active(ctx):
        if not at.obj.communes or at.obj.since is None:
            continue
        filed = {(r.kind, r.year, r.number if r.kind in (ReportKind.thang, ReportKind.quy) else None) for r in at.obj.reports}
        missing = []
        for year in range(at.obj.since.year, ref.year + 1):
            periods = [(ReportKind.thang, m) for m in range(1, 13)] + [(ReportKind.quy, q) for q in range(1, 5)]
            periods += [(ReportKind.sau_thang, None), (ReportKind.nam, None)]
            for kind, number in periods:
                due = _due(ctx, kind, year, number)
                if due is None or due >= ref:
                    continue
                start = dt.date(year, number if kind is ReportKind.thang else (3 * number - 2 if kind is ReportKind.quy else 1), 1)
                if start < dt.date(at.obj.since.year, at.obj.since.month, 1):
                    continue
                if (kind, year, number) not in filed:
                    missing.append(_report_name_of(kind, year, number))
        if missing:
            shown = ", ".join(missing[:5]) + (f" và {len(missing) - 5} kỳ khác" if len(missing) > 5 else "")
            yield ctx.finding(at, ("reports",) if at.obj.reports else ("id",), f"Chưa ghi nhận: {shown}.",
                              hint="Thêm vào reports một mục {kind, year, number, filed} cho mỗi kỳ đã gửi; kỳ chưa gửi thì đôn đốc cơ quan gửi.")


def _report_name_of(kind: ReportKind, year: int, number: int | None) -> str:
    if kind is ReportKind.thang:
        return f"báo cáo tháng {number:02d}/{year}"
    if kind is ReportKind.quy:
        return f"báo cáo quý {number}/{year}"
    if kind is ReportKind.sau_thang:
        return f"báo cáo 6 tháng năm {year}"
    return f"báo cáo năm {year}"


def _report_name(report) -> str:
    name = _report_name_of(report.kind, report.year, report.number)
    return name[:1].upper() + name[1:]

