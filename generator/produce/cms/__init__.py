"""Web editing for editors who will not touch YAML: takes the dataset root (and a site folder);
gives a Decap CMS configuration derived from the schemas and the admin page that ships the CMS
with the site, so every change an editor saves becomes a pull request that the content
repository's CI checks before anyone merges it.

- `config`: `cms_config()`, config.yml as a dict: one collection per file kind;
- `fields` (with `annotations`): the form of a record, one field per pydantic field, Vietnamese
  labels and hints, selects for enums, relation widgets for references (`RefTo`);
- `bundle`: `cms_bundle()`, the Decap files `npm ci` installed at the version package.json pins;
- `page`: `write_admin()`, which writes `<site>/admin/`: index.html, handbook-cms.js and
  handbook-yaml.js (from `files/`), config.yml and the bundle (with js-yaml).

docs/cms.md says why Decap and not Sveltia CMS, and what the formats of handbook-cms.js keep.

Why Decap CMS (npm `decap-cms`, MIT) and not Sveltia CMS: Sveltia (tried at 0.221.1) cannot
work offline. Its bundle is built to be served from a CDN: its login screen alone, served from
127.0.0.1, requested https://unpkg.com/@sveltia/cms/package.json (an update check), two fonts
from cdn.jsdelivr.net and https://www.githubstatus.com/api/v2/status.json; in a Vietnamese
browser it fetched its UI strings from unpkg.com (hundreds of retries when blocked); and it
imports more modules from unpkg.com at run time (image metadata, SVG optimisation, HEIC and PDF
previews, code highlighting). It also ignores the `locale` option. Keeping it on the machine
would mean patching its bundle. Decap's bundle (decap-cms.js, its lazily loaded chunks and two
.wasm files, all in the npm package) loads nothing from elsewhere, contains the Vietnamese UI
(`locale: vi`), and its login screen requests only the files beside it. Decap also reads and
writes dd/mm/yyyy dates (datetime widget, `date_format`, `time_format: false`), relates to
records in a list inside one file (`units.*.id`), lists records in subfolders (`nested`) and
runs the editorial workflow; tests/test_cms.py checks each of these in Chromium, saving real
records and reading back what would become the pull request.

Limits, and what is done about them:
- Decap keeps nested maps in Immutable.Map, which forgets key order beyond eight keys, so a
  saved team member came out with shuffled keys. handbook-cms.js (a preSave hook) puts every
  map back in the schema's order. Files are read and written through the formats of
  handbook-cms.js (the canonical layout of handbook-yaml.js, comments kept), not Decap's YAML.
- A field whose type is a union of unrelated types (a quiz item's `answer`: true/false or a list
  of accepted answers) has no widget: it is left out of the form, Decap keeps its value when it
  saves, and the parent field's hint says to edit it in the file.
- Decap checks the required fields of an optional object even when the object is absent, so
  inside an optional object every field is optional in the form (the hint says when it is
  required; `handbook check` on the pull request still enforces it).
- A team created in the CMS is saved as data/teams/<mã tổ>.yml, not in a commune folder (Decap
  cannot name a new record's folder from a field); the loader reads both.
- People have no collection of their own, so person references (group leaders and members)
  stay text fields with a hint; references to units, documents and topics (lists in one file)
  and to teams, models, modules and questions (one file each) are relation widgets.
"""

from __future__ import annotations

from generator.produce.cms.bundle import (
    CMS_PACKAGE,
    CMS_SCRIPT,
    NODE_MODULES_ENV,
    PROJECT_ROOT,
    CmsBundleMissing,
    cms_bundle,
    node_modules_dir,
    pinned_version,
)
from generator.produce.cms.config import REPO_PLACEHOLDER, cms_config
from generator.produce.cms.fields import MEDIA_FOLDER, PUBLIC_FOLDER
from generator.produce.cms.page import ADMIN_DIR, HELPER_SCRIPT, PAGE_TITLE, config_yaml, key_order, write_admin

__all__ = [
    "ADMIN_DIR", "CMS_PACKAGE", "CMS_SCRIPT", "HELPER_SCRIPT", "MEDIA_FOLDER", "NODE_MODULES_ENV", "PAGE_TITLE",
    "PROJECT_ROOT", "PUBLIC_FOLDER", "REPO_PLACEHOLDER", "CmsBundleMissing", "cms_bundle", "cms_config",
    "config_yaml", "key_order", "node_modules_dir", "pinned_version", "write_admin",
]
