"""Cơ quan, đơn vị phụ trách xã: one file per assigned Party cell or committee
(HD 02-HD/BDVTU Tuyên Quang)."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from generator.schema.common import F, Markdown, Model, Photo, Slug, UnitRef, VnDate
from generator.schema.roles import AgencyLevel, ReportKind


class Agency(Model):
    name: str = F("Tên cơ quan", "Tên cơ quan, đơn vị, ví dụ “Sở Nông nghiệp và Phát triển nông thôn”.")
    party_org: str = F("Tổ chức đảng", "Chi bộ hoặc đảng bộ cơ quan được phân công, ví dụ “Chi bộ Sở Tư pháp”.")
    level: AgencyLevel = F("Cấp", "tinh, huyen hoặc xa.")
    district: UnitRef | None = F("Huyện", "Với cơ quan cấp huyện: mã huyện.", None)
    reports_to: str | None = F("Báo cáo về", "Cấp ủy cấp trên nhận báo cáo, ví dụ “Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh”.", None)


class AssignmentActivity(Model):
    date: VnDate = F("Ngày", "Ngày tham gia hoạt động tại cơ sở (thứ Bảy hoặc Chủ nhật).")
    commune: UnitRef = F("Xã", "Mã xã nơi hoạt động.")
    village: UnitRef | None = F("Thôn", "Mã thôn nơi hoạt động.", None)
    content: Markdown = F("Nội dung", "Việc đã làm cùng Nhân dân.")
    participants: int = F("Số người tham gia", "Số cán bộ, đảng viên tham gia.", ge=0)
    photos: list[Photo] = F("Ảnh", "Ảnh hoạt động, phải có chú thích đầy đủ và được kiểm duyệt trước khi đăng.", [])


class FiledReport(Model):
    kind: ReportKind = F("Kỳ báo cáo", "thang, quy, 6_thang hoặc nam.")
    year: int = F("Năm", "Năm của kỳ báo cáo.", ge=2000, le=2100)
    number: int | None = F("Tháng hoặc quý", "Tháng (1–12) với báo cáo tháng, quý (1–4) với báo cáo quý.", None, ge=1, le=12)
    filed: VnDate = F("Ngày gửi", "Ngày gửi báo cáo.")

    @model_validator(mode="after")
    def _number_fits(self) -> "FiledReport":
        if self.kind in (ReportKind.thang, ReportKind.quy) and self.number is None:
            raise ValueError("Báo cáo tháng hoặc quý phải ghi number (tháng hoặc quý)")
        if self.kind is ReportKind.quy and self.number is not None and self.number > 4:
            raise ValueError("Quý chỉ từ 1 đến 4.")
        return self


class Assignment(Model):
    id: Slug = F("Mã phân công", "Mã duy nhất, ví dụ “pc-so-tu-phap”.")
    agency: Agency = F("Cơ quan", "Cơ quan, đơn vị được phân công.")
    communes: list[UnitRef] = F("Xã phụ trách", "Mã các xã được phân công phụ trách (ít nhất 1, trừ đơn vị được miễn).", [])
    exemption: Literal["truc_san_sang_chien_dau"] | None = F(
        "Miễn phân công", "truc_san_sang_chien_dau: đơn vị làm nhiệm vụ trực sẵn sàng chiến đấu được miễn.", None
    )
    since: VnDate | None = F("Phụ trách từ", "Ngày bắt đầu phụ trách.", None)
    activities: list[AssignmentActivity] = F("Hoạt động tại cơ sở", "Các lần tham gia hoạt động với Nhân dân.", [])
    reports: list[FiledReport] = F("Báo cáo đã gửi", "Các báo cáo đã gửi cấp ủy cấp trên.", [])
    note: Markdown | None = F("Ghi chú", "Ghi chú.", None)
    sample: bool = F("Dữ liệu mẫu", "Phân công hư cấu trong dữ liệu mẫu.", False)
