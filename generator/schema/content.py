"""The handbook's content: Q&A items (Markdown with front matter), training modules, topics
and the glossary. See docs/content-format.md for how editors write them."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from generator.schema.common import Citation, F, Markdown, Model, ModelRef, QARef, Slug, TopicRef
from generator.schema.roles import Audience


class Topic(Model):
    id: Slug = F("Mã chủ đề", "Mã chủ đề.")
    title: str = F("Tên chủ đề", "Tên chủ đề hiển thị.")
    description: str | None = F("Giới thiệu", "Một câu giới thiệu chủ đề.", None)
    order: int = F("Thứ tự", "Thứ tự hiển thị.", 0)


class TopicsFile(Model):
    topics: list[Topic] = F("Chủ đề", "Các chủ đề của ngân hàng hỏi – đáp.")


class QAFrontMatter(Model):
    id: Slug = F("Mã câu hỏi", "Mã duy nhất, trùng với tên tệp, ví dụ “to-dvcd-thanh-phan”.")
    question: str = F("Câu hỏi", "Câu hỏi, kết thúc bằng dấu hỏi.")
    topic: TopicRef = F("Chủ đề", "Mã chủ đề trong content/topics.yml.")
    audiences: list[Audience] = F("Đối tượng", "Ai cần câu hỏi này: to_truong, thanh_vien_to, thanh_vien_khoi, can_bo_phu_trach, giang_vien.", min_length=1)
    sources: list[Citation] = F("Căn cứ", "Văn bản và mục làm căn cứ cho câu trả lời.", min_length=1)
    related: list[QARef] = F("Câu hỏi liên quan", "Mã các câu hỏi liên quan.", [])
    keywords: list[str] = F("Từ khóa", "Từ khóa giúp tìm kiếm.", [])
    order: int = F("Thứ tự", "Thứ tự trong chủ đề.", 0)


class QAItem(QAFrontMatter):
    answer: Markdown = F("Trả lời", "Câu trả lời (phần thân tệp Markdown).")


class OutlineStep(Model):
    title: str = F("Nội dung", "Phần của buổi học.")
    minutes: int = F("Thời lượng (phút)", "Số phút.", ge=1)
    method: str | None = F("Phương pháp", "Cách tổ chức: thuyết trình, thảo luận nhóm, đóng vai…", None)
    kind: Literal["hoc", "nghi"] = F("Loại", "hoc (phần học, mặc định) hoặc nghi (giải lao).", "hoc")


MaterialRef = Slug


class Material(Model):
    """A worksheet, role card, observation sheet or template a session uses: printed with the
    handout (for trainees) or the trainer guide (for the trainer only, e.g. secret role cards)."""
    id: Slug = F("Mã tài liệu", "Mã duy nhất trong chuyên đề, ví dụ “phieu-quan-sat”.")
    kind: Literal["phieu", "the_vai", "mau", "bang_kiem", "so_do"] = F(
        "Loại", "phieu (phiếu bài tập, phiếu tự đánh giá), the_vai (thẻ vai), mau (biểu mẫu, khung văn bản), "
        "bang_kiem (bảng kiểm, phiếu quan sát), so_do (sơ đồ, bản đồ giả định).")
    title: str = F("Tên tài liệu", "Tên in ở đầu tài liệu, ví dụ “Phiếu quan sát sáu ô”.")
    audience: Literal["hoc_vien", "giang_vien"] = F(
        "In cho", "hoc_vien: in kèm tài liệu phát tay; giang_vien: chỉ in trong tài liệu cho giảng viên (ví dụ thẻ vai kín).",
        "hoc_vien")
    body: Markdown = F("Nội dung", "Nội dung tài liệu: bảng, ô trống để điền, hướng dẫn dùng.")


class Activity(Model):
    kind: Literal["thao_luan", "dong_vai", "tinh_huong", "thuc_hanh", "tro_choi"] = F(
        "Loại hoạt động", "thao_luan, dong_vai (đóng vai), tinh_huong (nghiên cứu tình huống), thuc_hanh (cầm tay chỉ việc), tro_choi.")
    title: str = F("Tên hoạt động", "Tên hoạt động.")
    minutes: int = F("Thời lượng (phút)", "Số phút.", ge=1)
    instructions: Markdown = F("Hướng dẫn", "Cách tiến hành, từng bước.")
    materials: list[MaterialRef] = F("Tài liệu dùng", "Mã các tài liệu (phiếu, thẻ vai, mẫu) trong mục “materials” của chuyên đề mà hoạt động dùng.", [])


class CaseStudy(Model):
    model: ModelRef = F("Mô hình", "Mã mô hình “Dân vận khéo” trong data/models.")
    prompt: Markdown = F("Yêu cầu", "Câu hỏi, nhiệm vụ cho học viên khi phân tích mô hình.")


class Option(Model):
    text: str = F("Phương án", "Nội dung phương án.")
    correct: bool = F("Đúng", "Phương án đúng.", False)


class QuizItem(Model):
    id: Slug = F("Mã câu", "Mã câu hỏi kiểm tra, duy nhất trong chuyên đề.")
    kind: Literal["mcq", "true_false", "short_answer"] = F("Dạng", "mcq (trắc nghiệm), true_false (đúng/sai), short_answer (trả lời ngắn).")
    question: str = F("Câu hỏi", "Nội dung câu hỏi.")
    options: list[Option] = F("Phương án", "Các phương án (chỉ với mcq), đúng một phương án đúng.", [])
    answer: bool | list[str] | None = F(
        "Đáp án", "Với true_false: true hoặc false. Với short_answer: danh sách các cách trả lời được chấp nhận.", None)
    explanation: str = F("Giải thích", "Vì sao đáp án đúng.")
    source: Citation = F("Căn cứ", "Văn bản và mục làm căn cứ.")

    @model_validator(mode="after")
    def _shape(self) -> "QuizItem":
        if self.kind == "mcq" and len(self.options) < 2:
            raise ValueError("Câu trắc nghiệm cần ít nhất 2 phương án")
        if self.kind == "true_false" and not isinstance(self.answer, bool):
            raise ValueError("Câu đúng/sai cần answer: true hoặc false")
        if self.kind == "short_answer" and not (isinstance(self.answer, list) and self.answer):
            raise ValueError("Câu trả lời ngắn cần answer là danh sách đáp án được chấp nhận")
        return self


class Module(Model):
    id: Slug = F("Mã chuyên đề", "Mã duy nhất, trùng với tên tệp.")
    title: str = F("Tên chuyên đề", "Tên chuyên đề tập huấn.")
    audiences: list[Audience] = F("Đối tượng", "Học viên của chuyên đề.", min_length=1)
    duration_minutes: int = F("Thời lượng (phút)", "Tổng thời lượng.", ge=1)
    objectives: list[str] = F("Mục tiêu", "Sau buổi học, học viên làm được gì.", min_length=1)
    outline: list[OutlineStep] = F("Tiến trình", "Các phần của buổi học với thời lượng.", min_length=1)
    activities: list[Activity] = F("Hoạt động", "Hoạt động thực hành, thảo luận, đóng vai.", [])
    materials: list[Material] = F("Phiếu, thẻ vai, biểu mẫu", "Tài liệu in kèm để tổ chức hoạt động.", [])
    handout: Markdown = F("Tài liệu phát tay", "Nội dung tài liệu phát cho học viên.")
    case_studies: list[CaseStudy] = F("Tình huống, mô hình", "Phân tích mô hình thật trong dữ liệu.", [])
    quiz: list[QuizItem] = F("Câu hỏi kiểm tra", "Ít nhất 10 câu.", [])
    trainer_notes: Markdown = F("Ghi chú cho giảng viên", "Lưu ý khi giảng.")
    sources: list[Citation] = F("Căn cứ", "Văn bản làm căn cứ cho chuyên đề.", min_length=1)
    order: int = F("Thứ tự", "Thứ tự chuyên đề.", 0)


class GlossaryTerm(Model):
    term: str = F("Thuật ngữ", "Thuật ngữ hoặc chữ viết tắt.")
    definition: str = F("Giải thích", "Giải thích ngắn gọn.")
    abbreviation: str | None = F("Viết tắt", "Dạng viết tắt, nếu có.", None)
    source: Citation | None = F("Căn cứ", "Văn bản định nghĩa thuật ngữ.", None)


class GlossaryFile(Model):
    terms: list[GlossaryTerm] = F("Thuật ngữ", "Các thuật ngữ.")
