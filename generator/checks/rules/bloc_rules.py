"""Rules for Khối Dân vận cơ sở (Đề án Khối DVCS Bắc Kạn)."""

from __future__ import annotations

from typing import Iterator

from generator.core.findings import Finding, Severity
from generator.core.text import cap
from generator.model.hierarchy import ancestor_at, unit_label
from generator.schema.roles import LABELS, BlocRole, CommunePosition as P
from generator.checks.rules.registry import RuleContext, rule

DOC = "de-an-khoi-dvcs-bac-kan"
COMPOSITION = "Đề án Khối DVCS Bắc Kạn, Phần thứ ba, mục II.5"


@rule("BLOC-SIZE", "Khối có từ 7 đến 13 thành viên", Severity.WARNING,
      "Đề án Khối DVCS Bắc Kạn, Phần thứ hai, mục I.1", DOC, "P2.I.1")
def size(ctx: RuleContext) -> Iterator[Finding]:
    lo, hi = ctx.t.bloc_size_min, ctx.t.bloc_size_max
    for at in ctx.ds.blocs.values():
        n = len(at.obj.members)
        if not lo <= n <= hi:
            yield ctx.finding(at, ("members",), f"Khối có {n} thành viên; Khối thường có từ {lo} đến {hi} thành viên.",
                              hint="Bổ sung hoặc bớt thành viên theo thành phần quy định; thiếu ai thì xem các cảnh báo BLOC-… khác của Khối này.")


@rule("BLOC-HEAD", "Trưởng khối là Bí thư hoặc Phó Bí thư thường trực đảng ủy", Severity.WARNING, COMPOSITION, DOC, "P3.II.5")
def head(ctx: RuleContext) -> Iterator[Finding]:
    for at in ctx.ds.blocs.values():
        heads = [(i, m) for i, m in enumerate(at.obj.members) if m.bloc_role is BlocRole.truong_khoi]
        if len(heads) != 1:
            yield ctx.finding(at, ("members",), f"Khối có {len(heads)} trưởng khối; cần đúng một trưởng khối.",
                              hint="Ghi bloc_role: truong_khoi cho đúng một thành viên (Bí thư hoặc Phó Bí thư thường trực đảng ủy).")
            continue
        i, member = heads[0]
        if member.position not in (P.bi_thu_dang_uy, P.pho_bi_thu_thuong_truc):
            yield ctx.finding(at, ("members", i, "position"),
                              f"Trưởng khối đang là {LABELS[member.position.value]}; trưởng khối là Bí thư hoặc Phó Bí thư thường trực đảng ủy.",
                              hint="Chuyển vai trò trưởng khối (bloc_role: truong_khoi) sang Bí thư hoặc Phó Bí thư thường trực, hoặc sửa position nếu ghi nhầm.")


@rule("BLOC-DEPUTIES", "Hai phó trưởng khối: Chủ tịch (hoặc Phó Chủ tịch) UBND và Chủ tịch Ủy ban MTTQ", Severity.WARNING, COMPOSITION, DOC, "P3.II.5")
def deputies(ctx: RuleContext) -> Iterator[Finding]:
    for at in ctx.ds.blocs.values():
        positions = {m.position for m in at.obj.members if m.bloc_role is BlocRole.pho_truong_khoi}
        missing = []
        if not positions & {P.chu_tich_ubnd, P.pho_chu_tich_ubnd}:
            missing.append("Chủ tịch (hoặc Phó Chủ tịch) UBND")
        if P.chu_tich_mttq not in positions:
            missing.append("Chủ tịch Ủy ban MTTQ")
        if missing:
            yield ctx.finding(at, ("members",), f"Trong các phó trưởng khối chưa có {' và '.join(missing)}.",
                              hint="Ghi bloc_role: pho_truong_khoi cho người giữ chức danh còn thiếu (thêm người đó vào members nếu chưa có).")


@rule("BLOC-COMPOSITION", "Thành viên gồm người đứng đầu các đoàn thể, trưởng công an, chỉ huy trưởng quân sự", Severity.WARNING, COMPOSITION, DOC, "P3.II.5")
def composition(ctx: RuleContext) -> Iterator[Finding]:
    required = (P.chu_tich_hoi_nong_dan, P.chu_tich_hoi_phu_nu, P.chu_tich_hoi_ccb, P.bi_thu_doan_thanh_nien,
                P.truong_cong_an, P.chi_huy_truong_quan_su)
    for at in ctx.ds.blocs.values():
        present = {m.position for m in at.obj.members}
        missing = [LABELS[p.value] for p in required if p not in present]
        if missing:
            yield ctx.finding(at, ("members",), "Khối chưa có: " + ", ".join(missing) + ".",
                              hint="Bổ sung thành viên với position tương ứng, hoặc tắt quy tắc này trong cấu hình nếu tỉnh quy định khác.")


@rule("BLOC-ASSISTANT", "Một công chức giúp việc cho trưởng khối", Severity.WARNING, COMPOSITION, DOC, "P3.II.5")
def assistant(ctx: RuleContext) -> Iterator[Finding]:
    for at in ctx.ds.blocs.values():
        if not any(m.bloc_role is BlocRole.giup_viec for m in at.obj.members):
            yield ctx.finding(at, ("members",), "Khối chưa có công chức giúp việc cho trưởng khối (bloc_role: giup_viec).",
                              hint="Thêm vào members công chức được giao giúp việc, với bloc_role: giup_viec.")


