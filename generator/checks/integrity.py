"""Integrity across files: takes a `Dataset`, gives findings for references that do not
resolve, units whose parent sits at the wrong level, two teams for one village, and
citations of sections a document does not have."""

from __future__ import annotations

from typing import Any, Iterator

from pydantic import BaseModel

from generator.core.suggest import suggest
from generator.model.dataset import Dataset, Located
from generator.model.hierarchy import is_commune, is_village, level_name
from generator.core.findings import Finding, Severity
from generator.schema.introspect import ref_fields
from generator.schema.config import KIND_LABELS
from generator.load.yamlload import format_path

_REF_LABEL = {
    "unit": "đơn vị hành chính", "person": "người", "document": "văn bản", "model": "mô hình",
    "team": "Tổ", "topic": "chủ đề", "qa": "câu hỏi", "module": "chuyên đề",
}
_REF_WHERE = {
    "unit": "data/units/", "person": "danh sách thành viên của Tổ hoặc Khối", "document": "data/documents.yml",
    "model": "data/models/", "team": "data/teams/", "topic": "content/topics.yml", "qa": "content/qa/",
    "module": "content/modules/",
}

def iter_refs(obj: BaseModel, path: tuple = ()) -> Iterator[tuple[str, str, tuple]]:
    """Every (kind, id, path) reference held anywhere inside a record."""
    for name, kind, nested in ref_fields(type(obj)):
        value = getattr(obj, name)
        if value is None:
            continue
        if kind:
            if isinstance(value, list):
                for i, item in enumerate(value):
                    yield kind, item, path + (name, i)
            else:
                yield kind, value, path + (name,)
        if nested:
            if isinstance(value, BaseModel):
                yield from iter_refs(value, path + (name,))
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, BaseModel):
                        yield from iter_refs(item, path + (name, i))


def _record_sets(ds: Dataset) -> list[Located]:
    records: list[Located] = []
    for collection in (ds.units, ds.documents, ds.teams, ds.blocs, ds.models, ds.assignments, ds.topics, ds.modules, ds.qa, ds.publications):
        records.extend(collection.values())
    records.extend(ds.terms)
    if ds.config_at:
        records.append(ds.config_at)
    return records


def check_integrity(ds: Dataset) -> list[Finding]:
    findings: list[Finding] = []
    findings += _check_references(ds)
    findings += _check_hierarchy(ds)
    findings += _check_placement(ds)
    findings += _check_citations(ds)
    findings += _check_config(ds)
    findings += _check_data_paths(ds)
    findings += _check_grades(ds)
    return findings


def _check_grades(ds: Dataset) -> list[Finding]:
    """A rating's grade is a code of the province's scale; "tốt" for tot, or any other
    spelling, would count as no rating at all in the reports."""
    if ds.config is None:
        return []
    grades = [g.id for g in ds.config.rating_scale]
    findings = []
    for at in ds.teams.values():
        for r, rating in enumerate(at.obj.ratings):
            if rating.grade in grades:
                continue
            guess = suggest(rating.grade, grades)
            findings.append(_finding(
                "REF-UNKNOWN-GRADE", at, ("ratings", r, "grade"),
                f"Mức xếp loại “{rating.grade}” không có trong thang xếp loại của tỉnh." + (f" Có phải ý bạn là “{guess}”?" if guess else ""),
                hint=(f"Viết đúng mã “{guess}” (chữ thường, không dấu). " if guess else "")
                + "Các mã được dùng: " + ", ".join(grades) + " (khai ở rating_scale trong data/config.yml).",
            ))
    return findings


def _finding(code: str, at: Located, sub: tuple, message: str, hint: str | None = None, severity: Severity = Severity.ERROR) -> Finding:
    line, col = at.file.locate(at.path + sub)
    return Finding(code, severity, message, file=at.file.path, line=line, column=col,
                   path=format_path(at.path + sub) or None, hint=hint)


def _check_references(ds: Dataset) -> list[Finding]:
    findings = []
    for at in _record_sets(ds):
        obj = at.obj.front if hasattr(at.obj, "front") else at.obj
        for kind, value, sub in iter_refs(obj):
            index = ds.index(kind)
            if ds.declared(kind, value):
                continue
            guess = suggest(value, index.keys())
            message = f"Không tìm thấy {_REF_LABEL[kind]} có mã “{value}”."
            if guess:
                message += f" Có phải ý bạn là “{guess}”?"
            findings.append(_finding(
                f"REF-UNKNOWN-{kind.upper()}", at, sub, message,
                hint=f"Mã phải trùng với một mã đã khai trong {_REF_WHERE[kind]}.",
            ))
    return findings


def _levels(ds: Dataset) -> dict[str, int]:
    if not ds.config:
        return {}
    return {k: i for i, level in enumerate(ds.config.active_scheme.levels) for k in level.kinds}


