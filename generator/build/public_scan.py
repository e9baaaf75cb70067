"""The last look before a public site goes live: takes the finished public build (a folder)
and what the data says is private; gives every file that still holds personal data, and,
through `check`, stops the build with a Vietnamese error naming the files, so the previous
site stays in place.

Independent of the masking (`generator.model.pii_mask`): it reads the bytes the build wrote, not the
dataset, so a producer that forgot the masked text, printed a personal field or copied a raw
file is caught. It looks in every file: HTML, scripts and the search index, JSON, CSV,
calendars, XML and GIFT, SVG; the cells of XLSX workbooks (their XML, read directly); the text
of PDFs (`pdftotext`, from poppler-utils, which the setup installs: pypdf took 12.6 s on the
sample's 41 PDFs where pdftotext takes 1.0 s); gzip files; and every member of a zip archive
(the offline copy), members identical to a file already scanned being skipped. Images and
fonts hold no text. Files the engine copied unchanged from its theme and the web editor's
bundle (the same bytes as the installed package's file) are not the data's and are skipped:
their minified code is full of nine-digit constants.

It looks for the screen's patterns (phone numbers, ID numbers, e-mail addresses other than the
office contacts recorded as public), the names of people who do not consent, and the values of
internal fields that can be recognised as such: phone and ID numbers as recorded, and an
address whose first part (“số nhà 12”) has a digit and is not a unit's name. Religion,
ethnicity, gender, birth year and Party membership are categories (“Kinh”, “Phật giáo”) found
in ordinary public text; they are kept out by the visibility of their fields, not by a search.

A file found clean is remembered by its digest (in build/cache/public-scan.json, with the
screen's and the code's fingerprints), so a rebuild scans only files whose bytes changed.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import io
import json
import multiprocessing
import re
import shutil
import subprocess
import zipfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from generator.core.atomic_write import write_file_atomically
from generator.core.errors import BuildError
from generator.model.dataset import Dataset
from generator.load.fileload import available_workers
from generator.core.fingerprint import code_fingerprint
from generator.core.phrases import PhraseMatcher, lower, phrase_key
from generator.model.pii import EMAIL, ID_NUMBER, INTERNAL, NAME, PHONE, SEPARATOR, Screen, national_digits
from generator.model.pii_screen import screen_for
from generator.core.workdir import work_dir

BINARY = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".otf", ".eot",
                    ".wasm", ".mp4", ".webm"})
UNREADABLE = "unreadable"
_LABELS = {
    UNREADABLE: "không đọc được nội dung để kiểm tra",
    PHONE: "số điện thoại", ID_NUMBER: "số CMND/CCCD", EMAIL: "địa chỉ thư điện tử",
    NAME: "họ tên người chưa đồng ý công khai", INTERNAL: "thông tin không công khai",
}
CACHE_NAME = "public-scan.json"
_NUMBER = re.compile(r"[\d ]+")  # a phrase key of digits only (phrase keys join words with spaces)
_NUMBER_RUN = re.compile(r"\d(?:[ .\-]?\d){5,}")


@dataclass(frozen=True)
class Leak:
    file: str  # relative to the site; "downloads/x.zip › member" inside an archive
    kind: str
    person: str | None = None

    def label(self) -> str:
        who = f" (mã người {self.person})" if self.person else ""
        return f"{_LABELS[self.kind]}{who}"

    def describe(self) -> str:
        return f"{self.file}: {self.label()}"


class Guard:
    """What to look for in the finished public site."""

    def __init__(self, screen: Screen, internal: dict[str, str] | None = None, cache_file: Path | None = None):
        # Sentences about named people are the check's business: a page's unrelated text
        # often shares a "sentence" (a table row, a line of minified HTML) with a name.
        self.screen = Screen(screen.private_names, screen.known_names, screen.public_phones, screen.public_emails,
                             sensitive=False, compiled=True)
        self.internal = dict(internal or {})
        # Recorded phone and ID numbers are looked up by their digits, those the patterns would
        # not find anyway (an ID number of another shape); addresses as phrases.
        plain = Screen()
        self._numbers = {re.sub(r"\D", "", key): pid for key, pid in self.internal.items()
                         if _NUMBER.fullmatch(key) and not plain.find(key)}
        self._internal = PhraseMatcher({key: pid for key, pid in self.internal.items() if not _NUMBER.fullmatch(key)},
                                       separator=r"[\W_]+", compiled=True)
        self.cache_file = cache_file
        digest = hashlib.sha256(f"{self.screen.fingerprint()}|{sorted(self.internal.items())}|{code_fingerprint()}".encode())
        self.fingerprint = digest.hexdigest()[:16]

    @classmethod
    def for_dataset(cls, ds: Dataset, screen: Screen | None = None) -> "Guard":
        screen = screen or screen_for(ds)
        unit_names = {phrase_key(at.obj.name) for at in ds.units.values()}
        internal: dict[str, str] = {}
        for pid in sorted(ds.people):
            person = ds.people[pid].obj
            for value in (person.phone, person.id_number):
                if value and national_digits(value) not in screen.public_phones and len(re.sub(r"\W", "", value)) >= 6:
                    internal.setdefault(phrase_key(value), pid)
            if person.address:
                first = person.address.split(",")[0]
                if re.search(r"\d", first) and phrase_key(first) not in unit_names:
                    internal.setdefault(phrase_key(person.address), pid)
        return cls(screen, internal, work_dir(Path(ds.root)) / "cache" / CACHE_NAME)

    # ------------------------------------------------------------------ scanning
    def find(self, text: str) -> list[Leak]:
        """The leaks in one text (the file name is filled in by the caller)."""
        lowered = lower(text)
        leaks = [Leak("", hit.kind, hit.person) for hit in self.screen.find(text, lowered=lowered)]
        leaks += [Leak("", INTERNAL, person) for _, _, person in self._internal.find(text, lowered)]
        if self._numbers:
            for run in _NUMBER_RUN.finditer(text):
                for digits in {re.sub(r"\D", "", run.group()), *re.findall(r"\d{6,}", run.group())}:
                    if digits in self._numbers:
                        leaks.append(Leak("", INTERNAL, self._numbers[digits]))
        return leaks

    def scan(self, site: Path) -> list[Leak]:
        """Every leak in the site's files. Files known to be clean (the same bytes under the
        same screen) and files shipped unchanged are skipped; the others are scanned in
        worker processes, one per core."""
        site = Path(site)
        clean = self._load_cache()
        now_clean: set[str] = set()
        seen: set[str] = set()  # digests of the site's files: an archive's copies of them are skipped
        todo: list[tuple[str, str, int]] = []  # (site path, digest, size)
        for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix.lower() not in BINARY):
            rel = path.relative_to(site).as_posix()
            data = path.read_bytes()
            digest = hashlib.blake2b(data, digest_size=16).hexdigest()
            seen.add(digest)
            if digest in clean or _shipped(rel, data):
                now_clean.add(digest)
            else:
                todo.append((rel, digest, len(data)))
        leaks: list[Leak] = []
        for found, digests in _map_groups(self, site, todo, seen):
            leaks.extend(found)
            now_clean.update(digests)
        self._save_cache(now_clean)
        return sorted(_unique(leaks), key=lambda leak: leak.file)

    def scan_files(self, site: Path, files: list[tuple[str, str, int]], seen: set[str]) -> tuple[list[Leak], set[str]]:
        """The leaks in some of the site's files, and the digests of those found clean."""
        leaks: list[Leak] = []
        clean: set[str] = set()
        lines: set[int] = set()  # hashes of the pages' lines already scanned
        # Archives last: their members that are copies of files already scanned are skipped.
        for rel, digest, _ in sorted(files, key=lambda f: (f[0].endswith(".zip"), f[0])):
            texts = _texts(rel, (site / rel).read_bytes(), seen)
            if rel.endswith((".html", ".htm")):
                texts = [(inner, new_lines(text, lines) if text is not None else None) for inner, text in texts]
            found = [Leak(f"{rel}{inner}", leak.kind, leak.person) for inner, text in texts
                     for leak in (self.find(text) if text is not None else [Leak("", UNREADABLE)])]
            if found:
                leaks.extend(found)
            else:
                clean.add(digest)
        return leaks, clean

    def check(self, site: Path) -> None:
        """Raise `BuildError` (nothing is published) when the site holds personal data."""
        leaks = self.scan(site)
        if not leaks:
            return

        by_file: dict[str, list[str]] = {}
        for leak in leaks:
            by_file.setdefault(leak.file, []).append(leak.label())
        shown = list(by_file.items())[:20]
        more = f"\n  … và {len(by_file) - len(shown)} tệp khác." if len(by_file) > len(shown) else ""
        raise BuildError(
            "Bản công khai vừa dựng vẫn còn dữ liệu cá nhân nên không được xuất bản; trang đang có được giữ nguyên.\n"
            + "\n".join(f"  - {name}: {'; '.join(dict.fromkeys(labels))}" for name, labels in shown) + more
            + "\nNếu thông tin đó nằm trong tệp dữ liệu, “handbook check” chỉ ra chỗ cần sửa; nếu không (giao diện, "
              "mẫu trang) hoặc không rõ vì sao, hãy báo cho nhóm phát triển kèm danh sách trên.")

    # ------------------------------------------------------------------ cache of clean files
    def _load_cache(self) -> set[str]:
        if self.cache_file is None:
            return set()
        try:
            data = json.loads(self.cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return set()
        return set(data.get("clean", [])) if data.get("key") == self.fingerprint else set()

    def _save_cache(self, clean: set[str]) -> None:
        if self.cache_file is None:
            return
        write_file_atomically(self.cache_file, json.dumps({"key": self.fingerprint, "clean": sorted(clean)}))


def _unique(leaks: list[Leak]) -> list[Leak]:
    return list(dict.fromkeys(leaks))


def _shipped(rel: str, data: bytes) -> bool:
    """A file copied unchanged from the engine's theme or the web editor's bundle."""
    from generator.produce.site.mkdocs_adapter import theme_file

    source = theme_file(rel)
    if source is None and rel.startswith("admin/") and "/" not in rel[6:]:
        source = _cms_file(rel[6:])
    return source is not None and source.stat().st_size == len(data) and source.read_bytes() == data


def _cms_file(name: str) -> Path | None:
    from generator.produce.cms import CmsBundleMissing, cms_bundle

    try:
        bundle = {path.name: path for path in cms_bundle()}
    except CmsBundleMissing:
        return None
    return bundle.get(name)


# ---------------------------------------------------------------------------- text of a file

def _texts(rel: str, data: bytes, seen: set[str]) -> Iterator[tuple[str, str | None]]:
    """(where inside the file, text) for everything a file shows a reader; None for a text
    that cannot be read (an archive or a PDF that does not open): it cannot be cleared."""
    suffix = Path(rel).suffix.lower()
    if suffix == ".zip":
        yield from _zip_texts(data, seen)
    elif suffix in (".xlsx", ".xlsm"):
        yield "", _xlsx_text(data)
    elif suffix == ".docx":
        yield "", _docx_text(data)
    elif suffix == ".pdf":
        yield "", pdf_text(data)
    elif suffix == ".gz":
        try:
            inner = gzip.decompress(data)
        except (OSError, EOFError):
            yield "", None
            return
        yield from _texts(rel[:-3], inner, seen)
    elif suffix not in BINARY:
        yield "", _plain_text(suffix, data.decode("utf-8", errors="replace"))


def _plain_text(suffix: str, text: str) -> str:
    if suffix == ".ics":  # unfold lines (RFC 5545 §3.1), undo escapes
        text = re.sub(r"\r?\n[ \t]", "", text).replace("\\,", ",").replace("\\;", ";").replace("\\n", "\n")
    if suffix in (".html", ".htm", ".xml", ".svg") and "&" in text:
        text = html.unescape(text)
    if "\\u" in text:  # JSON or scripts written with escapes
        text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return text


def new_lines(text: str, seen: set[int]) -> str:
    """The lines of a page not seen on an earlier page (the theme's header, navigation and
    footer are the same on hundreds of pages). Lines that were not next to each other are
    joined with a separator nothing matches across."""
    kept: list[str] = []
    adjacent = False
    for line in text.split("\n"):
        key = hash(line)
        if key in seen:
            adjacent = False
            continue
        seen.add(key)
        if kept:
            kept.append("\n" if adjacent else SEPARATOR)
        kept.append(line)
        adjacent = True
    return "".join(kept)


def _zip_texts(data: bytes, seen: set[str]) -> Iterator[tuple[str, str | None]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        yield "", None
        return
    with archive:
        for info in archive.infolist():
            if info.is_dir() or Path(info.filename).suffix.lower() in BINARY:
                continue
            member = archive.read(info)
            digest = hashlib.blake2b(member, digest_size=16).hexdigest()
            if digest in seen:
                continue
            seen.add(digest)
            for inner, text in _texts(info.filename, member, seen):
                yield f" › {info.filename}{inner}", text


_CELL = re.compile(r"<(?:t|v)(?:\s[^>]*)?>([^<]*)</(?:t|v)>")
_WORD_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")
_TAG = re.compile(r"<[^>]+>")


def _office_text(data: bytes, text_of) -> str | None:
    """The text of an Office file (a zip of XML parts): `text_of(name, xml)` gives a part's text
    or None for a part that holds none; None when `data` is not a zip."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return None
    parts = []
    with archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                text = text_of(name, lambda: archive.read(name).decode("utf-8", errors="replace"))
                if text is not None:
                    parts.append(text)
    return html.unescape("\n".join(parts))


def _xlsx_text(data: bytes) -> str | None:
    """Every cell's text and value of a workbook (shared strings, inline strings, numbers)."""
    def cells(name: str, xml) -> str | None:
        if name.startswith("xl/") and ("sharedStrings" in name or "/worksheets/" in name):
            return "\n".join(_CELL.findall(xml()))
        return None
    return _office_text(data, cells)


def _docx_text(data: bytes) -> str | None:
    """The text of a Word file: its body, headers, footers, notes and properties."""
    def runs(name: str, xml) -> str | None:
        if name.startswith("word/"):
            return "\n".join(_WORD_TEXT.findall(xml()))
        if name.startswith("docProps/"):
            return _TAG.sub("\n", xml())
        return None
    return _office_text(data, runs)


_SCAN_INPUT: tuple | None = None  # what a forked worker scans (nothing is pickled to it)


def _map_groups(guard: "Guard", site: Path, todo: list[tuple[str, str, int]], seen: set[str]):
    """`scan_files` over the files to scan, split by size into one group per core and run
    in forked processes (in this one when there is one core or little to do)."""
    global _SCAN_INPUT
    workers = min(available_workers(), max(1, sum(size for *_, size in todo) // _GROUP_BYTES))
    if workers <= 1:
        yield guard.scan_files(site, todo, seen)
        return
    groups: list[list[tuple[str, str, int]]] = [[] for _ in range(workers)]
    sizes = [0] * workers
    for item in sorted(todo, key=lambda f: -f[2]):  # largest first, each to the lightest group
        i = sizes.index(min(sizes))
        groups[i].append(item)
        sizes[i] += item[2]
    _SCAN_INPUT = (guard, site, seen)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from pool.map(_scan_group, groups)
    finally:
        _SCAN_INPUT = None


def _scan_group(files: list[tuple[str, str, int]]) -> tuple[list[Leak], set[str]]:
    guard, site, seen = _SCAN_INPUT
    return guard.scan_files(site, files, seen)


_GROUP_BYTES = 4 << 20  # below this much to scan, forking costs more than it saves


def pdf_text(data: bytes) -> str | None:
    """A PDF's text, page after page (pdftotext, from poppler-utils); None if it cannot be read."""
    tool = shutil.which("pdftotext")
    if tool is None:

        raise BuildError("Không tìm thấy chương trình pdftotext (gói poppler-utils) để kiểm tra các tệp PDF trước khi "
                         "xuất bản. Hãy chạy scripts/install-system-packages.sh rồi dựng lại.")
    result = subprocess.run([tool, "-q", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=False)
    return result.stdout.decode("utf-8", errors="replace") if result.returncode == 0 else None
