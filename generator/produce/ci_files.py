"""The CI files of a content repository: takes the tool's git repository URL and the tag to
install, gives each file's path in the content repository and its text — the GitHub Actions
workflow and the pre-commit configuration — from the templates in `ci_templates/` by plain
placeholder substitution (the values appear once each: in the workflow's top `env` block and
in the pre-commit `repo:`/`rev:`). `handbook new` writes them."""

from __future__ import annotations

import re
from pathlib import Path

from generator.core.errors import UsageRefused

TEMPLATES = Path(__file__).with_name("ci_templates")
URL_PLACEHOLDER = "__HANDBOOK_TOOL_URL__"
REF_PLACEHOLDER = "__HANDBOOK_TOOL_REF__"

# Content-repository path → template file name.
FILES = {
    ".github/workflows/handbook.yml": "github-workflow.yml",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
}

# What may stand in a YAML scalar, a double-quoted shell word and a pip/pre-commit URL
# unchanged: no spaces, quotes, backslashes, `$`, braces or control characters.
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s\"'\\$`{}<>]+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s\"'\\$`{}<>]+")
_REF = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._/+-]*")


def check_tool_source(tool_url: str, tool_ref: str) -> tuple[str, str]:
    """The URL (without a `git+` prefix) and the tag, or a Vietnamese usage error."""
    url = tool_url.strip().removeprefix("git+")
    ref = tool_ref.strip()
    if not _URL.fullmatch(url):
        raise UsageRefused(
            f"Địa chỉ kho git của công cụ “{tool_url}” không dùng được: cần một địa chỉ đầy đủ, không có dấu cách "
            f"hay dấu nháy, ví dụ https://github.com/TEN-TO-CHUC/dan-van-handbook.")
    if not _REF.fullmatch(ref) or ".." in ref or ref.endswith((".", "/", ".lock")):
        raise UsageRefused(
            f"Phiên bản công cụ “{tool_ref}” không dùng được: cần tên một thẻ git (tag), ví dụ v0.2.0.")
    return url, ref


def ci_files(tool_url: str, tool_ref: str) -> dict[str, str]:
    """{relative path in the content repository: file text} for the workflow and the
    pre-commit configuration, installing the tool from `tool_url` at tag `tool_ref`."""
    url, ref = check_tool_source(tool_url, tool_ref)
    out = {}
    for target, name in FILES.items():
        text = (TEMPLATES / name).read_text(encoding="utf-8")
        out[target] = text.replace(URL_PLACEHOLDER, url).replace(REF_PLACEHOLDER, ref)
    return out
