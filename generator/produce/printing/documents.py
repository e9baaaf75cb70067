"""Print documents: takes the dataset and the publications declared in data, gives one
`PrintJob` (HTML, CSS, metadata, output name) per PDF. Pure Python and Jinja2; knows
nothing of the renderer."""

from __future__ import annotations

import re
from html import escape
from dataclasses import dataclass, replace
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.model.dataset import Dataset
from generator.schema.roles import LABELS
from generator.produce.html import local_decisions_html, render_markdown
from generator.produce.printing.front import foreword, imprint
from generator.produce.printing.headings import finish_headings
from generator.produce.printing.wordglue import project_glue
from generator.core.text import collation_key, fold, number_vi, quantity_parts
from generator.model import sessions

TEMPLATES = Path(__file__).parent / "templates"
KIND_HEADINGS = {
    "module_handout": "Tài liệu học viên", "trainer_guide": "Hướng dẫn giảng viên", "quiz_sheet": "Đề kiểm tra",
    "answer_key": "Đáp án đề kiểm tra", "sign_in_sheet": "Danh sách học viên dự lớp",
}
_ACTIVITY = sessions.ACTIVITY_KINDS


@dataclass(frozen=True)
class PrintJob:
    name: str  # output file name without .pdf
    title: str
    html: str
    css: str
    publication: str
    kind: str


