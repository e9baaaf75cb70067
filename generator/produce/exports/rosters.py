"""The roster workbook: takes a dataset and a privacy profile; gives an XLSX with a summary
sheet “Tổng hợp” (one row per commune) and one sheet per commune holding its bloc and team
members (one table, frozen header, filter), its teams and its groups.

Bytes are a function of the data alone: document properties carry the reference date, the
zip entries a fixed date, and nothing reads the clock."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from copy import copy

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from generator.core.cells import FORMULA_START
from generator.core.text import cap
from generator.model.hierarchy import has_level, level_kinds
from generator.schema.roles import LABELS
from generator.produce.exports.common import (
    NOT_PUBLIC, Places, check_profile, detail_fields, fixed_moment, latest_rating, person_detail, person_name,
    team_households,
)

SUMMARY_TITLE = "Tổng hợp"
DATE_FORMAT = "DD/MM/YYYY"
PERCENT_FORMAT = "0.0%"
MAX_TITLE = 31
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
ROLE_ORDER = {"truong_khoi": 0, "pho_truong_khoi": 1, "thanh_vien": 2, "giup_viec": 3,
              "to_truong": 0, "to_pho": 1}

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TITLE_FONT = Font(bold=True, size=12)
NOTE_FONT = Font(italic=True)
THIN = Side(style="thin", color="9BC2E6")
HEADER_BORDER = Border(bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center")
MIN_WIDTH, MAX_WIDTH = 6, 48

# Values written as text must not be mistaken for formulas by a spreadsheet.


def roster_workbook(dataset, profile: str = "public") -> bytes:
    """The XLSX roster. `profile` is "public" (names only with consent; no phone, id number,
    address, ethnicity, religion, party membership) or "internal" (everything).

    Written sheet by sheet in openpyxl's write-only mode: only one commune's rows are held
    at a time, so the memory stays small at any scale."""
    check_profile(profile)
    places = Places.of(dataset)
    wb = Workbook(write_only=True)
    styles = _Styles()
    communes = places.communes()
    titles = _sheet_titles(places, communes)
    _write_sheet(wb.create_sheet(SUMMARY_TITLE), _summary_sheet(dataset, places, communes, profile), styles)
    for commune in communes:
        _write_sheet(wb.create_sheet(titles[commune]), _commune_sheet(places, commune, profile), styles)
    moment = fixed_moment(dataset)
    props = wb.properties
    props.created = moment
    props.modified = moment
    props.creator = dataset.config.province.board if dataset.config else "so-tay-dan-van"
    props.lastModifiedBy = props.creator
    props.title = "Danh sách Khối Dân vận cơ sở, Tổ Dân vận cộng đồng"
    props.subject = "Bản nội bộ – có thông tin cá nhân" if profile == "internal" else "Bản công khai"
    props.language = "vi-VN"
    return save_workbook(wb, moment)


# ---------------------------------------------------------------------------- sheets as plain rows

HEADER, TITLE, DATA, TOTAL, NOTE = "header", "title", "data", "total", "note"


@dataclass
class _Sheet:
    """One sheet's rows as plain values, each with its kind, before anything is written."""

    freeze: str = "C2"
    filter_columns: int = 0
    filter_rows: int = 0
    wrap_columns: set[int] = field(default_factory=set)
    percent_column: int | None = None
    rows: list[tuple[str, list[Any]]] = field(default_factory=list)

    def add(self, kind: str, values: list[Any]) -> None:
        self.rows.append((kind, values))

    def gap(self) -> None:
        self.rows.append((DATA, []))


