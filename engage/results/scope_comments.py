"""Read the comment sample of a summary whose filters leave few responses: one read for every value.

queries.sample walks every comment of the consultation in id order until it has its sample, once per
value; for filters that leave a small share of the responses (a school, a day, a date range with an
area) most of that walk is spent on other responses' comments. Here the filtered responses' comments
are listed once, each with its value (the primary tag's, else its question's), and each value's
sample picks from the list what the walk would have read; only the picked comments' text is read.

The list is read response by response, each response's comments packed into one string (as the
fold packs them). Joining comments to responses, SQLite walked every comment of the consultation for an
area (a response's own, else its school's): at 1,000,000 responses, two weeks in one area (75,753
responses, 151,506 comments) took 2.6-3.0 s of CPU that way and 1.5-1.6 s packed; for a school, a
priority group or a day, which it already read through the responses, both take about the same
(1.0-1.6 s).
"""
from __future__ import annotations

from itertools import islice

import pandas as pd
from sqlalchemy import Text, case, cast, func, select
from sqlalchemy.orm import Session, aliased

from engage.models import Answer, AnswerTag, Response, TagSource
from engage.models.safeguarding import withholds_text
from engage.results import queries as q

PIECE, FIELD = ",", ":"
# Picked comments' text read this many ids a query (well under SQLite's 32,766 bound parameters).
TEXTS_AT_ONCE = 5_000


def scope_comments(session: Session, scope: q.Scope) -> list[tuple[int, int | None]]:
    """Return (answer id, value id) of every comment of the scope's responses, in id order."""
    c = aliased(Answer, name="listed_comment")
    tag = (select(AnswerTag.value_id).where(AnswerTag.answer_id == c.id)
           .order_by(case((AnswerTag.source == TagSource.OFFICER, 0), else_=1), AnswerTag.rank)
           .limit(1).scalar_subquery())
    piece = cast(c.id, Text) + FIELD + func.coalesce(cast(func.coalesce(tag, c.value_id), Text), "")
    packed = (select(func.aggregate_strings(piece, PIECE))
              .where(c.response_id == Response.id, c.item_key.in_(scope.keys.text), c.text.is_not(None),
                     ~withholds_text(c)).scalar_subquery())
    query = scope.where(scope.joins(select(packed).select_from(Response)))
    listed = []
    for (text,) in session.connection().execute(query):
        if text:
            for one in text.split(PIECE):
                answer_id, _, value_id = one.partition(FIELD)
                listed.append((int(answer_id), int(value_id) if value_id else None))
    listed.sort()
    return listed


def sample_of(session: Session, comments: list[tuple[int, int | None]], value_id: int, of: int,
              size: int) -> pd.DataFrame:
    """Read the comments of one value that queries.sample reads, picked from scope_comments' list."""
    step = q._step(of, size)
    picked = list(islice((answer_id for answer_id, value in comments if value == value_id and answer_id % step == 0),
                         size))
    rows = []
    for start in range(0, len(picked), TEXTS_AT_ONCE):
        ids = picked[start:start + TEXTS_AT_ONCE]
        rows += session.connection().execute(
            select(Answer.id, Answer.response_id, Response.variant, Response.school_id, Answer.text)
            .join(Response, Response.id == Answer.response_id).where(Answer.id.in_(ids))
            .order_by(Answer.id)).all()
    return pd.DataFrame.from_records([tuple(row) for row in rows], columns=q.SAMPLE_COLUMNS)
