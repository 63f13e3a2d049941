"""What the tallies keep for a batch of responses, grouped finely enough to be added up later.

A batch is the responses claimed by one fold, or one response being taken out again. Its counts
are grouped by everything a filter can pick (a respondent's profile: variant, channel, language,
school, area, priority groups). People and values are kept at that grain, so any of those filters
is a sum of kept rows. Answer cells, sub-themes and comments would be too many at that grain, so
they are kept twice: by variant alone, and per slice (one filter's value, e.g. school 3) by
variant. Every kind is kept once more per day a response was sent (DAILY: dims start with the day),
so a date-range summary is a sum of the range's days. The few-valued slices (FEW: channel, language)
keep answer cells, sub-themes and comments per day and key too (DAY_SLICED), and per pair of their
keys (PAIRED): each of their keys holds a large share of the responses, so a date range or the other
few-valued slice with one of them leaves too many responses to count for one summary. fold_pass
counts everything in one pass over the batch's answers; comments (a small share of the answers,
tagged in another table) are counted at profile grain there (fold_comments) and added up by
rollup(). Every kept row is the group's columns (KINDS[kind][0]) followed by its additive figures
(KINDS[kind][1]).
"""
from __future__ import annotations

import json
from collections.abc import Hashable, Iterable
from decimal import Decimal

from sqlalchemy import Select, Text, cast, func, null
from sqlalchemy.sql.elements import ColumnElement

from engage.models import Response
from engage.results import queries as q

PROFILE = ("variant", "channel", "language", "school_id", "area_id", "groups")
# The filters a slice answers, and where its key is in a profile.
SLICES = {"channel": 1, "language": 2, "school": 3, "area": 4, "group": 5}
# Kinds kept per slice too, and the kind that holds their slices (dims: slice, key, then the kind's).
SLICED = {"cells": "cells_by", "subthemes": "subs_by", "comments": "comments_by"}
# Every kind kept per day too, and the kind that holds its days (dims: the day, then the kind's).
DAILY = {"people": "people_day", "cells": "cells_day", "values": "values_day", "subthemes": "subs_day",
         "comments": "comments_day"}
# Slices with few keys, each key a large share of the responses (how they answered; their language).
# Schools, areas and priority groups are many, or each a small share: a date range or a second slice
# with one of them leaves few enough responses to count for the summary itself (tallies.count_scope).
FEW = ("channel", "language")
# The pairs of few-valued slices, kept in this order (dims: first name and key, second name and key).
PAIRS = tuple((a, b) for i, a in enumerate(FEW) for b in FEW[i + 1:])
# Kinds not kept at profile grain, kept per day and few-valued slice (dims: day, slice, key, then the
# kind's) and per pair of few-valued slices (dims: the two slices and keys, then the kind's). People and
# values need neither: their profile-grain rows, and per day, answer any slices.
# Every response has one channel and one language, so a day's rows of the usual key (the column's
# default: online, English) are the day's rows less its other keys'; they are not kept (tally_days
# subtracts), which leaves out most of the day-and-slice rows: the usual key holds most of the answers.
USUAL = {name: Response.__table__.c[name].default.arg for name in FEW}
DAY_SLICED = {"cells": "cells_dby", "subthemes": "subs_dby", "comments": "comments_dby"}
PAIRED = {"cells": "cells_two", "subthemes": "subs_two", "comments": "comments_two"}
KINDS = {
    "people": (("variant", "channel", "language", "school_id", "area_id", "groups"), ("n",)),
    "cells": (("variant", "item_key", "value", "choices"), ("n",)),
    "values": (("variant", "channel", "language", "school_id", "area_id", "groups", "value_id"),
               ("responses", "answers", "scale_people", "scale_answers", "score", "positive")),
    "subthemes": (("variant", "subtheme_id"), ("responses", "answers")),
    "comments": (("variant", "value_id", "subtheme_id"), ("comments", "rated", "polarity")),
}


class Batch(q.Scope):
    """The submitted responses of one consultation that meet one more condition (no filters)."""

    def __init__(self, consultation_id: int, keys: q.Keys, only):
        super().__init__(consultation_id, keys)
        self.only = only

    def where(self, query: Select) -> Select:
        """Restrict to the consultation's submitted responses in this batch."""
        return super().where(query).where(self.only)


