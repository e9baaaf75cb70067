"""A small project with personal data typed into every kind of free text, for the tests of
the personal-data screen, the masking of the public build and its final scan.

`make_project(root)` writes it: the broken-input base (tests/fixtures/base), the site's theme
and configuration, two publications, a training module, and PII in the places listed in
`PLANTED` (file, what is planted, the exact text). Person p-t1-2 (Trần Thị Bình) does not
consent to publication; p-t1-1 (Nguyễn Văn An) does.
"""

from __future__ import annotations

from projects import buildable_base

import gzip
import html
import io
import re
import subprocess
import zipfile
from pathlib import Path


# Values that must never reach the public build (each is unique in the project).
SECRETS = {
    "group area phone": "0912 345 678",
    "meeting phone": "+84 987.654.321",
    "rating note ID": "024187000123",
    "exception note e-mail": "an.nguyen1970@gmail.com",
    "activity name": "Trần Thị Bình",
    "story phone": "098.765.4321",
    "story name": "Hoàng Văn Hải",
    "answer phone": "0912 111 222",
    "answer name": "Đỗ Văn Minh",
    "handout name": "Ngô Thị Oanh",
    "quiz phone": "0913 456 789",
    "agency activity name": "Vũ Thị Hoa",
    "agency activity ID": "121234567",
    "duties phone": "0977-123-456",
    "glossary name": "Dương Văn Phúc",
    "topic phone": "0356 789 012",
    "document e-mail": "vanthu.ca.nhan@gmail.com",
    "religion of a named person": "Nguyễn Văn An theo đạo",
    "internal ID number": "001099012345",
    "internal address": "số nhà 12, ngõ 5, thôn Một",
    "internal e-mail": "binh.tran@gmail.com",
}

MODULE = """id: cd-mau
title: Chuyên đề mẫu
audiences: [to_truong]
duration_minutes: 60
objectives:
  - Nêu được cơ cấu của Tổ Dân vận cộng đồng.
outline:
  - {title: Thuyết trình, minutes: 60}
handout: |
  Tài liệu phát tay về Tổ Dân vận cộng đồng.

  Giảng viên: chị Ngô Thị Oanh.
trainer_notes: Ghi chú cho giảng viên.
quiz:
  - id: c1
    kind: true_false
    question: Mỗi nhóm có từ 3 đến 5 người?
    answer: true
    explanation: Hỏi thêm Ban qua số 0913 456 789.
    source: {doc: de-an-to-dvcd-bac-giang, section: P2.III.2}
sources:
  - {doc: de-an-to-dvcd-bac-giang, section: P2.III.2}
"""

PUBLICATIONS = """publications:
  - {id: so-tay-hoi-dap, kind: handbook, title: Sổ tay hỏi – đáp, paper: A4, glossary: true, issuer: Ban Dân vận, place: Tỉnh Mẫu, year: 2024}
  - {id: tai-lieu-hoc-vien, kind: module_handout, title: Tài liệu học viên, paper: A4, issuer: Ban Dân vận, place: Tỉnh Mẫu, year: 2024}
  - {id: huong-dan-giang-vien, kind: trainer_guide, title: Hướng dẫn giảng viên, paper: A4, issuer: Ban Dân vận, place: Tỉnh Mẫu, year: 2024}
"""


