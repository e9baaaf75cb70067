"""Excel rosters of Tổ Dân vận cộng đồng, as the commands use them: takes a `Dataset` (and,
for the import, a filled XLSX file); gives XLSX bytes (`team_template`, and
`export_teams_workbook` with the teams of the data filled in), or an `ImportResult` —
located findings (sheet, row, column) and the YAML files written under data/teams/ — and
its text for the terminal (`import_report_text`). `inspect_import` runs the checks made
before a workbook is parsed, cheap enough to run before the project is loaded.

The workbook has one sheet per kind of row (teams, members, groups, ratings); every column
maps to one schema field (`columns`). Its drop-downs show Vietnamese labels (roles,
positions, grades, villages by name with their commune) and the import reads labels, codes
and labels typed without diacritics alike (`options`); the header row may sit under title
rows (`header`). The import never overwrites data it did not read:
fields the workbook does not carry (meetings, activities, ethnicity, address, …) are kept
from the existing file, a sheet or column left out of the workbook leaves its fields alone,
and a file with hand-written comments that would be lost is refused. Files are written all
at once or not at all.

Hostile or broken workbooks are refused with located findings: before anything is parsed,
`guard` checks the zip (size, bombs, a non-workbook) and the rows each sheet declares; while
reading, formulas, Excel error values and merged data cells are refused (`cells`), a column
renamed while it carries data is an error (`header`), and rows are counted against the limit; before anything is written, the files go through
`handbook check`'s own stages (`import_check`), so the import never writes a file the check
would reject.

Where the rest lives: `template` writes workbooks; `reading`, `values`, `records`,
`schema_findings`, `merge`, `teamyaml`, `teamfiles` and `importer` are the import's steps,
sharing one `session`; `options` holds the drop-down lists; `report_text` the terminal text.
"""

from __future__ import annotations

from generator.editors.excel.importer import import_teams
from generator.editors.excel.reading import inspect_import
from generator.editors.excel.report_text import import_report_text
from generator.editors.excel.session import ImportResult
from generator.editors.excel.template import export_teams_workbook, team_template

__all__ = ["ImportResult", "export_teams_workbook", "import_report_text", "import_teams", "inspect_import",
           "team_template"]