def template_environment() -> Environment:
    """The one Jinja2 environment of the print stage: autoescaped, strict about undefined
    names (a misspelt variable is an error, not an empty string)."""
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["j2", "html"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def base_css() -> str:
    return (TEMPLATES / "print.css").read_text(encoding="utf-8")


def paper_css(paper: str, booklet: bool, landscape: bool = False) -> str:
    if landscape:
        return "@page { size: A4 landscape; margin: 18mm 22mm; @top-center { content: none; } @bottom-center { content: none; } }"
    if paper == "A5":
        # page number at the top, 13.5 pt, as on A4 (print.css: Hướng dẫn 36-HD/VPTW); running head at the foot
        rules = ["@page { size: A5; margin: 14mm 12mm 16mm 16mm; @top-center { content: counter(page); font: 13.5pt \"Tinos\", serif; }"
                 " @bottom-center { content: string(chapter); font: italic 8.5pt \"Tinos\", serif; } }",
                 "html { font-size: 11pt; } h1 { font-size: 14pt; margin-bottom: 6mm; } .cover .middle { margin-top: 38mm; }"
                 " .cover .place { margin-top: 50mm; } .cover .circulation { margin-top: 36mm; font-size: 10.5pt; } .inside-cover { padding-top: 95mm; } .cover .title { font-size: 18pt; }"
                 " table { font-size: 10pt; } .footnote { font-size: 8.5pt; }"]
        if booklet:
            rules.append("@page :left { margin: 14mm 16mm 16mm 12mm; } @page :right { margin: 14mm 12mm 16mm 16mm; }")
        return "\n".join(rules)
    if booklet:
        return "@page :left { margin: 20mm 30mm 20mm 15mm; } @page :right { margin: 20mm 15mm 20mm 30mm; }"
    return ""


def _meta(pub, title: str, subject: str, keywords: str, ds: Dataset) -> dict:
    return {"title": title, "author": pub.issuer, "subject": subject, "keywords": keywords,
            "date": ds.config.reference_date.isoformat()}


def _citation_text(ds: Dataset, citation) -> str:
    doc = ds.documents.get(citation.doc)
    if doc is None:
        return citation.doc
    name = doc.obj.short_name or (f"{doc.obj.number}" if doc.obj.number else doc.obj.title)
    if citation.section:
        section = next((s for s in doc.obj.sections if s.id == citation.section), None)
        return f"{name}, {section.title if section else citation.section}"
    return name


def jobs_for(ds: Dataset, publication_id: str | None = None) -> list[PrintJob]:
    env = template_environment()
    jobs: list[PrintJob] = []
    for pid, at in sorted(ds.publications.items()):
        if publication_id and pid != publication_id:
            continue
        pub = at.obj
        if pub.kind == "handbook":
            jobs.append(_handbook(env, ds, pub))
        else:
            modules = pub.modules or sorted(ds.modules, key=lambda m: (ds.modules[m].obj.order, m))
            for mid in modules:
                if mid in ds.modules:
                    jobs.append(_module_job(env, ds, pub, ds.modules[mid].obj))
    glue = project_glue(ds)  # headings never break inside a word
    return [replace(job, html=finish_headings(job.html, glue)) for job in jobs]


def _selected_items(ds: Dataset, pub) -> list:
    items = []
    for at in ds.qa.values():
        q = at.obj
        if pub.topics and q.topic not in pub.topics:
            continue
        if pub.audiences and not {a.value for a in q.audiences} & {a.value for a in pub.audiences}:
            continue
        items.append(q)
    return items


def _handbook(env: Environment, ds: Dataset, pub) -> PrintJob:
    items = _selected_items(ds, pub)
    topics = sorted((at.obj for at in ds.topics.values()), key=lambda t: (t.order, t.id))
    chapters, number = [], 0
    for topic in topics:
        chosen = sorted((q for q in items if q.topic == topic.id), key=lambda q: (q.order, q.id))
        if not chosen:
            continue
        rows = []
        for q in chosen:
            number += 1
            sources = "Căn cứ: " + "; ".join(_citation_text(ds, c) for c in q.sources) + "."
            rows.append({"anchor": f"cau-{q.id}", "number": number, "question": q.question,
                         "answer_html": _with_footnote(render_markdown(q.answer, shift_headings=1), sources)
                                        + local_decisions_html(ds, q.id)})
        chapters.append({"anchor": f"chuong-{topic.id}", "title": topic.title, "description": topic.description, "questions": rows})
    glossary = sorted((at.obj for at in ds.terms), key=lambda t: collation_key(t.term)) if pub.glossary else []
    index = _term_index(ds, chapters, items) if pub.index else []
    html = env.get_template("handbook.html.j2").render(
        pub=pub, title=pub.title, subtitle=pub.subtitle, chapters=chapters, glossary=glossary, index=index,
        imprint=imprint(ds, pub), foreword=foreword(ds), reference_date=ds.config.reference_date.strftime("%d/%m/%Y"), sample=ds.config.sample,
        meta=_meta(pub, pub.title, pub.subtitle or pub.title, "dân vận, hỏi đáp, sổ tay", ds),
        paper_class=pub.paper.lower(), body_class="booklet" if pub.booklet else "")
    return PrintJob(pub.id, pub.title, html, base_css() + "\n" + paper_css(pub.paper, pub.booklet), pub.id, pub.kind)


def _with_footnote(answer_html: str, note: str) -> str:
    """The citation as a footnote called at the end of the answer's last paragraph."""
    note_html = f'<span class="footnote">{escape(note)}</span>'
    cut = answer_html.rfind("</p>")
    if cut >= 0 and answer_html[cut:].strip() == "</p>":
        return answer_html[:cut] + note_html + answer_html[cut:]
    return answer_html + f"<p>{note_html}</p>"


def _term_index(ds: Dataset, chapters: list, items: list) -> list[dict]:
    """Glossary terms used by the questions (whole words, ignoring diacritics and case), each
    with what tells its pages once the book is laid out (render.index_pages): the folded term
    and abbreviation, found on every body page that holds them, and the whole of each chapter
    whose title names the term ("Dân vận khéo" includes the pages of its chapter)."""
    texts = [fold(q.question + " " + q.answer) for q in items]
    entries = []
    for at in sorted(ds.terms, key=lambda t: collation_key(t.obj.term)):
        term = at.obj.term
        needles = [fold(term)] + ([fold(at.obj.abbreviation)] if at.obj.abbreviation else [])
        needles = [" ".join(n.split()) for n in needles if len(n) >= 2]
        pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in needles) + r")\b")
        whole = [f"{ch['anchor']}..het-{ch['anchor']}" for ch in chapters if pattern.search(fold(ch["title"]))]
        if whole or any(pattern.search(text) for text in texts):
            entries.append({"term": term, "anchors": whole, "terms": "|".join(needles)})
    return entries


