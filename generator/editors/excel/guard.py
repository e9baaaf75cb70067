"""Limits a workbook must meet before anything parses it: takes the path of an uploaded
.xlsx, gives its bytes, where each worksheet lives inside it, the rows each declares and the
merged ranges it holds, or findings that refuse it.

Why before parsing: an XLSX file is a zip of XML parts, and a parser trusts both. A zip
bomb (a few kilobytes that inflate to gigabytes), a sheet whose `<dimension>` claims a
million rows, or a file that is not a workbook at all would otherwise cost minutes or a
traceback. Everything here reads only the zip's directory, the first bytes of each sheet
and, once, the bytes of each XML part (bounded by the size caps checked first), so it
answers in well under a second whatever the file.

Declared sizes are enough to bound the work: Python's zipfile never inflates a member
past the size its directory declares, so a member that lies about its size reads short
and fails its checksum instead of filling memory.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable
from xml.etree import ElementTree

from generator.core.findings import Finding, Severity
from generator.core.text import number_vi

MAX_FILE_BYTES = 50 * 1024 * 1024  # the file as uploaded
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024  # all its parts once inflated (a province's roster is ~10 MB)
MAX_MEMBERS = 1000  # parts in the zip (a workbook has 10 to 40; one per sheet, image, comment…)
MAX_RATIO = 100  # inflated ÷ compressed size above which a large part is a bomb (sheets reach ~20)
RATIO_FLOOR = 1024 * 1024  # parts smaller than this may compress as well as they like
# Data rows of one sheet (below the header row). A province's workbook needs about 2,200
# rows on To and 18,000 on ThanhVien; 25,000 member rows of one Tổ still make a YAML file of
# about 6 MB (245 bytes a member), under the 8 MiB a data file may have (yamlload).
MAX_DATA_ROWS = 25_000
MAX_MERGES = 1000  # merged ranges remembered per sheet (each is reported; a thousand say enough)
HEAD_BYTES = 64 * 1024  # the <dimension> element comes right after <sheetPr>, near the start
_CHUNK = 1024 * 1024

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97–2003 .xls, and password-protected .xlsx
_EOCD = b"PK\x05\x06"
_EOCD64 = b"PK\x06\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*?\bref\s*=\s*[\"']([^\"']*)[\"']")
_MERGE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*[\"']([A-Za-z]{1,3}[0-9]{1,7}(?::[A-Za-z]{1,3}[0-9]{1,7})?)[\"']")
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")
# A DTD is how entity-expansion attacks ("billion laughs") get into XML; no spreadsheet
# program writes one into a workbook, so a part that has one is refused unread.
_DOCTYPES = tuple(t.encode(enc) for t in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = "/officeDocument"
_WORKSHEET = "/worksheet"

SAVE_AS_XLSX = "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dưới dạng “Excel Workbook (.xlsx)”, rồi nhập lại."


@dataclass
class SheetPart:
    name: str  # the sheet's title, as the workbook names it
    part: str  # its XML part inside the zip
    dimension: str | None = None  # the used range the sheet declares, e.g. "A1:H1048576"
    declared_rows: int | None = None  # the last row of that range
    merged: list[str] = field(default_factory=list)  # merged ranges, e.g. ["A3:A6"]


@dataclass
class Inspection:
    """What a workbook is, as far as can be told without parsing it."""

    findings: list[Finding] = field(default_factory=list)
    data: bytes | None = None  # the file's bytes (read once: what was checked is what is parsed)
    sheets: dict[str, SheetPart] = field(default_factory=dict)  # inspected sheets by title

    @property
    def ok(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)


class _Refused(Exception):
    def __init__(self, finding: Finding):
        super().__init__(finding.message)
        self.finding = finding


def inspect_workbook(path: str | Path, wanted: Callable[[str], bool] = lambda name: True) -> Inspection:
    """Check an uploaded workbook against every limit above; `wanted` picks the sheets
    (by title) whose rows and merged ranges matter. Never raises for a bad file."""
    path = Path(path)
    result = Inspection()
    try:
        result.data = _read(path)
        with _open_zip(path.name, result.data) as archive:
            infos = _check_directory(path.name, archive)
            workbook = _workbook_part(path.name, archive)
            sheets = _sheet_parts(path.name, archive, workbook)
            wanted_parts = {part.part: part for part in sheets if wanted(part.name)}
            for info in infos:
                if info.filename.lower().endswith(_XML_SUFFIXES) or info.filename in wanted_parts:
                    _scan_part(path.name, archive, info, wanted_parts.get(info.filename))
        result.sheets = {part.name: part for part in wanted_parts.values()}
        for part in wanted_parts.values():
            _check_rows(path.name, part, result.findings)
    except _Refused as refused:
        result.findings.append(refused.finding)
        result.data = None
    return result


def _refuse(code: str, name: str, message: str, hint: str, sheet: str | None = None) -> _Refused:
    return _Refused(Finding(code, Severity.ERROR, message, file=name, path=sheet, hint=hint))


def _unreadable(name: str, message: str, hint: str = SAVE_AS_XLSX) -> _Refused:
    return _refuse("IMPORT-UNREADABLE", name, message, hint)


def _mb(size: int) -> str:
    """A size as people read it: "812 byte", "27 KB", "3,4 MB", "200 MB"."""
    if size < 1024:
        return f"{number_vi(size)} byte"
    if size < 1024 * 1024:
        return f"{number_vi(round(size / 1024))} KB"
    if size < 10 * 1024 * 1024:
        return number_vi(round(size / (1024 * 1024), 1), 1) + " MB"
    return number_vi(round(size / (1024 * 1024))) + " MB"


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise _unreadable(path.name, f"“{path}” là một thư mục, không phải tệp bảng tính.",
                              "Ghi đường dẫn đến tệp .xlsx cần nhập.")
    except FileNotFoundError:
        raise _unreadable(path.name, f"Không thấy tệp “{path}”.", "Kiểm tra lại tên và đường dẫn của tệp.") from None
    except OSError as exc:
        raise _unreadable(path.name, f"Không đọc được tệp “{path.name}” ({exc.strerror or exc}).",
                          "Kiểm tra quyền đọc tệp rồi chạy lại.") from None
    if size > MAX_FILE_BYTES:
        raise _refuse("IMPORT-TOO-LARGE", path.name,
                      f"Tệp dài {_mb(size)}, vượt giới hạn {_mb(MAX_FILE_BYTES)} cho một bảng tính nhập vào.",
                      "Bảng tính danh sách Tổ của cả tỉnh chỉ khoảng vài MB: xóa các trang, hình ảnh không cần thiết, "
                      "hoặc tách thành nhiều tệp (ví dụ mỗi huyện một tệp).")
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _unreadable(path.name, f"Không đọc được tệp “{path.name}” ({exc.strerror or exc}).",
                          "Kiểm tra quyền đọc tệp rồi chạy lại.") from None
    if len(data) > MAX_FILE_BYTES:  # it grew while being read
        raise _refuse("IMPORT-TOO-LARGE", path.name, f"Tệp dài hơn {_mb(MAX_FILE_BYTES)}, giới hạn cho một bảng tính nhập vào.",
                      "Tách bảng tính thành nhiều tệp nhỏ hơn.")
    if data.startswith(_OLE2):
        raise _unreadable(path.name, f"Tệp “{path.name}” là bảng tính Excel đời cũ (.xls, Excel 97–2003) hoặc "
                                     "bảng tính có đặt mật khẩu; chương trình chỉ đọc được tệp .xlsx không mật khẩu.",
                          "Mở tệp bằng Excel, bỏ mật khẩu nếu có (File → Info → Protect Workbook), chọn File → Save As → "
                          "“Excel Workbook (.xlsx)”, rồi nhập tệp mới.")
    if not data.startswith(b"PK"):
        raise _unreadable(path.name, f"Tệp “{path.name}” không phải bảng tính Excel (.xlsx): nội dung của nó "
                                     "không có dạng tệp nén mà mọi tệp .xlsx đều có; có lẽ đây là tệp khác được đổi đuôi thành .xlsx.")
    return data


def _entries_declared(data: bytes) -> int | None:
    """The number of parts the zip's end record declares (its Zip64 record's, when it has
    one), read before zipfile builds its directory: a directory of millions of tiny entries
    would cost seconds and hundreds of megabytes to build before it could be counted."""
    tail = data[-(65535 + 22):]
    at = tail.rfind(_EOCD)
    if at < 0 or at + 22 > len(tail):
        return None
    total = struct.unpack("<H", tail[at + 10:at + 12])[0]
    locator = at - 20
    if total == 0xFFFF and locator >= 0 and tail[locator:locator + 4] == _EOCD64_LOCATOR:
        offset = struct.unpack("<Q", tail[locator + 8:locator + 16])[0]
        record = data[offset:offset + 56]
        if len(record) == 56 and record[:4] == _EOCD64:
            total = struct.unpack("<Q", record[32:40])[0]
    return total


def _too_many_parts(name: str, count: int) -> _Refused:
    return _refuse("IMPORT-TOO-LARGE", name,
                   f"Tệp nén chứa {number_vi(count)} phần, vượt giới hạn {number_vi(MAX_MEMBERS)} phần của một bảng tính.",
                   "Một bảng tính bình thường chỉ có vài chục phần; lưu lại tệp bằng Excel dưới dạng .xlsx "
                   "(bỏ các hình ảnh, trang thừa) rồi nhập lại.")


def _open_zip(name: str, data: bytes) -> zipfile.ZipFile:
    declared = _entries_declared(data)
    if declared is not None and declared > MAX_MEMBERS:
        raise _too_many_parts(name, declared)
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise _unreadable(name, f"Tệp “{name}” không phải bảng tính Excel (.xlsx) đọc được: phần nén của tệp bị hỏng "
                                f"hoặc không đầy đủ ({type(exc).__name__}); có lẽ tệp chưa tải về hết, hoặc là tệp khác "
                                "được đổi đuôi thành .xlsx.") from None


def _check_directory(name: str, archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:  # the end record may understate it
        raise _too_many_parts(name, len(infos))
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _unreadable(name, f"Tệp “{name}” có phần được mã hóa (đặt mật khẩu) nên không đọc được.",
                              "Bỏ mật khẩu của bảng tính, lưu lại dưới dạng .xlsx rồi nhập lại.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _unreadable(name, f"Phần “{info.filename}” của tệp được nén theo cách mà Excel không dùng "
                                    f"(kiểu {info.compress_type}); tệp không phải do Excel hay LibreOffice lưu.")
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            packed = _mb(info.compress_size)
            raise _refuse("IMPORT-ZIP-BOMB", name,
                          f"Phần “{info.filename}” chỉ chiếm {packed} trong tệp nhưng giải nén ra {_mb(info.file_size)} "
                          f"(gấp {number_vi(ratio)} lần; giới hạn là {MAX_RATIO} lần): đây là dấu hiệu của “bom nén” "
                          "(zip bomb), không phải bảng tính thật, nên tệp không được mở.",
                          "Không mở tệp này bằng Excel. Hỏi lại người gửi; nếu cần, lập lại bảng tính từ tệp mẫu "
                          "(handbook template) rồi nhập lại.")
        if total > MAX_UNCOMPRESSED_BYTES:
            raise _refuse("IMPORT-TOO-LARGE", name,
                          f"Giải nén ra, các phần của tệp chiếm tổng cộng {_mb(sum(i.file_size for i in infos))}, vượt giới hạn "
                          f"{_mb(MAX_UNCOMPRESSED_BYTES)} cho một bảng tính nhập vào.",
                          "Bảng tính danh sách Tổ của cả tỉnh chỉ khoảng 10 MB khi giải nén: xóa các trang, hình ảnh "
                          "không cần thiết, hoặc tách thành nhiều tệp (ví dụ mỗi huyện một tệp).")
    return infos


def _read_part(name: str, archive: zipfile.ZipFile, part: str) -> bytes:
    try:
        return archive.read(part)  # small parts only (the caps above bound every part)
    except KeyError:
        raise _unreadable(name, f"Tệp “{name}” thiếu phần “{part}” của một bảng tính Excel.") from None
    except Exception as exc:  # BadZipFile, zlib.error, EOFError…: a damaged stream or checksum
        raise _damaged(name, part, exc) from None


def _damaged(name: str, part: str, exc: Exception) -> _Refused:
    return _unreadable(name, f"Phần “{part}” của tệp “{name}” bị hỏng ({type(exc).__name__}); tệp không đọc được.")


def _xml(name: str, part: str, raw: bytes) -> ElementTree.Element:
    if any(marker in raw for marker in _DOCTYPES):
        raise _doctype(name, part)
    try:
        return ElementTree.fromstring(raw)
    except ElementTree.ParseError:
        raise _unreadable(name, f"Phần “{part}” của tệp “{name}” không phải XML hợp lệ: tệp bị hỏng.") from None


def _doctype(name: str, part: str) -> _Refused:
    return _unreadable(name, f"Phần “{part}” của tệp “{name}” có khai báo DOCTYPE/ENTITY, điều mà Excel và LibreOffice "
                             "không bao giờ ghi; tệp có thể đã bị sửa để tấn công nên không được đọc.",
                       "Không mở tệp này. Hỏi lại người gửi, hoặc lập lại bảng tính từ tệp mẫu (handbook template).")


def _workbook_part(name: str, archive: zipfile.ZipFile) -> str:
    """The workbook's main part, found the way the Open Packaging Conventions say."""
    names = set(archive.namelist())
    if "_rels/.rels" not in names:
        if "mimetype" in names:  # OpenDocument (.ods from LibreOffice, or .odt)
            raise _unreadable(name, f"Tệp “{name}” là bảng tính OpenDocument (.ods), không phải .xlsx.",
                              "Trong LibreOffice chọn File → Save As → “Excel 2007-365 (.xlsx)”, rồi nhập tệp mới.")
        raise _unreadable(name, f"Tệp “{name}” là một tệp nén nhưng không phải bảng tính Excel (.xlsx).")
    root = _xml(name, "_rels/.rels", _read_part(name, archive, "_rels/.rels"))
    for rel in root.iter(f"{{{_NS_PKG_REL}}}Relationship"):
        if rel.get("Type", "").endswith(_OFFICE_DOCUMENT):
            target = rel.get("Target", "").lstrip("/")
            if target in names and target.endswith(".xml") and "word/" not in target and "ppt/" not in target:
                return target
            if target.startswith("word/"):
                raise _unreadable(name, f"Tệp “{name}” là văn bản Word (.docx) được đổi đuôi, không phải bảng tính.",
                                  "Nhập đúng tệp bảng tính .xlsx lập từ tệp mẫu (handbook template).")
            if target.startswith("ppt/"):
                raise _unreadable(name, f"Tệp “{name}” là bản trình chiếu PowerPoint (.pptx) được đổi đuôi, không phải bảng tính.",
                                  "Nhập đúng tệp bảng tính .xlsx lập từ tệp mẫu (handbook template).")
    raise _unreadable(name, f"Tệp “{name}” là một tệp nén nhưng không có phần bảng tính Excel (workbook).")


