"""Front matter of the printed editions: takes the dataset and a publication, gives what the
cover, the inside cover (imprint) and the foreword page print — the board and province from
`data/config.yml`, the administrative scheme the data describe and its reference date, the
circulation line and the foreword (Markdown from configuration, sanitised)."""

from __future__ import annotations

from generator.model.dataset import Dataset
from generator.produce.html import render_markdown
from generator.schema.config import KIND_LABELS


def _province_label(ds: Dataset) -> str:
    """“tỉnh Bắc Giang” or “thành phố Hà Nội”, after the province unit's kind (tỉnh when unknown)."""
    province = ds.config.province
    unit = ds.units.get(province.unit)
    kind = KIND_LABELS.get(unit.obj.kind, "tỉnh") if unit is not None else "tỉnh"
    if kind not in ("tỉnh", "thành phố"):
        kind = "tỉnh"
    return f"{kind} {province.name}"


def _scheme_wording(ds: Dataset) -> str:
    scheme = ds.config.active_scheme
    return scheme.imprint or f"hệ đơn vị hành chính “{scheme.name}”"


def imprint(ds: Dataset, pub) -> dict:
    """The inside cover's lines (plain text; the template escapes them)."""
    config = ds.config
    board = config.province.board
    date = config.reference_date
    lines = []
    if pub.issuer and pub.issuer != board:
        lines += [f"Biên soạn: {board}.", f"Phát hành: {pub.issuer}."]
    else:
        lines.append(f"Biên soạn và phát hành: {board}.")
    lines.append(f"Xuất bản lần thứ {pub.edition}, {pub.place}, năm {pub.year}.")
    lines.append(f"Số liệu về {_province_label(ds)} tính đến ngày {date.day:02d}/{date.month:02d}/{date.year}, "
                 f"theo {_scheme_wording(ds)}.")
    return {"lines": lines, "circulation": config.front_matter.circulation.strip()}


def foreword(ds: Dataset) -> dict | None:
    """The foreword page: sanitised HTML and the board that signs it; None when configured empty."""
    text = ds.config.front_matter.foreword
    if not text or not text.strip():
        return None
    return {"html": render_markdown(text, shift_headings=1), "signer": ds.config.province.board}
