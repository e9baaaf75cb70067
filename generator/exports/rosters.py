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
from typing import Any

from copy import copy

from openpyxl import Workbook
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from ..schema.roles import LABELS
from . import (
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
THIN = Side(style="thin", color="9BC2E6")
HEADER_BORDER = Border(bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center")
MIN_WIDTH, MAX_WIDTH = 6, 48

# Values written as text must not be mistaken for formulas by a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@")


def roster_workbook(dataset, profile: str = "public") -> bytes:
    """The XLSX roster. `profile` is "public" (names only with consent; no phone, id number,
    address, ethnicity, religion, party membership) or "internal" (everything)."""
    check_profile(profile)
    places = Places.of(dataset)
    wb = Workbook()
    summary = wb.active
    summary.title = SUMMARY_TITLE
    communes = places.communes()
    titles = _sheet_titles(places, communes)
    _summary_sheet(summary, dataset, places, communes, profile)
    for commune in communes:
        ws = wb.create_sheet(titles[commune])
        _commune_sheet(ws, places, commune, profile)
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


# ---------------------------------------------------------------------------- sheets


def _summary_sheet(ws: Worksheet, dataset, places: Places, communes: list[str], profile: str) -> None:
    headers = ["Huyện, thành phố", "Xã, phường, thị trấn", "Mã xã", "Số thôn, TDP", "Số Tổ Dân vận",
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
    _header(ws, 1, headers)
    for i, row in enumerate(rows, start=2):
        _row(ws, i, row)
        if row[-1] is not None:
            ws.cell(i, len(headers)).number_format = PERCENT_FORMAT
    last = len(rows) + 1
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(last, 1)}"
    total_villages = sum(r[3] for r in rows)
    total_teams = sum(r[4] for r in rows)
    total = ["Tổng cộng", f"{len(rows)} xã, phường, thị trấn", None, total_villages, total_teams,
             sum(r[5] for r in rows), sum(r[6] for r in rows), sum(r[7] for r in rows),
             sum(r[8] or 0 for r in rows), (total_teams / total_villages) if total_villages else None]
    _row(ws, last + 1, total)
    for col in range(1, len(headers) + 1):
        ws.cell(last + 1, col).font = HEADER_FONT
    if total[-1] is not None:
        ws.cell(last + 1, len(headers)).number_format = PERCENT_FORMAT
    notes = []
    if dataset.config:
        day = dataset.config.reference_date
        notes.append(f"Số liệu chốt ngày {day.day:02d}/{day.month:02d}/{day.year}; "
                     f"{dataset.config.province.board}.")
    if profile == "internal":
        notes.append("Bản nội bộ: có thông tin cá nhân, không đăng công khai, không chuyển cho người không có trách nhiệm.")
    else:
        notes.append("Bản công khai: họ tên chỉ ghi với người đã đồng ý công khai; không có thông tin cá nhân khác.")
    for j, note in enumerate(notes):
        ws.cell(last + 3 + j, 1, note).font = Font(italic=True)
    _widths(ws, header_rows={1}, skip_rows={last + 3 + j for j in range(len(notes))})
    _print_setup(ws)


def _commune_sheet(ws: Worksheet, places: Places, commune: str, profile: str) -> None:
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
    _header(ws, 1, headers)
    for i, row in enumerate(rows, start=2):
        _row(ws, i, row)
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    wide = {headers.index("Nhiệm vụ được phân công") + 1}

    r = len(rows) + 3
    header_rows, title_rows = {1, r + 1}, {r}
    ws.cell(r, 1, "Các Tổ Dân vận cộng đồng").font = TITLE_FONT
    team_headers = ["Thôn, TDP", "Mã Tổ", "Số quyết định", "Ngày quyết định", "Cấp ủy ban hành", "Số thành viên",
                    "Số nhóm", "Số hộ phụ trách", "Xếp loại gần nhất", "Năm xếp loại"]
    _header(ws, r + 1, team_headers)
    r += 2
    grades = {g.id: g.name for g in places.ds.config.rating_scale} if places.ds.config else {}
    for village in villages:
        team = places.team_of_village.get(village)
        if team is None:
            _row(ws, r, [places.label(village), None, "Chưa thành lập Tổ"])
        else:
            d = team.founding_decision
            rating = latest_rating(team)
            _row(ws, r, [places.label(village), team.id, d.number, d.date, d.issuer, len(team.members),
                         len(team.groups), team_households(team),
                         grades.get(rating.grade, rating.grade) if rating else None, rating.year if rating else None])
        r += 1

    r += 1
    header_rows.add(r + 1)
    title_rows.add(r)
    ws.cell(r, 1, "Các nhóm").font = TITLE_FONT
    group_headers = ["Thôn, TDP", "Mã Tổ", "Nhóm", "Số thành viên", "Số hộ phụ trách", "Nhóm trưởng",
                     "Mã nhóm trưởng", "Địa bàn"]
    _header(ws, r + 1, group_headers)
    r += 2
    for village in villages:
        team = places.team_of_village.get(village)
        if team is None:
            continue
        by_id = {m.id: m for m in team.members}
        for g in team.groups:
            leader = by_id.get(g.leader)
            _row(ws, r, [places.label(village), team.id, g.name, len(g.members), g.households,
                         _name(leader, profile) if leader else None, g.leader, g.area])
            r += 1
    _widths(ws, header_rows=header_rows, title_rows=title_rows, wrap_columns=wide)
    _print_setup(ws)


def _name(person, profile: str) -> str:
    return person_name(person, profile) or NOT_PUBLIC


def _details(person, details: list[tuple[str, str]], profile: str) -> list[Any]:
    out = []
    for field, _ in details:
        value = person_detail(person, field, profile)
        if field == "gender" and value:
            value = "Nữ" if value == "nu" else "Nam"
        elif isinstance(value, bool):
            value = "Có" if value else "Không"
        out.append(value)
    return out


# ---------------------------------------------------------------------------- cells


def _header(ws: Worksheet, row: int, headers: list[str]) -> None:
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row, col, text)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = HEADER_BORDER
        cell.alignment = HEADER_ALIGN


def _row(ws: Worksheet, row: int, values: list[Any]) -> None:
    top = _top_style(ws)
    for col, value in enumerate(values, start=1):
        if value is None or value == "":
            continue
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str) and value.startswith(_FORMULA_START):
            cell = ws.cell(row, col)
            cell.value = value
            cell.data_type = "s"  # text, never a formula
        else:
            cell = ws.cell(row, col, value)
        if isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT
        # `cell.alignment = TOP` looks the style up by hashing it, cell by cell (a third of
        # the workbook's time at province scale); every cell gets a copy of the same style.
        if cell._style is None:
            cell._style = copy(top)
        else:
            cell._style.alignmentId = top.alignmentId


