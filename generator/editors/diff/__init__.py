"""Change summaries for reviewers (`handbook diff REV [NEW_REV]`): takes a project root inside a
git repository and a revision, gives Markdown in Vietnamese (ready to post as a pull-request
comment) that says in human terms what the data and content changed since that revision, and
which findings the change introduces or resolves.

Both sides are loaded and checked with `check_project`: the revision from a `git archive` of
its data/ and content/ in a temporary folder, the other side from the working tree (or from a
second revision). Records are compared by id, people by their person id; people are named
only where `consent_to_publish` is true, otherwise by their role.

The modules, in the order the work is done:
- `git`: running git, the project's place in its repository, a revision's tree in a folder;
- `sides`: a folder checked, with the hashes of its photos and other files (cached);
- `deltas`: which records were added, removed or changed, and which fields;
- `sentences`: the sentences, driven by the table of kinds `KINDS`, with `record_changes`
  (inside teams, blocs, assignments), `people` (naming with consent), `other_files`
  (configuration, publications, glossary, photos) and `words` (labels, places, lists);
- `findings`: the findings introduced and resolved; `render`: the Markdown.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from generator.core.errors import DiffError
from generator.core.findings import Report
from generator.editors.diff.findings import finding_changes
from generator.editors.diff.git import checkout, git_location
from generator.editors.diff.render import render
from generator.editors.diff.sentences import compare
from generator.editors.diff.sides import load_side
from generator.editors.diff.words import bloc_label, team_label


def diff_summary(root: Path, rev: str, new_rev: str | None = None) -> str:
    """Markdown summary of what changed from revision `rev` to the working tree of `root`
    (or to revision `new_rev` when given)."""
    return _summarize(Path(root), rev, new_rev)[0]


def main_diff(root: Path, rev: str, new_rev: str | None = None) -> int:
    """Print the summary. Exit code: 0, or 1 when the newer side has errors, 2 when the
    comparison cannot be made (the message goes to stderr)."""
    try:
        text, report = _summarize(Path(root), rev, new_rev)
    except DiffError as exc:
        print(f"Không so sánh được: {exc}", file=sys.stderr)
        return exc.exit_code
    sys.stdout.write(text)
    sys.stdout.flush()
    return 1 if report.errors else 0


def _summarize(root: Path, rev: str, new_rev: str | None) -> tuple[str, Report]:
    root = root.resolve()
    top, prefix = git_location(root)
    with tempfile.TemporaryDirectory(prefix="handbook-diff-") as tmp:
        old = load_side(checkout(top, prefix, rev, Path(tmp) / "old"))
        if new_rev is None:
            new = load_side(root)
        else:
            new = load_side(checkout(top, prefix, new_rev, Path(tmp) / "new"))
        sentences = compare(old, new)
    return render(sentences, old.report, new.report), new.report


__all__ = ["DiffError", "diff_summary", "main_diff", "compare", "render", "finding_changes", "team_label", "bloc_label"]
