"""VS Code settings for a content repository: takes the file kinds (and where the schemas are),
gives the text of `.vscode/settings.json` and `.vscode/extensions.json`, so that an editor who
opens the folder gets checking, completion and hover in Vietnamese on every data file without a
first-line `# yaml-language-server: $schema=…` comment.

`yaml.schemas` maps each schema to the path globs of its kind (generator/schema/filekinds.py);
the YAML extension (redhat.vscode-yaml, recommended in extensions.json) resolves a relative
schema path against the workspace folder. Markdown kinds are left out: the extension does not
read front matter. The schema store is off, so nothing is fetched. `handbook new` writes these
files into a new content repository; this repository keeps its own copy in `.vscode/`.
"""

from __future__ import annotations

import json
from typing import Any

from generator.schema.filekinds import KINDS

EXTENSION = "redhat.vscode-yaml"


def _schema_path(schema_dir: str, name: str) -> str:
    if "://" in schema_dir:  # a published site: https://…/schemas
        return f"{schema_dir.rstrip('/')}/{name}.schema.json"
    folder = schema_dir.strip().removeprefix("./").strip("/")
    return f"./{folder}/{name}.schema.json" if folder else f"./{name}.schema.json"


def schema_associations(schema_dir: str = "schemas") -> dict[str, list[str]]:
    """Each schema file (relative to the workspace, or a URL) → the globs of its files."""
    return {_schema_path(schema_dir, kind.name): list(kind.patterns) for kind in KINDS if not kind.markdown}


def settings(schema_dir: str = "schemas") -> dict[str, Any]:
    return {
        "yaml.schemas": schema_associations(schema_dir),
        "yaml.validate": True,
        "yaml.completion": True,
        "yaml.hover": True,
        "yaml.schemaStore.enable": False,
        "yaml.format.enable": False,  # `handbook fmt` owns the layout of data files
        "yaml.keyOrdering": False,
        "files.encoding": "utf8",
        "files.autoGuessEncoding": False,
        "files.eol": "\n",
        "files.insertFinalNewline": True,
        "files.trimTrailingWhitespace": True,
        "[yaml]": {
            "editor.insertSpaces": True,
            "editor.tabSize": 2,
            "editor.detectIndentation": False,
            "editor.formatOnSave": False,
            "editor.wordWrap": "on",
            "editor.renderWhitespace": "boundary",
            "editor.guides.indentation": True,
            "editor.unicodeHighlight.invisibleCharacters": True,
            "editor.quickSuggestions": {"other": True, "comments": False, "strings": True},
            "editor.suggest.showWords": False,
        },
        "[markdown]": {
            "editor.wordWrap": "on",
            "editor.unicodeHighlight.invisibleCharacters": True,
        },
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def vscode_files(schema_dir: str = "schemas") -> dict[str, str]:
    """`.vscode/settings.json` and `.vscode/extensions.json` (path relative to the repository's
    root → text). `schema_dir` is where the schemas are: a folder relative to the root
    ("schemas") or the URL of a published site's `/schemas`."""
    return {
        ".vscode/settings.json": _json(settings(schema_dir)),
        ".vscode/extensions.json": _json({"recommendations": [EXTENSION]}),
    }
