"""The tool-facing files of a new content repository: takes the tool's git URL and tag, gives
the VS Code settings and the CI and pre-commit files (relative path → text).

Interim: the produce stage's editor settings and CI files replace these once they land."""

from __future__ import annotations

from generator.editors.scaffold.gitlab_ci import gitlab_ci
from generator.produce.editor_settings import vscode_files  # noqa: F401  (re-exported for create)


def ci_files(tool_url: str, tool_ref: str, forge: str, branch: str) -> dict[str, str]:
    files = {".gitlab-ci.yml": gitlab_ci(tool_url, tool_ref, branch)} if forge == "gitlab" else {}
    return files | {".pre-commit-config.yaml": (
        "repos:\n"
        f"  - repo: {tool_url}\n"
        f"    rev: {tool_ref}\n"
        "    hooks:\n"
        "      - id: handbook-check\n")}
