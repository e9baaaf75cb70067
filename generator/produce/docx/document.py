"""The neutral official document: takes text from data, gives the blocks both formats lay out
the same way (header block, title, body, recipients, signature) after Hướng dẫn 36-HD/VPTW on
Party documents: A4, Times New Roman 13–14 pt, margins top and bottom 20 mm, left 30 mm, right
15 mm, page numbers centred at the top from page 2. Strings are cleaned once here: XML-invalid
control characters (which a Word file cannot hold) are dropped and the text put in NFC."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Characters XML 1.0 cannot carry (C0 controls but tab, newline, carriage return; surrogates; U+FFFE/FFFF).
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

PAGE_MM = (210, 297)  # A4
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
BODY_PT = 13
FONT = "Times New Roman"
CONVENTION = "Hướng dẫn 36-HD/VPTW"  # the layout follows this (close to Nghị định 30/2020/NĐ-CP on these points)


def clean(text: str | None) -> str:
    """Text from data, safe for both formats: NFC, no XML-invalid control characters."""
    if not text:
        return ""
    return unicodedata.normalize("NFC", _INVALID.sub("", str(text)))


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False

    def __post_init__(self):
        self.text = clean(self.text)


@dataclass
class Para:
    runs: list[Run]
    align: str = "justify"  # justify, center, left
    indent: bool = True  # first-line indent of body paragraphs
    size: float | None = None  # points; None: the body size

    @classmethod
    def of(cls, text: str, **kw) -> "Para":
        bold, italic = kw.pop("bold", False), kw.pop("italic", False)
        return cls([Run(text, bold, italic)], **kw)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Heading:
    text: str

    def __post_init__(self):
        self.text = clean(self.text)


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: list[float]  # millimetres, summing to the text width (165 mm)
    numeric: set[int] = field(default_factory=set)  # columns aligned right
    size: float = 11.5

    def __post_init__(self):
        self.headers = [clean(h) for h in self.headers]
        self.rows = [[clean(c) for c in row] for row in self.rows]


@dataclass
class Lines:
    """Dotted lines to write on by hand."""
    count: int


Block = Para | Heading | Table | Lines


@dataclass
class Header:
    """The header block: issuing body (superior and issuer) on the left with the number; the
    Party's name and the place and date on the right."""
    superior: str
    issuer: str
    number: str | None  # "Số: 125-QĐ/ĐU"; None: no number line (a form)
    place_date: str

    def __post_init__(self):
        self.superior, self.issuer, self.place_date = clean(self.superior), clean(self.issuer), clean(self.place_date)
        self.number = clean(self.number) if self.number is not None else None


@dataclass
class Signature:
    signing: str  # "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN"; may be empty
    title: str  # "BÍ THƯ"
    name: str | None = None  # printed under the space for the signature
    left_title: str | None = None  # a second signer on the left instead of the recipients (minutes)

    def __post_init__(self):
        self.signing, self.title = clean(self.signing), clean(self.title)
        self.name = clean(self.name) or None
        self.left_title = clean(self.left_title) or None


@dataclass
class OfficialDoc:
    header: Header
    kind: str  # "QUYẾT ĐỊNH", "BÁO CÁO", "BIÊN BẢN", "KẾ HOẠCH", "DANH SÁCH"
    subtitle: str
    body: list[Block]
    signature: Signature
    recipients: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.kind, self.subtitle = clean(self.kind), clean(self.subtitle)
        self.recipients = [clean(r) for r in self.recipients]


@dataclass
class Bundle:
    """One file (PDF and DOCX) holding one or more documents, each from a new page with its own
    page numbers."""
    name: str  # path of the file without extension, relative to the downloads folder
    title: str
    kind: str  # the paperwork kind (see paperwork.KINDS) or "bao-cao"
    docs: list[OfficialDoc]
    author: str = ""
    date: str = ""  # ISO date of the data, for the files' metadata

    def __post_init__(self):
        self.title, self.author = clean(self.title), clean(self.author)


def date_line(place: str, day: int | None = None, month: int | None = None, year: int | None = None) -> str:
    """“Bắc Giang, ngày 05 tháng 02 năm 2023”; a part not given is left to fill by hand."""
    d = f"{day:02d}" if day else "……"
    m = f"{month:02d}" if month else "……"
    y = str(year) if year else "20……"
    return f"{place}, ngày {d} tháng {m} năm {y}"
