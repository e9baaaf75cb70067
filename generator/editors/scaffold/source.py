"""Where the tool itself comes from: takes nothing, gives the git repository and the tag a new
content repository pins (its CI installs `git+<url>@<tag>`, its pre-commit hooks use
`repo: <url>`, `rev: <tag>`).

Read from how this copy was installed: pip records a git install in the distribution's
direct_url.json (PEP 610: the URL and the revision asked for); a checkout answers through git
(the `origin` remote and a tag on HEAD). Unknown parts stay None and `handbook new` asks for them.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from generator import __version__

DISTRIBUTION = "dan-van-handbook"
CHECKOUT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class ToolSource:
    url: str | None
    ref: str


def _from_direct_url() -> tuple[str | None, str | None]:
    try:
        text = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None, None
    if not text:
        return None, None
    info = json.loads(text)
    if "vcs_info" not in info:
        return None, None
    return info.get("url"), info["vcs_info"].get("requested_revision")


def _git(*args: str) -> str | None:
    if not (CHECKOUT / ".git").exists():
        return None
    try:
        done = subprocess.run(["git", "-C", str(CHECKOUT), *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None


def tool_source() -> ToolSource:
    url, ref = _from_direct_url()
    if url is None:
        url = _git("remote", "get-url", "origin")
        ref = ref or _git("describe", "--tags", "--exact-match", "HEAD")
    return ToolSource(url=url, ref=ref or f"v{__version__}")
