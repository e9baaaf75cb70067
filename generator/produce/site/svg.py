"""Inline SVG charts: takes labelled numbers, gives an accessible horizontal bar chart
(no JavaScript, no external library, readable on a phone)."""

from __future__ import annotations

from generator.produce.html import esc


def bar_chart(title: str, bars: list[tuple[str, float, str]], maximum: float | None = None, target: float | None = None) -> str:
    """bars: (label, value, value text). `target` draws a dashed line (e.g. 100%)."""
    width, label_w, row_h = 640, 220, 28
    height = row_h * len(bars) + 30
    top = max([v for _, v, _ in bars] + [target or 0, maximum or 0, 1e-9])
    plot_w = width - label_w - 80
    rows = []
    for i, (label, value, text) in enumerate(bars):
        y = 10 + i * row_h
        w = plot_w * (value / top) if top else 0
        rows.append(
            f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end" class="dv-chart-label">{esc(label)}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 10}" class="dv-chart-bar"><title>{esc(label)}: {esc(text)}</title></rect>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 17}" class="dv-chart-value">{esc(text)}</text>'
        )
    line = ""
    if target:
        x = label_w + plot_w * (target / top)
        line = (f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{height - 20}" class="dv-chart-target"/>'
                f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle" class="dv-chart-label">mục tiêu</text>')
    return (f'<figure class="dv-chart"><svg viewBox="0 0 {width} {height}" role="img" aria-label="{esc(title)}" '
            f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">{"".join(rows)}{line}</svg>'
            f"<figcaption>{esc(title)}</figcaption></figure>")
