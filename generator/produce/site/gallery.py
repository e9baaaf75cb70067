"""The "Dân vận khéo" gallery: takes the models, gives a gallery page that can be filtered by
field, place and year (cards carry data attributes; theme/assets/filter.js filters them,
and without JavaScript every card shows) and one page per model with its figures."""

from __future__ import annotations


from generator.schema.roles import LABELS, ModelField
from generator.core.text import collation_key, quantity_parts
from generator.produce.site.context import Page, SiteContext, number_vi
from generator.produce.html import esc, render_markdown
from generator.produce.site.links import model_page, rel, unit_page
from generator.core.safepaths import PathRefused, check_photo_file, published_name
from generator.model.privacy import photo_publishable

GALLERY = "mo-hinh/index.md"


def _place_key(ctx: SiteContext, model) -> tuple[str, str]:
    """(value, label) of the district (or commune, in the two-level scheme) a model sits in."""
    for unit in model.units:
        chain = ctx.ancestors(unit) + [unit]
        for uid in chain:
            if ctx.level(uid) in ("huyen",):
                return uid, ctx.unit_name(uid)
        for uid in chain:
            if ctx.level(uid) == "xa":
                return uid, ctx.unit_name(uid)
    return "ngoai-tinh", "Ngoài tỉnh"


def _years(model) -> list[int]:
    end = model.period.end or model.period.start
    return list(range(model.period.start, end + 1))


def produce(ctx: SiteContext) -> tuple[list[Page], list[tuple[str, str]]]:
    """Pages, and the photo files to copy: (source path under data/, site path)."""
    models = sorted((at.obj for at in ctx.ds.models.values()), key=lambda m: collation_key(m.name))
    photos: list[tuple[str, str]] = []
    pages = [_gallery(ctx, models)]
    for model in models:
        page, files = _model(ctx, model)
        pages.append(page)
        photos.extend(files)
    return pages, photos


def _option_list(values: list[tuple[str, str]]) -> str:
    return "".join(f'<option value="{esc(v)}">{esc(label)}</option>' for v, label in values)


def _gallery(ctx: SiteContext, models: list) -> Page:
    path = GALLERY
    places = sorted({_place_key(ctx, m) for m in models}, key=lambda p: collation_key(p[1]))
    years = sorted({y for m in models for y in _years(m)})
    fields = [(f.value, LABELS[f.value]) for f in ModelField]
    cards = []
    for m in models:
        place, place_label = _place_key(ctx, m)
        figure = ""
        if m.results:
            r = m.results[0]
            lead, rest = _figure(r)
            figure = f'<p class="dv-figure">{esc(lead)}{_space(rest)}<span>{esc(rest.lstrip())}</span></p>'
        cards.append(
            f'<li class="dv-card" data-field="{esc(m.field.value)}" data-place="{esc(place)}" data-years="{" ".join(str(y) for y in _years(m))}">'
            f'<h2>{ctx.a(path, model_page(m.id), m.name)}</h2>'
            f'<p class="dv-muted">{esc(LABELS[m.field.value])} · {esc(place_label if place != "ngoai-tinh" else (m.place or place_label))} · {_period(m)}</p>'
            f"{figure}<p>{esc(m.summary)}</p></li>"
        )
    controls = (
        '<form class="dv-filter" id="dv-model-filter" aria-label="Lọc mô hình">'
        f'<label>Lĩnh vực <select name="field"><option value="">Tất cả</option>{_option_list(fields)}</select></label>'
        f'<label>Địa bàn <select name="place"><option value="">Tất cả</option>{_option_list(places)}</select></label>'
        f'<label>Năm <select name="year"><option value="">Tất cả</option>{_option_list([(str(y), str(y)) for y in years])}</select></label>'
        f'<p class="dv-filter-status" aria-live="polite">{number_vi(len(models))} mô hình</p></form>'
    )
    body = (f"<p>{number_vi(len(models))} mô hình “Dân vận khéo”: mô hình có thật trong văn bản nguồn và mô hình mẫu của tỉnh.</p>"
            + controls + f'<ul class="dv-cards" id="dv-models">{"".join(cards)}</ul>')
    return Page(path, "Mô hình “Dân vận khéo”", body, section="Mô hình")


