"""Khối Dân vận cơ sở: one file per commune bloc (Đề án Khối DVCS Bắc Kạn)."""

from __future__ import annotations

from typing import Literal

from generator.schema.common import F, Model, Slug, UnitRef, VnDate
from generator.schema.person import INTERNAL, Person
from generator.schema.roles import BlocRole, CommunePosition


class Training(Model):
    trained: bool = F("Đã tập huấn", "Đã qua tập huấn kỹ năng, nghiệp vụ công tác dân vận.")
    date: VnDate | None = F("Ngày tập huấn", "Ngày hoàn thành lớp gần nhất.", None)
    course: str | None = F("Lớp", "Tên lớp tập huấn.", None)
    languages: list[str] = F("Tiếng dân tộc", "Tiếng dân tộc đã học, ví dụ [Mông, Dao].", [], x_visibility=INTERNAL)


class BlocMember(Person):
    bloc_role: BlocRole = F("Vai trò trong Khối", "truong_khoi, pho_truong_khoi, thanh_vien hoặc giup_viec.")
    position: CommunePosition = F("Chức vụ", "Chức vụ ở xã, ví dụ pho_bi_thu_thuong_truc, chu_tich_mttq.")
    duties: str | None = F("Nhiệm vụ được phân công", "Nhiệm vụ cụ thể được phân công trong Khối.", None)
    training: Training | None = F("Tập huấn", "Tình trạng tập huấn của thành viên.", None)


class BlocRules(Model):
    adopted: VnDate = F("Ngày ban hành", "Ngày ban hành quy chế hoạt động của Khối.")
    number: str | None = F("Số", "Số, ký hiệu quy chế.", None)


class Dialogue(Model):
    date: VnDate = F("Ngày", "Ngày đối thoại.")
    topic: str = F("Chủ đề", "Chủ đề đối thoại.")
    chaired_by: str = F("Chủ trì", "Chức danh người đứng đầu chủ trì, ví dụ “Bí thư Đảng ủy, Chủ tịch UBND xã”.")
    participants: int | None = F("Số người dân", "Số người dân tham dự.", None, ge=0)


class Briefing(Model):
    date: VnDate = F("Ngày", "Ngày giao ban.")
    kind: Literal["thang", "quy", "nam", "dot_xuat"] = F("Loại", "thang, quy, nam hoặc dot_xuat.")
    note: str | None = F("Ghi chú", "Nội dung chính.", None)


class Bloc(Model):
    id: Slug = F("Mã khối", "Mã duy nhất của Khối, ví dụ “khoi-phuc-son”.")
    commune: UnitRef = F("Đơn vị cấp xã", "Mã đơn vị cấp xã (xã, phường, thị trấn hay đặc khu) của Khối.")
    members: list[BlocMember] = F("Thành viên", "Thành viên Khối, từ 7 đến 13 người.")
    rules: BlocRules | None = F("Quy chế hoạt động", "Quy chế hoạt động của Khối đã ban hành.", None)
    dialogues: list[Dialogue] = F("Đối thoại", "Các cuộc tiếp xúc, đối thoại trực tiếp với Nhân dân.", [])
    briefings: list[Briefing] = F("Giao ban", "Các cuộc giao ban định kỳ hoặc đột xuất.", [])
    pilot: bool = F("Khối làm điểm", "Khối được chọn xây dựng mô hình điểm (mục tiêu 5).", False)
    sample: bool = F("Dữ liệu mẫu", "Khối hư cấu trong dữ liệu mẫu.", False)
