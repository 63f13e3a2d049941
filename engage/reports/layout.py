"""The wide layout of a response export: which columns, headed how, filled from which answer.

Rows arrive as tuples of the frames.answers_query, ordered by response, and are folded into
one dict per response without holding more than one response in memory.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from engage.analysis.frames import ANSWER_COLUMNS, AUDIENCES
from engage.definitions.survey import Item, Survey

RESPONSE_COLUMNS = (
    ("response_id", "Response number"), ("audience", "Audience"), ("variant", "Survey version"),
    ("school", "School"), ("area_id", "Area"), ("year_group", "School year"),
    ("channel", "How it was answered"), ("submitted_on", "Date sent"),
)
SCALE_LABELS = {"5": "Strongly agree", "4": "Agree", "3": "Neither", "2": "Disagree",
                "1": "Strongly disagree", "rather_not": "Rather not say"}
YESNO_LABELS = {"yes": "Yes", "no": "No", "not_sure": "Not sure", "rather_not": "Rather not say"}
SATISFIED_LABELS = {"5": "Very satisfied", "4": "Satisfied", "3": "Neither", "2": "Dissatisfied",
                    "1": "Very dissatisfied", "rather_not": "Rather not say"}
_INDEX = {name: i for i, name in enumerate(ANSWER_COLUMNS)}


@dataclass(frozen=True)
class Column:
    """One item's column: its key, readable heading, type and answer labels."""

    key: str
    heading: str
    type: str
    value_id: int
    labels: dict[str, str]
    wording: str


def item_columns(survey: Survey, variants: list[str]) -> list[Column]:
    """Return a column for every item offered to these variants, in survey order."""
    return [_column(item, [v for v in item.variants if v in variants])
            for item in survey.items() if set(item.variants) & set(variants)]


def _column(item: Item, variants: list[str]) -> Column:
    wording = item.text[variants[-1]]
    return Column(item.id, f"{item.id}: {_short(wording)}", item.type, item.value,
                  labels_for(item), wording)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def labels_for(item: Item) -> dict[str, str]:
    """Return readable labels of an item's stored answer values."""
    if item.type == "scale":
        return SATISFIED_LABELS if item.scale == "satisfied" else SCALE_LABELS
    if item.type == "yesno":
        return YESNO_LABELS
    labels = {o.id: _officer_label(o.label) for o in item.options}
    return {**labels, "rather_not": "Rather not say"}


def _officer_label(label: dict[str, str]) -> str:
    """Prefer the oldest young people's wording: the plainest label that reads as a category."""
    for variant in ("post16", "secondary", "professional", "parent"):
        if variant in label:
            return label[variant]
    return next(iter(label.values()))


def headings(columns: list[Column]) -> list[str]:
    """Return the header row."""
    return [h for _, h in RESPONSE_COLUMNS] + [c.heading for c in columns]


def by_response(rows: Iterable[tuple]) -> Iterator[tuple[tuple, dict[str, tuple]]]:
    """Fold answer rows (ordered by response) into (first row, {item key: row}) per response."""
    current, answers = None, {}
    for row in rows:
        if current is not None and row[_INDEX["response_id"]] != current[_INDEX["response_id"]]:
            yield current, answers
            answers = {}
        current = current if answers else row
        answers[row[_INDEX["item_key"]]] = row
    if current is not None:
        yield current, answers


def response_cells(first: tuple, answers: dict[str, tuple], columns: list[Column],
                   redact) -> list:
    """Return one response's row: who, then each item's answer in readable form."""
    def get(name):
        return first[_INDEX[name]]

    submitted = get("submitted_at")
    cells = [get("response_id"), AUDIENCES.get(get("variant"), ""), get("variant"),
             get("school") or "", get("area_id") or "", get("year_group"), get("channel"),
             submitted.date().isoformat() if submitted else ""]
    return cells + [answer_cell(answers.get(c.key), c, redact) for c in columns]


def answer_cell(row: tuple | None, column: Column, redact):
    """Return one answer as the cell shows it ("" when not answered)."""
    if row is None:
        return ""
    if column.type == "text":
        text = row[_INDEX["text"]]
        return redact(text) if text else ""
    if column.type in ("multi", "top3"):
        return "; ".join(column.labels.get(c, c) for c in row[_INDEX["choices"]] or [])
    value = row[_INDEX["value"]]
    return column.labels.get(value, value or "")


def value(row: tuple, name: str):
    """Return one field of an answers_query row by column name."""
    return row[_INDEX[name]]
