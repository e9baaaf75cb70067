"""Write this repository's `.vscode/settings.json` and `.vscode/extensions.json` from
generator/produce/editor_settings.py (the same files `handbook new` gives a content
repository): schema associations by path glob for every YAML file kind, UTF-8, the YAML
extension recommended. Run after adding a file kind; tests/test_editor_settings.py fails while
the committed files differ."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.produce.editor_settings import vscode_files  # noqa: E402


def main() -> None:
    for rel, text in vscode_files().items():
        path = ROOT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {rel}")


if __name__ == "__main__":
    main()
