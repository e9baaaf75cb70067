"""Web editing for editors who will not touch YAML: a Decap CMS configuration derived from the
schemas, and the admin page that ships the CMS with the site.

Takes the dataset root (only to list the files of kinds kept in several files, such as
data/units/*.yml); gives `cms_config()`, the CMS's `config.yml` as a dict, and `write_admin()`,
which writes `<site>/admin/`: index.html, config.yml, handbook-cms.js and the CMS bundle copied
from node_modules (`npm ci` installs it at the version package.json pins). The configuration
is never written by hand: one collection per file kind of `generator.schema.filekinds.KINDS`, one form
field per pydantic field (walked through `model_fields`), Vietnamese labels and hints from each
field's title and description, selects with the Vietnamese labels of enums, relation widgets
for references (`RefTo`), and `publish_mode: editorial_workflow`, so every change an editor
saves becomes a pull request that the content repository's CI checks before anyone merges it.

Why Decap CMS (npm `decap-cms`, MIT) and not Sveltia CMS: Sveltia (tried at 0.221.1) cannot
work offline. Its bundle is built to be served from a CDN: its login screen alone, served from
127.0.0.1, requested https://unpkg.com/@sveltia/cms/package.json (an update check), two fonts
from cdn.jsdelivr.net and https://www.githubstatus.com/api/v2/status.json; in a Vietnamese
browser it fetched its UI strings from unpkg.com (hundreds of retries when blocked); and it
imports more modules from unpkg.com at run time (image metadata, SVG optimisation, HEIC and PDF
previews, code highlighting). It also ignores the `locale` option. Keeping it on the machine
would mean patching its bundle. Decap's bundle (decap-cms.js, its lazily loaded chunks and two
.wasm files, all in the npm package) loads nothing from elsewhere, contains the Vietnamese UI
(`locale: vi`), and its login screen requests only the files beside it. Decap also reads and
writes dd/mm/yyyy dates (datetime widget, `date_format`, `time_format: false`), relates to
records in a list inside one file (`units.*.id`), lists records in subfolders (`nested` with
`subfolders: false`) and runs the editorial workflow; tests/test_cms.py checks each of these in
Chromium, saving real records and reading back what would become the pull request.

Limits, and what is done about them:
- Decap keeps nested maps in Immutable.Map, which forgets key order beyond eight keys, so a
  saved team member came out with shuffled keys. handbook-cms.js (a preSave hook) puts every
  map back in the schema's order. Decap still drops a file's comments, turns flow lists into
  block lists and wraps long lines at 80 columns the first time it saves a file.
- A field whose type is a union of unrelated types (a quiz item's `answer`: true/false or a list
  of accepted answers) has no widget: it is left out of the form, Decap keeps its value when it
  saves, and the parent field's hint says to edit it in the file.
- Decap checks the required fields of an optional object even when the object is absent, so
  inside an optional object every field is optional in the form (the hint says when it is
  required; `handbook check` on the pull request still enforces it).
- A team created in the CMS is saved as data/teams/<mã tổ>.yml, not in a commune folder (Decap
  cannot name a new record's folder from a field); the loader reads both.
- People have no collection of their own, so person references (group leaders and members)
  stay text fields with a hint; references to units, documents and topics (lists in one file)
  and to teams, models, modules and questions (one file each) are relation widgets.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import re
import shutil
import types
import typing
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.core.errors import EditorBundleMissing
from generator.schema.filekinds import KINDS, FileKind
from generator.core.findings import Severity
from generator.schema import documents as documents_schema
from generator.schema.common import SLUG_PATTERN, Photo, RefTo
from generator.schema.content import QAItem
from generator.schema.person import CONSENT, INTERNAL
from generator.schema.roles import LABELS, LabelledEnum

CMS_PACKAGE = "decap-cms"
CMS_SCRIPT = "decap-cms.js"
ADMIN_DIR = "admin"
PAGE_TITLE = "Biên tập sổ tay"
REPO_PLACEHOLDER = "OWNER/REPO"
MEDIA_FOLDER = "data/photos"  # where uploads go in the content repository
PUBLIC_FOLDER = "/assets/anh"  # where the site serves them
# A photo's `file` is a path relative to data/ (photos/<tệp>): an image picker that uploads to
# data/photos and stores "photos/<tệp>".
PHOTO_WIDGET = {"widget": "image", "media_folder": "/" + MEDIA_FOLDER,
                "public_folder": MEDIA_FOLDER.split("/", 1)[1], "choose_url": False}
PROJECT_ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES_ENV = "HANDBOOK_NODE_MODULES"  # where `npm ci` put node_modules, when not beside package.json

DATE_FORMAT = "DD/MM/YYYY"  # Day.js tokens: what the loader reads (generator.core.dates) and the data uses
SLUG_MESSAGE = "Chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ “thon-dong”."
# Plain strings that hold prose rather than a name: a multi-line text box instead of one line.
LONG_TEXT = frozenset({"note", "content", "summary", "definition", "explanation", "duties", "caption",
                       "exception_note", "description"})
# Subfields a list item is summarised by when collapsed, best first.
SUMMARY_FIELDS = ("name", "title", "term", "question", "text", "caption", "date", "id", "year", "kind", "doc")
# Kinds whose subfolder is named by a field of the record: content/qa/<topic>/<id>.md.
SUBFOLDER_FIELD = {"qa": "topic"}
NESTED_DEPTH = 10  # how deep Decap looks for records under a folder globbed with **
DISPLAY_FIELDS = ("name", "title", "question", "term")  # what a relation shows for a record
VISIBILITY_NOTE = {
    INTERNAL: "Thông tin nội bộ: không bao giờ đăng công khai.",
    CONSENT: "Chỉ đăng công khai khi người này đã đồng ý.",
}
# Labels for Literal values that are not role enums (roles come from generator.schema.roles.LABELS).
LITERAL_LABELS = {
    **documents_schema.KIND_LABELS,
    **{s.value: s.label_vi.capitalize() for s in Severity},
}


CmsBundleMissing = EditorBundleMissing  # the name the CMS code and its tests use


# -- configuration -------------------------------------------------------------------------------


def cms_config(dataset_root: Path, repo: str = REPO_PLACEHOLDER, branch: str = "main",
               base_url: str | None = None) -> dict:
    """The Decap CMS configuration (config.yml as a dict) for the project at `dataset_root`.

    `repo` is the content repository on GitHub ("owner/name"); `base_url` the OAuth client
    the GitHub backend signs in through, when it is not Netlify's.
    """
    dataset_root = Path(dataset_root)
    backend: dict[str, Any] = {"name": "github", "repo": repo, "branch": branch}
    if repo == REPO_PLACEHOLDER:
        backend["_comment"] = (
            "Thay OWNER/REPO bằng kho nội dung trên GitHub (tổ chức/tên kho), hoặc tạo lại tệp này với "
            "handbook cms --repo tổ-chức/tên-kho. Mỗi lần lưu, CMS mở một pull request vào nhánh trên.")
    if base_url:
        backend["base_url"] = base_url
    builder = _Builder(dataset_root)
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "locale": "vi",
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [builder.collection(kind) for kind in KINDS],
    }


def _kind_label(kind: FileKind) -> str:
    text = re.sub(r"^tệp\s+", "", kind.label)
    return text[:1].upper() + text[1:]


def _folder_of(pattern: str) -> tuple[str, int, str]:
    """'data/teams/**/*.yml' -> ('data/teams', levels of subfolders (0 or more), 'yml')."""
    parts = pattern.split("/")
    first_glob = next(i for i, p in enumerate(parts) if "*" in p)
    folder = "/".join(parts[:first_glob])
    below = parts[first_glob:]
    extension = below[-1].rsplit(".", 1)[-1]
    return folder, (len(below) - 1), extension


def _files_of(dataset_root: Path, kind: FileKind) -> list[str]:
    """The files of a file collection, relative to the dataset root."""
    found: list[str] = []
    for pattern in kind.patterns:
        if "*" not in pattern:
            found.append(pattern)
            continue
        hits = sorted(p.relative_to(dataset_root).as_posix() for p in dataset_root.glob(pattern) if p.is_file())
        if not hits:  # nothing yet: offer the first file the pattern allows
            folder, _, extension = _folder_of(pattern)
            hits = [f"{folder}/{kind.name}.{extension}"]
        found.extend(hits)
    return found


def _file_name(path: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", Path(path).stem.lower()).strip("-") or "tep"


def _display_field(model: type[BaseModel]) -> str:
    return next((name for name in DISPLAY_FIELDS if name in model.model_fields), "id")


def _list_item_model(kind: FileKind) -> type[BaseModel]:
    """For a kind whose file holds a list of records: the record model."""
    core, _, _ = _unwrap(kind.model.model_fields[kind.many].annotation)
    (item,) = typing.get_args(core)
    item, _, _ = _unwrap(item)
    return item


class _Builder:
    def __init__(self, dataset_root: Path):
        self.root = dataset_root
        self.relations = self._relation_targets()

    # which collection a reference can point at
    def _relation_targets(self) -> dict[str, dict]:
        targets: dict[str, dict] = {}
        for kind in KINDS:
            if kind.many is None and "*" in kind.patterns[0]:  # folder collection, one record per file
                shown = _display_field(kind.model)
                targets[kind.name] = {
                    "collection": kind.name,
                    "value_field": "id",
                    "search_fields": list(dict.fromkeys([shown, "id"])),
                    "display_fields": list(dict.fromkeys([shown, "id"])),
                }
            elif kind.many and kind.many.endswith("s"):
                files = _files_of(self.root, kind)
                if len(files) != 1:
                    continue  # Decap relates to one file only: several files stay plain strings
                item = _list_item_model(kind)
                if "id" not in item.model_fields:
                    continue
                shown = _display_field(item)
                key = kind.many
                targets[key[:-1]] = {
                    "collection": kind.name,
                    "file": _file_name(files[0]),
                    "value_field": f"{key}.*.id",
                    "search_fields": list(dict.fromkeys([f"{key}.*.{shown}", f"{key}.*.id"])),
                    "display_fields": list(dict.fromkeys([f"{key}.*.{shown}", f"{key}.*.id"])),
                }
        return targets

    def collection(self, kind: FileKind) -> dict:
        label = _kind_label(kind)
        if kind.many is None and all("*" in p for p in kind.patterns):
            return self._folder_collection(kind, label)
        files = []
        for path in _files_of(self.root, kind):
            files.append({
                "name": _file_name(path) if kind.many else kind.name,
                "label": label if len(kind.patterns) == 1 and "*" not in kind.patterns[0] else f"{label} – {path}",
                "file": path,
                "fields": self._top_fields(kind.model),
            })
        return {"name": kind.name, "label": label, "editor": {"preview": False}, "files": files}

    def _folder_collection(self, kind: FileKind, label: str) -> dict:
        (pattern,) = kind.patterns
        folder, depth, extension = _folder_of(pattern)
        shown = _display_field(kind.model)
        collection: dict[str, Any] = {
            "name": kind.name,
            "label": label,
            "folder": folder,
            "extension": extension,
            "format": "frontmatter" if kind.markdown else extension,
            "create": True,
            "identifier_field": "id",
            "slug": "{{id}}",
            "summary": "{{" + shown + "}}",
            "sortable_fields": list(dict.fromkeys(["id", shown])),
        }
        if not kind.markdown:
            collection["editor"] = {"preview": False}  # a record's raw values: the form says it better
        fields = self._top_fields(kind.model)
        if kind.markdown:
            body = QAItem.model_fields["answer"]
            fields.append({"name": "body", "label": body.title, "hint": body.description, "widget": "markdown"})
        if depth:
            # Records sit in subfolders (data/teams/<xã>/<tổ>.yml, content/qa/<chủ đề>/<câu>.md).
            subfolder = SUBFOLDER_FIELD.get(kind.name)
            if subfolder:
                collection["path"] = "{{" + subfolder + "}}/{{slug}}"  # the folder is the topic
                # With `path`, Decap would keep uploads beside each entry; keep them with the others.
                collection["media_folder"] = "/" + MEDIA_FOLDER
                collection["public_folder"] = PUBLIC_FOLDER
            else:
                collection["nested"] = {"depth": NESTED_DEPTH if "**" in pattern else depth + 1, "subfolders": False}
                collection["description"] = (
                    f"Mỗi bản ghi một tệp trong {folder}/ và các thư mục con. "
                    f"Bản ghi mới được lưu thành {folder}/<mã>.{extension}.")
        collection["fields"] = fields
        return collection

    # fields
    def fields(self, model: type[BaseModel]) -> tuple[list[dict], list[str]]:
        """The form fields of `model`, and the fields left out for want of a widget."""
        out: list[dict] = []
        skipped: list[str] = []
        for name, info in model.model_fields.items():
            field = self.field(name, info, model)
            if field is None:
                skipped.append(f"{info.title or name} ({name})")
            else:
                out.append(field)
        return out, skipped

    def _top_fields(self, model: type[BaseModel]) -> list[dict]:
        fields, skipped = self.fields(model)
        if skipped:  # no top-level field lacks a widget today; should one appear, say so on the first field
            _note_skipped(fields[0], skipped)
        return fields

    def field(self, name: str, info: FieldInfo, owner: type[BaseModel]) -> dict | None:
        facts = _Facts.of(info.metadata, info.json_schema_extra)
        core, optional, inner = _unwrap(info.annotation)
        facts.add(inner)
        hint = info.description or ""
        note = VISIBILITY_NOTE.get(facts.extra.get("x-visibility", ""))
        if note and "công khai" not in hint:
            hint = f"{hint} {note}".strip()
        out: dict[str, Any] = {"name": name, "label": info.title or name}
        if hint:
            out["hint"] = hint
        required = info.is_required() and not optional
        if owner is Photo and name == "file":
            widget = dict(PHOTO_WIDGET)  # a path relative to data/: photos/<tệp>
        else:
            widget = self.widget(core, facts, info, name)
        if widget is None:
            return None
        skipped = widget.pop("_skipped", None)
        out.update(widget)
        if skipped:
            _note_skipped(out, skipped)
        if not required:
            out["required"] = False
            if out.get("widget") == "object":
                _relax(out["fields"], out["label"])
        default = _default_of(info)
        if default is not None and "default" not in out:
            out["default"] = default
        return out

    def widget(self, core: Any, facts: "_Facts", info: FieldInfo | None, name: str) -> dict | None:
        description = info.description if info is not None else ""
        if core is dt.date:
            return {"widget": "datetime", "date_format": DATE_FORMAT, "time_format": False, "picker_utc": True}
        if core is bool:
            return {"widget": "boolean"}
        if core in (int, float):
            out: dict[str, Any] = {"widget": "number", "value_type": "int" if core is int else "float"}
            if facts.ge is not None:
                out["min"] = facts.ge
            if facts.le is not None:
                out["max"] = facts.le
            if core is float:
                out["step"] = 0.01
            return out
        if core is str:
            if facts.ref:
                return self.reference(facts.ref)
            if facts.extra.get("x-format") == "markdown":
                return {"widget": "markdown"}
            out = {"widget": "text" if name in LONG_TEXT else "string"}
            if facts.pattern:
                out["pattern"] = [facts.pattern, SLUG_MESSAGE if facts.pattern == SLUG_PATTERN else "Sai định dạng."]
            return out
        options = _options(core, description)
        if options is not None:
            return {"widget": "select", "options": options}
        if isinstance(core, type) and issubclass(core, BaseModel):
            return self._object(core)
        origin = typing.get_origin(core)
        if origin is list:
            (item,) = typing.get_args(core)
            return self._list(item, facts, info, name)
        if origin is dict:
            return self._mapping(core, info, name)
        return None  # a union of unrelated types: no widget, the value is kept (see module docstring)

    def reference(self, ref: str, multiple: bool = False) -> dict:
        target = self.relations.get(ref)
        if target is None:  # no collection holds these records (people): an id typed by hand
            return {"widget": "string", "pattern": [SLUG_PATTERN, SLUG_MESSAGE]}
        out: dict[str, Any] = {"widget": "relation", **json.loads(json.dumps(target))}
        if multiple:
            out["multiple"] = True
        return out

    def _object(self, model: type[BaseModel]) -> dict:
        fields, skipped = self.fields(model)
        return {"widget": "object", "collapsed": False, "fields": fields, "_skipped": skipped}

    def _list(self, item: Any, facts: "_Facts", info: FieldInfo | None, name: str) -> dict | None:
        item_core, _, item_meta = _unwrap(item)
        item_facts = _Facts.of(item_meta, None)
        description = info.description if info is not None else ""
        if isinstance(item_core, type) and issubclass(item_core, BaseModel):
            fields, skipped = self.fields(item_core)
            out: dict[str, Any] = {"widget": "list", "collapsed": True}
            summary = _summary(item_core)
            if summary:
                out["summary"] = summary
            out["fields"] = fields
            out["_skipped"] = skipped
        elif item_core is str and item_facts.ref:
            out = self.reference(item_facts.ref, multiple=True)
            if out["widget"] != "relation":
                out = {"widget": "list", "field": {"name": "item", "label": info.title if info else name, **out}}
        elif (options := _options(item_core, description)) is not None:
            out = {"widget": "select", "multiple": True, "options": options}
        else:
            widget = self.widget(item_core, item_facts, None, name)
            if widget is None:
                return None
            out = {"widget": "list", "field": {"name": "item", "label": info.title if info else name, **widget}}
        if facts.min_len:
            out["min"] = facts.min_len
        if facts.max_len:
            out["max"] = facts.max_len
        return out

    def _mapping(self, core: Any, info: FieldInfo | None, name: str) -> dict | None:
        """A mapping with known keys (the rule codes of `Config.rules`) as an object of optional fields."""
        key_type, value_type = typing.get_args(core)
        keys = _mapping_keys(name)
        options = _options(_unwrap(value_type)[0], info.description if info else "")
        if key_type is not str or not keys or options is None:
            return None
        fields = []
        for code, title, clause in keys:
            fields.append({"name": code, "label": title, "hint": f"{code} – {clause}", "widget": "select",
                           "options": options, "required": False})
        return {"widget": "object", "collapsed": True, "fields": fields}


def _relax(fields: list[dict], parent: str) -> None:
    """Inside an optional object every field is optional for the form: Decap checks the required
    fields of an object even when the object is absent. The check (`handbook check`) on the pull
    request still requires them once the object is filled in, and the hint says so."""
    for field in fields:
        if field.get("required", True):
            field["required"] = False
            note = f"Bắt buộc khi có mục “{parent}”."
            field["hint"] = f"{field.get('hint', '')} {note}".strip()
        if field.get("widget") == "object":
            _relax(field["fields"], parent)


def _note_skipped(field: dict, skipped: list[str]) -> None:
    """Fields without a widget are left out of the form; the parent's hint says where to edit them."""
    note = "Sửa trực tiếp trong tệp (biểu mẫu chưa có ô cho): " + ", ".join(skipped) + "."
    field["hint"] = f"{field.get('hint', '')} {note}".strip()


