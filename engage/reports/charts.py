"""Accessible SVG charts drawn on the server (net agreement bars, answer distributions as stacked
bars): no script, no style attributes (the CSP forbids inline style), only presentation
attributes and classes. Each chart names itself with <title> and <desc>; the page puts its
data table right next to it.
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


# Agree (greens) to disagree (reds) for scales; a neutral sequence for other answers.
SCALE_FILLS = {"5": "#005a30", "4": "#85994b", "3": "#b1b4b6", "2": "#f47738", "1": "#942514"}
OTHER_FILLS = ("#1d70b8", "#4c2c92", "#00703c", "#f47738", "#912b88", "#28a197", "#6f72af", "#594d00")
RATHER_NOT_FILL, HIDDEN_FILL = "#dee0e2", "#ffffff"
HIDDEN = "hidden"
STACK_ROW, LEGEND_ROW = 28, 20


@dataclass(frozen=True)
class Stack:
    """One stacked bar: a group's answers as (answer, count) and its total (None: too few)."""

    label: str
    parts: list[tuple[str, int]]
    total: int | None


def stacks(rows: list[dict], columns: list[str]) -> list[Stack]:
    """Turn protected count rows (with a Total) into stacks; hidden cells become one "hidden" part.

    Secondary suppression already hides at least two cells in any line that hides one, and the
    total is shown, so the size of the hidden remainder is public; which cells make it is not.
    """
    out = []
    for row in rows:
        if row["row"] == "Total":
            continue
        total = row.get("Total")
        shown = [(c, row[c]) for c in columns if isinstance(row.get(c), int)]
        if not isinstance(total, int) or total <= 0:
            out.append(Stack(row["row"], [], None))
            continue
        rest = total - sum(n for _, n in shown)
        out.append(Stack(row["row"], shown + ([(HIDDEN, rest)] if rest > 0 else []), total))
    return out


def fills(columns: list[str]) -> dict[str, str]:
    """Return a fill colour for each answer column, and for the hidden remainder."""
    other = iter(OTHER_FILLS * 4)
    found = {c: SCALE_FILLS.get(c) or (RATHER_NOT_FILL if c == "rather_not" else next(other)) for c in columns}
    return {**found, HIDDEN: HIDDEN_FILL}


def stacked_chart(chart_id: str, title: str, description: str, bars: list[Stack],
                  labels: dict[str, str], missing: str = "too few to show") -> str:
    """Return a 100% stacked horizontal bar chart (one bar per group) with a legend, as SVG."""
    keys = list(dict.fromkeys(k for b in bars for k, _ in b.parts))
    colour = fills([k for k in labels if k in keys] + [k for k in keys if k not in labels])
    legend = [k for k in colour if k in keys]
    height = len(bars) * STACK_ROW + GAP + LEGEND_ROW * len(legend)
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="engage-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for n, bar in enumerate(bars):
        parts.append(_stack(n * STACK_ROW + GAP, bar, colour, missing))
    top = len(bars) * STACK_ROW + GAP
    for n, key in enumerate(legend):
        parts.append(_legend(top + n * LEGEND_ROW, labels.get(key, "hidden (too few to show)" if key == HIDDEN
                                                              else key), colour[key]))
    parts.append("</svg>")
    return "".join(parts)


def _stack(y: int, bar: Stack, colour: dict[str, str], missing: str) -> str:
    text_y = y + BAR_HEIGHT * 0.7
    out = (f'<text x="{LABEL_WIDTH - 6}" y="{text_y:.1f}" text-anchor="end" font-size="13" '
           f'fill="#0b0c0c">{escape(_shorten(bar.label))}</text>')
    if bar.total is None:
        return out + (f'<text x="{LABEL_WIDTH + 4}" y="{text_y:.1f}" font-size="13" '
                      f'fill="{NEUTRAL}">{escape(missing)}</text>')
    x = float(LABEL_WIDTH)
    for key, count in bar.parts:
        w = PLOT_WIDTH * count / bar.total
        out += (f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR_HEIGHT}" fill="{colour[key]}" '
                f'stroke="#0b0c0c" stroke-width="0.5"/>')
        x += w
    return out + (f'<text x="{LABEL_WIDTH + PLOT_WIDTH + 6}" y="{text_y:.1f}" font-size="13" '
                  f'fill="#0b0c0c">{bar.total}</text>')


def _legend(y: int, label: str, fill: str) -> str:
    return (f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="12" height="12" fill="{fill}" stroke="#0b0c0c" '
            f'stroke-width="0.5"/><text x="{LABEL_WIDTH + 18}" y="{y + 14}" font-size="13" '
            f'fill="#0b0c0c">{escape(_shorten(label, 60))}</text>')
