"""Change summaries for reviewers: takes a project root inside a git repository and a
revision, gives Markdown in Vietnamese (ready to post as a pull-request comment) that says in
human terms what the data and content changed since that revision, and which findings the
change introduces or resolves.

Both sides are loaded and checked with `check_project`: the revision from a `git archive` of
its data/ and content/ in a temporary folder, the other side from the working tree (or from a
second revision). Records are compared by id, people by their person id; people are named
only where `consent_to_publish` is true, otherwise by their role.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from pydantic import BaseModel

from generator.checks.check import check_project
from generator.model.dataset import DATA_DIRS, Dataset
from generator.core.dates import format_vn_date
from generator.core.findings import Finding, Report, Severity
from generator.model.hierarchy import unit_label
from generator.schema.roles import LABELS
from generator.core.text import cap

TITLE = "## Tóm tắt thay đổi dữ liệu"
CHECK_TITLE = "### Kết quả kiểm tra"
NO_CHANGE = "Không có thay đổi dữ liệu."
MAX_SENTENCES = 200  # a GitHub comment holds at most 65,536 characters
MAX_FINDINGS = 100
MAX_NAMES = 10

_SEVERITY_WORDS = {Severity.ERROR: "lỗi", Severity.WARNING: "cảnh báo", Severity.INFO: "ghi chú"}
_RULE_LEVEL = {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú", "off": "tắt", None: "mặc định"}
_IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".tif", ".tiff"}


from generator.core.errors import DiffError  # noqa: E402 - re-exported


@dataclass
class _Side:
    dataset: Dataset
    report: Report
    assets: dict[str, str]  # non-YAML files under data/ and content/: path → content hash


# --------------------------------------------------------------------------- entry points


def diff_summary(root: Path, rev: str, new_rev: str | None = None) -> str:
    """Markdown summary of what changed from revision `rev` to the working tree of `root`
    (or to revision `new_rev` when given)."""
    return _summarize(Path(root), rev, new_rev)[0]


def main_diff(root: Path, rev: str, new_rev: str | None = None) -> int:
    """Print the summary. Exit code: 0, or 1 when the newer side has errors, 2 when the
    comparison cannot be made (the message goes to stderr)."""
    try:
        text, report = _summarize(Path(root), rev, new_rev)
    except DiffError as exc:
        print(f"Không so sánh được: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(text)
    sys.stdout.flush()
    return 1 if report.errors else 0


def _summarize(root: Path, rev: str, new_rev: str | None) -> tuple[str, Report]:
    root = root.resolve()
    top, prefix = _git_location(root)
    with tempfile.TemporaryDirectory(prefix="handbook-diff-") as tmp:
        old = _load_revision(top, prefix, rev, Path(tmp) / "old")
        if new_rev is None:
            new = _load_side(root)
        else:
            new = _load_revision(top, prefix, new_rev, Path(tmp) / "new")
        sentences = compare(old, new)
    return render(sentences, old.report, new.report), new.report


# --------------------------------------------------------------------------- git


def _git(args: Sequence[str], cwd: Path, binary: bool = False) -> Any:
    try:
        done = subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise DiffError("không tìm thấy chương trình git.") from None
    if done.returncode != 0:
        raise DiffError(done.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} không thành công.")
    return done.stdout if binary else done.stdout.decode("utf-8", "replace")


def _git_location(root: Path) -> tuple[Path, str]:
    try:
        top = _git(["rev-parse", "--show-toplevel"], root).strip()
    except DiffError:
        raise DiffError(f"“{root}” không nằm trong một kho git.") from None
    prefix = _git(["rev-parse", "--show-prefix"], root).strip()
    return Path(top), prefix


def _load_revision(top: Path, prefix: str, rev: str, target: Path) -> _Side:
    try:
        commit = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top).strip()
    except DiffError:
        raise DiffError(f"không tìm thấy phiên bản “{rev}” trong kho git (với nhánh của máy chủ, hãy fetch trước, "
                        f"ví dụ: git fetch origin).") from None
    target.mkdir(parents=True)
    try:
        names = set(_git(["ls-tree", "--name-only", f"{commit}:{prefix}"], top).splitlines())
    except DiffError:
        names = set()  # the project folder did not exist at that revision
    folders = [d for d in DATA_DIRS if d in names]
    if folders:
        raw = _git(["archive", "--format=tar", f"{commit}:{prefix}", *folders], top, binary=True)
        with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
            try:
                archive.extractall(target, filter="data")
            except TypeError:  # Python without extraction filters
                archive.extractall(target)  # noqa: S202 — our own repository's tree
    return _load_side(target)


# Checked sides by the hash of every file under data/ and content/: a revision compared
# again (the base of a series of summaries, or a working tree just committed) is not checked twice.
_CACHE: OrderedDict[str, _Side] = OrderedDict()
_CACHE_SIZE = 8


def _load_side(root: Path) -> _Side:
    hashes = _hashes(root)
    key = hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    dataset, report = check_project(root)
    assets = {p: h for p, h in hashes.items()
              if Path(p).suffix.lower() not in (".yml", ".yaml", ".md") and not Path(p).name.startswith(".")}
    side = _Side(dataset, report, assets)
    _CACHE[key] = side
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return side


def _hashes(root: Path) -> dict[str, str]:
    """Every file under data/ and content/: path → content hash."""
    found = {}
    for folder in DATA_DIRS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file():
                found[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


# --------------------------------------------------------------------------- rendering


def render(sentences: list[str], old: Report, new: Report) -> str:
    introduced, resolved = finding_changes(old, new)
    lines = [TITLE, ""]
    if not sentences:
        lines.append(NO_CHANGE)
        if not introduced and not resolved:
            return "\n".join(lines) + "\n"
    else:
        shown = sentences[:MAX_SENTENCES]
        lines += [f"- {s}" for s in shown]
        if len(sentences) > len(shown):
            lines.append(f"- … và {len(sentences) - len(shown)} thay đổi khác.")
    lines += ["", CHECK_TITLE, ""]
    lines.append(f"Sau thay đổi: {_counts(new.findings, always=True)} (trước: {_counts(old.findings, always=True)}).")
    if not introduced and not resolved:
        lines += ["", "Thay đổi này không làm phát sinh hay khắc phục lỗi, cảnh báo nào."]
    for title, items in (("Phát sinh", introduced), ("Đã khắc phục", resolved)):
        if not items:
            continue
        lines += ["", f"**{title}** ({_counts(items)}):", ""]
        lines += [_finding_line(f) for f in items[:MAX_FINDINGS]]
        if len(items) > MAX_FINDINGS:
            lines.append(f"- … và {len(items) - MAX_FINDINGS} mục khác (chạy “handbook check” để xem hết).")
    return "\n".join(lines) + "\n"


def finding_changes(old: Report, new: Report) -> tuple[list[Finding], list[Finding]]:
    """Findings only the newer side has, and findings only the older side had, compared by
    (code, file, message) so that a shifted line number is not a new finding."""

    def key(f: Finding) -> tuple:
        return (f.code, f.file, f.message)

    def only(a: Report, b: Report) -> list[Finding]:
        left = Counter(key(f) for f in b.findings)
        out = []
        for f in sorted(a.findings, key=lambda f: (f.severity.rank,) + f.sort_key()):
            if left[key(f)] > 0:
                left[key(f)] -= 1
            else:
                out.append(f)
        return out

    return only(new, old), only(old, new)


def _finding_line(f: Finding) -> str:
    where = f.file or "(dự án)"
    if f.line:
        where += f":{f.line}"
    return f"- `{f.code}` {where} — {f.message}"


def _counts(findings: Iterable[Finding], always: bool = False) -> str:
    counter = Counter(f.severity for f in findings)
    parts = []
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        if counter[severity] or (always and severity is not Severity.INFO):
            parts.append(f"{counter[severity]} {_SEVERITY_WORDS[severity]}")
    return ", ".join(parts)


# --------------------------------------------------------------------------- comparing


def compare(old: _Side, new: _Side) -> list[str]:
    """Every change as a sentence, in a fixed order: configuration, units, documents, teams,
    blocs, assignments, models, then the content, then other files."""
    out: list[str] = []
    a, b = old.dataset, new.dataset
    _config(out, a, b)
    _collection(out, a, b, "unit", _units)
    _collection(out, a, b, "document", _documents)
    _collection(out, a, b, "team", _teams)
    _collection(out, a, b, "bloc", _blocs)
    _collection(out, a, b, "assignment", _assignments)
    _collection(out, a, b, "model", _models)
    _collection(out, a, b, "topic", _topics)
    _collection(out, a, b, "qa", _qa)
    _collection(out, a, b, "module", _modules)
    _publications(out, a, b)
    _glossary(out, a, b)
    _asset_changes(out, old.assets, new.assets)
    return out


_KIND_NAMES = {
    "unit": "đơn vị hành chính", "document": "sổ văn bản", "team": "Tổ Dân vận cộng đồng", "bloc": "Khối Dân vận",
    "assignment": "phân công", "model": "mô hình", "topic": "chủ đề", "qa": "câu hỏi – đáp", "module": "chuyên đề",
}


_MANY_KINDS = {"unit", "document", "topic"}  # kinds whose records share one file


@dataclass
class _Delta:
    added: list[tuple[str, Any]]
    removed: list[tuple[str, Any]]
    changed: list[tuple[str, Any, Any]]
    unreadable_old: list[str]  # present in the newer side; the older side had the file broken
    unreadable_new: list[str]  # present in the older side; the newer side has the file broken


def _collection(out: list[str], a: Dataset, b: Dataset, kind: str, handler: Callable) -> None:
    old = {k: v.obj for k, v in a.index(kind).items()}
    new = {k: v.obj for k, v in b.index(kind).items()}
    if kind in b.unreadable_kinds or kind in a.unreadable_kinds:
        if _plain_map(old) != _plain_map(new):
            which = "bản mới" if kind in b.unreadable_kinds else "bản trước"
            out.append(f"Chưa so sánh được {_KIND_NAMES[kind]}: tệp ở {which} có lỗi nên không đọc được (xem phần kết quả kiểm tra).")
        return
    delta = _Delta([], [], [], [], [])
    for key in sorted(set(old) | set(new)):
        if key not in old:
            if key in a.broken.get(kind, {}):
                delta.unreadable_old.append(key)
                delta.changed.append((key, None, new[key]))
            else:
                delta.added.append((key, new[key]))
        elif key not in new:
            if key in b.broken.get(kind, {}):
                delta.unreadable_new.append(key)
            else:
                delta.removed.append((key, old[key]))
        elif _plain(old[key]) != _plain(new[key]):
            delta.changed.append((key, old[key], new[key]))
    if kind in _MANY_KINDS and (delta.unreadable_new or delta.unreadable_old):
        which = "bản mới" if delta.unreadable_new else "bản trước"
        out.append(f"Chưa so sánh được {_KIND_NAMES[kind]}: tệp ở {which} có lỗi nên không đọc được (xem phần kết quả kiểm tra).")
        return
    handler(out, a, b, delta)


# --------------------------------------------------------------------------- generic helpers


def _plain(value: Any) -> Any:
    if hasattr(value, "front") and hasattr(value, "answer"):  # a Q&A item
        return {"front": _plain(value.front), "answer": value.answer}
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _plain_map(records: dict[str, Any]) -> dict:
    return {k: _plain(v) for k, v in records.items()}


def _canon(value: Any) -> str:
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True)


def _changed_fields(old: BaseModel, new: BaseModel, skip: Iterable[str] = ()) -> list[str]:
    skip = set(skip)
    return [name for name in type(new).model_fields
            if name not in skip and _plain(getattr(old, name, None)) != _plain(getattr(new, name, None))]


def _title(model: type[BaseModel], name: str) -> str:
    info = model.model_fields.get(name)
    title = (info.title if info and info.title else name)
    if title.startswith(("Tổ ", "Khối ", "HĐND", "UBND")) or (len(title) > 1 and title[1].isupper()):
        return title
    return title[:1].lower() + title[1:]


def _titles(model: type[BaseModel], names: Iterable[str]) -> str:
    return ", ".join(_title(model, n) for n in names)


def _label(value: Any) -> str:
    value = value.value if isinstance(value, enum.Enum) else value
    return LABELS.get(value, str(value))


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text and not text[1:2].isupper() else text


def _join(items: Sequence[str], more: str = "mục") -> str:
    shown = list(items[:MAX_NAMES])
    text = ", ".join(shown)
    if len(items) > len(shown):
        text += f" và {len(items) - len(shown)} {more} khác"
    return text


def _quote(text: str) -> str:
    return f"“{text}”"


def _months(dates: Iterable[dt.date]) -> str:
    months = sorted({(d.year, d.month) for d in dates})
    if not months:
        return ""
    fmt = [f"{m:02d}/{y}" for y, m in months]
    if len(fmt) == 1:
        return f"tháng {fmt[0]}"
    if len(fmt) <= 3:
        return "các tháng " + ", ".join(fmt)
    return f"từ tháng {fmt[0]} đến tháng {fmt[-1]}"


def _list_delta(old: Sequence[Any], new: Sequence[Any], key: Callable[[Any], Any]) -> tuple[list, list, list]:
    """Items added, removed and edited (same key, other content) between two lists; the
    order is the newer list's (the older one's for removed items)."""
    old_left = Counter(_canon(i) for i in old)
    new_left = Counter(_canon(i) for i in new)
    added, removed = [], []
    for item in new:
        c = _canon(item)
        if old_left[c] > 0:
            old_left[c] -= 1
        else:
            added.append(item)
    for item in old:
        c = _canon(item)
        if new_left[c] > 0:
            new_left[c] -= 1
        else:
            removed.append(item)
    edited = []
    for item in list(added):
        match = next((r for r in removed if key(r) == key(item)), None)
        if match is not None:
            removed.remove(match)
            added.remove(item)
            edited.append(item)
    return added, removed, edited


def _list_sentences(out: list[str], old: Sequence[Any], new: Sequence[Any], key: Callable, noun: str, owner: str,
                    date_of: Callable[[Any], dt.date] | None, detail: Callable[[list], str] | None = None) -> None:
    added, removed, edited = _list_delta(old, new, key)
    for verb, items in (("Thêm", added), ("Sửa", edited), ("Xóa", removed)):
        if not items:
            continue
        text = f"{verb} {len(items)} {noun} của {owner}"
        when = _months(date_of(i) for i in items) if date_of else ""
        if when:
            text += f" ({when})"
        if detail and verb == "Thêm":
            text += ": " + detail(items)
        out.append(text + ".")


def _unit_place(ds: Dataset, unit_id: str | None, with_parent: bool = True, inline: bool = False) -> str:
    """“thôn Đông (xã Phúc Sơn)”, or “thôn Đông, xã Phúc Sơn” inline."""
    if not unit_id:
        return ""
    at = ds.units.get(unit_id)
    if at is None:
        return _quote(unit_id)
    text = unit_label(at.obj)
    parent = ds.units.get(at.obj.parent) if with_parent and at.obj.parent else None
    if parent is not None:
        text += f", {unit_label(parent.obj)}" if inline else f" ({unit_label(parent.obj)})"
    return text


# --------------------------------------------------------------------------- people


def _describe(member: Any, with_role: bool = True) -> str:
    """The role words for someone not named: positions, and the role in the team or bloc."""
    parts: list[str] = []
    role = getattr(member, "team_role", None) or getattr(member, "bloc_role", None)
    if with_role and role is not None and _plain(role) != "thanh_vien":
        parts.append(_label(role))
    for position in getattr(member, "positions", []) or []:
        parts.append(_label(position))
    position = getattr(member, "position", None)
    if position is not None and _plain(position) != "khac":
        parts.append(_label(position))
    if not parts and role is not None:
        parts.append(_label(role))
    return ", ".join(parts)


def _person(member: Any, with_role: bool = True) -> str:
    if member.consent_to_publish:
        return member.full_name
    words = _describe(member, with_role)
    return f"một thành viên ({words})" if words else "một thành viên"


def _people(members: Sequence[Any], with_role: bool = True) -> str:
    """Names of those who consented, then the others by role (“2 thành viên (Chi hội trưởng)”)."""
    named = [m.full_name for m in members if m.consent_to_publish]
    unnamed = Counter()
    order: list[str] = []
    for m in members:
        if not m.consent_to_publish:
            words = _describe(m, with_role)
            if words not in unnamed:
                order.append(words)
            unnamed[words] += 1
    parts = list(named)
    for words in order:
        count = unnamed[words]
        head = "một thành viên" if count == 1 else f"{count} thành viên"
        parts.append(f"{head} ({words})" if words else head)
    return _join(parts, "người")


def _member_sentences(out: list[str], old: Any, new: Any, label: str, role_field: str, leader_role: str,
                      leader_word: str) -> None:
    o = {m.id: m for m in old.members}
    n = {m.id: m for m in new.members}
    added = [m for m in new.members if m.id not in o]
    removed = [m for m in old.members if m.id not in n]
    if added:
        out.append(f"Thêm {len(added)} thành viên vào {label}: {_people(added)}.")
    if removed:
        out.append(f"Bớt {len(removed)} thành viên khỏi {label}: {_people(removed)}.")
    old_leaders = [m for m in old.members if _plain(getattr(m, role_field)) == leader_role]
    new_leaders = [m for m in new.members if _plain(getattr(m, role_field)) == leader_role]
    leader_changed = {m.id for m in old_leaders} != {m.id for m in new_leaders}
    if leader_changed:
        if old_leaders and new_leaders:
            out.append(f"Đổi {leader_word} {label} từ {_people(old_leaders, False)} sang {_people(new_leaders, False)}.")
        elif new_leaders:
            out.append(f"Cử {_people(new_leaders, False)} làm {leader_word} {label}.")
        else:
            out.append(f"{cap(label)} không còn {leader_word} (trước đây: {_people(old_leaders, False)}).")
    edited: list[Any] = []
    fields: list[str] = []
    for m in new.members:
        if m.id not in o:
            continue
        before = o[m.id]
        old_role, new_role = _plain(getattr(before, role_field)), _plain(getattr(m, role_field))
        if old_role != new_role and not (leader_changed and leader_role in (old_role, new_role)):
            out.append(f"Đổi vai trò của {_person(m, False)} trong {label} từ {_lower(_label(old_role))} "
                       f"thành {_lower(_label(new_role))}.")
        changed = _changed_fields(before, m, skip=(role_field,))
        if changed:
            edited.append(m)
            fields += [f for f in changed if f not in fields]
    if edited:
        order = [f for f in type(edited[0]).model_fields if f in fields]
        out.append(f"Sửa thông tin của {len(edited)} thành viên trong {label}: {_titles(type(edited[0]), order)}.")


# --------------------------------------------------------------------------- configuration


def _config(out: list[str], a: Dataset, b: Dataset) -> None:
    old, new = a.config, b.config
    if old is None and new is None:
        return
    if old is None:
        out.append("Thêm tệp cấu hình data/config.yml." if "data/config.yml" not in _files(a)
                   else "Tệp cấu hình data/config.yml trước đây có lỗi, nay đã đọc được.")
        return
    if new is None:
        out.append("Xóa tệp cấu hình data/config.yml." if "data/config.yml" not in _files(b)
                   else "Chưa so sánh được cấu hình: tệp data/config.yml ở bản mới có lỗi (xem phần kết quả kiểm tra).")
        return
    model = type(new)
    for name in _changed_fields(old, new):
        if name == "reference_date":
            out.append(f"Đổi ngày chốt số liệu từ {format_vn_date(old.reference_date)} sang {format_vn_date(new.reference_date)}.")
        elif name == "scheme":
            out.append(f"Đổi hệ đơn vị hành chính từ “{old.scheme}” sang “{new.scheme}”.")
        elif name == "thresholds":
            for field in _changed_fields(old.thresholds, new.thresholds):
                before, after = _value(getattr(old.thresholds, field)), _value(getattr(new.thresholds, field))
                title = type(new.thresholds).model_fields[field].title
                out.append(f"Đổi ngưỡng “{title}” từ {before} thành {after}.")
        elif name == "rules":
            for code in sorted(set(old.rules) | set(new.rules)):
                if old.rules.get(code) != new.rules.get(code):
                    out.append(f"Đổi mức độ quy tắc {code} từ {_RULE_LEVEL[old.rules.get(code)]} "
                               f"thành {_RULE_LEVEL[new.rules.get(code)]}.")
        elif name == "province":
            fields = _changed_fields(old.province, new.province)
            out.append(f"Sửa thông tin tỉnh trong cấu hình: {_titles(type(new.province), fields)}.")
        else:
            out.append(f"Sửa cấu hình: {_title(model, name)}.")


def _value(value: Any) -> str:
    if isinstance(value, dt.date):
        return format_vn_date(value)
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def _files(ds: Dataset) -> set[str]:
    return {f.path for f in ds.files}


# --------------------------------------------------------------------------- units and documents


def _units(out: list[str], a: Dataset, b: Dataset, delta: _Delta) -> None:
    if delta.added:
        places = [_unit_place(b, key) for key, _ in delta.added]
        noun = "đơn vị hành chính" if len(places) == 1 else f"{len(places)} đơn vị hành chính"
        out.append(f"Thêm {noun}: {_join(places, 'đơn vị')}.")
    for key, old, new in delta.changed:
        if old is None:
            continue
        if (old.name, old.kind) != (new.name, new.kind):
            out.append(f"Đổi tên {unit_label(old)} thành {unit_label(new)}.")
        if old.parent != new.parent:
            out.append(f"Chuyển {unit_label(new)} từ {_unit_place(a, old.parent) or 'không có cấp trên'} "
                       f"sang {_unit_place(b, new.parent) or 'không có cấp trên'}.")
        if new.became and _plain(old.became) != _plain(new.became):
            after = _unit_place(b, new.became.unit) if new.became.unit else (new.became.name or "")
            when = f" từ ngày {format_vn_date(new.became.date)}" if new.became.date else ""
            out.append(f"Ghi nhận {unit_label(new)} nay là {after or 'đơn vị khác'}{when}.")
        rest = _changed_fields(old, new, skip=("name", "kind", "parent", "became" if new.became else ""))
        if rest:
            out.append(f"Sửa đơn vị {_unit_place(b, key)}: {_titles(type(new), rest)}.")
    if delta.removed:
        places = [_unit_place(a, key) for key, _ in delta.removed]
        noun = "đơn vị hành chính" if len(places) == 1 else f"{len(places)} đơn vị hành chính"
        out.append(f"Xóa {noun}: {_join(places, 'đơn vị')}.")


def _doc_name(doc: Any) -> str:
    return doc.number or doc.short_name or _quote(doc.title)


def _documents(out: list[str], a: Dataset, b: Dataset, delta: _Delta) -> None:
    if len(delta.added) == 1:
        out.append(f"Thêm văn bản {_doc_name(delta.added[0][1])} vào sổ văn bản.")
    elif delta.added:
        out.append(f"Thêm {len(delta.added)} văn bản vào sổ văn bản: {_join([_doc_name(d) for _, d in delta.added], 'văn bản')}.")
    for _, old, new in delta.changed:
        if old is None:
            out.append(f"Văn bản {_doc_name(new)} trong sổ văn bản trước đây có lỗi, nay đã đọc được.")
            continue
        out.append(f"Sửa văn bản {_doc_name(new)} trong sổ văn bản: {_titles(type(new), _changed_fields(old, new))}.")
    if len(delta.removed) == 1:
        out.append(f"Xóa văn bản {_doc_name(delta.removed[0][1])} khỏi sổ văn bản.")
    elif delta.removed:
        out.append(f"Xóa {len(delta.removed)} văn bản khỏi sổ văn bản: {_join([_doc_name(d) for _, d in delta.removed], 'văn bản')}.")


# --------------------------------------------------------------------------- teams


def team_label(ds: Dataset, team: Any, inline: bool = False) -> str:
    """“Tổ Dân vận cộng đồng thôn Đông (xã Phúc Sơn)”; inline: “… thôn Đông, xã Phúc Sơn”."""
    if team.village not in ds.units:
        return f"Tổ Dân vận cộng đồng “{team.id}”"
    return f"Tổ Dân vận cộng đồng {_unit_place(ds, team.village, inline=inline)}"


def _teams(out: list[str], a: Dataset, b: Dataset, delta: _Delta) -> None:
    events: list[tuple[str, list[str]]] = []
    for key, team in delta.added:
        place = _unit_place(b, team.village) if team.village in b.units else _quote(team.village)
        sentence = f"Thêm Tổ Dân vận cộng đồng ở {place}: {len(team.members)} thành viên"
        if team.groups:
            sentence += f", {len(team.groups)} nhóm"
        events.append((key, [sentence + "."]))
    for key, old, new in delta.changed:
        lines: list[str] = []
        if old is None:
            lines.append(f"{team_label(b, new)}: tệp trước đây có lỗi, nay đã đọc được.")
        else:
            _team_changes(lines, a, b, old, new)
        events.append((key, lines))
    for key, team in delta.removed:
        events.append((key, [f"Xóa {team_label(a, team)}."]))
    for key in delta.unreadable_new:
        events.append((key, [f"Chưa so sánh được Tổ “{key}”: tệp ở bản mới có lỗi (xem phần kết quả kiểm tra)."]))
    for _, lines in sorted(events, key=lambda e: e[0]):
        out.extend(lines)


def _team_changes(out: list[str], a: Dataset, b: Dataset, old: Any, new: Any) -> None:
    label = team_label(b, new)
    inline = team_label(b, new, inline=True)
    model = type(new)
    if old.village != new.village:
        out.append(f"Chuyển Tổ “{new.id}” từ {_unit_place(a, old.village)} sang {_unit_place(b, new.village)}.")
    if _plain(old.founding_decision) != _plain(new.founding_decision):
        d = new.founding_decision
        out.append(f"Sửa quyết định thành lập {label}: số {d.number} ngày {format_vn_date(d.date)} của {d.issuer}.")
    _member_sentences(out, old, new, label, "team_role", "to_truong", "tổ trưởng")
    _group_sentences(out, old.groups, new.groups, label, inline)
    if old.zalo_group != new.zalo_group:
        out.append(f"{cap(label)} đã lập nhóm Zalo." if new.zalo_group else f"{cap(label)}: bỏ ghi nhận nhóm Zalo.")
    _rating_sentences(out, a, b, old.ratings, new.ratings, label)
    _list_sentences(out, old.meetings, new.meetings, lambda m: m.date, "cuộc họp", inline, lambda m: m.date)
    _list_sentences(out, old.activities, new.activities, lambda x: (x.date, x.title), "hoạt động", inline, lambda x: x.date,
                    lambda items: _join([_quote(x.title) for x in items], "hoạt động"))
    handled = {"id", "village", "founding_decision", "members", "groups", "zalo_group", "ratings", "meetings", "activities"}
    rest = _changed_fields(old, new, skip=handled)
    if rest:
        out.append(f"Sửa {label}: {_titles(model, rest)}.")


def _group_sentences(out: list[str], old: list, new: list, label: str, inline: str) -> None:
    old_by_name = {g.name: g for g in old}
    new_by_name = {g.name: g for g in new}
    pairs: list[tuple[Any, Any]] = [(old_by_name[g.name], g) for g in new if g.name in old_by_name]
    lone_old = [(i, g) for i, g in enumerate(old) if g.name not in new_by_name]
    lone_new = [(i, g) for i, g in enumerate(new) if g.name not in old_by_name]
    # A group at the same place under another name is a renamed group.
    old_at = {i: g for i, g in lone_old}
    renamed = [(old_at[i], g) for i, g in lone_new if i in old_at]
    renamed_old = {id(o) for o, _ in renamed}
    renamed_new = {id(n) for _, n in renamed}
    for before, after in renamed:
        out.append(f"Đổi tên nhóm “{before.name}” ({inline}) thành “{after.name}”.")
    for before, after in pairs + renamed:
        name = after.name
        if before.households != after.households:
            out.append(f"Đổi số hộ của nhóm “{name}” ({inline}) từ {before.households} thành {after.households}.")
        if before.leader != after.leader:
            out.append(f"Đổi nhóm trưởng nhóm “{name}” ({inline}).")
        if before.members != after.members:
            gained = len([m for m in after.members if m not in before.members])
            lost = len([m for m in before.members if m not in after.members])
            detail = ", ".join(p for p in (f"thêm {gained} người" if gained else "", f"bớt {lost} người" if lost else "") if p)
            out.append(f"Đổi thành viên nhóm “{name}” ({inline})" + (f": {detail}." if detail else "."))
        if before.area != after.area:
            out.append(f"Sửa địa bàn nhóm “{name}” ({inline}).")
    for _, g in lone_new:
        if id(g) not in renamed_new:
            out.append(f"Thêm nhóm “{g.name}” vào {label} ({g.households} hộ, {len(g.members)} người).")
    for _, g in lone_old:
        if id(g) not in renamed_old:
            out.append(f"Bớt nhóm “{g.name}” khỏi {label}.")


def _grade(ds: Dataset, grade: str) -> str:
    if ds.config is not None:
        for g in ds.config.rating_scale:
            if g.id == grade:
                return g.name
    return grade


def _rating_sentences(out: list[str], a: Dataset, b: Dataset, old: list, new: list, label: str) -> None:
    o = {r.year: r for r in old}
    n = {r.year: r for r in new}
    for year in sorted(set(o) | set(n)):
        if year not in o:
            out.append(f"Xếp loại {label} năm {year}: {_grade(b, n[year].grade)}.")
        elif year not in n:
            out.append(f"Bỏ xếp loại năm {year} của {label}.")
        elif o[year].grade != n[year].grade:
            out.append(f"Đổi xếp loại năm {year} của {label} từ “{_grade(a, o[year].grade)}” sang “{_grade(b, n[year].grade)}”.")
        elif _plain(o[year]) != _plain(n[year]):
            out.append(f"Sửa ghi chú xếp loại năm {year} của {label}.")


# --------------------------------------------------------------------------- blocs


def bloc_label(ds: Dataset, bloc: Any, inline: bool = False) -> str:
    """“Khối Dân vận xã Phúc Sơn (huyện Tân Yên)”; inline: “… xã Phúc Sơn, huyện Tân Yên”."""
    if bloc.commune not in ds.units:
        return f"Khối Dân vận “{bloc.id}”"
    return f"Khối Dân vận {_unit_place(ds, bloc.commune, inline=inline)}"


def _blocs(out: list[str], a: Dataset, b: Dataset, delta: _Delta) -> None:
    events: list[tuple[str, list[str]]] = []
    for key, bloc in delta.added:
        events.append((key, [f"Thêm {bloc_label(b, bloc)}: {len(bloc.members)} thành viên."]))
    for key, old, new in delta.changed:
        lines: list[str] = []
        if old is None:
            lines.append(f"{bloc_label(b, new)}: tệp trước đây có lỗi, nay đã đọc được.")
        else:
            _bloc_changes(lines, a, b, old, new)
        events.append((key, lines))
    for key, bloc in delta.removed:
        events.append((key, [f"Xóa {bloc_label(a, bloc)}."]))
    for key in delta.unreadable_new:
        events.append((key, [f"Chưa so sánh được Khối “{key}”: tệp ở bản mới có lỗi (xem phần kết quả kiểm tra)."]))
    for _, lines in sorted(events, key=lambda e: e[0]):
        out.extend(lines)


def _bloc_changes(out: list[str], a: Dataset, b: Dataset, old: Any, new: Any) -> None:
    label = bloc_label(b, new)
    inline = bloc_label(b, new, inline=True)
    if old.commune != new.commune:
        out.append(f"Chuyển Khối “{new.id}” từ {_unit_place(a, old.commune)} sang {_unit_place(b, new.commune)}.")
    _member_sentences(out, old, new, label, "bloc_role", "truong_khoi", "trưởng khối")
    if _plain(old.rules) != _plain(new.rules):
        if new.rules is None:
            out.append(f"Bỏ quy chế hoạt động của {label}.")
        else:
            number = f" (số {new.rules.number})" if new.rules.number else ""
            if old.rules is None:
                out.append(f"{cap(label)} ban hành quy chế hoạt động ngày {format_vn_date(new.rules.adopted)}{number}.")
            else:
                out.append(f"Sửa quy chế hoạt động của {label}: ngày ban hành {format_vn_date(new.rules.adopted)}{number}.")
    _list_sentences(out, old.dialogues, new.dialogues, lambda d: d.date, "cuộc đối thoại", inline, lambda d: d.date,
                    lambda items: _join([_quote(d.topic) for d in items], "cuộc"))
    _list_sentences(out, old.briefings, new.briefings, lambda d: (d.date, d.kind), "cuộc giao ban", inline, lambda d: d.date)
    if old.pilot != new.pilot:
        out.append(f"Chọn {label} làm Khối điểm." if new.pilot else f"Thôi chọn {label} làm Khối điểm.")
    rest = _changed_fields(old, new, skip={"id", "commune", "members", "rules", "dialogues", "briefings", "pilot"})
    if rest:
        out.append(f"Sửa {label}: {_titles(type(new), rest)}.")


# --------------------------------------------------------------------------- assignments


def _agency(assignment: Any) -> str:
    return assignment.agency.party_org or assignment.agency.name


def _communes(ds: Dataset, ids: Iterable[str]) -> str:
    return _join([_unit_place(ds, c) for c in ids], "xã")


def _report_name(r: Any) -> str:
    kind = _plain(r.kind)
    if kind == "thang":
        return f"báo cáo tháng {r.number:02d}/{r.year}" if r.number else f"báo cáo tháng năm {r.year}"
    if kind == "quy":
        return f"báo cáo quý {r.number}/{r.year}" if r.number else f"báo cáo quý năm {r.year}"
    if kind == "6_thang":
        return f"báo cáo 6 tháng năm {r.year}"
    return f"báo cáo năm {r.year}"


def _assignments(out: list[str], a: Dataset, b: Dataset, delta: _Delta) -> None:
    events: list[tuple[str, list[str]]] = []
    for key, item in delta.added:
        if item.communes:
            text = f"Thêm phân công: {_agency(item)} phụ trách {_communes(b, item.communes)}."
        elif item.exemption:
            text = f"Thêm phân công: {_agency(item)} được miễn phân công (đơn vị trực sẵn sàng chiến đấu)."
        else:
            text = f"Thêm phân công: {_agency(item)}, chưa ghi xã phụ trách."
        events.append((key, [text]))
    for key, old, new in delta.changed:
        lines: list[str] = []
        if old is None:
            lines.append(f"Phân công của {_agency(new)}: tệp trước đây có lỗi, nay đã đọc được.")
        else:
            _assignment_changes(lines, a, b, old, new)
        events.append((key, lines))
    for key, item in delta.removed:
        events.append((key, [f"Xóa phân công của {_agency(item)}."]))
    for key in delta.unreadable_new:
        events.append((key, [f"Chưa so sánh được phân công “{key}”: tệp ở bản mới có lỗi (xem phần kết quả kiểm tra)."]))
    for _, lines in sorted(events, key=lambda e: e[0]):
        out.extend(lines)


def _assignment_changes(out: list[str], a: Dataset, b: Dataset, old: Any, new: Any) -> None:
    label = _agency(new)
    if _plain(old.agency) != _plain(new.agency):
        if old.agency.party_org != new.agency.party_org or old.agency.name != new.agency.name:
            out.append(f"Đổi tên cơ quan được phân công từ {_agency(old)} ({old.agency.name}) "
                       f"thành {_agency(new)} ({new.agency.name}).")
        rest = _changed_fields(old.agency, new.agency, skip={"name", "party_org"})
        if rest:
            out.append(f"Sửa thông tin cơ quan của {label}: {_titles(type(new.agency), rest)}.")
    gained = [c for c in new.communes if c not in old.communes]
    lost = [c for c in old.communes if c not in new.communes]
    if gained:
        out.append(f"Giao {label} phụ trách thêm {_communes(b, gained)}.")
    if lost:
        out.append(f"Thôi giao {label} phụ trách {_communes(a, lost)}.")
    if old.exemption != new.exemption:
        out.append(f"{label} được miễn phân công (đơn vị trực sẵn sàng chiến đấu)." if new.exemption
                   else f"{label} không còn được miễn phân công.")
    _list_sentences(out, old.activities, new.activities, lambda x: (x.date, x.commune), "hoạt động", label,
                    lambda x: x.date)
    added, removed, edited = _list_delta(old.reports, new.reports, lambda r: (_plain(r.kind), r.year, r.number))
    if added:
        out.append(f"Thêm {len(added)} báo cáo đã gửi của {label}: {_join([_report_name(r) for r in added], 'báo cáo')}.")
    if edited:
        out.append(f"Sửa {len(edited)} báo cáo đã gửi của {label}: {_join([_report_name(r) for r in edited], 'báo cáo')}.")
    if removed:
        out.append(f"Xóa {len(removed)} báo cáo đã gửi của {label}: {_join([_report_name(r) for r in removed], 'báo cáo')}.")
    rest = _changed_fields(old, new, skip={"id", "agency", "communes", "exemption", "activities", "reports"})
    if rest:
        out.append(f"Sửa phân công của {label}: {_titles(type(new), rest)}.")


# --------------------------------------------------------------------------- models


def _models(out: list[str], a: Dataset, b: Dataset, delta: _Delta) -> None:
    events: list[tuple[str, list[str]]] = []
    for key, model in delta.added:
        events.append((key, [f"Thêm mô hình “{model.name}” (lĩnh vực {_lower(_label(model.field))})."]))
    for key, old, new in delta.changed:
        if old is None:
            events.append((key, [f"Mô hình “{new.name}”: tệp trước đây có lỗi, nay đã đọc được."]))
            continue
        lines = []
        if old.name != new.name:
            lines.append(f"Đổi tên mô hình “{old.name}” thành “{new.name}”.")
        rest = _changed_fields(old, new, skip={"id", "name"})
        if rest:
            lines.append(f"Sửa mô hình “{new.name}”: {_titles(type(new), rest)}.")
        events.append((key, lines))
    for key, model in delta.removed:
        events.append((key, [f"Xóa mô hình “{model.name}”."]))
    for key in delta.unreadable_new:
        events.append((key, [f"Chưa so sánh được mô hình “{key}”: tệp ở bản mới có lỗi (xem phần kết quả kiểm tra)."]))
    for _, lines in sorted(events, key=lambda e: e[0]):
        out.extend(lines)


# --------------------------------------------------------------------------- content


def _topics(out: list[str], a: Dataset, b: Dataset, delta: _Delta) -> None:
    for _, topic in delta.added:
        out.append(f"Thêm chủ đề “{topic.title}”.")
    for _, old, new in delta.changed:
        if old is not None:
            out.append(f"Sửa chủ đề “{new.title}”: {_titles(type(new), _changed_fields(old, new))}.")
    for _, topic in delta.removed:
        out.append(f"Xóa chủ đề “{topic.title}”.")


def _qa(out: list[str], a: Dataset, b: Dataset, delta: _Delta) -> None:
    events: list[tuple[str, list[str]]] = []
    for key, item in delta.added:
        events.append((key, [f"Thêm câu hỏi – đáp: “{item.question}”"]))
    for key, old, new in delta.changed:
        if old is None:
            events.append((key, [f"Câu hỏi – đáp “{new.question}”: tệp trước đây có lỗi, nay đã đọc được."]))
            continue
        lines = []
        if old.question != new.question:
            lines.append(f"Sửa câu hỏi: “{old.question}” thành “{new.question}”")
        if old.answer != new.answer:
            lines.append(f"Sửa câu trả lời: “{new.question}”")
        rest = _changed_fields(old.front, new.front, skip={"id", "question"})
        if rest:
            lines.append(f"Sửa câu hỏi – đáp “{new.question}”: {_titles(type(new.front), rest)}.")
        events.append((key, lines))
    for key, item in delta.removed:
        events.append((key, [f"Xóa câu hỏi – đáp: “{item.question}”"]))
    for key in delta.unreadable_new:
        events.append((key, [f"Chưa so sánh được câu hỏi – đáp “{key}”: tệp ở bản mới có lỗi (xem phần kết quả kiểm tra)."]))
    for _, lines in sorted(events, key=lambda e: e[0]):
        out.extend(lines)


def _modules(out: list[str], a: Dataset, b: Dataset, delta: _Delta) -> None:
    events: list[tuple[str, list[str]]] = []
    for key, module in delta.added:
        events.append((key, [f"Thêm chuyên đề “{module.title}” ({len(module.quiz)} câu hỏi kiểm tra)."]))
    for key, old, new in delta.changed:
        if old is None:
            events.append((key, [f"Chuyên đề “{new.title}”: tệp trước đây có lỗi, nay đã đọc được."]))
            continue
        fields = _changed_fields(old, new, skip={"id"})
        text = f"Sửa chuyên đề “{new.title}”: {_titles(type(new), fields)}"
        if len(old.quiz) != len(new.quiz):
            text += f" (câu hỏi kiểm tra: {len(old.quiz)} → {len(new.quiz)} câu)"
        events.append((key, [text + "."]))
    for key, module in delta.removed:
        events.append((key, [f"Xóa chuyên đề “{module.title}”."]))
    for key in delta.unreadable_new:
        events.append((key, [f"Chưa so sánh được chuyên đề “{key}”: tệp ở bản mới có lỗi (xem phần kết quả kiểm tra)."]))
    for _, lines in sorted(events, key=lambda e: e[0]):
        out.extend(lines)


def _publications(out: list[str], a: Dataset, b: Dataset) -> None:
    old = {k: v.obj for k, v in a.publications.items()}
    new = {k: v.obj for k, v in b.publications.items()}
    for key in sorted(set(old) | set(new)):
        if key not in old:
            out.append(f"Thêm ấn phẩm “{new[key].title}”.")
        elif key not in new:
            out.append(f"Xóa ấn phẩm “{old[key].title}”.")
        elif _plain(old[key]) != _plain(new[key]):
            out.append(f"Sửa ấn phẩm “{new[key].title}”: {_titles(type(new[key]), _changed_fields(old[key], new[key]))}.")


def _glossary(out: list[str], a: Dataset, b: Dataset) -> None:
    old = {t.obj.term: t.obj for t in a.terms}
    new = {t.obj.term: t.obj for t in b.terms}
    added = [t for t in new if t not in old]
    changed = [t for t in new if t in old and _plain(old[t]) != _plain(new[t])]
    removed = [t for t in old if t not in new]
    for verb, terms in (("Thêm", added), ("Sửa", changed), ("Xóa", removed)):
        if terms:
            count = f"{len(terms)} thuật ngữ" if len(terms) > 1 else "thuật ngữ"
            out.append(f"{verb} {count}: {_join([_quote(t) for t in terms], 'thuật ngữ')}.")


def _asset_changes(out: list[str], old: dict[str, str], new: dict[str, str]) -> None:
    def noun(paths: list[str]) -> str:
        word = "ảnh" if all(Path(p).suffix.lower() in _IMAGE_SUFFIXES for p in paths) else "tệp"
        return f"{len(paths)} {word}" if len(paths) > 1 else word

    added = sorted(p for p in new if p not in old)
    replaced = sorted(p for p in new if p in old and old[p] != new[p])
    removed = sorted(p for p in old if p not in new)
    for verb, paths in (("Thêm", added), ("Thay", replaced), ("Xóa", removed)):
        if paths:
            out.append(f"{verb} {noun(paths)}: {_join(paths, 'tệp')}.")


__all__ = ["DiffError", "diff_summary", "main_diff", "compare", "render", "finding_changes", "team_label", "bloc_label"]