def _mapping_keys(name: str) -> list[tuple[str, str, str]]:
    if name != "rules":
        return []
    from generator.checks.rules import RULES, assignment_rules, bloc_rules, photo_rules, team_rules  # noqa: F401 - registration

    return [(code, rule.title, rule.clause) for code, rule in sorted(RULES.items())]


def _summary(model: type[BaseModel]) -> str | None:
    names = model.model_fields
    if "given_name" in names and "family_name" in names:
        return "{{fields.family_name}} {{fields.given_name}}"
    for candidate in SUMMARY_FIELDS:
        if candidate in names:
            return "{{fields." + candidate + "}}"
    return None


def _options(core: Any, description: str | None) -> list[dict] | None:
    """Select options (value and Vietnamese label) for an Enum or a Literal; None otherwise."""
    if isinstance(core, type) and issubclass(core, enum.Enum):
        values = [member.value for member in core]
        labelled = issubclass(core, LabelledEnum)
    elif typing.get_origin(core) is Literal:
        values = list(typing.get_args(core))
        labelled = False
    else:
        return None
    return [{"label": _option_label(v, labelled, description or ""), "value": v} for v in values]


def _option_label(value: Any, labelled: bool, description: str) -> str:
    text = str(value)
    if labelled and text in LABELS:
        return LABELS[text]
    match = re.search(rf"(?<![\w-]){re.escape(text)}\s*\(([^)]+)\)", description)
    if match:
        label = match.group(1).strip()
        return label[:1].upper() + label[1:]
    return LITERAL_LABELS.get(text, text)


