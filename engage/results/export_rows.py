"""One row per response, its answers folded by the database: the fast path of the wide exports.

Reading a million responses one answer at a time means 27 million rows through Python, which
alone takes longer than the export's budget. Here the database groups each response's answers
into two strings, so Python sees one row per response:

- `answers`: "item_key US value US choices" records joined by RS (ASCII unit and record
  separators); keys, stored values and JSON choices are the survey's own identifiers, so they
  never hold those characters;
- `texts`: a JSON array of [item_key, text] pairs, so a child's text can hold any character.

The text of an answer with a safeguarding flag is replaced by NULL inside the query, as in
`results.answers.answers_query`: it never reaches Python.
"""
from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Text, case, cast, func, select
from sqlalchemy.orm import Session

from engage.models import Answer, AnswerTag, Response, ResponseStatus, School
from engage.models.safeguarding import withholds_text
from engage.reports.layout import RECORD, UNIT

BATCH = 2000
# The JSON aggregate and array builder each engine spells its own way.
_JSON = {"postgresql": (func.json_agg, func.json_build_array)}
_JSON_DEFAULT = (func.json_group_array, func.json_array)


def grouped_query(consultation_id: int, dialect: str):
    """Select (response columns..., answers, texts) per submitted response, ordered by response."""
    flagged = withholds_text(Answer)
    json_agg, json_array = _JSON.get(dialect, _JSON_DEFAULT)
    record = (Answer.item_key + UNIT + func.coalesce(Answer.value, "") + UNIT
              + func.coalesce(cast(Answer.choices, Text), ""))
    answers = func.aggregate_strings(record, RECORD).filter(
        (Answer.value.is_not(None)) | (Answer.choices.is_not(None)))
    text = case((flagged, None), else_=Answer.text)
    texts = cast(json_agg(json_array(Answer.item_key, text)).filter(Answer.text.is_not(None)), Text)
    return (
        # Grouped by the response alone (its school wrapped in max(), one school per response)
        # so SQLite walks responses in id order and streams groups without a sort.
        select(Response.id, Response.variant, Response.channel, func.max(School.name),
               func.coalesce(Response.area_id, func.max(School.area_id)), Response.year_group,
               Response.submitted_at, answers, texts)
        .join(Answer, Answer.response_id == Response.id)
        .outerjoin(School, School.id == Response.school_id)
        .where(Response.consultation_id == consultation_id,
               Response.status == ResponseStatus.SUBMITTED)
        .group_by(Response.id)
        .order_by(Response.id)
    )


def answers_query(consultation_id: int):
    """Select every submitted answer, ordered by response, then answer (to merge with tags).

    Ordered by the response's own id because that is how the index walks them, so SQLite sorts
    only within each response; ordering by answer id made it sort every answer before the first.

    The flag check runs only for answers with text or sentiment: most answers have neither.
    """
    flagged = withholds_text(Answer)
    return (
        select(Answer.id, Answer.response_id, Response.variant, School.name,
               func.coalesce(Response.area_id, School.area_id), Response.year_group,
               Response.submitted_at, Answer.item_key, Answer.value_id, Answer.subtheme_id,
               Answer.value, cast(Answer.choices, Text),
               case((Answer.text.is_(None), None), (flagged, None), else_=Answer.text),
               case((Answer.polarity.is_(None), None), (flagged, None), else_=Answer.polarity))
        .join(Response, Response.id == Answer.response_id)
        .outerjoin(School, School.id == Response.school_id)
        .where(Response.consultation_id == consultation_id,
               Response.status == ResponseStatus.SUBMITTED)
        .order_by(Response.id, Answer.id)
    )


def tags_query(consultation_id: int):
    """Select the value tags of submitted, unflagged answers in answers_query's order."""
    flagged = withholds_text(Answer)
    return (
        select(Answer.response_id, AnswerTag.answer_id, AnswerTag.value_id, AnswerTag.subtheme_id,
               AnswerTag.source)
        .join(Answer, Answer.id == AnswerTag.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .where(Response.consultation_id == consultation_id,
               Response.status == ResponseStatus.SUBMITTED, ~flagged)
        .order_by(Response.id, AnswerTag.answer_id, AnswerTag.source.desc(), AnswerTag.rank)
    )


def answer_rows(session: Session, consultation_id: int) -> Iterator[tuple]:
    """Stream one row per submitted answer in batches, ordered by response, then answer."""
    return _stream(session, answers_query(consultation_id))


def tag_rows(session: Session, consultation_id: int) -> Iterator[tuple]:
    """Stream the tags in batches, in answer_rows' order."""
    return _stream(session, tags_query(consultation_id))


def response_rows(session: Session, consultation_id: int) -> Iterator[tuple]:
    """Stream the grouped rows in batches (a server-side cursor on PostgreSQL)."""
    return _stream(session, grouped_query(consultation_id, session.get_bind().dialect.name))


def _stream(session: Session, query) -> Iterator[tuple]:
    result = session.connection().execution_options(yield_per=BATCH).execute(query)
    for partition in result.partitions():
        yield from partition
