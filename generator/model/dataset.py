"""Loading a whole project: takes a project root, gives a `Dataset` (every validated record
with the file and key path it came from) and the findings of loading and validation."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from generator.load.fileload import gc_paused, map_files
from generator.schema.filekinds import BY_NAME, KINDS, FileKind
from generator.core.findings import Finding, Report, Severity
from generator.load.readcache import ReadCache, content_key
from generator.schema.config import Config
from generator.model.canonical import layout_finding
from generator.model.stray_files import judge
from generator.model.validation import validate_record
from generator.load.yamlload import (
    DEFAULT_MAX_BYTES, UNREADABLE_HINT, LoadedFile, os_error_vi, content_digest, load_yaml_bytes, load_yaml_file, load_yaml_text, text_reader,
)

DATA_DIRS = ("data", "content")


@dataclass
class Located:
    """A record and where it lives: the file and the key path inside it."""

    obj: Any
    file: LoadedFile
    path: tuple = ()
    kind: str = ""

    def locate(self, *sub: Any) -> tuple[int | None, int | None]:
        return self.file.locate(self.path + tuple(sub))


@dataclass
class Dataset:
    root: Path
    config: Config | None = None
    config_at: Located | None = None
    units: dict[str, Located] = field(default_factory=dict)
    documents: dict[str, Located] = field(default_factory=dict)
    teams: dict[str, Located] = field(default_factory=dict)
    blocs: dict[str, Located] = field(default_factory=dict)
    models: dict[str, Located] = field(default_factory=dict)
    assignments: dict[str, Located] = field(default_factory=dict)
    topics: dict[str, Located] = field(default_factory=dict)
    terms: list[Located] = field(default_factory=list)
    modules: dict[str, Located] = field(default_factory=dict)
    qa: dict[str, Located] = field(default_factory=dict)
    publications: dict[str, Located] = field(default_factory=dict)
    people: dict[str, Located] = field(default_factory=dict)
    files: list[LoadedFile] = field(default_factory=list)
    # Records whose file did not validate, by kind: their ids still count as declared, so
    # one mistake does not cascade into "unknown id" findings everywhere it is referenced.
    broken: dict[str, dict[str, dict]] = field(default_factory=dict)
    unreadable_kinds: set[str] = field(default_factory=set)
    unclaimed: list[str] = field(default_factory=list)  # files under data/ and content/ no kind claims

    def declared(self, kind: str, key: str) -> bool:
        if kind in self.unreadable_kinds:
            return True  # the id may be in the file that could not be read
        return key in self.index(kind) or key in self.broken.get(kind, {})

    def index(self, kind: str) -> dict[str, Located]:
        return {
            "unit": self.units, "document": self.documents, "team": self.teams, "bloc": self.blocs,
            "model": self.models, "assignment": self.assignments, "topic": self.topics,
            "module": self.modules, "qa": self.qa, "person": self.people,
        }[kind]


_COLLECTIONS = {
    "units": "units", "documents": "documents", "team": "teams", "bloc": "blocs", "model": "models",
    "assignment": "assignments", "topics": "topics", "module": "modules", "qa": "qa", "publications": "publications",
}
_DUP_LABEL = {
    "units": "đơn vị", "documents": "văn bản", "team": "Tổ", "bloc": "Khối", "model": "mô hình",
    "assignment": "phân công", "topics": "chủ đề", "module": "chuyên đề", "qa": "câu hỏi", "person": "người",
    "publications": "ấn phẩm",
}


def discover(root: Path) -> Iterator[tuple[FileKind | None, Path]]:
    """Every file under data/ and content/ with its kind (None: no kind claims it; `stray_files`
    judges those)."""
    claimed: set[Path] = set()
    for kind in KINDS:
        for pattern in kind.patterns:
            for path in sorted(root.glob(pattern)):
                # A README beside the data is for the editors, never a record (content/qa/README.md).
                if path.is_file() and path not in claimed and not path.name.lower().startswith("readme."):
                    claimed.add(path)
                    yield kind, path
    for folder in DATA_DIRS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path not in claimed and path.is_file():
                yield None, path


def load_project(root: Path, report: Report, max_bytes: int = DEFAULT_MAX_BYTES) -> Dataset:
    root = Path(root)
    dataset = Dataset(root=root)
    found = [(kind, path, path.relative_to(root).as_posix()) for kind, path in discover(root)]
    jobs = [(kind.name, path, name, max_bytes) for kind, path, name in found if kind is not None]
    read_files = iter(_read_all(root, jobs))
    with gc_paused():
        for kind, path, name in found:
            if kind is None:
                dataset.unclaimed.append(name)
                would_be = judge(name).would_be
                if would_be is not None:  # a data file under a wrong name: its ids still count
                    _remember_unreadable(dataset, BY_NAME[would_be], path)
                continue
            report.files_read += 1
            read = next(read_files)
            loaded = read.loaded
            if loaded.ok and not kind.markdown and not loaded.key_pos:
                loaded.reload = text_reader(path)
            dataset.files.append(loaded)
            report.extend(loaded.findings)
            if not loaded.ok:
                _remember_unreadable(dataset, kind, path)
                continue
            _add_records(dataset, kind, read, report)
    return dataset


def _read_all(root: Path, jobs: list[tuple[str, Path, str, int]]) -> list[_Read]:
    """Every file read, parsed and validated: an unchanged file from the cache of files
    already read, the others in worker processes (and then into the cache)."""
    cache = ReadCache.open(root)
    if cache is None:
        return list(map_files(_read_file, jobs))
    results: list[_Read | None] = [None] * len(jobs)
    keys: list[tuple[bytes, str] | None] = [None] * len(jobs)
    with gc_paused():
        for i, (kind_name, path, name, max_bytes) in enumerate(jobs):
            try:
                raw = path.read_bytes()
            except OSError:
                continue  # read below, which reports why it cannot be read
            digest = content_digest(raw)
            keys[i] = (content_key(kind_name, max_bytes, digest), digest)
            results[i] = cache.get(name, keys[i][0])
    gone = cache.names() - {job[2] for job in jobs}
    cache.close()  # not carried into the worker processes
    missing = [i for i, read in enumerate(results) if read is None]
    if not missing and not gone:
        return results
    entries: list[tuple[str, bytes, bytes]] = []
    writer = None
    with gc_paused():
        for i, data in zip(missing, map_files(_read_file_pickled, [jobs[i] for i in missing])):
            if writer is None:  # the workers exist by now: the database is opened after the fork
                writer = ReadCache.open(root)
            results[i] = pickle.loads(data)
            # Stored only when the worker read the very bytes the key was made from (a file
            # saved again meanwhile is read afresh next time).
            if writer is not None and keys[i] is not None and results[i].loaded.digest == keys[i][1]:
                entries.append((jobs[i][2], keys[i][0], data))
                if len(entries) >= _CACHE_BATCH:
                    writer.put_many(entries)
                    entries = []
    writer = writer or ReadCache.open(root)
    if writer is not None:
        writer.put_many(entries)
        writer.keep_only([job[2] for job in jobs])
        writer.close()
    return results


_CACHE_BATCH = 2000  # files written to the cache at a time (not all of them held until the end)


def _read_file_pickled(job: tuple[str, Path, str, int]) -> bytes:
    """`_read_file`, pickled where it runs: the same bytes cross to this process and go into
    the cache."""
    return pickle.dumps(_read_file(job), protocol=pickle.HIGHEST_PROTOCOL)


@dataclass
class _Read:
    """One file read, parsed and validated (in a worker process when there are many)."""

    loaded: LoadedFile
    data: Any = None  # the data, kept only when validation failed (its ids still count)
    obj: Any = None
    body: tuple[str, int] | None = None  # a Q&A file's Markdown and its first line
    empty: bool = False
    findings: list[Finding] = field(default_factory=list)


def _read_file(job: tuple[str, Path, str, int]) -> _Read:
    kind_name, path, name, max_bytes = job
    kind = BY_NAME[kind_name]
    text = None
    if kind.markdown:
        loaded = _load_markdown(path, name, max_bytes)
    else:
        loaded, text = _load_yaml_keeping_text(path, name, max_bytes)
    read = _Read(loaded)
    if loaded.ok:
        data = loaded.data
        if text is not None:  # the layout note, from the parse just done (and cached with the rest)
            note = layout_finding(kind, text, data, loaded, name)
            if note is not None:
                read.findings.append(note)
        if kind.markdown and isinstance(data, dict):
            data = dict(data)
            read.body = (data.pop("__body__", ""), data.pop("__body_line__", 1))
        if data is None:
            read.empty = True
        else:
            read.obj, found = validate_record(kind.model, data, loaded, kind_label=kind.label)
            read.findings.extend(found)
            read.data = data if read.obj is None else None
    if loaded.reload is not None:
        loaded.data = None  # validated records hold everything; positions come back on demand
        loaded.reload = None  # a function does not cross processes: the caller sets it again
    return read


def _load_yaml_keeping_text(path: Path, name: str, max_bytes: int) -> tuple[LoadedFile, str | None]:
    """`load_yaml_file` (without positions), and the text it read, for the layout note."""
    try:
        too_large = path.stat().st_size > max_bytes
        raw = None if too_large else path.read_bytes()
    except OSError:
        raw = None
    if raw is None:
        return load_yaml_file(path, name, max_bytes, positions=False), None
    loaded = load_yaml_bytes(raw, name, max_bytes=max_bytes, positions=False)
    loaded.digest = content_digest(raw)
    if not loaded.ok:
        return loaded, None
    loaded.reload = text_reader(path)
    try:
        return loaded, raw.decode("utf-8")
    except UnicodeDecodeError:  # pragma: no cover - the loader refuses such bytes
        return loaded, None


def _load_markdown(path: Path, name: str, max_bytes: int) -> LoadedFile:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return LoadedFile(path=name, ok=False, findings=[
            Finding("FILE-UNREADABLE", Severity.ERROR, f"Không đọc được tệp: {os_error_vi(exc)}.", file=name,
                    hint=UNREADABLE_HINT)])
    if len(raw) > max_bytes:
        return load_yaml_bytes(raw, name, max_bytes)  # yields FILE-TOO-LARGE
    try:
        text = raw.decode("utf-8").lstrip("\ufeff").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return load_yaml_bytes(raw, name, max_bytes)  # yields TEXT-NOT-UTF8
    if not text.startswith("---\n"):
        return LoadedFile(path=name, ok=False, findings=[Finding(
            "CONTENT-NO-FRONT-MATTER", Severity.ERROR,
            "Tệp hỏi – đáp phải bắt đầu bằng phần khai báo giữa hai dòng “---” (mã, câu hỏi, chủ đề, căn cứ…).",
            file=name, line=1, hint="Xem mẫu trong docs/content-format.md.")])
    if text.endswith("\n---"):
        text += "\n"
    end = text.find("\n---\n", 3)
    if end < 0:
        return LoadedFile(path=name, ok=False, findings=[Finding(
            "CONTENT-NO-FRONT-MATTER", Severity.ERROR, "Phần khai báo đầu tệp chưa được đóng bằng dòng “---”.",
            file=name, line=1, hint="Thêm một dòng chỉ có “---” sau phần khai báo (sau dòng sources …) và trước câu trả lời; "
                                    "xem mẫu trong docs/content-format.md.")])
    front = text[4:end + 1]
    body = text[end + 5:]
    # A leading newline stands for the opening "---", so every line number is the file's own.
    loaded = load_yaml_text("\n" + front, name)
    loaded.digest = content_digest(raw)
    if loaded.ok and isinstance(loaded.data, dict):
        loaded.data = {**loaded.data, "__body__": body, "__body_line__": front.count("\n") + 3}
    return loaded


def _add_records(dataset: Dataset, kind: FileKind, read: _Read, report: Report) -> None:
    loaded, obj, body = read.loaded, read.obj, read.body
    if read.empty:
        what = "chỉ có dòng chú thích (bắt đầu bằng “#”), chưa có dữ liệu" if loaded.comments_only else "Tệp rỗng"
        report.add(Finding(
            "FILE-EMPTY", Severity.ERROR,
            (f"Tệp {what} của {kind.label}." if loaded.comments_only else f"{what}: chưa có nội dung của {kind.label}."),
            file=loaded.path, line=1,
            hint=("Điền nội dung theo mẫu của loại tệp này trong README (mục “File kinds”), hoặc xóa tệp nếu không dùng "
                  "đến; tệp tạm chưa dùng thì để ngoài thư mục data/ và content/."),
        ))
        return
    report.extend(read.findings)
    if obj is None:
        _remember_broken(dataset, kind, read.data)
        return
    if kind.name == "config":
        dataset.config = obj
        dataset.config_at = Located(obj, loaded, (), kind.name)
        return
    if kind.name == "glossary":
        dataset.terms.extend(Located(term, loaded, ("terms", i), kind.name) for i, term in enumerate(obj.terms))
        return
    if kind.many:
        records = [(item, (kind.many, i)) for i, item in enumerate(getattr(obj, kind.many))]
    else:
        records = [(obj, ())]
    collection = getattr(dataset, _COLLECTIONS[kind.name])
    for record, path in records:
        if body is not None:
            record = _QA(record, body[0], body[1])
        _register(collection, record.id, Located(record, loaded, path, kind.name), _DUP_LABEL[kind.name], report)
        for person, person_path in _people_in(kind.name, record):
            _register(dataset.people, person.id, Located(person, loaded, path + person_path, "person"), "người", report)


_REF_KIND = {"units": "unit", "documents": "document", "team": "team", "bloc": "bloc", "model": "model",
             "assignment": "assignment", "topics": "topic", "module": "module", "qa": "qa"}


def _remember_unreadable(dataset: Dataset, kind: FileKind, path: Path) -> None:
    """A file that could not be read at all: its ids are unknown. A one-record file is
    named after its id by convention; for a many-record file (units, documents) references
    of that kind cannot be checked until it reads again."""
    ref_kind = _REF_KIND.get(kind.name)
    if ref_kind is None:
        return
    if kind.many:
        dataset.unreadable_kinds.add(ref_kind)
        if ref_kind == "unit":
            dataset.unreadable_kinds.update({"unit"})
    else:
        dataset.broken.setdefault(ref_kind, {})[path.stem] = {"id": path.stem}


def _remember_broken(dataset: Dataset, kind: FileKind, data: Any) -> None:
    ref_kind = _REF_KIND.get(kind.name)
    if ref_kind is None or not isinstance(data, dict):
        return
    raw = data.get(kind.many, []) if kind.many else [data]
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            dataset.broken.setdefault(ref_kind, {})[item["id"]] = item
            members = item.get("members")
            if kind.name in ("team", "bloc") and isinstance(members, list):
                for member in members:
                    if isinstance(member, dict) and isinstance(member.get("id"), str):
                        dataset.broken.setdefault("person", {})[member["id"]] = member


class _QA:
    """A Q&A item: its validated front matter plus the Markdown answer."""

    def __init__(self, front: Any, answer: str, answer_line: int):
        self.front = front
        self.answer = answer
        self.answer_line = answer_line

    def __getattr__(self, name: str) -> Any:
        return getattr(self.front, name)


def _people_in(kind: str, record: Any) -> Iterator[tuple[Any, tuple]]:
    if kind in ("team", "bloc"):
        for i, member in enumerate(record.members):
            yield member, ("members", i)


def _register(collection: dict[str, Located], key: str, located: Located, label: str, report: Report) -> None:
    if key in collection:
        first = collection[key]
        line, col = located.locate("id")
        first_line, _ = first.locate("id")
        report.add(Finding(
            "REF-DUPLICATE-ID", Severity.ERROR,
            f"Mã {label} “{key}” đã được dùng ở {first.file.path}, dòng {first_line}; mỗi mã chỉ được dùng một lần.",
            file=located.file.path, line=line, column=col, path=_fmt(located.path + ("id",)),
            hint="Đổi mã này thành một mã khác chưa dùng.",
        ))
        return
    collection[key] = located


def _fmt(path: tuple) -> str:
    from generator.load.yamlload import format_path

    return format_path(path)

