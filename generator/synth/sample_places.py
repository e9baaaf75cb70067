"""The places and people of the repository's sample, written by hand: takes nothing, gives the
sample's skeleton — Bắc Giang before the 2025 reform with its ten real districts (the synthetic
three-level scale's, `vocabulary.BG_DISTRICTS`), fourteen real communes in five of them and
their seventy fictional villages, built as the synthetic generator's `skeleton` units — and the
word lists its people are drawn from.

The name lists are the sample's own, not `vocabulary`'s: the sample's people were drawn from
these lists, and a longer list draws other names.
"""

from __future__ import annotations

import datetime as dt

from generator.synth.sample_cases import NO_TEAM_VILLAGE, PILOTS
from generator.synth.scales import Scale
from generator.synth.skeleton import Commune, District, Province, Skeleton, Village
from generator.synth.spelling import slugify
from generator.synth.vocabulary import BG_DISTRICTS, BG_PROVINCE, NGO, XOM

# The sample at the sizes of a synthetic scale (it is not one of `scales.SCALES`, which are the
# scales `handbook synth` offers); the skeleton below is hand-written to these numbers.
SAMPLE_SCALE = Scale("sample", "ba-cap", provinces=1, districts=10, communes=14, villages=70, teams=69,
                     members=(7, 8, 9, 10), villages_per_commune=(5, 5), models=20, assignments=30,
                     provincial_share=0.6)
SEED = 2024  # random.Random(2024) draws every record, in the fixed order of sample.write_sample
REF_DATE = dt.date(2024, 12, 15)
SINCE = dt.date(2024, 1, 1)

# (district, short name in ids, kind, real name, fictional village names; None = tổ dân phố số 1–5)
COMMUNES = [
    ("bg-tan-yen", "phuc-son", "xa", "Phúc Sơn", ["Đông", "Đoài", "Trung", "Tân Lập", "Đồng Mới"]),
    ("bg-tan-yen", "cao-xa", "xa", "Cao Xá", ["Đồng Điểm", "Chính Trung", "Lục Liễu", "Đồng Lạng", "Cầu Đen"]),
    ("bg-tan-yen", "ngoc-thien", "xa", "Ngọc Thiện", ["Ngọc Yên", "Phúc Long", "Hạ Thiện", "Đồng Bụt", "Kim Tràng"]),
    ("bg-tan-yen", "cao-thuong", "thi_tran", "Cao Thượng", None),
    ("bg-yen-the", "dong-tam", "xa", "Đồng Tâm", ["Đồng Vang", "Đồng Gián", "Khe Cát", "Hố Chuối", "Làng Bùi"]),
    ("bg-yen-the", "tam-tien", "xa", "Tam Tiến", ["Đồng Thông", "Tân Tiến", "Khe Nghè", "Cây Trôi", "Trại Hồng"]),
    ("bg-yen-the", "phon-xuong", "thi_tran", "Phồn Xương", None),
    ("bg-luc-ngan", "chu", "thi_tran", "Chũ", None),
    ("bg-luc-ngan", "nam-duong", "xa", "Nam Dương", ["Bãi Chợ", "Đồng Quýt", "Khuôn Thần", "Nam Lễ", "Khuôn Giáo"]),
    ("bg-luc-ngan", "tan-son", "xa", "Tân Sơn", ["Bản Chùa", "Đồng Ngầu", "Khe Hạ", "Nà Hin", "Rừng Sậu"]),
    ("bg-hiep-hoa", "thang", "thi_tran", "Thắng", None),
    ("bg-hiep-hoa", "doan-bai", "xa", "Đoan Bái", ["Đông Lâm", "Nội Bái", "Trung Đồng", "Đồng Quán", "Xuân Biều"]),
    ("bg-tp-bac-giang", "tran-phu", "phuong", "Trần Phú", None),
    ("bg-tp-bac-giang", "hoang-van-thu", "phuong", "Hoàng Văn Thụ", None),
]

# The units file's province and district extras (public facts).
PROVINCE_BECAME = {"name": "tỉnh Bắc Ninh", "date": "01/07/2025", "note": "Sắp xếp đơn vị hành chính cấp tỉnh năm 2025"}
FORMER_NAMES = {"bg-viet-yen": [{"name": "huyện Việt Yên",
                                 "note": "Thành lập thị xã Việt Yên trên cơ sở huyện Việt Yên năm 2024."}]}

# ---------------------------------------------------------------------------------------
# People's names and make-up (fictional; the draws of every sample person come from these)

FAMILY = (["Nguyễn"] * 10 + ["Trần"] * 4 + ["Lê"] * 3 + ["Phạm"] * 2 + ["Hoàng"] * 2 + ["Vũ"] * 2
          + ["Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Giáp", "Giáp", "Thân", "Thân", "Hà", "Nông",
             "La", "Đinh", "Lương", "Chu", "Tạ", "Hoàng", "Lăng", "Vi", "Ninh"])
