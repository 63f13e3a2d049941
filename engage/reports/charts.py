"""Accessible SVG charts drawn on the server: no script, no style attributes (the CSP forbids
inline style), only presentation attributes and classes. Each chart names itself with
<title> and <desc>; the page puts its data table right next to it.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

BAR_HEIGHT, GAP, LABEL_WIDTH, PLOT_WIDTH, VALUE_WIDTH = 22, 8, 260, 320, 90
POSITIVE, NEGATIVE, NEUTRAL = "#00703c", "#d4351c", "#505a5f"


@dataclass(frozen=True)
class Bar:
    """One bar: its label and value (None: hidden or too few to show)."""

    label: str
    value: float | None


def _shorten(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(chart_id: str, title: str, description: str, bars: list[Bar], low: float = 0.0,
              high: float = 100.0, unit: str = "", missing: str = "too few to show") -> str:
    """Return a horizontal bar chart (diverging at zero when low < 0) as SVG markup."""
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    span = (high - low) or 1.0
    zero = LABEL_WIDTH + PLOT_WIDTH * (0 - low) / span
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="engage-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        f'<line x1="{zero:.1f}" y1="0" x2="{zero:.1f}" y2="{height}" stroke="#0b0c0c" stroke-width="1"/>',
    ]
    for n, bar in enumerate(bars):
        parts.append(_bar(n, bar, zero, low, span, unit, missing))
    parts.append("</svg>")
    return "".join(parts)


def _bar(n: int, bar: Bar, zero: float, low: float, span: float, unit: str, missing: str) -> str:
    y = GAP + n * (BAR_HEIGHT + GAP)
    text_y = y + BAR_HEIGHT * 0.7
    label = (f'<text x="{LABEL_WIDTH - 6}" y="{text_y:.1f}" text-anchor="end" font-size="13" '
             f'fill="#0b0c0c">{escape(_shorten(bar.label))}</text>')
    if bar.value is None:
        return label + (f'<text x="{zero + 4:.1f}" y="{text_y:.1f}" font-size="13" '
                        f'fill="{NEUTRAL}">{escape(missing)}</text>')
    end = LABEL_WIDTH + PLOT_WIDTH * (bar.value - low) / span
    x, w = min(zero, end), abs(end - zero)
    colour = POSITIVE if bar.value >= 0 else NEGATIVE
    value = f"{bar.value:g}{unit}"
    return label + (f'<rect x="{x:.1f}" y="{y}" width="{max(w, 1):.1f}" height="{BAR_HEIGHT}" '
                    f'fill="{colour}"/><text x="{LABEL_WIDTH + PLOT_WIDTH + 6}" y="{text_y:.1f}" '
                    f'font-size="13" fill="#0b0c0c">{escape(value)}</text>')


def bar_png(title: str, bars: list[Bar]) -> bytes:
    """Return the same net agreement chart as a PNG, for documents that cannot hold SVG."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    shown = [b for b in bars if b.value is not None] or [Bar("No question had enough answers", 0)]
    figure, axes = pyplot.subplots(figsize=(6.5, 0.4 * len(shown) + 1))
    axes.barh([b.label for b in shown], [b.value for b in shown],
              color=[POSITIVE if b.value >= 0 else NEGATIVE for b in shown])
    axes.set_xlim(-100, 100)
    axes.axvline(0, color="#0b0c0c", linewidth=1)
    axes.invert_yaxis()
    axes.set_title(title, fontsize=10)
    axes.set_xlabel("Net agreement (%)")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    pyplot.close(figure)
    return buffer.getvalue()
