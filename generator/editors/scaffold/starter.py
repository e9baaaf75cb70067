"""Where the files `handbook new` copies live: takes nothing, gives the folder that holds the
shared content (content/), the site theme (theme/), mkdocs.yml and the document registers
(data/documents.yml, data/publications.yml) and the four real models the training modules
cite as case studies.

An installed tool carries them inside the package (generator/starter/, put there by the wheel's
force-include in pyproject.toml); a checkout (an editable install, the tests) has them at its root.
"""

from __future__ import annotations

from pathlib import Path

from generator.core.errors import HandbookError
from generator.synth.exemplars import REAL_MODELS

PACKAGE_DIR = Path(__file__).resolve().parents[2]  # generator/
# The files a new repository takes from the tool, relative to the starter folder.
STARTER_FILES = ("content", "theme", "mkdocs.yml", "data/documents.yml", "data/publications.yml",
                 "docs/huong-dan-bien-tap-web.md",  # signing in to the web editor, for editors
                 *(f"data/models/{model}.yml" for model in REAL_MODELS))


def starter_root() -> Path:
    """The folder holding STARTER_FILES: the package's own copy, else the checkout's root."""
    for candidate in (PACKAGE_DIR / "starter", PACKAGE_DIR.parent):
        if all((candidate / name).exists() for name in STARTER_FILES):
            return candidate
    raise HandbookError(
        "Bản cài đặt công cụ thiếu nội dung dùng chung (content/, theme/, mkdocs.yml). "
        "Cài lại công cụ từ kho git của nó: pip install \"git+<địa chỉ kho>@<thẻ phiên bản>\".")
