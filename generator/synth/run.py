"""Synthetic projects at scale: takes a scale, a seed and the repository root, gives a complete
project directory (data/, content/, mkdocs.yml, theme/, schemas/) that passes `handbook check`
with no error and no warning, for benchmarks at province and nation scale (issue 7, item 1).

    synthesize(out, scale, seed, repo_root) -> counts

What is copied unchanged from the repository, so that Q&A, modules and citations stay valid:
content/, data/documents.yml, data/publications.yml, the four real "Dân vận khéo" models the
training modules cite as case studies (mh-duong-noi-dong-lai-xa, mh-ngo-xom-tu-quan-cam-son,
mh-to-phu-nu-nha-tro-tu-minh, mh-chuyen-doi-lua-thanh-mien), data/photos/anh-mau.svg (the one
photo every synthetic photo points at), mkdocs.yml, theme/ and schemas/ (so the
yaml-language-server comment at the top of every data file resolves).

Everything else is generated:

| scale          | scheme  | provinces | districts | communes | villages | teams   | models | assignments |
| -------------- | ------- | --------- | --------- | -------- | -------- | ------- | ------ | ----------- |
| tiny           | ba-cap  | 1         | 2         | 6        | 30       | 28      | 8      | 10          |
| tiny-hai-cap   | hai-cap | 2         | –         | 6        | 30       | 30      | 8      | 8           |
| province       | ba-cap  | 1         | 10        | 209      | 2,200    | 2,128   | 500    | 400         |
| nation         | hai-cap | 34        | –         | 3,321    | 90,000   | 90,000  | 3,000  | 3,000       |

(models and assignments are totals: models include the four real ones, assignments include
one armed unit per province exempt on combat-ready duty.) Team members: 7–10 a team (nation:
weighted towards 9–10, about 810,000); groups of 3–5 people in charge of 30–50 households,
every member in exactly one group; one bloc of 10 members in every commune with the
composition the Đề án asks for; every active assignment has at least one weekend activity in
every month from `since` to the month before the reference date, and every report the
deadlines make due (monthly and quarterly before the 25th, 6-monthly before 15/6, yearly
before 15/12), filed on time.

Design choices (documented so nobody is surprised):
- Team coverage at province scale. The issue's figures are 2,200 villages and 2,128 teams, so
  72 villages have no team. To keep those figures without TEAM-COVERAGE warnings, the
  three-level scales take the reference date 15/12/2023: the Đề án's 100%-coverage target
  applies from 2024 (thresholds.team_coverage_year), so the rule does not yet apply. Every
  other dated thing (founding decisions, ratings, meetings, dialogues, a year of activities
  from 01/12/2022, reports) is placed relative to that date. The two-level scales (after the
  01/7/2025 reform) take 15/12/2025 and give every village a team.
- Nation = one project. A project describes one province (config.province.unit must be a
  province-level unit), so the nation scale holds all 34 provinces as root units (level tinh,
  no parent), one units file each (data/units/<province>.yml), and config.province points at
  the first, Hà Nội: the site's directory page starts there and the other 33 provinces are
  reached through their pages, search and statistics, not from that page. Province names
  are the 34 real ones after the 2025 reform; their commune counts are approximations that
  add up to the real national total of 3,321.
- Names. Province and district names are real public facts (the three-level scale is Bắc
  Giang with its ten districts before 2025, like the repository's sample) and carry no
  `sample` flag; every commune, village, person, team, bloc, model and assignment is
  fictional and marked `sample: true`; config has `sample: true`. People's names combine
  family, middle and given name lists; no attempt is made to keep full names unique.
- Ids: communes `<district or province>-<name>`, villages `<commune>-<thon|ban|ap|tdp>-…`,
  teams `to-<village>` in data/teams/<commune>/, people `p-<village>-NN` and
  `p-khoi-<commune>-NN`, blocs `khoi-<commune>`, models `mh-<theme>-<place>`, assignments
  `pc-<agency>`.

Expected findings of `handbook check` on every scale: 0 errors, 0 warnings, 0 infos
(BLOC-PILOT is satisfied: the first commune of every district hosts a pilot bloc).

Determinism: a scale and a seed give byte-identical files, whatever the number of worker
processes. Every commune, assignment and the model list draw from their own
random.Random seeded with a string built from the seed and the record's id (string seeds
are hashed with SHA-512, so they do not depend on PYTHONHASHSEED), nothing iterates a set,
and the YAML is written by a small emitter below (block style, keys in a fixed order, plain
scalars where YAML reads them back as the same string, JSON-style double quotes otherwise).

Speed: the nation scale writes about 100,000 files; communes and assignments are spread over
worker processes (fork) when there are many of them. Measured on the 2-core machine: province
1.4–5 s (3,367 files, 15 MB), nation 44 s on tmpfs and 58–75 s on the ext4 disk, where creating
a file costs about 0.7 ms of system time (99,484 files, 489 MB; 58 MB peak per process). Every
file stays far below the loader's 8 MB limit (the largest, a nation units file, is 0.6 MB).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import random
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["SCALES", "Scale", "SynthError", "synthesize", "dump_yaml"]

MARKER = "# Dữ liệu tổng hợp do “handbook synth” sinh ra"
REAL_MODELS = ("mh-chuyen-doi-lua-thanh-mien", "mh-duong-noi-dong-lai-xa", "mh-ngo-xom-tu-quan-cam-son",
               "mh-to-phu-nu-nha-tro-tu-minh")
PHOTO = "photos/anh-mau.svg"


from generator.core.errors import SynthError  # noqa: E402 - re-exported


# ---------------------------------------------------------------------------------------
# Scales


@dataclass(frozen=True)
class Scale:
    name: str
    scheme: str  # "ba-cap" or "hai-cap"
    provinces: int  # hai-cap: how many of PROVINCES_2025; ba-cap: always 1 (Bắc Giang)
    districts: int  # ba-cap only: how many of BG_DISTRICTS
    communes: int
    villages: int
    teams: int  # at most villages; the rest have no team (only allowed before 2024)
    members: tuple[int, ...]  # team sizes to draw from (a tuple with repeats is a weighting)
    villages_per_commune: tuple[int, int]
    models: int  # total, including the four real ones
    assignments: int  # total, including one exempt armed unit per province
    provincial_share: float  # ba-cap: share of active assignments that are provincial agencies


SCALES: dict[str, Scale] = {
    "tiny": Scale("tiny", "ba-cap", 1, 2, 6, 30, 28, (7, 8, 9, 10), (4, 6), 8, 10, 0.45),
    "tiny-hai-cap": Scale("tiny-hai-cap", "hai-cap", 2, 0, 6, 30, 30, (7, 8, 9, 10), (4, 6), 8, 8, 1.0),
    "province": Scale("province", "ba-cap", 1, 10, 209, 2200, 2128, (7, 8, 9, 10), (6, 16), 500, 400, 0.45),
    "nation": Scale("nation", "hai-cap", 34, 0, 3321, 90000, 90000, (7, 8, 8, 9, 9, 9, 10, 10, 10, 10), (14, 40),
                    3000, 3000, 1.0),
}

# Reference year, where "a year of activities" starts, and the founding window of teams and blocs.
TIMING = {
    "ba-cap": {"year": 2023, "founding": ((2, 6), (3, 24)), "briefing_from": 1},
    "hai-cap": {"year": 2025, "founding": ((7, 14), (9, 26)), "briefing_from": 7},
}

# ---------------------------------------------------------------------------------------
# Real administrative names (public facts)

BG_PROVINCE = ("bac-giang", "tinh", "Bắc Giang", "24")
# (id, kind, name, statistics code, communes at province scale: the weights add up to 209)
BG_DISTRICTS = [
    ("bg-tp-bac-giang", "thanh_pho", "Bắc Giang", "213", 16),
    ("bg-yen-the", "huyen", "Yên Thế", "215", 19),
    ("bg-tan-yen", "huyen", "Tân Yên", "216", 22),
    ("bg-lang-giang", "huyen", "Lạng Giang", "217", 21),
    ("bg-luc-nam", "huyen", "Lục Nam", "218", 25),
    ("bg-luc-ngan", "huyen", "Lục Ngạn", "219", 28),
    ("bg-son-dong", "huyen", "Sơn Động", "220", 17),
    ("bg-yen-dung", "huyen", "Yên Dũng", "221", 19),
    ("bg-viet-yen", "thi_xa", "Việt Yên", "222", 17),
    ("bg-hiep-hoa", "huyen", "Hiệp Hòa", "223", 25),
]

# The 34 provinces and centrally-run cities from 2025 (id, kind, name, approximate communes,
# region: villages are thôn/bản in the northern mountains, ấp in the south, thôn elsewhere).
PROVINCES_2025 = [
    ("ha-noi", "thanh_pho_tw", "Hà Nội", 126, "bac"), ("hue", "thanh_pho_tw", "Huế", 40, "trung"),
    ("lai-chau", "tinh", "Lai Châu", 38, "nui"), ("dien-bien", "tinh", "Điện Biên", 45, "nui"),
    ("son-la", "tinh", "Sơn La", 75, "nui"), ("lang-son", "tinh", "Lạng Sơn", 65, "nui"),
    ("quang-ninh", "tinh", "Quảng Ninh", 54, "bac"), ("thanh-hoa", "tinh", "Thanh Hóa", 166, "trung"),
    ("nghe-an", "tinh", "Nghệ An", 130, "trung"), ("ha-tinh", "tinh", "Hà Tĩnh", 69, "trung"),
    ("cao-bang", "tinh", "Cao Bằng", 56, "nui"), ("tuyen-quang", "tinh", "Tuyên Quang", 124, "nui"),
    ("lao-cai", "tinh", "Lào Cai", 99, "nui"), ("thai-nguyen", "tinh", "Thái Nguyên", 92, "bac"),
    ("phu-tho", "tinh", "Phú Thọ", 148, "bac"), ("bac-ninh", "tinh", "Bắc Ninh", 99, "bac"),
    ("hung-yen", "tinh", "Hưng Yên", 104, "bac"), ("hai-phong", "thanh_pho_tw", "Hải Phòng", 114, "bac"),
    ("ninh-binh", "tinh", "Ninh Bình", 129, "bac"), ("quang-tri", "tinh", "Quảng Trị", 78, "trung"),
    ("da-nang", "thanh_pho_tw", "Đà Nẵng", 94, "trung"), ("quang-ngai", "tinh", "Quảng Ngãi", 96, "trung"),
    ("gia-lai", "tinh", "Gia Lai", 135, "trung"), ("khanh-hoa", "tinh", "Khánh Hòa", 65, "trung"),
    ("lam-dong", "tinh", "Lâm Đồng", 124, "trung"), ("dak-lak", "tinh", "Đắk Lắk", 102, "trung"),
    ("ho-chi-minh", "thanh_pho_tw", "Hồ Chí Minh", 168, "nam"), ("dong-nai", "tinh", "Đồng Nai", 95, "nam"),
    ("tay-ninh", "tinh", "Tây Ninh", 96, "nam"), ("can-tho", "thanh_pho_tw", "Cần Thơ", 103, "nam"),
    ("vinh-long", "tinh", "Vĩnh Long", 124, "nam"), ("dong-thap", "tinh", "Đồng Tháp", 102, "nam"),
    ("ca-mau", "tinh", "Cà Mau", 64, "nam"), ("an-giang", "tinh", "An Giang", 102, "nam"),
]

KIND_VI = {
    "tinh": "tỉnh", "thanh_pho_tw": "thành phố", "huyen": "huyện", "thanh_pho": "thành phố", "thi_xa": "thị xã",
    "xa": "xã", "phuong": "phường", "thi_tran": "thị trấn", "dac_khu": "đặc khu", "thon": "thôn",
    "to_dan_pho": "tổ dân phố", "ban": "bản", "ap": "ấp",
}
DISTRICT_COMMITTEE = {"huyen": "Huyện ủy", "thanh_pho": "Thành ủy", "thi_xa": "Thị ủy"}

# ---------------------------------------------------------------------------------------
# Fictional names

SYL_A = ["Phúc", "Tân", "An", "Hòa", "Đông", "Tây", "Nam", "Bắc", "Hưng", "Thịnh", "Quang", "Minh", "Đại", "Bình",
         "Vĩnh", "Xuân", "Thanh", "Hợp", "Đồng", "Hồng", "Kim", "Ngọc", "Trung", "Hoàng", "Lạc", "Liên", "Phú",
         "Yên", "Mỹ", "Cẩm", "Thái", "Tiên", "Long", "Cao", "Việt", "Nghĩa", "Lam", "Đức", "Thuận", "Quế"]
SYL_B = ["Sơn", "Hà", "Lâm", "Thịnh", "Phong", "Lộc", "Hòa", "Tiến", "Thành", "Xá", "Lợi", "Thượng", "Hạ", "Ninh",
         "Yên", "Quang", "Châu", "Điền", "Khê", "Kiều", "Lương", "Phúc", "Trạch", "Vân", "Dương", "Hải", "Mai",
         "Lĩnh", "Cường", "Đạt", "Tâm", "Nguyên", "Xương", "Định", "Hiệp", "Tường", "Bảo", "Chung", "Hậu", "Khang"]
SYL_BAN = ["Nà", "Khuổi", "Pác", "Bản", "Nặm", "Cốc", "Phiêng", "Lũng", "Khau", "Tổng"]
SYL_BAN2 = ["Hin", "Luông", "Mòn", "Pục", "Chang", "Lầu", "Đông", "Sáng", "Vài", "Mạ", "Nưa", "Cọn", "Tày", "Pàn"]

FAMILY = (["Nguyễn"] * 10 + ["Trần"] * 4 + ["Lê"] * 3 + ["Phạm"] * 2 + ["Hoàng"] * 2 + ["Vũ"] * 2
          + ["Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Giáp", "Thân", "Hà", "Nông", "La", "Đinh", "Lương", "Chu",
             "Tạ", "Lăng", "Vi", "Ninh", "Trịnh", "Mai", "Cao", "Phan", "Huỳnh", "Võ", "Tô", "Lò", "Sầm"])
MIDDLE_M = ["Văn"] * 6 + ["Đức", "Hữu", "Minh", "Quang", "Xuân", "Công", "Đình", "Thanh", "Mạnh", "Ngọc", "Trọng",
                          "Duy", "Tiến", "Quốc", "Bá"]
MIDDLE_F = ["Thị"] * 6 + ["Thị Thu", "Thị Thanh", "Thu", "Hồng", "Ngọc", "Thị Minh", "Phương", "Thị Kim", "Thị Bích",
                          "Thị Hải", "Lan", "Thị Mỹ"]
GIVEN_M = ["Hùng", "Dũng", "Tuấn", "Long", "Thắng", "Hải", "Cường", "Sơn", "Bình", "Toàn", "Khánh", "Quý", "Phúc",
           "Trọng", "Hưng", "Nam", "Hiếu", "Đạt", "Kiên", "Tùng", "Thành", "Lâm", "Việt", "Chiến", "Hòa", "Tiến",
           "Đông", "Vinh", "Quang", "Lợi", "Thịnh", "Đoàn", "Hiệp", "Tư", "Bắc", "Huấn", "Luận", "Nghĩa", "Thái"]
GIVEN_F = ["Hoa", "Lan", "Hương", "Hằng", "Mai", "Nga", "Huyền", "Thảo", "Trang", "Nhung", "Thủy", "Hạnh", "Yến",
           "Loan", "Liên", "Dung", "Oanh", "Tuyết", "Phượng", "Vân", "Hiền", "Quyên", "Lý", "Hà", "Thơm", "Duyên",
           "Ngân", "Xuân", "Tâm", "Uyên", "Bích", "Chinh", "Ánh"]
ETHNIC = {"nui": ["Kinh"] * 3 + ["Tày", "Tày", "Nùng", "Nùng", "Thái", "Mông", "Dao"],
          "nam": ["Kinh"] * 10 + ["Khmer", "Khmer", "Hoa"],
          "trung": ["Kinh"] * 8 + ["Mường", "Ê Đê", "Gia Rai"],
          "bac": ["Kinh"] * 10 + ["Mường", "Sán Dìu", "Nùng"]}
RELIGIONS = ["Phật giáo", "Phật giáo", "Phật giáo", "Công giáo"]

XOM = ["Đình", "Chùa", "Giếng", "Trại", "Đồng", "Ao Sen", "Cầu", "Bãi", "Gò", "Miếu", "Dộc", "Bờ Hồ", "Trên", "Dưới",
       "Giữa", "Đầm"]
NGO = ["ngõ 3", "ngõ 7", "ngõ 12", "ngõ 18", "dãy phố chợ", "khu tập thể", "ngõ Ao", "dãy trục đường chính", "ngõ 25",
       "ngõ Trạm"]

# ---------------------------------------------------------------------------------------
# Texts (none cites a document number: running text is scanned for citations)

MEMBER_SLOTS = {  # slot: (position, gender, birth range, party probability)
    "chi_hoi_truong_pn": ("chi_hoi_truong", "nu", (1968, 1988), 0.5),
    "chi_hoi_truong_nd": ("chi_hoi_truong", None, (1960, 1980), 0.4),
    "chi_hoi_truong_ccb": ("chi_hoi_truong", "nam", (1952, 1966), 0.9),
    "bi_thu_chi_doan": ("bi_thu_chi_doan", None, (1993, 2001), 0.6),
    "chi_hoi_truong_nguoi_cao_tuoi": ("chi_hoi_truong_nguoi_cao_tuoi", None, (1948, 1960), 0.6),
    "pho_truong_thon": ("pho_truong_thon", None, (1970, 1988), 0.5),
    "to_truong_lien_gia": ("to_truong_lien_gia", None, (1960, 1985), 0.3),
    "thon_doi_truong": ("thon_doi_truong", "nam", (1978, 1995), 0.6),
    "cong_an_vien": ("cong_an_vien", "nam", (1980, 1996), 0.7),
    "to_cong_nghe_cong_dong": ("to_cong_nghe_cong_dong", None, (1990, 2002), 0.3),
    "nguoi_co_uy_tin": ("nguoi_co_uy_tin", "nam", (1950, 1965), 0.5),
    "truong_dong_ho": ("truong_dong_ho", "nam", (1948, 1962), 0.3),
    "nguoi_tieu_bieu": ("nguoi_tieu_bieu", None, (1965, 1990), 0.2),
    "nguoi_dan": ("nguoi_dan", None, (1960, 1992), 0.1),
}
OPTIONAL_SLOTS = [k for k in MEMBER_SLOTS if k not in ("chi_hoi_truong_pn", "chi_hoi_truong_nd")]

MEETING_TOPICS = [
    "Quán triệt nghị quyết chi bộ tháng; phân công thành viên nắm tình hình các nhóm hộ",
    "Rà soát ý kiến, kiến nghị của Nhân dân để báo cáo chi bộ và Khối Dân vận",
    "Vận động hộ dân tham gia ngày Chủ nhật xanh, thu gom rác thải",
    "Triển khai tuyên truyền phòng, chống lừa đảo qua mạng cho người dân",
    "Vận động đóng góp xây dựng, sửa chữa nhà văn hóa",
    "Rà soát hộ nghèo, cận nghèo; vận động giúp đỡ hộ khó khăn",
    "Tuyên truyền cài đặt, sử dụng ứng dụng VNeID và dịch vụ công trực tuyến",
    "Nắm tình hình mâu thuẫn về ranh giới đất giữa các hộ; đề xuất hòa giải",
    "Vận động thanh niên lên đường nhập ngũ",
    "Sơ kết hoạt động của Tổ; bình xét nhóm làm tốt",
]
TEAM_ACTIVITIES = [
    ("Ra quân làm sạch đường làng, ngõ xóm",
     "Tổ phối hợp chi hội phụ nữ, chi đoàn thanh niên phát quang bụi rậm, khơi thông cống rãnh trên trục chính.", (25, 70)),
    ("Vận động hiến đất mở rộng ngõ xóm",
     "Thành viên Tổ đến từng hộ giải thích lợi ích; các hộ đồng thuận lùi tường rào để mở rộng ngõ.", (10, 30)),
    ("Hòa giải mâu thuẫn về lối đi chung",
     "Nhóm phụ trách địa bàn cùng tổ hòa giải gặp hai gia đình, thống nhất phương án mở lối đi chung.", (6, 12)),
    ("Hướng dẫn người dân cài đặt VNeID",
     "Thành viên tổ công nghệ số cộng đồng hướng dẫn tại nhà văn hóa; nhiều người cao tuổi đã tự đăng nhập được.", (30, 90)),
    ("Thăm, tặng quà hộ có hoàn cảnh khó khăn",
     "Tổ vận động các hộ khá giả, con em xa quê đóng góp quà tặng các hộ nghèo, người cao tuổi neo đơn.", (10, 25)),
    ("Trồng hoa trên tuyến đường tự quản",
     "Các nhóm nhận chăm sóc từng đoạn đường; mỗi hộ ven đường trồng và tưới hoa trước cửa nhà.", (30, 80)),
]

BLOC_ROSTER = [  # (bloc role, position, gender, birth range)
    ("truong_khoi", None, None, (1968, 1980)),
    ("pho_truong_khoi", None, None, (1970, 1985)),
    ("pho_truong_khoi", "chu_tich_mttq", None, (1965, 1980)),
    ("thanh_vien", "chu_tich_hoi_nong_dan", None, (1965, 1982)),
    ("thanh_vien", "chu_tich_hoi_phu_nu", "nu", (1972, 1988)),
    ("thanh_vien", "chu_tich_hoi_ccb", "nam", (1956, 1966)),
    ("thanh_vien", "bi_thu_doan_thanh_nien", None, (1990, 1998)),
    ("thanh_vien", "truong_cong_an", "nam", (1980, 1992)),
    ("thanh_vien", "chi_huy_truong_quan_su", "nam", (1980, 1992)),
    ("giup_viec", "cong_chuc", None, (1985, 1996)),
]
BLOC_DUTIES = {
    "pho_bi_thu_thuong_truc": "Phụ trách chung; chủ trì xây dựng kế hoạch năm và giao ban tháng, quý của Khối; trực tiếp theo dõi Tổ Dân vận {v}.",
    "bi_thu_dang_uy": "Phụ trách chung; chỉ đạo xây dựng kế hoạch, quy chế và chủ trì đối thoại với Nhân dân {c}; theo dõi Tổ Dân vận {v}.",
    "chu_tich_ubnd": "Phụ trách dân vận chính quyền: tiếp công dân, giải quyết kiến nghị, đơn thư của Nhân dân {c}; theo dõi Tổ Dân vận {v}.",
    "pho_chu_tich_ubnd": "Phụ trách dân vận chính quyền, cải cách thủ tục hành chính và tiếp nhận kiến nghị qua Tổ Dân vận; theo dõi {v}.",
    "chu_tich_mttq": "Phụ trách phong trào thi đua “Dân vận khéo”, giám sát và phản biện xã hội; theo dõi {v}.",
    "chu_tich_hoi_nong_dan": "Vận động hội viên chuyển đổi cơ cấu cây trồng, vật nuôi và liên kết tiêu thụ nông sản ở {v}.",
    "chu_tich_hoi_phu_nu": "Vận động hội viên phân loại rác tại nguồn, thực hiện nếp sống văn minh ở {v}.",
    "chu_tich_hoi_ccb": "Nắm tư tưởng hội viên cựu chiến binh; tham gia hòa giải ở cơ sở, giữ gìn an ninh trật tự ở {v}.",
    "bi_thu_doan_thanh_nien": "Chỉ đạo đoàn viên tham gia tổ công nghệ số cộng đồng, hướng dẫn dân dùng dịch vụ công trực tuyến ở {v}.",
    "truong_cong_an": "Nắm tình hình an ninh trật tự, mâu thuẫn trong Nhân dân; phối hợp các Tổ Dân vận ở {v}.",
    "chi_huy_truong_quan_su": "Vận động thanh niên thực hiện nghĩa vụ quân sự; vận động Nhân dân xây dựng nền quốc phòng toàn dân ở {v}.",
    "cong_chuc": "Giúp Trưởng khối chuẩn bị nội dung giao ban, tổng hợp báo cáo tháng, quý, năm; lưu hồ sơ của Khối.",
}
TRAINING_COURSES = [
    "Lớp bồi dưỡng kỹ năng công tác dân vận cho thành viên Khối Dân vận cơ sở",
    "Lớp tập huấn nghiệp vụ công tác dân vận và quy chế dân chủ ở cơ sở",
    "Lớp tập huấn kỹ năng đối thoại, hòa giải và nắm tình hình Nhân dân",
]
DIALOGUE_TOPICS = [
    "Dồn điền đổi thửa và quy hoạch vùng sản xuất hàng hóa", "Thu gom, xử lý rác thải sinh hoạt ở các thôn",
    "Cấp giấy chứng nhận quyền sử dụng đất cho các hộ còn vướng mắc", "Đầu tư đường giao thông liên thôn",
    "Bảo đảm an ninh trật tự ở khu dân cư", "Giải phóng mặt bằng các dự án trên địa bàn",
    "Giải quyết thủ tục hành chính trên môi trường số", "Hỗ trợ hộ nghèo, cận nghèo phát triển sinh kế",
    "Chỉnh trang khu dân cư, trật tự vỉa hè", "Tiêu thụ nông sản và liên kết sản xuất",
]

ACTIVITY_WORK = [
    "Cùng Nhân dân {p} thu gom rác thải, phát quang bụi rậm, khơi thông cống rãnh.",
    "Trồng cây xanh trên tuyến đường trục của {p}.",
    "Góp công cùng Nhân dân {p} đổ bê tông ngõ xóm.",
    "Sửa chữa nhà cho một hộ nghèo ở {p}; đoàn viên góp ngày công, cơ quan hỗ trợ vật liệu.",
    "Tuyên truyền phòng, chống lừa đảo qua mạng và hướng dẫn người dân {p} cài đặt VNeID.",
    "Dự sinh hoạt chi bộ {p}, nghe ý kiến của đảng viên và người dân về việc thực hiện quy chế dân chủ.",
    "Cùng Tổ Dân vận {p} thăm, tặng quà người cao tuổi neo đơn.",
    "Làm vệ sinh, trồng hoa tại khuôn viên nhà văn hóa {p}.",
    "Tuyên truyền bảo đảm trật tự an toàn giao thông cho học sinh và người dân {p}.",
    "Cùng chi đoàn {p} dọn vệ sinh nghĩa trang liệt sĩ, kênh mương nội đồng.",
    "Khám bệnh, tư vấn sức khỏe và cấp thuốc miễn phí cho người cao tuổi {p}.",
    "Hướng dẫn kỹ thuật chăm sóc cây trồng, vật nuôi cho các hộ ở {p}.",
    "Tặng sách vở, đồ dùng học tập cho học sinh có hoàn cảnh khó khăn ở {p}.",
    "Trợ giúp pháp lý, giải đáp vướng mắc về đất đai, thừa kế cho người dân {p}.",
]

PROVINCIAL_DEPTS = [
    "Sở Tư pháp", "Sở Tài chính", "Sở Nông nghiệp và Môi trường", "Sở Y tế", "Sở Giáo dục và Đào tạo",
    "Sở Xây dựng", "Sở Nội vụ", "Sở Công Thương", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "Ban Quản lý các khu công nghiệp",
    "Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "Hội Cựu chiến binh tỉnh", "Tỉnh đoàn",
    "Liên đoàn Lao động tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh", "Bảo hiểm xã hội tỉnh", "Kho bạc Nhà nước khu vực",
    "Thuế tỉnh", "Ngân hàng Chính sách xã hội chi nhánh tỉnh", "Báo và Phát thanh, Truyền hình tỉnh",
    "Trường Chính trị tỉnh", "Bệnh viện Đa khoa tỉnh", "Trường Cao đẳng Kỹ thuật tỉnh", "Ban Tuyên giáo và Dân vận",
    "Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy", "Công ty Điện lực tỉnh",
    "Công ty Cấp thoát nước tỉnh",
]
PROVINCIAL_SUBUNITS = ["Văn phòng", "Thanh tra", "Phòng Kế hoạch - Tài chính", "Phòng Tổ chức cán bộ",
                       "Phòng Pháp chế", "Phòng Nghiệp vụ", "Trung tâm Dịch vụ"]
DISTRICT_DEPTS = [
    "Phòng Nông nghiệp và Phát triển nông thôn", "Phòng Tài nguyên và Môi trường", "Phòng Văn hóa và Thông tin",
    "Phòng Lao động - Thương binh và Xã hội", "Phòng Giáo dục và Đào tạo", "Phòng Tư pháp",
    "Phòng Tài chính - Kế hoạch", "Phòng Kinh tế và Hạ tầng", "Phòng Nội vụ", "Phòng Y tế", "Thanh tra",
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Trung tâm Văn hóa - Thể thao và Truyền thông",
    "Ban Quản lý dự án đầu tư xây dựng", "Trung tâm Y tế", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên",
    "Hạt Kiểm lâm", "Phòng Dân tộc", "Ủy ban Mặt trận Tổ quốc", "Hội Nông dân", "Hội Liên hiệp Phụ nữ",
    "Hội Cựu chiến binh", "Liên đoàn Lao động", "Ban Tuyên giáo", "Ban Tổ chức", "Văn phòng",
    "Ủy ban Kiểm tra", "Trường Trung học phổ thông", "Bảo hiểm xã hội", "Ngân hàng Chính sách xã hội",
]

# "Dân vận khéo" model themes: (short id, name, field, results (lo, hi, decimals, unit, what), story)
MODEL_THEMES = [
    ("don-dien-doi-thua", "Dồn điền đổi thửa gắn với mở rộng đường nội đồng", "kinh_te",
     [(20, 60, 1, "ha", "ruộng được dồn điền đổi thửa"), (0.8, 3.0, 1, "km", "đường nội đồng được mở rộng")],
     "Trước đây mỗi hộ ở {v} có nhiều thửa ruộng nhỏ, nằm rải rác, máy cày khó vào. Tổ Dân vận chia nhau về từng "
     "nhóm hộ, mời những gia đình có nhiều thửa nhất họp trước để cùng tính lợi, hại.\n\nSau các buổi họp thôn, các hộ "
     "thống nhất dồn ruộng và góp một phần đất nhỏ để mở rộng đường trục; bản đồ giao ruộng mới được công khai."),
    ("lien-ket-san-xuat", "Vận động hộ dân liên kết sản xuất theo tiêu chuẩn VietGAP", "kinh_te",
     [(20, 90, 0, "hộ", "hộ tham gia liên kết sản xuất"), (15, 70, 0, "ha", "diện tích được cấp chứng nhận VietGAP")],
     "Giá nông sản của {v} từng phụ thuộc nhiều vào thương lái. Tổ Dân vận cùng chi hội nông dân vận động các hộ ghi "
     "chép nhật ký sản xuất, dùng thuốc bảo vệ thực vật đúng liều.\n\nNhững hộ làm trước được mời chia sẻ kinh nghiệm "
     "tại nhà văn hóa; nhóm hộ liên kết ký hợp đồng bao tiêu với doanh nghiệp."),
    ("hien-dat-lam-duong", "Hiến đất mở rộng đường liên thôn", "kinh_te",
     [(600, 2500, 0, "m²", "đất do các hộ tự nguyện hiến"), (10, 40, 0, "hộ", "hộ hiến đất, tháo dỡ tường rào")],
     "Tuyến đường qua {v} nhỏ hẹp, xe không tránh được nhau. Tổ Dân vận đề nghị chi bộ ra nghị quyết chuyên đề, đảng "
     "viên và gia đình cán bộ thôn hiến đất trước.\n\nVới những hộ còn băn khoăn, nhóm phụ trách địa bàn đến nhà nhiều "
     "lần, cùng đo đạc lại mốc giới; cuối cùng các hộ đều đồng thuận."),
    ("to-hop-tac-chan-nuoi", "Tổ hợp tác chăn nuôi an toàn sinh học", "kinh_te",
     [(12, 40, 0, "hộ", "hộ tham gia tổ hợp tác"), (10000, 60000, 0, "con", "gia cầm xuất bán mỗi năm")],
     "Chăn nuôi là sinh kế chính của {v}, nhưng dịch bệnh và chất thải từng gây bức xúc giữa các hộ. Tổ Dân vận vận "
     "động các hộ vào tổ hợp tác, thống nhất lịch tiêm phòng và xử lý chất thải.\n\nTổ hợp tác mua chung con giống, "
     "thức ăn nên giá thành giảm; không còn đơn thư phản ánh về mùi hôi."),
    ("phan-loai-rac", "Phân loại rác thải tại nguồn ở khu dân cư", "van_hoa_xa_hoi",
     [(80, 400, 0, "hộ", "hộ phân loại rác tại nguồn"), (0.5, 2.0, 1, "tấn", "rác tái chế thu gom mỗi tháng")],
     "Tổ Dân vận {v} bắt đầu từ một nhóm nhỏ hộ làm mẫu: mỗi nhà ba thùng, rác hữu cơ, rác tái chế và rác còn lại.\n\n"
     "Chi hội phụ nữ thu gom rác tái chế vào sáng Chủ nhật cuối tháng, bán lấy tiền lập quỹ giúp học sinh nghèo."),
    ("ky-nang-so-nguoi-cao-tuoi", "Lớp học kỹ năng số cho người cao tuổi", "van_hoa_xa_hoi",
     [(40, 180, 0, "người", "người cao tuổi được hướng dẫn dùng điện thoại thông minh"), (3, 12, 0, "lớp", "lớp học được mở")],
     "Nhiều cụ ở {v} có điện thoại thông minh nhưng chỉ dùng để nghe gọi. Đoàn viên trong Tổ Dân vận mở lớp buổi tối, "
     "học cách gọi video, xem tin của xã và nhận diện cuộc gọi lừa đảo.\n\nCác cụ đã thạo lại kèm những người đến sau."),
    ("cuoi-tang-van-minh", "Thực hiện nếp sống văn minh trong việc cưới, việc tang", "van_hoa_xa_hoi",
     [(8, 30, 0, "đám cưới", "đám cưới tổ chức gọn trong một ngày")],
     "Tổ Dân vận {v} đưa nội dung cưới, tang văn minh vào hương ước và bàn kỹ với các trưởng dòng họ.\n\nKhi nhà có "
     "việc, thành viên Tổ đến thăm hỏi sớm, góp ý nhẹ nhàng về giờ giấc, âm thanh và mâm cỗ."),
    ("quy-khuyen-hoc", "Quỹ khuyến học dòng họ", "van_hoa_xa_hoi",
     [(30, 150, 0, "triệu đồng", "quỹ khuyến học vận động được"), (15, 60, 0, "suất", "học bổng trao cho học sinh")],
     "Tổ Dân vận {v} cùng các trưởng dòng họ lập quỹ khuyến học, mỗi hộ góp tùy khả năng.\n\nQuỹ được công khai thu "
     "chi trong buổi họp đầu năm; học sinh nghèo vượt khó được trao thưởng vào dịp khai giảng."),
    ("camera-an-ninh", "Camera an ninh khu dân cư", "quoc_phong_an_ninh",
     [(8, 40, 0, "camera", "camera lắp ở đầu ngõ và các điểm giao cắt"), (30, 120, 0, "hộ", "hộ góp kinh phí")],
     "Một số vụ trộm xảy ra ở {v} khiến người dân lo lắng. Tổ Dân vận đề xuất lắp camera ở các đầu ngõ, kinh phí do "
     "các hộ tự nguyện góp, công an xã hỗ trợ kỹ thuật.\n\nTừ khi lắp camera, khu dân cư không còn vụ trộm tài sản nào."),
    ("lien-gia-tu-quan", "Tổ liên gia tự quản phòng, chống ma túy", "quoc_phong_an_ninh",
     [(4, 12, 0, "tổ", "tổ liên gia tự quản được thành lập"), (80, 260, 0, "hộ", "hộ ký cam kết")],
     "Tổ Dân vận {v} chia địa bàn thành các tổ liên gia; mỗi tổ có một người theo dõi, nắm tình hình thanh thiếu niên.\n\n"
     "Các gia đình ký cam kết, công an viên cùng tổ liên gia động viên những người đã cai nghiện tìm việc làm."),
    ("hoa-giai-co-so", "Tổ Dân vận tham gia hòa giải ở cơ sở", "quoc_phong_an_ninh",
     [(4, 20, 0, "vụ việc", "mâu thuẫn được hòa giải thành")],
     "Khi có mâu thuẫn giữa các hộ, nhóm phụ trách địa bàn của Tổ Dân vận {v} là người biết sớm nhất. Tổ mời tổ hòa "
     "giải và người có uy tín cùng đến, nghe cả hai bên trình bày.\n\nCác vụ việc về ranh giới đất, lối đi và tiếng ồn "
     "được hòa giải thành, không phải chuyển lên xã."),
    ("zalo-bao-tin", "Nhóm Zalo báo tin nhanh về an ninh trật tự", "quoc_phong_an_ninh",
     [(150, 600, 0, "người", "thành viên nhóm Zalo"), (20, 80, 0, "tin", "tin báo được xử lý kịp thời")],
     "Nhóm Zalo của {v} do Tổ Dân vận quản trị, có công an viên và tổ công nghệ số cộng đồng tham gia.\n\nNgười dân "
     "báo tin về người lạ, cháy nổ, tai nạn; quản trị viên chuyển ngay đến người có trách nhiệm."),
    ("dang-vien-phu-trach-ho", "Đảng viên phụ trách hộ gia đình", "xay_dung_he_thong_chinh_tri",
     [(15, 50, 0, "đảng viên", "đảng viên nhận phụ trách hộ"), (80, 250, 0, "hộ", "hộ có đảng viên phụ trách")],
     "Chi bộ {v} phân công mỗi đảng viên phụ trách 4 đến 6 hộ gần nhà.\n\nĐảng viên nắm tâm tư, phổ biến chủ trương, "
     "báo lại cho Tổ Dân vận trong cuộc họp hằng tháng."),
    ("lang-nghe-dan", "Ngày thứ Bảy lắng nghe ý kiến Nhân dân", "xay_dung_he_thong_chinh_tri",
     [(50, 200, 0, "ý kiến", "ý kiến, kiến nghị được tiếp nhận")],
     "Sáng thứ Bảy đầu tháng, thành viên Khối Dân vận luân phiên ngồi tại nhà văn hóa ở {v} để nghe dân nói.\n\n"
     "Mỗi ý kiến được ghi vào sổ, có người nhận trả lời và hạn trả lời; kết quả được đọc trên loa truyền thanh."),
    ("kien-nghi-qr", "Tiếp nhận kiến nghị của Nhân dân qua mã QR", "xay_dung_he_thong_chinh_tri",
     [(60, 250, 0, "kiến nghị", "kiến nghị gửi qua mã QR"), (85, 100, 0, "%", "kiến nghị được trả lời đúng hạn")],
     "Tổ công nghệ số cộng đồng ở {v} dán mã QR ở bảng tin; người dân quét mã để gửi kiến nghị.\n\nTổ Dân vận tổng "
     "hợp hằng tuần, chuyển chính quyền xử lý và báo lại kết quả cho người gửi."),
    ("cong-khai-quy", "Công khai thu chi quỹ thôn trên bảng tin và nhóm Zalo", "xay_dung_he_thong_chinh_tri",
     [(6, 12, 0, "kỳ", "kỳ công khai thu chi trong năm")],
     "Tổ Dân vận {v} đề nghị ban quản lý công khai mọi khoản thu chi hằng tháng, cả trên bảng tin và nhóm Zalo.\n\n"
     "Từ khi công khai, các hộ đóng góp đầy đủ hơn, không còn thắc mắc về quỹ trong các buổi họp."),
]
FIELDS = ["kinh_te", "van_hoa_xa_hoi", "quoc_phong_an_ninh", "xay_dung_he_thong_chinh_tri"]

# ---------------------------------------------------------------------------------------
# Small helpers


def slugify(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def fmt(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def vn(d: dt.date) -> str:
    return f"{d.day}/{d.month}/{d.year}"


_DAYS_CACHE: dict[tuple[int, int, int, int, bool], list[dt.date]] = {}


def days_between(year: int, month: int, first: int, last: int, weekend: bool) -> list[dt.date]:
    key = (year, month, first, last, weekend)
    days = _DAYS_CACHE.get(key)
    if days is None:
        days = []
        for day in range(first, last + 1):
            try:
                d = dt.date(year, month, day)
            except ValueError:
                break
            if (d.weekday() >= 5) == weekend:
                days.append(d)
        _DAYS_CACHE[key] = days
    return days


def rand_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def rng_for(seed: int, *key: object) -> random.Random:
    """An independent, reproducible stream for one record (string seeds hash with SHA-512)."""
    return random.Random("synth|" + "|".join(str(k) for k in (seed,) + key))


# ---------------------------------------------------------------------------------------
# YAML emitter: block style, the layout of the repository's data files

_KEYWORDS = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n", ""}
_DATE_RE = re.compile(r"\d{2}/\d{2}/\d{4}\Z")
# A plain scalar is written only where YAML reads it back as this very string: it starts with
# a letter, holds no ": ", " #", tab or line break, does not end with a space or a colon and
# is no YAML keyword; dates dd/mm/yyyy stay plain too. Anything else is double-quoted.


def _str(s: str, pad: str) -> str:
    if (s[:1].isalpha() and ": " not in s and " #" not in s and "\n" not in s and "\t" not in s and "\r" not in s
            and s[-1] not in " :" and (len(s) > 5 or s.lower() not in _KEYWORDS)):
        return s
    if _DATE_RE.match(s):
        return s
    if "\n" in s:
        body = s[:-1] if s.endswith("\n") else s
        if not (body.endswith("\n") or body.startswith((" ", "\n")) or "\t" in body or "\r" in body):
            head = "|" if s.endswith("\n") else "|-"
            inner = pad + "  "
            return head + "".join("\n" + (inner + line if line else "") for line in body.split("\n"))
    if s.isprintable() and '"' not in s and "\\" not in s:
        return f'"{s}"'
    return json.dumps(s, ensure_ascii=False)


def _scalar(value: Any, pad: str) -> str:
    t = type(value)
    if t is str:
        return _str(value, pad)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if t is int:
        return str(value)
    if t is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError("non-finite float")
        return repr(value)
    raise TypeError(f"cannot write {t.__name__} to YAML")


def _emit_map(d: dict, pad: str, out: list[str]) -> None:
    for k, v in d.items():
        t = type(v)
        if t is str:
            out.append(f"{pad}{k}: {_str(v, pad)}")
        elif t is dict:
            out.append(f"{pad}{k}:")
            _emit_map(v, pad + "  ", out)
        elif t is list:
            if not v:
                out.append(f"{pad}{k}: []")
            else:
                out.append(f"{pad}{k}:")
                _emit_seq(v, pad + "  ", out)
        else:
            out.append(f"{pad}{k}: {_scalar(v, pad)}")


def _emit_seq(items: list, pad: str, out: list[str]) -> None:
    inner = pad + "  "
    cut = len(inner)
    for item in items:
        t = type(item)
        if t is dict:
            start = len(out)
            _emit_map(item, inner, out)
            out[start] = pad + "- " + out[start][cut:]
        elif t is list:
            raise ValueError("nested lists are not used in the data files")
        else:
            out.append(f"{pad}- {_scalar(item, pad)}")


def dump_yaml(data: dict) -> str:
    """The block-style YAML of a mapping (the data file body, without the header comments).

    Keys are written as they are (they are schema field names); values are str, int, float,
    bool, None, dicts and lists of scalars or dicts."""
    out: list[str] = []
    _emit_map(data, "", out)
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------
# The skeleton: administrative units, drawn once in the main process


@dataclass(slots=True)
class Village:
    id: str
    kind: str
    name: str
    tail: str
    has_team: bool = True

    @property
    def label(self) -> str:
        return f"{KIND_VI[self.kind]} {self.name}"


@dataclass(slots=True)
class Commune:
    id: str
    kind: str
    name: str
    parent: str  # district (ba-cap) or province (hai-cap)
    province: "Province"
    district: "District | None"
    villages: list[Village] = field(default_factory=list)
    pilot: bool = False

    @property
    def label(self) -> str:
        return f"{KIND_VI[self.kind]} {self.name}"

    @property
    def committee(self) -> str:
        return f"Đảng ủy {self.label}"

    @property
    def full_label(self) -> str:
        upper = self.district.label if self.district else self.province.label
        return f"{self.label}, {upper}"


@dataclass(slots=True)
class District:
    id: str
    kind: str
    name: str
    code: str
    communes: list[Commune] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{KIND_VI[self.kind]} {self.name}"

    @property
    def committee(self) -> str:
        return f"{DISTRICT_COMMITTEE[self.kind]} {self.name}"


@dataclass(slots=True)
class Province:
    id: str
    kind: str
    name: str
    region: str
    code: str | None = None
    districts: list[District] = field(default_factory=list)
    communes: list[Commune] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{KIND_VI[self.kind]} {self.name}"

    @property
    def short(self) -> str:
        return "Thành ủy" if self.kind == "thanh_pho_tw" else "Tỉnh ủy"


@dataclass
class Skeleton:
    scale: Scale
    seed: int
    year: int
    ref: dt.date
    since: dt.date
    provinces: list[Province]
    communes: list[Commune]

    @property
    def villages(self):
        for c in self.communes:
            yield from c.villages


def _split(total: int, weights: list[float], rng: random.Random, minimum: int = 1) -> list[int]:
    """Integers proportional to weights adding up to total (largest remainders, ties by rng)."""
    s = sum(weights)
    raw = [total * w / s for w in weights]
    counts = [max(minimum, int(r)) for r in raw]
    order = sorted(range(len(weights)), key=lambda i: (-(raw[i] - int(raw[i])), rng.random()))
    i = 0
    while sum(counts) < total:
        counts[order[i % len(order)]] += 1
        i += 1
    while sum(counts) > total:
        j = max(range(len(counts)), key=lambda k: (counts[k], -k))
        counts[j] -= 1
    return counts


def _village_counts(n: int, total: int, bounds: tuple[int, int], rng: random.Random) -> list[int]:
    lo, hi = bounds
    if not lo * n <= total <= hi * n:
        raise SynthError(f"Không xếp được {total} thôn vào {n} xã, mỗi xã {lo}–{hi} thôn.")
    counts = [rng.randint(lo, hi) for _ in range(n)]
    while sum(counts) > total:
        i = rng.randrange(n)
        if counts[i] > lo:
            counts[i] -= 1
    while sum(counts) < total:
        i = rng.randrange(n)
        if counts[i] < hi:
            counts[i] += 1
    return counts


_SYL_SLUG: dict[str, str] = {}


def _syl_slug(s: str) -> str:
    v = _SYL_SLUG.get(s)
    if v is None:
        v = _SYL_SLUG[s] = slugify(s)
    return v


def _unique_names(rng: random.Random, k: int, taken: set[str], first: list[str], second: list[str]) -> list[tuple[str, str]]:
    """k (name, slug) pairs of two syllables whose slugs are not in taken (taken is updated)."""
    out = []
    tries = 0
    while len(out) < k:
        tries += 1
        if tries > 200 * k + 2000:
            raise SynthError("Hết tên hư cấu để đặt cho đơn vị.")
        a, b = rng.choice(first), rng.choice(second)
        if _syl_slug(a) == _syl_slug(b):
            continue
        slug = f"{_syl_slug(a)}-{_syl_slug(b)}"
        if slug in taken:
            continue
        taken.add(slug)
        out.append((f"{a} {b}", slug))
    return out


def _make_villages(rng: random.Random, c: Commune, count: int, region: str) -> None:
    if c.kind in ("phuong", "thi_tran"):
        for n in range(1, count + 1):
            c.villages.append(Village(f"{c.id}-tdp-so-{n}", "to_dan_pho", f"số {n}", f"tdp-so-{n}"))
        return
    taken: set[str] = set()
    if region == "nui":
        n_ban = count // 2
        names = _unique_names(rng, n_ban, taken, SYL_BAN, SYL_BAN2) if n_ban <= 60 else []
        kinds = ["ban"] * len(names)
        rest = _unique_names(rng, count - len(names), taken, SYL_A, SYL_B)
        names += rest
        kinds += ["thon"] * len(rest)
    else:
        names = _unique_names(rng, count, taken, SYL_A, SYL_B)
        kinds = ["ap" if region == "nam" else "thon"] * count
    for (name, slug), kind in zip(names, kinds):
        tail = f"{kind}-{slug}"
        c.villages.append(Village(f"{c.id}-{tail}", kind, name, tail))


def build_skeleton(scale: Scale, seed: int) -> Skeleton:
    rng = rng_for(seed, scale.name, "skeleton")
    timing = TIMING[scale.scheme]
    year = timing["year"]
    ref = dt.date(year, 12, 15)
    since = dt.date(year - 1, 12, 1)
    provinces: list[Province] = []
    communes: list[Commune] = []
    if scale.scheme == "ba-cap":
        pid, pkind, pname, pcode = BG_PROVINCE
        province = Province(pid, pkind, pname, "bac", pcode)
        provinces.append(province)
        chosen = BG_DISTRICTS[: scale.districts]
        per_district = _split(scale.communes, [d[4] for d in chosen], rng)
        for (did, dkind, dname, dcode, _), n in zip(chosen, per_district):
            district = District(did, dkind, dname, dcode)
            province.districts.append(district)
            names = _unique_names(rng, n, set(), SYL_A, SYL_B)
            if dkind == "thanh_pho":
                kinds = ["phuong" if i < max(1, round(n * 0.6)) else "xa" for i in range(n)]
            elif dkind == "thi_xa":
                kinds = ["phuong" if i < max(1, n // 2) else "xa" for i in range(n)]
            else:
                towns = 1 if n < 22 else 2
                kinds = ["thi_tran" if i < towns else "xa" for i in range(n)]
            for (name, slug), kind in zip(names, kinds):
                c = Commune(f"{did}-{slug}", kind, name, did, province, district)
                district.communes.append(c)
                province.communes.append(c)
                communes.append(c)
            district.communes[0].pilot = True
    else:
        chosen = PROVINCES_2025[: scale.provinces]
        per_province = _split(scale.communes, [p[3] for p in chosen], rng)
        for (pid, pkind, pname, _, region), n in zip(chosen, per_province):
            province = Province(pid, pkind, pname, region)
            provinces.append(province)
            names = _unique_names(rng, n, set(), SYL_A, SYL_B)
            urban = 0.45 if pkind == "thanh_pho_tw" else 0.15
            for i, (name, slug) in enumerate(names):
                if i < max(1, round(n * urban)):
                    kind = "phuong"
                elif region in ("bac", "trung", "nam") and i == n - 1 and n > 60:
                    kind = "dac_khu"
                else:
                    kind = "xa"
                c = Commune(f"{pid}-{slug}", kind, name, pid, province, None)
                province.communes.append(c)
                communes.append(c)
            province.communes[-1].pilot = True
            for c in province.communes[::10]:
                c.pilot = True
    counts = _village_counts(len(communes), scale.villages, scale.villages_per_commune, rng)
    for c, n in zip(communes, counts):
        _make_villages(rng, c, n, c.province.region)
    villages = [v for c in communes for v in c.villages]
    for v in rng.sample(villages, len(villages) - scale.teams):
        v.has_team = False
    return Skeleton(scale, seed, year, ref, since, provinces, communes)


# ---------------------------------------------------------------------------------------
# Writing files


class Writer:
    def __init__(self, out: Path, header: str):
        self.out = out
        self.base = str(out) + os.sep
        self.header = header
        self.files = 0
        self.bytes = 0

    def write(self, rel: str, kind: str, data: dict, extra: tuple[str, ...] = ()) -> None:
        depth = rel.count("/")
        schema = "../" * depth + f"schemas/{kind}.schema.json"
        text = "\n".join((f"# yaml-language-server: $schema={schema}", self.header, *extra)) + "\n" + dump_yaml(data)
        if not text.isascii():
            text = unicodedata.normalize("NFC", text)
        raw = text.encode("utf-8")
        path = self.base + rel
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(raw)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        self.files += 1
        self.bytes += len(raw)


# ---------------------------------------------------------------------------------------
# People


def person(rng: random.Random, pid: str, region: str, year: int, gender: str | None = None,
           born: tuple[int, int] = (1960, 1990), party: float = 0.4, consent: float = 0.6) -> dict:
    gender = gender or ("nam" if rng.random() < 0.5 else "nu")
    male = gender == "nam"
    rec: dict[str, Any] = {
        "id": pid,
        "family_name": rng.choice(FAMILY),
        "middle_name": rng.choice(MIDDLE_M if male else MIDDLE_F),
        "given_name": rng.choice(GIVEN_M if male else GIVEN_F),
        "gender": gender,
        "birth_year": rng.randint(*born),
    }
    if rng.random() < 0.7:
        rec["ethnicity"] = rng.choice(ETHNIC[region])
    if rng.random() < 0.15:
        rec["religion"] = rng.choice(RELIGIONS)
    rec["party_member"] = party >= 1.0 or (party > 0 and rng.random() < party)
    rec["phone"] = f"{'09' if rng.random() < 0.5 else '03'}{rng.randrange(10 ** 8):08d}"
    agrees = rng.random() < consent
    rec["consent_to_publish"] = agrees
    if agrees:
        rec["consent_date"] = fmt(rand_date(rng, dt.date(year, 1, 2), dt.date(year, 10, 31)))
    rec["sample"] = True
    return rec


# ---------------------------------------------------------------------------------------
# Teams and blocs: one task per commune


def _group_sizes(rng: random.Random, n: int) -> list[int]:
    g = rng.randint(math.ceil(n / 5), n // 3)
    sizes = [3] * g
    for _ in range(n - 3 * g):
        sizes[rng.choice([i for i, s in enumerate(sizes) if s < 5])] += 1
    return sizes


def team_record(rng: random.Random, sk: Skeleton, c: Commune, v: Village, number: str, founded: dt.date) -> dict:
    region = c.province.region
    year = sk.year
    n = rng.choice(sk.scale.members)
    pre = f"p-{v.id}"
    members: list[dict] = []
    exception = rng.random() < 0.01

    def add(role: str, positions: list[str], gender=None, born=(1960, 1990), party=0.4) -> None:
        rec = person(rng, f"{pre}-{len(members) + 1:02d}", region, year, gender, born, party)
        rec["team_role"] = role
        rec["positions"] = positions
        members.append(rec)

    if exception:
        add("to_truong", ["truong_thon", "chi_uy_vien"], None, (1965, 1982), 1.0)
        add("to_pho", ["pho_truong_thon"], None, (1970, 1988), 0.6)
    else:
        add("to_truong", ["bi_thu_chi_bo"], "nam" if rng.random() < 0.75 else "nu", (1958, 1978), 1.0)
        add("to_pho", ["truong_thon"], None, (1965, 1985), 0.7)
    add("to_pho", ["truong_ban_ctmt"], None, (1955, 1975), 0.6)
    optional = [s for s in OPTIONAL_SLOTS if not (exception and s == "pho_truong_thon")]
    for slot in ["chi_hoi_truong_pn", "chi_hoi_truong_nd"] + rng.sample(optional, n - 5):
        position, gender, born, party = MEMBER_SLOTS[slot]
        add("thanh_vien", [position], gender, born, party)

    ids = [m["id"] for m in members]
    pool = ids[:]
    rng.shuffle(pool)
    sizes = _group_sizes(rng, n)
    places = rng.sample(XOM if v.kind != "to_dan_pho" else NGO, len(sizes))
    groups = []
    start = 0
    for i, size in enumerate(sizes):
        chosen = sorted(pool[start:start + size])
        start += size
        where = f"xóm {places[i]}" if v.kind != "to_dan_pho" else places[i]
        groups.append({
            "name": f"Nhóm {i + 1} – {where}",
            "leader": rng.choice(chosen),
            "members": chosen,
            "households": rng.randint(30, 50),
            "area": f"Các hộ {where}, {v.label}",
        })

    ratings = []
    for y in range(founded.year, year + 1):  # the reference date (15/12) is after the yearly deadline (20/11)
        grade = rng.choices(["xuat_sac", "tot", "hoan_thanh"], weights=[3, 6, 1])[0]
        rating: dict[str, Any] = {"year": y, "grade": grade}
        if grade == "xuat_sac" and rng.random() < 0.4:
            rating["note"] = "Tổ được chi bộ đề nghị biểu dương"
        ratings.append(rating)

    months = list(range(founded.month + 1, 12))
    meetings = []
    for month in sorted(rng.sample(months, min(len(months), rng.randint(2, 4)))):
        day = rng.choice(days_between(year, month, 3, 12, weekend=False))
        meetings.append({"date": fmt(day), "attendees": rng.randint(n - 3, n), "content": rng.choice(MEETING_TOPICS)})

    activities = []
    if rng.random() < 0.3:
        title, content, (lo, hi) = rng.choice(TEAM_ACTIVITIES)
        day = rand_date(rng, founded + dt.timedelta(days=20), dt.date(year, 11, 30))
        act: dict[str, Any] = {"date": fmt(day), "title": title, "content": content, "participants": rng.randint(lo, hi)}
        if rng.random() < 0.3:
            act["photos"] = [{
                "file": PHOTO,
                "caption": f"{title} tại {v.label}, {c.label}, ngày {vn(day)}; thành viên Tổ Dân vận và Nhân dân cùng tham gia.",
                "approved": True,
                "approved_by": f"Chi bộ {v.label}",
                "approved_on": fmt(day + dt.timedelta(days=rng.randint(1, 4))),
                "publish": True,
            }]
        activities.append(act)

    rec: dict[str, Any] = {
        "id": f"to-{v.id}",
        "village": v.id,
        "founding_decision": {"number": number, "date": fmt(founded), "issuer": c.committee},
    }
    if exception:
        rec["exceptions"] = ["kiem_nhiem"]
        rec["exception_note"] = ("Bí thư chi bộ đồng thời giữ chức vụ ở xã, kiêm nhiệm nhiều việc; chi bộ thống nhất cử "
                                 "đồng chí chi ủy viên, trưởng thôn làm tổ trưởng, phó trưởng thôn làm tổ phó.")
    rec["members"] = members
    rec["groups"] = groups
    rec["zalo_group"] = rng.random() < 0.85
    rec["ratings"] = ratings
    rec["meetings"] = meetings
    if activities:
        rec["activities"] = activities
    rec["sample"] = True
    return rec


def bloc_record(rng: random.Random, sk: Skeleton, c: Commune) -> dict:
    year = sk.year
    region = c.province.region
    head = "bi_thu_dang_uy" if rng.random() < 0.2 else "pho_bi_thu_thuong_truc"
    chair = "pho_chu_tich_ubnd" if rng.random() < 0.25 else "chu_tich_ubnd"
    start_month = TIMING[sk.scale.scheme]["briefing_from"]
    members = []
    for i, (role, position, gender, born) in enumerate(BLOC_ROSTER):
        position = position or (head if role == "truong_khoi" else chair)
        rec = person(rng, f"p-khoi-{c.id}-{i + 1:02d}", region, year, gender, born,
                     party=1.0 if position != "bi_thu_doan_thanh_nien" else 0.9, consent=0.75)
        rec["bloc_role"] = role
        rec["position"] = position
        followed = rng.sample(c.villages, min(2, len(c.villages)))
        rec["duties"] = BLOC_DUTIES[position].format(c=c.label, v=", ".join(v.label for v in followed))
        rec["training"] = {
            "trained": True,
            "date": fmt(rand_date(rng, dt.date(year, start_month, 1), dt.date(year, 11, 30))),
            "course": rng.choice(TRAINING_COURSES),
        }
        members.append(rec)
    chaired = f"Bí thư Đảng ủy, Chủ tịch UBND {KIND_VI[c.kind]}"
    topics = rng.sample(DIALOGUE_TOPICS, 2)
    days = sorted(rand_date(rng, dt.date(year, max(3, start_month + 1), 1), dt.date(year, 11, 30))
                  for _ in range(rng.randint(1, 2)))
    dialogues = [{"date": fmt(d), "topic": topics[k], "chaired_by": chaired, "participants": rng.randint(60, 150)}
                 for k, d in enumerate(days)]
    briefings = []
    for month in range(start_month, 13):
        day = rng.choice(days_between(year, month, 2, 8, weekend=False))
        briefings.append({"date": fmt(day), "kind": "thang",
                          "note": f"Giao ban tháng {month}/{year}: nghe các Tổ Dân vận báo cáo tình hình Nhân dân"})
        if month in (3, 6, 9):
            q = month // 3
            last = days_between(year, month, 24, 30, weekend=False)
            briefings.append({"date": fmt(rng.choice(last)), "kind": "quy",
                              "note": f"Giao ban quý {['I', 'II', 'III'][q - 1]}/{year}: đánh giá kết quả, thống nhất nhiệm vụ quý sau"})
    return {
        "id": f"khoi-{c.id}",
        "commune": c.id,
        "members": members,
        "rules": {"adopted": fmt(rand_date(rng, dt.date(year, start_month, 10), dt.date(year, start_month + 2, 28))),
                  "number": "01-QC/KDV"},
        "dialogues": dialogues,
        "briefings": briefings,
        "pilot": c.pilot,
        "sample": True,
    }


def commune_task(sk: Skeleton, writer: Writer, index: int) -> dict:
    c = sk.communes[index]
    rng = rng_for(sk.seed, "commune", c.id)
    (m1, d1), (m2, d2) = TIMING[sk.scale.scheme]["founding"]
    pilot_day = rand_date(rng, dt.date(sk.year, m1, d1), dt.date(sk.year, m1, d1 + 14))
    rest_day = rand_date(rng, dt.date(sk.year, m2, 1), dt.date(sk.year, m2, d2))
    number = rng.randint(8, 40)
    counts = {"teams": 0, "team_members": 0, "groups": 0, "households": 0, "bloc_members": 0}
    for i, v in enumerate(c.villages):
        if not v.has_team:
            continue
        rec = team_record(rng, sk, c, v, f"{number + i}-QĐ/ĐU", pilot_day if counts["teams"] == 0 else rest_day)
        writer.write(f"data/teams/{c.id}/{rec['id']}.yml", "team", rec)
        counts["teams"] += 1
        counts["team_members"] += len(rec["members"])
        counts["groups"] += len(rec["groups"])
        counts["households"] += sum(g["households"] for g in rec["groups"])
    bloc = bloc_record(rng, sk, c)
    writer.write(f"data/blocs/{bloc['id']}.yml", "bloc", bloc)
    counts["bloc_members"] += len(bloc["members"])
    return counts


# ---------------------------------------------------------------------------------------
# Assignments (HD 02-HD/BDVTU): planned in the main process, written one task each


@dataclass
class Plan:
    id: str
    agency: dict
    communes: list[Commune]
    exemption: str | None = None


def _agency_names(province: Province) -> list[tuple[str, str, str]]:
    """(agency name, party organisation, short name for the id) of a province's agencies."""

    def full(dept: str) -> str:
        if dept.endswith(" tỉnh"):
            return dept[: -len("tỉnh")] + province.label
        if dept.startswith(("Sở ", "Ban ")):
            return f"{dept} {province.label}"
        return dept

    names = [(full(dept), ("Đảng bộ " if dept.startswith("Sở ") else "Chi bộ ") + dept, dept) for dept in PROVINCIAL_DEPTS]
    for sub in PROVINCIAL_SUBUNITS:
        names += [(f"{sub}, {full(dept)}", f"Chi bộ {sub}", f"{sub} {dept}") for dept in PROVINCIAL_DEPTS]
    return names


