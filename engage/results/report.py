"""The needs-assessment report: the summary arranged by value, as DOCX or PDF."""
from __future__ import annotations

from sqlalchemy.orm import Session

from engage.models import Consultation
from engage.reports import distributions, docx_report, pdf_report
from engage.reports.charts import Bar
from engage.results import summary as svc

AUDIENCES = {"young": "Young people", "parent": "Parents and carers", "professional": "Professionals"}
GROUP_TITLES = {"age_band": "age band", "area": "area", "priority_group": "priority group",
                "school": "school", "channel": "how it was answered", "language": "language"}


def report_model(summary: dict, council: str = "") -> dict:
    """Arrange the summary for a report: one section per value, who took part, method."""
    sections = [_section(value, summary) for value in summary["values"]]
    return {"title": f"Needs assessment evidence: {summary['consultation']['title']}",
            "council": council, "responses": summary["responses"], "sections": sections,
            "took_part": summary["took_part"], "method": method_note(summary)}


def _section(value: dict, summary: dict) -> dict:
    rows = [(item["wording"].get(a, item["key"]), AUDIENCES.get(a, a), net)
            for item in summary["items"] if item["value"] == value["id"]
            for a, net in item["net_agreement"].items()]
    shown = [r for r in rows if r[2] is not None]
    headlines = [f"{value['responses']} responses, {value['answers']} answers and "
                 f"{value['comments']} comments touched this value."]
    if shown:
        best, worst = max(shown, key=lambda r: r[2]), min(shown, key=lambda r: r[2])
        headlines.append(f"Most positive: \u201c{best[0]}\u201d ({best[1]}, net {best[2]:g}).")
        headlines.append(f"Least positive: \u201c{worst[0]}\u201d ({worst[1]}, net {worst[2]:g}).")
    # Breakdowns the summary adds later still appear, titled by their key until named here.
    groups = {GROUP_TITLES.get(g, g.replace("_", " ")): [(r["row"], r.get(str(value["id"]))) for r in records]
              for g, records in summary["groups"].items()}
    return {"id": value["id"], "title": value["title"], "short": value["short"],
            "headlines": headlines, "rows": rows,
            "bars": [Bar(f"{q[:30]} ({a})", net) for q, a, net in rows],
            "groups": {k: v for k, v in groups.items() if any(n is not None for _g, n in v)},
            "distributions": distributions.for_value(summary, value["id"], "report-answers"),
            "quotes": [q["text"] for q in value["quotes"]],
            "phrases": [p["phrase"] for p in value["phrases"]]}


def method_note(summary: dict) -> list[str]:
    """Return the method note: suppression, tagging, and the limits of the evidence."""
    t = summary["suppression"]["threshold"]
    return [
        f"Small numbers: any count under {t} is shown as \u201cfewer than {t}\u201d, and other "
        "counts are hidden (\u201cnot shown\u201d) where they would let a hidden count be worked out "
        "from totals. Net agreement is given only where at least "
        f"{t} people answered, and quotes only from groups of at least {t} people.",
        "Net agreement is the percentage who agreed (a lot or a little) minus the percentage who "
        "disagreed, among those who answered; \u201crather not say\u201d is left out.",
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