def _default_of(info: FieldInfo) -> Any:
    default = info.get_default(call_default_factory=True) if not info.is_required() else None
    if default is None or isinstance(default, BaseModel):
        return None
    if isinstance(default, dt.date):
        return default.strftime("%d/%m/%Y")
    if isinstance(default, enum.Enum):
        return default.value
    if isinstance(default, (bool, int, float, str)):
        return default
    if isinstance(default, list):
        if not default:
            return None
        return [_jsonable(item) for item in default]
    return None


def _jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return {k: _jsonable(v) for k, v in value.model_dump(mode="python", exclude_defaults=False).items()}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, enum.Enum):
        return value.value
    return value


class _Facts:
    """What the metadata of a field says: reference, bounds, pattern, schema extras."""

    def __init__(self) -> None:
        self.ref: str | None = None
        self.ge: float | None = None
        self.le: float | None = None
        self.min_len: int | None = None
        self.max_len: int | None = None
        self.pattern: str | None = None
        self.extra: dict[str, Any] = {}

    @classmethod
    def of(cls, metadata: list, extra: Any) -> "_Facts":
        facts = cls()
        if isinstance(extra, dict):
            facts.extra.update(extra)
        facts.add(metadata)
        return facts

    def add(self, metadata: list) -> None:
        for item in metadata:
            if isinstance(item, RefTo):
                self.ref = item.kind
            elif isinstance(item, FieldInfo):
                if isinstance(item.json_schema_extra, dict):
                    self.extra.update(item.json_schema_extra)
                self.add(item.metadata)
            else:
                for attr, target in (("ge", "ge"), ("le", "le"), ("min_length", "min_len"),
                                     ("max_length", "max_len"), ("pattern", "pattern")):
                    value = getattr(item, attr, None)
                    if value is not None:
                        setattr(self, target, value)
        if self.extra.get("x-ref") and not self.ref:
            self.ref = self.extra["x-ref"]


