"""The registry of legal and Party documents. Identity is number plus date: Party numbers
restart each term, so "25-NQ/TW" alone is not unique."""

from __future__ import annotations

from typing import Literal

from generator.schema.common import F, Model, Slug, VnDate

DocumentKind = Literal[
    "NQ", "KL", "QĐ", "QĐi", "CT", "HD", "TB", "CTr", "KH", "ĐA", "QC", "BC", "CV", "TTr", "NĐ", "TT", "Luật", "Bài",
]
KIND_LABELS = {
    "NQ": "Nghị quyết", "KL": "Kết luận", "QĐ": "Quyết định", "QĐi": "Quy định", "CT": "Chỉ thị",
    "HD": "Hướng dẫn", "TB": "Thông báo", "CTr": "Chương trình", "KH": "Kế hoạch", "ĐA": "Đề án",
    "QC": "Quy chế", "BC": "Báo cáo", "CV": "Công văn", "TTr": "Tờ trình", "NĐ": "Nghị định",
    "TT": "Thông tư", "Luật": "Luật", "Bài": "Bài viết",
}

Scope = Literal["trung_uong", "nha_nuoc", "tinh", "huyen", "xa"]


class Section(Model):
    id: str = F("Mã mục", "Mã mục dùng khi trích dẫn, ví dụ “P2.III.2” (Phần thứ hai, mục III, điểm 2).")
    title: str = F("Tên mục", "Tên hoặc nội dung chính của mục.")


class Document(Model):
    id: Slug = F("Mã văn bản", "Mã dùng để trích dẫn văn bản này, viết thường không dấu, ví dụ “nq-25-tw-2013”.")
    number: str | None = F("Số, ký hiệu", "Số và ký hiệu như in trên văn bản, ví dụ “25-NQ/TW” hoặc “33/CT-TTg”. Để trống nếu văn bản không có số.", None)
    kind: DocumentKind = F("Loại văn bản", "Mã loại: NQ, KL, QĐ, QĐi (Quy định), CT, HD, TB, CTr, KH, ĐA, QC, BC, CV, TTr, NĐ, TT, Luật, Bài.")
    issuer: str = F("Cơ quan ban hành", "Cơ quan ban hành, ví dụ “Ban Chấp hành Trung ương Đảng”.")
    date: VnDate | None = F("Ngày ban hành", "Ngày ban hành, dạng ngày/tháng/năm.", None)
    title: str = F("Trích yếu", "Trích yếu nội dung văn bản.")
    scope: Scope = F("Phạm vi", "trung_uong, nha_nuoc, tinh, huyen hoặc xa.")
    place: str | None = F("Địa phương", "Tỉnh hoặc địa phương ban hành, với văn bản địa phương.", None)
    short_name: str | None = F("Tên ngắn", "Tên ngắn dùng trong sổ tay, ví dụ “Đề án Tổ DVCĐ Bắc Giang”.", None)
    source_file: str | None = F("Tệp nguồn", "Tên tệp văn bản gốc trong thư mục seeds, nếu có.", None)
    sections: list[Section] = F("Các mục", "Các mục được đánh số của văn bản, để trích dẫn đến từng mục.", [])
    note: str | None = F("Ghi chú", "Ghi chú, ví dụ văn bản đã được thay thế.", None)


class DocumentsFile(Model):
    documents: list[Document] = F("Văn bản", "Sổ văn bản được trích dẫn trong sổ tay.")