def _figure(result) -> tuple[str, str]:
    """("Trên 24 camera", " lắp ở đầu ngõ"): the unit printed once (see `quantity_parts`)."""
    lead, rest = quantity_parts(number_vi(result.value), result.unit, result.what)
    return ("Trên " if result.approximate else "") + lead, rest


def _space(rest: str) -> str:
    return " " if rest.startswith(" ") else ""


def _period(model) -> str:
    if model.period.end and model.period.end != model.period.start:
        return f"{model.period.start}–{model.period.end}"
    return f"từ {model.period.start}" if not model.period.end else str(model.period.start)


def _model(ctx: SiteContext, m) -> tuple[Page, list[tuple[str, str]]]:
    path = model_page(m.id)
    facts = [
        ("Lĩnh vực", esc(LABELS[m.field.value])),
        ("Đơn vị thực hiện", esc(m.implementer)),
        ("Địa bàn", ", ".join(ctx.unit_link(path, u) for u in m.units) or esc(m.place or "–")),
        ("Thời gian", _period(m)),
    ]
    if m.team and m.team in ctx.ds.teams:
        village = ctx.ds.teams[m.team].obj.village
        commune = ctx.commune_of(village)
        if commune:
            facts.append(("Tổ Dân vận", ctx.a(path, unit_page(commune), f"Tổ Dân vận {ctx.unit_name(village)}", anchor=village)))
    if m.replicated_in:
        facts.append(("Nhân rộng tại", ", ".join(ctx.unit_link(path, u) for u in m.replicated_in)))
    fact_rows = "".join(f"<tr><th scope=\"row\">{k}</th><td>{v}</td></tr>" for k, v in facts)
    results = "".join(f'<li class="dv-figure"><strong>{esc(lead)}</strong>{esc(rest)}</li>'
                      for lead, rest in map(_figure, m.results))
    recognition = "".join(
        f"<li>{esc(r.title)} – {esc(r.by)}" + (f", {r.date:%d/%m/%Y}" if r.date else (f", năm {r.year}" if r.year else "")) + "</li>"
        for r in m.recognition)
    files: list[tuple[str, str]] = []
    figures = []
    for photo in m.photos:
        if not photo_publishable(photo):
            continue  # captions and vetting come first (HD 02-HD/BDVTU, IV.1)
        try:
            found = check_photo_file(ctx.ds.root / "data", photo.file)
        except (OSError, PathRefused):
            continue  # missing, or refused by `handbook check` (which stops the build)
        target = published_name(found)
        files.append((found.data_path, target))
        figures.append(f'<figure class="dv-photo"><img src="{esc(rel(path, target))}" alt="{esc(photo.caption)}" loading="lazy" width="640" height="400">'
                       f"<figcaption>{esc(photo.caption)}</figcaption></figure>")
    sources = "; ".join(ctx.cite(path, c) for c in m.sources)
    badge = '<p class="dv-badge">Mô hình có thật, theo văn bản nguồn</p>' if m.real else (
        '<p class="dv-badge dv-badge-sample">Dữ liệu mẫu</p>' if m.sample else "")
    body = (badge + f'<p class="dv-lead">{esc(m.summary)}</p>'
            + f'<table class="dv-facts">{fact_rows}</table>'
            + (f"<h2>Kết quả</h2><ul>{results}</ul>" if results else "")
            + (f"<h2>Câu chuyện</h2>{ctx.linker.link(render_markdown(m.story, top=3), path)}" if m.story else "")
            + "".join(figures)
            + (f"<h2>Khen thưởng, công nhận</h2><ul>{recognition}</ul>" if recognition else "")
            + (f'<p class="dv-source"><strong>Nguồn:</strong> {sources}</p>' if sources else "")
            + f'<p>{ctx.a(path, GALLERY, "← Tất cả mô hình")}</p>')
    return Page(path, m.name, body, section="Mô hình", search_boost=1.3, description=m.summary), files