MIDDLE_M = ["Văn"] * 6 + ["Đức", "Hữu", "Minh", "Quang", "Xuân", "Công", "Đình", "Thanh", "Mạnh", "Ngọc",
                          "Trọng", "Văn Hải", "Duy", "Tiến"]
MIDDLE_F = ["Thị"] * 6 + ["Thị Thu", "Thị Thanh", "Thu", "Hồng", "Ngọc", "Thị Minh", "Phương", "Thị Kim",
                          "Thị Bích", "Thị Hải", "Lan"]
GIVEN_M = ["Hùng", "Dũng", "Tuấn", "Long", "Thắng", "Hải", "Cường", "Sơn", "Bình", "Toàn", "Khánh", "Quý",
           "Phúc", "Trọng", "Hưng", "Nam", "Hiếu", "Đạt", "Kiên", "Tùng", "Thành", "Lâm", "Việt", "Chiến",
           "Hòa", "Tiến", "Đông", "Vinh", "Quang", "Lợi", "Thịnh", "Đoàn", "Hiệp", "Tư", "Bắc", "Huấn",
           "Luận", "Nghĩa", "Thái", "Ước"]
GIVEN_F = ["Hoa", "Lan", "Hương", "Hằng", "Mai", "Nga", "Huyền", "Thảo", "Trang", "Nhung", "Thủy",
           "Hạnh", "Yến", "Loan", "Liên", "Dung", "Oanh", "Tuyết", "Phượng", "Vân", "Hiền", "Quyên", "Lý",
           "Hà", "Thơm", "Duyên", "Ngân", "Xuân", "Tâm", "Uyên", "Bích", "Chinh", "Len", "Ánh"]

# Ethnic make-up by district (sample weights; an internal-only field).
ETHNICITY = {
    "bg-yen-the": ["Kinh"] * 6 + ["Nùng", "Nùng", "Sán Chay", "Tày", "Dao"],
    "bg-luc-ngan": ["Kinh"] * 4 + ["Nùng", "Nùng", "Nùng", "Tày", "Sán Chay", "Hoa", "Sán Dìu"],
}
ETHNICITY_ELSEWHERE = ["Kinh"] * 12 + ["Nùng", "Tày", "Hoa"]

# Hamlets and lanes a team's groups are named after: the first of the synthetic lists (the
# sample's groups were drawn before those lists grew; a longer list draws other places).
SAMPLE_XOM = XOM[:12]
SAMPLE_NGO = NGO[:8]


# ---------------------------------------------------------------------------------------
# The skeleton


def short(c: Commune) -> str:
    """The commune's name in the sample's ids: "cao-xa" for bg-tan-yen-cao-xa (to-cao-xa-…,
    p-cao-xa-…, khoi-cao-xa)."""
    return c.id.removeprefix(c.parent + "-")


def folder(c: Commune) -> str:
    """The commune's folder under data/teams/: its id without the province prefix."""
    return c.id.removeprefix("bg-")


def team_id(c: Commune, v: Village) -> str:
    return f"to-{short(c)}-{v.tail}"


def by_short(sk: Skeleton) -> dict[str, Commune]:
    return {short(c): c for c in sk.communes}


def place(sk: Skeleton, where: tuple[str, int]) -> Village:
    """The village at (commune short name, index), the form of sample_cases."""
    commune, index = where
    return by_short(sk)[commune].villages[index]


def build_skeleton() -> Skeleton:
    pid, pkind, pname, pcode = BG_PROVINCE
    province = Province(pid, pkind, pname, "bac", pcode)
    districts = {}
    for did, dkind, dname, dcode, _ in BG_DISTRICTS:
        districts[did] = District(did, dkind, dname, dcode)
        province.districts.append(districts[did])
    for did, tail, kind, name, villages in COMMUNES:
        c = Commune(f"{did}-{tail}", kind, name, did, province, districts[did])
        if villages is None:
            c.villages = [Village(f"{c.id}-tdp-so-{n}", "to_dan_pho", f"số {n}", f"tdp-so-{n}") for n in range(1, 6)]
        else:
            c.villages = [Village(f"{c.id}-thon-{slugify(v)}", "thon", v, f"thon-{slugify(v)}") for v in villages]
        c.pilot = tail in PILOTS
        districts[did].communes.append(c)
        province.communes.append(c)
    no_team, index = NO_TEAM_VILLAGE
    next(c for c in province.communes if short(c) == no_team).villages[index].has_team = False
    return Skeleton(SAMPLE_SCALE, SEED, REF_DATE.year, REF_DATE, SINCE, [province], province.communes)
