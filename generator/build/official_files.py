"""Official documents as files: takes `Bundle`s (the periodic reports, the paperwork), a
downloads folder and the work folder; writes each as DOCX (cached under a hash of its content
and the code, `build/cache/docx/`) and, when asked, as PDF (the render cache); gives the
downloads page's entries. The paperwork names people: the build calls `write_paperwork` for
the internal edition only."""

from __future__ import annotations

from pathlib import Path

from generator.core.artifacts import ArtifactCache
from generator.core.fingerprint import code_fingerprint
from generator.produce.docx.document import Bundle
from generator.produce.docx.to_html import print_job
from generator.produce.docx.writer import docx_bytes
from generator.produce.paperwork.bundles import FOLDER, paperwork_bundles
from generator.produce.printing.render import render_all
from generator.produce.printing.wordglue import Glue, project_glue

Listing = list[tuple[str, str, int]]


def write_official(bundles: list[Bundle], folder: Path, rel: str, work: Path, pdf: bool,
                   glue: Glue | None = None) -> Listing:
    """Each bundle into `folder/rel/` as .docx and, with `pdf`, .pdf (headings kept whole by
    `glue`); entries with site paths."""
    target = folder / rel if rel else folder
    target.mkdir(parents=True, exist_ok=True)
    prefix = f"downloads/{rel}/" if rel else "downloads/"
    cache = ArtifactCache(work / "cache" / f"docx-{rel or 'reports'}", salt=code_fingerprint())
    listing: Listing = []
    for b in bundles:
        data = cache.get(b.name, [repr(b)], lambda b=b: docx_bytes(b))  # the dataclasses' repr holds every text
        (target / f"{b.name}.docx").write_bytes(data)
        listing.append((f"{prefix}{b.name}.docx", f"{b.title} (Word)", len(data)))
    cache.prune()  # one cache per folder (the reports, the paperwork): it keeps this build's entries
    if pdf:
        jobs = {b.name: print_job(b, glue) for b in bundles}
        for item in render_all(list(jobs.values()), target, work / "pdf-cache"):
            listing.append((f"{prefix}{item.path.name}", f"{jobs[item.name].title} (PDF)", item.path.stat().st_size))
    return listing


def write_paperwork(dataset, folder: Path, work: Path, pdf: bool) -> Listing:
    """The team's, bloc's and agencies' paperwork (internal edition only) under downloads/giay-to/."""
    return write_official(paperwork_bundles(dataset), folder, FOLDER, work, pdf, project_glue(dataset))
