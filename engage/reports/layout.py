"""The wide layout of a response export: which columns, headed how, filled from which answer.

Rows arrive either as tuples of results.answers.answers_query (ANSWER_COLUMNS), ordered by response, folded into
one dict per response (`by_response`: the plain path the tests hold the fast one to), or already
folded by the database, one per response (`WideRows`, for the CSV and XLSX); neither holds more
than one response.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from engage.definitions.choices import NOT_AT_SCHOOL, NOT_LISTED, RATHER_NOT, WHOLE_BOROUGH, WHOLE_BOROUGH_LABEL
from engage.definitions.survey import Item, Survey
from engage.definitions.variants import AUDIENCES
from engage.reports.cells import escape

# One answer row as results.answers.answers_query selects it, in this order.
ANSWER_COLUMNS = [
    "answer_id", "response_id", "variant", "channel", "school_id", "school", "area_id",
    "year_group", "started_on", "submitted_at", "item_key", "value_id", "subtheme_id", "value",
    "choices", "text", "polarity", "flagged",
]
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
# Who read a wording, where a column's question was put to groups in different words.
READERS = {"primary": "Ages 8 to 10", "secondary": "Ages 11 to 16", "post16": "Ages 16 to 25",
           "parent": "Parents and carers", "professional": "Professionals"}
# Answers the app adds to "which school" and "which area" itself.
SCHOOL_ANSWERS = {NOT_LISTED: "School not on the list", NOT_AT_SCHOOL: "Does not go to school or college"}
AREA_ANSWERS = {WHOLE_BOROUGH: WHOLE_BOROUGH_LABEL}
_INDEX = {name: i for i, name in enumerate(ANSWER_COLUMNS)}
# Separators of the answer records the database folds per response (results.export_rows).
UNIT, RECORD = "\x1f", "\x1e"
ANSWER_KEY_OFFSET = 10**12  # added to answer ids in those records: below 9 * 10**12, all 13 digits


def answer_key(answer_id: int) -> str:
    """Return the fixed-width text key the folded records give an answer."""
    return str(answer_id + ANSWER_KEY_OFFSET)


@dataclass(frozen=True)
class Column:
    """One item's column: its key, readable heading, type and answer labels."""

    key: str
    heading: str
    type: str
    value_id: int
    labels: dict[str, str]
    wording: str
    rank: int | None = None  # ranked ballots: how many places
    # Each survey version's own words (a pupil and a parent are asked differently): the long CSV
    # gives every answer the words its respondent read; `wording` heads columns shared by all.
    wordings: dict[str, str] = field(default_factory=dict)


def item_columns(survey: Survey, variants: list[str], schools: dict[str, str] | None = None) -> list[Column]:
    """Return a column for every item offered to these variants, in survey order.

    `schools` (school id as text: name), when given, turns a "which school" answer into the school's name.
    """
    columns = [_column(item, [v for v in item.variants if v in variants], schools)
               for item in survey.items() if set(item.variants) & set(variants)]
    return _unique(columns)


def _column(item: Item, variants: list[str], schools: dict[str, str] | None) -> Column:
    wordings = {v: item.text[v] for v in variants}
    labels = labels_for(item)
    if item.profile == "school" and schools:
        labels = {**schools, **labels}
    return Column(item.id, plain_heading(wordings), item.type, item.value, labels,
                  wordings[variants[-1]], item.rank, wordings)


def plain_heading(wordings: dict[str, str]) -> str:
    """Head a column with its question: one wording as it is, or each group's words, named.

    A column holds every group's answers to one question, so one group's words alone would
    misname it for the others ("My child feels safe" over young people's answers).
    """
    readers: dict[str, list[str]] = {}
    for variant, wording in wordings.items():
        readers.setdefault(" ".join(wording.split()), []).append(READERS.get(variant, variant))
    if len(readers) == 1:
        return next(iter(readers))
    return " / ".join(f"{_and(who)}: {wording}" for wording, who in readers.items())


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _unique(columns: list[Column]) -> list[Column]:
    """Two questions worded alike still get headings a spreadsheet can tell apart."""
    seen: dict[str, int] = {}
    out = []
    for c in columns:
        seen[c.heading] = seen.get(c.heading, 0) + 1
        out.append(c if seen[c.heading] == 1 else replace(c, heading=f"{c.heading} ({seen[c.heading]})"))
    return out


