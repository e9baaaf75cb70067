"""The Decap CMS configuration: takes the dataset root; gives config.yml as a dict, with one
collection per file kind of `generator.schema.filekinds.KINDS` and
`publish_mode: editorial_workflow`, so every change an editor saves becomes a pull request.

The dataset root is read to find the content repository (`cms:` in data/config.yml: repo,
forge, branch, base_url; arguments override it), to list the files of kinds kept in several
files (such as data/units/*.yml: each becomes one entry of a file collection) and to name the
villages and communes teams are listed by. Kinds with one record per file (teams, models,
questions…) are folder collections. Every collection reads and writes through the formats that
handbook-cms.js registers (`handbook-yml`, `handbook-md`), which keep a file's layout. This
module also decides which collection a reference can point at; the form fields themselves come
from `cms.fields`.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from generator.produce.cms.annotations import unwrap
from generator.produce.cms.fields import MEDIA_FOLDER, PUBLIC_FOLDER, FormFields
from generator.schema.config import KIND_LABELS, CmsSettings
from generator.schema.content import QAItem
from generator.schema.filekinds import KINDS, FileKind

REPO_PLACEHOLDER = "OWNER/REPO"
YAML_FORMAT = "handbook-yml"  # registered by files/handbook-cms.js: the canonical layout
MARKDOWN_FORMAT = "handbook-md"  # front matter: lines of unchanged keys kept as they were
# Keys the formats add to an entry's data and drop again when saving (never in a file).
LABEL_KEY = "__label"  # a team: "Tổ DVCĐ thôn … – xã …"
COMMUNE_KEY = "__commune"  # a team: "xã …", what the list groups by
# Kinds whose subfolder is named by a field of the record: content/qa/<topic>/<id>.md.
SUBFOLDER_FIELD = {"qa": "topic"}
NESTED_DEPTH = 10  # how deep Decap looks for records under a folder globbed with **
DISPLAY_FIELDS = ("name", "title", "question", "term")  # what a relation shows for a record


def cms_settings(dataset_root: Path) -> CmsSettings | None:
    """The `cms:` section of data/config.yml, when it is there and valid (`handbook check`
    reports it otherwise)."""
    path = Path(dataset_root) / "data" / "config.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return CmsSettings.model_validate(data["cms"]) if isinstance(data, dict) and data.get("cms") else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValidationError):
        return None


def cms_config(dataset_root: Path, repo: str | None = None, branch: str | None = None,
               base_url: str | None = None, forge: str | None = None) -> dict:
    """The Decap CMS configuration (config.yml as a dict) for the project at `dataset_root`.

    `repo` is the content repository ("owner/name"), `forge` "github" or "gitlab", `base_url`
    the OAuth client the backend signs in through when the province has one (without it,
    editors sign in with a personal access token: handbook-cms.js). Each defaults to the `cms:`
    section of data/config.yml; without it the repository is a placeholder.
    """
    dataset_root = Path(dataset_root)
    settings = cms_settings(dataset_root)
    repo = repo or (settings.repo if settings else REPO_PLACEHOLDER)
    backend: dict[str, Any] = {
        "name": forge or (settings.forge if settings else "github"),
        "repo": repo,
        "branch": branch or (settings.branch if settings else "main"),
    }
    if repo == REPO_PLACEHOLDER:
        backend["_comment"] = (
            "Thay OWNER/REPO bằng kho nội dung (tổ chức/tên kho): khai mục cms trong data/config.yml rồi dựng lại, "
            "hoặc tạo lại tệp này với handbook cms --repo tổ-chức/tên-kho. Mỗi lần lưu, CMS mở một yêu cầu gộp "
            "vào nhánh trên.")
    base_url = base_url or (settings.base_url if settings else None)
    if base_url:
        backend["base_url"] = base_url
    collections = _Collections(dataset_root)
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "locale": "vi",
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [collections.collection(kind) for kind in KINDS],
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
    core, _, _ = unwrap(kind.model.model_fields[kind.many].annotation)
    (item,) = typing.get_args(core)
    item, _, _ = unwrap(item)
    return item


def _relation_targets(dataset_root: Path) -> dict[str, dict]:
    """Which collection a reference can point at: {reference kind: relation widget settings}."""
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
            files = _files_of(dataset_root, kind)
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


class _Collections:
    """The collections of one project: the files it holds and the form of every kind."""

    def __init__(self, dataset_root: Path):
        self.root = dataset_root
        self.form = FormFields(_relation_targets(dataset_root))

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
                "fields": self.form.top_fields(kind.model),
            })
        return {"name": kind.name, "label": label, "format": YAML_FORMAT, "editor": {"preview": False}, "files": files}

    def _folder_collection(self, kind: FileKind, label: str) -> dict:
        (pattern,) = kind.patterns
        folder, depth, extension = _folder_of(pattern)
        shown = _display_field(kind.model)
        collection: dict[str, Any] = {
            "name": kind.name,
            "label": label,
            "folder": folder,
            "extension": extension,
            "format": MARKDOWN_FORMAT if kind.markdown else YAML_FORMAT,
            "create": True,
            "identifier_field": "id",
            "slug": "{{id}}",
            "summary": "{{" + shown + "}}",
            "sortable_fields": list(dict.fromkeys(["id", shown])),
        }
        if not kind.markdown:
            collection["editor"] = {"preview": False}  # a record's raw values: the form says it better
        fields = self.form.top_fields(kind.model)
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
                # Not `subfolders: false`: with it Decap lists at the top only the records directly in the
                # folder (none: every team is in a commune folder), so the list stayed empty ("Không có
                # mục nào") while the GitHub backend went on loading. By default the top lists records
                # one folder down too: every team.
                collection["nested"] = {"depth": NESTED_DEPTH if "**" in pattern else depth + 1}
                collection["description"] = (
                    f"Mỗi bản ghi một tệp trong {folder}/ và các thư mục con. "
                    f"Bản ghi mới được lưu thành {folder}/<mã>.{extension}.")
        if kind.name == "team":
            # A team file names its village by id; the list shows and searches it by name, grouped by
            # commune (handbook-cms.js adds both names when it reads the file, from `village_labels`).
            collection["summary"] = "{{" + LABEL_KEY + "}}"
            collection["view_groups"] = [{"label": "Xã, phường", "field": COMMUNE_KEY}]
        collection["fields"] = fields
        return collection


def village_labels(dataset_root: Path) -> dict[str, list[str]]:
    """{village id: [team label, commune]} from data/units/*.yml, e.g. "bg-…-thon-dong-tam":
    ["Tổ DVCĐ thôn Đồng Tâm – xã Phúc Sơn", "xã Phúc Sơn"]. Files that do not read are skipped
    (`handbook check` reports them)."""
    units: dict[str, dict] = {}
    for path in sorted(Path(dataset_root).glob("data/units/*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        for unit in (data or {}).get("units") or [] if isinstance(data, dict) else []:
            if isinstance(unit, dict) and isinstance(unit.get("id"), str):
                units[unit["id"]] = unit

    def named(unit: dict) -> str:
        kind = KIND_LABELS.get(str(unit.get("kind")), "")
        return f"{kind} {unit.get('name', unit['id'])}".strip()

    out: dict[str, list[str]] = {}
    for unit_id, unit in units.items():
        parent = units.get(str(unit.get("parent")))
        if parent is None:
            continue
        commune = named(parent)
        out[unit_id] = [f"Tổ DVCĐ {named(unit)} – {commune}", commune]
    return out