def sent_on(dialect: str) -> ColumnElement:
    """The day a response was sent, as 'YYYY-MM-DD' text (NULL without a date): the date part of
    submitted_at, which is what the date filter compares (from midnight of its first day to midnight
    after its last)."""
    if dialect == "postgresql":
        return func.to_char(Response.submitted_at, "YYYY-MM-DD")
    return func.date(Response.submitted_at)


def profile(batch: q.Scope, dialect: str, by_day: bool = True) -> tuple:
    """A response's profile columns, then the day it was sent (NULL when not by_day: a count kept
    for nothing but one summary needs no days)."""
    return (Response.variant, Response.channel, Response.language, Response.school_id, batch.area(),
            batch.groups(), sent_on(dialect) if by_day else cast(null(), Text))


def rollup(kind: str, rows: Iterable[tuple]) -> dict[str, dict[str, list]]:
    """Add rows of a sliced kind by profile and day up by variant, per slice, per day, per day and
    few-valued slice, and per pair of few-valued slices; return {kind: {dims: figures}}."""
    width = len(KINDS[kind][0]) - 1  # the kind's own columns after the variant
    whole: dict[tuple, list] = {}
    sliced: dict[tuple, list] = {}
    daily: dict[tuple, list] = {}
    day_sliced: dict[tuple, list] = {}
    paired: dict[tuple, list] = {}
    # The days are added together first: each profile's rows then go into its slices once, not once a day.
    undated: dict[tuple, list] = {}
    few_of: dict[tuple, list[tuple]] = {}  # a profile's few-valued slice keys, worked out once
    for row in rows:
        profile, day, own, figures = row[:6], row[6], tuple(row[7:7 + width]), [number(v) for v in row[7 + width:]]
        if day is not None:  # a response without a date is in no date range
            plus(daily, (day, profile[0], *own), figures)
            few = few_of.get(profile)
            if few is None:
                few = few_of[profile] = few_keys(profile)
            for name, key in few:
                plus(day_sliced, (day, name, key, profile[0], *own), figures)
        plus(undated, (profile, own), figures)
    keys_of: dict[tuple, list[tuple]] = {}  # a profile's slice keys, worked out once
    for (profile, own), figures in undated.items():
        plus(whole, (profile[0], *own), figures)
        found = keys_of.get(profile)
        if found is None:
            found = keys_of[profile] = [(name, key) for name, at in SLICES.items()
                                        for key in slice_keys(name, profile[at])]
        for name, key in found:
            plus(sliced, (name, key, profile[0], *own), figures)
        for pair in pair_keys(profile):
            plus(paired, (*pair, profile[0], *own), figures)
    return {kind: _as_json(whole), SLICED[kind]: _as_json(sliced), DAILY[kind]: _as_json(daily),
            DAY_SLICED[kind]: _as_json(day_sliced), PAIRED[kind]: _as_json(paired)}


def few_keys(profile: tuple) -> list[tuple[str, str]]:
    """Return the (slice, key) of each few-valued slice a profile falls in and is kept per day for (not
    the usual key)."""
    return [(name, key) for name in FEW for key in slice_keys(name, profile[SLICES[name]]) if key != USUAL[name]]


def pair_keys(profile: tuple) -> list[tuple[str, str, str, str]]:
    """Return (first slice, its key, second slice, its key) for each pair of few-valued slices a profile
    falls in."""
    return [(a, key_a, b, key_b) for a, b in PAIRS for key_a in slice_keys(a, profile[SLICES[a]])
            for key_b in slice_keys(b, profile[SLICES[b]])]


def plus(into: dict, dims: Hashable, figures: list) -> None:
    """Add a group's figures into its kept figures (dims: the group's key, as a tuple or JSON text)."""
    kept = into.get(dims)
    if kept is None:
        into[dims] = list(figures)  # its own list: the same figures go into several groups
    else:
        for i, figure in enumerate(figures):
            kept[i] += figure


def _as_json(groups: dict[tuple, list]) -> dict[str, list]:
    return {json.dumps(list(dims)): figures for dims, figures in groups.items()}


def slice_keys(name: str, found) -> list[str]:
    """Return the slice keys a profile value falls under (each of its priority groups)."""
    if found is None:
        return []
    if name != "group":
        return [str(found)]
    picked = json.loads(found) if isinstance(found, str) else found
    return [str(g) for g in picked] if isinstance(picked, list) else []


def number(value):
    """Return a count as int and a summed polarity as float (PostgreSQL sums give Decimal)."""
    if value is None:
        return 0
    return int(value) if isinstance(value, Decimal) else value
