"""The directory: takes the unit hierarchy, teams, blocs and assignments; gives the province
page, one page per district (where the scheme has districts) and one page per commune with
its bloc roster, its villages and their teams, groups and households, the agencies assigned
to it and their activities. Pages are reached through links and search, not the navigation."""

from __future__ import annotations

from collections import defaultdict

from generator.core.dates import format_vn_date
from generator.schema.roles import LABELS
from generator.core.text import name_sort_key
from generator.produce.site.context import Page, SiteContext, number_vi, percent_vi, table
from generator.produce.html import esc, render_markdown
from generator.produce.site.links import model_page, unit_page
from generator.model.privacy import contact_details, display_name

ROLE_ORDER = {"to_truong": 0, "to_pho": 1, "thanh_vien": 2, "truong_khoi": 0, "pho_truong_khoi": 1, "giup_viec": 3}


class Index:
    """Lookups built once so every page is produced in linear time."""

    def __init__(self, ctx: SiteContext):
        self.team_of_village = {at.obj.village: at.obj for at in ctx.ds.teams.values()}
        self.bloc_of_commune = {at.obj.commune: at.obj for at in ctx.ds.blocs.values()}
        self.assignments_of: dict[str, list] = defaultdict(list)
        for at in sorted(ctx.ds.assignments.values(), key=lambda a: a.obj.id):
            for commune in at.obj.communes:
                self.assignments_of[commune].append(at.obj)
        self.models_of: dict[str, list] = defaultdict(list)
        for at in sorted(ctx.ds.models.values(), key=lambda a: a.obj.id):
            for unit in at.obj.units:
                commune = ctx.commune_of(unit)
                if commune and at.obj not in self.models_of[commune]:
                    self.models_of[commune].append(at.obj)


def produce(ctx: SiteContext) -> list[Page]:
    index = Index(ctx)
    pages = []
    for uid in sorted(ctx.ds.units):
        level = ctx.level(uid)
        if level == "tinh":
            pages.append(_province(ctx, index, uid))
        elif level == "huyen":
            pages.append(_district(ctx, index, uid))
        elif level == "xa":
            pages.append(_commune(ctx, index, uid))
    return pages


def _breadcrumb(ctx: SiteContext, page: str, uid: str) -> str:
    chain = [ctx.unit_link(page, a) for a in ctx.ancestors(uid)]
    return f'<p class="dv-breadcrumb">{" › ".join(chain)}</p>' if chain else ""


def _communes_under(ctx: SiteContext, uid: str) -> list[str]:
    out = []
    for child in ctx.children(uid):
        if ctx.level(child) == "xa":
            out.append(child)
        elif ctx.level(child) == "huyen":
            out.extend(_communes_under(ctx, child))
    return out


def _coverage(ctx: SiteContext, index: Index, communes: list[str]) -> tuple[int, int]:
    villages = [v for c in communes for v in ctx.children(c) if ctx.level(v) == "thon"]
    return len(villages), sum(1 for v in villages if v in index.team_of_village)


def _former(ctx: SiteContext, uid: str) -> str:
    unit = ctx.ds.units[uid].obj
    notes = []
    for former in unit.former_names:
        when = f" (đến {format_vn_date(former.until)})" if former.until else ""
        notes.append(f"Tên cũ: {esc(former.name)}{when}{'. ' + esc(former.note) if former.note else ''}")
    if unit.became:
        target = ctx.unit_link(unit_page(uid), unit.became.unit) if unit.became.unit else esc(unit.became.name or "")
        when = f" từ {format_vn_date(unit.became.date)}" if unit.became.date else ""
        notes.append(f"Nay là {target}{when}{'. ' + esc(unit.became.note) if unit.became.note else ''}.")
    codes = ", ".join(f"{esc(c.code)} ({esc(c.scheme)})" for c in unit.codes)
    if codes:
        notes.append(f"Mã số: {codes}")
    return "".join(f'<p class="dv-muted">{n}</p>' for n in notes)


def _province(ctx: SiteContext, index: Index, uid: str) -> Page:
    path = unit_page(uid)
    unit = ctx.ds.units[uid].obj
    rows = []
    for child in ctx.children(uid):
        communes = [child] if ctx.level(child) == "xa" else _communes_under(ctx, child)
        villages, covered = _coverage(ctx, index, communes)
        teams = covered
        rows.append([ctx.unit_link(path, child), number_vi(len(communes)), number_vi(villages), number_vi(teams),
                     percent_vi(covered / villages) if villages else "–"])
    headers = ["Đơn vị", "Số xã", "Số thôn, TDP", "Số Tổ Dân vận", "Tỷ lệ phủ kín"]
    body = (_former(ctx, uid) + "<h2>Các đơn vị trực thuộc</h2>" + table(headers, rows))
    return Page(path, f"Danh bạ {ctx.unit_name(uid)}", body, section="Danh bạ",
                search_text=f"{ctx.unit_name(uid)} {unit.name}")


