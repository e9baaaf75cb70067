"""The example data of a new content repository: takes the province's settings, gives one file
body per data file (config, the province and its units, one team, bloc, "Dân vận khéo" model and
assignment), each a dict in its model's field order.

Every record is an example a board replaces: marked `sample: true` (the site and the PDFs print
“Dữ liệu mẫu” on it) and named “(ví dụ)”; the people are fictional. The set passes
`handbook check` with no finding, so the first push of a new repository is green.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.synth.spelling import slugify

EXAMPLE_NOTE = ("# VÍ DỤ: bản ghi mẫu do handbook new tạo; người trong tệp là hư cấu.\n"
                "# Sửa thành dữ liệu thật của tỉnh (và bỏ dòng sample: true), hoặc xóa tệp.\n")


@dataclass(frozen=True)
class Province:
    name: str  # "Thái Nguyên"
    board: str  # "Ban Dân vận Tỉnh ủy Thái Nguyên"
    scheme: str  # "hai-cap" or "ba-cap"
    reference_date: dt.date

    @property
    def unit_id(self) -> str:
        return slugify(self.name) or "tinh"


def _person(pid: str, family: str, middle: str | None, given: str, **rest) -> dict:
    person = {"id": pid, "family_name": family}
    if middle:
        person["middle_name"] = middle
    person["given_name"] = given
    person.update(rest)
    person["sample"] = True
    return person


def _date(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


def config(p: Province, repo: str, forge: str, branch: str) -> dict:
    year = p.reference_date.year
    return {
        "province": {"name": p.name, "unit": p.unit_id, "board": p.board},
        "report": {
            "superior": f"TỈNH ỦY {p.name.upper()}",
            "issuer": "BAN DÂN VẬN",
            "number_suffix": "BC/BDVTU",
            "place": p.name,
            "signing": "K/T TRƯỞNG BAN",
            "signer_title": "PHÓ TRƯỞNG BAN",
            "recipients": ["Ban Dân vận Trung ương (b/c)", "Thường trực Tỉnh ủy (b/c)",
                           "Ban Thường vụ Tỉnh ủy (b/c)", "Đảng ủy các xã, phường", "Lưu Văn phòng Ban"],
        },
        "scheme": p.scheme,
        "reference_date": _date(p.reference_date),
        "thresholds": {"team_coverage_year": year},
        "cms": {"repo": repo, "forge": forge, "branch": branch},
    }


def units(p: Province) -> dict:
    province = {"id": p.unit_id, "kind": "tinh", "name": p.name}
    commune_parent = p.unit_id
    rows = [province]
    if p.scheme == "ba-cap":
        rows.append({"id": "huyen-vi-du", "kind": "huyen", "name": "Mẫu (ví dụ)", "parent": p.unit_id,
                     "sample": True})
        commune_parent = "huyen-vi-du"
    rows.append({"id": "xa-vi-du", "kind": "xa", "name": "Mẫu (ví dụ)", "parent": commune_parent, "sample": True})
    rows.append({"id": "xa-vi-du-thon-mot", "kind": "thon", "name": "Một (ví dụ)", "parent": "xa-vi-du",
                 "sample": True})
    return {"units": rows}


def team(p: Province) -> dict:
    year = p.reference_date.year
    members = [
        _person("vd-t-1", "Nguyễn", "Văn", "An", team_role="to_truong", positions=["bi_thu_chi_bo"]),
        _person("vd-t-2", "Trần", "Thị", "Bình", team_role="to_pho", positions=["truong_thon"]),
        _person("vd-t-3", "Lê", "Văn", "Cường", team_role="to_pho", positions=["truong_ban_ctmt"]),
        _person("vd-t-4", "Phạm", "Thị", "Dung", team_role="thanh_vien", positions=["chi_hoi_truong"]),
        _person("vd-t-5", "Hoàng", "Văn", "Em", team_role="thanh_vien", positions=["bi_thu_chi_doan"]),
    ]
    return {
        "id": "to-vi-du-thon-mot",
        "village": "xa-vi-du-thon-mot",
        "founding_decision": {"number": "01-QĐ/ĐU", "date": _date(p.reference_date), "issuer": "Đảng ủy xã Mẫu (ví dụ)"},
        "members": members,
        "groups": [{"name": "Nhóm 1 (ví dụ)", "leader": "vd-t-1", "members": ["vd-t-1", "vd-t-2", "vd-t-4"],
                    "households": 40}],
        "ratings": [{"year": year, "grade": "tot"}],
        "sample": True,
    }


_BLOC = (  # (role, position, duties, name parts)
    ("truong_khoi", "pho_bi_thu_thuong_truc", "Chỉ đạo chung", ("Đặng", "Văn", "Giang")),
    ("pho_truong_khoi", "chu_tich_ubnd", "Dân vận chính quyền", ("Bùi", "Thị", "Hà")),
    ("pho_truong_khoi", "chu_tich_mttq", "Giám sát và phản biện xã hội", ("Đỗ", "Văn", "Hùng")),
    ("thanh_vien", "chu_tich_hoi_phu_nu", "Vận động phụ nữ", ("Hồ", "Thị", "Lan")),
    ("thanh_vien", "chu_tich_hoi_nong_dan", "Vận động nông dân", ("Ngô", "Văn", "Minh")),
    ("thanh_vien", "chu_tich_hoi_ccb", "Vận động cựu chiến binh", ("Dương", "Văn", "Nam")),
    ("thanh_vien", "bi_thu_doan_thanh_nien", "Vận động thanh niên", ("Lý", "Thị", "Oanh")),
    ("thanh_vien", "truong_cong_an", "An ninh trật tự ở cơ sở", ("Vũ", "Văn", "Quang")),
    ("thanh_vien", "chi_huy_truong_quan_su", "Quốc phòng ở cơ sở", ("Tạ", "Văn", "Sơn")),
    ("giup_viec", "cong_chuc", "Giúp việc Trưởng khối", ("Mai", "Văn", "Phúc")),
)


def bloc(p: Province) -> dict:
    members = [
        _person(f"vd-k-{i}", *name, bloc_role=role, position=position, duties=duties, training={"trained": True})
        for i, (role, position, duties, name) in enumerate(_BLOC, start=1)
    ]
    day = _date(p.reference_date)
    return {
        "id": "khoi-xa-vi-du", "commune": "xa-vi-du", "members": members,
        "rules": {"adopted": day, "number": "01-QC/KDVCS"},
        "dialogues": [{"date": day, "topic": "Xây dựng đường làng (ví dụ)", "chaired_by": "Bí thư Đảng ủy xã",
                       "participants": 60}],
        "briefings": [{"date": day, "kind": "quy"}],
        "pilot": True,
        "sample": True,
    }


def exemplar(p: Province) -> dict:
    year = p.reference_date.year
    return {
        "id": "mh-vi-du-duong-lang",
        "name": "Đường làng sáng, xanh (ví dụ)",
        "field": "kinh_te",
        "implementer": "Tổ Dân vận thôn Một (ví dụ)",
        "units": ["xa-vi-du-thon-mot"],
        "team": "to-vi-du-thon-mot",
        "period": {"start": year - 1, "end": year},
        "summary": "Ví dụ: người dân góp công, góp đất làm đường và trồng cây xanh dọc đường làng.",
        "results": [{"value": 1.2, "unit": "km", "what": "đường bê tông"}],
        "sources": [{"doc": "de-an-to-dvcd-bac-giang", "section": "P2.III.2"}],
        "sample": True,
    }


def assignment(p: Province) -> dict:
    return {
        "id": "pc-vi-du-so",
        "agency": {"name": "Sở Mẫu (ví dụ)", "party_org": "Chi bộ Sở Mẫu (ví dụ)", "level": "tinh"},
        "communes": ["xa-vi-du"],
        "since": _date(p.reference_date),
        "sample": True,
    }


def publications(p: Province, shared: dict) -> dict:
    """The tool's list of printed editions, issued by this province's board in this year."""
    out = []
    for pub in shared["publications"]:
        pub = dict(pub)
        pub.update(issuer=p.board, place=p.name, year=p.reference_date.year, edition=1)
        out.append(pub)
    return {"publications": out}


def data_files(p: Province, repo: str, forge: str, branch: str) -> dict[str, tuple[str, dict]]:
    """Relative path → (file kind, body) of every example data file."""
    return {
        "data/config.yml": ("config", config(p, repo, forge, branch)),
        f"data/units/{p.unit_id}.yml": ("units", units(p)),
        "data/teams/xa-vi-du/to-vi-du-thon-mot.yml": ("team", team(p)),
        "data/blocs/khoi-xa-vi-du.yml": ("bloc", bloc(p)),
        "data/models/mh-vi-du-duong-lang.yml": ("model", exemplar(p)),
        "data/assignments/pc-vi-du-so.yml": ("assignment", assignment(p)),
    }
