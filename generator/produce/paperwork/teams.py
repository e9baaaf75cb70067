"""A team's paperwork: takes the dataset and a team, gives its founding decision by the commune
Party committee (legal bases, articles, the member list with position and role in the team;
Đề án Tổ DVCĐ Bắc Giang, Phần thứ hai, mục III) and its monthly meeting minutes form with the
members and groups printed in and lines left to write the content."""

from __future__ import annotations

from generator.model.dataset import Dataset
from generator.model.hierarchy import commune_of, unit_label
from generator.produce.docx.document import Header, Heading, Lines, OfficialDoc, Para, Run, Signature, Table, date_line
from generator.produce.paperwork.common import (
    TEAM_BASES, TEAM_SECTIONS, cite, commune_name, committee, ordered_members, superior_of, upper,
)
from generator.schema.roles import LABELS

TEAM_ROLES = ["to_truong", "to_pho", "thanh_vien"]


def village_label(ds: Dataset, team) -> str:
    unit = ds.units.get(team.village)
    return unit_label(unit.obj) if unit else team.village


def _positions(member) -> str:
    return ", ".join(LABELS.get(p.value, p.value) for p in member.positions) or "–"


def founding_decision(ds: Dataset, team) -> OfficialDoc:
    commune = commune_of(ds, team.village)
    issuer = team.founding_decision.issuer or committee(ds, commune)
    village = village_label(ds, team)
    d = team.founding_decision.date
    members = ordered_members(team.members, "team_role", TEAM_ROLES)
    bases = [c for c in (cite(ds, doc, TEAM_SECTIONS.get(doc)) for doc in TEAM_BASES) if c]
    body = [Para.of(f"BAN THƯỜNG VỤ {upper(issuer)}", bold=True, align="center", indent=False)]
    body += [Para.of(f"- Căn cứ {text};", italic=True) for text in bases]
    body.append(Para.of(f"- Xét đề nghị của chi ủy chi bộ {village} và ý kiến của Nhân dân trên địa bàn,", italic=True))
    body.append(Para.of("QUYẾT ĐỊNH", bold=True, align="center", indent=False))
    body.append(Para([Run("Điều 1. ", bold=True),
                      Run(f"Thành lập Tổ Dân vận cộng đồng {village}, {unit_label(ds.units[commune].obj) if commune in ds.units else ''}"
                          f" gồm {len(members)} đồng chí có tên trong danh sách dưới đây.")]))
    body.append(Table(["STT", "Họ và tên", "Chức danh ở thôn", "Vai trò trong Tổ"],
                      [[str(i), m.full_name, _positions(m), LABELS[m.team_role.value]] for i, m in enumerate(members, 1)],
                      [12, 55, 65, 33], numeric={0}))
    body.append(Para([Run("Điều 2. ", bold=True),
                      Run(f"Tổ Dân vận cộng đồng {village} đặt dưới sự lãnh đạo trực tiếp của chi bộ thôn; có nhiệm vụ tuyên "
                          "truyền, vận động người dân nơi cư trú làm theo chủ trương của Đảng, chính sách, pháp luật của Nhà nước; "
                          "phối hợp tổ chức để Nhân dân giám sát; nắm bắt và phản ánh tâm tư, nguyện vọng của người dân lên cấp ủy, "
                          "chính quyền; cùng các đoàn thể ở khu dân cư đẩy mạnh phong trào thi đua “Dân vận khéo”. Tổ chia thành các nhóm "
                          "theo địa bàn dân cư, mỗi nhóm từ 3 đến 5 người do một nhóm trưởng phụ trách, lo cho 30 đến 50 hộ; "
                          "Tổ họp mỗi tháng một lần.")]))
    body.append(Para([Run("Điều 3. ", bold=True),
                      Run(f"Chi bộ {village}, các đồng chí có tên tại Điều 1 và các tổ chức, cá nhân có liên quan chịu trách "
                          "nhiệm thi hành Quyết định này. Quyết định có hiệu lực kể từ ngày ký.")]))
    place = commune_name(ds, commune) if commune else ds.config.province.name
    return OfficialDoc(
        Header(superior_of(ds, commune), upper(issuer), f"Số: {team.founding_decision.number}",
               date_line(place, d.day, d.month, d.year)),
        "QUYẾT ĐỊNH", f"về việc thành lập Tổ Dân vận cộng đồng {village}", body,
        Signature("T/M BAN THƯỜNG VỤ", "BÍ THƯ"),
        ["Như Điều 3", f"Khối Dân vận cơ sở {unit_label(ds.units[commune].obj) if commune in ds.units else ''}".strip(),
         "Lưu Văn phòng Đảng ủy"])


def minutes_form(ds: Dataset, team) -> OfficialDoc:
    commune = commune_of(ds, team.village)
    village = village_label(ds, team)
    members = ordered_members(team.members, "team_role", TEAM_ROLES)
    names = {m.id: m.full_name for m in team.members}
    group_of = {pid: g.name for g in team.groups for pid in g.members}
    place = commune_name(ds, commune) if commune else ds.config.province.name
    body = [Para.of("Thời gian: ……… giờ ……… ngày ……… tháng ……… năm 20……", indent=False, align="left"),
            Para.of("Địa điểm: ……………………………………………………………", indent=False, align="left"),
            Para.of("Chủ trì: ………………………………    Thư ký: ………………………………", indent=False, align="left"),
            Heading("I. Thành viên dự họp"),
            Table(["STT", "Họ và tên", "Vai trò trong Tổ", "Nhóm", "Có mặt", "Ký tên"],
                  [[str(i), m.full_name, LABELS[m.team_role.value], group_of.get(m.id, "–"), "", ""]
                   for i, m in enumerate(members, 1)], [12, 50, 28, 35, 15, 25], numeric={0}),
            Heading("II. Tình hình các nhóm trong tháng"),
            Table(["Nhóm", "Nhóm trưởng", "Số hộ", "Tình hình, ý kiến của người dân"],
                  [[g.name, names.get(g.leader, g.leader), str(g.households), ""] for g in team.groups],
                  [38, 42, 15, 70], numeric={2}),
            Heading("III. Kết quả hoạt động trong tháng"), Lines(5),
            Heading("IV. Tâm tư, nguyện vọng của Nhân dân cần báo cáo chi bộ, Khối Dân vận"), Lines(4),
            Heading("V. Nhiệm vụ tháng tới và phân công"), Lines(4),
            Para.of("Cuộc họp kết thúc lúc ……… giờ ……… cùng ngày.", indent=False)]
    return OfficialDoc(
        Header(upper(committee(ds, commune)) if commune else "", upper(f"Tổ Dân vận cộng đồng {village}"), None,
               date_line(place)),
        "BIÊN BẢN", "họp Tổ Dân vận cộng đồng tháng …… năm 20……", body,
        Signature("", "CHỦ TRÌ", left_title="THƯ KÝ"))
