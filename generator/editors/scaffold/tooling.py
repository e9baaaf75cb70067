"""The tool-facing files of a new content repository: takes the tool's git URL and tag, the
forge and the main branch; gives the VS Code settings and the CI and pre-commit files
(relative path → text). GitHub gets the produce stage's workflow; GitLab its own CI file."""

from __future__ import annotations

from generator.editors.scaffold.gitlab_ci import gitlab_ci
from generator.produce.ci_files import ci_files as github_ci_files
from generator.produce.editor_settings import vscode_files  # noqa: F401  (re-exported for create)


def ci_files(tool_url: str, tool_ref: str, forge: str, branch: str) -> dict[str, str]:
    files = github_ci_files(tool_url, tool_ref, branch)
    if forge == "gitlab":
        files = {rel: text for rel, text in files.items() if not rel.startswith(".github/")}
        files[".gitlab-ci.yml"] = gitlab_ci(tool_url, tool_ref, branch)
    return files
