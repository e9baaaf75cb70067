"""The CI files of a content repository: takes the tool's git repository URL and the tag to
install (and the publishing branch, `main` by default), gives each file's path in the content
repository and its text — the GitHub Actions workflow and the pre-commit configuration — from
the templates in `ci_templates/` by plain placeholder substitution (URL and tag appear once
each: in the workflow's top `env` block and in the pre-commit `repo:`/`rev:`). `handbook new`
writes them."""

from __future__ import annotations

import re
from pathlib import Path

from generator.core.errors import UsageRefused

TEMPLATES = Path(__file__).with_name("ci_templates")
URL_PLACEHOLDER = "__HANDBOOK_TOOL_URL__"
REF_PLACEHOLDER = "__HANDBOOK_TOOL_REF__"
BRANCH_PLACEHOLDER = "__HANDBOOK_BRANCH__"

# Content-repository path → template file name.
FILES = {
    ".github/workflows/handbook.yml": "github-workflow.yml",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
}

# What may stand in a YAML scalar, a double-quoted shell word and a pip/pre-commit URL
# unchanged: no spaces, quotes, backslashes, `$`, braces or control characters.
_SAFE = r"[^\s\"'\\$`{}<>]"
_URL = re.compile(rf"[A-Za-z][A-Za-z0-9+.-]*://{_SAFE}+|/{_SAFE}*")  # a URL, or a folder (a local clone)
_SCP = re.compile(rf"([A-Za-z0-9._-]+@[A-Za-z0-9.-]+):(?!/)({_SAFE}+)")  # git@github.com:owner/name.git
_REF = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._/+-]*")


def check_tool_source(tool_url: str, tool_ref: str) -> tuple[str, str]:
    """The URL (without a `git+` prefix) and the tag, or a Vietnamese usage error."""
    url = tool_url.strip().removeprefix("git+")
    ref = tool_ref.strip()
    if not (_URL.fullmatch(url) or _SCP.fullmatch(url)):
        raise UsageRefused(
            f"Địa chỉ kho git của công cụ “{tool_url}” không dùng được: cần một địa chỉ đầy đủ, không có dấu cách "
            f"hay dấu nháy, ví dụ https://github.com/TEN-TO-CHUC/dan-van-handbook.")
    if not _REF.fullmatch(ref) or ".." in ref or ref.endswith((".", "/", ".lock")):
        raise UsageRefused(
            f"Phiên bản công cụ “{tool_ref}” không dùng được: cần tên một thẻ git (tag), ví dụ v0.2.0.")
    return url, ref


def pip_url(url: str) -> str:
    """The repository as `pip install "git+<url>@<tag>"` takes it: a folder becomes a file://
    URL and git's scp-like `user@host:path` an ssh:// one; other URLs stay as they are."""
    if url.startswith("/"):
        return Path(url).as_uri()
    if match := _SCP.fullmatch(url):
        return f"ssh://{match.group(1)}/{match.group(2)}"
    return url


def ci_files(tool_url: str, tool_ref: str, branch: str = "main") -> dict[str, str]:
    """{relative path in the content repository: file text} for the workflow and the
    pre-commit configuration, installing the tool from `tool_url` at tag `tool_ref`; the
    workflow publishes the site from `branch`."""
    url, ref = check_tool_source(tool_url, tool_ref)
    if not _REF.fullmatch(branch) or ".." in branch:
        raise UsageRefused(f"Tên nhánh “{branch}” không dùng được: cần tên một nhánh git, ví dụ main.")
    values = {
        ".github/workflows/handbook.yml": {URL_PLACEHOLDER: pip_url(url), REF_PLACEHOLDER: ref, BRANCH_PLACEHOLDER: branch},
        ".pre-commit-config.yaml": {URL_PLACEHOLDER: url, REF_PLACEHOLDER: ref},
    }
    out = {}
    for target, name in FILES.items():
        text = (TEMPLATES / name).read_text(encoding="utf-8")
        for placeholder, value in values[target].items():
            text = text.replace(placeholder, value)
        out[target] = text
    return out
