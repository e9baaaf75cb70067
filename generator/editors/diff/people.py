"""People in change sentences: takes the members of a team or bloc on both sides, gives the
sentences about who joined, left, leads or changed role. A person is named only where
`consent_to_publish` is true (the summary is posted on a pull request, which may be public);
anyone else is “một thành viên” with their role and positions."""

from __future__ import annotations

from collections import Counter
from typing import Any, Sequence

from generator.core.text import cap
from generator.editors.diff.deltas import changed_fields, plain
from generator.editors.diff.words import code_label, join, lower, titles


def describe(member: Any, with_role: bool = True) -> str:
    """The role words for someone not named: positions, and the role in the team or bloc."""
    parts: list[str] = []
    role = getattr(member, "team_role", None) or getattr(member, "bloc_role", None)
    if with_role and role is not None and plain(role) != "thanh_vien":
        parts.append(code_label(role))
    for position in getattr(member, "positions", []) or []:
        parts.append(code_label(position))
    position = getattr(member, "position", None)
    if position is not None and plain(position) != "khac":
        parts.append(code_label(position))
    if not parts and role is not None:
        parts.append(code_label(role))
    return ", ".join(parts)


def person(member: Any, with_role: bool = True) -> str:
    if member.consent_to_publish:
        return member.full_name
    words = describe(member, with_role)
    return f"một thành viên ({words})" if words else "một thành viên"


def people(members: Sequence[Any], with_role: bool = True) -> str:
    """Names of those who consented, then the others by role (“2 thành viên (Chi hội trưởng)”)."""
    named = [m.full_name for m in members if m.consent_to_publish]
    unnamed = Counter()
    order: list[str] = []
    for m in members:
        if not m.consent_to_publish:
            words = describe(m, with_role)
            if words not in unnamed:
                order.append(words)
            unnamed[words] += 1
    parts = list(named)
    for words in order:
        count = unnamed[words]
        head = "một thành viên" if count == 1 else f"{count} thành viên"
        parts.append(f"{head} ({words})" if words else head)
    return join(parts, "người")


def member_sentences(out: list[str], old: Any, new: Any, owner: str, role_field: str, leader_role: str) -> None:
    """Members added and removed, a new leader (the role `leader_role` of `role_field`, named
    after its label: “tổ trưởng”, “trưởng khối”), other role changes, and the fields edited on
    members who stayed, for the team or bloc called `owner`."""
    leader_word = lower(code_label(leader_role))
    o = {m.id: m for m in old.members}
    n = {m.id: m for m in new.members}
    added = [m for m in new.members if m.id not in o]
    removed = [m for m in old.members if m.id not in n]
    if added:
        out.append(f"Thêm {len(added)} thành viên vào {owner}: {people(added)}.")
    if removed:
        out.append(f"Bớt {len(removed)} thành viên khỏi {owner}: {people(removed)}.")
    old_leaders = [m for m in old.members if plain(getattr(m, role_field)) == leader_role]
    new_leaders = [m for m in new.members if plain(getattr(m, role_field)) == leader_role]
    leader_changed = {m.id for m in old_leaders} != {m.id for m in new_leaders}
    if leader_changed:
        if old_leaders and new_leaders:
            out.append(f"Đổi {leader_word} {owner} từ {people(old_leaders, False)} sang {people(new_leaders, False)}.")
        elif new_leaders:
            out.append(f"Cử {people(new_leaders, False)} làm {leader_word} {owner}.")
        else:
            out.append(f"{cap(owner)} không còn {leader_word} (trước đây: {people(old_leaders, False)}).")
    edited: list[Any] = []
    fields: list[str] = []
    for m in new.members:
        if m.id not in o:
            continue
        before = o[m.id]
        old_role, new_role = plain(getattr(before, role_field)), plain(getattr(m, role_field))
        # a role change that makes or unmakes the leader is already told by the leader sentence
        if old_role != new_role and not (leader_changed and leader_role in (old_role, new_role)):
            out.append(f"Đổi vai trò của {person(m, False)} trong {owner} từ {lower(code_label(old_role))} "
                       f"thành {lower(code_label(new_role))}.")
        changed = changed_fields(before, m, skip=(role_field,))
        if changed:
            edited.append(m)
            fields += [f for f in changed if f not in fields]
    if edited:
        order = [f for f in type(edited[0]).model_fields if f in fields]
        out.append(f"Sửa thông tin của {len(edited)} thành viên trong {owner}: {titles(type(edited[0]), order)}.")
