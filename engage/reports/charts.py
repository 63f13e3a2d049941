"""Accessible SVG charts drawn on the server (net agreement bars, answer distributions as stacked
bars): no script, no style attributes (the CSP forbids inline style), only presentation
attributes and classes. Each chart names itself with <title> and <desc>; the page puts its
data table right next to it.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass
from html import escape

BAR_HEIGHT, GAP, LABEL_WIDTH, PLOT_WIDTH, VALUE_WIDTH = 22, 8, 260, 320, 90
POSITIVE, NEGATIVE, NEUTRAL = "#00703c", "#d4351c", "#505a5f"
# The page's own font (the theme's system stack): an SVG left alone would fall back to a serif.
FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif"
LINE, LABEL_CHARS = 15, 36  # a label line's height, and how many characters fit in LABEL_WIDTH at 13px


@dataclass(frozen=True)
class Bar:
    """One bar: its label and value (None: hidden or too few to show)."""

    label: str
    value: float | None


def wrap(text: str, width: int = LABEL_CHARS) -> list[str]:
    """Break a label into lines that fit, never cutting a word short or dropping any of it."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def row_height(lines: int) -> int:
    """Return the height a row needs for a label of this many lines (at least one bar)."""
    return max(BAR_HEIGHT, lines * LINE + 6)


def _label(x: float, top: float, height: int, lines: list[str], anchor: str = "end") -> str:
    """Return a label's lines as one <text>, centred on a row of the given height."""
    first = top + height / 2 - (len(lines) - 1) * LINE / 2 + 4.5
    spans = "".join(f'<tspan x="{x:g}" y="{first + i * LINE:.1f}">{escape(line)}</tspan>'
                    for i, line in enumerate(lines))
    return f'<text text-anchor="{anchor}" font-size="13" fill="#0b0c0c">{spans}</text>'


def _open(chart_id: str, title: str, description: str, width: int, height: float) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="engage-chart" role="img" font-family="{FONT}" '
        f'viewBox="0 0 {width} {height:g}" width="100%" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]


def bar_chart(chart_id: str, title: str, description: str, bars: list[Bar], low: float = 0.0,
              high: float = 100.0, unit: str = "", missing: str = "too few to show") -> str:
    """Return a horizontal bar chart (diverging at zero when low < 0) as SVG markup."""
    labels = [wrap(b.label) for b in bars]
    height = sum(row_height(len(lines)) + GAP for lines in labels) + GAP
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    span = (high - low) or 1.0
    zero = LABEL_WIDTH + PLOT_WIDTH * (0 - low) / span
    parts = _open(chart_id, title, description, width, height)
    parts.append(f'<line x1="{zero:.1f}" y1="0" x2="{zero:.1f}" y2="{height}" stroke="#0b0c0c" stroke-width="1"/>')
    top = GAP
    for bar, lines in zip(bars, labels, strict=True):
        parts.append(_bar(top, lines, bar, zero, low, span, unit, missing))
        top += row_height(len(lines)) + GAP
    parts.append("</svg>")
    return "".join(parts)


def _bar(top: float, lines: list[str], bar: Bar, zero: float, low: float, span: float, unit: str,
         missing: str) -> str:
    height = row_height(len(lines))
    y = top + (height - BAR_HEIGHT) / 2
    text_y = y + BAR_HEIGHT * 0.7
    label = _label(LABEL_WIDTH - 6, top, height, lines)
    if bar.value is None:
        return label + (f'<text x="{zero + 4:.1f}" y="{text_y:.1f}" font-size="13" '
                        f'fill="{NEUTRAL}">{escape(missing)}</text>')
    end = LABEL_WIDTH + PLOT_WIDTH * (bar.value - low) / span
    x, w = min(zero, end), abs(end - zero)
    colour = POSITIVE if bar.value >= 0 else NEGATIVE
    value = f"{bar.value:g}{unit}"
    return label + (f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 1):.1f}" height="{BAR_HEIGHT}" '
                    f'fill="{colour}"/><text x="{LABEL_WIDTH + PLOT_WIDTH + 6}" y="{text_y:.1f}" '
                    f'font-size="13" fill="#0b0c0c">{escape(value)}</text>')


def bar_png(title: str, bars: list[Bar], axis: str = "Net agreement (%)",
            limits: tuple[float, float] = (-100, 100)) -> bytes:
    """Return the same bar chart as a PNG, for documents that cannot hold SVG."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    shown = [b for b in bars if b.value is not None] or [Bar("No question had enough answers", 0)]
    labels = ["\n".join(wrap(b.label, 40)) for b in shown]
    lines = sum(label.count("\n") + 1 for label in labels)
    pyplot.rcParams["font.family"] = "sans-serif"
    figure, axes = pyplot.subplots(figsize=(7.5, 0.3 * lines + 0.2 * len(shown) + 1))
    axes.barh(labels, [b.value for b in shown],
              color=[POSITIVE if b.value >= 0 else NEGATIVE for b in shown])
    axes.set_xlim(*limits)
    axes.axvline(0, color="#0b0c0c", linewidth=1)
    axes.invert_yaxis()
    axes.set_title(title, fontsize=10)
    axes.set_xlabel(axis)
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
    legend = [(k, wrap(labels.get(k, "hidden (too few to show)" if k == HIDDEN else k), 48))
              for k in colour if k in keys]
    rows = [wrap(labels.get(b.label, b.label)) for b in bars]
    height = sum(row_height(len(r)) + GAP for r in rows) + GAP + sum(len(w) * LINE + 5 for _, w in legend)
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    parts = _open(chart_id, title, description, width, height)
    top = GAP
    for bar, lines in zip(bars, rows, strict=True):
        parts.append(_stack(top, lines, bar, colour, missing))
        top += row_height(len(lines)) + GAP
    for key, lines in legend:
        parts.append(_legend(top, lines, colour[key]))
        top += len(lines) * LINE + 5
    parts.append("</svg>")
    return "".join(parts)


def _stack(top: float, lines: list[str], bar: Stack, colour: dict[str, str], missing: str) -> str:
    height = row_height(len(lines))
    y = top + (height - BAR_HEIGHT) / 2
    text_y = y + BAR_HEIGHT * 0.7
    out = _label(LABEL_WIDTH - 6, top, height, lines)
    if bar.total is None:
        return out + (f'<text x="{LABEL_WIDTH + 4}" y="{text_y:.1f}" font-size="13" '
                      f'fill="{NEUTRAL}">{escape(missing)}</text>')
    x = float(LABEL_WIDTH)
    for key, count in bar.parts:
        w = PLOT_WIDTH * count / bar.total
        out += (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{BAR_HEIGHT}" fill="{colour[key]}" '
                f'stroke="#0b0c0c" stroke-width="0.5"/>')
        x += w
    return out + (f'<text x="{LABEL_WIDTH + PLOT_WIDTH + 6}" y="{text_y:.1f}" font-size="13" '
                  f'fill="#0b0c0c">{bar.total}</text>')


def _legend(top: float, lines: list[str], fill: str) -> str:
    return (f'<rect x="{LABEL_WIDTH}" y="{top + 2}" width="12" height="12" fill="{fill}" stroke="#0b0c0c" '
            f'stroke-width="0.5"/>' + _label(LABEL_WIDTH + 18, top - 1, LINE, [lines[0]], "start")
            + "".join(_label(LABEL_WIDTH + 18, top - 1 + i * LINE, LINE, [line], "start")
                      for i, line in enumerate(lines[1:], 1)))
