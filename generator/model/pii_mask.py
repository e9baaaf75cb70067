"""The public view of a dataset: takes a checked `Dataset`, masks in place every span of
free text the personal-data screen finds (a phone number, an ID number, an e-mail address,
the name of a person who does not consent, a named person's religion or ethnicity) with
“[đã ẩn]”, and gives the screen it used.

Run once by the public build, after the check and before any page, download or PDF is made,
so no producer can forget it: pages, the search index, the JSON API, CSV, calendars, the
roster, reports, PDFs, Moodle exports and the offline copy are all made from masked text.
Masked rather than withheld: the rest of a story or a meeting note stays useful, and the
marker tells a reader something was removed on purpose. The internal build is not masked.
"""

from __future__ import annotations

from generator.model.dataset import Dataset
from generator.schema.freetext import replace_text
from generator.model.pii import Screen, mask
from generator.model.pii_screen import hits_in, screen_for, screened_texts

_FINGERPRINT = "_pii_mask_fingerprint"


def mask_dataset(ds: Dataset, screen: Screen | None = None) -> Screen:
    """Mask the dataset's free text in place; gives the screen used (the final scan of the
    public site looks for the same things)."""
    texts = screened_texts(ds)
    screen = screen or screen_for(ds, texts)
    for at, sub, text, hits in list(hits_in(texts, screen)):
        replace_text(at.obj, sub, mask(text, hits))
    ds.__dict__[_FINGERPRINT] = screen.fingerprint()
    return screen


def mask_fingerprint(ds: Dataset) -> str:
    """What the masking depended on beyond each record's own file (whose names are private
    lives in other files): part of the key of any cache of outputs made from masked text.
    Empty for a dataset that was not masked."""
    return ds.__dict__.get(_FINGERPRINT, "")
