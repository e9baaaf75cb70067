"""Rules for Tổ Dân vận cộng đồng (Đề án Tổ DVCĐ Bắc Giang)."""

from __future__ import annotations

import datetime as dt
from typing import Iterator

from generator.core.findings import Finding, Severity
from generator.core.text import cap
from generator.model.hierarchy import is_village, unit_label
from generator.schema.roles import LABELS, TeamRole, VillagePosition
from generator.core.text import fold
from generator.checks.rules.registry import RuleContext, rule

DOC = "de-an-to-dvcd-bac-giang"
CLAUSE = "Đề án Tổ DVCĐ Bắc Giang, Phần thứ hai, mục III.2"


def _members(team, role: TeamRole):
    return [(i, m) for i, m in enumerate(team.members) if m.team_role is role]


@rule("TEAM-LEADER-COUNT", "Mỗi Tổ có đúng một tổ trưởng", Severity.ERROR, CLAUSE, DOC, "P2.III.2")
def leader_count(ctx: RuleContext) -> Iterator[Finding]:
    for at in ctx.ds.teams.values():
        leaders = _members(at.obj, TeamRole.to_truong)
        if len(leaders) != 1:
            yield ctx.finding(at, ("members",),
                              f"Tổ “{at.obj.id}” có {len(leaders)} tổ trưởng; mỗi Tổ phải có đúng một tổ trưởng.",
                              hint="Ghi team_role: to_truong cho đúng một thành viên.")


@rule("TEAM-LEADER-ROLE", "Tổ trưởng là Bí thư chi bộ, trừ trường hợp đặc biệt đã ghi rõ", Severity.WARNING, CLAUSE, DOC, "P2.III.2")
def leader_role(ctx: RuleContext) -> Iterator[Finding]:
    allowed_by_exception = {VillagePosition.chi_uy_vien, VillagePosition.truong_thon, VillagePosition.bi_thu_chi_bo}
    for at in ctx.ds.teams.values():
        team = at.obj
        leaders = _members(team, TeamRole.to_truong)
        if len(leaders) != 1:
            continue
        i, leader = leaders[0]
        if VillagePosition.bi_thu_chi_bo in leader.positions:
            continue
        if team.exceptions:
            if not allowed_by_exception & set(leader.positions):
                yield ctx.finding(at, ("members", i, "positions"),
                                  "Tổ đã ghi trường hợp đặc biệt, nhưng tổ trưởng không phải chi ủy viên hay trưởng thôn.",
                                  hint="Khi thôn chưa có chi bộ hoặc có kiêm nhiệm, có thể phân công chi ủy viên hoặc trưởng thôn làm tổ trưởng.")
            continue
        yield ctx.finding(at, ("members", i, "positions"),
                          "Tổ trưởng không phải là Bí thư chi bộ, và Tổ chưa ghi trường hợp đặc biệt nào.",
                          hint="Nếu thôn chưa có chi bộ hoặc có người kiêm nhiều chức danh, ghi exceptions: [khong_co_chi_bo] "
                               "hoặc [kiem_nhiem] kèm exception_note; nếu không, để Bí thư chi bộ làm tổ trưởng.")


@rule("TEAM-DEPUTIES", "Tổ phó là trưởng thôn và trưởng ban công tác Mặt trận", Severity.WARNING, CLAUSE, DOC, "P2.III.2")
def deputies(ctx: RuleContext) -> Iterator[Finding]:
    required = (VillagePosition.truong_thon, VillagePosition.truong_ban_ctmt)
    for at in ctx.ds.teams.values():
        team = at.obj
        if team.exceptions:
            continue
        held = {p for _, m in _members(team, TeamRole.to_pho) for p in m.positions}
        missing = [LABELS[p.value].lower() for p in required if p not in held]
        if missing:
            yield ctx.finding(at, ("members",),
                              f"Trong các tổ phó chưa có {' và '.join(missing)}.",
                              hint="Trưởng thôn và trưởng ban công tác Mặt trận làm tổ phó (team_role: to_pho, positions tương ứng).")


@rule("TEAM-GROUP-SIZE", "Mỗi nhóm có từ 3 đến 5 người", Severity.WARNING, CLAUSE, DOC, "P2.III.2")
def group_size(ctx: RuleContext) -> Iterator[Finding]:
    lo, hi = ctx.t.group_size_min, ctx.t.group_size_max
    for at in ctx.ds.teams.values():
        for g, group in enumerate(at.obj.groups):
            n = len(set(group.members))
            if not lo <= n <= hi:
                yield ctx.finding(at, ("groups", g, "members"),
                                  f"Nhóm “{group.name}” có {n} người; mỗi nhóm cần từ {lo} đến {hi} người.",
                                  hint="Chia lại nhóm hoặc bổ sung người để mỗi nhóm có số người trong khoảng quy định.")


@rule("TEAM-GROUP-HOUSEHOLDS", "Mỗi nhóm phụ trách từ 30 đến 50 hộ", Severity.WARNING, CLAUSE, DOC, "P2.III.2")
def group_households(ctx: RuleContext) -> Iterator[Finding]:
    lo, hi = ctx.t.households_min, ctx.t.households_max
    for at in ctx.ds.teams.values():
        for g, group in enumerate(at.obj.groups):
            if not lo <= group.households <= hi:
                yield ctx.finding(at, ("groups", g, "households"),
                                  f"Nhóm “{group.name}” phụ trách {group.households} hộ; mỗi nhóm phụ trách từ {lo} đến {hi} hộ.",
                                  hint="Điều chỉnh địa bàn giữa các nhóm hoặc lập thêm nhóm.")


