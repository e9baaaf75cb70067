"""The running texts of the repository's sample, written by hand: takes nothing, gives what the
sample's records draw their words from — team meeting topics and activities, bloc duties and
dialogue topics (by district), the agencies assigned to communes (HD 02-HD/BDVTU) with the
work they do there, and the wording of data/config.yml.

These are the sample's own sentences, close to but not the synthetic projects' (`texts`):
the sample's records were drawn from these lists, and other lists draw other records.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------
# Teams

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

# ---------------------------------------------------------------------------------------
# Blocs

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

# (position: duties; {c} the commune, {v} the villages the member follows)
BLOC_DUTIES = {
    "pho_bi_thu_thuong_truc": "Phụ trách chung; chủ trì xây dựng kế hoạch năm và chủ trì giao ban tháng, quý của Khối; "
                              "trực tiếp theo dõi Tổ Dân vận {v}.",
    "bi_thu_dang_uy": "Phụ trách chung; chỉ đạo xây dựng kế hoạch, quy chế và chủ trì đối thoại với Nhân dân {c}; "
                      "trực tiếp theo dõi Tổ Dân vận {v}.",
    "chu_tich_ubnd": "Phụ trách dân vận chính quyền: tiếp công dân, giải quyết kiến nghị, đơn thư của Nhân dân {c}; "
                     "theo dõi Tổ Dân vận {v}.",
    "pho_chu_tich_ubnd": "Phụ trách dân vận chính quyền, cải cách thủ tục hành chính và tiếp nhận kiến nghị qua Tổ Dân vận; "
                         "theo dõi {v}.",
    "chu_tich_mttq": "Phụ trách phong trào thi đua “Dân vận khéo”, giám sát và phản biện xã hội; "
                     "tổng hợp ý kiến Nhân dân từ các Ban công tác Mặt trận; theo dõi {v}.",
    "chu_tich_hoi_nong_dan": "Vận động hội viên chuyển đổi cơ cấu cây trồng, vật nuôi và liên kết tiêu thụ nông sản; "
                             "nắm tâm tư hội viên nông dân ở {v}.",
    "chu_tich_hoi_phu_nu": "Vận động hội viên phân loại rác tại nguồn, thực hiện nếp sống văn minh; "
                           "nắm tình hình phụ nữ, trẻ em ở {v}.",
    "chu_tich_hoi_ccb": "Nắm tư tưởng hội viên cựu chiến binh; tham gia hòa giải ở cơ sở và giữ gìn an ninh trật tự ở {v}.",
    "bi_thu_doan_thanh_nien": "Chỉ đạo đoàn viên tham gia tổ công nghệ số cộng đồng, hướng dẫn dân dùng dịch vụ công trực tuyến; "
                              "phụ trách {v}.",
    "truong_cong_an": "Nắm tình hình an ninh trật tự, mâu thuẫn trong Nhân dân; phối hợp các Tổ Dân vận xây dựng mô hình "
                      "tự quản về an ninh trật tự ở {v}.",
    "chi_huy_truong_quan_su": "Vận động thanh niên thực hiện nghĩa vụ quân sự; phối hợp vận động Nhân dân tham gia "
                              "xây dựng nền quốc phòng toàn dân ở {v}.",
    "cong_chuc": "Giúp Trưởng khối chuẩn bị nội dung giao ban, tổng hợp báo cáo tháng, quý, năm; "
                 "theo dõi nhóm Zalo của các Tổ Dân vận và lưu hồ sơ của Khối.",
}

# ---------------------------------------------------------------------------------------
# Agencies assigned to communes (HD 02-HD/BDVTU Tuyên Quang)

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
ARMED_NOTE = "Đơn vị làm nhiệm vụ trực sẵn sàng chiến đấu nên được miễn phân công phụ trách xã (HD 02-HD/BDVTU)."

# ---------------------------------------------------------------------------------------
# The comment lines of the files, and data/config.yml

SAMPLE_LINE = "# Dữ liệu mẫu: mọi người trong tệp này là hư cấu."
UNITS_LINE = "# Tỉnh, huyện, xã là đơn vị có thật (trước 01/7/2025); tên thôn, tổ dân phố là hư cấu (sample: true)."
REAL_MODEL_LINE = ("# Mô hình có thật (real: true), theo Bài Tổ dân vận Hải Dương (19/7/2017), mục MH; "
                   "không có thông tin cá nhân.")
# The reports' recipients (data/config.yml); the rest of the configuration is the synthetic
# generator's for a three-level province (units_config.config_file).
REPORT_RECIPIENTS = ["Ban Dân vận Trung ương (b/c)", "Thường trực Tỉnh ủy (b/c)", "Ban Thường vụ Tỉnh ủy (b/c)",
                     "Các huyện ủy, thành ủy", "Đảng ủy các xã, phường, thị trấn", "Lưu Văn phòng Ban"]
