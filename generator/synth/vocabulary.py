"""Names and places of the synthetic projects: takes nothing, gives the word lists the skeleton
and the records draw from — the real provinces and districts (public facts), the syllables of
fictional communes and villages, people's names, hamlets and lanes, who sits in a team and in
a bloc, and the agencies assigned to communes. Plain data; the running texts are in `texts`.
"""

from __future__ import annotations

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

# The kinds' Vietnamese words are the schema's (generator.schema.config.KIND_LABELS).
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
# Who sits in a team and in a bloc

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

# ---------------------------------------------------------------------------------------
# Agencies assigned to communes (HD 02-HD/BDVTU)

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
