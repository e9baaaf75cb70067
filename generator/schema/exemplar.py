"""Mô hình “Dân vận khéo”: one file per model (Bài Tổ dân vận Hải Dương; CV 121-CV/ĐU)."""

from __future__ import annotations

from generator.schema.common import Citation, F, Markdown, Model, Photo, Slug, TeamRef, UnitRef, VnDate
from generator.schema.roles import ModelField


class Result(Model):
    value: float = F("Giá trị", "Con số kết quả, ví dụ 2.8.")
    unit: str = F("Đơn vị tính", "Đơn vị tính, ví dụ “km”, “ha”, “người”.")
    what: str = F("Nội dung", "Kết quả đo cái gì, ví dụ “đường giao thông nội đồng đạt tiêu chí”.")
    approximate: bool = F("Xấp xỉ", "Con số là “trên”, “khoảng”.", False)


class Recognition(Model):
    title: str = F("Hình thức", "Hình thức khen thưởng, công nhận.")
    by: str = F("Cơ quan", "Cơ quan khen thưởng, công nhận.")
    date: VnDate | None = F("Ngày", "Ngày khen thưởng.", None)
    year: int | None = F("Năm", "Năm khen thưởng nếu không rõ ngày.", None)


class Period(Model):
    start: int = F("Từ năm", "Năm bắt đầu.", ge=1945, le=2100)
    end: int | None = F("Đến năm", "Năm kết thúc; để trống nếu đang thực hiện.", None, ge=1945, le=2100)


class Exemplar(Model):
    id: Slug = F("Mã mô hình", "Mã duy nhất của mô hình.")
    name: str = F("Tên mô hình", "Tên mô hình, ví dụ “Vận động nhân dân góp sức làm đường giao thông nội đồng”.")
    field: ModelField = F("Lĩnh vực", "kinh_te, van_hoa_xa_hoi, quoc_phong_an_ninh hoặc xay_dung_he_thong_chinh_tri.")
    implementer: str = F("Đơn vị thực hiện", "Tập thể thực hiện mô hình, ví dụ “Tổ dân vận thôn Lại Xá”.")
    units: list[UnitRef] = F("Địa bàn", "Mã các đơn vị hành chính nơi thực hiện mô hình.", [])
    place: str | None = F("Nơi thực hiện", "Tên địa bàn khi không có trong danh sách đơn vị, ví dụ “thôn Lại Xá, xã Thanh Thủy, huyện Thanh Hà, tỉnh Hải Dương”.", None)
    team: TeamRef | None = F("Tổ Dân vận", "Mã Tổ Dân vận cộng đồng thực hiện, nếu có.", None)
    period: Period = F("Thời gian", "Thời gian thực hiện.")
    summary: str = F("Tóm tắt", "Một hai câu giới thiệu mô hình.")
    results: list[Result] = F("Kết quả", "Kết quả đo được.", [])
    recognition: list[Recognition] = F("Khen thưởng", "Khen thưởng, công nhận.", [])
    story: Markdown | None = F("Câu chuyện", "Câu chuyện mô hình, viết bằng Markdown.", None)
    photos: list[Photo] = F("Ảnh", "Ảnh mô hình.", [])
    sources: list[Citation] = F("Nguồn", "Văn bản, bài viết nói về mô hình.", [])
    replicated_in: list[UnitRef] = F("Nhân rộng tại", "Nơi mô hình đã được nhân rộng.", [])
    real: bool = F("Mô hình có thật", "Mô hình có thật, lấy từ văn bản nguồn (không phải dữ liệu mẫu).", False)
    sample: bool = F("Dữ liệu mẫu", "Mô hình hư cấu trong dữ liệu mẫu.", False)