def _quiz_rows(ds: Dataset, module) -> list[dict]:
    rows = []
    for q in module.quiz:
        if q.kind == "mcq":
            letters = "ABCDEFGH"
            right = next((i for i, o in enumerate(q.options) if o.correct), 0)
            answer = f"{letters[right]}. {q.options[right].text}"
        elif q.kind == "true_false":
            answer = "Đúng" if q.answer else "Sai"
        else:
            answer = " / ".join(q.answer or [])
        rows.append({"kind": q.kind, "question": q.question, "options": [o.text for o in q.options], "answer": answer,
                     "explanation": q.explanation, "source": _citation_text(ds, q.source)})
    return rows


def _cases(ds: Dataset, module) -> list[dict]:
    cases = []
    for c in module.case_studies:
        model = ds.models.get(c.model)
        if model is None:
            continue
        m = model.obj
        results = [("Trên " if r.approximate else "") + "".join(quantity_parts(number_vi(r.value), r.unit, r.what))
                   for r in m.results]
        cases.append({"name": m.name, "summary": m.summary, "results": results, "prompt_html": render_markdown(c.prompt, 2)})
    return cases


def _module_job(env: Environment, ds: Dataset, pub, module) -> PrintJob:
    name = f"{pub.id}-{module.id}"
    audiences = ", ".join(LABELS[a.value] for a in module.audiences)
    if pub.kind == "certificate":
        html = env.get_template("certificate.html.j2").render(
            pub=pub, module=module, meta=_meta(pub, f"{pub.title} – {module.title}", module.title, "chứng nhận", ds),
            paper_class="a4", body_class="")
        return PrintJob(name, f"{pub.title} – {module.title}", html, base_css() + "\n" + paper_css("A4", False, landscape=True) +
                        "\n.certificate h1 { font-size: 26pt; margin: 6mm 0 8mm; } .certificate p { font-size: 14pt; text-align: center; }",
                        pub.id, pub.kind)
    heading = KIND_HEADINGS[pub.kind]
    title = f"{heading}: {module.title}"
    activities = [{"label": _ACTIVITY[a.kind], "title": a.title, "minutes": a.minutes, "html": render_markdown(a.instructions, 2),
                   "materials": [m.title for m in sessions.activity_materials(module, a)]}
                  for a in module.activities]
    html = env.get_template("module.html.j2").render(
        pub=pub, kind=pub.kind, module=module, heading=heading, title=module.title, subtitle=heading, audiences=audiences,
        handout_html=render_markdown(module.handout, 1), notes_html=render_markdown(module.trainer_notes, 1),
        activities=activities, cases=_cases(ds, module), quiz=_quiz_rows(ds, module),
        timetable=[_timetable_row(step) for step in sessions.timetable(module)], materials=_materials(module, pub.kind),
        sources="; ".join(_citation_text(ds, c) for c in module.sources) + ".",
        total_minutes=sum(s.minutes for s in module.outline), rows=list(range(1, pub.rows + 1)), imprint=imprint(ds, pub),
        reference_date=ds.config.reference_date.strftime("%d/%m/%Y"), sample=ds.config.sample,
        meta=_meta(pub, title, module.title, "tập huấn, dân vận", ds), paper_class=pub.paper.lower(),
        body_class="booklet" if pub.booklet else "")
    return PrintJob(name, title, html, base_css() + "\n" + paper_css(pub.paper, pub.booklet), pub.id, pub.kind)


def _timetable_row(step: sessions.Step) -> dict:
    """A row of the printed timetable; a break reads "Giải lao" and is styled apart."""
    return {"title": sessions.break_title(step) if step.is_break else step.title, "minutes": step.minutes,
            "method": "–" if step.is_break else (step.method or "–"), "is_break": step.is_break,
            "time": f"{step.start}–{step.start + step.minutes}"}


def _materials(module, kind: str) -> list[dict]:
    """The worksheets, role cards and templates this publication prints, each for its own page:
    title, kind, the activities that use it, its body rendered like the handout."""
    used = sessions.used_in(module)
    return [{"anchor": f"tai-lieu-{m.id}", "title": m.title, "kind": sessions.MATERIAL_KINDS[m.kind],
             "trainer_only": m.audience == "giang_vien", "audience": sessions.AUDIENCES[m.audience],
             "used_by": used.get(m.id, []), "html": render_markdown(m.body, 2)}
            for m in sessions.printed_materials(module, kind)]