def _unwrap(annotation: Any) -> tuple[Any, bool, list]:
    """Strip Optional[...] and Annotated[...]: (core type, whether None is allowed, metadata)."""
    metadata: list = []
    optional = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            base, *extra = typing.get_args(annotation)
            metadata.extend(extra)
            annotation = base
            continue
        if origin in (Union, types.UnionType):
            args = typing.get_args(annotation)
            kept = [a for a in args if a is not type(None)]
            if len(kept) < len(args):
                optional = True
            if len(kept) == 1:
                annotation = kept[0]
                continue
            return Union[tuple(kept)], optional, metadata  # noqa: UP007 - a runtime union
        return annotation, optional, metadata


def config_yaml(config: dict) -> str:
    header = (
        "# Cấu hình trang biên tập (Decap CMS), sinh tự động từ lược đồ dữ liệu bởi generator/cms.py.\n"
        "# Đừng sửa tay: sửa lược đồ rồi tạo lại. backend.repo là kho nội dung trên GitHub.\n"
    )
    return header + yaml.dump(config, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=120)


class _PlainDumper(yaml.SafeDumper):
    """safe_dump without anchors and aliases: shared option lists are written out each time."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


# -- admin page ----------------------------------------------------------------------------------

INDEX_HTML = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{title}</title>
<link rel="icon" href="data:,">
<link rel="cms-config-url" type="text/yaml" href="./config.yml">
</head>
<body>
<noscript>Trang biên tập cần bật JavaScript.</noscript>
<script src="./{script}"></script>
<script src="./{helper}"></script>
</body>
</html>
"""


