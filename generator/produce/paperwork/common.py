"""What every piece of paperwork shares: takes the dataset and a commune, gives the commune
Party committee's header lines, its place name, and the legal bases cited from the document
registry (number, date, issuer and title as recorded there)."""

from __future__ import annotations

from generator.model.dataset import Dataset
from generator.model.hierarchy import unit_label
from generator.core.text import collation_key
from generator.produce.printing.wordglue import glue_for, keep_names

# Documents a team's founding decision rests on, by registry id, cited when the registry holds
# them: the Politburo's rules on dân vận work, the province's own rules, and the Đề án whose
# Phần thứ hai, mục III has each commune Party committee found the teams by decision.
TEAM_BASES = ["qd-23-tw-2021", "qd-279-tu-bac-giang-2021", "de-an-to-dvcd-bac-giang"]
TEAM_SECTIONS = {"de-an-to-dvcd-bac-giang": "P2.III"}
# The assigned agencies' guidance (at least one weekend day a month, four steps, deadlines).
AGENCY_BASES = ["hd-02-bdvtu-tuyen-quang-2021"]


def upper(text: str) -> str:
    """A line of a header block as it prints, in upper case, with its words kept whole (the word
    list and the proper names, found while the case still shows them): it may break between
    "THỊ TRẤN" and "CAO THƯỢNG", never inside either."""
    return keep_names(glue_for()(text)).upper()


def commune_name(ds: Dataset, commune: str) -> str:
    return ds.units[commune].obj.name if commune in ds.units else commune


def committee(ds: Dataset, commune: str) -> str:
    """“Đảng ủy xã Cao Xá”: the commune's Party committee."""
    unit = ds.units.get(commune)
    return f"Đảng ủy {unit_label(unit.obj)}" if unit else "Đảng ủy xã"


def superior_of(ds: Dataset, commune: str) -> str:
    """The line above the commune committee in its header: “ĐẢNG BỘ HUYỆN TÂN YÊN”, or the
    province's Party organisation where there is no district level."""
    unit = ds.units.get(commune)
    parent = ds.units.get(unit.obj.parent) if unit and unit.obj.parent else None
    return upper(f"Đảng bộ {unit_label(parent.obj)}") if parent else upper(f"Đảng bộ tỉnh {ds.config.province.name}")


def cite(ds: Dataset, doc_id: str, section: str | None = None) -> str | None:
    """“Quyết định số 23-QĐ/TW, ngày 30/7/2021 của Bộ Chính trị về ban hành …” from the registry."""
    at = ds.documents.get(doc_id)
    if at is None:
        return None
    d = at.obj
    kinds = {"QĐ": "Quyết định", "HD": "Hướng dẫn", "ĐA": "Đề án", "NQ": "Nghị quyết", "KL": "Kết luận",
             "CT": "Chỉ thị", "KH": "Kế hoạch", "TB": "Thông báo", "QC": "Quy chế", "CV": "Công văn"}
    kind = getattr(d.kind, "value", d.kind)
    name = kinds.get(kind, kind)
    date = d.date.strftime("%d/%m/%Y") if d.date else None
    head = f"{name} số {d.number}" + (f", ngày {date}" if date else "") if d.number else d.title
    issuer = f" của {d.issuer}" if d.issuer else ""
    title = f" về {d.title[:1].lower()}{d.title[1:]}" if d.number else ""
    where = ""
    if section:
        sec = next((s for s in d.sections if s.id == section), None)
        where = f" ({sec.title})" if sec else ""
    return f"{head}{issuer}{title}{where}"


def ordered_members(members: list, role_attr: str, order: list[str]) -> list:
    """Members by role (leader first), then Vietnamese-style by given, middle and family name."""
    rank = {r: i for i, r in enumerate(order)}
    return sorted(members, key=lambda m: (rank.get(getattr(getattr(m, role_attr), "value", ""), len(order)),
                                          collation_key(m.given_name), collation_key(m.middle_name or ""),
                                          collation_key(m.family_name)))
