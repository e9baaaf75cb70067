"""Safe YAML loading with locations: takes a file's bytes, gives plain Python data, the line
and column of every key and value, and findings for whatever an editor got wrong.

Why not `yaml.safe_load`: it silently keeps the last of two duplicate keys (an editor's
edit is lost), expands aliases without bound, forgets line numbers, reads `no` as False
and `0123` as an octal number. Here the node tree is composed (with the C parser when
present) and turned into data by hand.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from generator.core.findings import Finding, Severity
from generator.load.yamlfast import (
    _DECLINED, _FLOAT, _INT, _MAY_BE_TYPED, _MAYBE_ODD_SPACE, MAX_DEPTH, _clean_text, _fast_load, _nesting_too_deep,
)
from generator.load.yamlerrors import Explained, explain, odd_character, odd_indentation
from generator.core.text import LEGACY_FIX_VI, LEGACY_NAMES_VI, is_nfc, legacy_encoding, nfc, number_vi

try:  # The C parser keeps marks (line, column) and is several times faster.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

DEFAULT_MAX_BYTES = 8 * 1024 * 1024
UNREADABLE_HINT = "Kiểm tra tệp còn đó và tài khoản đang chạy lệnh có quyền đọc tệp, rồi chạy lại."
ALIAS_EXPANSION_FACTOR = 10  # data may hold at most this many times the file's own nodes
ALIAS_EXPANSION_FLOOR = 10_000

Path_ = tuple  # key path: ("groups", 2, "households")

_T = "tag:yaml.org,2002:"
_PLAIN = "tag:handbook,2024:plain"  # a plain scalar whose type we decide ourselves
_SCALAR_TAGS = {_T + t for t in ("str", "int", "float", "bool", "null", "timestamp")} | {_PLAIN}
_NULLS = {"", "~", "null", "Null", "NULL"}
_GROUPED = re.compile(r"[-+]?[0-9]{1,3}\.[0-9]{3}$")  # 1.068: a float to YAML, 1068 to a Vietnamese reader
# First characters of the plain values `_plain` may type as null, bool or number; any other
# plain value is text (most are, so they skip the regular expressions).


class _FastLoader(_Loader):
    """PyYAML's implicit resolver tries a dozen regular expressions per value (and reads
    "no" as False, "10:30" as 630); plain values are typed by `_Builder._plain` instead."""

    def resolve(self, kind, value, implicit):  # noqa: D401 - PyYAML's signature
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else _T + "str"
        return _T + ("seq" if kind is yaml.SequenceNode else "map")
_COLLECTION_TAGS = {_T + "map", _T + "seq", _T + "omap"}


class LoadAborted(Exception):
    """The file cannot be turned into data; the finding says why."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message)
        self.finding = finding


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
            node = yaml.compose(text.lstrip("\ufeff"), Loader=_FastLoader)
        except yaml.YAMLError:
            return
        if node is not None:
            located = LoadedFile(path=self.path)
            try:
                _Builder(self.path, located, None, positions=True).build(node, (), 0)
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


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"  # editors count from 1
        else:
            out += ("." if out else "") + str(part)
    return out


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
        node = yaml.compose(text, Loader=_FastLoader)
    except (yaml.YAMLError, UnicodeEncodeError) as exc:
        explained = explain(exc, text, c_parser=_Loader is not yaml.SafeLoader) if isinstance(exc, yaml.YAMLError) \
            else odd_character(text) or explain(yaml.YAMLError(), text)
        return _aborted(name, _syntax_finding(name, explained))
    if node is None:
        result.ok = True
        result.data = None
        result.comments_only = bool(text.strip())
        return result
    # Aliases need an anchor ("&") and a reference ("*"); without both nothing can expand.
    node_count = _count_nodes(node) if ("&" in text and "*" in text) else None
    builder = _Builder(name, result, node_count, positions=positions, clean=_clean_text(text))
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


def _count_nodes(root: yaml.Node) -> int:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack.extend((k, v))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return len(seen)


