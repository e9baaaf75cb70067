"""Change summaries for reviewers: takes a project root inside a git repository and a
revision, gives Markdown in Vietnamese (ready to post as a pull-request comment) that says in
human terms what the data and content changed since that revision, and which findings the
change introduces or resolves.

Both sides are loaded and checked with `check_project`: the revision from a `git archive` of
its data/ and content/ in a temporary folder, the other side from the working tree (or from a
second revision). Records are compared by id, people by their person id; people are named
only where `consent_to_publish` is true, otherwise by their role.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Sequence

from generator.core.dates import format_vn_date
from generator.core.errors import DiffError
from generator.core.findings import Report
from generator.core.text import cap
from generator.editors.diff.deltas import Delta, changed_fields, list_delta, plain, plain_map, record_delta, records
from generator.editors.diff.findings import finding_changes
from generator.editors.diff.git import checkout, git_location
from generator.editors.diff.people import member_sentences
from generator.editors.diff.render import render
from generator.editors.diff.sides import Side, load_side
from generator.editors.diff.words import (
    agency, bloc_label, code_label, communes, join, lower, months, quote, team_label, title, titles, unit_place,
)
from generator.model.dataset import Dataset
from generator.model.hierarchy import unit_label

_RULE_LEVEL = {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú", "off": "tắt", None: "mặc định"}
_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".tif", ".tiff"}


# --------------------------------------------------------------------------- entry points


def diff_summary(root: Path, rev: str, new_rev: str | None = None) -> str:
    """Markdown summary of what changed from revision `rev` to the working tree of `root`
    (or to revision `new_rev` when given)."""
    return _summarize(Path(root), rev, new_rev)[0]


def main_diff(root: Path, rev: str, new_rev: str | None = None) -> int:
    """Print the summary. Exit code: 0, or 1 when the newer side has errors, 2 when the
    comparison cannot be made (the message goes to stderr)."""
    try:
        text, report = _summarize(Path(root), rev, new_rev)
    except DiffError as exc:
        print(f"Không so sánh được: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(text)
    sys.stdout.flush()
    return 1 if report.errors else 0


def _summarize(root: Path, rev: str, new_rev: str | None) -> tuple[str, Report]:
    root = root.resolve()
    top, prefix = git_location(root)
    with tempfile.TemporaryDirectory(prefix="handbook-diff-") as tmp:
        old = load_side(checkout(top, prefix, rev, Path(tmp) / "old"))
        if new_rev is None:
            new = load_side(root)
        else:
            new = load_side(checkout(top, prefix, new_rev, Path(tmp) / "new"))
        sentences = compare(old, new)
    return render(sentences, old.report, new.report), new.report


# --------------------------------------------------------------------------- comparing


def compare(old: Side, new: Side) -> list[str]:
    """Every change as a sentence, in a fixed order: configuration, units, documents, teams,
    blocs, assignments, models, then the content, then other files."""
    out: list[str] = []
    a, b = old.dataset, new.dataset
    _config(out, a, b)
    _collection(out, a, b, "unit", _units)
    _collection(out, a, b, "document", _documents)
    _collection(out, a, b, "team", _teams)
    _collection(out, a, b, "bloc", _blocs)
    _collection(out, a, b, "assignment", _assignments)
    _collection(out, a, b, "model", _models)
    _collection(out, a, b, "topic", _topics)
    _collection(out, a, b, "qa", _qa)
    _collection(out, a, b, "module", _modules)
    _publications(out, a, b)
    _glossary(out, a, b)
    _asset_changes(out, old.assets, new.assets)
    return out


_KIND_NAMES = {
    "unit": "đơn vị hành chính", "document": "sổ văn bản", "team": "Tổ Dân vận cộng đồng", "bloc": "Khối Dân vận",
    "assignment": "phân công", "model": "mô hình", "topic": "chủ đề", "qa": "câu hỏi – đáp", "module": "chuyên đề",
}


_MANY_KINDS = {"unit", "document", "topic"}  # kinds whose records share one file


def _collection(out: list[str], a: Dataset, b: Dataset, kind: str, handler: Callable) -> None:
    if kind in b.unreadable_kinds or kind in a.unreadable_kinds:
        if plain_map(records(a, kind)) != plain_map(records(b, kind)):
            which = "bản mới" if kind in b.unreadable_kinds else "bản trước"
            out.append(f"Chưa so sánh được {_KIND_NAMES[kind]}: tệp ở {which} có lỗi nên không đọc được (xem phần kết quả kiểm tra).")
        return
    delta = record_delta(a, b, kind)
    if kind in _MANY_KINDS and (delta.unreadable_new or delta.unreadable_old):
        which = "bản mới" if delta.unreadable_new else "bản trước"
        out.append(f"Chưa so sánh được {_KIND_NAMES[kind]}: tệp ở {which} có lỗi nên không đọc được (xem phần kết quả kiểm tra).")
        return
    handler(out, a, b, delta)


# --------------------------------------------------------------------------- sentences inside a record


def _list_sentences(out: list[str], old: Sequence[Any], new: Sequence[Any], key: Callable, noun: str, owner: str,
                    date_of: Callable[[Any], dt.date] | None, detail: Callable[[list], str] | None = None) -> None:
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


# --------------------------------------------------------------------------- configuration


def _config(out: list[str], a: Dataset, b: Dataset) -> None:
    old, new = a.config, b.config
    if old is None and new is None:
        return
    if old is None:
        out.append("Thêm tệp cấu hình data/config.yml." if "data/config.yml" not in _files(a)
                   else "Tệp cấu hình data/config.yml trước đây có lỗi, nay đã đọc được.")
        return
    if new is None:
        out.append("Xóa tệp cấu hình data/config.yml." if "data/config.yml" not in _files(b)
                   else "Chưa so sánh được cấu hình: tệp data/config.yml ở bản mới có lỗi (xem phần kết quả kiểm tra).")
        return
    model = type(new)
    for name in changed_fields(old, new):
        if name == "reference_date":
            out.append(f"Đổi ngày chốt số liệu từ {format_vn_date(old.reference_date)} sang {format_vn_date(new.reference_date)}.")
        elif name == "scheme":
            out.append(f"Đổi hệ đơn vị hành chính từ “{old.scheme}” sang “{new.scheme}”.")
        elif name == "thresholds":
            for field in changed_fields(old.thresholds, new.thresholds):
                before, after = _value(getattr(old.thresholds, field)), _value(getattr(new.thresholds, field))
                threshold = type(new.thresholds).model_fields[field].title
                out.append(f"Đổi ngưỡng “{threshold}” từ {before} thành {after}.")
        elif name == "rules":
            for code in sorted(set(old.rules) | set(new.rules)):
                if old.rules.get(code) != new.rules.get(code):
                    out.append(f"Đổi mức độ quy tắc {code} từ {_RULE_LEVEL[old.rules.get(code)]} "
                               f"thành {_RULE_LEVEL[new.rules.get(code)]}.")
        elif name == "province":
            fields = changed_fields(old.province, new.province)
            out.append(f"Sửa thông tin tỉnh trong cấu hình: {titles(type(new.province), fields)}.")
        else:
            out.append(f"Sửa cấu hình: {title(model, name)}.")


def _value(value: Any) -> str:
    if isinstance(value, dt.date):
        return format_vn_date(value)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def _files(ds: Dataset) -> set[str]:
    return {f.path for f in ds.files}


# --------------------------------------------------------------------------- units and documents


def _units(out: list[str], a: Dataset, b: Dataset, delta: Delta) -> None:
    if delta.added:
        places = [unit_place(b, key) for key, _ in delta.added]
        noun = "đơn vị hành chính" if len(places) == 1 else f"{len(places)} đơn vị hành chính"
        out.append(f"Thêm {noun}: {join(places, 'đơn vị')}.")
    for key, old, new in delta.changed:
        if old is None:
            continue
        if (old.name, old.kind) != (new.name, new.kind):
            out.append(f"Đổi tên {unit_label(old)} thành {unit_label(new)}.")
        if old.parent != new.parent:
            out.append(f"Chuyển {unit_label(new)} từ {unit_place(a, old.parent) or 'không có cấp trên'} "
                       f"sang {unit_place(b, new.parent) or 'không có cấp trên'}.")
        if new.became and plain(old.became) != plain(new.became):
            after = unit_place(b, new.became.unit) if new.became.unit else (new.became.name or "")
            when = f" từ ngày {format_vn_date(new.became.date)}" if new.became.date else ""
            out.append(f"Ghi nhận {unit_label(new)} nay là {after or 'đơn vị khác'}{when}.")
        rest = changed_fields(old, new, skip=("name", "kind", "parent", "became" if new.became else ""))
        if rest:
            out.append(f"Sửa đơn vị {unit_place(b, key)}: {titles(type(new), rest)}.")
    if delta.removed:
        places = [unit_place(a, key) for key, _ in delta.removed]
        noun = "đơn vị hành chính" if len(places) == 1 else f"{len(places)} đơn vị hành chính"
        out.append(f"Xóa {noun}: {join(places, 'đơn vị')}.")


def _doc_name(doc: Any) -> str:
    return doc.number or doc.short_name or quote(doc.title)


def _documents(out: list[str], a: Dataset, b: Dataset, delta: Delta) -> None:
    if len(delta.added) == 1:
        out.append(f"Thêm văn bản {_doc_name(delta.added[0][1])} vào sổ văn bản.")
    elif delta.added:
        out.append(f"Thêm {len(delta.added)} văn bản vào sổ văn bản: {join([_doc_name(d) for _, d in delta.added], 'văn bản')}.")
    for _, old, new in delta.changed:
        if old is None:
            out.append(f"Văn bản {_doc_name(new)} trong sổ văn bản trước đây có lỗi, nay đã đọc được.")
            continue
        out.append(f"Sửa văn bản {_doc_name(new)} trong sổ văn bản: {titles(type(new), changed_fields(old, new))}.")
    if len(delta.removed) == 1:
        out.append(f"Xóa văn bản {_doc_name(delta.removed[0][1])} khỏi sổ văn bản.")
    elif delta.removed:
        out.append(f"Xóa {len(delta.removed)} văn bản khỏi sổ văn bản: {join([_doc_name(d) for _, d in delta.removed], 'văn bản')}.")


# --------------------------------------------------------------------------- teams


def _teams(out: list[str], a: Dataset, b: Dataset, delta: Delta) -> None:
    events: list[tuple[str, list[str]]] = []
    for key, team in delta.added:
        place = unit_place(b, team.village) if team.village in b.units else quote(team.village)
        sentence = f"Thêm Tổ Dân vận cộng đồng ở {place}: {len(team.members)} thành viên"
        if team.groups:
            sentence += f", {len(team.groups)} nhóm"
        events.append((key, [sentence + "."]))
    for key, old, new in delta.changed:
        lines: list[str] = []
        if old is None:
            lines.append(f"{team_label(b, new)}: tệp trước đây có lỗi, nay đã đọc được.")
        else:
            _team_changes(lines, a, b, old, new)
        events.append((key, lines))
    for key, team in delta.removed:
        events.append((key, [f"Xóa {team_label(a, team)}."]))
    for key in delta.unreadable_new:
        events.append((key, [f"Chưa so sánh được Tổ “{key}”: tệp ở bản mới có lỗi (xem phần kết quả kiểm tra)."]))
    for _, lines in sorted(events, key=lambda e: e[0]):
        out.extend(lines)


def _team_changes(out: list[str], a: Dataset, b: Dataset, old: Any, new: Any) -> None:
    label = team_label(b, new)
    inline = team_label(b, new, inline=True)
    model = type(new)
    if old.village != new.village:
        out.append(f"Chuyển Tổ “{new.id}” từ {unit_place(a, old.village)} sang {unit_place(b, new.village)}.")
    if plain(old.founding_decision) != plain(new.founding_decision):
        d = new.founding_decision
        out.append(f"Sửa quyết định thành lập {label}: số {d.number} ngày {format_vn_date(d.date)} của {d.issuer}.")
    member_sentences(out, old, new, label, "team_role", "to_truong")
    _group_sentences(out, old.groups, new.groups, label, inline)
    if old.zalo_group != new.zalo_group:
        out.append(f"{cap(label)} đã lập nhóm Zalo." if new.zalo_group else f"{cap(label)}: bỏ ghi nhận nhóm Zalo.")
    _rating_sentences(out, a, b, old.ratings, new.ratings, label)
    _list_sentences(out, old.meetings, new.meetings, lambda m: m.date, "cuộc họp", inline, lambda m: m.date)
    _list_sentences(out, old.activities, new.activities, lambda x: (x.date, x.title), "hoạt động", inline, lambda x: x.date,
                    lambda items: join([quote(x.title) for x in items], "hoạt động"))
    handled = {"id", "village", "founding_decision", "members", "groups", "zalo_group", "ratings", "meetings", "activities"}
    rest = changed_fields(old, new, skip=handled)
    if rest:
        out.append(f"Sửa {label}: {titles(model, rest)}.")


def _group_sentences(out: list[str], old: list, new: list, label: str, inline: str) -> None:
    old_by_name = {g.name: g for g in old}
    new_by_name = {g.name: g for g in new}
    pairs: list[tuple[Any, Any]] = [(old_by_name[g.name], g) for g in new if g.name in old_by_name]
    lone_old = [(i, g) for i, g in enumerate(old) if g.name not in new_by_name]
    lone_new = [(i, g) for i, g in enumerate(new) if g.name not in old_by_name]
    # A group at the same place under another name is a renamed group.
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
    if ds.config is not None:
        for g in ds.config.rating_scale:
            if g.id == grade:
                return g.name
    return grade


def _rating_sentences(out: list[str], a: Dataset, b: Dataset, old: list, new: list, label: str) -> None:
    o = {r.year: r for r in old}
    n = {r.year: r for r in new}
    for year in sorted(set(o) | set(n)):
        if year not in o:
            out.append(f"Xếp loại {label} năm {year}: {_grade(b, n[year].grade)}.")
        elif year not in n:
            out.append(f"Bỏ xếp loại năm {year} của {label}.")
        elif o[year].grade != n[year].grade:
            out.append(f"Đổi xếp loại năm {year} của {label} từ “{_grade(a, o[year].grade)}” sang “{_grade(b, n[year].grade)}”.")
        elif plain(o[year]) != plain(n[year]):
            out.append(f"Sửa ghi chú xếp loại năm {year} của {label}.")


# --------------------------------------------------------------------------- blocs


def _blocs(out: list[str], a: Dataset, b: Dataset, delta: Delta) -> None:
    events: list[tuple[str, list[str]]] = []
    for key, bloc in delta.added:
        events.append((key, [f"Thêm {bloc_label(b, bloc)}: {len(bloc.members)} thành viên."]))
    for key, old, new in delta.changed:
        lines: list[str] = []
        if old is None:
            lines.append(f"{bloc_label(b, new)}: tệp trước đây có lỗi, nay đã đọc được.")
        else:
            _bloc_changes(lines, a, b, old, new)
        events.append((key, lines))
    for key, bloc in delta.removed:
        events.append((key, [f"Xóa {bloc_label(a, bloc)}."]))
    for key in delta.unreadable_new:
        events.append((key, [f"Chưa so sánh được Khối “{key}”: tệp ở bản mới có lỗi (xem phần kết quả kiểm tra)."]))
    for _, lines in sorted(events, key=lambda e: e[0]):
        out.extend(lines)


def _bloc_changes(out: list[str], a: Dataset, b: Dataset, old: Any, new: Any) -> None:
    label = bloc_label(b, new)
    inline = bloc_label(b, new, inline=True)
    if old.commune != new.commune:
        out.append(f"Chuyển Khối “{new.id}” từ {unit_place(a, old.commune)} sang {unit_place(b, new.commune)}.")
    member_sentences(out, old, new, label, "bloc_role", "truong_khoi")
    if plain(old.rules) != plain(new.rules):
        if new.rules is None:
            out.append(f"Bỏ quy chế hoạt động của {label}.")
        else:
            number = f" (số {new.rules.number})" if new.rules.number else ""
            if old.rules is None:
                out.append(f"{cap(label)} ban hành quy chế hoạt động ngày {format_vn_date(new.rules.adopted)}{number}.")
            else:
                out.append(f"Sửa quy chế hoạt động của {label}: ngày ban hành {format_vn_date(new.rules.adopted)}{number}.")
    _list_sentences(out, old.dialogues, new.dialogues, lambda d: d.date, "cuộc đối thoại", inline, lambda d: d.date,
                    lambda items: join([quote(d.topic) for d in items], "cuộc"))
    _list_sentences(out, old.briefings, new.briefings, lambda d: (d.date, d.kind), "cuộc giao ban", inline, lambda d: d.date)
    if old.pilot != new.pilot:
        out.append(f"Chọn {label} làm Khối điểm." if new.pilot else f"Thôi chọn {label} làm Khối điểm.")
    rest = changed_fields(old, new, skip={"id", "commune", "members", "rules", "dialogues", "briefings", "pilot"})
    if rest:
        out.append(f"Sửa {label}: {titles(type(new), rest)}.")


# --------------------------------------------------------------------------- assignments


def _report_name(r: Any) -> str:
    kind = plain(r.kind)
    if kind == "thang":
        return f"báo cáo tháng {r.number:02d}/{r.year}" if r.number else f"báo cáo tháng năm {r.year}"
    if kind == "quy":
        return f"báo cáo quý {r.number}/{r.year}" if r.number else f"báo cáo quý năm {r.year}"
    if kind == "6_thang":
        return f"báo cáo 6 tháng năm {r.year}"
    return f"báo cáo năm {r.year}"


def _assignments(out: list[str], a: Dataset, b: Dataset, delta: Delta) -> None:
    events: list[tuple[str, list[str]]] = []
    for key, item in delta.added:
        if item.communes:
            text = f"Thêm phân công: {agency(item)} phụ trách {communes(b, item.communes)}."
        elif item.exemption:
            text = f"Thêm phân công: {agency(item)} được miễn phân công (đơn vị trực sẵn sàng chiến đấu)."
        else:
            text = f"Thêm phân công: {agency(item)}, chưa ghi xã phụ trách."
        events.append((key, [text]))
    for key, old, new in delta.changed:
        lines: list[str] = []
        if old is None:
            lines.append(f"Phân công của {agency(new)}: tệp trước đây có lỗi, nay đã đọc được.")
        else:
            _assignment_changes(lines, a, b, old, new)
        events.append((key, lines))
    for key, item in delta.removed:
        events.append((key, [f"Xóa phân công của {agency(item)}."]))
    for key in delta.unreadable_new:
        events.append((key, [f"Chưa so sánh được phân công “{key}”: tệp ở bản mới có lỗi (xem phần kết quả kiểm tra)."]))
    for _, lines in sorted(events, key=lambda e: e[0]):
        out.extend(lines)


def _assignment_changes(out: list[str], a: Dataset, b: Dataset, old: Any, new: Any) -> None:
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
    _list_sentences(out, old.activities, new.activities, lambda x: (x.date, x.commune), "hoạt động", label,
                    lambda x: x.date)
    added, removed, edited = list_delta(old.reports, new.reports, lambda r: (plain(r.kind), r.year, r.number))
    if added:
        out.append(f"Thêm {len(added)} báo cáo đã gửi của {label}: {join([_report_name(r) for r in added], 'báo cáo')}.")
    if edited:
        out.append(f"Sửa {len(edited)} báo cáo đã gửi của {label}: {join([_report_name(r) for r in edited], 'báo cáo')}.")
    if removed:
        out.append(f"Xóa {len(removed)} báo cáo đã gửi của {label}: {join([_report_name(r) for r in removed], 'báo cáo')}.")
    rest = changed_fields(old, new, skip={"id", "agency", "communes", "exemption", "activities", "reports"})
    if rest:
        out.append(f"Sửa phân công của {label}: {titles(type(new), rest)}.")


# --------------------------------------------------------------------------- models


def _models(out: list[str], a: Dataset, b: Dataset, delta: Delta) -> None:
    events: list[tuple[str, list[str]]] = []
    for key, model in delta.added:
        events.append((key, [f"Thêm mô hình “{model.name}” (lĩnh vực {lower(code_label(model.field))})."]))
    for key, old, new in delta.changed:
        if old is None:
            events.append((key, [f"Mô hình “{new.name}”: tệp trước đây có lỗi, nay đã đọc được."]))
            continue
        lines = []
        if old.name != new.name:
            lines.append(f"Đổi tên mô hình “{old.name}” thành “{new.name}”.")
        rest = changed_fields(old, new, skip={"id", "name"})
        if rest:
            lines.append(f"Sửa mô hình “{new.name}”: {titles(type(new), rest)}.")
        events.append((key, lines))
    for key, model in delta.removed:
        events.append((key, [f"Xóa mô hình “{model.name}”."]))
    for key in delta.unreadable_new:
        events.append((key, [f"Chưa so sánh được mô hình “{key}”: tệp ở bản mới có lỗi (xem phần kết quả kiểm tra)."]))
    for _, lines in sorted(events, key=lambda e: e[0]):
        out.extend(lines)


# --------------------------------------------------------------------------- content


def _topics(out: list[str], a: Dataset, b: Dataset, delta: Delta) -> None:
    for _, topic in delta.added:
        out.append(f"Thêm chủ đề “{topic.title}”.")
    for _, old, new in delta.changed:
        if old is not None:
            out.append(f"Sửa chủ đề “{new.title}”: {titles(type(new), changed_fields(old, new))}.")
    for _, topic in delta.removed:
        out.append(f"Xóa chủ đề “{topic.title}”.")


def _qa(out: list[str], a: Dataset, b: Dataset, delta: Delta) -> None:
    events: list[tuple[str, list[str]]] = []
    for key, item in delta.added:
        events.append((key, [f"Thêm câu hỏi – đáp: “{item.question}”"]))
    for key, old, new in delta.changed:
        if old is None:
            events.append((key, [f"Câu hỏi – đáp “{new.question}”: tệp trước đây có lỗi, nay đã đọc được."]))
            continue
        lines = []
        if old.question != new.question:
            lines.append(f"Sửa câu hỏi: “{old.question}” thành “{new.question}”")
        if old.answer != new.answer:
            lines.append(f"Sửa câu trả lời: “{new.question}”")
        rest = changed_fields(old.front, new.front, skip={"id", "question"})
        if rest:
            lines.append(f"Sửa câu hỏi – đáp “{new.question}”: {titles(type(new.front), rest)}.")
        events.append((key, lines))
    for key, item in delta.removed:
        events.append((key, [f"Xóa câu hỏi – đáp: “{item.question}”"]))
    for key in delta.unreadable_new:
        events.append((key, [f"Chưa so sánh được câu hỏi – đáp “{key}”: tệp ở bản mới có lỗi (xem phần kết quả kiểm tra)."]))
    for _, lines in sorted(events, key=lambda e: e[0]):
        out.extend(lines)


def _modules(out: list[str], a: Dataset, b: Dataset, delta: Delta) -> None:
    events: list[tuple[str, list[str]]] = []
    for key, module in delta.added:
        events.append((key, [f"Thêm chuyên đề “{module.title}” ({len(module.quiz)} câu hỏi kiểm tra)."]))
    for key, old, new in delta.changed:
        if old is None:
            events.append((key, [f"Chuyên đề “{new.title}”: tệp trước đây có lỗi, nay đã đọc được."]))
            continue
        fields = changed_fields(old, new, skip={"id"})
        text = f"Sửa chuyên đề “{new.title}”: {titles(type(new), fields)}"
        if len(old.quiz) != len(new.quiz):
            text += f" (câu hỏi kiểm tra: {len(old.quiz)} → {len(new.quiz)} câu)"
        events.append((key, [text + "."]))
    for key, module in delta.removed:
        events.append((key, [f"Xóa chuyên đề “{module.title}”."]))
    for key in delta.unreadable_new:
        events.append((key, [f"Chưa so sánh được chuyên đề “{key}”: tệp ở bản mới có lỗi (xem phần kết quả kiểm tra)."]))
    for _, lines in sorted(events, key=lambda e: e[0]):
        out.extend(lines)


def _publications(out: list[str], a: Dataset, b: Dataset) -> None:
    old = {k: v.obj for k, v in a.publications.items()}
    new = {k: v.obj for k, v in b.publications.items()}
    for key in sorted(set(old) | set(new)):
        if key not in old:
            out.append(f"Thêm ấn phẩm “{new[key].title}”.")
        elif key not in new:
            out.append(f"Xóa ấn phẩm “{old[key].title}”.")
        elif plain(old[key]) != plain(new[key]):
            out.append(f"Sửa ấn phẩm “{new[key].title}”: {titles(type(new[key]), changed_fields(old[key], new[key]))}.")


def _glossary(out: list[str], a: Dataset, b: Dataset) -> None:
    old = {t.obj.term: t.obj for t in a.terms}
    new = {t.obj.term: t.obj for t in b.terms}
    added = [t for t in new if t not in old]
    changed = [t for t in new if t in old and plain(old[t]) != plain(new[t])]
    removed = [t for t in old if t not in new]
    for verb, terms in (("Thêm", added), ("Sửa", changed), ("Xóa", removed)):
        if terms:
            count = f"{len(terms)} thuật ngữ" if len(terms) > 1 else "thuật ngữ"
            out.append(f"{verb} {count}: {join([quote(t) for t in terms], 'thuật ngữ')}.")


def _asset_changes(out: list[str], old: dict[str, str], new: dict[str, str]) -> None:
    def noun(paths: list[str]) -> str:
        word = "ảnh" if all(Path(p).suffix.lower() in _IMAGE_SUFFIXES for p in paths) else "tệp"
        return f"{len(paths)} {word}" if len(paths) > 1 else word

    added = sorted(p for p in new if p not in old)
    replaced = sorted(p for p in new if p in old and old[p] != new[p])
    removed = sorted(p for p in old if p not in new)
    for verb, paths in (("Thêm", added), ("Thay", replaced), ("Xóa", removed)):
        if paths:
            out.append(f"{verb} {noun(paths)}: {join(paths, 'tệp')}.")


__all__ = ["DiffError", "diff_summary", "main_diff", "compare", "render", "finding_changes", "team_label", "bloc_label"]
