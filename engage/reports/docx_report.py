"""The needs-assessment report as an editable Word document (python-docx)."""
from __future__ import annotations

import io

from docx import Document
from docx.shared import Cm

from engage.reports.charts import bar_png


def render(model: dict) -> bytes:
    """Return the report as DOCX bytes: one section per value, who took part, method."""
    doc = Document()
    doc.add_heading(model["title"], level=0)
    doc.add_paragraph(f"{model['responses']} responses.")
    for section in model["sections"]:
        _value(doc, section)
    _took_part(doc, model["took_part"])
    doc.add_heading("Method", level=1)
    for line in model["method"]:
        doc.add_paragraph(line, style="List Bullet")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _value(doc, section: dict) -> None:
    doc.add_heading(f"Value {section['id']}: {section['short']}", level=1)
    doc.add_paragraph(section["title"])
    doc.add_heading("Headline findings", level=2)
    for line in section["headlines"]:
        doc.add_paragraph(line, style="List Bullet")
    if section["rows"]:
        doc.add_picture(io.BytesIO(bar_png(f"Net agreement: {section['short']}", section["bars"])),
                        width=Cm(15))
        _table(doc, ["Question", "Audience", "Net agreement (%)"],
               [(q, a, "too few to show" if n is None else n) for q, a, n in section["rows"]])
    if section["groups"]:
        doc.add_heading("Differences between groups", level=2)
        for title, rows in section["groups"].items():
            doc.add_paragraph(f"Net agreement by {title}")
            _table(doc, [title.capitalize(), "Net agreement (%)"],
                   [(g, "too few to show" if n is None else n) for g, n in rows])
    if section["quotes"]:
        doc.add_heading("In their words", level=2)
        for quote in section["quotes"]:
            doc.add_paragraph(quote, style="Quote")


def _took_part(doc, took_part: dict) -> None:
    doc.add_heading("Who took part and how representative they are", level=1)
    doc.add_paragraph("Counts of respondents; small counts are protected as described in the method.")
    for grouping, records in took_part.items():
        if records:
            keys = [k for k in records[0] if k != "row"]
            doc.add_paragraph(f"By {grouping.replace('_', ' ')}")
            _table(doc, [grouping.replace("_", " ").capitalize(), *keys],
                   [(r["row"], *(r[k] for k in keys)) for r in records])


def _table(doc, header: list[str], rows: list[tuple]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = "" if value is None else str(value)