def _check_hierarchy(ds: Dataset) -> list[Finding]:
    findings = []
    level_of = _levels(ds)
    if not level_of:
        return findings
    scheme = ds.config.active_scheme
    for uid, at in ds.units.items():
        unit = at.obj
        if unit.kind not in level_of:
            allowed = sorted(level_of)
            guess = suggest(unit.kind, allowed)
            findings.append(_finding(
                "UNIT-UNKNOWN-KIND", at, ("kind",),
                f"Loại đơn vị “{unit.kind}” không có trong hệ “{scheme.name}”." + (f" Có phải ý bạn là “{guess}”?" if guess else ""),
                hint="Các loại được phép: " + ", ".join(allowed) + ".",
            ))
            continue
        level = level_of[unit.kind]
        if unit.parent is None:
            if level != 0:
                findings.append(_finding("UNIT-BAD-PARENT", at, ("kind",),
                                         f"Đơn vị “{unit.name}” ({KIND_LABELS.get(unit.kind, unit.kind)}) chưa ghi đơn vị cấp trên.",
                                         hint="Thêm khóa parent với mã đơn vị cấp trên trực tiếp."))
            continue
        parent = ds.units.get(unit.parent)
        if parent is None or parent.obj.kind not in level_of:
            continue  # reported as an unknown reference or an unknown kind
        expected = scheme.levels[level - 1].name if level > 0 else None
        if level_of[parent.obj.kind] != level - 1:
            findings.append(_finding(
                "UNIT-BAD-PARENT", at, ("parent",),
                f"Đơn vị cấp trên của {KIND_LABELS.get(unit.kind, unit.kind)} “{unit.name}” phải thuộc "
                f"{(expected or 'không cấp nào').lower()}, nhưng “{parent.obj.name}” là {KIND_LABELS.get(parent.obj.kind, parent.obj.kind)}.",
                hint=f"Trong hệ “{scheme.name}”, các cấp là: " + " → ".join(l.name for l in scheme.levels) + ".",
            ))
    findings += _check_cycles(ds)
    return findings


def _check_cycles(ds: Dataset) -> list[Finding]:
    findings = []
    for uid, at in ds.units.items():
        seen = {uid}
        current = at.obj.parent
        while current and current in ds.units:
            if current in seen:
                findings.append(_finding("UNIT-CYCLE", at, ("parent",),
                                         f"Đơn vị “{at.obj.name}” nằm trong một vòng lặp cấp trên – cấp dưới.",
                                         hint="Sửa parent của các đơn vị trong vòng để mỗi đơn vị trỏ lên đơn vị cấp trên trực tiếp của nó."))
                break
            seen.add(current)
            current = ds.units[current].obj.parent
    return findings


def _check_placement(ds: Dataset) -> list[Finding]:
    findings = []
    if not ds.config:
        return findings
    team_of_village: dict[str, Located] = {}
    for at in ds.teams.values():
        village = at.obj.village
        if village in ds.units and not is_village(ds, village):
            findings.append(_finding("REF-WRONG-LEVEL", at, ("village",),
                                     f"“{village}” không phải là thôn hay tổ dân phố; Tổ Dân vận cộng đồng lập ở thôn, tổ dân phố.",
                                     hint="Ghi village là mã của thôn, tổ dân phố (khai trong data/units/), không phải mã xã hay huyện."))
        if village in team_of_village:
            first = team_of_village[village]
            findings.append(_finding("TEAM-DUPLICATE-VILLAGE", at, ("village",),
                                     f"Thôn “{village}” đã có Tổ “{first.obj.id}” ({first.file.path}); mỗi thôn, tổ dân phố chỉ lập một Tổ.",
                                     hint="Gộp hai Tổ làm một, hoặc sửa mã thôn cho đúng."))
        else:
            team_of_village[village] = at
    bloc_of_commune: dict[str, Located] = {}
    for at in ds.blocs.values():
        commune = at.obj.commune
        if commune in ds.units and not is_commune(ds, commune):
            findings.append(_finding("REF-WRONG-LEVEL", at, ("commune",),
                                     f"“{commune}” không phải là đơn vị cấp xã; Khối Dân vận cơ sở lập ở xã, phường, thị trấn.",
                                     hint="Ghi commune là mã của xã, phường, thị trấn (khai trong data/units/)."))
        if commune in bloc_of_commune:
            findings.append(_finding("BLOC-DUPLICATE-COMMUNE", at, ("commune",),
                                     f"Xã “{commune}” đã có Khối “{bloc_of_commune[commune].obj.id}”; mỗi xã chỉ có một Khối.",
                                     hint="Gộp hai tệp Khối làm một, hoặc sửa mã xã (commune) cho đúng."))
        else:
            bloc_of_commune[commune] = at
    for at in ds.assignments.values():
        for i, commune in enumerate(at.obj.communes):
            if commune in ds.units and not is_commune(ds, commune):
                findings.append(_finding("REF-WRONG-LEVEL", at, ("communes", i),
                                         f"“{commune}” không phải là đơn vị cấp xã; cơ quan được phân công phụ trách xã.",
                                         hint="Ghi trong communes mã của xã, phường, thị trấn (khai trong data/units/)."))
        for i, activity in enumerate(at.obj.activities):
            if activity.commune in ds.units and activity.commune not in at.obj.communes:
                findings.append(_finding("ASSIGN-ACTIVITY-COMMUNE", at, ("activities", i, "commune"),
                                         f"Hoạt động ngày {activity.date:%d/%m/%Y} ở xã “{activity.commune}”, không phải xã được phân công phụ trách.",
                                         hint="Sửa commune của hoạt động cho đúng, hoặc thêm xã này vào communes nếu cơ quan được giao phụ trách.",
                                         severity=Severity.WARNING))
            if activity.village and activity.village in ds.units and ds.units[activity.village].obj.parent != activity.commune:
                findings.append(_finding("REF-WRONG-LEVEL", at, ("activities", i, "village"),
                                         f"Thôn “{activity.village}” không thuộc xã “{activity.commune}”.",
                                         hint="Sửa mã thôn (village) hoặc mã xã (commune) của hoạt động để thôn nằm trong xã."))
    return findings