@rule("BLOC-RULES", "Khối có quy chế hoạt động", Severity.WARNING,
      "Đề án Khối DVCS Bắc Kạn, Phần thứ ba, mục I.2, mục tiêu (1)", DOC, "P3.I.2.1")
def rules_adopted(ctx: RuleContext) -> Iterator[Finding]:
    for at in ctx.ds.blocs.values():
        if at.obj.rules is None:
            yield ctx.finding(at, ("id",), "Khối chưa ban hành quy chế hoạt động.",
                              hint="Thêm khóa rules với ngày ban hành (adopted) và số quy chế.")


@rule("BLOC-DUTIES", "Mỗi thành viên Khối được phân công nhiệm vụ cụ thể", Severity.WARNING,
      "Đề án Khối DVCS Bắc Kạn, Phần thứ ba, mục I.2, mục tiêu (1)", DOC, "P3.I.2.1")
def duties(ctx: RuleContext) -> Iterator[Finding]:
    for at in ctx.ds.blocs.values():
        for i, member in enumerate(at.obj.members):
            if not member.duties:
                yield ctx.finding(at, ("members", i), f"Thành viên “{member.id}” chưa được ghi nhiệm vụ phân công (duties).",
                                  hint="Thêm duties: một danh sách các việc được phân công, theo quy chế của Khối.")


@rule("BLOC-TRAINING", "100% thành viên Khối được tập huấn", Severity.WARNING,
      "Đề án Khối DVCS Bắc Kạn, Phần thứ ba, mục I.2, mục tiêu (2)", DOC, "P3.I.2.2")
def training(ctx: RuleContext) -> Iterator[Finding]:
    for at in ctx.ds.blocs.values():
        for i, member in enumerate(at.obj.members):
            if member.training is None or not member.training.trained:
                yield ctx.finding(at, ("members", i, "training") if member.training else ("members", i),
                                  f"Thành viên “{member.id}” chưa qua tập huấn kỹ năng, nghiệp vụ công tác dân vận.",
                                  hint="Ghi training: {trained: true, date: …} khi đã tập huấn.")


@rule("BLOC-DIALOGUE", "Ít nhất một cuộc đối thoại trực tiếp với Nhân dân mỗi năm", Severity.WARNING,
      "Đề án Khối DVCS Bắc Kạn, Phần thứ ba, mục I.2, mục tiêu (4)", DOC, "P3.I.2.4")
def dialogue(ctx: RuleContext) -> Iterator[Finding]:
    year = ctx.config.reference_date.year
    need = ctx.t.dialogues_per_year
    for at in ctx.ds.blocs.values():
        n = sum(1 for d in at.obj.dialogues if d.date.year == year)
        if n < need:
            yield ctx.finding(at, ("dialogues",) if at.obj.dialogues else ("id",),
                              f"Năm {year} Khối mới tham mưu {n} cuộc đối thoại trực tiếp; mục tiêu là ít nhất {need} cuộc mỗi năm.",
                              hint="Ghi vào dialogues các cuộc đối thoại đã tổ chức (date, topic); nếu chưa tổ chức, tham mưu cấp ủy tổ chức trong năm.")


@rule("BLOC-BRIEFING", "Khối giao ban định kỳ", Severity.WARNING,
      "Đề án Khối DVCS Bắc Kạn, Phần thứ ba, mục I.2, mục tiêu (6)", DOC, "P3.I.2.6")
def briefing(ctx: RuleContext) -> Iterator[Finding]:
    year = ctx.config.reference_date.year
    for at in ctx.ds.blocs.values():
        if not any(b.date.year == year for b in at.obj.briefings):
            yield ctx.finding(at, ("briefings",) if at.obj.briefings else ("id",),
                              f"Năm {year} Khối chưa ghi cuộc giao ban nào.",
                              hint="Ghi vào briefings các cuộc giao ban đã họp trong năm (date, nội dung).")


@rule("BLOC-PILOT", "Mỗi huyện có ít nhất một Khối làm điểm", Severity.INFO,
      "Đề án Khối DVCS Bắc Kạn, Phần thứ ba, mục I.2, mục tiêu (5)", DOC, "P3.I.2.5", district_duty="pilot_bloc")
def pilot(ctx: RuleContext) -> Iterator[Finding]:
    """By district; under a scheme without districts, at the level config.district_duties names, or not at all."""
    level = ctx.config.district_duty_level("pilot_bloc")
    if level is None:
        return
    by_area: dict[str, list] = {}
    for at in ctx.ds.blocs.values():
        area = ancestor_at(ctx.ds, at.obj.commune, level)
        if area:
            by_area.setdefault(area, []).append(at)
    chooser = "huyện" if level == "huyen" else "tỉnh"
    for area, blocs in sorted(by_area.items()):
        if not any(b.obj.pilot for b in blocs):
            unit = ctx.ds.units[area]
            yield ctx.finding(unit, ("id",), f"{cap(unit_label(unit.obj))} chưa có Khối nào được chọn làm điểm (pilot: true).",
                              hint=f"Ghi pilot: true trong tệp của Khối được {chooser} chọn làm điểm.")
