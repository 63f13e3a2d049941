"""Turn a summary into what the page shows: charts with their tables, in plain dicts."""
from markupsafe import Markup

from engage.reports import distributions
from engage.reports.charts import Bar, bar_chart
from engage.results.labels import AUDIENCE_LABELS, CHANNEL_LABELS  # noqa: F401  (the pages' words)


def value_sections(summary: dict) -> list[dict]:
    """Return one section per value: counts, a net agreement chart and its table."""
    sections = []
    for value in summary["values"]:
        rows = [{"question": item["wording"].get(audience, item["key"]), "key": item["key"],
                 "audience": AUDIENCE_LABELS.get(audience, audience), "net": net}
                for item in summary["items"] if item["value"] == value["id"]
                for audience, net in item["net_agreement"].items()]
        chart = bar_chart(
            f"value-{value['id']}", f"Net agreement: {value['short']}",
            "Per question and audience: the percentage who agreed minus the percentage who "
            "disagreed, from -100 to 100. Bars are missing where fewer than the threshold answered. "
            "The same figures are in the table below.",
            [Bar(f"{r['question']} ({r['audience']})", r["net"]) for r in rows], low=-100, high=100,
        ) if rows else ""
        sections.append({**value, "rows": rows, "chart": Markup(chart),
                         "distributions": [{**d, "chart": Markup(d["chart"])}
                                           for d in distributions.for_value(summary, value["id"])]})
    return sections


def linked(summary: dict) -> list[dict]:
    """Return items asked of more than one audience, side by side."""
    return [{"key": i["key"], "question": _wording(i["wording"]), "wording": i["wording"], "net": i["net_agreement"]}
            for i in summary["items"] if i["linked"] and i["net_agreement"]]


def _wording(wording: dict) -> str:
    """Name a linked question by the young people's wording, else the first audience's."""
    return wording.get("young") or next(iter(wording.values()))


def plan_page(consultation, statements: list, published) -> dict:
    """Return the plan page's consultation and statements as plain dicts (no ORM in templates)."""
    return {
        "consultation": {"id": consultation.id, "slug": consultation.slug, "title": consultation.title},
        "statements": [{"id": s.id, "value_id": s.value_id,
                        "actions": [{"id": a.id, "text": a.text} for a in s.actions]} for s in statements],
        "published": published is not None,
    }
