"""Publications: which printed editions exist and what each selects (`data/publications.yml`)."""

from __future__ import annotations

from typing import Literal

from generator.schema.common import F, Model, ModuleRef, Slug, TopicRef
from generator.schema.roles import Audience

PublicationKind = Literal[
    "handbook", "module_handout", "trainer_guide", "quiz_sheet", "answer_key", "sign_in_sheet", "certificate",
]


class Publication(Model):
    id: Slug = F("Mã ấn phẩm", "Mã, cũng là tên tệp PDF (với ấn phẩm theo chuyên đề: <mã>-<mã chuyên đề>.pdf).")
    kind: PublicationKind = F(
        "Loại", "handbook (sổ tay hỏi – đáp), module_handout (tài liệu học viên), trainer_guide (hướng dẫn giảng viên), "
        "quiz_sheet (đề kiểm tra), answer_key (đáp án), sign_in_sheet (danh sách ký tên), certificate (giấy chứng nhận).")
    title: str = F("Tên ấn phẩm", "Tên in trên bìa.")
    subtitle: str | None = F("Tên phụ", "Dòng phụ dưới tên.", None)
    paper: Literal["A4", "A5"] = F("Khổ giấy", "A4 hoặc A5.", "A4")
    booklet: bool = F("Đóng cuốn", "In thành cuốn: mỗi chương bắt đầu ở trang phải, lề trong rộng hơn.", False)
    topics: list[TopicRef] = F("Chủ đề", "Chỉ lấy các chủ đề này (để trống: mọi chủ đề).", [])
    audiences: list[Audience] = F("Đối tượng", "Chỉ lấy câu hỏi dành cho các đối tượng này (để trống: mọi câu hỏi).", [])
    modules: list[ModuleRef] = F(
        "Chuyên đề", "Với ấn phẩm theo chuyên đề: các mã chuyên đề, mỗi chuyên đề một tệp (để trống: mọi chuyên đề).", [])
    index: bool = F("Chỉ mục", "In chỉ mục thuật ngữ ở cuối sổ tay.", False)
    glossary: bool = F("Phụ lục thuật ngữ", "In phụ lục giải thích thuật ngữ.", False)
    issuer: str = F("Cơ quan ban hành", "Cơ quan biên soạn, ban hành, in trên bìa.")
    place: str = F("Nơi ban hành", "Địa danh in trên bìa, ví dụ “Bắc Giang”.")
    year: int = F("Năm", "Năm xuất bản.", ge=2000, le=2100)
    edition: int = F("Lần xuất bản", "Lần xuất bản (1, 2, …).", 1, ge=1)
    rows: int = F("Số dòng", "Số dòng trống của danh sách ký tên.", 20, ge=1, le=60)


class PublicationsFile(Model):
    publications: list[Publication] = F("Ấn phẩm", "Các ấn phẩm in.")
