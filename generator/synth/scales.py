"""The sizes of the synthetic projects: takes a scale's name, gives how many provinces,
districts, communes, villages, teams, members, models and assignments it holds, and the
dates its scheme implies (the table of scales is in the package docstring).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    scheme: str  # "ba-cap" or "hai-cap"
    provinces: int  # hai-cap: how many of PROVINCES_2025; ba-cap: always 1 (Bắc Giang)
    districts: int  # ba-cap only: how many of BG_DISTRICTS
    communes: int
    villages: int
    teams: int  # at most villages; the rest have no team (only allowed before 2024)
    members: tuple[int, ...]  # team sizes to draw from (a tuple with repeats is a weighting)
    villages_per_commune: tuple[int, int]
    models: int  # total, including the four real ones
    assignments: int  # total, including one exempt armed unit per province
    provincial_share: float  # ba-cap: share of active assignments that are provincial agencies


SCALES: dict[str, Scale] = {
    "tiny": Scale("tiny", "ba-cap", 1, 2, 6, 30, 28, (7, 8, 9, 10), (4, 6), 8, 10, 0.45),
    "tiny-hai-cap": Scale("tiny-hai-cap", "hai-cap", 2, 0, 6, 30, 30, (7, 8, 9, 10), (4, 6), 8, 8, 1.0),
    "province": Scale("province", "ba-cap", 1, 10, 209, 2200, 2128, (7, 8, 9, 10), (6, 16), 500, 400, 0.45),
    "nation": Scale("nation", "hai-cap", 34, 0, 3321, 90000, 90000, (7, 8, 8, 9, 9, 9, 10, 10, 10, 10), (14, 40),
                    3000, 3000, 1.0),
}

# Reference year, where "a year of activities" starts, and the founding window of teams and blocs.
TIMING = {  # reference date: 15/12 of the year; activities from 01/12 of the year before
    "ba-cap": {"year": 2023, "founding": ((2, 6), (3, 24)), "briefing_from": 1},
    "hai-cap": {"year": 2025, "founding": ((7, 14), (9, 26)), "briefing_from": 7},
}
