"""The two-level sample (samples/hai-cap/data): takes a data folder, writes Bắc Ninh after the
2025 reform — config.yml (scheme hai-cap, reference date 30/11/2026, the merged Ban Tuyên giáo và
Dân vận as issuer), the units (the province, five fictional communes and wards that record the
units they were formed from, 22 fictional villages, and the old units of two of them with `became`),
teams, blocs, four fictional "Dân vận khéo" models and the assignments of provincial agencies —
and gives the number of files written. `python tools/make_sample_hai_cap.py` runs it.

It is the synthetic generator at a hand-made skeleton: the communes, their former units and the
reference date are set here, every record is drawn by the synthetic builders (`communes`,
`exemplars`, `assignments`) from the seed, and written by the synthetic `datafiles.Writer`, so a
rerun gives the same tree byte for byte. The teams were re-founded by the new communes' Party
committees between July and September 2025, after the merger, and rated for 2025 and 2026.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from dataclasses import replace
from pathlib import Path

from generator.core.dates import format_vn_date as fmt
from generator.schema.config import CmsSettings, Config, ReportSettings
from generator.schema.config import Province as ProvinceSettings
from generator.schema.units import FormerName, Successor, Unit, UnitCode, UnitsFile
from generator.synth.assignments import assignment_record, plan_assignments
from generator.synth.communes import commune_records
from generator.synth.datafiles import Writer
from generator.synth.exemplars import model_records
from generator.synth.model_dicts import record
from generator.synth.scales import SCALES
from generator.synth.skeleton import Commune, Province, Skeleton, _make_villages

SEED = 2026
SCALE = replace(SCALES["tiny-hai-cap"], name="mau-hai-cap", provinces=1, communes=5, villages=22, teams=22,
                villages_per_commune=(4, 5), models=4, assignments=7)
REFERENCE = dt.date(2026, 11, 30)
REFORM = "01/7/2025"
LAST_DAY = "30/6/2025"
MERGER_NOTE = "Sắp xếp đơn vị hành chính cấp xã năm 2025 (dữ liệu mẫu, hư cấu)"
PROVINCE_NOTE = "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh"

HEADER = "# Dữ liệu mẫu: mọi người, xã, phường, thôn, tổ dân phố trong tệp này là hư cấu."
UNITS_LINE = ("# Tỉnh Bắc Ninh (sau sắp xếp năm 2025, gồm tỉnh Bắc Giang và tỉnh Bắc Ninh cũ) là có thật; "
              "xã, phường mới và các xã, phường cũ hợp thành chúng là hư cấu (sample: true).")

# The new communes: (id tail, kind, name, villages, the old units it was formed from as (kind, name,
# former district, former province), whether those old units are kept as units with `became`).
COMMUNES = [
    ("hoa-giang", "phuong", "Hòa Giang", 5,
     [("phuong", "Đông Lâm", "thành phố Bắc Giang", "bac-giang"), ("xa", "Ngọc Châu", "thành phố Bắc Giang", "bac-giang")], True),
    ("tan-phong", "xa", "Tân Phong", 5,
     [("xa", "Vân Khê", "huyện Tân Yên", "bac-giang"), ("xa", "Lạc Đình", "huyện Tân Yên", "bac-giang"),
      ("xa", "Hương Mai", "huyện Tân Yên", "bac-giang")], True),
    ("yen-son", "xa", "Yên Sơn", 4,
     [("xa", "Đồng Kỳ Thượng", "huyện Yên Thế", "bac-giang"), ("xa", "Phồn Lạc", "huyện Yên Thế", "bac-giang")], False),
    ("luc-ha", "xa", "Lục Hà", 4,
     [("xa", "Nam Lâm", "huyện Lục Ngạn", "bac-giang"), ("xa", "Quý Hòa", "huyện Lục Ngạn", "bac-giang")], False),
    ("thuan-lam", "phuong", "Thuận Lâm", 4,
     [("phuong", "Đông Phong", "thành phố Bắc Ninh", "bac-ninh"), ("xa", "Hòa Lâm", "thành phố Bắc Ninh", "bac-ninh")], False),
]
KIND_WORD = {"xa": "xã", "phuong": "phường"}
OLD_PROVINCE_NAME = {"bac-giang": "tỉnh Bắc Giang", "bac-ninh": "tỉnh Bắc Ninh"}

REPORT = {
    "superior": "TỈNH ỦY BẮC NINH", "issuer": "BAN TUYÊN GIÁO VÀ DÂN VẬN", "number_suffix": "BC/BTGDVTU",
    "place": "Bắc Ninh", "signing": "K/T TRƯỞNG BAN", "signer_title": "PHÓ TRƯỞNG BAN",
    "recipients": ["Ban Tuyên giáo và Dân vận Trung ương (b/c)", "Thường trực Tỉnh ủy (b/c)",
                   "Các đảng ủy xã, phường", "Các cơ quan được phân công phụ trách xã", "Lưu Văn phòng Ban"],
}
BOARD = "Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Ninh"
REPO = "ban-tuyen-giao-dan-van-bac-ninh/so-tay-dan-van"


def build_skeleton() -> Skeleton:
    """Bắc Ninh with the five communes above; villages named by the synthetic builder."""
    rng = random.Random(SEED)
    province = Province("bac-ninh", "tinh", "Bắc Ninh", "bac")
    for tail, kind, name, villages, _, _ in COMMUNES:
        c = Commune(f"bn-{tail}", kind, name, province.id, province, None)
        _make_villages(rng, c, villages, "bac" if kind == "phuong" else "nui" if tail == "yen-son" else "bac")
        province.communes.append(c)
    province.communes[0].pilot = True
    return Skeleton(SCALE, SEED, REFERENCE.year, REFERENCE, dt.date(2025, 12, 1), [province], list(province.communes))


def write_sample_hai_cap(data: Path) -> int:
    """Write the two-level sample into the folder `data` (emptied of what an earlier run wrote)."""
    for name in ("config.yml",):
        (data / name).unlink(missing_ok=True)
    for name in ("units", "teams", "blocs", "models", "assignments"):
        if (data / name).is_dir():
            shutil.rmtree(data / name)
    sk = build_skeleton()
    writer = Writer(data.parent, HEADER)
    at = f"{data.name}/"
    writer.write(f"{at}config.yml", "config", config_record())
    writer.write(f"{at}units/bac-ninh.yml", "units", units_record(sk), (UNITS_LINE,))
    for index, c in enumerate(sk.communes):
        for kind, rec in commune_records(sk, index):
            if kind == "team":
                refound(rec)
                writer.write(f"{at}teams/{c.id}/{rec['id']}.yml", "team", rec)
            else:
                writer.write(f"{at}blocs/{rec['id']}.yml", "bloc", rec)
    for rec in model_records(sk, SCALE.models):
        writer.write(f"{at}models/{rec['id']}.yml", "model", rec)
    for plan in plan_assignments(sk):
        rec = assignment_record(sk, plan)
        close_reports(rec)
        writer.write(f"{at}assignments/{plan.id}.yml", "assignment", rec)
    return writer.files


def config_record() -> dict:
    province = record(ProvinceSettings, name="Bắc Ninh", unit="bac-ninh", board=BOARD)
    return record(Config, province=province, report=record(ReportSettings, **REPORT), scheme="hai-cap",
                  reference_date=fmt(REFERENCE), cms=record(CmsSettings, repo=REPO), sample=True)


def units_record(sk: Skeleton) -> dict:
    """The province (with the old Bắc Giang as a unit that became it), each new commune with the
    names of the units it was formed from, the old units of the first two kept with `became`,
    and the villages."""
    p = sk.provinces[0]
    units = [record(Unit, id=p.id, kind="tinh", name=p.name),
             record(Unit, id="bac-giang", kind="tinh", name="Bắc Giang",
                    codes=[record(UnitCode, scheme="tk-2004", code="24")],
                    became=record(Successor, unit=p.id, date=REFORM, note=PROVINCE_NOTE))]
    old_units = []
    for c, (tail, _, _, _, formers, keep) in zip(sk.communes, COMMUNES):
        former = [record(FormerName, name=f"{KIND_WORD[k]} {n} ({d}, {OLD_PROVINCE_NAME[prov]})", until=LAST_DAY,
                         note=f"Nhập vào {KIND_WORD[c.kind]} {c.name} từ ngày {REFORM}")
                  for k, n, d, prov in formers]
        units.append(record(Unit, id=c.id, kind=c.kind, name=c.name, parent=p.id, former_names=former, sample=True))
        if keep:
            for k, n, d, prov in formers:
                old_units.append(record(
                    Unit, id=f"cu-{_slug(n)}", kind=k, name=n, parent=prov,
                    former_names=[record(FormerName, name=f"{KIND_WORD[k]} {n}, {d}", until=LAST_DAY,
                                         note=f"Cấp huyện kết thúc hoạt động từ ngày {REFORM}")],
                    became=record(Successor, unit=c.id, date=REFORM, note=MERGER_NOTE), sample=True))
        units += [record(Unit, id=v.id, kind=v.kind, name=v.name, parent=c.id, sample=True) for v in c.villages]
    return record(UnitsFile, units=units + old_units)


def refound(team: dict) -> None:
    """The new commune's Party committee re-founded its teams in July–September 2025 (the builder
    dates them in the reference year); the 2025 rating is added with the grade of 2026."""
    decision = team["founding_decision"]
    day, month, year = decision["date"].split("/")
    decision["date"] = f"{day}/{month}/{int(year) - 1}"
    ratings = team.get("ratings") or []
    if ratings and all(r["year"] != int(year) - 1 for r in ratings):
        ratings.insert(0, {**ratings[0], "year": int(year) - 1})


def close_reports(assignment: dict) -> None:
    """The reports as they stand at the reference date: the yearly report (due 15/12) is not
    filed yet, the November monthly report (due 25/11) is."""
    reports = assignment.get("reports")
    if not reports:
        return
    reports[:] = [r for r in reports if dt.datetime.strptime(r["filed"], "%d/%m/%Y").date() <= REFERENCE]
    day = 18 + len(assignment["id"]) % 6
    reports.append({"kind": "thang", "year": REFERENCE.year, "number": REFERENCE.month,
                    "filed": fmt(dt.date(REFERENCE.year, REFERENCE.month, day))})


def _slug(name: str) -> str:
    from generator.synth.spelling import slugify

    return slugify(name)
