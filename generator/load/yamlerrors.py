"""YAML syntax errors in Vietnamese: takes an error raised by PyYAML (its C parser, libyaml,
or its pure-Python parser) and the text it was reading, gives a Vietnamese message, a hint
saying what to do, and the line and column an editor sees.

Why a table of PyYAML's own problem strings rather than passing them through: editors read
Vietnamese, and "did not find expected key" says nothing to them. Why our own line numbers:
libyaml counts NEL, LS and PS as line breaks (editors and GitHub do not), and its reader
reports a byte offset without any line at all.

The yaml-rs fast path (`yamlload._fast_load`) never produces a message: whatever it refuses
goes down the careful path, so every syntax finding comes from here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import yaml

YAML_HINT = ("Kiểm tra thụt lề (chỉ dùng dấu cách, các khóa cùng cấp thẳng cột) và dấu hai chấm ở dòng này "
             "và dòng ngay trên; giá trị có ký tự đặc biệt (: # [ ] { } , & * ! | > ' \" % @ `) thì đặt trong ngoặc kép.")
QUOTE_HINT = "Nếu ký tự này là một phần của chữ, đặt cả giá trị trong ngoặc kép, ví dụ: ten: \"…\"."


@dataclass(frozen=True)
class Explained:
    message: str
    hint: str
    line: int | None
    column: int | None


# (words of PyYAML's problem, any of which matches; words its context must hold, if any; what
# it means; what to do; whether to point at the context mark, where the unfinished thing
# began, rather than where the parser gave up). libyaml's and the Python parser's spellings
# both appear; the first match wins, so specific entries come before general ones.
_TABLE: list[tuple[tuple[str, ...], str | None, str, str, bool]] = [
    (("tab character",), None,
     "có ký tự Tab; YAML chỉ thụt lề bằng dấu cách",
     "Xóa ký tự Tab và thụt lề bằng dấu cách (nhiều trình soạn thảo có lệnh đổi Tab thành dấu cách).", False),
    (("could not find expected ':'",), None,
     "dòng này có tên khóa nhưng thiếu dấu hai chấm “:”, hoặc giá trị của dòng trên bị xuống dòng",
     "Thêm “: ” sau tên khóa; nếu đây là phần tiếp theo của giá trị dòng trên, viết giá trị trên một dòng "
     "hoặc đặt nó trong ngoặc kép.", True),
    (("mapping values are not allowed",), None,
     "có dấu hai chấm “:” ở chỗ không được phép",
     "Nếu giá trị có dấu “:” (giờ 7:30, “Điều 1: …”), đặt cả giá trị trong ngoặc kép; nếu không, kiểm tra "
     "dấu cách sau dấu hai chấm và thụt lề của dòng này so với dòng trên.", False),
    (("found unexpected ':'",), None,
     "có dấu hai chấm “:” ở chỗ không được phép",
     "Đặt cả giá trị có dấu “:” trong ngoặc kép.", False),
    (("mapping keys are not allowed",), None,
     "có dấu “?” mở một khóa phức ở chỗ không được phép",
     "Xóa dấu “?” ở đầu; nếu nó là một phần của chữ, đặt cả giá trị trong ngoặc kép.", False),
    (("sequence entries are not allowed",), None,
     "dấu “-” mở một mục danh sách ở chỗ không được phép (cùng dòng với một khóa, hoặc thụt lề sai)",
     "Đặt mỗi mục “- ” ở một dòng riêng, thụt lề vào trong so với tên danh sách; nếu “-” là một phần của chữ, "
     "đặt cả giá trị trong ngoặc kép.", False),
    (("unexpected end of stream",), "quoted scalar",
     "dấu ngoặc kép (hoặc ngoặc đơn) mở ở đây chưa được đóng",
     "Thêm dấu ngoặc đóng ở cuối giá trị; nếu trong chữ có dấu ngoặc kép, dùng ngoặc đơn ' ' bên ngoài.", True),
    (("unexpected end of stream",), None,
     "tệp kết thúc giữa chừng (thiếu dấu ngoặc đóng, hoặc khối chưa xong)",
     "Kiểm tra các dấu ngoặc [ ] { } và ngoặc kép đã được đóng đủ.", True),
    (("unexpected document indicator",), None,
     "dòng “---” hoặc “...” nằm giữa một giá trị (thường do một ngoặc kép ở trên chưa được đóng)",
     "Đóng ngoặc kép của giá trị phía trên, hoặc xóa dòng “---”/“...”.", True),
    (("unexpected document separator",), None,
     "dòng “---” hoặc “...” nằm giữa một giá trị (thường do một ngoặc kép ở trên chưa được đóng)",
     "Đóng ngoặc kép của giá trị phía trên, hoặc xóa dòng “---”/“...”.", True),
    (("another document",), None,
     "tệp có dòng “---” ở giữa, chia tệp thành hai phần; mỗi tệp dữ liệu chỉ được có một phần",
     "Xóa dòng “---” này (chỉ tệp hỏi – đáp mới dùng “---”, để bao phần khai báo), hoặc tách thành hai tệp.", False),
    (("document start",), None,
     "còn nội dung sau chỗ kết thúc dữ liệu (sau dòng “...”, hoặc sau một danh sách hay bảng đã đóng ngoặc)",
     "Xóa dòng “...”, hoặc đưa phần chữ thừa sau dấu ngoặc đóng vào trong ngoặc kép.", False),
    (("unknown escape character",), None,
     "trong ngoặc kép, dấu “\\” đứng trước một ký tự không hợp lệ",
     "Viết “\\\\” cho một dấu gạch chéo ngược, hoặc dùng ngoặc đơn ' ' (trong đó “\\” là chữ thường); "
     "đường dẫn nên viết bằng dấu “/”.", False),
    (("hexdecimal", "hexadecimal", "unicode character escape"), None,
     "mã ký tự sau “\\x”, “\\u” hoặc “\\U” trong ngoặc kép không hợp lệ",
     "Gõ thẳng ký tự cần có thay vì viết mã, hoặc dùng ngoặc đơn ' '.", False),
    (("alphabetic or numeric",), "anchor",
     "sau dấu “&” phải là tên một neo (chữ, số)",
     QUOTE_HINT, True),
    (("alphabetic or numeric",), "alias",
     "sau dấu “*” phải là tên một neo (chữ, số)",
     QUOTE_HINT, True),
    (("undefined alias",), None,
     "“*tên” trỏ tới một neo “&tên” không có trong tệp",
     "Nếu “*” là một phần của chữ (ví dụ ghi chú “*”), đặt cả giá trị trong ngoặc kép; nếu không, viết dữ liệu "
     "ra trực tiếp.", False),
    (("duplicate anchor", "second occurrence"), None,
     "hai neo “&” trùng tên",
     "Đổi tên một trong hai neo, hoặc viết dữ liệu ra trực tiếp không dùng neo.", False),
    (("indentation indicator",), None,
     "sau “|” hoặc “>”, số chỉ thụt lề phải từ 1 đến 9",
     "Xóa chữ số sau “|” hoặc “>”; thường chỉ cần “|” rồi xuống dòng.", False),
    (("chomping",), None,
     "sau “|” hoặc “>” chỉ được có “-”, “+” hoặc một chữ số, rồi xuống dòng",
     "Viết “|” (hoặc “>”) ở cuối dòng khóa, rồi viết đoạn văn từ dòng sau, thụt lề vào trong.", False),
    (("comment or",), "block scalar",
     "sau “|” hoặc “>” chỉ được có “-”, “+” hoặc một chữ số, rồi xuống dòng",
     "Viết “|” (hoặc “>”) ở cuối dòng khóa, rồi viết đoạn văn từ dòng sau, thụt lề vào trong.", False),
    (("comment or",), None,
     "sau giá trị còn chữ thừa trên cùng dòng",
     "Đặt cả giá trị trong ngoặc kép, hoặc chuyển phần chữ thừa sang dòng chú thích bắt đầu bằng “# ”.", False),
    (("directive",), None,
     "dòng bắt đầu bằng “%” là chỉ thị YAML, không dùng trong dữ liệu sổ tay",
     "Xóa dòng bắt đầu bằng “%”; nếu đó là giá trị (ví dụ “%” phần trăm), đặt trong ngoặc kép.", False),
    (("version number",), None, "dòng bắt đầu bằng “%YAML” không hợp lệ",
     "Xóa dòng bắt đầu bằng “%”.", False),
    (("incompatible yaml document",), None, "dòng “%YAML” khai một phiên bản YAML không được hỗ trợ",
     "Xóa dòng bắt đầu bằng “%YAML”.", False),
    (("digit", "whitespace"), "directive", "dòng bắt đầu bằng “%” là chỉ thị YAML, không dùng trong dữ liệu sổ tay",
     "Xóa dòng bắt đầu bằng “%”.", False),
    (("tag",), None,
     "có một thẻ “!” không hợp lệ",
     "Xóa phần bắt đầu bằng “!” trước giá trị; nếu “!” là một phần của chữ, đặt cả giá trị trong ngoặc kép.", False),
    (("",), "tag",
     "có một thẻ “!” không hợp lệ",
     "Xóa phần bắt đầu bằng “!” trước giá trị; nếu “!” là một phần của chữ, đặt cả giá trị trong ngoặc kép.", False),
    (("',' or ']'",), None,
     "danh sách trong ngoặc vuông “[ ]” mở ở dòng {context_line} chưa được đóng, hoặc thiếu dấu phẩy giữa các mục",
     "Thêm “]” ở cuối danh sách; nếu một mục có dấu “:”, “,”, “[” hay “]”, đặt mục đó trong ngoặc kép.", False),
    (("',' or '}'",), None,
     "bảng trong ngoặc nhọn “{ }” mở ở dòng {context_line} chưa được đóng, hoặc thiếu dấu phẩy giữa các khóa",
     "Thêm “}” ở cuối; nếu một giá trị có dấu “:”, “,”, “{” hay “}”, đặt giá trị đó trong ngoặc kép.", False),
    (("node content",), None,
     "thiếu giá trị ở đây (sau dấu “-”, dấu “:”, hoặc trong ngoặc [ ] { })",
     "Viết giá trị còn thiếu, hoặc xóa dấu “-”/“,” thừa; nếu giá trị bắt đầu bằng ký tự đặc biệt, đặt trong ngoặc kép.",
     False),
    (("'-' indicator",), None,
     "thụt lề của danh sách không thẳng hàng: các mục “- ” cùng một danh sách phải bắt đầu ở cùng một cột",
     "So cột của dấu “-” ở dòng này với các mục cùng danh sách ở trên, thêm hoặc bớt dấu cách cho thẳng.", False),
    (("block end",), None,
     "thụt lề không đúng: dòng này lùi vào hoặc thò ra so với các dòng cùng cấp",
     "Các khóa cùng cấp phải bắt đầu ở cùng một cột; thêm hoặc bớt dấu cách cho thẳng với các dòng cùng cấp.", False),
    (("expected key",), None,
     "thụt lề không đúng: dòng này lùi vào hoặc thò ra so với các dòng cùng cấp (khối bắt đầu ở dòng {context_line})",
     "Các khóa cùng cấp phải bắt đầu ở cùng một cột; thêm hoặc bớt dấu cách cho thẳng với các dòng cùng cấp. "
     "Nếu giá trị có dấu ngoặc kép ở giữa, đặt cả giá trị trong ngoặc kép.", False),
    (("cannot start any token",), None,
     "có ký tự {char} không được đứng đầu giá trị",
     QUOTE_HINT, False),
    (("",), "simple key",
     "tên khóa quá dài hoặc thiếu dấu hai chấm “:”",
     "Tên khóa phải ngắn và kết thúc bằng “: ”; đoạn văn dài viết sau “|” ở các dòng dưới.", True),
    (("utf-8", "utf-16", "octet", "unicode character"), None,
     "tệp có byte không phải chữ Unicode (UTF-8) hợp lệ",
     "Mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8.", False),
]

# Characters that break YAML while looking like nothing, or like something else, to an editor.
_LOOKALIKES = {
    "\t": ("ký tự Tab", "Xóa ký tự Tab và thụt lề bằng dấu cách."),
    "\u00a0": ("dấu cách không ngắt (NBSP, thường do chép từ Word hay trang web)",
               "Xóa các dấu cách ở đầu dòng rồi gõ lại bằng phím cách."),
    "\ufeff": ("ký tự vô hình U+FEFF (BOM, thường do ghép hai tệp)",
               "Xóa ký tự vô hình này: đặt con trỏ ở đầu dòng, xóa rồi gõ lại chữ đầu tiên."),
    "\u200b": ("ký tự vô hình U+200B (khoảng trắng độ rộng 0)",
               "Xóa ký tự vô hình này: xóa rồi gõ lại phần đầu dòng."),
    "\uff1a": ("dấu hai chấm toàn độ rộng “：” (bộ gõ tiếng Trung/Nhật)",
               "Thay “：” bằng dấu hai chấm thường “:” rồi một dấu cách."),
}
_LOOKALIKE_RE = re.compile("[" + "".join(_LOOKALIKES) + "]")

# Control characters YAML refuses, with what usually put them there.
_CONTROL_VI = {
    "\x0c": "ký tự ngắt trang (form feed, thường do chép từ Word)",
    "\x0b": "ký tự xuống dòng mềm (Shift+Enter trong Word)",
    "\x00": "ký tự NUL (tệp có thể bị hỏng hoặc không phải văn bản)",
    "\x08": "ký tự xóa lùi (backspace)",
    "\x1b": "ký tự ESC",
    "\x7f": "ký tự DEL",
    "\x85": "ký tự ngắt dòng NEL (U+0085; thường là dấu “…” bị đổi mã từ Windows-1252)",
    "\u2028": "ký tự ngắt dòng U+2028 (thường do chép từ trang web)",
    "\u2029": "ký tự ngắt đoạn U+2029 (thường do chép từ trang web)",
    "\ufeff": "ký tự vô hình U+FEFF (BOM) ở giữa tệp (thường do ghép hai tệp)",
    "\ufffe": "ký tự không hợp lệ U+FFFE",
    "\uffff": "ký tự không hợp lệ U+FFFF",
}
CONTROL_HINT = ("Xóa ký tự này (trình soạn thảo thường hiện nó thành một ô nhỏ hoặc tô màu); nếu chép từ Word, "
                "dán lại dưới dạng chữ thuần (Ctrl+Shift+V).")
# Line breaks YAML 1.1 counts (so libyaml would read the text differently from what an editor
# shows), a BOM anywhere but the start, and the characters YAML forbids outright.
ODD_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


ODD_SPACES = "\u00a0\u2000-\u200b\u202f\u3000"
_ODD_INDENT = re.compile("^[ \t-]*([" + ODD_SPACES + "])", re.M)


def odd_indentation(text: str) -> Explained | None:
    """A no-break, wide or zero-width space among a line's leading blanks."""
    match = _ODD_INDENT.search(text)
    if match is None:
        return None
    ch = match.group(1)
    name, hint = _LOOKALIKES.get(ch, (f"khoảng trắng lạ U+{ord(ch):04X}", "Xóa các khoảng trắng ở đầu dòng rồi gõ lại bằng phím cách."))
    line, col = line_col(text, match.start(1))
    return Explained(f"Lỗi cú pháp YAML: dòng {line} thụt lề bằng {name} ở cột {col}; YAML chỉ thụt lề bằng dấu cách thường.",
                     hint, line, col)


