"""Read a date range from the kept tallies: the rows of its days, added up over the days.

Every kind is kept per day a response was sent (fold.DAILY: dims start with the day). A range of
six weeks at 100,000 responses is about 360,000 rows, so rows are not decoded and added one at a
time in Python: each row's dims text without its day is the group's key (the same text on every
day), numbered by pandas, and the figures of a kind are read as one run of numbers and added up by
group with numpy's bincount; only the distinct groups are decoded from JSON.

A range with one few-valued slice (a channel, a language) reads people and values from the same
profile-grain day rows, keeping the groups in the slice, and answer cells, sub-themes and comments
from the rows kept per day and slice key (fold.DAY_SLICED: dims the day, slice, key, then the kind's).
The usual key (fold.USUAL: online, English) is not kept per day: its rows are the day's rows less those
of the slice's other keys, added up with the sign -1.
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
PROFILED, PROFILED_KIND = ("people_day", "values_day"), ("people", "values")
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
    usual = picked is not None and picked[1] == fold_q.USUAL[picked[0]]
    # The slice's head in a day-and-slice row's dims, after the day: its name and key, or (for the usual
    # key, whose rows are the other keys' taken away) its name alone.
    head = "" if picked is None else json.dumps(list(picked[:1] if usual else picked))[1:-1] + ", "
    kinds = {kind: base for kind, base in DAILY_KIND.items() if picked is None or usual or kind in PROFILED}
    if picked is not None:
        kinds.update(DAY_SLICED_KIND)
    keys: dict[str, list[str]] = {base: [] for base in fold_q.KINDS}
    figures: dict[str, list[str]] = {base: [] for base in fold_q.KINDS}
    signs: dict[str, list[int]] = {base: [] for base in fold_q.KINDS}
    at = DAY_HEAD + len(head)
    for kind, dims, figs in session.connection().execute(_kept_days(consultation_id, filters, kinds, head)):
        base = kinds[kind]
        if kind in DAILY_KIND:
            keys[base].append(dims[DAY_HEAD:])
            signs[base].append(1)
        elif usual:  # another key's row: skip its key, take it away
            keys[base].append(dims[_DECODE.raw_decode(dims, at)[1] + 2:])
            signs[base].append(-1)
        else:
            keys[base].append(dims[at:])
            signs[base].append(1)
        figures[base].append(figs)
    out = {}
    for base in fold_q.KINDS:
        found = _added_up(base, keys[base], figures[base], wanted, signs[base])
        out[base] = [row for row in found if in_slice(row)] if picked and base in PROFILED_KIND else found
    return out


_DECODE = json.JSONDecoder()


def _kept_days(consultation_id: int, filters: Filters, kinds: dict[str, str], head: str):
    """Select the kinds' kept rows (kind, dims, figures as JSON text) for the days in the range; rows of
    a day-and-slice kind only where the slice's head follows the day."""
    t = SummaryTally
    # These ten characters (digits and dashes always in the same places) sort in date order under any
    # collation, so the comparison needs nothing of the dialect.
    day = func.substr(t.dims, DAY_AT, 10)
    query = select(t.kind, t.dims, cast(t.figures, Text)).where(t.consultation_id == consultation_id)
    daily = [kind for kind in kinds if kind in DAILY_KIND]
    if head:
        query = query.where(or_(t.kind.in_(daily),
                                and_(t.kind.in_(list(DAY_SLICED_KIND)),
                                     func.substr(t.dims, DAY_HEAD + 1, len(head)) == head)))
    else:
        query = query.where(t.kind.in_(daily))
    if filters.date_from:
        query = query.where(day >= f"{filters.date_from:%Y-%m-%d}")
    if filters.date_to:
        query = query.where(day <= f"{filters.date_to:%Y-%m-%d}")
    return query


def _added_up(kind: str, keys: list[str], figures: list[str], wanted: set[str] | None,
              signs: list[int]) -> list[tuple]:
    """Add one kind's rows up by group (the dims after the day and slice), each with its sign; return
    (*dims, *figures) records of the groups left with a count."""
    if not keys:
        return []
    codes, groups = pd.factorize(np.array(keys, dtype=object))
    # Every row of a kind holds as many figures: read them all as one run of numbers, a third of the
    # time JSON decoding takes.
    found = np.fromstring(",".join(figures).translate(BRACKETS), sep=",").reshape(len(keys), -1)
    found *= np.array(signs, dtype=np.float64)[:, None]
    sums = [np.bincount(codes, weights=found[:, i], minlength=len(groups)) for i in range(found.shape[1])]
    names = fold_q.KINDS[kind][1]
    # A group whose rows were all taken away (another key's only) is not in the slice: as in the kept
    # rows, a group with no people, answers or comments is no group.
    left = np.flatnonzero(np.any(np.vstack([np.rint(column) for column in sums[:2]]) != 0, axis=0))
    columns = [column[left].tolist() if name in FRACTIONAL else np.rint(column[left]).astype(np.int64).tolist()
               for name, column in zip(names, sums, strict=True)]
    dims = json.loads("[" + ",".join("[" + groups[i] for i in left.tolist()) + "]")
    return [(*group, *figs) for group, *figs in zip(dims, *columns, strict=True)
            if wanted is None or group[0] in wanted]
