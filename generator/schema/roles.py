"""Roles and positions named in the source documents, with their Vietnamese labels.

Values are the slugs editors write in YAML; labels are what readers see.
"""

from __future__ import annotations

from enum import Enum


class LabelledEnum(str, Enum):
    @property
    def label(self) -> str:
        return LABELS[self.value]


class TeamRole(LabelledEnum):
    to_truong = "to_truong"
    to_pho = "to_pho"
    thanh_vien = "thanh_vien"


class VillagePosition(LabelledEnum):
    bi_thu_chi_bo = "bi_thu_chi_bo"
    pho_bi_thu_chi_bo = "pho_bi_thu_chi_bo"
    chi_uy_vien = "chi_uy_vien"
    dang_uy_vien_phu_trach = "dang_uy_vien_phu_trach"
    truong_thon = "truong_thon"
    pho_truong_thon = "pho_truong_thon"
    truong_ban_ctmt = "truong_ban_ctmt"
    chi_hoi_truong = "chi_hoi_truong"
    bi_thu_chi_doan = "bi_thu_chi_doan"
    chi_hoi_truong_nguoi_cao_tuoi = "chi_hoi_truong_nguoi_cao_tuoi"
    to_truong_lien_gia = "to_truong_lien_gia"
    thon_doi_truong = "thon_doi_truong"
    cong_an_vien = "cong_an_vien"
    to_cong_nghe_cong_dong = "to_cong_nghe_cong_dong"
    nguoi_co_uy_tin = "nguoi_co_uy_tin"
    gia_lang = "gia_lang"
    truong_dong_ho = "truong_dong_ho"
    chuc_sac_ton_giao = "chuc_sac_ton_giao"
    nguoi_tieu_bieu = "nguoi_tieu_bieu"
    nguoi_dan = "nguoi_dan"


class BlocRole(LabelledEnum):
    truong_khoi = "truong_khoi"
    pho_truong_khoi = "pho_truong_khoi"
    thanh_vien = "thanh_vien"
    giup_viec = "giup_viec"


class CommunePosition(LabelledEnum):
    bi_thu_dang_uy = "bi_thu_dang_uy"
    pho_bi_thu_thuong_truc = "pho_bi_thu_thuong_truc"
    pho_bi_thu = "pho_bi_thu"
    chu_tich_hdnd = "chu_tich_hdnd"
    pho_chu_tich_hdnd = "pho_chu_tich_hdnd"
    chu_tich_ubnd = "chu_tich_ubnd"
    pho_chu_tich_ubnd = "pho_chu_tich_ubnd"
    chu_tich_mttq = "chu_tich_mttq"
    chu_tich_hoi_nong_dan = "chu_tich_hoi_nong_dan"
    chu_tich_hoi_phu_nu = "chu_tich_hoi_phu_nu"
    chu_tich_hoi_ccb = "chu_tich_hoi_ccb"
    bi_thu_doan_thanh_nien = "bi_thu_doan_thanh_nien"
    chu_tich_cong_doan = "chu_tich_cong_doan"
    truong_cong_an = "truong_cong_an"
    chi_huy_truong_quan_su = "chi_huy_truong_quan_su"
    cong_chuc = "cong_chuc"
    hieu_truong = "hieu_truong"
    can_bo_y_te = "can_bo_y_te"
    bi_thu_chi_bo = "bi_thu_chi_bo"
    truong_thon = "truong_thon"
    nguoi_co_uy_tin = "nguoi_co_uy_tin"
    khac = "khac"


class TeamException(LabelledEnum):
    khong_co_chi_bo = "khong_co_chi_bo"
    kiem_nhiem = "kiem_nhiem"


class ModelField(LabelledEnum):
    kinh_te = "kinh_te"
    van_hoa_xa_hoi = "van_hoa_xa_hoi"
    quoc_phong_an_ninh = "quoc_phong_an_ninh"
    xay_dung_he_thong_chinh_tri = "xay_dung_he_thong_chinh_tri"


class AgencyLevel(LabelledEnum):
    tinh = "tinh"
    huyen = "huyen"
    xa = "xa"


class ReportKind(LabelledEnum):
    thang = "thang"
    quy = "quy"
    sau_thang = "6_thang"
    nam = "nam"