def _top_style(ws: Worksheet) -> StyleArray:
    style = StyleArray()
    style.alignmentId = ws.parent._alignments.add(TOP)
    return style


def _display_len(cell) -> int:
    value = cell.value
    if value is None:
        return 0
    if isinstance(value, (dt.date, dt.datetime)):
        return 10
    if isinstance(value, float) and cell.number_format == PERCENT_FORMAT:
        return 6
    return max((len(line) for line in str(value).split("\n")), default=0)


def _widths(ws: Worksheet, header_rows: set[int], title_rows: set[int] = frozenset(),
            wrap_columns: set[int] = frozenset(), skip_rows: set[int] = frozenset()) -> None:
    """Column widths from the longest value; headers count for at most 18 characters (they
    wrap), section titles not at all (they overflow into the empty cells beside them)."""
    widths: dict[int, int] = {}
    cells = list(ws._cells.values())  # the cells written; iter_rows would make the empty ones too
    for cell in cells:
        if cell.value is None or cell.row in skip_rows or cell.row in title_rows:
            continue
        length = _display_len(cell)
        if cell.row in header_rows:
            length = min(length, 18)
        widths[cell.column] = max(widths.get(cell.column, 0), length)
    wrapped = set()
    for col, length in sorted(widths.items()):
        ws.column_dimensions[get_column_letter(col)].width = min(max(length + 2, MIN_WIDTH), MAX_WIDTH)
        if col in wrap_columns or length + 2 > MAX_WIDTH:
            wrapped.add(col)
    unwrapped_rows = header_rows | title_rows | set(skip_rows)
    for cell in cells:
        if cell.column in wrapped and cell.value is not None and cell.row not in unwrapped_rows:
            cell.alignment = WRAP


def _print_setup(ws: Worksheet) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
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
