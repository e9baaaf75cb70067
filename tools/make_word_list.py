"""Writes generator/produce/printing/words/vi-words.txt, the Vietnamese word list that keeps the
syllables of a word together in printed headings (generator/produce/printing/wordglue.py).

Takes pyvi's word list (`pyvi/models/words.txt` in the pyvi 0.1.1 wheel, MIT licence,
Copyright (c) 2016 Viet-Trung Tran) and keeps the words of two to four syllables made of
letters only, lower-cased, in NFC, sorted and de-duplicated. pyvi itself is not a dependency
(it would bring scikit-learn, SciPy and NumPy for one text file); get the file with

    pip download pyvi==0.1.1 --no-deps -d /tmp/pyvi && unzip -o /tmp/pyvi/pyvi-*.whl -d /tmp/pyvi
    python tools/make_word_list.py /tmp/pyvi/pyvi/models/words.txt
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "generator" / "produce" / "printing" / "words" / "vi-words.txt"
HEADER = """# Vietnamese words of 2-4 syllables, one a line: the syllables of each are kept together in
# printed headings (generator/produce/printing/wordglue.py). Derived by tools/make_word_list.py
# from pyvi 0.1.1, pyvi/models/words.txt (https://pypi.org/project/pyvi/).
#
# The MIT License (MIT). Copyright (c) 2016 Viet-Trung Tran.
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software
# and associated documentation files (the "Software"), to deal in the Software without
# restriction, including without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
# Software is furnished to do so, subject to the following conditions: The above copyright
# notice and this permission notice shall be included in all copies or substantial portions of
# the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A
# PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
# LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
# OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
# DEALINGS IN THE SOFTWARE.
"""
_SYLLABLE = re.compile(r"[^\W\d_]+")


def words(source: str) -> list[str]:
    kept = set()
    for line in source.splitlines():
        syllables = unicodedata.normalize("NFC", line).lower().split()
        if 2 <= len(syllables) <= 4 and all(_SYLLABLE.fullmatch(s) for s in syllables):
            kept.add(" ".join(syllables))
    return sorted(kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("words_txt", type=Path, help="pyvi/models/words.txt from the pyvi 0.1.1 wheel")
    args = parser.parse_args()
    kept = words(args.words_txt.read_text(encoding="utf-8"))
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(HEADER + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} words -> {TARGET}")


if __name__ == "__main__":
    main()
