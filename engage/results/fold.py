"""The summary's counts for a batch of responses, grouped finely enough to be added up later.

Each query is one of queries' GROUP BY queries restricted to a batch (the responses
claimed by one fold, or one response being taken out again) and grouped by variant too, so that
the kept tallies answer the audience and variant filters. Every row is the group's columns
(KINDS[kind][0]) followed by its additive figures (KINDS[kind][1]).
"""
from __future__ import annotations

from sqlalchemy import Select, and_, case, func, select

from engage.models import Answer, Response
from engage.results import queries as q

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


def people(batch: Batch) -> Select:
    """Respondents with at least one answer, by every grouping."""
    dims = (Response.variant, Response.channel, Response.language, Response.school_id, batch.area(),
            batch.groups())
    answered = select(Answer.id).where(Answer.response_id == Response.id).exists()
    query = batch.joins(select(*dims, func.count(Response.id)).select_from(Response), True)
    return batch.where(query).where(answered).group_by(*dims)


def cells(batch: Batch) -> Select:
    """Answers by variant, item and answer."""
    return q.cells_query(batch)


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
    """Per variant and sub-theme: respondents and closed answers."""
    query = (select(Response.variant, Answer.subtheme_id, func.count(func.distinct(Answer.response_id)),
                    func.count(Answer.id))
             .join(Response, Response.id == Answer.response_id)
             .where(Answer.item_key.in_(batch.keys.closed), Answer.subtheme_id.is_not(None)))
    return batch.where(query).group_by(Response.variant, Answer.subtheme_id)


def comments(batch: Batch) -> Select:
    """Per variant, value and sub-theme: comments, how many have a polarity, and its sum."""
    theme = [t.label(n) for t, n in zip(q.themes(), ("v", "s"), strict=True)]
    inner = q.comments_query(batch, Response.variant.label("variant"), *theme,
                             Answer.polarity.label("p")).subquery()
    return select(inner.c.variant, inner.c.v, inner.c.s, func.count(), func.count(inner.c.p),
                  func.sum(inner.c.p)).group_by(inner.c.variant, inner.c.v, inner.c.s)


QUERIES = {"people": people, "cells": cells, "values": values, "subthemes": subthemes, "comments": comments}
