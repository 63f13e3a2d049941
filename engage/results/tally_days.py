"""Read a date range from the kept tallies: the rows of its days, added up over the days.

Every kind is kept per day a response was sent (fold.DAILY: dims start with the day). A range of
six weeks at 100,000 responses is about 360,000 rows, so rows are not decoded and added one at a
time in Python: each row's dims text without its day is the group's key (the same text on every
day), numbered by pandas, and the figures of a kind are read as one run of numbers and added up by
group with numpy's bincount; only the distinct groups are decoded from JSON.

A range with one few-valued slice (a channel, a language) reads people and values from the same
profile-grain day rows, keeping the groups in the slice, and answer cells, sub-themes and comments
from the rows kept per day and slice key (fold.DAY_SLICED: dims the day, slice, key, then the kind's).
"""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
from sqlalchemy import Text, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from engage.models import SummaryTally
from engage.results import fold as fold_q
from engage.results.filters import Filters

DAILY_KIND = {v: k for k, v in fold_q.DAILY.items()}
DAY_SLICED_KIND = {v: k for k, v in fold_q.DAY_SLICED.items()}
# Day kinds at profile grain: a slice's groups are picked from them (the others are kept per slice).
PROFILED = ("people_day", "values_day")
# Kept dims start '["YYYY-MM-DD", ': the day and what follows it.
DAY_AT, DAY_HEAD = 3, len('["YYYY-MM-DD", ')
BRACKETS = str.maketrans("", "", "[]")
# Figures that are sums of a polarity; every other figure is a count.
FRACTIONAL = {"polarity"}


def rows(session: Session, consultation_id: int, filters: Filters, wanted: set[str] | None,
         picked: tuple[str, str] | None = None, in_slice=None) -> dict[str, list]:
    """Return, per kind, the range's groups (variant in `wanted`, None for all) with their summed figures.

    picked: a few-valued slice (name, key) the groups must fall in; in_slice tells whether a
    profile-grain group does."""
    prefix = _slice_head(picked)
    kinds = {**{kind: DAILY_KIND[kind] for kind in PROFILED},
             **({v: k for k, v in fold_q.DAILY.items() if v not in PROFILED} if picked is None else DAY_SLICED_KIND)}
    keys: dict[str, list[str]] = {kind: [] for kind in kinds}
    figures: dict[str, list[str]] = {kind: [] for kind in kinds}
    # A day-and-slice row's group follows its day and slice head; a day row's follows its day.
    head = DAY_HEAD + len(prefix)
    for kind, dims, figs in session.connection().execute(_kept_days(consultation_id, filters, kinds, prefix)):
        keys[kind].append(dims[DAY_HEAD if kind in PROFILED else head:])
        figures[kind].append(figs)
    out = {}
    for kind, base in kinds.items():
        found = _added_up(base, keys[kind], figures[kind], wanted)
        out[base] = [row for row in found if in_slice(row)] if picked and kind in PROFILED else found
    return out


def _slice_head(picked: tuple[str, str] | None) -> str:
    """The slice's name and key as they follow the day in a day-and-slice row's dims text ('' for none)."""
    return "" if picked is None else json.dumps(list(picked))[1:-1] + ", "


def _kept_days(consultation_id: int, filters: Filters, kinds: dict[str, str], prefix: str):
    """Select the kinds' kept rows (kind, dims, figures as JSON text) for the days in the range; rows of
    a day-and-slice kind only for the slice whose head (prefix) follows the day."""
    t = SummaryTally
    # These ten characters (digits and dashes always in the same places) sort in date order under any
    # collation, so the comparison needs nothing of the dialect.
    day = func.substr(t.dims, DAY_AT, 10)
    query = select(t.kind, t.dims, cast(t.figures, Text)).where(t.consultation_id == consultation_id)
    if prefix:
        query = query.where(or_(t.kind.in_(PROFILED),
                                and_(t.kind.in_([k for k in kinds if k not in PROFILED]),
                                     func.substr(t.dims, DAY_HEAD + 1, len(prefix)) == prefix)))
    else:
        query = query.where(t.kind.in_(list(kinds)))
    if filters.date_from:
        query = query.where(day >= f"{filters.date_from:%Y-%m-%d}")
    if filters.date_to:
        query = query.where(day <= f"{filters.date_to:%Y-%m-%d}")
    return query


def _added_up(kind: str, keys: list[str], figures: list[str], wanted: set[str] | None) -> list[tuple]:
    """Add one kind's rows up by group (the dims after the day); return (*dims, *figures) records."""
    if not keys:
        return []
    codes, groups = pd.factorize(np.array(keys, dtype=object))
    # Every row of a kind holds as many figures: read them all as one run of numbers, a third of the
    # time JSON decoding takes.
    found = np.fromstring(",".join(figures).translate(BRACKETS), sep=",").reshape(len(keys), -1)
    sums = [np.bincount(codes, weights=found[:, i], minlength=len(groups)) for i in range(found.shape[1])]
    names = fold_q.KINDS[kind][1]
    columns = [column.tolist() if name in FRACTIONAL else column.astype(np.int64).tolist()
               for name, column in zip(names, sums, strict=True)]
    dims = json.loads("[" + ",".join("[" + group for group in groups) + "]")
    return [(*group, *figs) for group, *figs in zip(dims, *columns, strict=True)
            if wanted is None or group[0] in wanted]
