"""The careful path's second half: takes the node tree PyYAML composes from a file's text,
gives plain Python data, the line and column of every key and value, and findings for what
an editor got wrong inside well-formed YAML (a duplicate key, a tag, an alias bomb, text not
in NFC or in a legacy encoding). `yamlload` screens the text and decides when this path runs.

Why not `yaml.safe_load`: it silently keeps the last of two duplicate keys (an editor's
edit is lost), expands aliases without bound, forgets line numbers, reads `no` as False
and `0123` as an octal number. Here the node tree is composed (with the C parser when
present) and turned into data by hand.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

import yaml

from generator.core.findings import Finding, Severity
from generator.core.text import LEGACY_FIX_VI, LEGACY_NAMES_VI, is_nfc, legacy_encoding, nfc
from generator.load.yamlfast import _FLOAT, _INT, _MAY_BE_TYPED, MAX_DEPTH

try:  # The C parser keeps marks (line, column) and is several times faster.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

# libyaml counts a reader error's position in bytes, the pure-Python parser in characters.
C_PARSER = _Loader is not yaml.SafeLoader
ALIAS_EXPANSION_FACTOR = 10  # data may hold at most this many times the file's own nodes
ALIAS_EXPANSION_FLOOR = 10_000

Path_ = tuple  # key path: ("groups", 2, "households")

_T = "tag:yaml.org,2002:"
_PLAIN = "tag:handbook,2024:plain"  # a plain scalar whose type we decide ourselves
_SCALAR_TAGS = {_T + t for t in ("str", "int", "float", "bool", "null", "timestamp")} | {_PLAIN}
_COLLECTION_TAGS = {_T + "map", _T + "seq", _T + "omap"}
_NULLS = {"", "~", "null", "Null", "NULL"}
_GROUPED = re.compile(r"[-+]?[0-9]{1,3}\.[0-9]{3}$")  # 1.068: a float to YAML, 1068 to a Vietnamese reader


class _PlainLoader(_Loader):
    """PyYAML's implicit resolver tries a dozen regular expressions per value (and reads
    "no" as False, "10:30" as 630); plain values are typed by `DataBuilder._plain` instead."""

    def resolve(self, kind, value, implicit):  # noqa: D401 - PyYAML's signature
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else _T + "str"
        return _T + ("seq" if kind is yaml.SequenceNode else "map")


def compose(text: str) -> yaml.Node | None:
    """The node tree of a text (None when it holds no data); raises yaml.YAMLError."""
    return yaml.compose(text, Loader=_PlainLoader)


class LoadAborted(Exception):
    """The file cannot be turned into data; the finding says why."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message)
        self.finding = finding


class Filled(Protocol):
    """What a `DataBuilder` fills in: `yamlload.LoadedFile` (not imported: it imports this)."""

    key_pos: dict[Path_, tuple[int, int]]
    value_pos: dict[Path_, tuple[int, int]]
    findings: list[Finding]
    grouped: dict[Path_, str]


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"  # editors count from 1
        else:
            out += ("." if out else "") + str(part)
    return out


def count_nodes(root: yaml.Node) -> int:
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


class DataBuilder:
    """Turns one file's node tree into data (`build` on the root), filling in `result` as it
    goes; an alias may expand to at most ALIAS_EXPANSION_FACTOR times the file's own nodes."""

    def __init__(self, name: str, result: Filled, node_count: int | None, positions: bool = True,
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
