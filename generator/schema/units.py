"""Administrative units: a hierarchy held in data (province → district when the scheme has
one → commune → thôn / tổ dân phố), with codes paired with their scheme and former names."""

from __future__ import annotations

from generator.schema.common import F, Model, Slug, UnitRef, VnDate


class UnitCode(Model):
    scheme: str = F("Hệ mã", "Hệ mã mà mã số này thuộc về, ví dụ “tk-2004” (mã Tổng cục Thống kê trước 2025) hoặc “tk-2025”. Mã số chỉ có nghĩa khi đi cùng hệ mã.")
    code: str = F("Mã số", "Mã số của đơn vị trong hệ mã đó.")


class FormerName(Model):
    name: str = F("Tên cũ", "Tên đơn vị trước đây, ví dụ “huyện Tân Yên”.")
    until: VnDate | None = F("Dùng đến ngày", "Ngày cuối cùng tên này còn dùng.", None)
    since: VnDate | None = F("Dùng từ ngày", "Ngày bắt đầu dùng tên này.", None)
    note: str | None = F("Ghi chú", "Ghi chú, ví dụ văn bản sắp xếp đơn vị hành chính.", None)


class Successor(Model):
    unit: UnitRef | None = F("Đơn vị mới", "Mã đơn vị mà đơn vị này nhập vào (nay là …), nếu có trong dữ liệu.", None)
    name: str | None = F("Tên đơn vị mới", "Tên đơn vị mới nếu không có trong dữ liệu.", None)
    date: VnDate | None = F("Từ ngày", "Ngày sắp xếp có hiệu lực, ví dụ 01/7/2025.", None)
    note: str | None = F("Ghi chú", "Văn bản hoặc ghi chú về việc sắp xếp.", None)


class Unit(Model):
    id: Slug = F("Mã đơn vị", "Mã duy nhất của đơn vị, viết thường không dấu, ví dụ “tan-yen-phuc-son”.")
    kind: str = F("Loại đơn vị", "Loại đơn vị theo cấu hình: tinh, huyen, thanh_pho, thi_xa, xa, phuong, thi_tran, thon, to_dan_pho, ban…")
    name: str = F("Tên", "Tên riêng của đơn vị, không kèm chữ chỉ loại, ví dụ “Phúc Sơn”.", min_length=1)
    parent: UnitRef | None = F("Đơn vị cấp trên", "Mã đơn vị cấp trên trực tiếp; để trống với tỉnh.", None)
    codes: list[UnitCode] = F("Mã số", "Mã số thống kê, mỗi mã kèm hệ mã của nó.", [])
    former_names: list[FormerName] = F("Tên cũ", "Các tên trước đây, kèm ngày.", [])
    became: Successor | None = F("Nay là", "Đơn vị này đã được sắp xếp, nhập vào đơn vị khác.", None)
    sample: bool = F("Dữ liệu mẫu", "Tên đơn vị là hư cấu, chỉ dùng cho dữ liệu mẫu.", False)


class UnitsFile(Model):
    units: list[Unit] = F("Đơn vị hành chính", "Danh sách đơn vị hành chính, mỗi đơn vị ghi đơn vị cấp trên của nó.")
