"""The summary's counts for a batch of responses, grouped finely enough to be added up later.

Each query is one of queries' GROUP BY queries restricted to a batch (the responses
claimed by one fold, or one response being taken out again) and grouped by everything a filter
can pick (a respondent's profile: variant, channel, language, school, area, priority groups).
People and values are kept at that grain, so any of those filters is a sum of kept rows. Answer
cells, sub-themes and comments would be too many at that grain, so they are kept twice: by
variant alone, and per slice (one filter's value, e.g. school 3) by variant; rollup() adds the
profile-grain rows up into both. Every kept row is the group's columns (KINDS[kind][0])
followed by its additive figures (KINDS[kind][1]).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import Select, Text, and_, case, cast, func, select

from engage.models import Answer, Response
from engage.results import queries as q

PROFILE = ("variant", "channel", "language", "school_id", "area_id", "groups")
# The filters a slice answers, and where its key is in a profile.
SLICES = {"channel": 1, "language": 2, "school": 3, "area": 4, "group": 5}
# Kinds kept per slice too, and the kind that holds their slices (dims: slice, key, then the kind's).
SLICED = {"cells": "cells_by", "subthemes": "subs_by", "comments": "comments_by"}
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


def _profile(batch: Batch) -> tuple:
    return (Response.variant, Response.channel, Response.language, Response.school_id, batch.area(),
            batch.groups())


def people(batch: Batch) -> Select:
    """Respondents with at least one answer, by every grouping."""
    dims = (Response.variant, Response.channel, Response.language, Response.school_id, batch.area(),
            batch.groups())
    answered = select(Answer.id).where(Answer.response_id == Response.id).exists()
    query = batch.joins(select(*dims, func.count(Response.id)).select_from(Response), True)
    return batch.where(query).where(answered).group_by(*dims)


def cells(batch: Batch) -> Select:
    """Answers by profile, item and answer."""
    dims = (*_profile(batch), Answer.item_key, Answer.value, cast(Answer.choices, Text).label("choices"))
    query = select(*dims, func.count(Answer.id))
    return batch.where(_answers_after_profile(batch, query)).group_by(*dims)


def values(batch: Batch) -> Select:
    """Per value and grouping: respondents, closed answers, scale answers and their score."""
    keys = batch.keys
    scored = and_(Answer.item_key.in_(keys.scale), Answer.value.in_(list(q.SCORES)))
    score = case(*((Answer.value == k, v) for k, v in q.SCORES.items()), else_=0)
    per = batch.where(select(Answer.response_id.label("rid"), Answer.value_id.label("vid"),
                             func.count(Answer.id).label("closed"),
                             func.sum(case((scored, 1), else_=0)).label("scale_n"),
                             func.sum(case((scored, score), else_=0)).label("score"),
                             func.sum(case((and_(scored, Answer.value.in_(q.AGREE)), 1), else_=0))
                             .label("positive"))
                      .join(Response, Response.id == Answer.response_id)
                      .where(Answer.item_key.in_(keys.closed)))
    per = per.group_by(Answer.response_id, Answer.value_id).subquery()
    dims = (Response.variant, Response.channel, Response.language, Response.school_id, batch.area(),
            batch.groups(), per.c.vid)
    query = select(*dims, func.count(), func.sum(per.c.closed), func.sum(case((per.c.scale_n > 0, 1), else_=0)),
                   func.sum(per.c.scale_n), func.sum(per.c.score), func.sum(per.c.positive)).select_from(per).join(
        Response, Response.id == per.c.rid)
    return batch.joins(query, True).group_by(*dims)


def subthemes(batch: Batch) -> Select:
    """Per profile and sub-theme: respondents and closed answers (profiles share no respondent, so they add up)."""
    dims = (*_profile(batch), Answer.subtheme_id)
    query = select(*dims, func.count(func.distinct(Answer.response_id)), func.count(Answer.id))
    query = _answers_after_profile(batch, query).where(Answer.item_key.in_(batch.keys.closed),
                                                        Answer.subtheme_id.is_not(None))
    return batch.where(query).group_by(*dims)


def _answers_after_profile(batch: Batch, query: Select) -> Select:
    """Join each response's school and groups before its answers, so they are looked up once a response."""
    return batch.joins(query.select_from(Response), True).join(Answer, Answer.response_id == Response.id)


def comments(batch: Batch) -> Select:
    """Per profile, value and sub-theme: comments, how many have a polarity, and its sum."""
    profile = [c.label(f"p{i}") for i, c in enumerate(_profile(batch))]
    theme = [t.label(n) for t, n in zip(q.themes(), ("v", "s"), strict=True)]
    inner = q.comments_query(batch, *profile, *theme, Answer.polarity.label("p"), dims=True).subquery()
    dims = [*(inner.c[f"p{i}"] for i in range(len(profile))), inner.c.v, inner.c.s]
    return select(*dims, func.count(), func.count(inner.c.p), func.sum(inner.c.p)).group_by(*dims)


QUERIES = {"people": people, "cells": cells, "values": values, "subthemes": subthemes, "comments": comments}


def rollup(kind: str, rows: Iterable[tuple]) -> dict[str, dict[str, list]]:
    """Add profile-grain rows of a sliced kind up by variant, and per slice; return {kind: {dims: figures}}."""
    width = len(KINDS[kind][0]) - 1  # the kind's own columns after the variant
    whole: dict[tuple, list] = {}
    sliced: dict[tuple, list] = {}
    keys_of: dict[tuple, list[tuple]] = {}  # a profile's slice keys, worked out once
    for row in rows:
        profile, own, figures = row[:6], tuple(row[6:6 + width]), [number(v) for v in row[6 + width:]]
        _plus(whole, (profile[0], *own), figures)
        found = keys_of.get(profile)
        if found is None:
            found = keys_of[profile] = [(name, key) for name, at in SLICES.items()
                                        for key in slice_keys(name, profile[at])]
        for name, key in found:
            _plus(sliced, (name, key, profile[0], *own), figures)
    return {kind: _as_json(whole), SLICED[kind]: _as_json(sliced)}


def _plus(into: dict[tuple, list], dims: tuple, figures: list) -> None:
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
