"""The personal-data screen as a check stage: takes a loaded `Dataset`, gives the screen
made from its people (whose names are private, which contacts are public) and a finding for
every phone number, ID number, e-mail address, private name or sensitive mention in the free
text of any record (see `generator.schema.freetext` for which fields, `generator.model.pii` for what).

Findings are warnings: the public build masks every hit (`generator.model.pii_mask`) and scans its
output before publishing (`generator.build.public_scan`), so nothing reaches the public site, while an
editor can still build the internal edition. The warning asks for the text to be fixed at its
source, where the masked span would otherwise stay forever. A finding never repeats the
personal data it found (check output ends up in CI logs and pull-request annotations): it
says what kind of data, where (file, line, column, key path) and, for a name, whose id.
"""

from __future__ import annotations

from pathlib import Path

from generator.model.dataset import Dataset, Located
from generator.core.findings import Finding, Severity
from generator.model.pii import EMAIL, ID_NUMBER, NAME, PHONE, SENSITIVE, Hit, Screen
from generator.model.pii_screen import hits_in, screen_for, screened_texts
from generator.load.yamlload import format_path

CODES = {
    PHONE: "PII-PHONE", ID_NUMBER: "PII-ID-NUMBER", EMAIL: "PII-EMAIL",
    NAME: "PII-NAME-NO-CONSENT", SENSITIVE: "PII-SENSITIVE",
}

_WHAT = {
    PHONE: "một số điện thoại cá nhân",
    ID_NUMBER: "một dãy số giống số CMND/CCCD",
    EMAIL: "một địa chỉ thư điện tử cá nhân",
}
_HINT = {
    PHONE: "Xóa số này khỏi nội dung. Số điện thoại cá nhân chỉ ghi ở trường phone của người đó (không công khai); "
           "số máy cơ quan thì ghi ở office_phone.",
    ID_NUMBER: "Xóa dãy số này khỏi nội dung. Số CCCD chỉ ghi ở trường id_number của người đó (không công khai).",
    EMAIL: "Xóa địa chỉ này khỏi nội dung. Thư cá nhân chỉ ghi ở trường email của người đó (không công khai); "
           "thư công vụ thì ghi ở office_email.",
    NAME: "Thay họ tên bằng chức danh (ví dụ “tổ trưởng Tổ Dân vận”). Nếu người này đã đồng ý công khai họ tên, "
          "ghi consent_to_publish: true và consent_date trong hồ sơ của họ.",
    SENSITIVE: "Bỏ họ tên khỏi câu này, hoặc bỏ thông tin tôn giáo, dân tộc; các thông tin đó chỉ ghi ở trường "
               "religion, ethnicity của người đó (không công khai).",
}


def check_personal_data(ds: Dataset, screen: Screen | None = None) -> list[Finding]:
    texts = screened_texts(ds)
    screen = screen or screen_for(ds, texts)
    lines = _FileLines(ds.root)
    return [_finding(at, sub, text, hit, lines) for at, sub, text, hits in hits_in(texts, screen) for hit in hits]


def _finding(at: Located, sub: tuple, text: str, hit: Hit, lines: "_FileLines") -> Finding:
    where = format_path(at.path + sub)
    field = f"{_field_title(at.obj, sub)} ({where})"
    if hit.kind == NAME:
        message = (f"{field} có họ tên của một người chưa đồng ý công khai họ tên (mã {hit.person}); "
                   "trang công khai sẽ ẩn tên này.")
    elif hit.kind == SENSITIVE:
        message = (f"{field} có một câu nêu tôn giáo hoặc dân tộc của một người có tên trong dữ liệu "
                   f"(mã {hit.person}); thông tin này không bao giờ được công khai, trang công khai sẽ ẩn tên người.")
    else:
        message = f"{field} có {_WHAT[hit.kind]} ({_redacted(text[hit.start:hit.end])}); trang công khai sẽ ẩn nó."
    line, column = _position(at, sub, text, hit, lines)
    return Finding(CODES[hit.kind], Severity.WARNING, message, file=at.file.path, line=line, column=column,
                   path=where or None, hint=_HINT[hit.kind])


def _field_title(obj: object, sub: tuple) -> str:
    """The Vietnamese title of the field holding the text (“Nội dung”, “Câu chuyện”)."""
    title = "Nội dung"
    for part in sub:
        if isinstance(part, int):
            obj = obj[part]
            continue
        model = getattr(obj, "front", obj)  # a Q&A item: its front matter, or the answer
        info = getattr(type(model), "model_fields", {}).get(part)
        title = info.title if info is not None and info.title else "Câu trả lời" if part == "answer" else title
        obj = getattr(obj, part, None)
    return title


def _redacted(value: str) -> str:
    """Enough of the value to find it, not enough to use it: “0912…78”."""
    return f"{value[:4]}…{value[-2:]}" if len(value) > 8 else "…"


def _position(at: Located, sub: tuple, text: str, hit: Hit, lines: "_FileLines") -> tuple[int | None, int | None]:
    """The line and column of the hit itself: in a Q&A answer, counted from the body's first
    line; in YAML, the first line at or after the value's that holds the hit as typed
    (a block of several lines is followed to the hit's own line), else the value's."""
    obj = at.obj
    if sub == ("answer",) and hasattr(obj, "answer_line"):
        before = text[:hit.start]
        return obj.answer_line + before.count("\n"), hit.start - (before.rfind("\n") + 1) + 1
    line, column = at.file.locate(at.path + sub, prefer_key=False)
    if line is None:
        return line, column
    needle = text[hit.start:hit.end]
    wanted = text.count(needle, 0, hit.start)  # earlier occurrences of the same text in the value
    file_lines = lines.get(at.file.path)
    # The value ends before the next key of the file (a folded value keeps none of its line breaks).
    last = min((key_line - 1 for key_line, _ in at.file.key_pos.values() if key_line > line), default=len(file_lines))
    for number in range(line, min(last, len(file_lines)) + 1):
        found = file_lines[number - 1].find(needle)
        while found >= 0:
            if not wanted:
                return number, found + 1
            wanted -= 1
            found = file_lines[number - 1].find(needle, found + 1)
    return line, column


class _FileLines:
    """A file's lines, read once and only for files with a finding."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.cache: dict[str, list[str]] = {}

    def get(self, name: str) -> list[str]:
        if name not in self.cache:
            try:
                text = (self.root / name).read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
            except OSError:
                text = ""
            self.cache[name] = text.replace("\r\n", "\n").splitlines()
        return self.cache[name]

