"""Write the sample dataset: fictional Bắc Giang data (before the 2025 reform) plus the four
real "Dân vận khéo" models of the Hải Dương article, as YAML files editors can read.

Writes, after deleting what an earlier run left in those places:
- data/config.yml                      the province, scheme "ba-cap", reference date 15/12/2024
- data/units/bac-giang.yml             province, 10 districts, 14 real communes, 70 fictional villages
- data/teams/<commune>/<team-id>.yml   69 Tổ Dân vận cộng đồng (one village has none)
- data/blocs/<bloc-id>.yml             14 Khối Dân vận cơ sở, one per commune
- data/models/<id>.yml                 4 real models (Hải Dương, 2017) and 16 fictional ones
- data/assignments/<id>.yml            30 agencies assigned to communes (HD 02-HD/BDVTU); reports
                                       filed in time: monthly 1–11, quarterly 1–3, 6-monthly

Everything is drawn from random.Random(2024) in a fixed order, so a rerun gives the same
tree byte for byte. Only the standard library and PyYAML are used; no network.

Deliberate deviations, so that the checks have something to find (each is also noted in a
comment inside its file):
- (no team) village bg-luc-ngan-tan-son-thon-rung-sau has no team (coverage rule);
- a. to-ngoc-thien-thon-phuc-long records exceptions [kiem_nhiem] with a note; its leader
     holds [truong_thon, chi_uy_vien] (an allowed exception: no warning expected);
- b. to-cao-xa-thon-luc-lieu has a group of 6 members (TEAM-GROUP-SIZE);
- c. to-dong-tam-thon-dong-vang has a group in charge of 56 households (TEAM-GROUP-HOUSEHOLDS);
- d. to-nam-duong-thon-khuon-than has no rating for 2024 (TEAM-RATED);
- e. khoi-cao-thuong has no rules (BLOC-RULES);
- f. khoi-tam-tien has 2 members not trained (BLOC-TRAINING);
- g. khoi-doan-bai held its only dialogue in 2023, none in 2024 (BLOC-DIALOGUE);
- h. model mh-camera-an-ninh-thang has a photo with publish: true but approved: false
     (PHOTO-APPROVAL);
- i. commune bg-tan-yen-cao-xa has 3 provincial units: pc-so-tu-phap, pc-so-xay-dung,
     pc-so-thong-tin-truyen-thong (ASSIGN-CONCENTRATION-COMMUNE);
- j. pc-so-tai-chinh has one extra activity on Wednesday 17/07/2024 (ASSIGN-WEEKEND-DAY);
- k. pc-so-y-te filed its August 2024 monthly report on 28/08/2024 (ASSIGN-REPORT-LATE).

Run from anywhere:  python tools/make_sample_data.py
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SCHEMAS = ROOT / "schemas"

SAMPLE_LINE = "# Dữ liệu mẫu: mọi người trong tệp này là hư cấu."
REF_DATE = dt.date(2024, 12, 15)

rng = random.Random(2024)


# ---------------------------------------------------------------------------------------
# Small helpers


def slugify(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def fmt(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def vn_date(d: dt.date) -> str:
    """Running-text form used in captions: 13/4/2024."""
    return f"{d.day}/{d.month}/{d.year}"


def rand_date(start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def weekday_between(year: int, month: int, first: int, last: int, weekend: bool) -> list[dt.date]:
    days = []
    for day in range(first, last + 1):
        d = dt.date(year, month, day)
        if (d.weekday() in (5, 6)) == weekend:
            days.append(d)
    return days


def phone() -> str:
    return rng.choice(["09", "03"]) + "".join(str(rng.randint(0, 9)) for _ in range(8))


def nfc_all(value):
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {nfc_all(k): nfc_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nfc_all(v) for v in value]
    return value


# ---------------------------------------------------------------------------------------
# YAML output


from generator.schema.assignment import Assignment, AssignmentActivity  # noqa: E402
from generator.schema.bloc import Bloc  # noqa: E402
from generator.schema.exemplar import Exemplar, Recognition, Result  # noqa: E402
from generator.schema.person import Person  # noqa: E402
from generator.schema.team import Rating, Team  # noqa: E402
from generator.synth import model_dicts  # noqa: E402 - shared with synth
from generator.synth.texts import TRAINING_COURSES  # noqa: E402 - shared with synth
from generator.synth.vocabulary import MEMBER_SLOTS, OPTIONAL_SLOTS, RELIGIONS  # noqa: E402 - shared with synth
from generator.load.yamlwrite import EditorDumper as _Dumper  # noqa: E402 - the editors' YAML style, shared

written: list[Path] = []


def shaped(model, fields: dict) -> dict:
    """The record of a model as `handbook synth` builds it (generator.synth.model_dicts): keys in
    the model's field order, fields left at None omitted, a field the model lacks an error."""
    return model_dicts.record(model, **fields)


