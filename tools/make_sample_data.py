"""Write the sample dataset: fictional Bắc Giang data (before the 2025 reform) plus the four
real "Dân vận khéo" models of the Hải Dương article, as YAML files editors can read.

Writes, after deleting what an earlier run left in those places:
- data/config.yml                      the province, scheme "ba-cap", reference date 15/12/2024
- data/units/bac-giang.yml             province, 10 districts, 14 real communes, 70 fictional villages
- data/teams/<commune>/<team-id>.yml   69 Tổ Dân vận cộng đồng (one village has none)
- data/blocs/<bloc-id>.yml             14 Khối Dân vận cơ sở, one per commune
- data/models/<id>.yml                 4 real models (Hải Dương, 2017) and 16 fictional ones
- data/assignments/<id>.yml            30 agencies assigned to communes (HD 02-HD/BDVTU); reports
                                       filed in time: monthly 1–11, quarterly 1–3, 6-monthly

The sample is built by the synthetic generator (generator/synth/sample.py and the sample_*
modules beside it): the same skeleton units, records shaped by the models and the same file
writer, with the sample's places, texts, stories and deliberate cases written by hand. Every
record is drawn from random.Random(2024) in a fixed order, so a rerun gives the same tree
byte for byte. No network.

Deliberate deviations, so that the checks have something to find (each is also noted in a
comment inside its file; generator/synth/sample_cases.py holds them):
- (no team) village bg-luc-ngan-tan-son-thon-rung-sau has no team (coverage rule);
- a. to-ngoc-thien-thon-phuc-long records exceptions [kiem_nhiem] with a note; its leader
     holds [truong_thon, chi_uy_vien] (an allowed exception: no warning expected);
- b. to-cao-xa-thon-luc-lieu has a group of 6 members (TEAM-GROUP-SIZE);
- c. to-dong-tam-thon-dong-vang has a group in charge of 56 households (TEAM-GROUP-HOUSEHOLDS);
- d. to-nam-duong-thon-khuon-than has no rating for 2024 (TEAM-RATED);
- e. khoi-cao-thuong has no rules (BLOC-RULES);
- f. khoi-tam-tien has 2 members not trained (BLOC-TRAINING);
- g. khoi-doan-bai held its only dialogue in 2023, none in 2024 (BLOC-DIALOGUE);
- h. model mh-camera-an-ninh-thang has a photo with publish: true but approved: false
     (PHOTO-APPROVAL);
- i. commune bg-tan-yen-cao-xa has 3 provincial units: pc-so-tu-phap, pc-so-xay-dung,
     pc-so-thong-tin-truyen-thong (ASSIGN-CONCENTRATION-COMMUNE);
- j. pc-so-tai-chinh has one extra activity on Wednesday 17/07/2024 (ASSIGN-WEEKEND-DAY);
- k. pc-so-y-te filed its August 2024 monthly report on 28/08/2024 (ASSIGN-REPORT-LATE).

Run from anywhere:  python tools/make_sample_data.py [--out DIR]
(--out writes the sample into another data folder, e.g. a copy of data/ to compare with it.)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.synth.sample import write_sample

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Regenerate the sample data (data/ by default).")
    parser.add_argument("--out", type=Path, default=DATA,
                        help="the data folder to write into (default: the repository's data/)")
    out = parser.parse_args(argv).out.resolve()
    files = write_sample(out)
    where = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    print(f"wrote {files} files under {where}/")


if __name__ == "__main__":
    main()
