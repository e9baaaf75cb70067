"""Comments inside a data file's body: takes a YAML text, gives its comments (line, column,
text, whether they stand alone on their line or follow a value) and the record each belongs
to; and takes a canonical body with the comments of the text it came from, gives that body
with each comment put back at its record — above the record's line at its indentation, or at
the end of that line for a comment that followed a value.

A comment belongs to the record (key or list item, as a key path) that starts on the next
line holding one; a comment after a value belongs to the record of its own line. So a note
written above `households: 56` stays above it wherever `handbook fmt` moves the key, and
`- {title: …}  # note` keeps its note when the flow mapping becomes a block.

Comments are found from the scanner's tokens (libyaml's when present): whatever no token
covers and is not a space is a comment, so a `#` inside text (quoted, plain or a literal
block) is never taken for one.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

try:
    _Scanner = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Scanner = yaml.SafeLoader

Path_ = tuple


@dataclass(frozen=True)
class Comment:
    line: int  # 0-based line of the text
    column: int  # 0-based column of the "#"
    text: str  # from "#" to the end of the line, trailing spaces removed
    trailing: bool  # after a value on the same line (else alone on its line)


def comments_of(text: str, first_line: int = 0) -> list[Comment]:
    """Every comment of `text` on line `first_line` or later (0-based), in order. Raises
    yaml.YAMLError when the text does not scan."""
    lines = text.split("\n")
    spans: dict[int, list[tuple[int, int]]] = {}
    full: set[int] = set()
    scanner = _Scanner(text)
    try:
        while scanner.check_token():
            token = scanner.get_token()
            start, end = token.start_mark, token.end_mark
            if start.line == end.line:
                if end.column > start.column:
                    spans.setdefault(start.line, []).append((start.column, end.column))
                continue
            spans.setdefault(start.line, []).append((start.column, len(lines[start.line])))
            full.update(range(start.line + 1, end.line))
            if end.column:
                spans.setdefault(end.line, []).append((0, end.column))
    finally:
        scanner.dispose()
    found: list[Comment] = []
    for number in range(first_line, len(lines)):
        line = lines[number]
        if number in full or "#" not in line:
            continue
        covered = sorted(spans.get(number, ()))
        at = _uncovered_hash(line, covered)
        if at is not None:
            found.append(Comment(number, at, line[at:].rstrip(), bool(line[:at].strip())))
    return found


def _uncovered_hash(line: str, covered: list[tuple[int, int]]) -> int | None:
    """The column of the first character no token covers that is not a space, when it is a
    "#" (the start of a comment)."""
    position = 0
    for start, end in covered + [(len(line), len(line))]:
        gap = line[position:start]
        stripped = gap.lstrip(" \t")
        if stripped:
            return position + len(gap) - len(stripped) if stripped[0] == "#" else None
        position = max(position, end)
    return None


def line_anchors(key_pos: dict[Path_, tuple[int, int]], value_pos: dict[Path_, tuple[int, int]]) -> dict[int, Path_]:
    """0-based line -> the outermost record (key or list item) that starts on it."""
    anchors: dict[int, Path_] = {}
    for path, (line, _) in key_pos.items():
        known = anchors.get(line - 1)
        if known is None or len(path) < len(known):
            anchors[line - 1] = path
    for path, (line, _) in value_pos.items():
        if path and type(path[-1]) is int:
            known = anchors.get(line - 1)
            if known is None or len(path) < len(known):
                anchors[line - 1] = path
    return anchors


_END = ("<end>",)  # after the last record


def attach(comments: list[Comment], anchors: dict[int, Path_]) -> list[tuple[Path_, Comment]]:
    """Each comment with the record it belongs to (`_END`: after every record)."""
    lines = sorted(anchors)
    out = []
    for comment in comments:
        path = None
        if comment.trailing:
            path = anchors.get(comment.line)
            if path is None:
                before = [n for n in lines if n < comment.line]
                path = anchors[before[-1]] if before else None
        if path is None:
            after = [n for n in lines if n > comment.line]
            path = anchors[after[0]] if after else _END
        out.append((path, comment))
    return out


def place(body: str, attached: list[tuple[Path_, Comment]], anchors: dict[int, Path_]) -> str:
    """The canonical `body` with every comment at its record; `anchors` are the body's own."""
    line_of = {path: line for line, path in anchors.items()}
    lines = body.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    above: dict[int, list[str]] = {}
    after: dict[int, str] = {}
    end: list[str] = []
    for path, comment in attached:
        line = line_of.get(path)
        if line is None:
            end.append(comment.text)
            continue
        if comment.trailing and line not in after:
            after[line] = comment.text
        else:
            above.setdefault(line, []).append(comment.text)
    out: list[str] = []
    for number, line in enumerate(lines):
        if number in above:
            indent = line[: len(line) - len(line.lstrip(" "))]
            out.extend(indent + text for text in above[number])
        out.append(line + " " + after[number] if number in after else line)
    out.extend(end)
    return "\n".join(out) + "\n"


def only_line_comments_added(body: str, dumped: str) -> bool:
    """Whether `body` is `dumped` with whole-line comments inserted, each at the indentation
    of the line below it (or at column 0 after the last line): the canonical layout of a body
    with comments, judged without scanning. False also means "not sure"."""
    lines = body.split("\n")
    kept: list[str] = []
    for number, line in enumerate(lines):
        stripped = line.lstrip(" ")
        if not stripped.startswith("#"):
            kept.append(line)
            continue
        if line != line.rstrip():
            return False
        below = next((other for other in lines[number + 1:] if not other.lstrip(" ").startswith("#")), "")
        indent = len(line) - len(stripped)
        if below == "":
            if indent:
                return False
        elif indent != len(below) - len(below.lstrip(" ")):
            return False
    return "\n".join(kept) == dumped
