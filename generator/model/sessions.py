"""A training session read from its module: takes a `Module`, gives the Vietnamese labels of
material kinds and audiences, the materials a publication prints (the trainees' handout: the
trainees' ones; the trainer guide: all), which activities use each material, the materials an
activity uses, where each material is used (activities that list it, timetable steps that name
it) and the session's timetable with its breaks. Shared by the checks, the print
stage and the site so that all three read a session the same way."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MATERIAL_KINDS = {
    "phieu": "Phiếu bài tập",
    "the_vai": "Thẻ vai",
    "mau": "Biểu mẫu",
    "bang_kiem": "Bảng kiểm, phiếu quan sát",
    "so_do": "Sơ đồ",
}
AUDIENCES = {"hoc_vien": "Phát cho học viên", "giang_vien": "Chỉ dành cho giảng viên"}
ACTIVITY_KINDS = {"thao_luan": "Thảo luận", "dong_vai": "Đóng vai", "tinh_huong": "Tình huống",
                  "thuc_hanh": "Thực hành", "tro_choi": "Trò chơi"}
BREAK_LABEL = "Giải lao"
# A session longer than this needs a break (issue #15: "each session over 90 minutes has a break").
BREAK_AFTER_MINUTES = 90


@dataclass(frozen=True)
class Step:
    """One row of the timetable: a learning step or a break, with its start (minutes from the
    beginning of the session)."""

    title: str
    minutes: int
    method: str | None
    is_break: bool
    start: int


def timetable(module) -> list[Step]:
    rows, start = [], 0
    for s in module.outline:
        is_break = s.kind == "nghi"
        rows.append(Step(s.title, s.minutes, s.method, is_break, start))
        start += s.minutes
    return rows


def break_title(step: Step) -> str:
    """What a break row reads: "Giải lao", followed by its own title when it says more."""
    title = step.title.strip()
    if not title or title.casefold() == BREAK_LABEL.casefold():
        return BREAK_LABEL
    return f"{BREAK_LABEL}: {title}" if not title.casefold().startswith(BREAK_LABEL.casefold()) else title


def activity_label(activity) -> str:
    return f"{ACTIVITY_KINDS.get(activity.kind, activity.kind)}: {activity.title}"


def users(module) -> dict[str, list]:
    """Material id → the activities that list it, in the module's order."""
    out: dict[str, list] = {m.id: [] for m in module.materials}
    for activity in module.activities:
        for ref in dict.fromkeys(activity.materials):
            if ref in out:
                out[ref].append(activity)
    return out


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().strip()


def step_users(module) -> dict[str, list[Step]]:
    """Material id → the timetable's learning steps that name the material by its title (in
    the step's title or method): a self-assessment sheet filled in at the opening, a pledge at
    the close, used by a step rather than by an activity."""
    steps = [s for s in timetable(module) if not s.is_break]
    return {m.id: [s for s in steps if _key(m.title) and _key(m.title) in _key(s.title + " " + (s.method or ""))]
            for m in module.materials}


def used_in(module) -> dict[str, list[str]]:
    """Material id → where the session uses it, as printed after "Dùng trong:": the activities
    that list it, then the steps that name it."""
    by_activity, by_step = users(module), step_users(module)
    return {m.id: [activity_label(a) for a in by_activity[m.id]] + [s.title for s in by_step[m.id]] for m in module.materials}


def materials_by_id(module) -> dict:
    """Id → material; of two with one id (an error the check reports) the first."""
    out: dict = {}
    for m in module.materials:
        out.setdefault(m.id, m)
    return out


def activity_materials(module, activity) -> list:
    """The module's materials an activity lists (ids the module does not have are left out;
    the check reports them)."""
    by_id = materials_by_id(module)
    return [by_id[ref] for ref in dict.fromkeys(activity.materials) if ref in by_id]


def printed_materials(module, publication_kind: str) -> list:
    """The materials a publication prints: the trainees' handout only those for trainees, the
    trainer guide every one (the trainer has everything in one book)."""
    if publication_kind == "module_handout":
        return [m for m in module.materials if m.audience == "hoc_vien"]
    if publication_kind == "trainer_guide":
        return list(module.materials)
    return []
