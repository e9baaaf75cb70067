"""Page paths and links. Pages are identified by their source path ("don-vi/xa.md"); the
site is built with `use_directory_urls: false`, so the same links work online and when the
offline copy is opened from disk ("don-vi/xa.html")."""

from __future__ import annotations

import posixpath


def url_of(path: str) -> str:
    return path[:-3] + ".html" if path.endswith(".md") else path


def rel(from_path: str, to_path: str, anchor: str | None = None) -> str:
    """Relative URL from the page at `from_path` to the page (or file) `to_path`."""
    here = posixpath.dirname(url_of(from_path)) or "."
    target = posixpath.relpath(url_of(to_path), here)
    return target + (f"#{anchor}" if anchor else "")


def root_of(from_path: str) -> str:
    """Relative URL from a page to the site root ("" or "../../")."""
    depth = url_of(from_path).count("/")
    return "../" * depth


def unit_page(unit_id: str) -> str:
    return f"don-vi/{unit_id}.md"


def model_page(model_id: str) -> str:
    return f"mo-hinh/{model_id}.md"


def document_page(doc_id: str) -> str:
    return f"van-ban/{doc_id}.md"


def topic_page(topic_id: str) -> str:
    return f"hoi-dap/{topic_id}.md"


def audience_page(audience: str) -> str:
    return f"doi-tuong/{audience.replace('_', '-')}.md"


def module_page(module_id: str) -> str:
    return f"chuyen-de/{module_id}.md"