HELPER_SCRIPT = "handbook-cms.js"
# Decap keeps a record's nested maps in Immutable.Map, which forgets the order of its keys beyond
# eight, so a saved team member came out with its keys shuffled and every pull request rewrote
# whole files. Before each save this puts every map's keys back in the schema's order (the order
# of the fields in config.yml); Decap itself orders only the top level.
HELPER_JS = """// Sinh tự động bởi generator/cms.py: khi lưu, giữ thứ tự khóa theo lược đồ
// (Decap chỉ giữ thứ tự ở cấp ngoài cùng của bản ghi).
(function () {
  var ORDER = %s;
  function keyed(v) { return !!(v && typeof v === "object" && v["@@__IMMUTABLE_KEYED__@@"]); }
  function indexed(v) { return !!(v && typeof v === "object" && v["@@__IMMUTABLE_INDEXED__@@"]); }
  function order(value, tree) {
    if (indexed(value)) return value.map(function (item) { return order(item, tree); });
    if (!keyed(value) || !tree) return value;
    var names = Object.keys(tree);
    function rank(key) { var i = names.indexOf(key); return i < 0 ? names.length : i; }
    return value.sortBy(function (v, key) { return rank(key); })
      .map(function (v, key) { return order(v, tree[key]); });
  }
  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      var tree = ORDER[entry.get("collection")];
      if (tree && tree.__files) tree = tree.__files[entry.get("slug")];
      return tree ? order(entry.get("data"), tree) : undefined;
    }
  });
})();
"""


