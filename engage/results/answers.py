"""The queries that read a consultation's submitted answers row by row, for exports.

The text of any answer with a safeguarding flag is dropped inside the query, so it never
reaches Python: only the fact that an answer was flagged (for aggregate counts) travels on.
The columns are reports.layout.ANSWER_COLUMNS, in that order.
"""
from __future__ import annotations

from sqlalchemy import Select, case, func, select

from engage.models import Answer, AnswerTag, Response, ResponseStatus, School
from engage.models.safeguarding import withholds_text


def _flagged():
    """True for an answer whose item has a safeguarding flag on the same response."""
    return withholds_text(Answer)


def answers_query(consultation_id: int, by_answer: bool = False) -> Select:
    """Select every answer of the consultation's submitted responses, flagged text removed.

    Ordered by response (for one row per response) or by answer id (to merge with tags).
    """
    flagged = _flagged()
    return (
        select(Answer.id, Answer.response_id, Response.variant, Response.channel,
               Response.school_id, School.name, func.coalesce(Response.area_id, School.area_id),
               Response.year_group, Response.started_on, Response.submitted_at, Answer.item_key,
               Answer.value_id, Answer.subtheme_id, Answer.value, Answer.choices,
               case((flagged, None), else_=Answer.text), case((flagged, None), else_=Answer.polarity),
               flagged)
        .join(Response, Response.id == Answer.response_id)
        .outerjoin(School, School.id == Response.school_id)
        .where(Response.consultation_id == consultation_id,
               Response.status == ResponseStatus.SUBMITTED)
        .order_by(*((Answer.id,) if by_answer else (Answer.response_id, Answer.id)))
    )


def tags_query(consultation_id: int) -> Select:
    """Select the value tags of submitted free-text answers, by answer; none of flagged ones."""
    return (
        select(AnswerTag.answer_id, AnswerTag.value_id, AnswerTag.subtheme_id, AnswerTag.source,
               AnswerTag.rank, AnswerTag.confidence)
        .join(Answer, Answer.id == AnswerTag.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .where(Response.consultation_id == consultation_id,
               Response.status == ResponseStatus.SUBMITTED, ~_flagged())
        .order_by(AnswerTag.answer_id, AnswerTag.source.desc(), AnswerTag.rank)
    )
