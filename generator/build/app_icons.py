"""The installed app's icons: takes a size in pixels and a colour; gives PNG bytes drawn with
Pillow (an open book under a star, white and gold on the site's red), full-bleed so the same
file serves as a "maskable" icon: everything drawn lies inside the central circle of 40% radius
that every launcher mask keeps. Drawn at four times the size and scaled down for smooth edges;
the same Pillow gives the same bytes, so two builds stay byte-identical."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw

SIZES = (192, 512)
_SCALE = 4
_WHITE = (255, 255, 255, 255)
_GOLD = (255, 214, 0, 255)


def _rgb(colour: str) -> tuple[int, int, int, int]:
    value = colour.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16), 255)


def _star(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    inner = outer * 0.382
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def icon_png(size: int, background: str) -> bytes:
    """A square PNG icon of `size` pixels on `background` (#rrggbb)."""
    big = size * _SCALE
    image = Image.new("RGBA", (big, big), _rgb(background))
    draw = ImageDraw.Draw(image)
    u = big / 100  # drawing units: the canvas is 100 × 100, the safe circle has radius 40 around (50, 50)
    # The open book: two pages meeting at the spine, their outer edges a little higher.
    left = [(20 * u, 46 * u), (48.5 * u, 52 * u), (48.5 * u, 78 * u), (20 * u, 72 * u)]
    right = [(51.5 * u, 52 * u), (80 * u, 46 * u), (80 * u, 72 * u), (51.5 * u, 78 * u)]
    draw.polygon(left, fill=_WHITE)
    draw.polygon(right, fill=_WHITE)
    # Lines of text on each page, in the background colour.
    for i in range(3):
        y = 56 + i * 6
        draw.line([(25 * u, (y - 1.2) * u), (44 * u, (y + 2.8) * u)], fill=_rgb(background), width=max(1, round(1.6 * u)))
        draw.line([(56 * u, (y + 2.8) * u), (75 * u, (y - 1.2) * u)], fill=_rgb(background), width=max(1, round(1.6 * u)))
    draw.polygon(_star(50 * u, 29 * u, 14 * u), fill=_GOLD)
    small = image.resize((size, size), Image.Resampling.LANCZOS).convert("RGB")
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()