def _sheet_parts(name: str, archive: zipfile.ZipFile, workbook: str) -> list[SheetPart]:
    """Every worksheet's title and part, from the workbook part and its relationships."""
    folder = PurePosixPath(workbook).parent
    rels_name = (folder / "_rels" / (PurePosixPath(workbook).name + ".rels")).as_posix()
    targets: dict[str, str] = {}
    if rels_name in archive.namelist():
        for rel in _xml(name, rels_name, _read_part(name, archive, rels_name)).iter(f"{{{_NS_PKG_REL}}}Relationship"):
            if rel.get("Type", "").endswith(_WORKSHEET):
                target = rel.get("Target", "")
                resolved = target.lstrip("/") if target.startswith("/") else _join(folder, target)
                targets[rel.get("Id", "")] = resolved
    root = _xml(name, workbook, _read_part(name, archive, workbook))
    parts = []
    for sheet in root.iter():
        if not sheet.tag.endswith("}sheet") and sheet.tag != "sheet":
            continue
        rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id") and "relationships" in k), None)  # transitional or strict
        if rid in targets:  # chart sheets and dialog sheets have other relationship types
            if targets[rid] not in archive.namelist():
                raise _unreadable(name, f"Tệp “{name}” thiếu phần dữ liệu của trang “{sheet.get('name')}”: tệp bị hỏng.")
            parts.append(SheetPart(sheet.get("name") or "", targets[rid]))
    return parts


