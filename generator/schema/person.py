"""People: names kept apart, consent, and every personal field's visibility declared once.

Visibility (the `x-visibility` of each field) is read by the page producers:
- public: shown in every build;
- consent: shown in the public build only where `consent_to_publish` is true;
- internal: shown only with `--profile internal`.
"""

from __future__ import annotations

from typing import Literal

from generator.schema.common import F, Model, Slug, VnDate

PUBLIC, CONSENT, INTERNAL = "public", "consent", "internal"


class Person(Model):
    id: Slug = F("Mã người", "Mã duy nhất của người này trong toàn bộ dữ liệu, viết thường không dấu, nối bằng gạch ngang.")
    family_name: str = F("Họ", "Họ, ví dụ “Nguyễn”.", x_visibility=CONSENT, min_length=1)
    middle_name: str | None = F("Tên đệm", "Tên đệm (có thể để trống hoặc gồm nhiều chữ), ví dụ “Thị Thu”.", None, x_visibility=CONSENT)
    given_name: str = F("Tên", "Tên gọi, ví dụ “Hồng”.", x_visibility=CONSENT, min_length=1)
    gender: Literal["nam", "nu"] | None = F("Giới tính", "nam hoặc nu.", None, x_visibility=INTERNAL)
    birth_year: int | None = F("Năm sinh", "Năm sinh.", None, x_visibility=INTERNAL, ge=1900, le=2100)
    ethnicity: str | None = F("Dân tộc", "Dân tộc (thông tin nhạy cảm, không bao giờ công khai).", None, x_visibility=INTERNAL)
    religion: str | None = F("Tôn giáo", "Tôn giáo (thông tin nhạy cảm, không bao giờ công khai).", None, x_visibility=INTERNAL)
    party_member: bool | None = F("Đảng viên", "Là đảng viên hay không (không bao giờ công khai).", None, x_visibility=INTERNAL)
    id_number: str | None = F("Số CCCD", "Số căn cước công dân (không bao giờ công khai).", None, x_visibility=INTERNAL)
    phone: str | None = F("Điện thoại", "Số điện thoại cá nhân (không bao giờ công khai).", None, x_visibility=INTERNAL)
    email: str | None = F("Thư điện tử", "Thư điện tử cá nhân.", None, x_visibility=INTERNAL)
    address: str | None = F("Địa chỉ", "Nơi ở.", None, x_visibility=INTERNAL)
    office_phone: str | None = F("Điện thoại cơ quan", "Số điện thoại nơi làm việc (được công khai).", None, x_visibility=PUBLIC)
    office_email: str | None = F("Thư điện tử cơ quan", "Thư điện tử công vụ (được công khai).", None, x_visibility=PUBLIC)
    consent_to_publish: bool = F(
        "Đồng ý công khai họ tên",
        "Người này đã đồng ý cho đăng họ tên trên trang công khai. Nếu không, trang chỉ ghi chức danh.",
        False, x_visibility=INTERNAL,
    )
    consent_date: VnDate | None = F("Ngày đồng ý", "Ngày ghi nhận sự đồng ý công khai.", None, x_visibility=INTERNAL)
    sample: bool = F("Dữ liệu mẫu", "Người hư cấu trong dữ liệu mẫu.", False, x_visibility=PUBLIC)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.family_name, self.middle_name, self.given_name) if p)


def visibility_of(model: type[Model], field_name: str) -> str:
    extra = model.model_fields[field_name].json_schema_extra or {}
    return extra.get("x-visibility", PUBLIC) if isinstance(extra, dict) else PUBLIC

