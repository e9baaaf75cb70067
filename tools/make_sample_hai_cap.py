"""Write the two-level sample project's data: Bắc Ninh after the 2025 reform (scheme "hai-cap"),
with fictional communes that record the units they were formed from, and fictional people.

Writes, after deleting what an earlier run left in those places (documents.yml, publications.yml
and photos/ of the sample are hand-kept and stay):
- samples/hai-cap/data/config.yml                 scheme hai-cap, reference date 30/11/2026, reports
                                                  issued by the Ban Tuyên giáo và Dân vận Tỉnh ủy
- samples/hai-cap/data/units/bac-ninh.yml         the province, the old Bắc Giang (became Bắc Ninh),
                                                  5 communes and wards with former_names, 5 old
                                                  communes with `became`, 22 villages
- samples/hai-cap/data/teams/<commune>/<id>.yml   22 Tổ Dân vận cộng đồng
- samples/hai-cap/data/blocs/<id>.yml             5 Khối Dân vận, one per commune
- samples/hai-cap/data/models/<id>.yml            4 fictional "Dân vận khéo" models
- samples/hai-cap/data/assignments/<id>.yml       provincial agencies assigned to communes

Built by generator/synth/sample_hai_cap.py (the synthetic builders at a hand-made skeleton);
a rerun gives the same tree byte for byte. No network.

Run from anywhere:  python tools/make_sample_hai_cap.py [--out DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.synth.sample_hai_cap import write_sample_hai_cap

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "samples" / "hai-cap" / "data"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Regenerate the two-level sample data (samples/hai-cap/data by default).")
    parser.add_argument("--out", type=Path, default=DATA, help="the data folder to write into")
    out = parser.parse_args(argv).out.resolve()
    files = write_sample_hai_cap(out)
    where = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    print(f"wrote {files} files under {where}/")


if __name__ == "__main__":
    main()
