"""The units files and the configuration of a synthetic project: takes the skeleton, gives the
units record of each province (the province, its districts, communes and villages) and the
record of data/config.yml, each with the comment lines its file carries under the header.
"""

from __future__ import annotations

from generator.core.dates import format_vn_date as fmt
from generator.schema.config import CmsSettings, Config, ReportSettings
from generator.schema.config import Province as ProvinceSettings
from generator.schema.units import Unit, UnitCode, UnitsFile
from generator.synth.model_dicts import record
from generator.synth.skeleton import Province, Skeleton


def units_file(p: Province) -> tuple[dict, tuple[str, ...]]:
    """The record of data/units/<province>.yml and its comment lines."""
    codes = [record(UnitCode, scheme="tk-2004", code=p.code)] if p.code else None
    units = [record(Unit, id=p.id, kind=p.kind, name=p.name, codes=codes)]
    for d in p.districts:
        units.append(record(Unit, id=d.id, kind=d.kind, name=d.name, parent=p.id,
                            codes=[record(UnitCode, scheme="tk-2004", code=d.code)]))
    for c in p.communes:
        units.append(record(Unit, id=c.id, kind=c.kind, name=c.name, parent=c.parent, sample=True))
        for v in c.villages:
            units.append(record(Unit, id=v.id, kind=v.kind, name=v.name, parent=c.id, sample=True))
    extra = ("# Tên tỉnh" + (", huyện" if p.districts else "") + " là có thật; tên xã, thôn là hư cấu (sample: true).",)
    return record(UnitsFile, units=units), extra


def config_file(sk: Skeleton, recipients: list[str] | None = None,
                cms: dict | None = None) -> tuple[dict, tuple[str, ...]]:
    """The record of data/config.yml (the first province is the project's) and its comment lines;
    `recipients` of the reports, if given, replace the usual four (the sample lists six); `cms`
    is the web editor's repository section (by default a fictional one named after the province,
    so the check has nothing to say about the web editor's sign-in)."""
    p = sk.provinces[0]
    cms = cms or record(CmsSettings, repo=f"ban-dan-van-{p.id}/so-tay-dan-van")
    upper = f"{'THÀNH ỦY' if p.kind == 'thanh_pho_tw' else 'TỈNH ỦY'} {p.name.upper()}"
    local = "Các huyện ủy, thành ủy" if sk.scale.scheme == "ba-cap" else "Các đảng ủy xã, phường, đặc khu"
    extra: tuple[str, ...] = ()
    if len(sk.provinces) > 1:
        extra = (f"# {len(sk.provinces)} tỉnh, thành phố trong một dự án: province trỏ vào tỉnh đầu tiên "
                 "(trang danh bạ bắt đầu từ đó).",)
    report = record(
        ReportSettings, superior=upper, issuer="BAN DÂN VẬN", number_suffix="BC/BDVTU", place=p.name,
        signing="K/T TRƯỞNG BAN", signer_title="PHÓ TRƯỞNG BAN",
        recipients=recipients or ["Ban Dân vận Trung ương (b/c)", f"Thường trực {p.short} (b/c)", local, "Lưu Văn phòng Ban"],
    )
    province = record(ProvinceSettings, name=p.name, unit=p.id, board=f"Ban Dân vận {p.short} {p.name}")
    return record(Config, province=province, report=report, scheme=sk.scale.scheme, reference_date=fmt(sk.ref),
                  cms=cms, sample=True), extra