def _join(folder: PurePosixPath, target: str) -> str:
    parts: list[str] = []
    for piece in (folder / target).as_posix().split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


def _scan_part(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, sheet: SheetPart | None) -> None:
    """One streamed pass over a part: no DTD anywhere; for an inspected sheet, its declared
    dimension (from the first bytes) and its merged ranges (listed after the cells)."""
    merged: dict[str, None] = {}
    head = b""
    tail = b""
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                window = tail + chunk
                if any(marker in window for marker in _DOCTYPES):
                    raise _doctype(name, info.filename)
                if sheet is not None:
                    if len(head) < HEAD_BYTES:
                        head += chunk[:HEAD_BYTES - len(head)]
                    if b"mergeCell" in window and len(merged) < MAX_MERGES:
                        for m in _MERGE.finditer(window):
                            merged.setdefault(m.group(1).decode("ascii").upper(), None)
                tail = window[-512:]
    except _Refused:
        raise
    except Exception as exc:  # a damaged deflate stream or a checksum that does not match
        raise _damaged(name, info.filename, exc) from None
    if sheet is not None:
        match = _DIMENSION.search(head)
        if match:
            sheet.dimension = match.group(1).decode("ascii", "replace")
            last = sheet.dimension.split(":")[-1]
            cell = _CELL.match(last)
            if cell:
                sheet.declared_rows = int(cell.group(2))
        sheet.merged = list(merged)