@rule("TEAM-GROUP-MEMBERS", "Người trong nhóm là thành viên của Tổ, mỗi người ở một nhóm, nhóm trưởng thuộc nhóm", Severity.ERROR, CLAUSE, DOC, "P2.III.2")
def group_members(ctx: RuleContext) -> Iterator[Finding]:
    for at in ctx.ds.teams.values():
        team = at.obj
        member_ids = {m.id for m in team.members}
        placed: dict[str, str] = {}
        for g, group in enumerate(team.groups):
            for k, pid in enumerate(group.members):
                if pid not in member_ids:
                    if pid in ctx.ds.people:
                        yield ctx.finding(at, ("groups", g, "members", k),
                                          f"“{pid}” không có trong danh sách thành viên của Tổ này.",
                                          hint="Thêm người này vào members của Tổ, hoặc bỏ khỏi nhóm.")
                    continue
                if pid in placed and placed[pid] != group.name:
                    yield ctx.finding(at, ("groups", g, "members", k),
                                      f"“{pid}” đã ở nhóm “{placed[pid]}”; mỗi người chỉ thuộc một nhóm.",
                                      hint="Xóa người này khỏi một trong hai nhóm.")
                placed.setdefault(pid, group.name)
            if group.leader not in group.members:
                yield ctx.finding(at, ("groups", g, "leader"),
                                  f"Nhóm trưởng “{group.leader}” không nằm trong danh sách người của nhóm “{group.name}”.",
                                  hint="Thêm nhóm trưởng vào members của nhóm.")


def _yearly_deadline(ctx: RuleContext, year: int) -> dt.date:
    for deadline in ctx.config.deadlines:
        if deadline.applies_to == "to_dan_van" and deadline.frequency == "nam":
            return dt.date(year, deadline.month or 12, deadline.day)
    return dt.date(year, 12, 31)


@rule("TEAM-RATED", "Mỗi Tổ được đánh giá, xếp loại hằng năm", Severity.WARNING,
      "Đề án Tổ DVCĐ Bắc Giang, Phần thứ hai, mục II.4", DOC, "P2.II.4", uses_deadlines=True)
def rated(ctx: RuleContext) -> Iterator[Finding]:
    ref = ctx.config.reference_date
    # A grade outside the scale is an error of its own (integrity: REF-UNKNOWN-GRADE).
    for at in ctx.ds.teams.values():
        team = at.obj
        rated_years = {r.year for r in team.ratings}
        first = team.founding_decision.date.year
        last = ref.year if ref >= _yearly_deadline(ctx, ref.year) else ref.year - 1
        missing = [y for y in range(first, last + 1) if y not in rated_years]
        if missing:
            years = ", ".join(str(y) for y in missing)
            yield ctx.finding(at, ("ratings",),
                              f"Tổ “{team.id}” chưa có kết quả xếp loại năm {years}.",
                              hint="Thêm vào ratings một mục {year, grade} cho mỗi năm.")


@rule("TEAM-COVERAGE", "Mọi thôn, tổ dân phố có Tổ Dân vận cộng đồng", Severity.WARNING,
      "Đề án Tổ DVCĐ Bắc Giang, Phần thứ hai, mục II.3", DOC, "P2.II.3")
def coverage(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.config.reference_date.year < ctx.t.team_coverage_year:
        return
    with_team = {at.obj.village for at in ctx.ds.teams.values()}
    with_team |= {raw.get("village") for raw in ctx.ds.broken.get("team", {}).values() if isinstance(raw.get("village"), str)}
    if any("village" not in raw for raw in ctx.ds.broken.get("team", {}).values()):
        return  # a team file could not be read: which village it covers is unknown
    for uid, at in ctx.ds.units.items():
        if is_village(ctx.ds, uid) and uid not in with_team and at.obj.became is None:
            yield ctx.finding(at, ("id",),
                              f"{cap(unit_label(at.obj))} chưa có Tổ Dân vận cộng đồng; mục tiêu năm "
                              f"{ctx.t.team_coverage_year} là 100% thôn, tổ dân phố có Tổ.",
                              hint="Lập Tổ và thêm tệp của Tổ vào data/teams/.")


@rule("TEAM-DECISION-ISSUER", "Quyết định thành lập Tổ do đảng ủy cấp xã ban hành", Severity.WARNING, CLAUSE, DOC, "P2.III.2")
def decision_issuer(ctx: RuleContext) -> Iterator[Finding]:
    for at in ctx.ds.teams.values():
        issuer = at.obj.founding_decision.issuer
        if not fold(issuer).startswith("dang uy"):
            yield ctx.finding(at, ("founding_decision", "issuer"),
                              f"Quyết định thành lập do “{issuer}” ban hành; Tổ do đảng ủy cấp xã ra quyết định thành lập.",
                              hint="Ghi tên cấp ủy ban hành, ví dụ “Đảng ủy xã Phúc Sơn”.")
