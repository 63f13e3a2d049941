"""The needs-assessment report as an editable Word document (python-docx), every picture described."""
from __future__ import annotations

import io

from docx import Document
from docx.shared import Cm

from engage.reports.charts import bar_png
from engage.reports.pdf_report import alt_text


def render(model: dict) -> bytes:
    """Return the report as DOCX bytes: findings first, a chapter per value, method, appendix."""
    doc = Document()
    doc.core_properties.title = model["title"]
    doc.core_properties.language = "en-GB"
    doc.add_heading(model["title"], level=0)
    doc.add_paragraph(f"{model['responses']} responses.")
    _findings(doc, model["findings"])
    for section in model["sections"]:
        _value(doc, section)
    doc.add_heading("Method and small numbers", level=1)
    for line in filter(None, model["method"]):
        doc.add_paragraph(line, style="List Bullet")
    _appendix(doc, model["appendix"], model["sections"])
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def picture(doc, png: bytes, description: str, title: str) -> None:
    """Add a picture with its alternative text (what a screen reader says) and a title."""
    shape = doc.add_picture(io.BytesIO(png), width=Cm(16))
    properties = shape._inline.docPr  # python-docx has no public setter for alternative text
    properties.set("descr", description)
    properties.set("title", title)


def _findings(doc, findings: list) -> None:
    doc.add_heading("Summary of findings", level=1)
    if not findings:
        doc.add_paragraph("Nothing stands out yet: too few answers, or no difference larger than chance.")
    for short, line in findings:
        paragraph = doc.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{short}. ").bold = True
        paragraph.add_run(line)


def _value(doc, section: dict) -> None:
    doc.add_heading(f"Value {section['id']}: {section['short']}", level=1)
    doc.add_paragraph(f"{section['title']} {section['counts']}")
    doc.add_heading("What stands out", level=2)
    for line in section["stand_out"] or ["Nothing stands out: too few answers, or no difference larger than chance."]:
        doc.add_paragraph(line, style="List Bullet")
    if section["rows"]:
        doc.add_heading("Headline questions", level=2)
        title = f"Share who agreed: {section['short']}"
        picture(doc, bar_png(title, section["bars"], "Share who agreed (%)", (0, 100)),
                alt_text(title, section["bars"]), title)
        _table(doc, ["Question", *section["audiences"]], [(q, *cells) for q, cells in section["rows"]])
    _differences(doc, section["differences"])
    _words(doc, section)


def _differences(doc, found: list) -> None:
    doc.add_heading("Groups that differ from everyone else", level=2)
    if not found:
        doc.add_paragraph("No priority group or area differs from everyone else by 5 points or more beyond chance.")
        return
    _table(doc, ["Group or area", "Agreed", "95% interval", "Everyone else", "Difference (points)", "People"],
           [(d["name"], f"{d['percent']}%", f"{d['low']} to {d['high']}%", f"{d['others']}%",
             f"{d['points']:+d}", d["people"]) for d in found])


def _words(doc, section: dict) -> None:
    doc.add_heading("In their own words", level=2)
    if section["phrases"]:
        doc.add_paragraph("Said often: " + ", ".join(f"\u201c{p}\u201d" for p in section["phrases"][:6]) + ".")
    for who, quotes in section["quotes"]:
        doc.add_paragraph().add_run(who).bold = True
        for quote in quotes:
            doc.add_paragraph(quote, style="Quote")
    if not section["phrases"] and not section["quotes"]:
        doc.add_paragraph("Too few comments about this value to show.")


def _appendix(doc, appendix: dict, sections: list) -> None:
    names = appendix["names"]
    doc.add_heading("Appendix: tables", level=1)
    doc.add_heading("Who took part", level=2)
    for title, records in appendix["took_part"].items():
        _records(doc, f"Who took part, by {title.lower()}", title, records, names)
    doc.add_heading("Net agreement for every question", level=2)
    _table(doc, ["Question", "Audience", "Net agreement (%)"],
           [(q, a, "too few to show" if n is None else n) for q, a, n in appendix["net"]])
    doc.add_heading("Net agreement by group", level=2)
    for title, records in appendix["groups"].items():
        _records(doc, f"Net agreement (%) for each value, by {title.lower()}", title, records, names)
    doc.add_heading("Answers to each question", level=2)
    for section in sections:
        for d in section["distributions"]:
            _records(doc, f"{section['short']}: {d['question']}", "Audience",
                     [{**r, "row": d["labels"].get(r["row"], r["row"])} for r in d["rows"]], d["labels"])


def _records(doc, caption: str, first: str, records: list[dict], names: dict) -> None:
    keys = [k for k in records[0] if k != "row"]
    doc.add_paragraph().add_run(caption).bold = True
    _table(doc, [first, *(names.get(k, k) for k in keys)],
           [(r["row"], *("too few to show" if r[k] is None else r[k] for k in keys)) for r in records])


def _table(doc, header: list[str], rows: list[tuple]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(text)
    for row in rows:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = "" if value is None else str(value)
