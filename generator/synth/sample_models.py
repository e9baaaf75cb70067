"""The "Dân vận khéo" models of the repository's sample, written by hand: takes nothing, gives
the four real models of the Hải Dương article (2017) with their figures and citation
(`real: true`; the synthetic projects copy these four files from data/) and the sixteen
fictional ones placed in the sample's villages and communes, with their results,
recognitions and stories. Hand-written text, not code: each story is a small piece of
writing that the website and the PDFs show as it is.
"""

from __future__ import annotations

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

# (id, name, field, village (commune short name, index) or commune short name, results (value, unit,
#  what, approximate), recognition (title, by, date, year), photo?, story ({v}: the place))
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