class _Builder:
    def __init__(self, name: str, result: LoadedFile, node_count: int | None, positions: bool = True,
                 clean: bool = False):
        self.name = name
        self.clean = clean  # the whole text passed the NFC and legacy-encoding screens
        self.result = result
        self.positions = positions
        self.budget = float("inf") if node_count is None else max(ALIAS_EXPANSION_FLOOR, node_count * ALIAS_EXPANSION_FACTOR)
        self.built = 0

    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return (node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.built += 1
        if self.built > self.budget:
            line, col = self._pos(node)
            raise LoadAborted(Finding(
                "YAML-ALIAS-BOMB", Severity.ERROR,
                "Các tham chiếu “*tên” (alias) nở ra quá nhiều dữ liệu so với kích thước tệp; tệp bị từ chối để bảo vệ máy dựng.",
                file=self.name, line=line, column=col,
                hint="Viết dữ liệu ra trực tiếp thay vì dùng neo “&” và tham chiếu “*”.",
            ))
        if depth > MAX_DEPTH:
            line, col = self._pos(node)
            raise LoadAborted(Finding(
                "YAML-TOO-DEEP", Severity.ERROR,
                f"Dữ liệu lồng nhau quá {MAX_DEPTH} cấp (có thể do một tham chiếu trỏ vào chính nó).",
                file=self.name, line=line, column=col,
                hint="Viết dữ liệu ra trực tiếp thay vì dùng neo “&” và tham chiếu “*”; kiểm tra thụt lề.",
            ))
        if self.positions:
            self.result.value_pos.setdefault(path, self._pos(node))
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag not in _SCALAR_TAGS:
                self._unsafe_tag(node)
            return self._scalar(node, path)
        if tag not in _COLLECTION_TAGS:
            self._unsafe_tag(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (i,), depth + 1) for i, child in enumerate(node.value)]
        mapping: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                line, col = self._pos(key_node)
                raise LoadAborted(Finding(
                    "YAML-COMPLEX-KEY", Severity.ERROR, "Tên khóa phải là một chữ, không được là danh sách hay bảng.",
                    file=self.name, line=line, column=col,
                    hint="Xóa dấu “?” hoặc ngoặc [ ] { } ở tên khóa; nếu tên có ký tự đặc biệt, đặt nó trong ngoặc kép.",
                ))
            if key_node.tag not in _SCALAR_TAGS:
                self._unsafe_tag(key_node)
            key = key_node.value if self.clean else nfc(str(key_node.value))
            if key in first_seen:
                line, col = self._pos(key_node)
                self.result.findings.append(Finding(
                    "YAML-DUPLICATE-KEY", Severity.ERROR,
                    f"Khóa “{key}” xuất hiện hai lần trong cùng một khối (lần đầu ở dòng {first_seen[key]}); "
                    "chỉ một giá trị được giữ lại và sửa đổi kia sẽ bị mất.",
                    file=self.name, line=line, column=col, path=format_path(path + (key,)),
                    hint="Xóa một trong hai dòng hoặc gộp hai giá trị làm một.",
                ))
                continue
            first_seen[key] = key_node.start_mark.line + 1
            if self.positions:
                self.result.key_pos[path + (key,)] = self._pos(key_node)
            mapping[key] = self.build(value_node, path + (key,), depth + 1)
        return mapping

    def _unsafe_tag(self, node: yaml.Node) -> None:
        line, col = self._pos(node)
        if node.tag == _T + "merge":
            raise LoadAborted(Finding(
                "YAML-MERGE-KEY", Severity.ERROR,
                "Khóa gộp “<<:” không được hỗ trợ trong dữ liệu.", file=self.name, line=line, column=col,
                hint="Viết đầy đủ các khóa thay vì gộp từ một neo “&”.",
            ))
        raise LoadAborted(Finding(
            "YAML-UNSAFE-TAG", Severity.ERROR,
            f"Thẻ “{node.tag.replace(_T, '!!')}” không được phép trong dữ liệu; chỉ dùng chữ, số, danh sách và bảng thông thường.",
            file=self.name, line=line, column=col,
            hint="Xóa phần bắt đầu bằng “!” hoặc “!!” trước giá trị.",
        ))

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        value = node.value
        tag = node.tag
        if tag == _PLAIN:
            return self._plain(value, node, path)
        if node.style in ("'", '"', "|", ">") or tag == _T + "str" or tag == _T + "timestamp":
            return self._text(value, node, path)
        if tag == _T + "null":
            return None
        if tag == _T + "bool":
            low = value.lower()
            if low in ("true", "false"):
                return low == "true"
            return self._text(value, node, path)  # YAML 1.1's yes/no/on/off stay words
        if tag == _T + "int":
            digits = value.lstrip("+-")
            if len(digits) > 1 and digits.startswith("0") and digits.isdigit():
                return value  # a phone number or a code such as 0123, not an octal number
            try:
                return int(value.replace("_", ""), 0)
            except ValueError:
                return value
        if tag == _T + "float":
            try:
                return float(value.replace("_", ""))
            except ValueError:
                return value
        return self._text(value, node, path)

    def _plain(self, value: str, node: yaml.ScalarNode, path: Path_) -> Any:
        first = value[:1]
        if first not in _MAY_BE_TYPED:
            return value if self.clean else self._text(value, node, path)
        if value in _NULLS:
            return None
        low = value.lower()
        if low in ("true", "false"):
            return low == "true"
        if _INT.match(value):
            digits = value.lstrip("+-")
            if len(digits) > 1 and digits.startswith("0"):
                return value  # a phone number or a code such as 0123
            return int(value.replace("_", ""))
        if _FLOAT.match(value):
            if _GROUPED.match(value):
                self.result.grouped[path] = value
            return float(value.replace("_", ""))
        return self._text(value, node, path)

    def _text(self, value: str, node: yaml.Node, path: Path_) -> str:
        if self.clean:
            return value
        line, col = self._pos(node)
        if not is_nfc(value):
            self.result.findings.append(Finding(
                "TEXT-NOT-NFC", Severity.INFO,
                "Chữ ở đây được gõ ở dạng tổ hợp (NFD, thường do chép từ Word trên macOS); đã tự chuẩn hóa sang dạng dựng sẵn (NFC).",
                file=self.name, line=line, column=col, path=format_path(path),
                hint="Không bắt buộc sửa. Muốn tệp gọn, gõ lại đoạn chữ này bằng bộ gõ với bảng mã Unicode dựng sẵn (UniKey: Unicode).",
            ))
            value = nfc(value)
        encoding = legacy_encoding(value)
        if encoding:
            self.result.findings.append(Finding(
                "TEXT-LEGACY-ENCODING", Severity.ERROR,
                f"Chữ “{_excerpt(value)}” có vẻ được gõ bằng bảng mã cũ {LEGACY_NAMES_VI[encoding]}, "
                "sẽ hiển thị thành chữ lỗi trên trang web và bản in.",
                file=self.name, line=line, column=col, path=format_path(path), hint=LEGACY_FIX_VI,
            ))
        return value


def _excerpt(value: str, limit: int = 40) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"
