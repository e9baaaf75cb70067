"""Safe YAML loading with locations: takes a data file (or its bytes, or its text), gives a
`LoadedFile`: plain Python data, the line and column of every key and value, and findings for
whatever an editor got wrong.

Here the text is screened before any parser sees it (size, readability, UTF-8, nesting depth,
spaces and characters YAML would misread; syntax errors worded by `yamlerrors`), and the path
is chosen: a clean file read without positions takes the fast path (`yamlfast`, yaml-rs), any
other the careful path (`yamlnodes`: PyYAML's node tree turned into data by our own rules),
which also works out a fast-loaded file's positions the first time a finding needs one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from generator.core.findings import Finding, Severity
from generator.load.yamlfast import _DECLINED, _MAYBE_ODD_SPACE, MAX_DEPTH, _clean_text, _fast_load, _nesting_too_deep
from generator.load.yamlerrors import Explained, explain, odd_character, odd_indentation
from generator.load.yamlnodes import C_PARSER, DataBuilder, LoadAborted, Path_, compose, count_nodes
from generator.load.yamlnodes import format_path  # noqa: F401  (every stage names key paths with it, from here)
from generator.core.text import LEGACY_FIX_VI, number_vi

DEFAULT_MAX_BYTES = 8 * 1024 * 1024
UNREADABLE_HINT = "Kiểm tra tệp còn đó và tài khoản đang chạy lệnh có quyền đọc tệp, rồi chạy lại."


@dataclass
class LoadedFile:
    path: str
    data: Any = None
    key_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    value_pos: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    ok: bool = False
    digest: str = ""  # of the file's bytes: what a cached output made from this file is keyed on
    # Loaded without positions (large projects): `reload` gives the text again, and the
    # positions are worked out the first time a finding needs one.
    reload: Callable[[], str] | None = None
    comments_only: bool = False  # no data, but not blank either: only comments (or "---")
    # Plain numbers written like 1.068 (read as floats): key path -> the text as written, for
    # validation to refuse in whole-number fields (Vietnamese writes a thousands dot).
    grouped: dict[Path_, str] = field(default_factory=dict)

    def ensure_positions(self) -> None:
        if self.reload is None:
            return
        text, self.reload = self.reload(), None
        try:
            node = compose(text.lstrip("\ufeff"))
        except yaml.YAMLError:
            return
        if node is not None:
            located = LoadedFile(path=self.path)
            try:
                DataBuilder(self.path, located, None, positions=True).build(node, (), 0)
            except (LoadAborted, RecursionError):
                return
            self.key_pos, self.value_pos = located.key_pos, located.value_pos

    def locate(self, path: Path_, prefer_key: bool = True) -> tuple[int | None, int | None]:
        """Line and column (1-based) of a key path, or of its nearest located ancestor."""
        self.ensure_positions()
        path = tuple(path)
        while True:
            first, second = (self.key_pos, self.value_pos) if prefer_key else (self.value_pos, self.key_pos)
            if path in first:
                return first[path]
            if path in second:
                return second[path]
            if not path:
                return (1, 1) if self.ok else (None, None)
            path = path[:-1]


def load_yaml_file(path: str | Path, display: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                   positions: bool = True) -> LoadedFile:
    path = Path(path)
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return _aborted(name, Finding(
                "FILE-TOO-LARGE", Severity.ERROR,
                f"Tệp dài {number_vi(size)} byte, vượt giới hạn {number_vi(max_bytes)} byte cho một tệp dữ liệu.",
                file=name, hint="Hãy tách dữ liệu thành nhiều tệp nhỏ hơn (ví dụ mỗi xã một tệp).",
            ))
        raw = path.read_bytes()
    except OSError as exc:
        return _aborted(name, Finding("FILE-UNREADABLE", Severity.ERROR, f"Không đọc được tệp: {os_error_vi(exc)}.", file=name,
                                      hint=UNREADABLE_HINT))
    loaded = load_yaml_bytes(raw, name, max_bytes=max_bytes, positions=positions)
    loaded.digest = content_digest(raw)
    if loaded.ok and not positions:
        loaded.reload = text_reader(path)
    return loaded


def os_error_vi(exc: OSError) -> str:
    """Why a file could not be read, in Vietnamese (the system's own words are English)."""
    import errno

    return {
        errno.EACCES: "không có quyền đọc tệp", errno.EPERM: "không có quyền đọc tệp",
        errno.ENOENT: "tệp không còn ở đó (có thể vừa bị xóa hoặc đổi tên)", errno.EISDIR: "đây là một thư mục",
        errno.ELOOP: "đường dẫn tắt (symlink) trỏ vòng", errno.EIO: "lỗi đọc đĩa",
    }.get(exc.errno, f"lỗi hệ thống số {exc.errno}")


def text_reader(path: Path) -> Callable[[], str]:
    """What `LoadedFile.reload` calls: the file's text, read again when a finding needs a line."""
    return lambda: path.read_bytes().decode("utf-8", errors="replace")


def content_digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def load_yaml_bytes(raw: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES, positions: bool = True) -> LoadedFile:
    if len(raw) > max_bytes:
        return _aborted(name, Finding(
            "FILE-TOO-LARGE", Severity.ERROR,
            f"Tệp dài {number_vi(len(raw))} byte, vượt giới hạn {number_vi(max_bytes)} byte cho một tệp dữ liệu.",
            file=name, hint="Hãy tách dữ liệu thành nhiều tệp nhỏ hơn (ví dụ mỗi xã một tệp).",
        ))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return _aborted(name, Finding(
            "TEXT-NOT-UTF8", Severity.ERROR,
            "Tệp không phải văn bản Unicode (UTF-8); có lẽ được lưu bằng bảng mã cũ như TCVN3 (ABC) hoặc VNI.",
            file=name, line=line, hint="Mở tệp bằng trình soạn thảo và lưu lại với bảng mã UTF-8. " + LEGACY_FIX_VI,
        ))
    return load_yaml_text(text, name, positions=positions)


def load_yaml_text(text: str, name: str, positions: bool = True) -> LoadedFile:
    result = LoadedFile(path=name)
    text = text.lstrip("\ufeff")
    too_deep = _nesting_too_deep(text)
    if too_deep:
        return _aborted(name, Finding(
            "YAML-TOO-DEEP", Severity.ERROR, f"Dữ liệu lồng nhau quá {MAX_DEPTH} cấp.", file=name, line=too_deep,
            hint="Dữ liệu sổ tay không cần lồng sâu như vậy; kiểm tra các dấu ngoặc [ { và thụt lề.",
        ))
    # Spaces that are not spaces to YAML (a no-break space pasted from Word or a web page) at
    # the start of a line would turn the key into "\u00a0 issuer" on either path.
    odd = odd_indentation(text) if _MAYBE_ODD_SPACE.search(text) else None
    if odd is not None:
        return _aborted(name, _syntax_finding(name, odd))
    if not positions:
        fast = _fast_load(text)
        if fast is not _DECLINED:
            result.data, result.ok = fast, True
            result.comments_only = fast is None and bool(text.strip())
            return result
    # Characters libyaml would refuse without a line, or read as line breaks an editor does
    # not show (NEL, LS, PS), or a BOM in the middle: named at their own line.
    odd = odd_character(text)
    if odd is not None:
        return _aborted(name, _syntax_finding(name, odd))
    try:
        node = compose(text)
    except (yaml.YAMLError, UnicodeEncodeError) as exc:
        explained = explain(exc, text, c_parser=C_PARSER) if isinstance(exc, yaml.YAMLError) \
            else odd_character(text) or explain(yaml.YAMLError(), text)
        return _aborted(name, _syntax_finding(name, explained))
    if node is None:
        result.ok = True
        result.data = None
        result.comments_only = bool(text.strip())
        return result
    # Aliases need an anchor ("&") and a reference ("*"); without both nothing can expand.
    node_count = count_nodes(node) if ("&" in text and "*" in text) else None
    builder = DataBuilder(name, result, node_count, positions=positions, clean=_clean_text(text))
    try:
        result.data = builder.build(node, (), 0)
    except LoadAborted as exc:
        return _aborted(name, exc.finding)
    except RecursionError:
        return _aborted(name, Finding("YAML-TOO-DEEP", Severity.ERROR, "Dữ liệu lồng nhau quá sâu.", file=name, line=1,
                                      hint="Dữ liệu sổ tay không cần lồng sâu như vậy; kiểm tra các dấu ngoặc [ { và thụt lề."))
    result.ok = True
    return result


def _syntax_finding(name: str, explained: Explained) -> Finding:
    return Finding("YAML-SYNTAX", Severity.ERROR, explained.message, file=name, line=explained.line,
                   column=explained.column, hint=explained.hint)


def _aborted(name: str, finding: Finding) -> LoadedFile:
    return LoadedFile(path=name, data=None, findings=[finding], ok=False)