def _check_rows(name: str, sheet: SheetPart, findings: list[Finding]) -> None:
    if sheet.declared_rows is not None and sheet.declared_rows > MAX_DATA_ROWS + 1:
        findings.append(too_many_rows(name, sheet.name, sheet.declared_rows, sheet.dimension))


def too_many_rows(name: str, sheet: str, last_row: int, dimension: str | None = None) -> Finding:
    """The finding for a sheet with rows beyond the limit (declared, or found while reading)."""
    if dimension:
        what = (f"Trang {sheet} khai báo vùng dữ liệu {dimension}, tức dữ liệu đến dòng {number_vi(last_row)} "
                f"({number_vi(last_row - 1)} dòng dưới dòng tiêu đề)")
    else:
        what = f"Trang {sheet} có dữ liệu ở dòng {number_vi(last_row)}"
    return Finding("IMPORT-TOO-MANY-ROWS", Severity.ERROR,
                   f"{what}, vượt giới hạn {number_vi(MAX_DATA_ROWS)} dòng dữ liệu cho một trang.",
                   file=name, path=sheet,
                   hint=f"Xóa các dòng thừa bên dưới dữ liệu (kể cả dòng chỉ có định dạng): chọn các dòng đó, bấm chuột phải "
                        f"→ Delete, lưu lại rồi nhập lại. Nếu thật sự có hơn {number_vi(MAX_DATA_ROWS)} dòng, "
                        "tách thành nhiều bảng tính (ví dụ mỗi huyện một tệp).")
