"""The needs-assessment report: findings first, a chapter per value from the overview, method, appendix.

Arranged here as plain data (every label in words); reports.docx_report and reports.pdf_report
turn the same model into DOCX and tagged PDF.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from engage.models import Consultation
from engage.reports import distributions, docx_report, pdf_report
from engage.reports.charts import Bar
from engage.results import summary as svc
from engage.results.labels import AUDIENCE_LABELS, points

GROUP_TITLES = {"age_band": "Age band", "area": "Area", "priority_group": "Priority group",
                "school": "School", "channel": "How it was answered", "language": "Language"}


def report_model(summary: dict, council: str = "") -> dict:
    """Arrange the summary for a report: summary of findings, a chapter per value, method, appendix."""
    names = summary.get("names", {})
    chapters = [_chapter(v, summary, names) for v in summary["overview"]]
    return {"title": f"Needs assessment evidence: {summary['consultation']['title']}",
            "council": council, "responses": summary["responses"],
            "findings": [(c["short"], line) for c in chapters for line in c["stand_out"][:3]],
            "sections": chapters, "method": method_note(summary),
            "appendix": _appendix(summary, names)}


def _chapter(value: dict, summary: dict, names: dict) -> dict:
    counts = next(v for v in summary["values"] if v["id"] == value["id"])
    audiences = [a for a in AUDIENCE_LABELS if any(a in r["cells"] for r in value["headlines"])]
    rows = [(r["question"], [_cell(r["cells"].get(a), a in r["cells"], summary) for a in audiences])
            for r in value["headlines"]]
    bars = [Bar(f"{r['wording'][a]} ({AUDIENCE_LABELS[a]})", c["share"]["percent"] if c["share"] else None)
            for r in value["headlines"] for a, c in r["cells"].items()]
    return {"id": value["id"], "title": value["title"], "short": value["short"],
            "stand_out": value["stand_out"], "audiences": [AUDIENCE_LABELS[a] for a in audiences],
            "rows": rows, "bars": bars, "differences": value["differences"],
            "counts": f"{counts['responses']} responses, {counts['answers']} answers and "
                      f"{counts['comments']} comments touched this value.",
            "phrases": [p["phrase"] for p in value["phrases"]],
            "quotes": [(AUDIENCE_LABELS[a], [q["text"] for q in qs]) for a, qs in value["quotes"].items()],
            "distributions": distributions.for_value(summary, value["id"], "report-answers")}


def _cell(cell: dict | None, asked: bool, summary: dict) -> str:
    if not asked:
        return "Not asked"
    if cell["share"] is None:
        return summary["suppression"]["label"]
    share, change = cell["share"], cell["change"]
    text = f"{share['percent']}% ({share['low']} to {share['high']}%)"
    if change:
        mark = "significant" if change.get("significant") else "could be chance"
        text += f"; {points(change['points'], signed=True)} since last time, {mark}"
    return text


def _appendix(summary: dict, names: dict) -> dict:
    took_part = {GROUP_TITLES.get(g, "Audience"): [{**r, "row": names.get(r["row"], r["row"])} for r in records]
                 for g, records in summary["took_part"].items() if records}
    groups = {GROUP_TITLES.get(g, g): [{**r, "row": names.get(r["row"], r["row"])} for r in records]
              for g, records in summary["groups"].items() if records}
    net = [(item["wording"].get(a, ""), AUDIENCE_LABELS[a], n) for item in summary["items"]
           for a, n in item["net_agreement"].items()]
    return {"took_part": took_part, "groups": groups, "names": names, "net": net}


def method_note(summary: dict) -> list[str]:
    """Return the method note: suppression, tests, tagging, and the limits of the evidence."""
    t = summary["suppression"]["threshold"]
    return [
        f"Small numbers: any count under {t} is shown as \u201cfewer than {t}\u201d, and other "
        "counts are hidden (\u201cnot shown\u201d) where they would let a hidden count be worked out "
        f"from totals. Shares are given only where at least {t} people answered, groups are compared "
        f"only when they and everyone else each hold at least {t} people, and quotes come only from "
        f"groups of at least {t} people.",
        "Shares are the percentage who agreed (a lot or a little) or said yes, among those who "
        "answered; \u201crather not say\u201d is left out. Net agreement, in the appendix, is the "
        "percentage who agreed minus the percentage who disagreed.",
        summary.get("test_note", ""),
        "Comments are tagged to the five values by a classifier trained on the plan's own wording "
        "and checked by officers; an officer's tag always wins. Tags are suggestions, not findings.",
        "Comments flagged for safeguarding are never quoted or counted as comments. Quotes have "
        "names and contact details removed.",
        "Limits: people chose to take part, so results describe those who answered, not every "
        "child or family; compare who took part with the local population before generalising.",
    ]


def report(session: Session, consultation: Consultation, fmt: str) -> bytes:
    """Build the report of a consultation as DOCX or PDF bytes."""
    model = report_model(svc.summarise(session, consultation))
    return docx_report.render(model) if fmt == "docx" else pdf_report.render(model)
