"""Fonts for print: takes nothing, gives @font-face rules for Tinos (metric-compatible with
Times New Roman, full Vietnamese coverage, Apache 2.0) and Arimo from Debian's
fonts-croscore package, which scripts/install-system-packages.sh installs. WeasyPrint embeds
only the glyphs used (subsetting)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from generator.core.errors import FontMissing

FONT_DIRS_ENV = "HANDBOOK_FONT_DIRS"  # folders to look in first (os.pathsep between them)
SEARCH_DIRS = [Path("/usr/share/fonts/truetype/croscore"), Path("/usr/local/share/fonts"), Path.home() / ".fonts"]
FACES = {
    ("Tinos", "normal", 400): "Tinos-Regular.ttf",
    ("Tinos", "italic", 400): "Tinos-Italic.ttf",
    ("Tinos", "normal", 700): "Tinos-Bold.ttf",
    ("Tinos", "italic", 700): "Tinos-BoldItalic.ttf",
    ("Arimo", "normal", 400): "Arimo-Regular.ttf",
    ("Arimo", "normal", 700): "Arimo-Bold.ttf",
}


def font_files() -> dict[tuple[str, str, int], Path]:
    found = {}
    for key, name in FACES.items():
        path = next((d / name for d in _search_dirs() if (d / name).is_file()), None)
        if path is None:
            raise FontMissing(
                f"Không tìm thấy phông chữ {name}. Hãy cài gói fonts-croscore: bash scripts/install-system-packages.sh")
        found[key] = path
    return found


def _search_dirs() -> list[Path]:
    """$HANDBOOK_FONT_DIRS alone when it is set (a machine with the fonts elsewhere), else
    where Debian and a user put them."""
    configured = os.environ.get(FONT_DIRS_ENV)
    if configured is not None:
        return [Path(d) for d in configured.split(os.pathsep) if d]
    return SEARCH_DIRS


def font_face_css() -> str:
    rules = []
    for (family, style, weight), path in font_files().items():
        rules.append(f'@font-face {{ font-family: "{family}"; font-style: {style}; font-weight: {weight}; '
                     f'src: url("{path.as_uri()}"); }}')
    return "\n".join(rules)


def fonts_fingerprint() -> str:
    digest = hashlib.sha256()
    for _, path in sorted(font_files().items()):
        digest.update(path.read_bytes())
    return digest.hexdigest()
