"""A bloc's member list: takes the dataset and a bloc, gives the list of its members with their
commune position, role in the bloc and the duties assigned to each (Đề án Khối DVCS Bắc Kạn,
Phần thứ ba, mục I.2, target 1: duties assigned to every member), signed by its head."""

from __future__ import annotations

from generator.model.dataset import Dataset
from generator.model.hierarchy import unit_label
from generator.produce.docx.document import Header, OfficialDoc, Para, Signature, Table, date_line
from generator.produce.paperwork.common import commune_name, committee, ordered_members, superior_of, upper
from generator.schema.roles import LABELS

BLOC_ROLES = ["truong_khoi", "pho_truong_khoi", "thanh_vien", "giup_viec"]


def member_list(ds: Dataset, bloc) -> OfficialDoc:
    commune = bloc.commune
    where = unit_label(ds.units[commune].obj) if commune in ds.units else commune
    members = ordered_members(bloc.members, "bloc_role", BLOC_ROLES)
    head = next((m for m in members if m.bloc_role.value == "truong_khoi"), None)
    ref = ds.config.reference_date
    rows = [[str(i), m.full_name, LABELS[m.position.value], LABELS[m.bloc_role.value], m.duties or "Chưa phân công"]
            for i, m in enumerate(members, 1)]
    rules = (f"Quy chế hoạt động của Khối ban hành ngày {bloc.rules.adopted.strftime('%d/%m/%Y')}"
             + (f" (số {bloc.rules.number})" if bloc.rules.number else "") + "." if bloc.rules
             else "Khối chưa ban hành quy chế hoạt động.")
    body = [Para.of(f"Khối Dân vận cơ sở {where} có {len(members)} thành viên; mỗi thành viên được giao nhiệm vụ cụ thể "
                    f"như dưới đây. {rules}"),
            Table(["STT", "Họ và tên", "Chức vụ ở xã", "Vai trò trong Khối", "Nhiệm vụ được phân công"], rows,
                  [11, 36, 38, 25, 55], numeric={0}, size=11),
            Para.of(f"Danh sách có {len(members)} người, lập theo số liệu đến ngày {ref.strftime('%d/%m/%Y')}.", italic=True)]
    return OfficialDoc(
        Header(superior_of(ds, commune), upper(committee(ds, commune)), None,
               date_line(commune_name(ds, commune), ref.day, ref.month, ref.year)),
        "DANH SÁCH", f"thành viên Khối Dân vận cơ sở {where} và nhiệm vụ được phân công", body,
        Signature("", "TRƯỞNG KHỐI", head.full_name if head else None),
        ["Thường trực Đảng ủy", "Các thành viên Khối", "Lưu Văn phòng Đảng ủy"])
