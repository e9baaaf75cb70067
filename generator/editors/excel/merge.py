"""Merging a team's workbook record into its file's data: takes the data the existing file
holds, the record read from the workbook and which fields the workbook carries (`records`);
gives the data to write. Pure: no files, no findings.

The rules keep what the workbook cannot say: keys it does not carry (meetings, activities,
ethnicity, address, …) are kept; values equal in meaning (03/6/2013 and 03/06/2013, 2013
and "2013") keep the file's spelling, so an unchanged team is not rewritten; a field the file
leaves at its default stays unwritten; people in a group who are not members of the team
(who cannot be written in the workbook) stay in it. A row deleted in the workbook is
deleted; an empty cell clears its field.
"""

from __future__ import annotations

from typing import Any, Iterable

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from generator.core.dates import DateError, parse_vn_date
from generator.core.text import nfc
from generator.schema.team import FoundingDecision, Group, Rating, Team, TeamMember

_MISSING = object()  # a key the record lacks, or a field without a default


def _same(old: Any, new: Any, key: str) -> bool:
    """Equal in meaning: the same date however written, text up to Unicode form and outer
    spaces, a number and its digits."""
    if old == new:
        return True
    if key == "date" or key.endswith("_date") or key.endswith("_on"):
        try:
            return parse_vn_date(old) == parse_vn_date(new)
        except (DateError, TypeError):
            return False
    if isinstance(old, str) and isinstance(new, str):
        return nfc(old).strip() == nfc(new).strip()
    if isinstance(old, (int, str)) and isinstance(new, (int, str)) and not isinstance(old, bool) and not isinstance(new, bool):
        return str(old).strip() == str(new).strip()
    return False


def _merge_record(old: dict | None, new: dict, carried: Iterable[str], model: type[BaseModel]) -> dict:
    """The existing record with the carried fields taken from the workbook; every other key
    of the existing record is kept. Values equal in meaning keep their existing spelling; a
    field the existing record leaves at its default stays unwritten."""
    out = dict(old or {})
    for key in carried:
        info = model.model_fields.get(key)
        default = info.default if info is not None and info.default is not PydanticUndefined else _MISSING
        value = new.get(key, _MISSING)
        empty = value is _MISSING or value is None or (isinstance(value, list) and not value)
        if key in out:
            if empty:
                if out[key] not in (None, [], ""):
                    out.pop(key)  # cleared in the workbook
            elif not _same(out[key], value, key):
                out[key] = value
        elif not empty:
            if old is not None and default is not _MISSING and type(value) is type(default) and value == default:
                continue  # still the default, as the existing file says by leaving it out
            out[key] = value
    return out


def _merge_list(old_items: Any, new_items: list[dict], key: str, carried: Iterable[str], model: type[BaseModel],
                special=None) -> list:
    """The workbook's items in its order, each merged with the existing item of the same `key`
    (id, group name, year); `special(previous, item, merged)` adjusts a merged item."""
    olds: dict[Any, dict] = {}
    if isinstance(old_items, list):
        for item in old_items:
            if isinstance(item, dict) and key in item:
                olds.setdefault(_key_of(item[key]), item)
    out = []
    for item in new_items:
        previous = olds.get(_key_of(item.get(key)))
        merged = _merge_record(previous, item, carried, model)
        if special:
            special(previous, item, merged)
        out.append(merged)
    return out


def _key_of(value: Any) -> Any:
    if isinstance(value, str):
        text = nfc(value).strip()
        return int(text) if text.isdigit() else text
    return value


def merge_team(old: dict, new: dict, carried: dict[str, Any]) -> dict:
    """The existing file's data `old` with what the workbook carries taken from `new`
    (`carried`: key -> True, or the set of sub-keys carried for each item)."""
    top = [k for k, v in carried.items() if v is True]
    out = _merge_record(old, new, top, Team)
    if "founding_decision" in carried:
        previous = old.get("founding_decision") if isinstance(old.get("founding_decision"), dict) else None
        out["founding_decision"] = _merge_record(previous, new.get("founding_decision", {}),
                                                 carried["founding_decision"], FoundingDecision)
    out["members"] = _merge_list(old.get("members"), new["members"], "id", carried["members"], TeamMember)
    if "groups" in carried:
        old_member_ids = {m.get("id") for m in old.get("members") or [] if isinstance(m, dict)}

        def keep_order(previous, item, merged):
            if previous is None or "members" not in item or not isinstance(previous.get("members"), list):
                return
            # People in a group who are not members of the Tổ cannot be written in the
            # workbook (membership is a column of ThanhVien), so they were never read: keep them.
            unread = [p for p in previous["members"] if p not in old_member_ids and p not in item["members"]]
            wanted = list(item["members"]) + unread
            if sorted(map(str, previous["members"])) == sorted(map(str, wanted)):
                merged["members"] = previous["members"]
            else:
                merged["members"] = wanted

        _set_list(out, "groups", _merge_list(old.get("groups"), new["groups"], "name", carried["groups"], Group, keep_order))
    if "ratings" in carried:
        _set_list(out, "ratings", _merge_list(old.get("ratings"), new["ratings"], "year", carried["ratings"], Rating))
    return out


def _set_list(out: dict, key: str, items: list) -> None:
    if items:
        out[key] = items
    elif out.get(key) not in (None, []):
        out.pop(key)  # every row of this kind was deleted in the workbook


def fresh_team(new: dict) -> dict:
    """A team written for the first time: empty optional values left out."""
    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if v is not None and (v != [] or k == "members")}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    out = clean(new)
    out["members"] = [dict(m, consent_to_publish=m.get("consent_to_publish", False)) for m in out.get("members", [])]
    out.setdefault("zalo_group", False)
    return out
