"""The session parts of a module page: takes the site context and a module, gives HTML for the
timetable (breaks as "Giải lao" rows), the "Tài liệu dùng" line of an activity and the
materials (worksheets, role cards, templates), each under its own heading with its kind and the
activities that use it. Every string from data is escaped; Markdown bodies go through the same
renderer and sanitiser as the handout."""

from __future__ import annotations

from generator.model import sessions
from generator.produce.html import esc, render_markdown
from generator.produce.site.context import SiteContext


def anchor(material_id: str) -> str:
    return f"tai-lieu-{material_id}"


def timetable_html(module) -> str:
    rows = []
    for step in sessions.timetable(module):
        time = f"{step.start}–{step.start + step.minutes}"
        if step.is_break:
            rows.append(f'<tr class="dv-break"><td>{time}</td><td><strong>{esc(sessions.break_title(step))}</strong></td>'
                        f"<td>{step.minutes} phút</td><td>–</td></tr>")
        else:
            rows.append(f"<tr><td>{time}</td><td>{esc(step.title)}</td><td>{step.minutes} phút</td><td>{esc(step.method or '–')}</td></tr>")
    total = sum(s.minutes for s in module.outline)
    rows.append(f"<tr><td></td><td><strong>Tổng</strong></td><td><strong>{total} phút</strong></td><td></td></tr>")
    return ('<div class="dv-table-wrap"><table class="dv-table dv-timetable"><thead><tr><th>Phút</th><th>Nội dung</th>'
            f'<th>Thời lượng</th><th>Cách tổ chức</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def uses_html(module, activity) -> str:
    used = sessions.activity_materials(module, activity)
    if not used:
        return ""
    links = "; ".join(f'<a href="#{esc(anchor(m.id))}">{esc(m.title)}</a>' for m in used)
    return f'<p class="dv-uses"><em>Tài liệu dùng:</em> {links}.</p>'


def materials_html(ctx: SiteContext, module, path: str, audience: str) -> str:
    """The module's materials for one audience ("hoc_vien" or "giang_vien"), headings at h3."""
    used = sessions.used_in(module)
    parts = []
    for m in module.materials:
        if m.audience != audience:
            continue
        meta = f'<strong>{esc(sessions.MATERIAL_KINDS[m.kind])}</strong> · {esc(sessions.AUDIENCES[m.audience])}'
        if m.audience == "giang_vien":
            meta += ": không phát trước cho học viên"
        users = used.get(m.id, [])
        if users:
            meta += " · Dùng trong: " + "; ".join(esc(label) for label in users)
        body = ctx.linker.link(render_markdown(m.body, top=4), path)
        parts.append(f'<section class="dv-material" id="{esc(anchor(m.id))}"><h3>{esc(m.title)}</h3>'
                     f'<p class="dv-muted dv-material-meta">{meta}</p>{body}</section>')
    return "".join(parts)