def key_order(config: dict) -> dict:
    """Field names in form order, nested like the data: {collection: tree}, or for file
    collections {collection: {"__files": {file name: tree}}}."""
    def tree(fields: list[dict]) -> dict:
        return {f["name"]: (tree(f["fields"]) if "fields" in f else None) for f in fields}

    out: dict[str, Any] = {}
    for collection in config["collections"]:
        if "files" in collection:
            out[collection["name"]] = {"__files": {f["name"]: tree(f["fields"]) for f in collection["files"]}}
        else:
            out[collection["name"]] = tree(collection["fields"])
    return out


def node_modules_dir() -> Path:
    """Where `npm ci` installed the CMS: $HANDBOOK_NODE_MODULES, else node_modules beside package.json."""
    configured = os.environ.get(NODE_MODULES_ENV)
    return Path(configured) if configured else PROJECT_ROOT / "node_modules"


def pinned_version() -> str | None:
    """The CMS version package.json pins, when package.json is at hand."""
    manifest = PROJECT_ROOT / "package.json"
    if not manifest.is_file():
        return None
    data = json.loads(manifest.read_text(encoding="utf-8"))
    return {**data.get("dependencies", {}), **data.get("devDependencies", {})}.get(CMS_PACKAGE)


def cms_bundle(node_modules: Path | None = None) -> list[Path]:
    """The files of the CMS bundle to ship: the script, its chunks, its .wasm files, its licence."""
    package = (Path(node_modules) if node_modules else node_modules_dir()) / CMS_PACKAGE
    dist = package / "dist"
    script = dist / CMS_SCRIPT
    if not script.is_file():
        raise CmsBundleMissing(
            f"Không thấy {script}: chưa cài Decap CMS. Hãy chạy `npm ci` trong {PROJECT_ROOT} "
            f"(hoặc trỏ biến môi trường {NODE_MODULES_ENV} tới thư mục node_modules đã cài).")
    installed = json.loads((package / "package.json").read_text(encoding="utf-8")).get("version")
    wanted = pinned_version()
    if wanted and installed != wanted:
        raise CmsBundleMissing(
            f"node_modules có {CMS_PACKAGE} {installed}, package.json ghim {wanted}. Hãy chạy `npm ci`.")
    files = [script, *sorted(dist.glob(f"*.{CMS_SCRIPT}")), *sorted(dist.glob("*.wasm"))]
    licence = dist / f"{CMS_SCRIPT}.LICENSE.txt"
    if licence.is_file():
        files.append(licence)
    return files


