"""SPSS .sav for researchers: numeric codes with value labels, one 0/1 variable per option.

Streamed one response at a time through reports.sav_file, so memory stays flat however many
responses there are.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from engage.reports import layout, sav_file
from engage.reports.cells import escape
from engage.reports.layout import RECORD, UNIT

RATHER_NOT_CODE = 9
AREA_BYTES = 160  # an area code is at most 40 characters, each at most 4 bytes of UTF-8
_NAME = re.compile(r"[^A-Za-z0-9_]")


def _var(name: str) -> str:
    name = _NAME.sub("_", name)
    return (name if name[0].isalpha() else f"v_{name}")[:64]


def codes_for(column: layout.Column) -> dict[str, int]:
    """Return the numeric code of each stored answer value."""
    if column.type == "scale":
        return {str(n): n for n in range(1, 6)} | {"rather_not": RATHER_NOT_CODE}
    keys = [k for k in column.labels if k != "rather_not"]
    return {k: n for n, k in enumerate(keys, 1)} | {"rather_not": RATHER_NOT_CODE}


def sav(grouped_rows: Iterable[tuple], columns: list[layout.Column], redact: Callable[[str], str],
        widths: dict[str, int]) -> Iterator[bytes]:
    """Stream the .sav file: one case per response, in chunks of bytes.

    `grouped_rows` are results.export_rows.long_rows; `widths` gives each string variable's
    width in bytes (string_widths), which the file must declare before its first case.
    """
    labels, names = {}, {}
    meta = _meta(columns, labels, names)
    strings = _string_names(columns)
    variables = [sav_file.Variable(name, label, width=max(1, widths.get(name, 1)) if name in strings else 0,
                                   value_labels=meta.get(name, {}), missing=tuple(map(float, missing.get(name, ()))))
                 for missing in [_missing(columns)] for name, label in names.items()]
    cases = Cases(columns, redact)
    return sav_file.write(variables, map(cases.record, grouped_rows))


def _string_names(columns: list[layout.Column]) -> set[str]:
    return {"audience", "variant", "school_name", "area_code"} | {
        _var(c.key) for c in columns if c.type in ("text", "date")}


def string_widths(columns: list[layout.Column], redact: Callable[[str], str], schools: Iterable[str],
                  variants: Iterable[str], answers: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Return the bytes each string variable needs: the longest value it will hold.

    `answers` are (item key, text or value) of the text and date items, the text as stored:
    it is measured as the file will hold it, redacted and escaped.
    """
    size = _utf8_size
    widths = {"audience": max(map(size, layout.AUDIENCES.values())),
              "variant": max(map(size, variants), default=1),
              "school_name": max((size(escape(s)) for s in schools), default=1),
              "area_code": AREA_BYTES}
    kinds = {c.key: c.type for c in columns}
    redact = lru_cache(maxsize=20_000)(redact)
    for key, said in answers:
        kind = kinds.get(key)
        if kind in ("text", "date") and said:
            width = size(escape(redact(said)) if kind == "text" else said)
            widths[_var(key)] = max(widths.get(_var(key), 1), width)
    return widths


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8"))


def _meta(columns: list[layout.Column], labels: dict, names: dict) -> dict:
    names.update({"response_id": "Response number", "audience": "Audience",
                  "variant": "Survey version", "school_name": "School", "area_code": "Area",
                  "year_group": "School year"})
    for c in columns:
        if c.type in ("multi", "top3"):
            for option, text in c.labels.items():
                if option != "rather_not":
                    names[_var(f"{c.key}_{option}")] = f"{c.key}: {text}"[:255]
                    labels[_var(f"{c.key}_{option}")] = {0: "Not picked", 1: "Picked"}
        elif c.rank:  # a ranked ballot: one variable per option holding its place
            for option, text in c.labels.items():
                names[_var(f"{c.key}_{option}")] = f"{c.key}: {text}"[:255]
                labels[_var(f"{c.key}_{option}")] = {place: f"Choice {place}" for place in range(1, c.rank + 1)}
        else:
            names[_var(c.key)] = c.wording[:255]
            if c.type not in ("text", "number", "date"):
                codes = codes_for(c)
                labels[_var(c.key)] = {codes[k]: text for k, text in c.labels.items() if k in codes}
    return labels


def _missing(columns: list[layout.Column]) -> dict:
    return {_var(c.key): [RATHER_NOT_CODE] for c in columns if c.type in ("scale", "single", "yesno")}


class Cases:
    """Turn grouped response rows into cases, in the variables' order."""

    def __init__(self, columns: list[layout.Column], redact: Callable[[str], str]) -> None:
        self.columns = columns
        self.codes = {c.key: codes_for(c) for c in columns}
        self.redact = lru_cache(maxsize=20_000)(redact)  # comments repeat word for word

    def record(self, row: tuple) -> list:
        """Return one response's case."""
        response_id, variant, school, area, year, _submitted, records, texts = row
        said = {a: text for a, text, _polarity in json.loads(texts)} if texts else {}
        answers = {}
        records = records.split(RECORD)
        records.sort()  # fixed-width answer keys first: answer id order, so the last answer wins
        for record in records:
            answer_key, key, _value_id, _subtheme, value, choices = record.split(UNIT)
            answers[key] = (value or None, _choices(choices), said.get(answer_key))
        case = [response_id, layout.AUDIENCES.get(variant, ""), variant, escape(school or ""),
                area or "", year]
        for c in self.columns:
            case += self._cells(c, answers.get(c.key))
        return case

    def _cells(self, c: layout.Column, answer: tuple | None) -> list:
        value, picked, text = answer or (None, None, None)
        if c.type in ("multi", "top3"):
            chosen = set(picked or [])
            return [None if answer is None else int(o in chosen) for o in c.labels if o != "rather_not"]
        if c.rank:
            places = {option: place for place, option in enumerate(picked or [], 1)}
            return [places.get(option) for option in c.labels]
        if c.type == "text":
            return [escape(self.redact(text)) if text else ""]
        if c.type == "number":
            return [float(value) if value else None]
        if c.type == "date":
            return [value or ""]
        return [self.codes[c.key].get(value) if answer else None]


@lru_cache(maxsize=4096)
def _choices(text: str) -> tuple | None:
    """Parse a JSON list of choices once per distinct list (there are few)."""
    found = json.loads(text) if text else None
    return tuple(found) if found is not None else None