class Audience(LabelledEnum):
    to_truong = "to_truong"
    thanh_vien_to = "thanh_vien_to"
    thanh_vien_khoi = "thanh_vien_khoi"
    can_bo_phu_trach = "can_bo_phu_trach"
    giang_vien = "giang_vien"


LABELS: dict[str, str] = {
    # team roles
    "to_truong": "Tổ trưởng", "to_pho": "Tổ phó", "thanh_vien": "Thành viên",
    # village positions
    "bi_thu_chi_bo": "Bí thư chi bộ", "pho_bi_thu_chi_bo": "Phó Bí thư chi bộ", "chi_uy_vien": "Chi ủy viên",
    "dang_uy_vien_phu_trach": "Đảng ủy viên phụ trách thôn", "truong_thon": "Trưởng thôn, tổ trưởng tổ dân phố",
    "pho_truong_thon": "Phó thôn", "truong_ban_ctmt": "Trưởng ban công tác Mặt trận",
    "chi_hoi_truong": "Chi hội trưởng đoàn thể", "bi_thu_chi_doan": "Bí thư chi đoàn thanh niên",
    "chi_hoi_truong_nguoi_cao_tuoi": "Chi hội trưởng người cao tuổi", "to_truong_lien_gia": "Tổ trưởng tổ liên gia",
    "thon_doi_truong": "Thôn đội trưởng", "cong_an_vien": "Công an viên",
    "to_cong_nghe_cong_dong": "Thành viên tổ công nghệ số cộng đồng", "nguoi_co_uy_tin": "Người có uy tín",
    "gia_lang": "Già làng", "truong_dong_ho": "Trưởng dòng họ", "chuc_sac_ton_giao": "Chức sắc tôn giáo",
    "nguoi_tieu_bieu": "Người tiêu biểu", "nguoi_dan": "Người dân nhiệt tình",
    # bloc roles
    "truong_khoi": "Trưởng khối", "pho_truong_khoi": "Phó trưởng khối", "giup_viec": "Công chức giúp việc",
    # commune positions
    "bi_thu_dang_uy": "Bí thư Đảng ủy", "pho_bi_thu_thuong_truc": "Phó Bí thư Thường trực Đảng ủy",
    "pho_bi_thu": "Phó Bí thư Đảng ủy", "chu_tich_hdnd": "Chủ tịch HĐND", "pho_chu_tich_hdnd": "Phó Chủ tịch HĐND",
    "chu_tich_ubnd": "Chủ tịch UBND", "pho_chu_tich_ubnd": "Phó Chủ tịch UBND",
    "chu_tich_mttq": "Chủ tịch Ủy ban MTTQ", "chu_tich_hoi_nong_dan": "Chủ tịch Hội Nông dân",
    "chu_tich_hoi_phu_nu": "Chủ tịch Hội Liên hiệp Phụ nữ", "chu_tich_hoi_ccb": "Chủ tịch Hội Cựu chiến binh",
    "bi_thu_doan_thanh_nien": "Bí thư Đoàn Thanh niên", "chu_tich_cong_doan": "Chủ tịch Công đoàn",
    "truong_cong_an": "Trưởng Công an", "chi_huy_truong_quan_su": "Chỉ huy trưởng Quân sự",
    "cong_chuc": "Công chức", "hieu_truong": "Hiệu trưởng", "can_bo_y_te": "Cán bộ y tế", "khac": "Khác",
    # exceptions
    "khong_co_chi_bo": "Thôn chưa có chi bộ", "kiem_nhiem": "Một người kiêm nhiều chức danh",
    # model fields
    "kinh_te": "Kinh tế", "van_hoa_xa_hoi": "Văn hóa - xã hội", "quoc_phong_an_ninh": "Quốc phòng - an ninh",
    "xay_dung_he_thong_chinh_tri": "Xây dựng hệ thống chính trị",
    # agency levels
    "tinh": "Cấp tỉnh", "huyen": "Cấp huyện", "xa": "Cấp xã",
    # report kinds
    "quy": "Báo cáo quý", "6_thang": "Báo cáo 6 tháng", "nam": "Báo cáo năm", "thang": "Báo cáo tháng",
    # audiences
    "thanh_vien_to": "Thành viên Tổ Dân vận", "thanh_vien_khoi": "Thành viên Khối Dân vận",
    "can_bo_phu_trach": "Cán bộ phụ trách xã", "giang_vien": "Giảng viên, báo cáo viên",
}