def _reports_to(province: Province, party_org: str) -> str:
    if province.kind == "thanh_pho_tw":
        return "Đảng ủy các cơ quan Đảng thành phố"
    return "Đảng ủy các cơ quan Đảng tỉnh" if "Ban" in party_org else "Đảng ủy Ủy ban nhân dân tỉnh"


def plan_assignments(sk: Skeleton) -> list[Plan]:
    rng = rng_for(sk.seed, sk.scale.name, "assignments")
    scale = sk.scale
    plans: list[Plan] = []
    used: set[str] = set()

    def new_id(base: str) -> str:
        aid = "pc-" + slugify(base)
        aid = aid[:100].rstrip("-")
        candidate, k = aid, 2
        while candidate in used:
            candidate, k = f"{aid}-{k}", k + 1
        used.add(candidate)
        return candidate

    for p in sk.provinces:
        armed = f"Tiểu đoàn Huấn luyện - Cơ động, Bộ Chỉ huy Quân sự {p.label}"
        plans.append(Plan(new_id(f"{p.id} tieu doan huan luyen co dong"), {
            "name": armed, "party_org": "Chi bộ Tiểu đoàn Huấn luyện - Cơ động", "level": "tinh",
            "reports_to": f"Đảng ủy Quân sự {p.label}"}, [], "truc_san_sang_chien_dau"))
    active = scale.assignments - len(sk.provinces)
    load = {c.id: 0 for c in sk.communes}  # provincial units per commune (at most 2)
    covered: dict[str, int] = {c.id: 0 for c in sk.communes}

    def pick(pool: list[Commune], exclude: list[Commune]) -> Commune | None:
        free = [c for c in pool if load[c.id] < 2 and c not in exclude]
        if not free:
            return None
        low = min(covered[c.id] for c in free)
        return rng.choice([c for c in free if covered[c.id] == low])

    if scale.scheme == "hai-cap":
        per_province = _split(active, [len(p.communes) for p in sk.provinces], rng)
        for p, n in zip(sk.provinces, per_province):
            if n > 2 * len(p.communes):
                raise SynthError(f"{p.name}: {n} cơ quan cấp tỉnh vượt quá hai cơ quan mỗi xã.")
            names = _agency_names(p)
            order = p.communes[:]
            rng.shuffle(order)
            lists: list[list[Commune]] = [[] for _ in range(n)]
            for i, c in enumerate(order):  # every commune once; the extra ones go to distinct agencies
                lists[i % n].append(c)
                load[c.id] += 1
                covered[c.id] += 1
            for i in range(len(order), n):  # more agencies than communes: a second unit where there is room
                c = pick(p.communes, [])
                lists[i].append(c)
                load[c.id] += 1
                covered[c.id] += 1
            for i, communes in enumerate(lists):
                name, org, short = names[i % len(names)]
                if i >= len(names):
                    name = f"{name} (tổ công tác {i // len(names) + 1})"
                communes.sort(key=lambda c: c.id)
                plans.append(Plan(new_id(f"{p.id} {short}"), {
                    "name": name, "party_org": org, "level": "tinh", "reports_to": _reports_to(p, org)}, communes))
        return plans

    # ba-cap: provincial agencies spread over the districts (each touches one district only, so no
    # district gets more than its share), then district agencies cover what is left.
    p = sk.provinces[0]
    districts = p.districts
    n_prov = round(active * scale.provincial_share)
    n_prov -= n_prov % len(districts) if n_prov >= 2 * len(districts) else 0
    if len(districts) == 2 and n_prov % 2:
        n_prov -= 1
    n_dist = active - n_prov
    names = _agency_names(p)
    for i in range(n_prov):
        d = districts[i % len(districts)]
        first = pick(d.communes, [])
        if first is None:
            raise SynthError("Quá nhiều cơ quan cấp tỉnh so với mức hai cơ quan mỗi xã.")
        chosen = [first]
        load[first.id] += 1
        covered[first.id] += 1
        if rng.random() < 0.15:
            second = pick(d.communes, chosen)
            if second is not None:
                chosen.append(second)
                load[second.id] += 1
                covered[second.id] += 1
        name, org, short = names[i % len(names)]
        chosen.sort(key=lambda c: c.id)
        plans.append(Plan(new_id(short), {"name": name, "party_org": org, "level": "tinh",
                                         "reports_to": "Đảng ủy Khối các cơ quan tỉnh"}, chosen))
    # district agencies: first the uncovered communes of each district, one or two at a time
    district_lists: list[tuple[District, list[Commune]]] = []
    for d in districts:
        uncovered = [c for c in d.communes if covered[c.id] == 0]
        rng.shuffle(uncovered)
        while uncovered:
            take = 2 if len(uncovered) >= 2 and rng.random() < 0.3 else 1
            district_lists.append((d, uncovered[:take]))
            uncovered = uncovered[take:]
    if len(district_lists) > n_dist:
        raise SynthError("Không đủ cơ quan cấp huyện để phụ trách mọi xã.")
    rest = _split(n_dist - len(district_lists), [len(d.communes) for d in districts], rng, minimum=0) \
        if n_dist > len(district_lists) else [0] * len(districts)
    for d, extra in zip(districts, rest):
        for _ in range(extra):
            k = 2 if rng.random() < 0.2 and len(d.communes) > 1 else 1
            district_lists.append((d, rng.sample(d.communes, k)))
    per_district_index: dict[str, int] = {}
    for d, communes in sorted(district_lists, key=lambda item: districts.index(item[0])):
        for c in communes:
            covered[c.id] += 1
        i = per_district_index.get(d.id, 0)
        per_district_index[d.id] = i + 1
        dept = DISTRICT_DEPTS[i % len(DISTRICT_DEPTS)]
        name = f"{dept} {d.label}" + (f" (tổ công tác {i // len(DISTRICT_DEPTS) + 1})" if i >= len(DISTRICT_DEPTS) else "")
        communes = sorted(communes, key=lambda c: c.id)
        plans.append(Plan(new_id(f"{d.id} {dept} {i // len(DISTRICT_DEPTS) or ''}"), {
            "name": name, "party_org": f"Chi bộ {dept}", "level": "huyen", "district": d.id,
            "reports_to": d.committee}, communes))
    return plans


