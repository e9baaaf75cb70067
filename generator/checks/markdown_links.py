"""Links and images in Markdown: takes a `Dataset`, gives findings at their line for links
whose target would run code (`javascript:`, `vbscript:`, `data:`) and for images, which
the site never shows: one from another site or from the editor's own computer would make
the reader's browser fetch it (the site promises no request off the site), and one from the
project is not displayed either (photos go in `photos:` entries).

The site's sanitiser (nh3, `site/html.py`) already drops all of these on output; the point
here is that the editor is told, instead of finding the link or picture silently gone. Both
are warnings, not errors: nothing unsafe can reach a page (tests/test_site_browser.py builds
such data on purpose and checks it stays inert), and text pasted from news sites often
carries `javascript:void(0)` links that must not stop a province's publication; `handbook
check --strict`, as a content repository's CI may run it, refuses them.
Covered: Q&A answers (content/qa/*.md) and every Markdown field of the data and the
training modules (stories, activity contents, handouts, notes …).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel

from generator.model.dataset import Dataset, Located
from generator.core.findings import Finding, Severity
from generator.load.yamlload import format_path

UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE = re.compile(r"(!?)\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]*(?:\([^)\s]*\)[^)\s>]*)*)")
_REFERENCE_USE = re.compile(r"(!?)\[((?:[^\]\\]|\\.)*)\]\[([^\]]*)\]")
_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:")


def check_markdown_links(ds: Dataset) -> list[Finding]:
    findings: list[Finding] = []
    for at in ds.qa.values():
        findings += _scan(at.obj.answer, at, ("question",), ds.root, first_line=at.obj.answer_line)
    for at in _records(ds):
        for sub, text in markdown_fields(at.obj):
            findings += _scan(text, at, sub, ds.root, first_line=None)
    return findings


def _records(ds: Dataset) -> Iterator[Located]:
    for collection in (ds.teams, ds.blocs, ds.models, ds.assignments, ds.modules):
        yield from collection.values()
    yield from ds.terms


def markdown_fields(obj: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(key path, text) of every Markdown field inside a record."""
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from markdown_fields(item, path + (i,))
        return
    if not isinstance(obj, BaseModel):
        return
    for name, is_markdown, nested in _fields(type(obj)):
        value = getattr(obj, name, None)
        if is_markdown and isinstance(value, str):
            yield path + (name,), value
        elif nested and value is not None:
            yield from markdown_fields(value, path + (name,))


@lru_cache(maxsize=None)
def _fields(model: type[BaseModel]) -> tuple[tuple[str, bool, bool], ...]:
    """(name, whether it holds Markdown, whether it may hold records), once per class."""
    out = []
    for name, info in model.model_fields.items():
        markdown = (info.json_schema_extra or {}).get("x-format") == "markdown" if isinstance(info.json_schema_extra, dict) else False
        markdown = markdown or "'x-format': 'markdown'" in repr(info.annotation)
        nested = "BaseModel" in repr(info.annotation) or any(
            isinstance(t, type) and issubclass(t, BaseModel) for t in _types(info.annotation))
        out.append((name, markdown, nested))
    return tuple(out)


def _types(annotation: Any) -> Iterator[Any]:
    yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _types(arg)


def targets(text: str) -> Iterator[tuple[int, bool, str]]:
    """(0-based line within the text, whether it is an image, target) of every link and image,
    outside code blocks and code spans."""
    definitions: dict[str, str] = {}
    lines = text.split("\n")
    fenced = False
    usable: list[tuple[int, str]] = []
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        line = _CODE_SPAN.sub(lambda m: " " * len(m.group()), line)
        match = _DEFINITION.match(line)
        if match:
            definitions[match.group(1).strip().lower()] = match.group(2)
            yield number, False, match.group(2)
            continue
        usable.append((number, line))
    for number, line in usable:
        for match in _INLINE.finditer(line):
            yield number, match.group(1) == "!", match.group(3)
        for match in _REFERENCE_USE.finditer(line):
            if match.group(1) == "!":
                label = (match.group(3) or match.group(2)).strip().lower()
                if label in definitions:
                    yield number, True, definitions[label]
        for match in _AUTOLINK.finditer(line):
            yield number, False, match.group(1)