def write_admin(site_dir: Path, dataset_root: Path, node_modules: Path | None = None,
                **config_options: Any) -> list[Path]:
    """Write `<site_dir>/admin/`: index.html, config.yml, handbook-cms.js (keeps saved files in
    the schema's key order) and the Decap CMS bundle (copied from node_modules, so the page
    loads nothing from a CDN). Returns the files written.

    Raises `CmsBundleMissing` when node_modules lacks the CMS: run `npm ci` first.
    `config_options` go to `cms_config` (repo, branch, base_url).
    """
    bundle = cms_bundle(node_modules)
    admin = Path(site_dir) / ADMIN_DIR
    admin.mkdir(parents=True, exist_ok=True)
    keep = {source.name for source in bundle}
    for stale in [*admin.glob(f"*.{CMS_SCRIPT}"), *admin.glob("*.wasm")]:
        if stale.name not in keep:
            stale.unlink()  # chunks of another CMS version
    written: list[Path] = []
    for source in bundle:
        target = admin / source.name
        shutil.copyfile(source, target)
        written.append(target)
    config = cms_config(dataset_root, **config_options)
    config_path = admin / "config.yml"
    config_path.write_text(config_yaml(config), encoding="utf-8")
    helper = admin / HELPER_SCRIPT
    helper.write_text(HELPER_JS % json.dumps(key_order(config), ensure_ascii=False), encoding="utf-8")
    index = admin / "index.html"
    index.write_text(INDEX_HTML.format(title=PAGE_TITLE, script=CMS_SCRIPT, helper=HELPER_SCRIPT), encoding="utf-8")
    return [index, config_path, helper, *written]