def labels_for(item: Item) -> dict[str, str]:
    """Return readable labels of an item's stored answer values."""
    if item.type == "scale":
        return SATISFIED_LABELS if item.scale == "satisfied" else SCALE_LABELS
    if item.type == "yesno":
        return YESNO_LABELS
    labels = {o.id: _officer_label(o.label) for o in item.options}
    if item.profile == "school":
        labels.update(SCHOOL_ANSWERS)
    if item.profile == "area":
        labels.update(AREA_ANSWERS)
    return {**labels, RATHER_NOT: "Rather not say"}


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
                   redact, words: dict[str, str] | None = None) -> list:
    """Return one response's row: who, then each item's answer in readable form.

    `words` names audiences, survey versions, areas and channels (results.labels.names); without
    it their codes are shown.
    """
    def get(name):
        return first[_INDEX[name]]

    def say(code):
        return (words or {}).get(code, code) if code else ""

    submitted = get("submitted_at")
    cells = [get("response_id"), say(AUDIENCES.get(get("variant"), "")), say(get("variant")),
             get("school") or "", say(get("area_id")), get("year_group"), say(get("channel")),
             submitted.date().isoformat() if submitted else ""]
    return cells + [answer_cell(answers.get(c.key), c, redact) for c in columns]


def answer_cell(row: tuple | None, column: Column, redact):
    """Return one answer as the cell shows it ("" when not answered)."""
    if row is None:
        return ""
    if column.type == "text":
        text = row[_INDEX["text"]]
        return redact(text) if text else ""
    picked = row[_INDEX["choices"]]
    if column.type in ("multi", "top3"):
        return "; ".join(column.labels.get(c, c) for c in picked or [])
    if column.type == "ballot" and picked:
        # A ranked ballot keeps its places in order: "1. Clean air; 2. Cheap buses".
        return "; ".join(f"{place}. {column.labels.get(c, c)}" for place, c in enumerate(picked, 1))
    value = row[_INDEX["value"]]
    return column.labels.get(value, value or "")


def answer_row(value: str | None, choices: list | None) -> tuple:
    """Return an answers_query-shaped row holding just a stored value and choices."""
    row = [None] * len(_INDEX)
    row[_INDEX["value"]], row[_INDEX["choices"]] = value, choices
    return tuple(row)


def value(row: tuple, name: str):
    """Return one field of an answers_query row by column name."""
    return row[_INDEX[name]]


class WideRows:
    """Turn grouped response rows (results.export_rows) into escaped wide rows, fast.

    A million responses hold 27 million answers but only a few thousand distinct ones (an
    item and a stored value), so each distinct answer record is turned into its cell once and
    looked up after; only free text is handled answer by answer (redacted, then escaped).
    """

    CACHE_LIMIT = 200_000  # distinct records kept; bounded so memory stays flat

    def __init__(self, columns: list[Column], redact, words: dict[str, str] | None = None) -> None:
        # Audiences, versions, areas and channels by name, each escaped once.
        self.words = {code: escape(name) for code, name in (words or {}).items()}
        start = len(RESPONSE_COLUMNS)
        self.width = start + len(columns)
        self.columns = {c.key: (start + n, c) for n, c in enumerate(columns)}
        self.texts = {c.key: start + n for n, c in enumerate(columns) if c.type == "text"}
        # Many comments repeat word for word ("no", "more clubs"); redaction is pure and costs
        # ~20 us a text, so repeats are redacted once (bounded, so memory stays flat).
        self.redact = lru_cache(maxsize=20_000)(redact)
        self.cache: dict[str, tuple[int, str] | None] = {}

    def cells(self, row: tuple) -> list:
        """Return one response's escaped cells, in headings order."""
        response_id, variant, channel, school, area, year, submitted, answers, texts = row
        say = self._say
        cells = [response_id, say(AUDIENCES.get(variant, "")), say(variant), escape(school or ""),
                 say(area), year, say(channel), submitted.date().isoformat() if submitted else ""]
        cells += [""] * (self.width - len(cells))
        if answers:
            cache = self.cache
            for record in answers.split(RECORD):
                found = cache[record] if record in cache else self._remember(record)
                if found is not None:
                    cells[found[0]] = found[1]
        if texts:
            for key, text in json.loads(texts):
                position = self.texts.get(key)
                if position is not None and text:
                    cells[position] = escape(self.redact(text))
        return cells

    def _say(self, code: str | None) -> str:
        if not code:
            return ""
        found = self.words.get(code)
        return found if found is not None else escape(code)

    def _remember(self, record: str) -> tuple[int, str] | None:
        if len(self.cache) >= self.CACHE_LIMIT:
            self.cache.clear()
        key, value, choices = record.split(UNIT)
        found = self.columns.get(key)
        cell = None
        if found is not None and found[1].type != "text":
            row = answer_row(value or None, json.loads(choices) if choices else None)
            cell = (found[0], escape(answer_cell(row, found[1], None)))
        self.cache[record] = cell
        return cell
