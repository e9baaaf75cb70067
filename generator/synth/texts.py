"""The running texts of the synthetic projects: takes nothing, gives the sentences the records
draw from — meeting topics, team activities, bloc duties, training courses, dialogue topics,
what assigned agencies do in a commune, and the "Dân vận khéo" model themes with their
results and stories. None cites a document number: running text is scanned for citations.
"""

from __future__ import annotations

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
# The four fields of a model, in the order the synthetic models take them in turn.
FIELDS = ["kinh_te", "van_hoa_xa_hoi", "quoc_phong_an_ninh", "xay_dung_he_thong_chinh_tri"]