def normalised(target: str) -> str:
    """What a browser would make of a target: entities decoded, blanks and controls gone
    ("java&#115;cript:" and "java script:" are javascript: to it), lower case."""
    text = html.unescape(html.unescape(target))
    return "".join(ch for ch in text if ch > " " and ch != "\x7f").lower()


def _scan(text: str | None, at: Located, sub: tuple, root: Path, first_line: int | None) -> list[Finding]:
    if not text or ("](" not in text and "]:" not in text and "][" not in text and "<" not in text):
        return []
    findings = []
    for offset, image, target in targets(text):
        url = normalised(target)
        if url.startswith(UNSAFE_SCHEMES):
            scheme = url.split(":", 1)[0]
            message = (f"{'Ảnh' if image else 'Liên kết'} trỏ tới “{scheme}:”, loại địa chỉ có thể chạy mã hoặc nhúng nội dung "
                       "lạ vào trang; liên kết này bị xóa khi dựng trang và bản in.")
            hint = "Xóa liên kết này, hoặc thay bằng địa chỉ trang web bắt đầu bằng https://."
            findings.append(_finding("MD-UNSAFE-LINK", Severity.WARNING, at, sub, root, offset, first_line, target, message, hint))
        elif image:
            if _SCHEME.match(url) and not url.startswith(("http:", "https:")) or url.startswith(("/", "\\")) and not url.startswith("//"):
                where = "từ máy tính của người soạn (đường dẫn trên máy, người đọc không mở được)"
            elif url.startswith(("http:", "https:", "//")):
                where = "từ một trang web khác (trang sổ tay không tải gì từ bên ngoài)"
            else:
                where = "chèn trong đoạn văn (trang sổ tay chỉ hiện ảnh khai trong mục photos:)"
            findings.append(_finding(
                "MD-IMAGE-NOT-SHOWN", Severity.WARNING, at, sub, root, offset, first_line, target,
                f"Ảnh “{_short(target)}” {where} sẽ không hiện trên trang và bản in.",
                ("Tải ảnh về (nếu được phép dùng), " if "trang web" in where else "Chép ảnh vào dự án, ")
                + "đặt vào data/photos/ và khai trong mục photos: (file, caption, approved, publish) của mô hình "
                "hoặc hoạt động; xóa cú pháp ![…](…) khỏi đoạn văn.",
            ))
    return findings


def _short(target: str, limit: int = 60) -> str:
    return target if len(target) <= limit else target[: limit - 1] + "…"


def _finding(code: str, severity: Severity, at: Located, sub: tuple, root: Path, offset: int, first_line: int | None,
             target: str, message: str, hint: str) -> Finding:
    if first_line is not None:  # a Q&A answer: its lines are the file's, from first_line on
        line, col = first_line + offset, None
    else:
        line, col = _line_in_file(at, sub, root, offset, target)
    return Finding(code, severity, message, file=at.file.path, line=line, column=col,
                   path=format_path(at.path + sub) or None, hint=hint)


def _line_in_file(at: Located, sub: tuple, root: Path, offset: int, target: str) -> tuple[int | None, int | None]:
    """The line of a target inside a YAML text value: the first line at or after the value's
    own that holds the target (a block scalar "|" starts on the next line; a folded or quoted
    one may be spread over lines differently from the text)."""
    line, col = at.file.locate(at.path + sub, prefer_key=False)
    if line is None:
        return line, col
    try:
        lines = Path(root, at.file.path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = None
    if lines:
        for number in range(line - 1, len(lines)):
            if target in lines[number]:
                return number + 1, lines[number].index(target) + 1
    return line + offset, None
