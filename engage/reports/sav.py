"""SPSS .sav for researchers: numeric codes with value labels, one 0/1 variable per option.

pyreadstat writes from a DataFrame, so this export holds one consultation in memory; it is
meant for research extracts, not the million-response CSV.
"""
from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd
import pyreadstat

from engage.reports import layout
from engage.reports.cells import escape

RATHER_NOT_CODE = 9
_NAME = re.compile(r"[^A-Za-z0-9_]")


def _var(name: str) -> str:
    name = _NAME.sub("_", name)
    return (name if name[0].isalpha() else f"v_{name}")[:64]


def records_frame(records: list[list], columns: list[str], numeric: list[str] = ()) -> pd.DataFrame:
    """Return rows as a DataFrame for pyreadstat, numeric columns as floats."""
    frame = pd.DataFrame.from_records(records, columns=columns)
    for name in numeric:
        frame[name] = pd.to_numeric(frame[name]).astype("float64")
    return frame


def codes_for(column: layout.Column) -> dict[str, int]:
    """Return the numeric code of each stored answer value."""
    if column.type == "scale":
        return {str(n): n for n in range(1, 6)} | {"rather_not": RATHER_NOT_CODE}
    keys = [k for k in column.labels if k != "rather_not"]
    return {k: n for n, k in enumerate(keys, 1)} | {"rather_not": RATHER_NOT_CODE}


def sav(answer_rows: Iterable[tuple], columns: list[layout.Column],
        redact: Callable[[str], str]) -> bytes:
    """Build the .sav file and return its bytes."""
    records, labels, names = [], {}, {}
    for first, answers in layout.by_response(answer_rows):
        records.append(_record(first, answers, columns, redact))
    meta = _meta(columns, labels, names)
    numeric = [n for n in names if n in meta or n in ("response_id", "year_group")]
    numeric += [_var(c.key) for c in columns if c.type == "number"]
    frame = records_frame(records, list(names), numeric)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.sav"
        pyreadstat.write_sav(frame, str(path), column_labels=list(names.values()),
                             variable_value_labels=meta, missing_ranges=_missing(columns))
        return path.read_bytes()


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


def _record(first: tuple, answers: dict, columns: list[layout.Column], redact) -> list:
    v = layout.value
    row = [v(first, "response_id"), layout.AUDIENCES.get(v(first, "variant"), ""),
           v(first, "variant"), escape(v(first, "school") or ""), v(first, "area_id") or "",
           v(first, "year_group")]
    for c in columns:
        answer = answers.get(c.key)
        if c.type in ("multi", "top3"):
            picked = set(v(answer, "choices") or []) if answer else None
            row += [None if picked is None else int(o in picked) for o in c.labels if o != "rather_not"]
        elif c.rank:
            places = {option: place for place, option in enumerate(v(answer, "choices") or [], 1)} if answer else {}
            row += [places.get(option) for option in c.labels]
        elif c.type == "text":
            text = v(answer, "text") if answer else None
            row.append(escape(redact(text)) if text else "")
        elif c.type == "number":
            row.append(float(v(answer, "value")) if answer and v(answer, "value") else None)
        elif c.type == "date":
            row.append(v(answer, "value") or "" if answer else "")
        else:
            row.append(codes_for(c).get(v(answer, "value")) if answer else None)
    return row
