"""Tổ Dân vận cộng đồng: one file per team (Đề án Tổ DVCĐ Bắc Giang, Phần thứ hai, mục III)."""

from __future__ import annotations

from generator.schema.common import F, Markdown, Model, PersonRef, Photo, Slug, UnitRef, VnDate
from generator.schema.person import Person
from generator.schema.roles import TeamException, TeamRole, VillagePosition


class FoundingDecision(Model):
    number: str = F("Số quyết định", "Số, ký hiệu quyết định thành lập, ví dụ “125-QĐ/ĐU”.")
    date: VnDate = F("Ngày quyết định", "Ngày ký quyết định thành lập.")
    issuer: str = F("Cấp ủy ban hành", "Đảng ủy cấp xã ra quyết định, ví dụ “Đảng ủy xã Phúc Sơn”.")


class TeamMember(Person):
    team_role: TeamRole = F("Vai trò trong Tổ", "to_truong (tổ trưởng), to_pho (tổ phó) hoặc thanh_vien.")
    positions: list[VillagePosition] = F(
        "Chức danh ở thôn", "Các chức danh người này đang giữ ở thôn, ví dụ [bi_thu_chi_bo]. Một người có thể giữ nhiều chức danh.", []
    )


class Group(Model):
    name: str = F("Tên nhóm", "Tên nhóm, thường theo tổ liên gia hoặc địa bàn, ví dụ “Nhóm 1 – xóm Đình”.")
    leader: PersonRef = F("Nhóm trưởng", "Mã người làm nhóm trưởng; phải là thành viên của nhóm.")
    members: list[PersonRef] = F("Thành viên nhóm", "Mã các thành viên trong nhóm (gồm cả nhóm trưởng), 3 đến 5 người.")
    households: int = F("Số hộ phụ trách", "Số hộ gia đình nhóm phụ trách, 30 đến 50 hộ.", ge=0)
    area: str | None = F("Địa bàn", "Địa bàn dân cư nhóm phụ trách.", None)


class Rating(Model):
    year: int = F("Năm", "Năm được đánh giá.", ge=2000, le=2100)
    grade: str = F("Xếp loại", "Mã mức xếp loại theo thang trong cấu hình, ví dụ “tot”.")
    note: str | None = F("Ghi chú", "Nhận xét kèm theo.", None)


class Meeting(Model):
    date: VnDate = F("Ngày họp", "Ngày họp Tổ.")
    attendees: int | None = F("Số người dự", "Số thành viên dự họp.", None, ge=0)
    content: str | None = F("Nội dung", "Nội dung chính của cuộc họp.", None)


class TeamActivity(Model):
    date: VnDate = F("Ngày", "Ngày diễn ra hoạt động.")
    title: str = F("Tên hoạt động", "Tên ngắn của hoạt động.")
    content: Markdown | None = F("Nội dung", "Mô tả hoạt động và kết quả.", None)
    participants: int | None = F("Số người tham gia", "Số người tham gia.", None, ge=0)
    photos: list[Photo] = F("Ảnh", "Ảnh hoạt động.", [])


class Team(Model):
    id: Slug = F("Mã tổ", "Mã duy nhất của Tổ, ví dụ “to-phuc-son-thon-dong”.")
    village: UnitRef = F("Thôn, tổ dân phố", "Mã thôn hoặc tổ dân phố mà Tổ hoạt động. Mỗi thôn chỉ có một Tổ.")
    founding_decision: FoundingDecision = F("Quyết định thành lập", "Quyết định thành lập của đảng ủy cấp xã.")
    exceptions: list[TeamException] = F(
        "Trường hợp đặc biệt",
        "Ghi rõ nếu thôn chưa có chi bộ (khong_co_chi_bo) hoặc một người kiêm nhiều chức danh (kiem_nhiem); khi đó tổ trưởng có thể là chi ủy viên hoặc trưởng thôn.",
        [],
    )
    exception_note: str | None = F("Giải thích", "Giải thích trường hợp đặc biệt.", None)
    members: list[TeamMember] = F("Thành viên", "Danh sách thành viên Tổ, kể cả tổ trưởng và tổ phó.")
    groups: list[Group] = F("Các nhóm", "Các nhóm theo địa bàn dân cư.", [])
    zalo_group: bool = F("Có nhóm Zalo", "Tổ đã lập nhóm Zalo để trao đổi, báo cáo.", False)
    ratings: list[Rating] = F("Xếp loại hằng năm", "Kết quả đánh giá, xếp loại từng năm.", [])
    meetings: list[Meeting] = F("Họp Tổ", "Các cuộc họp hằng tháng.", [])
    activities: list[TeamActivity] = F("Hoạt động", "Các hoạt động tiêu biểu.", [])
    sample: bool = F("Dữ liệu mẫu", "Tổ hư cấu trong dữ liệu mẫu.", False)
