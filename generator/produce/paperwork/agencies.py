"""An assigned agency's paperwork: takes the dataset and an assignment, gives its yearly plan of
weekend activities in the communes it is assigned (one weekend day a month; HD 02-HD/BDVTU
Tuyên Quang) and the report form for the period now due, with the activities of that period
printed in and lines left for the assessment."""

from __future__ import annotations

import datetime as dt

from generator.model.dataset import Dataset
from generator.model.hierarchy import unit_label
from generator.produce.docx.document import Header, Heading, Lines, OfficialDoc, Para, Signature, Table, date_line
from generator.produce.paperwork.common import AGENCY_BASES, cite, upper

PERIOD_ORDER = {"nam": 0, "6_thang": 1, "quy": 2, "thang": 3}


def _label(ds: Dataset, unit_id: str | None) -> str:
    unit = ds.units.get(unit_id) if unit_id else None
    return unit_label(unit.obj) if unit else (unit_id or "")


def _first_saturday(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 1)
    return day + dt.timedelta(days=(5 - day.weekday()) % 7)


def _header(ds: Dataset, a, code: str, day: dt.date | None) -> Header:
    agency = a.agency
    superior = upper(agency.reports_to) if agency.reports_to else upper(agency.name)
    place = ds.config.report.place or ds.config.province.name
    return Header(superior, upper(agency.party_org), f"Số: ……-{code}",
                  date_line(place, day.day, day.month, day.year) if day else date_line(place))


def yearly_plan(ds: Dataset, a, year: int) -> OfficialDoc:
    done = {}
    for act in sorted(a.activities, key=lambda x: x.date):
        if act.date.year == year:
            done.setdefault(act.date.month, act)
    communes = a.communes or [None]
    rows = []
    for month in range(1, 13):
        act = done.get(month)
        if act:
            rows.append([f"{month:02d}/{year}", act.date.strftime("%d/%m/%Y"), f"{_label(ds, act.village)} {_label(ds, act.commune)}".strip(),
                         act.content.strip().splitlines()[0], str(act.participants)])
        else:
            rows.append([f"{month:02d}/{year}", _first_saturday(year, month).strftime("%d/%m/%Y"),
                         _label(ds, communes[(month - 1) % len(communes)]), "", ""])
    where = ", ".join(_label(ds, c) for c in a.communes) or "(đơn vị được miễn phân công)"
    bases = [c for c in (cite(ds, d) for d in AGENCY_BASES) if c]
    body = [Heading("I. Mục đích, yêu cầu"),
            Para.of(f"{a.agency.party_org} tổ chức cho cán bộ, đảng viên cùng làm việc với Nhân dân ở {where} ít nhất một ngày "
                    "thứ Bảy hoặc Chủ nhật mỗi tháng; việc làm do cơ quan và xã cùng chọn, thiết thực với người dân, không "
                    "làm thay việc của chính quyền xã." + (f" Căn cứ {bases[0]}." if bases else "")),
            Heading("II. Lịch hoạt động trong năm"),
            Table(["Tháng", "Ngày (thứ Bảy, Chủ nhật)", "Địa bàn", "Nội dung", "Số người"], rows, [18, 27, 40, 62, 18],
                  numeric={4}, size=11),
            Para.of("Ngày đã ghi trong dữ liệu là ngày đã làm; tháng chưa có hoạt động ghi ngày thứ Bảy đầu tháng để cơ quan "
                    "và xã thống nhất lại.", italic=True),
            Heading("III. Tổ chức thực hiện"),
            Para.of("Mỗi lần thực hiện theo bốn bước: thống nhất với xã việc cần làm; phân công người và chuẩn bị; tổ chức làm "
                    "cùng Nhân dân; báo cáo kết quả. Báo cáo tháng gửi trước ngày 25, báo cáo 6 tháng trước ngày 15/6, "
                    "báo cáo năm trước ngày 15/12.")]
    return OfficialDoc(_header(ds, a, "KH/CB", None), "KẾ HOẠCH",
                       f"tham gia hoạt động với Nhân dân tại cơ sở vào ngày nghỉ cuối tuần năm {year}", body,
                       Signature("T/M CHI ỦY", "BÍ THƯ"),
                       [a.agency.reports_to or "Cấp ủy cấp trên", "Đảng ủy các xã phụ trách", "Lưu"])


def period_due(ds: Dataset) -> tuple[str, dt.date, dt.date, str]:
    """The agencies' report whose deadline comes first on or after the reference date (the
    longer period first on the same day): kind, start and end of its period, and its label."""
    ref = ds.config.reference_date
    options = []
    for d in ds.config.deadlines:
        if d.applies_to != "phan_cong":
            continue
        months = {"thang": range(1, 13), "quy": (3, 6, 9, 12)}.get(d.frequency, (d.month or 12,))
        for year in (ref.year, ref.year + 1):
            for month in months:
                due = dt.date(year, month, min(d.day, 28))
                if due >= ref:
                    options.append((due, PERIOD_ORDER[d.frequency], d.frequency, year, month))
    if not options:
        return "nam", dt.date(ref.year, 1, 1), dt.date(ref.year, 12, 31), f"năm {ref.year}"
    due, _, kind, year, month = min(options)
    last_day = (dt.date(year, month, 1) + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    if kind == "thang":
        return kind, dt.date(year, month, 1), last_day, f"tháng {month:02d}/{year}"
    if kind == "quy":
        return kind, dt.date(year, month - 2, 1), last_day, f"quý {month // 3}/{year}"
    label = f"6 tháng đầu năm {year}" if kind == "6_thang" else f"năm {year}"
    return kind, dt.date(year, 1, 1), due, label


def report_form(ds: Dataset, a) -> OfficialDoc:
    _, start, end, label = period_due(ds)
    acts = sorted((x for x in a.activities if start <= x.date <= end), key=lambda x: x.date)
    rows = [[str(i), x.date.strftime("%d/%m/%Y"), f"{_label(ds, x.village)} {_label(ds, x.commune)}".strip(),
             x.content.strip().splitlines()[0], str(x.participants)] for i, x in enumerate(acts, 1)]
    total = sum(x.participants for x in acts)
    body = [Para.of(f"Kỳ báo cáo từ ngày {start.strftime('%d/%m/%Y')} đến ngày {end.strftime('%d/%m/%Y')}.", indent=False),
            Heading("I. Các hoạt động đã tham gia"),
            Table(["STT", "Ngày", "Địa bàn", "Nội dung", "Số người"], rows or [["", "", "", "Chưa ghi hoạt động nào", ""]],
                  [12, 24, 40, 71, 18], numeric={0, 4}, size=11),
            Para.of(f"Tổng cộng {len(acts)} lượt hoạt động với {total} lượt cán bộ, đảng viên tham gia.", indent=False),
            Heading("II. Đánh giá chung"), Lines(4),
            Heading("III. Khó khăn, vướng mắc"), Lines(3),
            Heading("IV. Đề xuất, kiến nghị"), Lines(3)]
    return OfficialDoc(_header(ds, a, "BC/CB", None), "BÁO CÁO",
                       f"kết quả tham gia hoạt động với Nhân dân tại cơ sở {label}", body,
                       Signature("T/M CHI ỦY", "BÍ THƯ"),
                       [a.agency.reports_to or "Cấp ủy cấp trên", "Lưu"])
