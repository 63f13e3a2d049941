"""Read a date range from the kept tallies: the rows of its days, added up over the days.

Every kind is kept per day a response was sent (fold.DAILY: dims start with the day). A range of
six weeks at 100,000 responses is about 360,000 rows, so rows are not decoded and added one at a
time in Python: each row's dims text without its day is the group's key (the same text on every
day), numbered by pandas, and the figures of a kind are read as one run of numbers and added up by
group with numpy's bincount; only the distinct groups are decoded from JSON.
"""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
from sqlalchemy import Text, cast, func, select
from sqlalchemy.orm import Session

from engage.models import SummaryTally
from engage.results import fold as fold_q
from engage.results.filters import Filters

DAILY_KIND = {v: k for k, v in fold_q.DAILY.items()}
# Kept dims start '["YYYY-MM-DD", ': the day and what follows it.
DAY_AT, DAY_HEAD = 3, len('["YYYY-MM-DD", ')
BRACKETS = str.maketrans("", "", "[]")
# Figures that are sums of a polarity; every other figure is a count.
FRACTIONAL = {"polarity"}


def rows(session: Session, consultation_id: int, filters: Filters, wanted: set[str] | None) -> dict[str, list]:
    """Return, per kind, the range's groups (variant in `wanted`, None for all) with their summed figures."""
    keys: dict[str, list[str]] = {kind: [] for kind in fold_q.DAILY.values()}
    figures: dict[str, list[str]] = {kind: [] for kind in fold_q.DAILY.values()}
    for kind, dims, figs in session.connection().execute(_kept_days(consultation_id, filters)):
        keys[kind].append(dims[DAY_HEAD:])
        figures[kind].append(figs)
    return {DAILY_KIND[kind]: _added_up(DAILY_KIND[kind], keys[kind], figures[kind], wanted) for kind in keys}


def _kept_days(consultation_id: int, filters: Filters):
    """Select the daily kinds' kept rows (kind, dims, figures as JSON text) for the days in the range."""
    t = SummaryTally
    # These ten characters (digits and dashes always in the same places) sort in date order under any
    # collation, so the comparison needs nothing of the dialect.
    day = func.substr(t.dims, DAY_AT, 10)
    query = select(t.kind, t.dims, cast(t.figures, Text)).where(t.consultation_id == consultation_id,
                                                                 t.kind.in_(list(DAILY_KIND)))
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