def _summary_sheet(dataset, places: Places, communes: list[str], profile: str) -> _Sheet:
    communes_label = level_kinds(dataset)
    # Under the two-level scheme the column stays (the same columns in every province's file)
    # but says why it is empty.
    district = "Huyện, thành phố" if has_level(dataset, "huyen") else "Huyện (không còn từ 01/7/2025)"
    headers = [district, cap(communes_label), "Mã xã", "Số thôn, TDP", "Số Tổ Dân vận",
               "Số thành viên Tổ", "Số nhóm", "Số hộ phụ trách", "Thành viên Khối", "Tỷ lệ phủ kín"]
    rows = []
    for commune in communes:
        villages = places.villages(commune)
        teams = [places.team_of_village[v] for v in villages if v in places.team_of_village]
        bloc = places.bloc_of_commune.get(commune)
        district = places.district_of(commune)
        rows.append([
            places.label(district) if district else None, places.label(commune), commune, len(villages), len(teams),
            sum(len(t.members) for t in teams), sum(len(t.groups) for t in teams),
            sum(team_households(t) for t in teams), len(bloc.members) if bloc else None,
            (len(teams) / len(villages)) if villages else None,
        ])
    sheet = _Sheet(freeze="C2", filter_columns=len(headers), filter_rows=max(len(rows) + 1, 1),
                   percent_column=len(headers))
    sheet.add(HEADER, headers)
    for row in rows:
        sheet.add(DATA, row)
    total_villages = sum(r[3] for r in rows)
    total_teams = sum(r[4] for r in rows)
    sheet.add(TOTAL, ["Tổng cộng", f"{len(rows)} {communes_label}", None, total_villages, total_teams,
                      sum(r[5] for r in rows), sum(r[6] for r in rows), sum(r[7] for r in rows),
                      sum(r[8] or 0 for r in rows), (total_teams / total_villages) if total_villages else None])
    sheet.gap()
    if dataset.config:
        day = dataset.config.reference_date
        sheet.add(NOTE, [f"Số liệu chốt ngày {day.day:02d}/{day.month:02d}/{day.year}; "
                         f"{dataset.config.province.board}."])
    if profile == "internal":
        sheet.add(NOTE, ["Bản nội bộ: có thông tin cá nhân, không đăng công khai, không chuyển cho người không có trách nhiệm."])
    else:
        sheet.add(NOTE, ["Bản công khai: họ tên chỉ ghi với người đã đồng ý công khai; không có thông tin cá nhân khác."])
    return sheet


def _commune_sheet(places: Places, commune: str, profile: str) -> _Sheet:
    details = detail_fields(profile)
    headers = (["Khối, thôn, TDP", "Mã Khối, Tổ", "Vai trò", "Chức vụ, chức danh", "Nhóm", "Họ và tên"]
               + [h for _, h in details] + ["Nhiệm vụ được phân công", "Tập huấn", "Ngày tập huấn", "Mã người"])
    rows: list[list[Any]] = []
    bloc = places.bloc_of_commune.get(commune)
    if bloc is not None:
        for m in sorted(bloc.members, key=lambda m: ROLE_ORDER.get(m.bloc_role.value, 2)):
            training = m.training
            rows.append(["Khối Dân vận", bloc.id, LABELS[m.bloc_role.value], LABELS[m.position.value], None,
                         _name(m, profile)] + _details(m, details, profile)
                        + [m.duties, ("Đã tập huấn" if training.trained else "Chưa tập huấn") if training else None,
                           training.date if training else None, m.id])
    villages = places.villages(commune)
    for village in villages:
        team = places.team_of_village.get(village)
        if team is None:
            continue
        groups_of: dict[str, list[str]] = {}
        for g in team.groups:
            for pid in g.members:
                groups_of.setdefault(pid, []).append(g.name)
        for m in sorted(team.members, key=lambda m: ROLE_ORDER.get(m.team_role.value, 2)):
            rows.append([places.label(village), team.id, LABELS[m.team_role.value],
                         "; ".join(LABELS[p.value] for p in m.positions) or None,
                         "; ".join(groups_of.get(m.id, [])) or None, _name(m, profile)]
                        + _details(m, details, profile) + [None, None, None, m.id])
    sheet = _Sheet(freeze="C2", filter_columns=len(headers), filter_rows=len(rows) + 1,
                   wrap_columns={headers.index("Nhiệm vụ được phân công") + 1})
    sheet.add(HEADER, headers)
    for row in rows:
        sheet.add(DATA, row)

    sheet.gap()
    sheet.add(TITLE, ["Các Tổ Dân vận cộng đồng"])
    sheet.add(HEADER, ["Thôn, TDP", "Mã Tổ", "Số quyết định", "Ngày quyết định", "Cấp ủy ban hành", "Số thành viên",
                       "Số nhóm", "Số hộ phụ trách", "Xếp loại gần nhất", "Năm xếp loại"])
    grades = {g.id: g.name for g in places.ds.config.rating_scale} if places.ds.config else {}
    for village in villages:
        team = places.team_of_village.get(village)
        if team is None:
            sheet.add(DATA, [places.label(village), None, "Chưa thành lập Tổ"])
        else:
            d = team.founding_decision
            rating = latest_rating(team)
            sheet.add(DATA, [places.label(village), team.id, d.number, d.date, d.issuer, len(team.members),
                             len(team.groups), team_households(team),
                             grades.get(rating.grade, rating.grade) if rating else None,
                             rating.year if rating else None])

    sheet.gap()
    sheet.add(TITLE, ["Các nhóm"])
    sheet.add(HEADER, ["Thôn, TDP", "Mã Tổ", "Nhóm", "Số thành viên", "Số hộ phụ trách", "Nhóm trưởng",
                       "Mã nhóm trưởng", "Địa bàn"])
    for village in villages:
        team = places.team_of_village.get(village)
        if team is None:
            continue
        by_id = {m.id: m for m in team.members}
        for g in team.groups:
            leader = by_id.get(g.leader)
            sheet.add(DATA, [places.label(village), team.id, g.name, len(g.members), g.households,
                             _name(leader, profile) if leader else None, g.leader, g.area])
    return sheet


