"""The personal-data screen of a dataset: takes a loaded `Dataset`, gives its screened texts
(free text, where people's names count, and proper names by design, where they do not) and
the `Screen` made from its people (whose names are private, which contacts are public). The
check reports what it finds (`generator.checks.pii_check`); the public build masks it
(`generator.model.pii_mask`) and scans its output for it (`generator.build.public_scan`)."""

from __future__ import annotations

from typing import Iterator

from generator.core.phrases import phrase_key
from generator.model.dataset import Dataset, Located
from generator.model.pii import NAME, Hit, Screen
from generator.schema.freetext import walk_texts


def records(ds: Dataset) -> Iterator[Located]:
    """Every record whose text is screened (people are inside their team or bloc)."""
    if ds.config_at is not None:
        yield ds.config_at
    for collection in (ds.units, ds.documents, ds.teams, ds.blocs, ds.models, ds.assignments, ds.topics,
                       ds.modules, ds.qa, ds.publications):
        yield from collection.values()
    yield from ds.terms


def screened(at: Located) -> Iterator[tuple[tuple, str, bool]]:
    """(key path, text, whether people's names count: not in a proper name) for every
    screened text of a record."""
    for sub, text, is_name in walk_texts(at.obj):
        yield sub, text, not is_name


Texts = dict  # {whether people's names count: [(record, key path, text)]}


def screened_texts(ds: Dataset) -> Texts:
    """Every screened text of the dataset, in one walk: free text (people's names count)
    and proper names by design (they do not)."""
    texts: Texts = {True: [], False: []}
    for at in records(ds):
        for sub, text, people in screened(at):
            texts[people].append((at, sub, text))
    return texts


def screen_for(ds: Dataset, texts: Texts | None = None) -> Screen:
    """The screen for this dataset: the names of people who do not consent to publication
    (less those another person of the same name makes public, and those that are also a
    public name by design, such as a ward named after a hero), the names of those who do,
    and the office phones and e-mails recorded as public. Made once per dataset (the check
    and the masking of the public build share it)."""
    made = ds.__dict__.get("_pii_screen")
    if made is None:
        texts = texts if texts is not None else screened_texts(ds)
        made = ds.__dict__["_pii_screen"] = _make_screen(ds, [text for _, _, text in texts[False]])
    return made


def _make_screen(ds: Dataset, names: list[str]) -> Screen:
    private: dict[str, str] = {}
    known: dict[str, str] = {}
    public_phones: list[str] = []
    public_emails: list[str] = []
    for pid in sorted(ds.people):
        person = ds.people[pid].obj
        key = phrase_key(person.full_name)
        if len(key.split()) >= 2:  # a one-word name would match ordinary words
            (known if person.consent_to_publish else private).setdefault(key, pid)
        if person.office_phone:
            public_phones.append(person.office_phone)
        if person.office_email:
            public_emails.append(person.office_email)
    private = {key: pid for key, pid in private.items() if key not in known}
    if private and names:
        for text, hits in zip(names, Screen(private).find_many(names)):
            for hit in hits:
                if hit.kind == NAME:
                    private.pop(phrase_key(text[hit.start:hit.end]), None)
    return Screen(private, known, public_phones, public_emails)


def hits_in(texts: Texts, screen: Screen) -> Iterator[tuple[Located, tuple, str, list[Hit]]]:
    """(record, key path, text, hits) for every screened text with a hit."""
    for people, listed in texts.items():
        for (at, sub, text), hits in zip(listed, screen.find_many([text for _, _, text in listed], people)):
            if hits:
                yield at, sub, text, hits