def _check_citations(ds: Dataset) -> list[Finding]:
    findings = []
    for at in _record_sets(ds):
        obj = at.obj.front if hasattr(at.obj, "front") else at.obj
        for sub, citation in _citations(obj):
            doc = ds.documents.get(citation.doc)
            if doc is None or citation.section is None or not doc.obj.sections:
                continue
            ids = [s.id for s in doc.obj.sections]
            if citation.section not in ids:
                guess = suggest(citation.section, ids)
                findings.append(_finding(
                    "REF-UNKNOWN-SECTION", at, sub + ("section",),
                    f"Văn bản “{citation.doc}” không có mục “{citation.section}”." + (f" Có phải ý bạn là “{guess}”?" if guess else ""),
                    hint="Các mục được khai trong data/documents.yml, phần sections của văn bản này.",
                ))
    return findings


def _citations(obj: BaseModel) -> Iterator[tuple[tuple, Any]]:
    from generator.schema.common import Citation
    from generator.schema.walk import iter_instances

    return iter_instances(obj, Citation)


def _check_data_paths(ds: Dataset) -> list[Finding]:
    """Every photo's file stays inside data/photos/, is a real file of an image type, and
    (for SVG) draws without scripts. Not a rule: it cannot be switched off in the config."""
    from generator.core.safepaths import iter_photo_problems
    from generator.schema.common import Photo
    from generator.schema.walk import iter_instances

    findings = []
    for collection in (ds.teams, ds.models, ds.assignments):
        for at in collection.values():
            for sub, refused in iter_photo_problems(ds.root / "data", iter_instances(at.obj, Photo)):
                findings.append(_finding("DATA-PATH-UNSAFE", at, sub, str(refused), hint=refused.hint))
    return findings


def _check_config(ds: Dataset) -> list[Finding]:
    from generator.checks.rules import load_all_rules

    RULES = load_all_rules()
    findings = []
    if ds.config_at is None:
        return findings
    for code in ds.config.rules:
        if code not in RULES:
            guess = suggest(code, RULES.keys())
            findings.append(_finding("CONFIG-UNKNOWN-RULE", ds.config_at, ("rules", code),
                                     f"Không có quy tắc mã “{code}”." + (f" Có phải ý bạn là “{guess}”?" if guess else ""),
                                     hint="Xem danh sách bằng lệnh: handbook rules"))
    if ds.config.cms is None:
        findings.append(_finding(
            "CONFIG-CMS-REPO", ds.config_at, (),
            "Chưa khai kho nội dung cho trang biên tập trên web (mục cms): trang /admin/ không đăng nhập được "
            "cho đến khi có cms.repo.",
            hint="Thêm vào data/config.yml:\ncms:\n  repo: tổ-chức/tên-kho\n  forge: github",
            severity=Severity.WARNING))
    if ds.config.province.unit in ds.units and level_name(ds, ds.config.province.unit) != "tinh":
        findings.append(_finding("REF-WRONG-LEVEL", ds.config_at, ("province", "unit"),
                                 f"“{ds.config.province.unit}” không phải là đơn vị cấp tỉnh.",
                                 hint="Ghi province.unit là mã đơn vị cấp tỉnh khai trong data/units/."))
    return findings
