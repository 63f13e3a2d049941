"""The needs-assessment report as PDF: an HTML template with inline SVG charts, by WeasyPrint."""
from __future__ import annotations

from flask import render_template
from markupsafe import Markup

from engage.reports.charts import bar_chart


def render(model: dict) -> bytes:
    """Return the report as PDF bytes (needs an app context for the template)."""
    return document(model).write_pdf()


def document(model: dict):
    """Return the laid-out WeasyPrint document (its bookmarks are the report's headings)."""
    from weasyprint import HTML

    charts = {s["id"]: Markup(bar_chart(f"report-{s['id']}", f"Net agreement: {s['short']}",
                                        "Agree minus disagree, per question and audience.",
                                        s["bars"], -100, 100)) for s in model["sections"] if s["rows"]}
    html = render_template("reports/needs_assessment.html", model=model, charts=charts)
    return HTML(string=html).render()