def char_name(ch: str) -> str:
    if ch in _CONTROL_VI:
        return _CONTROL_VI[ch]
    if ch in _LOOKALIKES:
        return _LOOKALIKES[ch][0]
    if unicodedata.category(ch).startswith("C"):
        return f"ký tự điều khiển U+{ord(ch):04X}"
    return f"“{ch}”"


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index, counting line breaks as editors do
    (LF, CRLF, a lone CR), not NEL, LS or PS."""
    index = max(0, min(index, len(text)))
    before = text[:index]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return line, index - start + 1


def odd_character(text: str, start: int = 0) -> Explained | None:
    """A character that makes libyaml read the text differently from what an editor shows
    (or refuse it): a YAML syntax finding at its own line. `start` skips a leading BOM."""
    match = ODD_CHARACTERS.search(text, start)
    if match is None:
        return None
    line, col = line_col(text, match.start())
    return Explained(f"Lỗi cú pháp YAML: tệp có {char_name(match.group())} ở dòng {line}, cột {col}; "
                     "YAML không cho phép ký tự này.", CONTROL_HINT, line, col)


def explain(error: yaml.YAMLError, text: str, c_parser: bool = True) -> Explained:
    """The Vietnamese message, hint and position of a PyYAML error raised on `text`."""
    if isinstance(error, yaml.reader.ReaderError):
        return _reader(error, text, c_parser)
    if not isinstance(error, yaml.MarkedYAMLError):
        return Explained("Lỗi cú pháp YAML: không đọc được cấu trúc của tệp.", YAML_HINT, None, None)
    problem = (error.problem or "").lower()
    context = (error.context or "").lower()
    problem_at = _index(error.problem_mark, text)
    context_at = _index(error.context_mark, text)
    near = _lookalike_near(text, problem_at if problem_at is not None else context_at)
    if near is not None:
        return near
    special = _misplaced(problem, text, problem_at)
    if special is not None:
        return special
    for words, needs, vi, hint, use_context in _TABLE:
        if any(w in problem for w in words) and (needs is None or needs in context):
            at = context_at if use_context and context_at is not None else problem_at
            if at is None:
                at = context_at
            line, col = line_col(text, at) if at is not None else (None, None)
            context_line = line_col(text, context_at)[0] if context_at is not None else line
            char = char_name(text[problem_at]) if problem_at is not None and problem_at < len(text) else "lạ"
            message = vi.replace("{context_line}", str(context_line)).replace("{char}", char)
            return Explained(f"Lỗi cú pháp YAML: {message}.", hint, line, col)
    at = problem_at if problem_at is not None else context_at
    line, col = line_col(text, at) if at is not None else (None, None)
    return Explained("Lỗi cú pháp YAML: cấu trúc của tệp không đúng ở đây.", YAML_HINT, line, col)


def _misplaced(problem: str, text: str, at: int | None) -> Explained | None:
    """Two common causes of libyaml's "did not find expected key" that its words hide: a list
    item among keys, and words after a closing quote."""
    if at is None or at >= len(text) or ("expected key" not in problem and "block end" not in problem):
        return None
    line, col = line_col(text, at)
    if text.startswith("- ", at) or text[at:at + 2] == "-\n":
        return Explained(
            "Lỗi cú pháp YAML: mục danh sách “- ” ở dòng này thụt lề không thẳng cột với các mục cùng danh sách, "
            "hoặc nằm lẫn giữa các khóa.",
            "Các dấu “-” của cùng một danh sách phải thẳng cột, dưới tên danh sách (ví dụ “members:”) và thụt lề vào "
            "trong; kiểm tra dòng tên danh sách ở trên có bị thiếu không.", line, col)
    before = text[:at].rstrip(" ")
    if before.endswith(('"', "'")) and "\n" not in text[len(before) - 1:at]:
        return Explained(
            "Lỗi cú pháp YAML: sau dấu ngoặc đóng còn chữ thừa trên cùng dòng.",
            "Đặt cả giá trị trong một cặp ngoặc kép; dấu ngoặc kép bên trong chữ thì dùng “ ” hoặc viết \\\".",
            line, col)
    return None


def _index(mark, text: str) -> int | None:
    if mark is None:
        return None
    index = getattr(mark, "index", None)
    if isinstance(index, int) and 0 <= index <= len(text):
        return index
    # A mark without a usable index: walk its (YAML 1.1) line and column.
    lines = re.split(r"\r\n|[\r\n\x85\u2028\u2029]", text)
    return sum(len(l) + 1 for l in lines[: mark.line]) + mark.column


def _lookalike_near(text: str, index: int | None) -> Explained | None:
    """A tab, a no-break space, a BOM or a full-width colon on the line where the parser gave
    up, or on the line above: the real cause, named with its own column."""
    if index is None:
        return None
    line, _ = line_col(text, index)
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    first = starts[max(0, line - 2)]
    last = starts[line] if line < len(starts) else len(text)
    match = _LOOKALIKE_RE.search(text, first, last)
    if match is None:
        return None
    name, hint = _LOOKALIKES[match.group()]
    at_line, at_col = line_col(text, match.start())
    return Explained(f"Lỗi cú pháp YAML: dòng {at_line} có {name} ở cột {at_col}.", hint, at_line, at_col)


def _reader(error: yaml.reader.ReaderError, text: str, c_parser: bool) -> Explained:
    position = error.position if isinstance(error.position, int) else 0
    # libyaml's reader counts bytes of the UTF-8 text; PyYAML's own reader counts characters.
    index = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore")) if c_parser else position
    index = min(index, len(text))
    ch = text[index] if index < len(text) else (chr(error.character) if isinstance(error.character, int) else "?")
    line, col = line_col(text, index)
    return Explained(f"Lỗi cú pháp YAML: tệp có {char_name(ch)} ở dòng {line}, cột {col}; YAML không cho phép ký tự này.",
                     CONTROL_HINT, line, col)
