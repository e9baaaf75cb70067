"""The file kinds: where each kind of file lives and which schema it follows.

Takes nothing; gives the one table every stage uses to find, validate and describe files.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.schema.assignment import Assignment
from generator.schema.bloc import Bloc
from generator.schema.common import Model
from generator.schema.config import Config
from generator.schema.content import GlossaryFile, Module, QAFrontMatter, TopicsFile
from generator.schema.documents import DocumentsFile
from generator.schema.exemplar import Exemplar
from generator.schema.publications import PublicationsFile
from generator.schema.team import Team
from generator.schema.units import UnitsFile


@dataclass(frozen=True)
class FileKind:
    name: str  # also the JSON Schema file name: schemas/<name>.schema.json
    label: str  # Vietnamese, for messages
    model: type[Model]
    patterns: tuple[str, ...]  # globs relative to the project root
    many: str | None = None  # key of the list of records, for files that hold many
    markdown: bool = False  # a Markdown file whose front matter follows the schema


KINDS: tuple[FileKind, ...] = (
    FileKind("config", "tệp cấu hình tỉnh", Config, ("data/config.yml",)),
    FileKind("units", "tệp đơn vị hành chính", UnitsFile, ("data/units/*.yml",), many="units"),
    FileKind("documents", "sổ văn bản", DocumentsFile, ("data/documents.yml",), many="documents"),
    FileKind("team", "tệp Tổ Dân vận cộng đồng", Team, ("data/teams/**/*.yml",)),
    FileKind("bloc", "tệp Khối Dân vận cơ sở", Bloc, ("data/blocs/*.yml",)),
    FileKind("model", "tệp mô hình “Dân vận khéo”", Exemplar, ("data/models/*.yml",)),
    FileKind("assignment", "tệp phân công phụ trách xã", Assignment, ("data/assignments/*.yml",)),
    FileKind("publications", "tệp ấn phẩm in", PublicationsFile, ("data/publications.yml",), many="publications"),
    FileKind("topics", "tệp chủ đề hỏi – đáp", TopicsFile, ("content/topics.yml",), many="topics"),
    FileKind("glossary", "tệp thuật ngữ", GlossaryFile, ("content/glossary.yml",), many="terms"),
    FileKind("module", "tệp chuyên đề tập huấn", Module, ("content/modules/*.yml",)),
    FileKind("qa", "tệp hỏi – đáp", QAFrontMatter, ("content/qa/**/*.md",), markdown=True),
)

BY_NAME = {kind.name: kind for kind in KINDS}