def _district(ctx: SiteContext, index: Index, uid: str) -> Page:
    path = unit_page(uid)
    rows = []
    for commune in ctx.children(uid):
        if ctx.level(commune) != "xa":
            continue
        villages, covered = _coverage(ctx, index, [commune])
        bloc = index.bloc_of_commune.get(commune)
        rows.append([ctx.unit_link(path, commune), number_vi(villages), number_vi(covered),
                     number_vi(len(bloc.members)) if bloc else "–", number_vi(len(index.assignments_of.get(commune, [])))])
    headers = ["Xã, phường, thị trấn", "Thôn, TDP", "Tổ Dân vận", "Thành viên Khối", "Cơ quan phụ trách"]
    body = _breadcrumb(ctx, path, uid) + _former(ctx, uid) + "<h2>Các xã, phường, thị trấn</h2>" + table(headers, rows)
    name = ctx.unit_name(uid)
    return Page(path, name[:1].upper() + name[1:], body, section="Danh bạ", search_text=name)


def _person(ctx: SiteContext, person, role_text: str) -> str:
    name = display_name(person, ctx.profile)
    who = f'<span class="dv-name">{esc(name)}</span> – ' if name else ""
    details = contact_details(person, ctx.profile)
    extra = "; ".join(f"{esc(k)}: {esc(v)}" for k, v in details)
    return f"{who}{esc(role_text)}" + (f' <span class="dv-contact">({extra})</span>' if extra else "")


def _bloc_html(ctx: SiteContext, path: str, bloc) -> str:
    if bloc is None:
        return "<h2>Khối Dân vận</h2><p>Chưa có dữ liệu Khối Dân vận của xã.</p>"
    members = sorted(bloc.members, key=lambda m: (ROLE_ORDER.get(m.bloc_role.value, 2),
                                                   name_sort_key(m.family_name, m.middle_name, m.given_name)))
    rows = []
    for m in members:
        trained = "Đã tập huấn" if m.training and m.training.trained else "Chưa tập huấn"
        rows.append([esc(LABELS[m.bloc_role.value]), _person(ctx, m, LABELS[m.position.value]), esc(m.duties or "–"), esc(trained)])
    facts = []
    if bloc.rules:
        facts.append(f"Quy chế hoạt động ban hành ngày {format_vn_date(bloc.rules.adopted)}"
                     + (f" (số {esc(bloc.rules.number)})" if bloc.rules.number else ""))
    else:
        facts.append("Chưa ban hành quy chế hoạt động")
    facts.append(f"{number_vi(len(bloc.dialogues))} cuộc đối thoại trực tiếp, {number_vi(len(bloc.briefings))} cuộc giao ban được ghi nhận")
    if bloc.pilot:
        facts.append("Khối được chọn làm điểm")
    dialogues = "".join(f"<li>{format_vn_date(d.date)}: {esc(d.topic)} – chủ trì: {esc(d.chaired_by)}"
                        + (f", {number_vi(d.participants)} người dân dự" if d.participants else "") + "</li>"
                        for d in sorted(bloc.dialogues, key=lambda d: d.date))
    return (f'<h2 id="khoi-dan-van">Khối Dân vận ({number_vi(len(bloc.members))} thành viên)</h2>'
            + "".join(f"<p>{f}.</p>" for f in facts)
            + table(["Vai trò", "Chức vụ", "Nhiệm vụ được phân công", "Tập huấn"], rows)
            + (f"<h3>Đối thoại với Nhân dân</h3><ul>{dialogues}</ul>" if dialogues else ""))


