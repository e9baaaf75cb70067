"""The canonical layout of a data file: takes a YAML file kind and the file's text (and, in the
check, the data the loader already read from it), gives the text in the canonical layout, or
whether the file is in it and where it first differs, or why it cannot be rewritten safely.

The layout: the leading comment block as it is (the `# yaml-language-server: $schema=…` line,
the sample-data marker; blank lines at its end dropped), then the body exactly as
`generator.load.yamlemit.dump_yaml` writes the data, with the keys of every mapping in the
field order of the kind's model (nested models too; keys a model does not know after the
known ones, in their order). Comments inside the body are kept at the record they belong to
(`yamlcomments`). Line breaks are "\\n", no byte-order mark. This is also the layout the web
editor saves, so a one-field edit is a one-line diff.

A file is never rewritten when that could lose an edit: when it does not load, when loading
reports an error (a duplicate key keeps only one value), when a number is spelled like
`1.068` (the rewrite would print the float), or when the rewritten text would not read back
as the same data and the same comments.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import yaml

from generator.core.findings import Finding, Severity
from generator.load.yamlemit import dump_yaml
from generator.load.yamlload import load_yaml_text
from generator.schema.filekinds import BY_NAME, KINDS, FileKind
from generator.schema.introspect import fields_of
from generator.model import yamlcomments

# The kinds `handbook fmt` lays out: every YAML kind (a Q&A file is Markdown).
FMT_KINDS = frozenset(kind.name for kind in KINDS if not kind.markdown)
CODE = "FILE-LAYOUT"
HINT = ("Chạy “handbook fmt” để sắp lại tệp theo bố cục chuẩn (hoặc “handbook fmt đường/dẫn/tệp.yml” cho riêng tệp "
        "này); dữ liệu và các dòng chú thích giữ nguyên.")


@dataclass
class Layout:
    """What the canonical layout of one file is, and how the file stands against it."""

    text: str | None  # the canonical text; None when the file must not be rewritten
    changed: bool = False  # the file differs from `text`
    line: int | None = None  # 1-based: the file's first line that differs (or why it is refused)
    problem: str | None = None  # Vietnamese: why the file is not rewritten (None: it may be)
    hint: str | None = None
    broken: bool = False  # it does not load cleanly: the check reports it, fmt passes it over


def _kind(kind: str | FileKind) -> FileKind:
    return kind if isinstance(kind, FileKind) else BY_NAME[kind]


# -- key order ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def _plan(model: type) -> tuple[tuple[str, ...], dict[str, type]]:
    specs = fields_of(model)
    return tuple(spec.name for spec in specs), {spec.name: spec.nested for spec in specs if spec.nested is not None}


@functools.lru_cache(maxsize=None)
def shape_of(model: type) -> tuple:
    """The model's key order as `dump_yaml` takes it: (field names, the same as a set, the
    shape of each nested model's field, the emitter's cache of key orders)."""
    names, nested = _plan(model)
    return names, frozenset(names), {name: shape_of(sub) for name, sub in nested.items()}, {}


def ordered(model: type | None, value: Any) -> Any:
    """`value` with the keys of every mapping the model describes in its field order (keys it
    does not know after, in their order); lists item by item."""
    t = type(value)
    if model is None or (t is not dict and t is not list):
        return value
    if t is list:
        return [ordered(model, item) for item in value]
    names, nested = _plan(model)
    out: dict = {}
    for name in names:
        if name in value:
            item = value[name]
            sub = nested.get(name)
            out[name] = ordered(sub, item) if sub is not None else item
    if len(out) != len(value):
        for key, item in value.items():
            if key not in out:
                out[key] = item
    return out


# -- text ---------------------------------------------------------------------------------------


def split_header(text: str) -> tuple[str, str, int]:
    """(leading comment block, body, number of the block's lines in the file): the block is the
    comment and blank lines before the first line of data, without the blank lines at its end;
    the body starts after it. Line breaks become "\\n" and a byte-order mark goes."""
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if text[:1] not in ("#", " ", "\t", "\n"):  # the common case without a header is quick
        return "", text, 0
    count = 0  # lines of the block, blank ones at its end included
    position = 0  # where the line being looked at starts
    header_end = 0  # just after the block's last comment line
    while position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        stripped = text[position:end].strip()
        if stripped and not stripped.startswith("#"):
            break
        count += 1
        if stripped:
            header_end = end + 1
        position = end + 1
    else:  # comments only
        return text if text.endswith("\n") or not text else text + "\n", "", count
    return text[:header_end], text[position:], count


def first_difference(old: str, new: str) -> int:
    """The 1-based line of `old` where `new` first differs."""
    a, b = old.split("\n"), new.split("\n")
    for number, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return number + 1
    return min(len(a), len(b))


def _same(a: Any, b: Any) -> bool:
    """Equal data, types included (True is not 1, 1.0 is not 1)."""
    if type(a) is not type(b):
        return False
    if type(a) is dict:
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if type(a) is list:
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b or (a != a and b != b)


# -- the layout of one file ------------------------------------------------------------------


def _refusal(line: int | None, problem: str, hint: str, broken: bool = False) -> Layout:
    return Layout(text=None, line=line, problem=problem, hint=hint, broken=broken)


def layout_of(kind: str | FileKind, text: str, data: Any = None, loaded: Any = None, drop_comments: bool = False) -> Layout:
    """How `text`, a file of `kind`, stands against its canonical layout. `data` and `loaded`
    (the loader's `LoadedFile`) are what the loader read from it, when at hand; otherwise the
    text is loaded here. With `drop_comments` the comments inside the body are left out."""
    model = _kind(kind).model
    if loaded is None:
        loaded = load_yaml_text(text, "tệp", positions=False)
        data = loaded.data
    if not loaded.ok or any(f.severity is Severity.ERROR for f in loaded.findings):
        first = next((f for f in loaded.findings if f.severity is Severity.ERROR), None)
        return _refusal(first.line if first else None, "Tệp có lỗi (cú pháp YAML hoặc dữ liệu đọc sai) nên không được sắp lại.",
                        "Chạy “handbook check”, sửa lỗi được báo ở tệp này rồi chạy lại “handbook fmt”.", broken=True)
    if type(data) is not dict:
        return Layout(text=None)  # empty, comments only or not a mapping: the check says what to do
    if loaded.grouped:
        path, spelled = next(iter(loaded.grouped.items()))
        line = load_yaml_text(text, "tệp", positions=True).locate(path, prefer_key=False)[0]
        return _refusal(line, f"Số “{spelled}” có dấu chấm như dấu ngăn cách hàng nghìn; sắp lại tệp sẽ ghi nó thành số "
                              "thập phân nên tệp không được sắp lại.",
                        "Viết số không có dấu chấm (ví dụ 1068) rồi chạy lại “handbook fmt”.")
    header, body, header_lines = split_header(text)
    try:
        dumped = dump_yaml(data, shape_of(model))
    except (TypeError, ValueError):
        return _refusal(None, "Tệp có giá trị không ghi lại được ở dạng YAML chuẩn (ví dụ một số quá lớn) nên không được sắp lại.",
                        "Kiểm tra các giá trị số trong tệp rồi chạy lại “handbook fmt”.")
    if body == dumped or (not drop_comments and "#" in body and yamlcomments.only_line_comments_added(body, dumped)):
        canonical = header + body
    elif "#" not in body or drop_comments:
        canonical = header + dumped
    else:
        canonical = _with_comments(header, body, dumped, header_lines, text, ordered(model, data))
        if isinstance(canonical, Layout):
            return canonical
    if canonical == text:
        return Layout(text=canonical)
    return Layout(text=canonical, changed=True, line=first_difference(text.lstrip("\ufeff"), canonical))


def _with_comments(header: str, body: str, dumped: str, header_lines: int, text: str, data: Any) -> str | Layout:
    """The canonical text of a file whose body holds comments, each kept at its record; or why
    they cannot be kept."""
    clean = text.lstrip("\ufeff").replace("\r\n", "\n")
    try:
        comments = yamlcomments.comments_of(clean, header_lines)
    except yaml.YAMLError:
        comments = None
    if not comments:
        if comments is not None:  # a "#" inside text only
            return header + dumped
        return _comment_refusal(header_lines + 1)
    original = load_yaml_text(clean, "tệp", positions=True)
    anchors = yamlcomments.line_anchors(original.key_pos, original.value_pos)
    attached = yamlcomments.attach(comments, anchors)
    rewritten = load_yaml_text(dumped, "tệp", positions=True)
    shifted = yamlcomments.line_anchors(rewritten.key_pos, rewritten.value_pos)
    canonical = header + yamlcomments.place(dumped, attached, shifted)
    # Never lose an edit: the new text must read back as the same data with the same comments.
    check = load_yaml_text(canonical, "tệp", positions=False)
    try:
        kept = yamlcomments.comments_of(canonical, header.count("\n"))
    except yaml.YAMLError:
        kept = []
    if not (check.ok and _same(check.data, data)
            and sorted(c.text for c in kept) == sorted(c.text for c in comments)):
        return _comment_refusal(comments[0].line + 1)
    return canonical


def _comment_refusal(line: int) -> Layout:
    return _refusal(line, f"Dòng chú thích “#” ở dòng {line} nằm ở chỗ không giữ được khi sắp lại tệp, nên tệp không được "
                          "sắp lại (để không mất chú thích).",
                    "Chuyển nội dung chú thích vào trường ghi chú của bản ghi (note / ghi chú) hoặc lên đầu tệp, rồi chạy "
                    "lại “handbook fmt”; muốn bỏ hẳn các chú thích trong thân tệp thì chạy “handbook fmt --drop-comments”.")


def canonical_text(kind: str | FileKind, text: str) -> str | None:
    """The text of a file of `kind` in the canonical layout; None when it cannot be parsed (or
    must not be rewritten: see `layout_of`)."""
    return layout_of(kind, text).text


def layout_finding(kind: str | FileKind, text: str, data: Any, loaded: Any, name: str) -> Finding | None:
    """The check's note for a file not in its canonical layout (None when it is, or when it
    cannot be rewritten: the check reports why elsewhere)."""
    layout = layout_of(kind, text, data, loaded)
    if not layout.changed:
        return None
    return Finding(
        CODE, Severity.INFO,
        "Tệp chưa theo bố cục chuẩn (thứ tự khóa, cách viết danh sách, dấu ngoặc kép, dòng trống); "
        f"từ dòng {layout.line} trở đi khác với bản “handbook fmt” sẽ ghi.",
        file=name, line=layout.line, column=1, hint=HINT,
    )