def _name(person, profile: str) -> str:
    return person_name(person, profile) or NOT_PUBLIC


def _details(person, details: list[tuple[str, str]], profile: str) -> list[Any]:
    out = []
    for field_name, _ in details:
        value = person_detail(person, field_name, profile)
        if field_name == "gender" and value:
            value = "Nữ" if value == "nu" else "Nam"
        elif isinstance(value, bool):
            value = "Có" if value else "Không"
        out.append(value)
    return out


# ---------------------------------------------------------------------------- widths and cells


def _display_len(value: Any, percent: bool) -> int:
    if value is None:
        return 0
    if isinstance(value, (dt.date, dt.datetime)):
        return 10
    if isinstance(value, float) and percent:
        return 6
    return max((len(line) for line in str(value).split("\n")), default=0)


def _widths(sheet: _Sheet) -> tuple[dict[int, float], set[int]]:
    """Column widths from the longest value; headers count for at most 18 characters (they
    wrap), section titles and notes not at all (they overflow into the empty cells beside
    them). Columns too wide for the limit, and the declared ones, wrap their text."""
    widths: dict[int, int] = {}
    for kind, values in sheet.rows:
        if kind in (TITLE, NOTE):
            continue
        for col, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            length = _display_len(value, col == sheet.percent_column)
            if kind == HEADER:
                length = min(length, 18)
            if length > widths.get(col, 0):
                widths[col] = length
    wrapped = {col for col, length in widths.items() if col in sheet.wrap_columns or length + 2 > MAX_WIDTH}
    return {col: min(max(length + 2, MIN_WIDTH), MAX_WIDTH) for col, length in sorted(widths.items())}, wrapped


_LOOKS = {  # font, fill, border, alignment of each kind of row (data and totals: wrapped or not)
    (HEADER, False): (HEADER_FONT, HEADER_FILL, HEADER_BORDER, HEADER_ALIGN),
    (TITLE, False): (TITLE_FONT, None, None, None),
    (NOTE, False): (NOTE_FONT, None, None, None),
    (DATA, False): (None, None, None, TOP),
    (DATA, True): (None, None, None, WRAP),
    (TOTAL, False): (HEADER_FONT, None, None, TOP),
    (TOTAL, True): (HEADER_FONT, None, None, WRAP),
}