def _team_html(ctx: SiteContext, path: str, village_id: str, team) -> str:
    village = ctx.unit_name(village_id)
    title = village[:1].upper() + village[1:]
    if team is None:
        return f'<section class="dv-team dv-team-missing" id="{esc(village_id)}"><h3>{esc(title)}</h3><p>Chưa thành lập Tổ Dân vận cộng đồng.</p></section>'
    members = sorted(team.members, key=lambda m: (ROLE_ORDER.get(m.team_role.value, 2),
                                                   name_sort_key(m.family_name, m.middle_name, m.given_name)))
    by_id = {m.id: m for m in team.members}
    member_rows = []
    for m in members:
        positions = ", ".join(LABELS[p.value] for p in m.positions) or "–"
        member_rows.append([esc(LABELS[m.team_role.value]), _person(ctx, m, positions)])
    group_rows = []
    for g in team.groups:
        leader = by_id.get(g.leader)
        leader_text = _person(ctx, leader, "Nhóm trưởng") if leader else esc(g.leader)
        group_rows.append([esc(g.name), number_vi(len(g.members)), number_vi(g.households), leader_text, esc(g.area or "–")])
    decision = team.founding_decision
    ratings = ", ".join(f"{r.year}: {esc(_grade(ctx, r.grade))}" for r in sorted(team.ratings, key=lambda r: r.year))
    exceptions = ""
    if team.exceptions:
        exceptions = ('<p class="dv-note">Trường hợp đặc biệt: ' + ", ".join(esc(LABELS[e.value]) for e in team.exceptions)
                      + (f". {esc(team.exception_note)}" if team.exception_note else "") + "</p>")
    households = sum(g.households for g in team.groups)
    return (f'<section class="dv-team" id="{esc(village_id)}"><h3>{esc(title)}</h3>'
            f"<p>Tổ Dân vận cộng đồng thành lập theo Quyết định số {esc(decision.number)} ngày {format_vn_date(decision.date)} "
            f"của {esc(decision.issuer)}; {number_vi(len(team.members))} thành viên, {number_vi(len(team.groups))} nhóm "
            f"phụ trách {number_vi(households)} hộ.</p>{exceptions}"
            + table(["Vai trò", "Thành viên"], member_rows)
            + (table(["Nhóm", "Số người", "Số hộ", "Nhóm trưởng", "Địa bàn"], group_rows, cls="dv-table dv-groups") if group_rows else "")
            + (f"<p>Xếp loại: {ratings}.</p>" if ratings else "")
            + "</section>")


def _grade(ctx: SiteContext, grade_id: str) -> str:
    return next((g.name for g in ctx.ds.config.rating_scale if g.id == grade_id), grade_id)


def _assignments_html(ctx: SiteContext, path: str, commune: str, assignments: list) -> str:
    if not assignments:
        return "<h2>Cơ quan, đơn vị phụ trách</h2><p>Chưa có cơ quan, đơn vị nào được phân công phụ trách xã.</p>"
    parts = ['<h2 id="phu-trach">Cơ quan, đơn vị phụ trách</h2>']
    for a in assignments:
        activities = sorted((act for act in a.activities if act.commune == commune), key=lambda act: act.date)
        rows = [[format_vn_date(act.date), ctx.linker.link(render_markdown(act.content, 0), path), number_vi(act.participants)]
                for act in activities]
        parts.append(f"<h3>{esc(a.agency.party_org)}</h3><p>{esc(a.agency.name)} – {esc(LABELS[a.agency.level.value])}.</p>")
        if rows:
            parts.append(f'<details><summary>{number_vi(len(rows))} hoạt động tại cơ sở</summary>'
                         + table(["Ngày", "Nội dung", "Số người"], rows) + "</details>")
    return "".join(parts)


def _commune(ctx: SiteContext, index: Index, uid: str) -> Page:
    path = unit_page(uid)
    villages = [v for v in ctx.children(uid) if ctx.level(v) == "thon"]
    if ctx.ds.units[uid].obj.became and not villages and uid not in index.bloc_of_commune \
            and not index.assignments_of.get(uid) and not index.models_of.get(uid):
        # A former commune kept as history: where it went is the whole page, not empty sections.
        name = ctx.unit_name(uid)
        return Page(path, name[:1].upper() + name[1:], _breadcrumb(ctx, path, uid) + _former(ctx, uid),
                    section="Danh bạ", search_text=name)
    covered = sum(1 for v in villages if v in index.team_of_village)
    summary = (f"<p>{number_vi(len(villages))} thôn, tổ dân phố; {number_vi(covered)} Tổ Dân vận cộng đồng"
               + (f" ({percent_vi(covered / len(villages))} thôn có Tổ)" if villages else "") + ".</p>")
    teams = "".join(_team_html(ctx, path, v, index.team_of_village.get(v)) for v in villages)
    jump = "".join(f'<li><a href="#{esc(v)}">{esc(ctx.unit_name(v))}</a></li>' for v in villages)
    if jump:
        teams = f'<nav class="dv-toc" aria-label="Các thôn, tổ dân phố"><ul>{jump}</ul></nav>' + teams
    models = index.models_of.get(uid, [])
    model_list = "".join(f"<li>{ctx.a(path, model_page(m.id), m.name)}</li>" for m in models)
    body = (_breadcrumb(ctx, path, uid) + _former(ctx, uid) + summary
            + _bloc_html(ctx, path, index.bloc_of_commune.get(uid))
            + f'<h2 id="to-dan-van">Thôn, tổ dân phố và Tổ Dân vận cộng đồng</h2>{teams}'
            + _assignments_html(ctx, path, uid, index.assignments_of.get(uid, []))
            + (f"<h2>Mô hình “Dân vận khéo”</h2><ul>{model_list}</ul>" if model_list else ""))
    name = ctx.unit_name(uid)
    village_names = " ".join(ctx.ds.units[v].obj.name for v in villages)
    return Page(path, name[:1].upper() + name[1:], body, section="Danh bạ",
                search_text=f"{name} {village_names}", search_boost=1.2)
