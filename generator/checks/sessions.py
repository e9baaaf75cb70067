"""Checks that a training session can be run from its module: takes a `Dataset`, gives findings
(Vietnamese, with a hint, located at the field) for

- SESSION-MINUTES (warning): the outline's steps, learning and breaks together, do not add up to
  `duration_minutes`;
- SESSION-NO-BREAK (warning): a session over 90 minutes has no step with `kind: nghi`;
- SESSION-MATERIAL-DUPLICATE-ID (error): two materials of a module share an id;
- SESSION-UNKNOWN-MATERIAL (error): an activity's `materials` names an id the module does not
  have. An error, like every other reference to something that does not exist (REF-UNKNOWN-*):
  the printed activity would silently lose its "Tài liệu dùng" entry and the trainer arrive
  without the sheet; the fix is always a typo or a missing record, and the hint names the
  closest id;
- SESSION-MATERIAL-MISSING (warning): an activity's instructions or the trainer notes refer to
  material the session does not have (the rule below);
- SESSION-MATERIAL-UNUSED (warning): a material no activity lists and no timetable step names
  by its title (a self-assessment sheet used at the opening is named in that step's title or
  method).

How a reference to material is recognised. Trainers name printed material with a few nouns;
the text is matched in NFC, lower case, *with* its diacritics (folded, "mẫu" would be "màu"
and "thẻ màu" would count). Each noun asks for material of certain kinds:

| the text says | it asks for a material of kind |
| --- | --- |
| "thẻ vai", "phiếu vai", "thẻ tình huống", "phiếu thông tin" | the_vai or phieu |
| "phiếu quan sát", "bảng kiểm" | bang_kiem or phieu |
| "biểu mẫu"; "mẫu" or "khung" followed by kế hoạch, quy chế, báo cáo, biên bản, phiếu | mau or phieu |
| "sơ đồ" with "giả định" within the next three words | so_do |
| any other "phiếu" (bài tập, tự đánh giá, mô hình, ý kiến, cam kết…) | phieu, mau, bang_kiem or the_vai |

Not references: stationery ("thẻ màu", "giấy khổ lớn", "bút dạ"); "làm mẫu", "câu hỏi mẫu",
"xem mẫu" ("mẫu" alone is an adjective or a demonstration); "khung giờ", "khung thời gian";
ballots ("bỏ phiếu", "lá phiếu", "phiếu bầu", "kiểm phiếu"); "sơ đồ tổ chức" and other
diagrams drawn on the board. An activity is warned when the materials it lists hold none of the
kinds asked for; the trainer notes, when the module holds none. Each reference is reported
once per field, at its line; a bare "phiếu" only when nothing more specific was reported there.

- SESSION-ACTIVITIES-DONT-FIT (warning): the activities cannot each run in a learning step of
  the timetable at least as long as they are, no two in one step — so activities and breaks
  together do not fit in the session (an observation walk of 30 minutes in a timetable whose
  longest free step is 15).

How the fit is decided. The schema has no link from an activity to its step, and matching by
title leaves 6 of the 17 activities of the six real modules unmatched ("Bốn trạm, bốn mô hình"
runs in "Nghiên cứu bốn mô hình thật ở Hải Dương"), so the check asks only whether *some*
assignment exists: the activities sorted longest first, paired with the learning steps sorted
longest first; if an activity is longer than its partner, no assignment fits it (any step long
enough for it is taken by a longer activity, by the sort), and that activity is reported at its
minutes. Breaks are never a place for an activity."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from generator.core.findings import Finding, Severity
from generator.core.suggest import suggest
from generator.load.yamlload import format_path
from generator.model import sessions
from generator.model.dataset import Dataset, Located

_ROLE, _OBSERVE, _FORM, _MAP = ("the_vai", "phieu"), ("bang_kiem", "phieu"), ("mau", "phieu"), ("so_do",)
_ANY_SHEET = ("phieu", "mau", "bang_kiem", "the_vai")
_DOC = r"(?:kế hoạch|quy chế|báo cáo|biên bản|phiếu)"
# (pattern, kinds that answer it), the more specific first: a span matched by one is not matched again.
REFERENCES: tuple[tuple[re.Pattern, tuple[str, ...]], ...] = tuple((re.compile(p), kinds) for p, kinds in (
    (r"\b(?:thẻ|phiếu) vai\b|\bthẻ tình huống\b|\bphiếu thông tin\b", _ROLE),
    (r"\bphiếu quan sát\b|\bbảng kiểm\b", _OBSERVE),
    (r"\bbiểu mẫu\b|(?<!làm )\bmẫu (?:khung )?" + _DOC + r"\b|\bkhung " + _DOC + r"\b", _FORM),
    (r"\bsơ đồ(?: [^\s.,;:!?()]+){0,3} giả định\b", _MAP),
    (r"(?<!bỏ )(?<!lá )(?<!kiểm )\bphiếu\b(?! bầu)", _ANY_SHEET),
))


def references(text: str) -> list[tuple[int, str, tuple[str, ...]]]:
    """(offset, phrase as written, kinds that answer it) of every reference to printed material
    in a text, in order, each span once."""
    low = unicodedata.normalize("NFC", text).lower()
    taken: list[tuple[int, int]] = []
    found = []
    for pattern, kinds in REFERENCES:
        for m in pattern.finditer(low):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), unicodedata.normalize("NFC", text)[m.start():m.end()], kinds))
    return sorted(found)


def check_sessions(ds: Dataset) -> list[Finding]:
    findings: list[Finding] = []
    for at in ds.modules.values():
        findings += _module(ds.root, at)
    return findings


def _activities_fit(at: Located) -> list[Finding]:
    m = at.obj
    steps = sorted((s.minutes for s in m.outline if s.kind != "nghi"), reverse=True)
    by_length = sorted(enumerate(m.activities), key=lambda pair: -pair[1].minutes)
    for rank, (i, activity) in enumerate(by_length):
        room = steps[rank] if rank < len(steps) else 0
        if activity.minutes > room:
            longer = rank + 1
            return [_finding("SESSION-ACTIVITIES-DONT-FIT", Severity.WARNING, at, ("activities", i, "minutes"),
                             f"Hoạt động “{activity.title}” cần {activity.minutes} phút, nhưng tiến trình không đủ chỗ: "
                             f"{longer} hoạt động dài từ {activity.minutes} phút trở lên cần {longer} phần học riêng, "
                             f"mà tiến trình chỉ có {sum(1 for x in steps if x >= activity.minutes)} phần học đủ dài "
                             f"(giải lao không tính).",
                             "Sửa cho khớp: tăng số phút của phần học trong outline có hoạt động này (bớt phần khác cho đủ "
                             "tổng), hoặc rút ngắn hoạt động (minutes).")]
    return []


def _kinds_vi(kinds: tuple[str, ...]) -> str:
    return " hoặc ".join(f"“{sessions.MATERIAL_KINDS[k].lower()}” ({k})" for k in kinds)


def _module(root: Path, at: Located) -> list[Finding]:
    m, out = at.obj, []
    total = sum(s.minutes for s in m.outline)
    if total != m.duration_minutes:
        out.append(_finding("SESSION-MINUTES", Severity.WARNING, at, ("outline",),
                            f"Các phần của tiến trình (phần học và giải lao) cộng lại {total} phút, khác thời lượng "
                            f"buổi học {m.duration_minutes} phút.",
                            "Sửa số phút (minutes) của từng phần trong outline, hoặc sửa duration_minutes cho khớp; "
                            "tính cả các lần giải lao."))
    if m.duration_minutes > sessions.BREAK_AFTER_MINUTES and not any(s.kind == "nghi" for s in m.outline):
        out.append(_finding("SESSION-NO-BREAK", Severity.WARNING, at, ("outline",),
                            f"Buổi học dài {m.duration_minutes} phút (trên {sessions.BREAK_AFTER_MINUTES} phút) nhưng "
                            "tiến trình không có lần giải lao nào.",
                            "Thêm vào outline một phần giải lao (title: Giải lao, kind: nghi, 10–15 phút) ở khoảng giữa "
                            "buổi và bớt thời lượng phần khác cho đủ tổng."))
    out += _activities_fit(at)
    ids = [x.id for x in m.materials]
    seen: set[str] = set()
    for i, material in enumerate(m.materials):
        if material.id in seen:
            out.append(_finding("SESSION-MATERIAL-DUPLICATE-ID", Severity.ERROR, at, ("materials", i, "id"),
                                f"Mã tài liệu “{material.id}” bị trùng trong chuyên đề.",
                                "Đổi mã (id) của một trong hai tài liệu thành mã chưa dùng, rồi sửa materials của hoạt động cho đúng."))
        seen.add(material.id)
    by_id = sessions.materials_by_id(m)
    for i, activity in enumerate(m.activities):
        for j, ref in enumerate(activity.materials):
            if ref not in by_id:
                near = suggest(ref, ids)
                out.append(_finding("SESSION-UNKNOWN-MATERIAL", Severity.ERROR, at, ("activities", i, "materials", j),
                                    f"Hoạt động “{activity.title}” dùng tài liệu “{ref}” nhưng chuyên đề không có tài liệu nào mang mã này.",
                                    (f"Có phải “{near}”? Sửa mã cho đúng. " if near else "")
                                    + "Mỗi mã trong materials của hoạt động phải là id của một tài liệu trong mục materials của chuyên đề."))
        listed = {by_id[ref].kind for ref in activity.materials if ref in by_id}
        out += _references(root, at, ("activities", i, "instructions"), activity.instructions, listed,
                           f"Hoạt động “{activity.title}”", "không ghi tài liệu loại {kinds} nào trong mục materials của hoạt động.",
                           "Thêm tài liệu (kind: {first}) vào mục materials của chuyên đề và ghi mã của nó vào materials của "
                           "hoạt động; nếu hoạt động không dùng bản in nào, sửa lời hướng dẫn.")
    out += _references(root, at, ("trainer_notes",), m.trainer_notes, {x.kind for x in m.materials},
                       "Ghi chú cho giảng viên", "chuyên đề chưa có tài liệu loại {kinds}, nên không có bản in nào cho việc này.",
                       "Viết tài liệu (kind: {first}) vào mục materials của chuyên đề để nó được in trong tài liệu học viên "
                       "hoặc hướng dẫn giảng viên; hoặc sửa ghi chú nếu không cần bản in.")
    by_activity, by_step = sessions.users(m), sessions.step_users(m)
    for i, material in enumerate(m.materials):
        if not by_activity.get(material.id) and not by_step.get(material.id):
            out.append(_finding("SESSION-MATERIAL-UNUSED", Severity.WARNING, at, ("materials", i, "id"),
                                f"Tài liệu “{material.title}” không được hoạt động nào dùng.",
                                f"Ghi mã “{material.id}” vào materials của hoạt động dùng nó (hoặc nêu đúng tên tài liệu trong "
                                "phần tiến trình dùng nó); xóa tài liệu nếu buổi học không cần."))
    return out


def _references(root: Path, at: Located, sub: tuple, text: str, have: set[str], who: str, lacks: str, hint: str) -> list[Finding]:
    out, reported = [], set()
    for offset, phrase, kinds in references(text or ""):
        if have & set(kinds) or (phrase.lower(), kinds) in reported:
            continue
        if kinds == _ANY_SHEET and reported:  # a bare "phiếu" after a named one says nothing new
            continue
        reported.add((phrase.lower(), kinds))
        line = _line_of(root, at, sub, text, offset)
        out.append(_finding("SESSION-MATERIAL-MISSING", Severity.WARNING, at, sub,
                            f"{who} nhắc đến “{phrase}” nhưng " + lacks.format(kinds=_kinds_vi(kinds)),
                            hint.format(first=kinds[0]), line=line))
    return out


def _line_of(root: Path, at: Located, sub: tuple, text: str, offset: int) -> int | None:
    """The file line of a phrase inside a YAML block of text: the value's first line, then the
    first line after it that holds the phrase's line of text."""
    line, _ = at.file.locate(at.path + sub, prefer_key=False)
    if line is None:
        return None
    wanted = text[:offset].count("\n")
    needle = text.split("\n")[wanted].strip()
    try:
        lines = Path(root, at.file.path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return line
    for number in range(line - 1, len(lines)):
        if needle and needle in lines[number]:
            return number + 1
    return line


def _finding(code: str, severity: Severity, at: Located, sub: tuple, message: str, hint: str, line: int | None = None) -> Finding:
    found, col = at.file.locate(at.path + sub)
    return Finding(code, severity, message, file=at.file.path, line=line or found, column=None if line else col,
                   path=format_path(at.path + sub) or None, hint=hint)
