"""A survey variant as an accessible printed form: a tagged PDF (PDF/UA-1) by WeasyPrint.

Real text (never a picture of text), the document language set, headings in order, large
tick boxes and writing boxes, page numbers, and the form's reference on every page so typed-in
forms are matched to their variant and version.
"""
from __future__ import annotations

from flask import render_template

from engage.definitions.paper import PaperQuestion
from engage.definitions.survey import Survey

# What the respondent does on paper, in words for 8-year-olds (checked in tests/paper);
# copy.yaml may override them per variant under the same keys.
PAPER_WORDS = {
    "paper_tick_one": "Tick one box.",
    "paper_tick_many": "Tick all the boxes you want.",
    "paper_tick_top": "Tick up to {max} boxes.",
    "paper_rank": "Write 1 in the box by your top pick. Then 2, and so on, up to {max}.",
    "paper_write": "Write in the box.",
}
LARGE_PRINT = ("primary",)


def how_to_answer(question: PaperQuestion, copy: dict) -> str:
    """Say how to answer the question on paper."""
    words = {k: copy.get(k, v) for k, v in PAPER_WORDS.items()}
    if question.kind == "text":
        return words["paper_write"]
    if question.kind in ("number", "date"):
        return " ".join(filter(None, [words["paper_write"], copy.get("date_hint") if question.kind == "date" else ""]))
    if question.kind == "rank":
        return words["paper_rank"].format(max=question.picks)
    if question.kind == "many":
        many = question.picks < len(question.options)
        return words["paper_tick_top"].format(max=question.picks) if many else words["paper_tick_many"]
    return words["paper_tick_one"]


def sections(survey: Survey, variant: str, questions: list[PaperQuestion], copy: dict) -> list[dict]:
    """Group the numbered questions under their page titles, as plain dicts."""
    by_item = {q.item.id: q for q in questions}
    found = []
    for page in survey.pages:
        asked = [by_item[i.id] for i in page.items if i.id in by_item]
        if asked:
            found.append({"title": page.title.get(variant, ""), "questions": [
                {"number": q.number, "label": q.label, "hint": q.hint, "options": q.options,
                 "how": how_to_answer(q, copy)} for q in asked]})
    return found


def model(title: str, council: str, reference: str, variant: str, copy: dict,
          found: list[dict], language: str = "en") -> dict:
    """Return everything the template needs."""
    large = variant in LARGE_PRINT
    return {"title": title, "council": council, "reference": reference, "words": copy,
            "sections": found, "language": language, "font_size": 16 if large else 13,
            "write_height": 45 if large else 55}


def render(paper: dict) -> bytes:
    """Return the form as tagged PDF/UA-1 bytes (needs an app context for the template)."""
    from weasyprint import HTML

    html = render_template("paper/survey.html", paper=paper)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
