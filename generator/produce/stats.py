"""Counts of every entity and content item: takes a `Dataset`, gives a plain dict that
`handbook stats` prints as JSON for scripts and reviewers."""

from __future__ import annotations

from generator.model.dataset import Dataset
from generator.model.hierarchy import level_name


def compute_stats(ds: Dataset) -> dict:
    levels: dict[str, int] = {}
    for uid in ds.units:
        level = level_name(ds, uid) or "khac"
        levels[level] = levels.get(level, 0) + 1
    teams = [at.obj for at in ds.teams.values()]
    blocs = [at.obj for at in ds.blocs.values()]
    assignments = [at.obj for at in ds.assignments.values()]
    modules = [at.obj for at in ds.modules.values()]
    villages = levels.get("thon", 0)
    villages_with_team = len({t.village for t in teams})
    return {
        "units": {"total": len(ds.units), "by_level": dict(sorted(levels.items()))},
        "teams": len(teams),
        "team_members": sum(len(t.members) for t in teams),
        "groups": sum(len(t.groups) for t in teams),
        "households": sum(g.households for t in teams for g in t.groups),
        "village_coverage": round(villages_with_team / villages, 4) if villages else None,
        "blocs": len(blocs),
        "bloc_members": sum(len(b.members) for b in blocs),
        "models": len(ds.models),
        "assignments": len(assignments),
        "assignment_activities": sum(len(a.activities) for a in assignments),
        "people": len(ds.people),
        "documents": len(ds.documents),
        "topics": len(ds.topics),
        "qa_items": len(ds.qa),
        "modules": len(modules),
        "quiz_items": sum(len(m.quiz) for m in modules),
        "glossary_terms": len(ds.terms),
    }