def write_yaml(path: Path, kind: str, data: dict, extra_header: list[str] = (),
               notes: list[tuple[str, str]] = ()) -> None:
    """Write one data file: schema comment, sample comment, then the data in block style.

    `notes` are (needle, comment): the comment goes on its own line above the first line
    containing the needle, at that line's indentation.
    """
    schema = SCHEMAS / f"{kind}.schema.json"
    rel = Path(*([".."] * (len(path.relative_to(ROOT).parts) - 1))) / schema.relative_to(ROOT)
    body = yaml.dump(nfc_all(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=4096, indent=2)
    lines = body.split("\n")
    for needle, comment in notes:
        for i, line in enumerate(lines):
            if needle in line:
                indent = len(line) - len(line.lstrip(" "))
                lines.insert(i, " " * indent + "# " + comment)
                break
        else:
            raise RuntimeError(f"note anchor {needle!r} not found in {path}")
    header = [f"# yaml-language-server: $schema={rel.as_posix()}", SAMPLE_LINE, *extra_header]
    text = unicodedata.normalize("NFC", "\n".join(header) + "\n" + "\n".join(lines))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    written.append(path)


def clean() -> None:
    """Remove what an earlier run wrote, so that a rerun gives exactly the same tree."""
    (DATA / "config.yml").unlink(missing_ok=True)
    units = DATA / "units"
    if units.is_dir():
        for f in units.glob("*.yml"):
            f.unlink()
    if (DATA / "teams").exists():
        shutil.rmtree(DATA / "teams")
    for name in ("blocs", "models", "assignments"):
        folder = DATA / name
        if folder.is_dir():
            for entry in folder.iterdir():
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()


# ---------------------------------------------------------------------------------------
# Names

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

used_names: set[str] = set()


def person_name(gender: str) -> tuple[str, str, str]:
    for _ in range(200):
        family = rng.choice(FAMILY)
        middle = rng.choice(MIDDLE_M if gender == "nam" else MIDDLE_F)
        given = rng.choice(GIVEN_M if gender == "nam" else GIVEN_F)
        full = f"{family} {middle} {given}"
        if full not in used_names and family != given:
            used_names.add(full)
            return family, middle, given
    raise RuntimeError("ran out of names")


# Ethnic make-up by district (sample weights; internal-only field).
ETHNICITY = {
    "bg-yen-the": ["Kinh"] * 6 + ["Nùng", "Nùng", "Sán Chay", "Tày", "Dao"],
    "bg-luc-ngan": ["Kinh"] * 4 + ["Nùng", "Nùng", "Nùng", "Tày", "Sán Chay", "Hoa", "Sán Dìu"],
}


def person(pid: str, district: str, gender: str | None = None, born: tuple[int, int] = (1960, 1990),
           party: float = 0.4, consent: float = 0.6, address: str | None = None) -> dict:
    gender = gender or rng.choice(["nam", "nu"])
    family, middle, given = person_name(gender)
    birth_year = rng.randint(*born)
    ethnicity = rng.choice(ETHNICITY.get(district, ["Kinh"] * 12 + ["Nùng", "Tày", "Hoa"])) \
        if rng.random() < 0.7 else None
    religion = rng.choice(RELIGIONS) if rng.random() < 0.2 else None
    party_member = rng.random() < party if party not in (0.0, 1.0) else bool(party)
    agrees = rng.random() < consent
    record = {
        "id": pid,
        "family_name": family,
        "middle_name": middle,
        "given_name": given,
        "gender": gender,
        "birth_year": birth_year,
        "ethnicity": ethnicity,
        "religion": religion,
        "party_member": party_member,
        "phone": phone(),
        # A house number makes the address a person's own, not a place name seen on public pages.
        "address": f"số nhà {house}, {address}" if address and (house := rng.randint(1, 180)) and rng.random() < 0.35 else None,
        "consent_to_publish": agrees,
        "consent_date": fmt(rand_date(dt.date(2023, 4, 1), dt.date(2023, 9, 30))) if agrees else None,
        "sample": True,
    }
    return shaped(Person, record)


# ---------------------------------------------------------------------------------------
# Units

PROVINCE_ID = "bac-giang"
DISTRICTS = [
    ("bg-tp-bac-giang", "thanh_pho", "Bắc Giang", "213"),
    ("bg-yen-the", "huyen", "Yên Thế", "215"),
    ("bg-tan-yen", "huyen", "Tân Yên", "216"),
    ("bg-lang-giang", "huyen", "Lạng Giang", "217"),
    ("bg-luc-nam", "huyen", "Lục Nam", "218"),
    ("bg-luc-ngan", "huyen", "Lục Ngạn", "219"),
    ("bg-son-dong", "huyen", "Sơn Động", "220"),
    ("bg-yen-dung", "huyen", "Yên Dũng", "221"),
    ("bg-viet-yen", "thi_xa", "Việt Yên", "222"),
    ("bg-hiep-hoa", "huyen", "Hiệp Hòa", "223"),
]
DISTRICT_NAME = {d[0]: d[2] for d in DISTRICTS}
DISTRICT_KIND = {d[0]: d[1] for d in DISTRICTS}

# (district, short slug, kind, name, village names; None = tổ dân phố số 1–5)
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
KIND_VI = {"xa": "xã", "thi_tran": "thị trấn", "phuong": "phường", "thon": "thôn", "to_dan_pho": "tổ dân phố",
           "huyen": "huyện", "thanh_pho": "thành phố", "thi_xa": "thị xã"}


class Commune:
    def __init__(self, district: str, short: str, kind: str, name: str, villages: list[str] | None):
        self.district, self.short, self.kind, self.name = district, short, kind, name
        self.id = f"{district}-{short}"
        self.folder = self.id.removeprefix("bg-")
        self.label = f"{KIND_VI[kind]} {name}"                     # xã Phúc Sơn
        self.district_label = f"{KIND_VI[DISTRICT_KIND[district]]} {DISTRICT_NAME[district]}"
        self.villages: list[Village] = []
        if villages is None:
            for n in range(1, 6):
                self.villages.append(Village(self, "to_dan_pho", f"số {n}", f"tdp-so-{n}"))
        else:
            for v in villages:
                self.villages.append(Village(self, "thon", v, "thon-" + slugify(v)))

    @property
    def party_committee(self) -> str:
        return f"Đảng ủy {self.label}"


class Village:
    def __init__(self, commune: Commune, kind: str, name: str, tail: str):
        self.commune, self.kind, self.name, self.tail = commune, kind, name, tail
        self.id = f"{commune.id}-{tail}"
        self.label = f"{KIND_VI[kind]} {name}"                     # thôn Đông, tổ dân phố số 1
        self.team_id = f"to-{commune.short}-{tail}"
        self.person_prefix = f"p-{commune.short}-{tail}"


COMMUNE_LIST = [Commune(*c) for c in COMMUNES]
COMMUNE = {c.short: c for c in COMMUNE_LIST}
NO_TEAM_VILLAGE = COMMUNE["tan-son"].villages[4]  # thôn Rừng Sậu


def village(short: str, index: int) -> Village:
    return COMMUNE[short].villages[index]


def build_units() -> None:
    units = [{
        "id": PROVINCE_ID, "kind": "tinh", "name": "Bắc Giang",
        "codes": [{"scheme": "tk-2004", "code": "24"}],
        "became": {"name": "tỉnh Bắc Ninh", "date": "01/07/2025",
                   "note": "Sắp xếp đơn vị hành chính cấp tỉnh năm 2025"},
    }]
    for did, kind, name, code in DISTRICTS:
        unit = {"id": did, "kind": kind, "name": name, "parent": PROVINCE_ID,
                "codes": [{"scheme": "tk-2004", "code": code}]}
        if did == "bg-viet-yen":
            unit["former_names"] = [{"name": "huyện Việt Yên",
                                     "note": "Thành lập thị xã Việt Yên trên cơ sở huyện Việt Yên năm 2024."}]
        units.append(unit)
    for c in COMMUNE_LIST:
        units.append({"id": c.id, "kind": c.kind, "name": c.name, "parent": c.district})
    for c in COMMUNE_LIST:
        for v in c.villages:
            units.append({"id": v.id, "kind": v.kind, "name": v.name, "parent": c.id, "sample": True})
    write_yaml(DATA / "units" / "bac-giang.yml", "units", {"units": units},
               extra_header=["# Tỉnh, huyện, xã là đơn vị có thật (trước 01/7/2025); "
                             "tên thôn, tổ dân phố là hư cấu (sample: true)."],
               notes=[(f"id: {NO_TEAM_VILLAGE.id}",
                       "Cố ý: thôn này chưa có Tổ Dân vận cộng đồng (để kiểm tra quy tắc phủ kín 100% thôn).")])


# ---------------------------------------------------------------------------------------
# Teams (Đề án Tổ DVCĐ Bắc Giang, P2.III)

TEAM_A = village("ngoc-thien", 1)   # exception kiem_nhiem
TEAM_B = village("cao-xa", 2)       # group of 6
TEAM_C = village("dong-tam", 0)     # 56 households
TEAM_D = village("nam-duong", 2)    # no 2024 rating


XOM = ["Đình", "Chùa", "Giếng", "Trại", "Đồng", "Ao Sen", "Cầu", "Bãi", "Gò", "Miếu", "Dộc", "Bờ Hồ"]
NGO = ["ngõ 3", "ngõ 7", "ngõ 12", "ngõ 18", "dãy phố chợ", "khu tập thể", "ngõ Ao", "dãy trục đường chính"]

MEETING_TOPICS = [
    "Quán triệt nghị quyết chi bộ tháng; phân công thành viên nắm tình hình các nhóm hộ",
    "Rà soát ý kiến, kiến nghị của Nhân dân để báo cáo chi bộ và Khối Dân vận",
    "Vận động hộ dân tham gia ngày Chủ nhật xanh, thu gom rác thải",
    "Triển khai tuyên truyền phòng, chống lừa đảo qua mạng cho người dân",
    "Vận động đóng góp xây dựng, sửa chữa nhà văn hóa",
    "Rà soát hộ nghèo, cận nghèo; vận động giúp đỡ hộ khó khăn dịp Tết",
    "Tuyên truyền cài đặt, sử dụng ứng dụng VNeID và dịch vụ công trực tuyến",
    "Nắm tình hình mâu thuẫn về ranh giới đất giữa hai hộ; đề xuất hòa giải",
    "Vận động thanh niên lên đường nhập ngũ",
    "Sơ kết 6 tháng hoạt động của Tổ; bình xét nhóm làm tốt",
]
TEAM_ACTIVITIES = [
    ("Ra quân làm sạch đường làng, ngõ xóm",
     "Tổ phối hợp chi hội phụ nữ, chi đoàn thanh niên phát quang bụi rậm, khơi thông cống rãnh trên trục chính.", (25, 70)),
    ("Vận động hiến đất mở rộng ngõ xóm",
     "Thành viên Tổ đến từng hộ giải thích lợi ích; các hộ đồng thuận lùi tường rào để mở rộng ngõ.", (10, 30)),
    ("Hòa giải mâu thuẫn về lối đi chung",
     "Nhóm phụ trách địa bàn cùng tổ hòa giải gặp hai gia đình, thống nhất phương án để lối đi chung rộng 2 m.", (6, 12)),
    ("Hướng dẫn người dân cài đặt VNeID",
     "Thành viên tổ công nghệ số cộng đồng hướng dẫn tại nhà văn hóa; nhiều người cao tuổi đã tự đăng nhập được.", (30, 90)),
    ("Thăm, tặng quà hộ có hoàn cảnh khó khăn",
     "Tổ vận động các hộ khá giả, con em xa quê đóng góp quà tặng các hộ nghèo, người cao tuổi neo đơn.", (10, 25)),
    ("Trồng hoa trên tuyến đường tự quản",
     "Các nhóm nhận chăm sóc từng đoạn đường; mỗi hộ ven đường trồng và tưới hoa trước cửa nhà.", (30, 80)),
]


def team_record(v: Village) -> dict:
    c = v.commune
    district = c.district
    pre = v.person_prefix
    address = f"{v.label}, {c.label}, {c.district_label}"
    n = 10 if v is TEAM_B else rng.randint(7, 10)
    members = []

    def add(role: str, positions: list[str], gender=None, born=(1960, 1990), party=0.4):
        rec = person(f"{pre}-{len(members) + 1:02d}", district, gender, born, party, address=address)
        rec["team_role"] = role
        rec["positions"] = positions
        members.append(rec)

    if v is TEAM_A:
        add("to_truong", ["truong_thon", "chi_uy_vien"], rng.choice(["nam", "nam", "nu"]), (1965, 1982), 1.0)
        add("to_pho", ["pho_truong_thon"], None, (1970, 1988), 0.6)
    else:
        add("to_truong", ["bi_thu_chi_bo"], rng.choice(["nam", "nam", "nam", "nu"]), (1958, 1978), 1.0)
        add("to_pho", ["truong_thon"], rng.choice(["nam", "nam", "nu"]), (1965, 1985), 0.7)
    add("to_pho", ["truong_ban_ctmt"], None, (1955, 1975), 0.6)
    optional = [s for s in OPTIONAL_SLOTS if not (v is TEAM_A and s == "pho_truong_thon")]
    slots = ["chi_hoi_truong_pn", "chi_hoi_truong_nd"] + rng.sample(optional, n - 5)
    for slot in slots:
        position, gender, born, party = MEMBER_SLOTS[slot]
        add("thanh_vien", [position], gender, born, party)

    ids = [m["id"] for m in members]
    pool = ids[:]
    rng.shuffle(pool)
    if v is TEAM_B:
        sizes = [6, 4]
    else:
        count = rng.choice([2, 3]) if n >= 9 else 2
        sizes = [3] * count
        extra = rng.randint(0, min(n - 3 * count, 2 * count))
        for _ in range(extra):
            choices = [i for i, s in enumerate(sizes) if s < 5]
            sizes[rng.choice(choices)] += 1
    groups = []
    places = rng.sample(XOM if v.kind == "thon" else NGO, len(sizes))
    start = 0
    for i, size in enumerate(sizes):
        group_members = sorted(pool[start:start + size], key=ids.index)
        start += size
        place = places[i]
        where = f"xóm {place}" if v.kind == "thon" else place
        groups.append({
            "name": f"Nhóm {i + 1} – {where}",
            "leader": rng.choice(group_members),
            "members": group_members,
            "households": 56 if (v is TEAM_C and i == 0) else rng.randint(30, 50),
            "area": f"Các hộ {where}, {v.label}",
        })

    ratings = []
    for year in (2023, 2024):
        if v is TEAM_D and year == 2024:
            continue
        grade = rng.choices(["xuat_sac", "tot", "hoan_thanh"], weights=[3, 6, 1])[0]
        ratings.append(shaped(Rating, {"year": year, "grade": grade,
                                "note": "Tổ được chi bộ đề nghị biểu dương" if grade == "xuat_sac" and rng.random() < 0.4 else None}))

    meetings = []
    for month in sorted(rng.sample(range(1, 12), rng.randint(3, 5))):
        day = rng.choice(weekday_between(2024, month, 3, 12, weekend=False))
        meetings.append({"date": fmt(day), "attendees": rng.randint(n - 3, n),
                         "content": rng.choice(MEETING_TOPICS)})

    activities = []
    if rng.random() < 0.4:
        for title, content, (lo, hi) in rng.sample(TEAM_ACTIVITIES, rng.randint(1, 2)):
            day = rand_date(dt.date(2024, 2, 1), dt.date(2024, 11, 30))
            act = {"date": fmt(day), "title": title, "content": content, "participants": rng.randint(lo, hi)}
            if rng.random() < 0.3:
                approved_on = day + dt.timedelta(days=rng.randint(1, 4))
                act["photos"] = [{
                    "file": "photos/anh-mau.svg",
                    "caption": f"{title} tại {v.label}, {c.label}, ngày {vn_date(day)}; "
                               f"thành viên Tổ Dân vận và Nhân dân cùng tham gia.",
                    "approved": True,
                    "approved_by": f"Chi bộ {v.label}",
                    "approved_on": fmt(approved_on),
                    "publish": True,
                }]
            activities.append(act)
        activities.sort(key=lambda a: dt.datetime.strptime(a["date"], "%d/%m/%Y"))

    return shaped(Team, {  # founding_decision: added by the caller (numbers run per commune)
        "id": v.team_id,
        "village": v.id,
        "exceptions": ["kiem_nhiem"] if v is TEAM_A else None,
        "exception_note": ("Bí thư chi bộ thôn đồng thời là Phó Chủ tịch UBND xã, kiêm nhiệm nhiều việc; "
                           "chi bộ thống nhất cử đồng chí chi ủy viên, trưởng thôn làm tổ trưởng, "
                           "phó trưởng thôn làm tổ phó.") if v is TEAM_A else None,
        "members": members,
        "groups": groups,
        "zalo_group": rng.random() < 0.85,
        "ratings": ratings,
        "meetings": meetings,
        "activities": activities or None,
        "sample": True,
    })


def build_teams() -> None:
    for c in COMMUNE_LIST:
        number = rng.randint(8, 40)
        pilot_day = rand_date(dt.date(2023, 2, 6), dt.date(2023, 2, 24))
        rest_day = rand_date(dt.date(2023, 3, 1), dt.date(2023, 3, 24))
        for i, v in enumerate(c.villages):
            if v is NO_TEAM_VILLAGE:
                continue
            rec = shaped(Team, {**team_record(v), "founding_decision": {  # placed after village, as in the model
                "number": f"{number + i}-QĐ/ĐU",
                "date": fmt(pilot_day if i == 0 else rest_day),
                "issuer": c.party_committee,
            }})
            notes = []
            if v is TEAM_A:
                notes.append(("exceptions:", "Cố ý (trường hợp đặc biệt được phép): kiêm nhiệm, tổ trưởng là chi ủy viên, "
                                             "trưởng thôn; không sinh cảnh báo."))
            if v is TEAM_B:
                notes.append(("- name: Nhóm 1", "Cố ý: nhóm này có 6 người, vượt mức 3–5 người (cảnh báo TEAM-GROUP-SIZE)."))
            if v is TEAM_C:
                notes.append(("households: 56", "Cố ý: nhóm phụ trách 56 hộ, vượt mức 30–50 hộ (cảnh báo TEAM-GROUP-HOUSEHOLDS)."))
            if v is TEAM_D:
                notes.append(("ratings:", "Cố ý: chưa có xếp loại năm 2024 (cảnh báo TEAM-RATED)."))
            write_yaml(DATA / "teams" / c.folder / f"{v.team_id}.yml", "team", rec, notes=notes)


# ---------------------------------------------------------------------------------------
# Blocs (Đề án Khối DVCS Bắc Kạn)

BLOC_E, BLOC_F, BLOC_G = "cao-thuong", "tam-tien", "doan-bai"
PILOTS = {"phuc-son", "dong-tam", "chu", "thang", "tran-phu"}
HEAD_IS_SECRETARY = {"nam-duong", "hoang-van-thu"}
DEPUTY_IS_VICE_CHAIR = {"cao-xa", "tam-tien", "thang"}

DIALOGUE_TOPICS = {
    "bg-tan-yen": ["Dồn điền đổi thửa và quy hoạch vùng sản xuất hàng hóa",
                   "Thu gom, xử lý rác thải sinh hoạt ở các thôn",
                   "Cấp giấy chứng nhận quyền sử dụng đất cho các hộ còn vướng mắc"],
    "bg-yen-the": ["Phát triển chăn nuôi gà đồi gắn với bảo vệ môi trường",
                   "Giao đất, giao rừng và tranh chấp ranh giới đất rừng",
                   "Đầu tư đường giao thông liên thôn"],
    "bg-luc-ngan": ["Tiêu thụ vải thiều vụ 2024 và truy xuất nguồn gốc",
                    "Hỗ trợ đồng bào dân tộc thiểu số phát triển sản xuất",
                    "Bảo đảm an ninh trật tự mùa vải"],
    "bg-hiep-hoa": ["An ninh trật tự khu nhà trọ công nhân",
                    "Giải phóng mặt bằng dự án cụm công nghiệp",
                    "Xây dựng nông thôn mới nâng cao"],
    "bg-tp-bac-giang": ["Chỉnh trang đô thị, trật tự vỉa hè",
                        "Phân loại rác thải tại nguồn ở khu dân cư",
                        "Giải quyết thủ tục hành chính trên môi trường số"],
}


def bloc_duties(position: str, c: Commune, villages: list[Village]) -> str:
    places = ", ".join(v.label for v in villages)
    unit = c.label
    texts = {
        "pho_bi_thu_thuong_truc": f"Phụ trách chung; chủ trì xây dựng kế hoạch năm và chủ trì giao ban tháng, quý của Khối; "
                                  f"trực tiếp theo dõi Tổ Dân vận {places}.",
        "bi_thu_dang_uy": f"Phụ trách chung; chỉ đạo xây dựng kế hoạch, quy chế và chủ trì đối thoại với Nhân dân {unit}; "
                          f"trực tiếp theo dõi Tổ Dân vận {places}.",
        "chu_tich_ubnd": f"Phụ trách dân vận chính quyền: tiếp công dân, giải quyết kiến nghị, đơn thư của Nhân dân {unit}; "
                         f"theo dõi Tổ Dân vận {places}.",
        "pho_chu_tich_ubnd": f"Phụ trách dân vận chính quyền, cải cách thủ tục hành chính và tiếp nhận kiến nghị qua Tổ Dân vận; "
                             f"theo dõi {places}.",
        "chu_tich_mttq": f"Phụ trách phong trào thi đua “Dân vận khéo”, giám sát và phản biện xã hội; "
                         f"tổng hợp ý kiến Nhân dân từ các Ban công tác Mặt trận; theo dõi {places}.",
        "chu_tich_hoi_nong_dan": f"Vận động hội viên chuyển đổi cơ cấu cây trồng, vật nuôi và liên kết tiêu thụ nông sản; "
                                 f"nắm tâm tư hội viên nông dân ở {places}.",
        "chu_tich_hoi_phu_nu": f"Vận động hội viên phân loại rác tại nguồn, thực hiện nếp sống văn minh; "
                               f"nắm tình hình phụ nữ, trẻ em ở {places}.",
        "chu_tich_hoi_ccb": f"Nắm tư tưởng hội viên cựu chiến binh; tham gia hòa giải ở cơ sở và giữ gìn an ninh trật tự ở {places}.",
        "bi_thu_doan_thanh_nien": f"Chỉ đạo đoàn viên tham gia tổ công nghệ số cộng đồng, hướng dẫn dân dùng dịch vụ công trực tuyến; "
                                  f"phụ trách {places}.",
        "truong_cong_an": f"Nắm tình hình an ninh trật tự, mâu thuẫn trong Nhân dân; phối hợp các Tổ Dân vận xây dựng mô hình "
                          f"tự quản về an ninh trật tự ở {places}.",
        "chi_huy_truong_quan_su": f"Vận động thanh niên thực hiện nghĩa vụ quân sự; phối hợp vận động Nhân dân tham gia "
                                  f"xây dựng nền quốc phòng toàn dân ở {places}.",
        "cong_chuc": "Giúp Trưởng khối chuẩn bị nội dung giao ban, tổng hợp báo cáo tháng, quý, năm; "
                     "theo dõi nhóm Zalo của các Tổ Dân vận và lưu hồ sơ của Khối.",
    }
    return texts[position]


def build_blocs() -> None:
    for c in COMMUNE_LIST:
        pre = f"p-khoi-{c.short}"
        district = c.district
        head = "bi_thu_dang_uy" if c.short in HEAD_IS_SECRETARY else "pho_bi_thu_thuong_truc"
        chair = "pho_chu_tich_ubnd" if c.short in DEPUTY_IS_VICE_CHAIR else "chu_tich_ubnd"
        roster = [
            ("truong_khoi", head, None, (1968, 1980)),
            ("pho_truong_khoi", chair, None, (1970, 1985)),
            ("pho_truong_khoi", "chu_tich_mttq", None, (1965, 1980)),
            ("thanh_vien", "chu_tich_hoi_nong_dan", None, (1965, 1982)),
            ("thanh_vien", "chu_tich_hoi_phu_nu", "nu", (1972, 1988)),
            ("thanh_vien", "chu_tich_hoi_ccb", "nam", (1956, 1966)),
            ("thanh_vien", "bi_thu_doan_thanh_nien", None, (1990, 1998)),
            ("thanh_vien", "truong_cong_an", "nam", (1980, 1992)),
            ("thanh_vien", "chi_huy_truong_quan_su", "nam", (1980, 1992)),
            ("giup_viec", "cong_chuc", None, (1985, 1996)),
        ]
        untrained = set()
        if c.short == BLOC_F:
            untrained = {6, 8}  # bí thư đoàn and chỉ huy trưởng quân sự, newly appointed
        members = []
        for i, (role, position, gender, born) in enumerate(roster):
            rec = person(f"{pre}-{i + 1:02d}", district, gender, born,
                         party=1.0 if position != "bi_thu_doan_thanh_nien" else 0.9, consent=0.75)
            rec.pop("address", None)
            if role in ("truong_khoi", "giup_viec"):
                # Office numbers were generated here once; the draws stay so the rest of the
                # sample does not change, but a sample needs no phone number on a public page.
                rng.randint(100, 999), rng.randint(100, 999)
            rec["bloc_role"] = role
            rec["position"] = position
            followed = rng.sample(c.villages, 2) if position != "cong_chuc" else []
            followed.sort(key=c.villages.index)
            rec["duties"] = bloc_duties(position, c, followed)
            if i in untrained:
                rec["training"] = {"trained": False}
            else:
                training = {"trained": True,
                            "date": fmt(rand_date(dt.date(2023, 4, 1), dt.date(2024, 10, 31))),
                            "course": rng.choice(TRAINING_COURSES)}
                if c.district == "bg-luc-ngan" and c.short == "tan-son" and position in ("truong_cong_an", "chu_tich_mttq"):
                    training["languages"] = ["Nùng"]
                rec["training"] = training
            members.append(rec)

        chaired = f"Bí thư Đảng ủy, Chủ tịch UBND {KIND_VI[c.kind]}"
        topics = rng.sample(DIALOGUE_TOPICS[c.district], 2)
        if c.short == BLOC_G:
            dialogues = [{"date": fmt(rand_date(dt.date(2023, 8, 1), dt.date(2023, 11, 30))), "topic": topics[0],
                          "chaired_by": chaired, "participants": rng.randint(60, 150)}]
        else:
            days = sorted(rand_date(dt.date(2024, 3, 1), dt.date(2024, 11, 30)) for _ in range(rng.randint(1, 2)))
            dialogues = [{"date": fmt(d), "topic": topics[k], "chaired_by": chaired,
                          "participants": rng.randint(60, 150)} for k, d in enumerate(days)]

        briefings = []
        quarter_days = {3: dt.date(2024, 3, 28), 6: dt.date(2024, 6, 27), 9: dt.date(2024, 9, 26),
                        12: dt.date(2024, 12, 12)}
        for month in range(1, 13):
            day = rng.choice(weekday_between(2024, month, 2, 8, weekend=False))
            briefings.append({"date": fmt(day), "kind": "thang",
                              "note": f"Giao ban tháng {month}/2024: nghe các Tổ Dân vận báo cáo tình hình Nhân dân"})
            if month in quarter_days:
                q = month // 3
                briefings.append({"date": fmt(quarter_days[month]), "kind": "quy",
                                  "note": f"Giao ban quý {['I', 'II', 'III', 'IV'][q - 1]}/2024: đánh giá kết quả, "
                                          f"thống nhất nhiệm vụ quý sau"})

        record = shaped(Bloc, {
            "id": f"khoi-{c.short}",
            "commune": c.id,
            "members": members,
            "rules": None if c.short == BLOC_E else {
                "adopted": fmt(rand_date(dt.date(2023, 3, 1), dt.date(2023, 6, 30))), "number": "01-QC/KDV"},
            "dialogues": dialogues,
            "briefings": briefings,
            "pilot": c.short in PILOTS,
            "sample": True,
        })
        notes = []
        if c.short == BLOC_E:
            notes.append(("dialogues:", "Cố ý: Khối chưa ban hành quy chế hoạt động, không có khóa rules (cảnh báo BLOC-RULES)."))
        if c.short == BLOC_F:
            notes.append((f"- id: {pre}-07", "Cố ý: thành viên này và thành viên p-khoi-tam-tien-09 chưa được tập huấn "
                                              "(cảnh báo BLOC-TRAINING)."))
        if c.short == BLOC_G:
            notes.append(("dialogues:", "Cố ý: chỉ có một cuộc đối thoại năm 2023, năm 2024 chưa đối thoại (cảnh báo BLOC-DIALOGUE)."))
        write_yaml(DATA / "blocs" / f"khoi-{c.short}.yml", "bloc", record, notes=notes)


# ---------------------------------------------------------------------------------------
# Models ("Dân vận khéo")

HD_SOURCE = [{"doc": "bai-to-dan-van-hai-duong-2017", "section": "MH"}]

REAL_MODELS = [
    {
        "id": "mh-duong-noi-dong-lai-xa",
        "name": "Vận động nhân dân góp sức làm đường giao thông nội đồng",
        "field": "kinh_te",
        "implementer": "Tổ dân vận thôn Lại Xá",
        "place": "thôn Lại Xá, xã Thanh Thủy, huyện Thanh Hà, tỉnh Hải Dương",
        "summary": "Tổ dân vận thôn Lại Xá đứng ra vận động bà con cùng góp công, góp sức làm đường ra đồng; "
                   "thôn có thêm 2,8 km đường giao thông nội đồng đạt tiêu chí.",
        "results": [{"value": 2.8, "unit": "km", "what": "đường giao thông nội đồng đạt tiêu chí"}],
        "story": (
            "Đường ra đồng rộng và chắc giúp máy móc vào tận ruộng, bà con bớt công gánh vác khi làm mùa. "
            "Ở Lại Xá, việc làm đường nội đồng được Tổ dân vận thôn nhận làm đầu mối vận động: "
            "giải thích cho từng hộ, cùng bàn cách góp công, góp sức.\n\n"
            "Bài viết của Ban Dân vận Tỉnh ủy Hải Dương tháng 7/2017, điểm lại hai năm hoạt động của các Tổ dân vận "
            "thôn, khu dân cư, nêu đây là một mô hình “Dân vận khéo” tiêu biểu với con số 2,8 km đường đạt tiêu chí. "
            "Bài không ghi chi tiết về kinh phí hay số hộ tham gia, nên ở đây cũng không ghi thêm.\n"
        ),
    },
    {
        "id": "mh-ngo-xom-tu-quan-cam-son",
        "name": "Ngõ xóm liên gia tự quản về an ninh trật tự",
        "field": "quoc_phong_an_ninh",
        "implementer": "Tổ dân vận xã Cẩm Sơn",
        "place": "xã Cẩm Sơn, huyện Cẩm Giàng, tỉnh Hải Dương",
        "summary": "Các hộ trong cùng ngõ xóm kết thành nhóm liên gia, cùng nhau trông coi, giữ gìn an ninh trật tự "
                   "nơi mình ở, với Tổ dân vận làm nòng cốt.",
        "results": [],
        "story": (
            "Mô hình dựa vào tinh thần “tối lửa tắt đèn có nhau” của hàng xóm: mỗi ngõ là một nhóm hộ liên gia, "
            "các gia đình để mắt đến nhà nhau, báo tin khi có người lạ hay việc bất thường và cùng giữ ngõ xóm yên bình.\n\n"
            "Bài viết năm 2017 của Ban Dân vận Tỉnh ủy Hải Dương kể tên mô hình này của Tổ dân vận xã Cẩm Sơn "
            "trong số các điển hình “Dân vận khéo”, nhưng không nêu số liệu kết quả; vì vậy mô hình không ghi con số.\n"
        ),
    },
    {
        "id": "mh-to-phu-nu-nha-tro-tu-minh",
        "name": "Tổ phụ nữ nhà trọ",
        "field": "van_hoa_xa_hoi",
        "implementer": "Tổ dân vận phường Tứ Minh, phường Cẩm Thượng",
        "place": "phường Tứ Minh và phường Cẩm Thượng, thành phố Hải Dương, tỉnh Hải Dương",
        "summary": "Tổ dân vận đưa nữ công nhân thuê trọ vào sinh hoạt chung trong các tổ phụ nữ nhà trọ; "
                   "hơn 200 chị em đã tham gia.",
        "results": [{"value": 200, "unit": "người", "what": "nữ công nhân lao động thuê trọ tham gia",
                     "approximate": True}],
        "story": (
            "Nữ công nhân thuê trọ thường xa nhà, ít dịp gắn bó với nơi mình đang ở. Tổ phụ nữ nhà trọ là nơi để "
            "chị em gặp gỡ, sinh hoạt cùng nhau, và để chính quyền, đoàn thể địa phương biết và quan tâm hơn "
            "đến đời sống tinh thần của họ.\n\n"
            "Theo bài viết năm 2017 của Ban Dân vận Tỉnh ủy Hải Dương, mô hình thu hút trên 200 nữ công nhân tham gia "
            "và góp phần làm cho nơi ở của người lao động thuê trọ tốt đẹp hơn.\n"
        ),
    },
    {
        "id": "mh-chuyen-doi-lua-thanh-mien",
        "name": "Vận động nhân dân chuyển đổi 200,47 ha đất trồng lúa kém hiệu quả sang trồng cây hàng năm",
        "field": "kinh_te",
        "implementer": "Tổ dân vận huyện Thanh Miện",
        "place": "huyện Thanh Miện, tỉnh Hải Dương",
        "summary": "Các Tổ dân vận ở Thanh Miện thuyết phục nông dân bỏ cấy lúa trên những chân ruộng cho thu nhập thấp "
                   "để trồng cây hàng năm; 200,47 ha đã được chuyển đổi.",
        "results": [{"value": 200.47, "unit": "ha",
                     "what": "đất trồng lúa kém hiệu quả chuyển sang trồng cây hàng năm"}],
        "story": (
            "Chuyển đổi cây trồng đụng đến thói quen sản xuất lâu đời, nên người nông dân cần được giải thích rõ "
            "lợi ích và rủi ro trước khi quyết định. Đó là phần việc mà các Tổ dân vận ở Thanh Miện đảm nhận.\n\n"
            "Bài viết năm 2017 của Ban Dân vận Tỉnh ủy Hải Dương ghi nhận kết quả: 200,47 ha đất lúa kém hiệu quả "
            "đã chuyển sang trồng cây hàng năm.\n"
        ),
    },
]

LN_APPROVER = {
    "bg-tan-yen": "Ban Dân vận Huyện ủy Tân Yên", "bg-yen-the": "Ban Dân vận Huyện ủy Yên Thế",
    "bg-luc-ngan": "Ban Dân vận Huyện ủy Lục Ngạn", "bg-hiep-hoa": "Ban Dân vận Huyện ủy Hiệp Hòa",
    "bg-tp-bac-giang": "Ban Dân vận Thành ủy Bắc Giang",
}

# (id, name, field, village (short, index) or commune short, results, recognition, photo?, story)
SAMPLE_MODELS = [
    ("mh-don-dien-doi-thua-phuc-son", "Dồn điền đổi thửa gắn với mở rộng đường nội đồng", "kinh_te", ("phuc-son", 1),
     [(38.5, "ha", "ruộng được dồn điền đổi thửa", False), (1.6, "km", "đường nội đồng mở rộng lên 3 m", False)],
     [("Giấy khen", "Ban Thường vụ Huyện ủy Tân Yên", "28/11/2024", None)], True,
     "Trước năm 2023, mỗi hộ ở {v} có từ 6 đến 9 thửa ruộng nhỏ, nằm rải rác, máy cày khó vào. "
     "Tổ Dân vận chia nhau về từng nhóm hộ, mời những gia đình có nhiều thửa nhất họp trước để cùng tính lợi, hại.\n\n"
     "Sau ba buổi họp thôn, các hộ thống nhất dồn ruộng và mỗi hộ góp một phần đất nhỏ để mở rộng đường trục. "
     "Tổ trưởng công khai bản đồ giao ruộng mới trên nhóm Zalo để ai cũng kiểm tra được.\n\n"
     "Nay bình quân mỗi hộ còn 2 thửa, xe cơ giới vào tận chân ruộng, chi phí làm đất giảm rõ rệt."),
    ("mh-vai-thieu-vietgap-nam-duong", "Vận động hộ trồng vải liên kết sản xuất theo tiêu chuẩn VietGAP", "kinh_te",
     ("nam-duong", 0),
     [(64, "hộ", "hộ tham gia liên kết sản xuất", False), (52, "ha", "vải thiều được cấp chứng nhận VietGAP", False)],
     [("Giấy khen", "UBND huyện Lục Ngạn", None, 2024)], True,
     "Giá vải thiều của {v} từng phụ thuộc nhiều vào thương lái. Tổ Dân vận cùng chi hội nông dân vận động các hộ "
     "ghi chép nhật ký sản xuất, dùng thuốc bảo vệ thực vật đúng liều để đủ điều kiện cấp chứng nhận VietGAP.\n\n"
     "Những hộ làm trước được mời chia sẻ kinh nghiệm tại nhà văn hóa; nhóm hộ liên kết ký hợp đồng bao tiêu với "
     "một doanh nghiệp xuất khẩu, giá bán cao hơn vải thường từ 3.000 đến 5.000 đồng/kg."),
    ("mh-hien-dat-lam-duong-cao-xa", "Hiến đất mở rộng đường liên thôn", "kinh_te", ("cao-xa", 0),
     [(1850, "m²", "đất do các hộ tự nguyện hiến", False), (27, "hộ", "hộ hiến đất, tháo dỡ tường rào", False),
      (1.2, "km", "đường liên thôn mở rộng", False)],
     [], False,
     "Tuyến đường liên thôn qua {v} chỉ rộng 3 m, hai ô tô không tránh được nhau. Tổ Dân vận đề nghị chi bộ "
     "ra nghị quyết chuyên đề, đảng viên và gia đình cán bộ thôn hiến đất trước.\n\n"
     "Với những hộ còn băn khoăn, nhóm phụ trách địa bàn đến nhà nhiều lần, cùng đo đạc lại mốc giới và "
     "hứa giúp công xây lại cổng. Cuối cùng cả 27 hộ đều đồng thuận, không phải cưỡng chế trường hợp nào."),
    ("mh-ga-doi-an-toan-dong-tam", "Tổ hợp tác nuôi gà đồi an toàn sinh học", "kinh_te", ("dong-tam", 3),
     [(21, "hộ", "hộ tham gia tổ hợp tác", False), (45000, "con", "gà đồi xuất bán mỗi năm", True)],
     [], True,
     "Gà đồi là sinh kế chính của {v}, nhưng dịch bệnh và chất thải chăn nuôi từng gây bức xúc giữa các hộ. "
     "Tổ Dân vận vận động các hộ vào tổ hợp tác, thống nhất lịch tiêm phòng và xử lý chất thải bằng đệm lót sinh học.\n\n"
     "Tổ hợp tác mua chung con giống, thức ăn nên giá thành giảm; hai năm qua không còn đơn thư phản ánh về mùi hôi."),
    ("mh-phan-loai-rac-tran-phu", "Phân loại rác thải tại nguồn ở khu dân cư", "van_hoa_xa_hoi", ("tran-phu", 1),
     [(312, "hộ", "hộ phân loại rác tại nguồn", False), (1.4, "tấn", "rác tái chế thu gom mỗi tháng", True)],
     [("Giấy khen", "UBND thành phố Bắc Giang", "20/11/2024", None)], True,
     "Tổ Dân vận {v} bắt đầu từ một nhóm nhỏ hộ làm mẫu: mỗi nhà ba thùng, rác hữu cơ, rác tái chế và rác còn lại.\n\n"
     "Chi hội phụ nữ nhận thu gom rác tái chế vào sáng Chủ nhật cuối tháng, bán lấy tiền lập quỹ giúp học sinh nghèo. "
     "Khi thấy lợi ích cụ thể, các hộ khác tự xin tham gia; sau một năm đã có 312 hộ làm đều đặn."),
    ("mh-lop-ky-nang-so-nguoi-cao-tuoi-hoang-van-thu", "Lớp học kỹ năng số cho người cao tuổi", "van_hoa_xa_hoi",
     ("hoang-van-thu", 2),
     [(146, "người", "người cao tuổi được hướng dẫn dùng điện thoại thông minh", False),
      (9, "lớp", "lớp học được mở tại nhà văn hóa", False)],
     [], False,
     "Nhiều cụ ở {v} có điện thoại thông minh do con cháu mua nhưng chỉ dùng để nghe gọi. Đoàn viên trong Tổ Dân vận "
     "mở lớp buổi tối, mỗi lớp 15 đến 20 người, học cách gọi video, xem tin của phường và nhận diện cuộc gọi lừa đảo.\n\n"
     "Học viên được phát tờ hướng dẫn chữ to; các cụ đã thạo lại kèm những người đến sau."),
    ("mh-viec-cuoi-viec-tang-ngoc-thien", "Thực hiện nếp sống văn minh trong việc cưới, việc tang", "van_hoa_xa_hoi",
     ("ngoc-thien", 0),
     [(23, "đám cưới", "đám cưới tổ chức gọn trong một ngày", False),
      (100, "%", "đám tang không rải vàng mã trên đường", False)],
     [("Giấy khen", "Ủy ban MTTQ huyện Tân Yên", None, 2024)], False,
     "Tổ Dân vận {v} đưa nội dung cưới, tang văn minh vào hương ước và bàn kỹ với các trưởng dòng họ, "
     "vì họ là người có tiếng nói trong mỗi gia đình.\n\n"
     "Khi nhà có việc, thành viên Tổ đến thăm hỏi sớm, góp ý nhẹ nhàng về giờ giấc, âm thanh và mâm cỗ. "
     "Nhờ vậy các gia đình tự giác làm theo mà không thấy bị ép buộc."),
    ("mh-quy-khuyen-hoc-dong-ho-tam-tien", "Quỹ khuyến học dòng họ", "van_hoa_xa_hoi", ("tam-tien", 1),
     [(86, "triệu đồng", "quỹ khuyến học vận động được", False), (42, "suất", "học bổng trao cho học sinh", False)],
     [], True,
     "Tổ Dân vận {v} cùng các trưởng dòng họ lập quỹ khuyến học, mỗi hộ góp tùy khả năng, con em đi làm xa góp thêm.\n\n"
     "Quỹ được công khai thu chi trong buổi họp họ đầu năm; học sinh nghèo vượt khó và học sinh đỗ đại học được trao thưởng "
     "vào dịp khai giảng."),
    ("mh-camera-an-ninh-thang", "Camera an ninh khu dân cư", "quoc_phong_an_ninh", ("thang", 2),
     [(24, "camera", "camera lắp ở đầu ngõ và các điểm giao cắt", False), (68, "hộ", "hộ góp kinh phí", False)],
     [], True,
     "Một số vụ trộm xe máy xảy ra ở {v} khiến người dân lo lắng. Tổ Dân vận đề xuất lắp camera ở các đầu ngõ, "
     "kinh phí do các hộ tự nguyện góp, công an thị trấn hỗ trợ kỹ thuật.\n\n"
     "Hình ảnh được chia sẻ với công an thị trấn; từ khi lắp camera, tổ dân phố không còn vụ trộm tài sản nào."),
    ("mh-lien-gia-phong-chong-ma-tuy-chu", "Tổ liên gia tự quản phòng, chống ma túy", "quoc_phong_an_ninh", ("chu", 0),
     [(9, "tổ", "tổ liên gia tự quản được thành lập", False),
      (215, "hộ", "hộ ký cam kết không để người thân vi phạm", False)],
     [], False,
     "Tổ Dân vận {v} chia địa bàn thành 9 tổ liên gia; mỗi tổ có một người theo dõi, nắm tình hình thanh thiếu niên.\n\n"
     "Các gia đình ký cam kết, công an viên cùng tổ liên gia thăm hỏi, động viên những người đã cai nghiện tìm việc làm."),
    ("mh-hoa-giai-co-so-cao-thuong", "Tổ Dân vận tham gia hòa giải ở cơ sở", "quoc_phong_an_ninh", ("cao-thuong", 3),
     [(11, "vụ việc", "mâu thuẫn được hòa giải thành", False)],
     [("Giấy khen", "UBND huyện Tân Yên", "05/12/2024", None)], False,
     "Khi có mâu thuẫn giữa các hộ, nhóm phụ trách địa bàn của Tổ Dân vận {v} là người biết sớm nhất. "
     "Tổ mời tổ hòa giải và người có uy tín cùng đến, nghe cả hai bên trình bày.\n\n"
     "Trong hai năm, 11 vụ việc về ranh giới đất, lối đi và tiếng ồn đã được hòa giải thành, không phải chuyển lên thị trấn."),
    ("mh-zalo-bao-tin-an-ninh-phon-xuong", "Nhóm Zalo báo tin nhanh về an ninh trật tự", "quoc_phong_an_ninh",
     ("phon-xuong", 1),
     [(430, "người", "thành viên nhóm Zalo của tổ dân phố", True), (57, "tin", "tin báo được xử lý kịp thời", False)],
     [], False,
     "Nhóm Zalo của {v} do Tổ Dân vận quản trị, có công an viên và thành viên tổ công nghệ số cộng đồng tham gia.\n\n"
     "Người dân báo tin về người lạ, cháy nổ, tai nạn; quản trị viên chuyển ngay đến người có trách nhiệm và "
     "thông báo kết quả xử lý trong nhóm để bà con yên tâm."),
    ("mh-dang-vien-phu-trach-ho-tan-son", "Đảng viên phụ trách hộ gia đình", "xay_dung_he_thong_chinh_tri",
     ("tan-son", 1),
     [(38, "đảng viên", "đảng viên nhận phụ trách hộ", False), (190, "hộ", "hộ có đảng viên phụ trách", False)],
     [("Giấy khen", "Ban Thường vụ Huyện ủy Lục Ngạn", None, 2024)], True,
     "Chi bộ {v} phân công mỗi đảng viên phụ trách 4 đến 6 hộ gần nhà, phần lớn là hộ đồng bào Nùng.\n\n"
     "Đảng viên nắm tâm tư, phổ biến chủ trương bằng tiếng dân tộc khi cần, báo lại cho Tổ Dân vận trong cuộc họp hằng tháng."),
    ("mh-thu-bay-lang-nghe-dan-doan-bai", "Ngày thứ Bảy lắng nghe ý kiến Nhân dân", "xay_dung_he_thong_chinh_tri",
     "doan-bai",
     [(126, "ý kiến", "ý kiến, kiến nghị được tiếp nhận", False), (119, "ý kiến", "ý kiến đã được trả lời, giải quyết", False)],
     [], False,
     "Sáng thứ Bảy đầu tháng, thành viên Khối Dân vận xã luân phiên ngồi tại nhà văn hóa các thôn để nghe dân nói.\n\n"
     "Mỗi ý kiến được ghi vào sổ, có người nhận trả lời và hạn trả lời; kết quả được đọc trên loa truyền thanh xã."),
    ("mh-tiep-nhan-kien-nghi-qr-tran-phu", "Tiếp nhận kiến nghị của Nhân dân qua mã QR", "xay_dung_he_thong_chinh_tri",
     ("tran-phu", 3),
     [(212, "kiến nghị", "kiến nghị gửi qua mã QR", False), (96, "%", "kiến nghị được trả lời đúng hạn", False)],
     [], False,
     "Tổ công nghệ số cộng đồng của {v} dán mã QR ở bảng tin; người dân quét mã để gửi kiến nghị, kèm ảnh nếu có.\n\n"
     "Tổ Dân vận tổng hợp hằng tuần, chuyển phường xử lý và báo lại kết quả cho người gửi."),
    ("mh-cong-khai-quy-thon-phuc-son", "Công khai thu chi quỹ thôn trên bảng tin và nhóm Zalo", "xay_dung_he_thong_chinh_tri",
     ("phuc-son", 3),
     [(12, "kỳ", "kỳ công khai thu chi hằng tháng", False), (100, "%", "khoản thu chi được công khai", False)],
     [], False,
     "Tổ Dân vận {v} đề nghị ban quản lý thôn công khai mọi khoản thu chi hằng tháng, cả trên bảng tin và nhóm Zalo.\n\n"
     "Từ khi công khai, các hộ đóng góp đầy đủ hơn, không còn thắc mắc về quỹ thôn trong các buổi họp."),
]
MODEL_H = "mh-camera-an-ninh-thang"


def build_models() -> None:
    for m in REAL_MODELS:
        record = shaped(Exemplar, {
            "id": m["id"], "name": m["name"], "field": m["field"], "implementer": m["implementer"],
            "units": [], "place": m["place"], "period": {"start": 2015}, "summary": m["summary"],
            "results": m["results"] or None, "story": m["story"], "sources": HD_SOURCE, "real": True, "sample": False,
        })
        write_yaml(DATA / "models" / f"{m['id']}.yml", "model", record,
                   extra_header=["# Mô hình có thật (real: true), theo Bài Tổ dân vận Hải Dương (19/7/2017), mục MH; "
                                 "không có thông tin cá nhân."])

    for mid, name, field, where, results, recognition, with_photo, story in SAMPLE_MODELS:
        if isinstance(where, tuple):
            v = village(*where)
            c = v.commune
            units, team, implementer, place_label = [v.id], v.team_id, f"Tổ Dân vận cộng đồng {v.label}", v.label
            assert v is not NO_TEAM_VILLAGE
        else:
            c = COMMUNE[where]
            units, team, implementer, place_label = [c.id], None, f"Khối Dân vận {c.label}", c.label
        full_place = f"{place_label}, {c.label}" if isinstance(where, tuple) else c.label
        summary = f"{implementer} ({c.label}, {c.district_label}) thực hiện mô hình “{name}” trong hai năm 2023–2024."
        record = shaped(Exemplar, {
            "id": mid, "name": name, "field": field, "implementer": implementer, "units": units, "team": team,
            "period": {"start": 2023, "end": 2024}, "summary": summary,
            "results": [shaped(Result, {"value": val, "unit": unit, "what": what, "approximate": True if approx else None})
                        for val, unit, what, approx in results],
            "recognition": [shaped(Recognition, {"title": t, "by": by, "date": d, "year": y}) for t, by, d, y in recognition] or None,
            "story": story.format(v=full_place) + "\n",
        })
        if with_photo:
            day = rand_date(dt.date(2024, 3, 1), dt.date(2024, 11, 15))
            photo = {"file": "photos/anh-mau.svg",
                     "caption": f"{name}: hoạt động tại {full_place}, {c.district_label}, ngày {vn_date(day)}."}
            if mid == MODEL_H:
                photo.update({"approved": False, "publish": True})
            else:
                photo.update({"approved": True, "approved_by": LN_APPROVER[c.district],
                              "approved_on": fmt(day + dt.timedelta(days=rng.randint(2, 7))), "publish": True})
            record["photos"] = [photo]
        record["sample"] = True
        notes = []
        if mid == MODEL_H:
            notes.append(("approved: false", "Cố ý: ảnh được đánh dấu đăng công khai nhưng chưa kiểm duyệt "
                                             "(cảnh báo PHOTO-APPROVAL)."))
        write_yaml(DATA / "models" / f"{mid}.yml", "model", record, notes=notes)


# ---------------------------------------------------------------------------------------
# Assignments (HD 02-HD/BDVTU Tuyên Quang)

KHOI = "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh"

# (id, agency name, party org, commune shorts)
PROVINCIAL = [
    ("pc-so-tu-phap", "Sở Tư pháp", "Chi bộ Sở Tư pháp", ["cao-xa"]),
    ("pc-so-tai-chinh", "Sở Tài chính", "Chi bộ Sở Tài chính", ["phuc-son"]),
    ("pc-so-nong-nghiep", "Sở Nông nghiệp và Phát triển nông thôn",
     "Đảng bộ Sở Nông nghiệp và Phát triển nông thôn", ["nam-duong"]),
    ("pc-so-y-te", "Sở Y tế", "Đảng bộ Sở Y tế", ["tan-son"]),
    ("pc-so-giao-duc", "Sở Giáo dục và Đào tạo", "Đảng bộ Sở Giáo dục và Đào tạo", ["ngoc-thien"]),
    ("pc-so-xay-dung", "Sở Xây dựng", "Chi bộ Sở Xây dựng", ["cao-xa"]),
    ("pc-so-giao-thong", "Sở Giao thông vận tải", "Đảng bộ Sở Giao thông vận tải", ["dong-tam"]),
    ("pc-so-tai-nguyen", "Sở Tài nguyên và Môi trường", "Đảng bộ Sở Tài nguyên và Môi trường", ["doan-bai"]),
    ("pc-so-lao-dong", "Sở Lao động - Thương binh và Xã hội", "Chi bộ Sở Lao động - Thương binh và Xã hội",
     ["tam-tien"]),
    ("pc-so-van-hoa", "Sở Văn hóa, Thể thao và Du lịch", "Đảng bộ Sở Văn hóa, Thể thao và Du lịch", ["cao-thuong"]),
    ("pc-so-cong-thuong", "Sở Công Thương", "Chi bộ Sở Công Thương", ["chu"]),
    ("pc-so-ke-hoach", "Sở Kế hoạch và Đầu tư", "Chi bộ Sở Kế hoạch và Đầu tư", ["phon-xuong"]),
    ("pc-so-noi-vu", "Sở Nội vụ", "Chi bộ Sở Nội vụ", ["thang"]),
    ("pc-so-thong-tin-truyen-thong", "Sở Thông tin và Truyền thông", "Chi bộ Sở Thông tin và Truyền thông",
     ["cao-xa"]),
    ("pc-so-khoa-hoc", "Sở Khoa học và Công nghệ", "Chi bộ Sở Khoa học và Công nghệ", ["doan-bai"]),
    ("pc-ban-dan-toc", "Ban Dân tộc tỉnh", "Chi bộ Ban Dân tộc tỉnh", ["chu"]),
    ("pc-thanh-tra-tinh", "Thanh tra tỉnh", "Chi bộ Thanh tra tỉnh", ["tran-phu"]),
    ("pc-hoi-nong-dan-tinh", "Hội Nông dân tỉnh", "Chi bộ Hội Nông dân tỉnh", ["hoang-van-thu"]),
]
CONCENTRATED = "cao-xa"  # deviation i

# (id, agency name, party org, district, commune shorts)
DISTRICT_AGENCIES = [
    ("pc-tan-yen-phong-nong-nghiep", "Phòng Nông nghiệp và Phát triển nông thôn huyện Tân Yên",
     "Chi bộ Phòng Nông nghiệp và Phát triển nông thôn", "bg-tan-yen", ["phuc-son", "ngoc-thien"]),
    ("pc-tan-yen-phong-tai-nguyen", "Phòng Tài nguyên và Môi trường huyện Tân Yên",
     "Chi bộ Phòng Tài nguyên và Môi trường", "bg-tan-yen", ["cao-thuong"]),
    ("pc-yen-the-phong-van-hoa", "Phòng Văn hóa và Thông tin huyện Yên Thế",
     "Chi bộ Phòng Văn hóa và Thông tin", "bg-yen-the", ["tam-tien"]),
    ("pc-yen-the-phong-lao-dong", "Phòng Lao động - Thương binh và Xã hội huyện Yên Thế",
     "Chi bộ Phòng Lao động - Thương binh và Xã hội", "bg-yen-the", ["dong-tam", "phon-xuong"]),
    ("pc-luc-ngan-phong-kinh-te-ha-tang", "Phòng Kinh tế và Hạ tầng huyện Lục Ngạn",
     "Chi bộ Phòng Kinh tế và Hạ tầng", "bg-luc-ngan", ["nam-duong"]),
    ("pc-luc-ngan-phong-giao-duc", "Phòng Giáo dục và Đào tạo huyện Lục Ngạn",
     "Chi bộ Phòng Giáo dục và Đào tạo", "bg-luc-ngan", ["tan-son", "chu"]),
    ("pc-hiep-hoa-phong-tu-phap", "Phòng Tư pháp huyện Hiệp Hòa", "Chi bộ Phòng Tư pháp", "bg-hiep-hoa", ["thang"]),
    ("pc-hiep-hoa-trung-tam-van-hoa", "Trung tâm Văn hóa - Thể thao và Truyền thông huyện Hiệp Hòa",
     "Chi bộ Trung tâm Văn hóa - Thể thao và Truyền thông", "bg-hiep-hoa", ["doan-bai"]),
    ("pc-tp-bac-giang-phong-quan-ly-do-thi", "Phòng Quản lý đô thị thành phố Bắc Giang",
     "Chi bộ Phòng Quản lý đô thị", "bg-tp-bac-giang", ["tran-phu"]),
    ("pc-tp-bac-giang-phong-tai-chinh", "Phòng Tài chính - Kế hoạch thành phố Bắc Giang",
     "Chi bộ Phòng Tài chính - Kế hoạch", "bg-tp-bac-giang", ["hoang-van-thu"]),
]

ARMED = [
    ("pc-tieu-doan-huan-luyen-co-dong", "Tiểu đoàn Huấn luyện - Cơ động, Bộ Chỉ huy Quân sự tỉnh Bắc Giang",
     "Chi bộ Tiểu đoàn Huấn luyện - Cơ động", "Đảng ủy Quân sự tỉnh", [], "truc_san_sang_chien_dau"),
    ("pc-cong-an-phong-qlhc", "Phòng Cảnh sát quản lý hành chính về trật tự xã hội, Công an tỉnh Bắc Giang",
     "Chi bộ Phòng Cảnh sát quản lý hành chính về trật tự xã hội", "Đảng ủy Công an tỉnh", ["dong-tam"], None),
]

GENERAL_WORK = [
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
]
SPECIAL_WORK = {
    "pc-so-tu-phap": ["Tuyên truyền Luật Đất đai năm 2024 cho Nhân dân {p}; giải đáp vướng mắc về thừa kế, tặng cho đất.",
                      "Trợ giúp pháp lý miễn phí tại nhà văn hóa {p}."],
    "pc-so-y-te": ["Khám bệnh, tư vấn sức khỏe và cấp thuốc miễn phí cho người cao tuổi {p}.",
                   "Tuyên truyền phòng, chống sốt xuất huyết, phun khử khuẩn tại {p}."],
    "pc-so-nong-nghiep": ["Hướng dẫn kỹ thuật chăm sóc vải thiều sau thu hoạch cho các hộ ở {p}.",
                          "Hướng dẫn ghi nhật ký sản xuất theo VietGAP cho nông dân {p}."],
    "pc-so-giao-duc": ["Tặng sách vở, đồ dùng học tập cho học sinh khó khăn ở {p}."],
    "pc-so-xay-dung": ["Khảo sát, hướng dẫn hộ dân {p} xây nhà bảo đảm an toàn trước mùa mưa bão."],
    "pc-so-giao-thong": ["Cùng Nhân dân {p} lắp biển báo, phát quang hành lang an toàn giao thông."],
    "pc-so-tai-nguyen": ["Tuyên truyền thu gom bao gói thuốc bảo vệ thực vật tại {p}."],
    "pc-so-thong-tin-truyen-thong": ["Hướng dẫn Tổ công nghệ số cộng đồng {p} hỗ trợ dân nộp hồ sơ trực tuyến."],
    "pc-so-lao-dong": ["Tư vấn việc làm, xuất khẩu lao động cho thanh niên {p}."],
    "pc-hoi-nong-dan-tinh": ["Hướng dẫn hội viên {p} lập tổ hợp tác, vay vốn Quỹ hỗ trợ nông dân."],
    "pc-cong-an-phong-qlhc": ["Làm căn cước, kích hoạt tài khoản định danh điện tử lưu động tại {p}."],
}
WEDNESDAY_AGENCY = "pc-so-tai-chinh"   # deviation j
LATE_REPORT_AGENCY = "pc-so-y-te"      # deviation k
LATE_REPORT_MONTH = 8


def activities_for(aid: str, name: str, party_org: str, communes: list[Commune], size: tuple[int, int]) -> list[dict]:
    out = []
    pool = SPECIAL_WORK.get(aid, []) + GENERAL_WORK
    for month in range(1, 12):
        count = 2 if rng.random() < 0.2 else 1
        days = rng.sample(weekday_between(2024, month, 1, 17, weekend=True), count)
        for day in sorted(days):
            c = communes[(month + len(out)) % len(communes)]
            v = rng.choice(c.villages) if rng.random() < 0.85 else None
            where = f"{v.label}, {c.label}" if v else c.label
            act = shaped(AssignmentActivity, {"date": fmt(day), "commune": c.id, "village": v.id if v else None,
                                              "content": rng.choice(pool).format(p=where), "participants": rng.randint(*size)})
            if rng.random() < 0.06:
                act["photos"] = [{
                    "file": "photos/anh-mau.svg",
                    "caption": f"Cán bộ, đảng viên {name} tham gia hoạt động tại {where}, "
                               f"ngày {vn_date(day)}. {act['content']}",
                    "approved": True,
                    "approved_by": party_org,
                    "approved_on": fmt(day + dt.timedelta(days=rng.randint(1, 3))),
                    "publish": True,
                }]
            out.append(act)
    if aid == WEDNESDAY_AGENCY:
        wed = next(d for d in weekday_between(2024, 7, 15, 21, weekend=False) if d.weekday() == 2)
        c = communes[0]
        out.append({"date": fmt(wed), "commune": c.id, "village": c.villages[2].id,
                    "content": f"Cùng Nhân dân {c.villages[2].label}, {c.label} khắc phục hậu quả mưa lớn, nạo vét mương thoát nước.",
                    "participants": rng.randint(*size)})
        out.sort(key=lambda a: dt.datetime.strptime(a["date"], "%d/%m/%Y"))
    return out


def reports_for(aid: str) -> list[dict]:
    out = []
    for month in range(1, 12):
        if aid == LATE_REPORT_AGENCY and month == LATE_REPORT_MONTH:
            day = 28
        else:
            day = rng.randint(18, 24)
        out.append({"kind": "thang", "year": 2024, "number": month, "filed": fmt(dt.date(2024, month, day))})
        if month in (3, 6, 9):  # quarterly report, due before the 25th of the quarter's last month
            out.append({"kind": "quy", "year": 2024, "number": month // 3,
                        "filed": fmt(dt.date(2024, month, rng.randint(18, 24)))})
        if month == 6:
            out.append({"kind": "6_thang", "year": 2024, "filed": "10/06/2024"})
    out.sort(key=lambda r: dt.datetime.strptime(r["filed"], "%d/%m/%Y"))
    return out


def build_assignments() -> None:
    entries = []
    for aid, name, org, shorts in PROVINCIAL:
        entries.append((aid, {"name": name, "party_org": org, "level": "tinh", "reports_to": KHOI}, shorts, None, (10, 40)))
    for aid, name, org, district, shorts in DISTRICT_AGENCIES:
        reports_to = ("Thành ủy " if DISTRICT_KIND[district] == "thanh_pho" else "Huyện ủy ") + DISTRICT_NAME[district]
        entries.append((aid, {"name": name, "party_org": org, "level": "huyen", "district": district,
                              "reports_to": reports_to}, shorts, None, (5, 15)))
    for aid, name, org, reports_to, shorts, exemption in ARMED:
        entries.append((aid, {"name": name, "party_org": org, "level": "tinh", "reports_to": reports_to},
                        shorts, exemption, (10, 30)))

    for aid, agency, shorts, exemption, size in entries:
        communes = [COMMUNE[s] for s in shorts]
        record = shaped(Assignment, {
            "id": aid,
            "agency": agency,
            "communes": [c.id for c in communes],
            "exemption": exemption,
            "since": "01/01/2024",
            "activities": None if exemption else activities_for(aid, agency["name"], agency["party_org"], communes, size),
            "reports": None if exemption else reports_for(aid),
            "note": ("Đơn vị làm nhiệm vụ trực sẵn sàng chiến đấu nên được miễn phân công phụ trách xã "
                     "(HD 02-HD/BDVTU).") if exemption else None,
            "sample": True,
        })
        notes = []
        if agency["level"] == "tinh" and CONCENTRATED in shorts:
            notes.append(("communes:", "Cố ý: xã Cao Xá có 3 đơn vị cấp tỉnh phụ trách (pc-so-tu-phap, pc-so-xay-dung, "
                                       "pc-so-thong-tin-truyen-thong), vượt mức 2 (cảnh báo ASSIGN-CONCENTRATION-COMMUNE)."))
        if aid == WEDNESDAY_AGENCY:
            notes.append(("date: 17/07/2024", "Cố ý: hoạt động vào thứ Tư, không phải thứ Bảy, Chủ nhật "
                                             "(cảnh báo ASSIGN-WEEKEND-DAY)."))
        if aid == LATE_REPORT_AGENCY:
            notes.append(("filed: 28/08/2024", "Cố ý: báo cáo tháng 8 gửi ngày 28, sau hạn ngày 25 (cảnh báo ASSIGN-REPORT-LATE)."))
        write_yaml(DATA / "assignments" / f"{aid}.yml", "assignment", record, notes=notes)


# ---------------------------------------------------------------------------------------


def build_config() -> None:
    write_yaml(DATA / "config.yml", "config", {
        "province": {"name": "Bắc Giang", "unit": PROVINCE_ID, "board": "Ban Dân vận Tỉnh ủy Bắc Giang"},
        "report": {
            "superior": "TỈNH ỦY BẮC GIANG", "issuer": "BAN DÂN VẬN", "number_suffix": "BC/BDVTU", "place": "Bắc Giang",
            "signing": "K/T TRƯỞNG BAN", "signer_title": "PHÓ TRƯỞNG BAN",
            "recipients": ["Ban Dân vận Trung ương (b/c)", "Thường trực Tỉnh ủy (b/c)", "Ban Thường vụ Tỉnh ủy (b/c)",
                           "Các huyện ủy, thành ủy", "Đảng ủy các xã, phường, thị trấn", "Lưu Văn phòng Ban"],
        },
        "scheme": "ba-cap",
        "reference_date": fmt(REF_DATE),
        "sample": True,
    })


def main() -> None:
    clean()
    build_config()
    build_units()
    build_teams()
    build_blocs()
    build_models()
    build_assignments()
    print(f"wrote {len(written)} files under {DATA.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
