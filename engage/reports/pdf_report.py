"""The needs-assessment report as tagged PDF (PDF/UA-1): an HTML template rendered by WeasyPrint.

Charts go in as SVG images with alternative text (an inline SVG has none in the PDF's tags), and
every chart is followed by its table.
"""
from __future__ import annotations

import base64

from flask import render_template

from engage.reports.charts import Bar, bar_chart


def alt_text(title: str, bars: list[Bar], unit: str = "%") -> str:
    """Say what a bar chart shows, bar by bar, for readers who cannot see it."""
    said = "; ".join(f"{b.label}: {'too few to show' if b.value is None else f'{b.value:g}{unit}'}" for b in bars)
    return f"{title}. {said}."


def chart_image(chart_id: str, title: str, bars: list[Bar]) -> dict:
    """Return a chart as an SVG data URL with its alternative text."""
    svg = bar_chart(chart_id, title, "The same figures are in the table after the chart.", bars, 0, 100, "%")
    return {"src": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
            "alt": alt_text(title, bars)}


def render(model: dict) -> bytes:
    """Return the report as tagged PDF bytes (needs an app context for the template)."""
    return document(model).write_pdf(pdf_variant="pdf/ua-1")


def document(model: dict):
    """Return the laid-out WeasyPrint document (its bookmarks are the report's headings)."""
    from weasyprint import HTML

    charts = {s["id"]: chart_image(f"report-{s['id']}", f"Share who agreed: {s['short']}", s["bars"])
              for s in model["sections"] if s["bars"]}
    html = render_template("reports/needs_assessment.html", model=model, charts=charts)
    return HTML(string=html).render()