class _Styles:
    """Each look (kind of row, wrapped or not, number format) is registered with the
    workbook once; a cell then takes a copy of its style ids. Setting the style objects cell
    by cell would hash them every time; the look's key is plain strings and booleans."""

    def __init__(self) -> None:
        self.known: dict[tuple, StyleArray] = {}

    def cell(self, ws, value: Any, kind: str, percent: bool, wrapped: bool) -> WriteOnlyCell:
        if isinstance(value, dt.datetime):
            value = value.date()
        number_format = DATE_FORMAT if isinstance(value, dt.date) else (
            PERCENT_FORMAT if percent and kind in (DATA, TOTAL) and isinstance(value, float) else None)
        key = (kind, wrapped and kind in (DATA, TOTAL), number_format)
        style = self.known.get(key)
        if style is None:
            proto = WriteOnlyCell(ws)
            for name, obj in zip(("font", "fill", "border", "alignment"), _LOOKS[key[:2]]):
                if obj is not None:
                    setattr(proto, name, obj)
            if number_format:
                proto.number_format = number_format
            style = self.known[key] = proto._style
        cell = WriteOnlyCell(ws, value)
        if isinstance(value, str) and value.startswith(FORMULA_START):
            cell.data_type = "s"  # text, never a formula
        cell._style = copy(style)
        return cell


def _write_sheet(ws, sheet: _Sheet, styles: _Styles) -> None:
    widths, wrapped = _widths(sheet)
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = sheet.freeze
    ws.auto_filter.ref = f"A1:{get_column_letter(sheet.filter_columns)}{sheet.filter_rows}"
    _print_setup(ws)
    for kind, values in sheet.rows:
        if kind == DATA and _single_line(values, widths, wrapped):
            ws.append([None if value == "" else value for value in values])
        else:
            ws.append([None if value is None or value == "" else
                       styles.cell(ws, value, kind, col == sheet.percent_column, col in wrapped)
                       for col, value in enumerate(values, start=1)])
    ws.close()  # its rows go to disk now, not all sheets at the end


def _single_line(values: list[Any], widths: dict[int, float], wrapped: set[int]) -> bool:
    """A row of plain numbers and short text, none of it wrapping: it is one line high, so
    aligning it to the top would change nothing, and its cells are written without a style
    (most of the rows of a large roster, written in about half the time)."""
    for col, value in enumerate(values, start=1):
        if value is None or type(value) is int:
            continue
        if type(value) is not str or value.startswith(FORMULA_START) or "\n" in value:
            return False
        if col in wrapped and len(value) + 2 > widths[col]:
            return False
    return True


def _print_setup(ws) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


# ---------------------------------------------------------------------------- titles and bytes


def _clean_title(text: str) -> str:
    text = _BAD_TITLE.sub(" ", text)
    text = " ".join(text.split()).strip("'")
    return text[:MAX_TITLE].strip() or "Xã"


def _sheet_titles(places: Places, communes: list[str]) -> dict[str, str]:
    """Sheet title = commune name; unique (Excel compares case-insensitively), ≤ 31 characters,
    none of []:*?/\\. A repeated name gets its district, then a number."""
    used = {SUMMARY_TITLE.casefold()}
    titles = {}
    for commune in communes:
        name = places.name(commune)
        candidates = [_clean_title(name)]
        district = places.district_of(commune)
        if district:
            candidates.append(_clean_title(f"{name} ({places.name(district)})"))
        title = next((c for c in candidates if c.casefold() not in used), None)
        n = 2
        while title is None:
            suffix = f" ({n})"
            candidate = _clean_title(name)[:MAX_TITLE - len(suffix)].rstrip() + suffix
            if candidate.casefold() not in used:
                title = candidate
            n += 1
        used.add(title.casefold())
        titles[commune] = title
    return titles


def save_workbook(wb: Workbook, moment: dt.datetime) -> bytes:
    """Write through openpyxl's writer (its `save` would stamp the current time), then
    re-pack the zip with one fixed date on every entry."""
    raw = io.BytesIO()
    archive = zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()
    date_time = (max(moment.year, 1980), moment.month, moment.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename), compresslevel=6)
    return out.getvalue()