def copy_base(root: Path) -> Path:
    """The clean base with what a site build needs (theme, mkdocs.yml)."""
    buildable_base(root)
    (root / "data" / "publications.yml").write_text(PUBLICATIONS, encoding="utf-8")
    (root / "content" / "modules").mkdir(parents=True, exist_ok=True)
    (root / "content" / "modules" / "cd-mau.yml").write_text(MODULE.replace("chị Ngô Thị Oanh", "chị tổ trưởng")
                                                              .replace(" qua số 0913 456 789", ""), encoding="utf-8")
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def plant(root: Path) -> Path:
    """Type every value of SECRETS into the project's free text (and internal fields)."""
    data = root / "data"
    team = data / "teams" / "xa-a" / "to-thon-1.yml"
    _edit(team, "    households: 40\n", "    households: 40\n    area: xóm Đồng, gọi chị Hoa 0912 345 678\n")
    _edit(team, "    grade: xuat_sac\n", "    grade: xuat_sac\n    note: Khen hộ có CCCD 024187000123 vì hiến đất.\n")
    _edit(team, "zalo_group: true\n", "zalo_group: true\nexception_note: Liên hệ qua an.nguyen1970@gmail.com\n")
    _edit(team, "    sample: true\n  - id: p-t1-3\n",
          "    id_number: \"001099012345\"\n    address: số nhà 12, ngõ 5, thôn Một\n    email: binh.tran@gmail.com\n"
          "    sample: true\n  - id: p-t1-3\n")
    with team.open("a", encoding="utf-8") as out:
        out.write("meetings:\n  - date: 05/11/2024\n    attendees: 4\n"
                  "    content: Số trực +84 987.654.321 nhận phản ánh. Ông Nguyễn Văn An theo đạo Công giáo nên phụ trách giáo xứ.\n"
                  "activities:\n  - date: 09/11/2024\n    title: Hòa giải ranh giới\n"
                  "    content: Bà Trần Thị Bình đã đồng ý lùi tường rào.\n    participants: 5\n")
    _edit(data / "models" / "mh-mau.yml", "sample: true\n",
          "story: |\n  Người dân góp công làm đường.\n\n  Đồng chí Hoàng Văn Hải nhận đóng góp qua số 098.765.4321.\nsample: true\n")
    _edit(data / "blocs" / "khoi-xa-a.yml", "duties: Vận động phụ nữ,", "duties: Vận động phụ nữ (ĐT 0977-123-456),")
    _edit(data / "assignments" / "pc-so-mau.yml", "content: Dọn vệ sinh đường làng",
          "content: Dọn vệ sinh đường làng, thăm hộ bà Vũ Thị Hoa (CMND 121234567)")
    _edit(data / "documents.yml", "    scope: trung_uong\n", "    scope: trung_uong\n    note: Bản gốc gửi qua vanthu.ca.nhan@gmail.com\n")
    qa = root / "content" / "qa" / "chu-de" / "cau-mau.md"
    with qa.open("a", encoding="utf-8") as out:
        out.write("\nVí dụ: nhóm của ông Đỗ Văn Minh phụ trách 40 hộ; cần hỏi thêm, gọi số 0912 111 222.\n")
    (root / "content" / "modules" / "cd-mau.yml").write_text(MODULE, encoding="utf-8")
    (root / "content" / "topics.yml").write_text(
        "topics:\n  - {id: chu-de, title: Chủ đề mẫu, description: Hỏi đáp qua số 0356 789 012}\n", encoding="utf-8")
    (root / "content" / "glossary.yml").write_text(
        "terms:\n  - term: Tổ DVCĐ\n    definition: Tổ Dân vận cộng đồng, như tổ của ông Dương Văn Phúc.\n", encoding="utf-8")
    return root


def make_project(root: Path) -> Path:
    return plant(copy_base(root))


# ------------------------------------------------------------------------------ reading a built site

def output_texts(name: str, data: bytes):
    """(file, text) for everything in an output file, read without the generator's code:
    archives and workbooks member by member, PDFs through pdftotext, calendars unfolded."""
    if name.endswith((".zip", ".xlsx")):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                yield from output_texts(f"{name}!{member}", archive.read(member))
    elif name.endswith(".gz"):
        yield from output_texts(name[:-3], gzip.decompress(data))
    elif name.endswith(".pdf"):
        yield name, subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True,
                                   check=True).stdout.decode("utf-8")
    elif not name.endswith((".png", ".jpg", ".woff2", ".wasm", ".ico")):
        text = data.decode("utf-8", errors="replace")
        if name.endswith(".ics"):
            text = re.sub(r"\r?\n[ \t]", "", text).replace("\\,", ",").replace("\\;", ";")
        if name.endswith((".xml", ".html")):
            text = html.unescape(text)
        yield name, " ".join(text.split())


def site_texts(site: Path) -> dict[str, str]:
    return {name: text for path in sorted(site.rglob("*")) if path.is_file()
            for name, text in output_texts(path.relative_to(site).as_posix(), path.read_bytes())}


def leaked(texts: dict[str, str], secrets) -> dict[str, list[str]]:
    """{what: [files]} for each (what, secret) found in the texts as words of their own
    (case and spacing aside)."""
    found: dict[str, list[str]] = {}
    lowered = {name: text.lower() for name, text in texts.items()}
    for what, secret in secrets:
        needle = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, secret.lower().split())) + r"(?!\w)")
        for name, text in lowered.items():
            if needle.search(text):
                found.setdefault(what, []).append(name)
    return found
