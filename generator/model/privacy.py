"""Privacy profiles: what of a person a page may show. Reads each field's declared
visibility (public, consent, internal) from the schema; decides nothing on its own."""

from __future__ import annotations

import functools

from generator.schema.common import Photo
from generator.schema.person import CONSENT, INTERNAL, PUBLIC, Person, visibility_of

PROFILES = ("public", "internal")

_CONTACT_LABELS = {
    "office_phone": "ĐT cơ quan", "office_email": "Thư cơ quan", "phone": "ĐT", "email": "Thư",
    "address": "Địa chỉ", "id_number": "CCCD", "ethnicity": "Dân tộc", "religion": "Tôn giáo",
    "party_member": "Đảng viên", "birth_year": "Năm sinh", "gender": "Giới tính",
}


@functools.lru_cache(maxsize=None)
def _visibility(model: type, field: str) -> str | None:
    """A field's declared visibility; None when the model has no such field."""
    return visibility_of(model, field) if field in model.model_fields else None


def may_show(person: Person, field: str, profile: str) -> bool:
    visibility = _visibility(type(person), field) or PUBLIC
    if visibility == PUBLIC:
        return True
    if visibility == CONSENT:
        return profile == "internal" or person.consent_to_publish
    if visibility == INTERNAL:
        return profile == "internal"
    return False


def display_name(person: Person, profile: str) -> str | None:
    if may_show(person, "given_name", profile):
        return person.full_name
    return None


def contact_details(person: Person, profile: str) -> list[tuple[str, str]]:
    details = []
    for field, label in _CONTACT_LABELS.items():
        if _visibility(type(person), field) is None or not may_show(person, field, profile):
            continue
        value = getattr(person, field)
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            value = "có" if value else "không"
        details.append((label, str(value)))
    return details


MIN_CAPTION = 15  # characters: "what, where, when" does not fit in fewer


def photo_publishable(photo: Photo) -> bool:
    """A photo is published only captioned in full and vetted (HD 02-HD/BDVTU, IV.1); the
    photo rules tell the editor which condition is missing."""
    return photo.publish and photo.approved and bool(photo.caption) and len(photo.caption) >= MIN_CAPTION
