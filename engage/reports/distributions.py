"""Each question's answer distribution, for pages and reports: a stacked bar chart and its table.

Pure: from one item of the summary (already protected) to plain data and SVG markup.
"""
from __future__ import annotations

from engage.reports.charts import stacked_chart, stacks

# Reports import nothing above them, so the audience names are repeated here (results.labels has them too).
AUDIENCE_LABELS = {"young": "Young people", "parent": "Parents and carers",
                   "professional": "Professionals"}
ANSWER_LABELS = {"5": "Strongly agree", "4": "Agree", "3": "Neither agree nor disagree", "2": "Disagree",
                 "1": "Strongly disagree", "yes": "Yes", "no": "No", "not_sure": "Not sure",
                 "rather_not": "Rather not say", "Total": "Total", "Answered": "Answered"}


def answered(item: dict) -> bool:
    """Say whether anyone answered the item (a question nobody answered gets no chart)."""
    return any(v not in (0, None) for r in item["rows"] for k, v in r.items() if k != "row")


def distribution(item: dict, prefix: str = "answers") -> dict:
    """Return one item's answer distribution: a stacked bar chart by audience (SVG), and its table."""
    labels = {**ANSWER_LABELS, **item.get("labels", {})}
    question = next(iter(item["wording"].values()), item["key"])
    # Several answers may be picked in a multi-choice question: shares would not add up to a bar.
    stacked = item["type"] not in ("multi", "top3")
    chart = stacked_chart(
        f"{prefix}-{item['key']}", f"Answers: {question}",
        "For each audience, the share who gave each answer; the number answering is at the end of "
        "each bar. Hidden counts are shown together as one white part. The same figures are in the table.",
        stacks(item["rows"], item["columns"]),
        {**{c: labels.get(c, c) for c in item["columns"]}, **AUDIENCE_LABELS}) if stacked else ""
    return {"key": item["key"], "question": question, "chart": chart, "rows": item["rows"],
            "columns": item["columns"], "labels": {**AUDIENCE_LABELS, **labels}, "spread": item.get("spread")}


def for_value(summary: dict, value_id: int, prefix: str = "answers") -> list[dict]:
    """Return the distributions of every answered question about one value."""
    return [distribution(i, prefix) for i in summary["items"] if i["value"] == value_id and answered(i)]
