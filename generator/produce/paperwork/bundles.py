"""The paperwork files of a project: takes the dataset, gives one `Bundle` per file — per
commune its teams' founding decisions and its teams' minutes forms (at province scale a
commune holds tens of teams and a province thousands: one file per commune, not per team), per
bloc its member list, per assigned agency its yearly plan and its report form."""

from __future__ import annotations

from collections import defaultdict

from generator.model.dataset import Dataset
from generator.model.hierarchy import commune_of, unit_label
from generator.produce.docx.document import Bundle
from generator.produce.paperwork.agencies import period_due, report_form, yearly_plan
from generator.produce.paperwork.blocs import member_list
from generator.produce.paperwork.common import committee
from generator.produce.paperwork.teams import founding_decision, minutes_form, village_label
from generator.core.text import collation_key

FOLDER = "giay-to"  # under the downloads folder of the internal build
KINDS = {  # kind: label on the downloads page and in `handbook pdf`
    "quyet-dinh-to": "Quyết định thành lập Tổ Dân vận cộng đồng",
    "bien-ban-hop-to": "Mẫu biên bản họp Tổ Dân vận cộng đồng hằng tháng",
    "danh-sach-khoi": "Danh sách thành viên Khối Dân vận cơ sở và nhiệm vụ",
    "ke-hoach-phan-cong": "Kế hoạch hoạt động cuối tuần tại cơ sở",
    "bao-cao-phan-cong": "Mẫu báo cáo kết quả hoạt động tại cơ sở",
}


def paperwork_bundles(ds: Dataset) -> list[Bundle]:
    date = ds.config.reference_date.isoformat()
    by_commune: dict[str, list] = defaultdict(list)
    for at in ds.teams.values():
        commune = commune_of(ds, at.obj.village)
        if commune:
            by_commune[commune].append(at.obj)
    bundles = []
    for commune in sorted(by_commune, key=lambda c: (collation_key(ds.units[c].obj.name), c)):
        teams = sorted(by_commune[commune], key=lambda t: (collation_key(village_label(ds, t)), t.id))
        where = unit_label(ds.units[commune].obj)
        author = committee(ds, commune)
        bundles.append(Bundle(f"quyet-dinh-thanh-lap-to-{commune}", f"{KINDS['quyet-dinh-to']} – {where}", "quyet-dinh-to",
                              [founding_decision(ds, t) for t in teams], author, date))
        bundles.append(Bundle(f"bien-ban-hop-to-{commune}", f"{KINDS['bien-ban-hop-to']} – {where}", "bien-ban-hop-to",
                              [minutes_form(ds, t) for t in teams], author, date))
    for bid in sorted(ds.blocs):
        bloc = ds.blocs[bid].obj
        where = unit_label(ds.units[bloc.commune].obj) if bloc.commune in ds.units else bloc.commune
        bundles.append(Bundle(f"danh-sach-{bid}", f"{KINDS['danh-sach-khoi']} – {where}", "danh-sach-khoi",
                              [member_list(ds, bloc)], committee(ds, bloc.commune), date))
    year = ds.config.reference_date.year
    _, _, _, label = period_due(ds)
    for aid in sorted(ds.assignments):
        a = ds.assignments[aid].obj
        if a.exemption:
            continue
        org = a.agency.party_org
        bundles.append(Bundle(f"ke-hoach-{aid}-{year}", f"{KINDS['ke-hoach-phan-cong']} năm {year} – {org}", "ke-hoach-phan-cong",
                              [yearly_plan(ds, a, year)], org, date))
        bundles.append(Bundle(f"bao-cao-{aid}", f"{KINDS['bao-cao-phan-cong']} {label} – {org}", "bao-cao-phan-cong",
                              [report_form(ds, a)], org, date))
    return bundles
