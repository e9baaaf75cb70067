"""Shared schema pieces: the base model, field helper, date type, ids and references.

Every field carries a Vietnamese title and description; the JSON Schema editors see in
VS Code, the CMS form and the documentation all come from them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from generator.core.dates import parse_vn_date


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        frozen=False,
        validate_default=False,
    )


def F(title: str, description: str, default: Any = ..., **extra: Any) -> Any:
    """A field with its Vietnamese title and description (and optional schema extras)."""
    schema_extra = {k: v for k, v in extra.items() if k.startswith("x_")}
    kwargs = {k: v for k, v in extra.items() if not k.startswith("x_")}
    if schema_extra:
        kwargs["json_schema_extra"] = {k.replace("_", "-"): v for k, v in schema_extra.items()}
    return Field(default, title=title, description=description, **kwargs)


DATE_PATTERN = (
    r"^\s*(\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{4}-\d{1,2}-\d{1,2}"
    r"|(ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*$"
)

VnDate = Annotated[
    dt.date,
    BeforeValidator(parse_vn_date),
    WithJsonSchema({"type": "string", "pattern": DATE_PATTERN, "examples": ["03/6/2013"]}),
]

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=1, max_length=120)]

# What each pattern asks for, in words an editor reads instead of the regular expression
# (the JSON Schemas' errorMessage). Every pattern a model uses needs its words here.
REPO_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)+$"  # a forge's OWNER/NAME (GitLab: groups/…)
URL_PATTERN = r"^https?://\S+$"

PATTERN_WORDS = {
    REPO_PATTERN: "tên kho trên GitHub hoặc GitLab dạng TỔ-CHỨC/TÊN-KHO, không dấu, không khoảng trắng, ví dụ “ban-dan-van-tn/so-tay”",
    URL_PATTERN: "một địa chỉ web bắt đầu bằng http:// hoặc https://, không có khoảng trắng",
    DATE_PATTERN: "một ngày viết theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 03/6/2013",
    SLUG_PATTERN: "viết chữ thường không dấu, không có khoảng trắng, các chữ nối bằng gạch ngang, ví dụ “xa-phuc-son”",
}


@dataclass(frozen=True)
class RefTo:
    """Marks a string field as the id of another record; `integrity` checks it resolves."""

    kind: str  # unit, person, document, model, team, topic, qa, module


def _ref(kind: str, what: str):
    return Annotated[
        str,
        RefTo(kind),
        Field(pattern=SLUG_PATTERN, json_schema_extra={"x-ref": kind, "x-ref-label": what}),
    ]


UnitRef = _ref("unit", "mã đơn vị hành chính")
PersonRef = _ref("person", "mã người")
DocumentRef = _ref("document", "mã văn bản")
ModelRef = _ref("model", "mã mô hình")
TeamRef = _ref("team", "mã tổ")
TopicRef = _ref("topic", "mã chủ đề")
QARef = _ref("qa", "mã câu hỏi")
ModuleRef = _ref("module", "mã chuyên đề")

Markdown = Annotated[str, Field(json_schema_extra={"x-format": "markdown"})]


class Citation(Model):
    """A clause of a registered document."""

    doc: DocumentRef = F("Văn bản", "Mã của văn bản trong sổ văn bản (data/documents.yml).")
    section: str | None = F(
        "Mục, điểm",
        "Mã mục hoặc điểm của văn bản, theo danh sách mục khai trong sổ văn bản, ví dụ “P2.III.2”.",
        None,
    )
    note: str | None = F("Ghi chú", "Ghi chú thêm về chỗ trích dẫn.", None)


class Photo(Model):
    file: str = F("Tệp ảnh", "Đường dẫn tệp ảnh, tính từ thư mục data/.")
    caption: str | None = F("Chú thích", "Chú thích đầy đủ: việc gì, ở đâu, khi nào, ai tham gia.", None)
    approved: bool = F("Đã kiểm duyệt", "Ảnh đã được kiểm duyệt, thẩm định trước khi đăng.", False)
    approved_by: str | None = F("Người/đơn vị duyệt", "Ai đã kiểm duyệt ảnh.", None)
    approved_on: VnDate | None = F("Ngày duyệt", "Ngày kiểm duyệt ảnh.", None)
    publish: bool = F("Đăng công khai", "Đưa ảnh lên trang công khai (chỉ khi đã có chú thích và đã duyệt).", False)