def assignment_task(sk: Skeleton, writer: Writer, plan: Plan) -> dict:
    rec: dict[str, Any] = {"id": plan.id, "agency": plan.agency}
    counts = {"assignments": 1, "assignment_activities": 0, "reports": 0}
    if plan.exemption:
        rec["exemption"] = plan.exemption
        rec["note"] = "Đơn vị làm nhiệm vụ trực sẵn sàng chiến đấu nên được miễn phân công phụ trách xã."
        rec["sample"] = True
        writer.write(f"data/assignments/{plan.id}.yml", "assignment", rec)
        return counts
    rng = rng_for(sk.seed, "assignment", plan.id)
    provincial = plan.agency["level"] == "tinh"
    size = (10, 40) if provincial else (5, 15)
    rec["communes"] = [c.id for c in plan.communes]
    rec["since"] = fmt(sk.since)
    activities = []
    y, m = sk.since.year, sk.since.month
    k = 0
    while (y, m) < (sk.ref.year, sk.ref.month):
        weekend = days_between(y, m, 1, 31, weekend=True)
        for day in sorted(rng.sample(weekend, 2 if rng.random() < 0.2 else 1)):
            c = plan.communes[k % len(plan.communes)]
            k += 1
            v = rng.choice(c.villages) if rng.random() < 0.85 else None
            where = f"{v.label}, {c.label}" if v else c.label
            act: dict[str, Any] = {"date": fmt(day), "commune": c.id}
            if v:
                act["village"] = v.id
            act["content"] = rng.choice(ACTIVITY_WORK).format(p=where)
            act["participants"] = rng.randint(*size)
            if rng.random() < 0.04:
                act["photos"] = [{
                    "file": PHOTO,
                    "caption": f"Cán bộ, đảng viên {plan.agency['name']} tham gia hoạt động tại {where}, ngày {vn(day)}.",
                    "approved": True,
                    "approved_by": plan.agency["party_org"],
                    "approved_on": fmt(day + dt.timedelta(days=rng.randint(1, 3))),
                    "publish": True,
                }]
            activities.append(act)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    rec["activities"] = activities
    reports = []
    y, m = sk.since.year, sk.since.month
    while (y, m) < (sk.ref.year, sk.ref.month):  # monthly, due the 25th of the month
        reports.append((dt.date(y, m, rng.randint(18, 24)), {"kind": "thang", "year": y, "number": m}))
        if m in (3, 6, 9) and y == sk.year:  # quarterly, due the 25th of the quarter's last month
            reports.append((dt.date(y, m, rng.randint(18, 24)), {"kind": "quy", "year": y, "number": m // 3}))
        if m == 6 and y == sk.year:  # 6-monthly, due 15/6
            reports.append((dt.date(y, 6, rng.randint(5, 14)), {"kind": "6_thang", "year": y}))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    reports.append((dt.date(sk.year, 12, rng.randint(8, 12)), {"kind": "nam", "year": sk.year}))  # due 15/12
    reports.sort(key=lambda r: (r[0], r[1]["kind"]))
    rec["reports"] = [{**r, "filed": fmt(d)} for d, r in reports]
    rec["sample"] = True
    writer.write(f"data/assignments/{plan.id}.yml", "assignment", rec)
    counts["assignment_activities"] = len(activities)
    counts["reports"] = len(reports)
    return counts


# ---------------------------------------------------------------------------------------
# Models ("Dân vận khéo")


def models_task(sk: Skeleton, writer: Writer, count: int) -> dict:
    rng = rng_for(sk.seed, sk.scale.name, "models")
    year = sk.year
    used: set[str] = set(REAL_MODELS)
    with_team = [v for v in sk.villages if v.has_team]
    commune_of = {v.id: c for c in sk.communes for v in c.villages}
    photos = 0
    for i in range(count):
        field_name = FIELDS[i % len(FIELDS)]
        themes = [t for t in MODEL_THEMES if t[2] == field_name]
        short, name, field_, results, story = rng.choice(themes)
        if rng.random() < 0.75 and with_team:
            v = rng.choice(with_team)
            c = commune_of[v.id]
            place_id, units, team = v.id, [v.id], f"to-{v.id}"
            implementer = f"Tổ Dân vận cộng đồng {v.label}"
            place = f"{v.label}, {c.label}"
        else:
            c = rng.choice(sk.communes)
            v = None
            place_id, units, team = c.id, [c.id], None
            implementer = f"Khối Dân vận {c.label}"
            place = c.label
        mid = f"mh-{short}-{place_id}"[:110].rstrip("-")
        base, k = mid, 2
        while mid in used:
            mid, k = f"{base}-{k}", k + 1
        used.add(mid)
        start = year - rng.randint(0, 2)
        rec: dict[str, Any] = {"id": mid, "name": name, "field": field_, "implementer": implementer, "units": units}
        if team:
            rec["team"] = team
        period: dict[str, Any] = {"start": start}
        if rng.random() < 0.6:
            period["end"] = year
        rec["period"] = period
        span = f"từ năm {start}" if "end" not in period else (f"năm {year}" if start == year else f"trong các năm {start}–{year}")
        rec["summary"] = f"{implementer} ({c.full_label}) thực hiện mô hình “{name}” {span}."
        res = []
        for lo, hi, decimals, unit, what in results:
            value: float | int = round(rng.uniform(lo, hi), decimals) if decimals else rng.randint(int(lo), int(hi))
            entry: dict[str, Any] = {"value": value, "unit": unit, "what": what}
            if rng.random() < 0.15:
                entry["approximate"] = True
            res.append(entry)
        rec["results"] = res
        if rng.random() < 0.3:
            by = (f"Ủy ban nhân dân {c.district.label}" if c.district else f"Ủy ban nhân dân {c.province.label}")
            rec["recognition"] = [{"title": "Giấy khen", "by": by, "year": year}]
        rec["story"] = story.format(v=place) + "\n"
        if rng.random() < 0.3:
            day = rand_date(rng, dt.date(year, 3, 1), dt.date(year, 11, 15))
            approver = (f"Ban Dân vận {c.district.committee}" if c.district else f"Ban Dân vận {c.province.short} {c.province.name}")
            rec["photos"] = [{
                "file": PHOTO,
                "caption": f"{name}: hoạt động tại {place}, {(c.district or c.province).label}, ngày {vn(day)}.",
                "approved": True,
                "approved_by": approver,
                "approved_on": fmt(day + dt.timedelta(days=rng.randint(2, 7))),
                "publish": True,
            }]
            photos += 1
        if rng.random() < 0.1:
            others = [o for o in (c.district.communes if c.district else c.province.communes) if o is not c]
            if others:
                rec["replicated_in"] = sorted(o.id for o in rng.sample(others, min(2, len(others))))
        rec["sample"] = True
        writer.write(f"data/models/{mid}.yml", "model", rec)
    return {"models_synthetic": count, "model_photos": photos}


# ---------------------------------------------------------------------------------------
# Units and config


def write_units(sk: Skeleton, writer: Writer) -> None:
    for p in sk.provinces:
        units: list[dict] = []
        unit: dict[str, Any] = {"id": p.id, "kind": p.kind, "name": p.name}
        if p.code:
            unit["codes"] = [{"scheme": "tk-2004", "code": p.code}]
        units.append(unit)
        for d in p.districts:
            units.append({"id": d.id, "kind": d.kind, "name": d.name, "parent": p.id,
                          "codes": [{"scheme": "tk-2004", "code": d.code}]})
        for c in p.communes:
            units.append({"id": c.id, "kind": c.kind, "name": c.name, "parent": c.parent, "sample": True})
            for v in c.villages:
                units.append({"id": v.id, "kind": v.kind, "name": v.name, "parent": c.id, "sample": True})
        extra = ("# Tên tỉnh" + (", huyện" if p.districts else "") + " là có thật; tên xã, thôn là hư cấu (sample: true).",)
        writer.write(f"data/units/{p.id}.yml", "units", {"units": units}, extra)


def write_config(sk: Skeleton, writer: Writer) -> None:
    p = sk.provinces[0]
    upper = f"{'THÀNH ỦY' if p.kind == 'thanh_pho_tw' else 'TỈNH ỦY'} {p.name.upper()}"
    local = "Các huyện ủy, thành ủy" if sk.scale.scheme == "ba-cap" else "Các đảng ủy xã, phường, đặc khu"
    extra = ()
    if len(sk.provinces) > 1:
        extra = (f"# {len(sk.provinces)} tỉnh, thành phố trong một dự án: province trỏ vào tỉnh đầu tiên "
                 "(trang danh bạ bắt đầu từ đó).",)
    writer.write("data/config.yml", "config", {
        "province": {"name": p.name, "unit": p.id, "board": f"Ban Dân vận {p.short} {p.name}"},
        "report": {
            "superior": upper, "issuer": "BAN DÂN VẬN", "number_suffix": "BC/BDVTU", "place": p.name,
            "signing": "K/T TRƯỞNG BAN", "signer_title": "PHÓ TRƯỞNG BAN",
            "recipients": ["Ban Dân vận Trung ương (b/c)", f"Thường trực {p.short} (b/c)", local, "Lưu Văn phòng Ban"],
        },
        "scheme": sk.scale.scheme,
        "reference_date": fmt(sk.ref),
        "sample": True,
    }, extra)


# ---------------------------------------------------------------------------------------
# Copying what the repository already has


def _copy_repository_parts(repo: Path, out: Path) -> int:
    files = 0
    for folder in ("content", "theme", "schemas"):
        src = repo / folder
        if not src.is_dir():
            raise SynthError(f"Thiếu “{src}” trong kho.")
        shutil.copytree(src, out / folder, ignore=shutil.ignore_patterns("__pycache__", ".*"))
        files += sum(1 for p in (out / folder).rglob("*") if p.is_file())
    singles = ["mkdocs.yml", "data/documents.yml", "data/publications.yml", "data/" + PHOTO]
    singles += [f"data/models/{m}.yml" for m in REAL_MODELS]
    for rel in singles:
        src = repo / rel
        if not src.is_file():
            raise SynthError(f"Thiếu “{src}” trong kho.")
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, out / rel)
        files += 1
    return files


def _prepare_out(out: Path, repo: Path) -> None:
    out = out.resolve()
    repo = repo.resolve()
    if out == repo or repo.is_relative_to(out) or any(out.is_relative_to(repo / d) for d in ("data", "content", "theme", "schemas")):
        raise SynthError(f"Không ghi vào chính kho hay thư mục dữ liệu của kho (“{out}”); hãy chọn thư mục khác.")
    if out.exists() and not out.is_dir():
        raise SynthError(f"“{out}” không phải là thư mục.")
    if out.is_dir() and any(out.iterdir()):
        config = out / "data" / "config.yml"
        lines = config.read_text(encoding="utf-8").splitlines()[:2] if config.is_file() else []
        if len(lines) < 2 or not lines[1].startswith(MARKER):
            raise SynthError(f"Thư mục “{out}” không trống và không do “handbook synth” ghi; hãy chọn thư mục trống.")
        for name in ("data", "content", "theme", "schemas"):
            if (out / name).is_dir():
                shutil.rmtree(out / name)
        (out / "mkdocs.yml").unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)


# ---------------------------------------------------------------------------------------
# Parallel execution (fork); the output never depends on how many workers ran

_STATE: dict[str, Any] = {}


def _run_one(task: tuple[str, int]) -> dict:
    kind, index = task
    sk, writer = _STATE["sk"], _STATE["writer"]
    writer.files = writer.bytes = 0
    if kind == "commune":
        counts = commune_task(sk, writer, index)
    else:
        counts = assignment_task(sk, writer, _STATE["plans"][index])
    counts["files"] = writer.files
    counts["bytes"] = writer.bytes
    return counts


def _add(total: dict, part: dict) -> None:
    for k, v in part.items():
        total[k] = total.get(k, 0) + v


def _run_tasks(tasks: list[tuple[str, int]], workers: int) -> dict:
    total: dict[str, int] = {}
    if workers > 1:
        import multiprocessing as mp

        try:
            ctx = mp.get_context("fork")
        except ValueError:  # pragma: no cover - platforms without fork
            ctx = None
        if ctx is not None:
            with ctx.Pool(workers) as pool:
                for part in pool.imap_unordered(_run_one, tasks, chunksize=max(1, len(tasks) // (workers * 16))):
                    _add(total, part)
            return total
    for task in tasks:
        _add(total, _run_one(task))
    return total


# ---------------------------------------------------------------------------------------


def synthesize(out: Path, scale: str, seed: int, repo_root: Path, *, workers: int | None = None) -> dict:
    """Write a complete synthetic project for `scale` into `out` and return its counts.

    `out` must be empty, absent, or an earlier output of this function (whose data/, content/,
    theme/, schemas/ and mkdocs.yml are then replaced; anything else there, such as site/, is
    left alone). `repo_root` is the repository whose content/, documents, publications, real
    models, photo, theme, schemas and mkdocs.yml are copied. `workers`: processes for the
    teams, blocs and assignments (default: the CPU count, one when there is little to do).
    """
    if scale not in SCALES:
        raise SynthError(f"Không có quy mô “{scale}”; chọn một trong: {', '.join(SCALES)}.")
    spec = SCALES[scale]
    out, repo = Path(out), Path(repo_root)
    _prepare_out(out, repo)
    files = _copy_repository_parts(repo, out)
    copied = files
    sk = build_skeleton(spec, seed)
    writer = Writer(out, f"{MARKER} (quy mô {scale}, seed {seed}): mọi người, xã, thôn trong tệp này là hư cấu.")
    write_config(sk, writer)
    write_units(sk, writer)
    model_counts = models_task(sk, writer, spec.models - len(REAL_MODELS))
    plans = plan_assignments(sk)
    tasks = [("commune", i) for i in range(len(sk.communes))] + [("assignment", i) for i in range(len(plans))]
    if workers is None:
        workers = os.cpu_count() or 1
    if len(tasks) < 400:
        workers = 1
    for c in sk.communes:
        (out / "data" / "teams" / c.id).mkdir(parents=True, exist_ok=True)
    for folder in ("blocs", "assignments", "models"):
        (out / "data" / folder).mkdir(parents=True, exist_ok=True)
    _STATE.update(sk=sk, writer=Writer(out, writer.header), plans=plans)
    try:
        totals = _run_tasks(tasks, workers)
    finally:
        _STATE.clear()
    files += writer.files + totals.pop("files")
    data_bytes = writer.bytes + totals.pop("bytes")
    villages = [v for c in sk.communes for v in c.villages]
    counts = {
        "scale": scale,
        "seed": seed,
        "scheme": spec.scheme,
        "reference_date": fmt(sk.ref),
        "provinces": len(sk.provinces),
        "districts": sum(len(p.districts) for p in sk.provinces),
        "communes": len(sk.communes),
        "villages": len(villages),
        "villages_without_team": sum(1 for v in villages if not v.has_team),
        "teams": totals["teams"],
        "team_members": totals["team_members"],
        "groups": totals["groups"],
        "households": totals["households"],
        "blocs": len(sk.communes),
        "bloc_members": totals["bloc_members"],
        "people": totals["team_members"] + totals["bloc_members"],
        "models": model_counts["models_synthetic"] + len(REAL_MODELS),
        "models_real": len(REAL_MODELS),
        "model_photos": model_counts["model_photos"],
        "assignments": totals["assignments"],
        "assignments_exempt": sum(1 for p in plans if p.exemption),
        "assignment_activities": totals["assignment_activities"],
        "reports": totals["reports"],
        "files": files,
        "files_copied": copied,
        "generated_bytes": data_bytes,
    }
    return counts


def _main(argv: list[str] | None = None) -> None:  # python -m generator.synth.run SCALE SEED OUT
    import sys
    import time

    args = argv if argv is not None else sys.argv[1:]
    scale, seed, out = args[0], int(args[1]), Path(args[2])
    started = time.perf_counter()
    counts = synthesize(out, scale, seed, Path(__file__).resolve().parents[2])
    counts["seconds"] = round(time.perf_counter() - started, 2)
    print(json.dumps(counts, ensure_ascii=False, indent=2))


if __name__ == "__main__":  # pragma: no cover
    _main()
