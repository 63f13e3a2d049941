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
comment_totals. Every kept row is the group's columns (KINDS[kind][0]) followed by its additive figures
(KINDS[kind][1]).
"""
from __future__ import annotations

import json
from collections.abc import Hashable

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


def profile(batch: q.Scope, dialect: str, by_day: bool = True, groups=None) -> tuple:
    """A response's profile columns, then the day it was sent (NULL when not by_day: a count kept
    for nothing but one summary needs no days). groups: the priority groups column, when the query
    reads it otherwise than by the scope's join."""
    return (Response.variant, Response.channel, Response.language, Response.school_id, batch.area(),
            batch.groups() if groups is None else groups, sent_on(dialect) if by_day else cast(null(), Text))


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
