"""The finding-code catalogue: takes nothing, gives every code the stages other than the rules
can emit, each with its default severity, a one-line Vietnamese title and the stage that emits it.

The rules (generator/checks/rules/) declare their own codes in their registry, with title,
severity and source clause; `generator.checks.catalogue.all_codes()` merges those in, so no code
is written twice. The emitting modules keep their code strings where the findings are made;
tests/test_finding_codes.py ties the two together: it fails when a stage emits or names a code
declared nowhere, when a code declared here is no longer emitted by the stage it names, or when
a finding's severity differs from the one declared here.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.findings import Severity

# The stages that emit findings, in pipeline order, with what `handbook codes` calls them. A
# stage is the folder of generator/ whose modules make the finding; the rules, a folder inside
# checks/, are a stage of their own because the province may switch them off.
STAGES = {
    "load": "Đọc tệp",
    "model": "Nạp dữ liệu theo mẫu",
    "checks": "Kiểm tra toàn dự án",
    "rules": "Quy tắc của văn bản nguồn",
    "editors": "Nhập bảng tính Excel",
}


@dataclass(frozen=True)
class Code:
    """One finding code as a reader looks it up."""

    code: str
    severity: Severity  # the default; a rule's may be changed in data/config.yml
    title: str  # Vietnamese, one line
    stage: str  # a key of STAGES
    clause: str | None = None  # for a rule: the source-document clause it comes from


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

# A code made by one stage and also reused by a later one is listed under the stage that makes
# it first: FILE-UNKNOWN-KIND is also how the Excel import refuses a team file it would write
# outside data/teams/ (its pre-check runs the check's own stages on the planned files).
_TABLE = (
    # load: bytes → data with line numbers (load/yamlload.py, load/yamlnodes.py, load/grouped_numbers.py)
    Code("FILE-UNREADABLE", E, "Không đọc được tệp (quyền đọc, tệp bị xóa hoặc lỗi đĩa)", "load"),
    Code("FILE-TOO-LARGE", E, "Tệp vượt giới hạn kích thước của một tệp dữ liệu", "load"),
    Code("TEXT-NOT-UTF8", E, "Tệp không phải văn bản Unicode (UTF-8)", "load"),
    Code("TEXT-LEGACY-ENCODING", E, "Chữ gõ bằng bảng mã cũ (TCVN3, VNI) sẽ hiển thị thành chữ lỗi", "load"),
    Code("TEXT-NOT-NFC", I, "Chữ ở dạng tổ hợp (NFD), đã tự chuẩn hóa sang dạng dựng sẵn (NFC)", "load"),
    Code("YAML-SYNTAX", E, "Lỗi cú pháp YAML (thụt lề, dấu hai chấm, ngoặc, ký tự lạ)", "load"),
    Code("YAML-TOO-DEEP", E, "Dữ liệu lồng nhau quá sâu", "load"),
    Code("YAML-ALIAS-BOMB", E, "Tham chiếu “*tên” (alias) nở ra quá nhiều dữ liệu", "load"),
    Code("YAML-DUPLICATE-KEY", E, "Một khóa xuất hiện hai lần trong cùng một khối", "load"),
    Code("YAML-COMPLEX-KEY", E, "Tên khóa là danh sách hay bảng thay vì một chữ", "load"),
    Code("YAML-MERGE-KEY", E, "Khóa gộp “<<:” không được hỗ trợ", "load"),
    Code("YAML-UNSAFE-TAG", E, "Thẻ “!” hoặc “!!” không được phép trong dữ liệu", "load"),
    Code("NUMBER-THOUSANDS-SEPARATOR", E, "Số có dấu ngăn cách hàng nghìn, máy đọc thành số thập phân hoặc chữ", "load"),
    # model: data → models, a whole project, files no kind claims (model/validation.py,
    # model/dataset.py, model/stray_files.py)
    Code("SCHEMA-MISSING-KEY", E, "Thiếu khóa bắt buộc", "model"),
    Code("SCHEMA-UNKNOWN-KEY", E, "Khóa không có trong mẫu của loại tệp", "model"),
    Code("SCHEMA-WRONG-TYPE", E, "Giá trị sai kiểu (chữ, số, danh sách, bảng)", "model"),
    Code("SCHEMA-INVALID-VALUE", E, "Giá trị không thuộc các lựa chọn được phép", "model"),
    Code("SCHEMA-BAD-ID", E, "Mã không đúng dạng (chữ thường không dấu, chữ số, gạch ngang)", "model"),
    Code("SCHEMA-BAD-DATE", E, "Ngày không đọc được hoặc không có thật trên lịch", "model"),
    Code("SCHEMA-OUT-OF-RANGE", E, "Số nằm ngoài khoảng cho phép", "model"),
    Code("SCHEMA-EMPTY", E, "Khóa hoặc danh sách bắt buộc đang để trống", "model"),
    Code("SCHEMA-INVALID", E, "Giá trị không hợp lệ theo điều kiện của mẫu", "model"),
    Code("FILE-EMPTY", E, "Tệp rỗng hoặc chỉ có dòng chú thích", "model"),
    Code("CONTENT-NO-FRONT-MATTER", E, "Tệp hỏi – đáp thiếu phần khai báo giữa hai dòng “---”", "model"),
    Code("REF-DUPLICATE-ID", E, "Một mã được dùng cho hai bản ghi", "model"),
    Code("FILE-UNKNOWN-KIND", E, "Tệp không thuộc loại dữ liệu nào nên không được đọc", "model"),
    Code("FILE-WRONG-EXTENSION", E, "Tệp dữ liệu có đuôi sai nên không được đọc", "model"),
    Code("FILE-LEFTOVER", W, "Tệp tạm hoặc bản sao lưu của trình soạn thảo", "model"),
    Code("FILE-LAYOUT", I, "Tệp chưa theo bố cục chuẩn; “handbook fmt” sắp lại (dữ liệu và chú thích giữ nguyên)", "model"),
    # checks: cross-file references, hierarchy, content, links, personal data (checks/check.py,
    # checks/integrity.py, checks/file_names.py, checks/content_checks.py,
    # checks/markdown_links.py, checks/pii_check.py, checks/sessions.py)
    Code("CONFIG-MISSING", E, "Thiếu tệp cấu hình data/config.yml", "checks"),
    Code("CONFIG-UNKNOWN-RULE", E, "data/config.yml đổi mức độ của một quy tắc không có", "checks"),
    Code("CONFIG-CMS-REPO", W, "Chưa khai kho nội dung (cms.repo): trang biên tập trên web không đăng nhập được", "checks"),
    # REF-UNKNOWN-<KIND> is made from the kind of reference (checks/integrity.py, _REF_LABEL).
    Code("REF-UNKNOWN-UNIT", E, "Không tìm thấy đơn vị hành chính có mã này", "checks"),
    Code("REF-UNKNOWN-PERSON", E, "Không tìm thấy người có mã này", "checks"),
    Code("REF-UNKNOWN-DOCUMENT", E, "Không tìm thấy văn bản có mã này trong sổ văn bản", "checks"),
    Code("REF-UNKNOWN-MODEL", E, "Không tìm thấy mô hình có mã này", "checks"),
    Code("REF-UNKNOWN-TEAM", E, "Không tìm thấy Tổ có mã này", "checks"),
    Code("REF-UNKNOWN-TOPIC", E, "Không tìm thấy chủ đề có mã này", "checks"),
    Code("REF-UNKNOWN-QA", E, "Không tìm thấy câu hỏi có mã này", "checks"),
    Code("REF-UNKNOWN-MODULE", E, "Không tìm thấy chuyên đề có mã này", "checks"),
    Code("REF-UNKNOWN-GRADE", E, "Mức xếp loại không có trong thang xếp loại của tỉnh", "checks"),
    Code("REF-UNKNOWN-SECTION", E, "Văn bản không có mục được trích dẫn", "checks"),
    Code("REF-WRONG-LEVEL", E, "Đơn vị hành chính không đúng cấp (thôn, xã, tỉnh)", "checks"),
    Code("UNIT-UNKNOWN-KIND", E, "Loại đơn vị không có trong hệ đơn vị hành chính đang dùng", "checks"),
    Code("UNIT-BAD-PARENT", E, "Đơn vị cấp trên thiếu hoặc không đúng cấp", "checks"),
    Code("UNIT-CYCLE", E, "Các đơn vị trỏ vòng lên nhau làm cấp trên", "checks"),
    Code("TEAM-DUPLICATE-VILLAGE", E, "Một thôn có hai Tổ Dân vận cộng đồng", "checks"),
    Code("BLOC-DUPLICATE-COMMUNE", E, "Một xã có hai Khối Dân vận cơ sở", "checks"),
    Code("ASSIGN-ACTIVITY-COMMUNE", W, "Hoạt động ở xã không được phân công phụ trách", "checks"),
    Code("DATA-PATH-UNSAFE", E, "Tệp ảnh không dùng được (ngoài data/photos/, không phải ảnh, SVG có mã chạy…)", "checks"),
    Code("FILE-ID-MISMATCH", E, "Mã trong tệp khác tên tệp", "checks"),
    Code("TEAM-WRONG-FOLDER", E, "Tệp Tổ nằm trong thư mục của xã khác", "checks"),
    Code("CONTENT-ID-MISMATCH", E, "Mã câu hỏi hoặc chuyên đề khác tên tệp", "checks"),
    Code("CONTENT-EMPTY-ANSWER", E, "Câu hỏi chưa có câu trả lời", "checks"),
    Code("CONTENT-QUIZ-DUPLICATE-ID", E, "Mã câu kiểm tra bị trùng trong chuyên đề", "checks"),
    Code("CONTENT-MCQ-ANSWER", E, "Câu trắc nghiệm không có đúng một phương án đúng", "checks"),
    Code("CONTENT-QUIZ-SHAPE", W, "Câu không phải trắc nghiệm nhưng có phương án (bị bỏ qua)", "checks"),
    Code("CONTENT-QUIZ-FEW-OPTIONS", W, "Câu trắc nghiệm có ít hơn bốn phương án", "checks"),
    Code("CONTENT-QUIZ-ANSWER-POSITION", W, "Đáp án đúng dồn vào một vị trí (quá 40% số câu trắc nghiệm của chuyên đề)", "checks"),
    Code("CONTENT-QUIZ-LONGEST-ANSWER", W, "Phương án đúng thường là phương án dài nhất (quá 30% số câu trắc nghiệm của chuyên đề)", "checks"),
    Code("CONTENT-QUIZ-GIVEAWAY", W, "Lời giải thích của một câu lộ đáp án của câu khác", "checks"),
    Code("CONTENT-NEAR-DUPLICATE", W, "Hai câu hỏi gần giống nhau", "checks"),
    Code("CONTENT-ORIGINALITY", W, "Câu trả lời hoặc nội dung chuyên đề chép quá 40% số chữ từ văn bản nguồn", "checks"),
    # training sessions: timetable, breaks and materials of a module (checks/sessions.py)
    Code("SESSION-MINUTES", W, "Các phần của tiến trình (kể cả giải lao) không cộng đúng thời lượng buổi học", "checks"),
    Code("SESSION-NO-BREAK", W, "Buổi học trên 90 phút không có lần giải lao", "checks"),
    Code("SESSION-ACTIVITIES-DONT-FIT", W, "Hoạt động dài hơn phần học nào còn trống của tiến trình", "checks"),
    Code("SESSION-MATERIAL-DUPLICATE-ID", E, "Mã tài liệu (phiếu, thẻ vai, biểu mẫu) bị trùng trong chuyên đề", "checks"),
    Code("SESSION-UNKNOWN-MATERIAL", E, "Hoạt động dùng mã tài liệu mà chuyên đề không có", "checks"),
    Code("SESSION-MATERIAL-MISSING", W, "Hoạt động hoặc ghi chú giảng viên nhắc đến phiếu, thẻ vai, biểu mẫu mà chuyên đề không có", "checks"),
    Code("SESSION-MATERIAL-UNUSED", W, "Tài liệu không được hoạt động hay phần nào của buổi học dùng", "checks"),
    Code("CITE-UNREGISTERED", W, "Văn bản được nhắc đến nhưng chưa có trong sổ văn bản", "checks"),
    Code("MD-UNSAFE-LINK", W, "Liên kết hoặc ảnh trỏ tới loại địa chỉ không an toàn (bị xóa khi dựng)", "checks"),
    Code("MD-IMAGE-NOT-SHOWN", W, "Ảnh chèn trong đoạn văn sẽ không hiện trên trang và bản in", "checks"),
    Code("PII-PHONE", W, "Số điện thoại cá nhân trong phần chữ tự do", "checks"),
    Code("PII-ID-NUMBER", W, "Dãy số giống số CMND/CCCD trong phần chữ tự do", "checks"),
    Code("PII-EMAIL", W, "Địa chỉ thư điện tử cá nhân trong phần chữ tự do", "checks"),
    Code("PII-NAME-NO-CONSENT", W, "Tên người chưa đồng ý công khai trong phần chữ tự do", "checks"),
    Code("PII-SENSITIVE", W, "Tôn giáo hoặc dân tộc của một người có tên trong dữ liệu", "checks"),
    # rules: a rule that fails to run (checks/rules/__init__.py); the rules' own codes are in
    # their registry
    Code("INTERNAL-RULE-ERROR", E, "Một quy tắc gặp lỗi nội bộ (báo cho nhóm phát triển)", "rules"),
    # editors: the Excel import (generator/editors/excel/)
    Code("IMPORT-UNREADABLE", E, "Không đọc được tệp như một bảng tính Excel (.xlsx)", "editors"),
    Code("IMPORT-TOO-LARGE", E, "Bảng tính vượt giới hạn kích thước", "editors"),
    Code("IMPORT-ZIP-BOMB", E, "Tệp là “bom nén” (zip bomb), không phải bảng tính thật", "editors"),
    Code("IMPORT-TOO-MANY-ROWS", E, "Trang bảng tính có quá nhiều dòng", "editors"),
    Code("IMPORT-MISSING-SHEET", E, "Bảng tính thiếu một trang của mẫu", "editors"),
    Code("IMPORT-MISSING-COLUMN", E, "Trang thiếu cột bắt buộc", "editors"),
    Code("IMPORT-UNKNOWN-COLUMN", W, "Cột không thuộc mẫu (dữ liệu trong cột bị bỏ qua)", "editors"),
    Code("IMPORT-RENAMED-COLUMN", E, "Cột lạ có dữ liệu trong khi trang thiếu cột tương ứng của mẫu (cột bị đổi tên)", "editors"),
    Code("IMPORT-DUPLICATE-COLUMN", W, "Cột xuất hiện hai lần (chỉ cột đầu được đọc)", "editors"),
    Code("IMPORT-MERGED-CELLS", E, "Ô dữ liệu bị gộp (merge)", "editors"),
    Code("IMPORT-FORMULA", E, "Ô chứa công thức thay vì giá trị", "editors"),
    Code("IMPORT-ERROR-VALUE", E, "Ô chứa giá trị lỗi của Excel (#N/A, #REF!…)", "editors"),
    Code("IMPORT-MISSING-VALUE", E, "Ô bắt buộc đang để trống", "editors"),
    Code("IMPORT-BAD-CELL", E, "Giá trị trong ô không hợp lệ", "editors"),
    Code("IMPORT-PHONE-ZERO", W, "Số điện thoại mất số 0 ở đầu (đã tự thêm lại)", "editors"),
    Code("IMPORT-UNKNOWN-VILLAGE", E, "Mã thôn không có trong dữ liệu hoặc không phải thôn, tổ dân phố", "editors"),
    Code("IMPORT-UNKNOWN-TEAM", E, "Mã tổ không có ở trang Tổ", "editors"),
    Code("IMPORT-UNKNOWN-PERSON", E, "Nhóm trưởng không có trong danh sách thành viên của Tổ", "editors"),
    Code("IMPORT-UNKNOWN-GROUP", E, "Tên nhóm không có ở trang Nhóm", "editors"),
    Code("IMPORT-LEADER-NOT-IN-GROUP", E, "Nhóm trưởng chưa thuộc nhóm mình phụ trách", "editors"),
    Code("IMPORT-NO-GROUP-SHEET", W, "Có ghi tên nhóm nhưng thiếu trang Nhóm (các nhóm được giữ nguyên)", "editors"),
    Code("IMPORT-NO-MEMBERS", E, "Tổ chưa có thành viên nào", "editors"),
    Code("IMPORT-DUPLICATE-ID", E, "Mã tổ, mã người, tên nhóm hoặc năm xếp loại bị trùng", "editors"),
    Code("IMPORT-DUPLICATE-VILLAGE", E, "Thôn đã có Tổ Dân vận cộng đồng", "editors"),
    Code("IMPORT-WOULD-OVERWRITE", E, "Tệp đã có không thể ghi đè mà không mất dữ liệu", "editors"),
    Code("IMPORT-EXISTING-INVALID", E, "Dữ liệu gộp với tệp đã có không hợp lệ", "editors"),
    Code("IMPORT-WOULD-FAIL-CHECK", E, "Tệp ghi từ bảng tính sẽ bị handbook check từ chối", "editors"),
    Code("IMPORT-CHANGED-MEANWHILE", E, "Tệp dữ liệu bị thay đổi trong lúc nhập", "editors"),
    Code("IMPORT-WRITE-FAILED", E, "Không ghi được tệp dữ liệu (không tệp nào bị thay đổi)", "editors"),
    Code("IMPORT-ROLLBACK-FAILED", E, "Ghi thất bại giữa chừng và không trả lại được tệp cũ", "editors"),
    Code("IMPORT-FAILED", E, "Lỗi không mong đợi khi nhập bảng tính", "editors"),
)


def _index(rows: tuple[Code, ...]) -> dict[str, Code]:
    table: dict[str, Code] = {}
    for row in rows:
        if row.code in table:
            raise ValueError(f"finding code {row.code} declared twice")
        if row.stage not in STAGES:
            raise ValueError(f"finding code {row.code}: unknown stage {row.stage!r}")
        table[row.code] = row
    return table


CODES: dict[str, Code] = _index(_TABLE)
