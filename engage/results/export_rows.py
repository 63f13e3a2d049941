"""One row per response, its answers folded by the database: the fast path of every export.

Reading a million responses one answer at a time means 27 million rows through Python, which
alone takes longer than the export's budget. Here the database groups each response's answers
into two strings, so Python sees one row per response:

- `answers`: "item_key US value US choices" records joined by RS (ASCII unit and record
  separators); keys, stored values and JSON choices are the survey's own identifiers, so they
  never hold those characters;
- `texts`: a JSON array of [item_key, text] pairs, so a child's text can hold any character.

The long CSV and the .sav need every answer, in order, with its own ids: `long_query` folds
"answer key US item_key US value_id US subtheme_id US value US choices" records the same way,
and [answer key, text, polarity] triples, so 27 million long rows are written by Python from a
million rows read.

The text of an answer with a safeguarding flag is replaced by NULL inside the query, as in
`results.answers.answers_query`: it never reaches Python.
"""
from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import BigInteger, Text, case, cast, func, select
from sqlalchemy.orm import Session

from engage.models import Answer, AnswerTag, Response, ResponseStatus, School
from engage.models.safeguarding import withholds_text
from engage.reports.layout import ANSWER_KEY_OFFSET, RECORD, UNIT

BATCH = 2000
IdBounds = tuple[int, int]  # first and last response id, both included
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
    return _per_response(consultation_id, answers, texts, with_channel=True)


def _per_response(consultation_id: int, answers, texts, with_channel: bool,
                  ids: IdBounds | None = None):
    """Select who answered, then the folded answers and texts, one row per submitted response."""
    channel = (Response.channel,) if with_channel else ()
    query = (
        # Grouped by the response alone (its school wrapped in max(), one school per response)
        # so SQLite walks responses in id order and streams groups without a sort.
        select(Response.id, Response.variant, *channel, func.max(School.name),
               func.coalesce(Response.area_id, func.max(School.area_id)), Response.year_group,
               Response.submitted_at, answers, texts)
        .join(Answer, Answer.response_id == Response.id)
        .outerjoin(School, School.id == Response.school_id)
        .where(Response.consultation_id == consultation_id,
               Response.status == ResponseStatus.SUBMITTED)
        .group_by(Response.id)
        .order_by(Response.id)
    )
    return query.where(Response.id.between(*ids)) if ids else query


def long_query(consultation_id: int, dialect: str, ids: IdBounds | None = None):
    """Select (response columns..., answers, texts) per submitted response, for the long CSV.

    Every answer is one `answer key US item_key US value_id US subtheme_id US value US choices`
    record, where the answer key is its id plus ANSWER_KEY_OFFSET as text: all of one width, so
    sorting the records as strings puts them in answer id order (the database does not promise
    an order). `texts` holds [answer key, text, polarity] for each answer with either, both
    None when a flag withholds the text. `ids`, if given, keeps responses first <= id <= last.
    """
    flagged = withholds_text(Answer)
    json_agg, json_array = _JSON.get(dialect, _JSON_DEFAULT)
    key = cast(cast(Answer.id, BigInteger) + ANSWER_KEY_OFFSET, Text)
    record = (key + UNIT + Answer.item_key + UNIT
              + func.coalesce(cast(Answer.value_id, Text), "") + UNIT
              + func.coalesce(Answer.subtheme_id, "") + UNIT + func.coalesce(Answer.value, "") + UNIT
              + func.coalesce(cast(Answer.choices, Text), ""))
    said = json_array(key, case((flagged, None), else_=Answer.text),
                      case((flagged, None), else_=Answer.polarity))
    texts = cast(json_agg(said).filter(Answer.text.is_not(None) | Answer.polarity.is_not(None)), Text)
    return _per_response(consultation_id, func.aggregate_strings(record, RECORD), texts,
                         with_channel=False, ids=ids)


def tags_query(consultation_id: int, ids: IdBounds | None = None):
    """Select the value tags of submitted, unflagged answers in answers_query's order."""
    flagged = withholds_text(Answer)
    query = (
        select(Answer.response_id, AnswerTag.answer_id, AnswerTag.value_id, AnswerTag.subtheme_id,
               AnswerTag.source)
        .join(Answer, Answer.id == AnswerTag.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .where(Response.consultation_id == consultation_id,
               Response.status == ResponseStatus.SUBMITTED, ~flagged)
        .order_by(Response.id, AnswerTag.answer_id, AnswerTag.source.desc(), AnswerTag.rank)
    )
    return query.where(Response.id.between(*ids)) if ids else query


def string_answers(session: Session, consultation_id: int, keys: list[str]) -> Iterator[tuple]:
    """Stream (item key, text or value) of these items' submitted answers, flagged text withheld."""
    flagged = withholds_text(Answer)
    query = (
        select(Answer.item_key, func.coalesce(case((flagged, None), else_=Answer.text), Answer.value))
        .join(Response, Response.id == Answer.response_id)
        .where(Response.consultation_id == consultation_id,
               Response.status == ResponseStatus.SUBMITTED, Answer.item_key.in_(keys),
               Answer.text.is_not(None) | Answer.value.is_not(None))
    )
    return _stream(session, query)


def long_rows(session: Session, consultation_id: int, ids: IdBounds | None = None) -> Iterator[tuple]:
    """Stream one row per submitted response, every answer folded in (long_query)."""
    return _stream(session, long_query(consultation_id, session.get_bind().dialect.name, ids))


def tag_rows(session: Session, consultation_id: int, ids: IdBounds | None = None) -> Iterator[tuple]:
    """Stream the tags in batches, ordered by response, then answer."""
    return _stream(session, tags_query(consultation_id, ids))


def response_rows(session: Session, consultation_id: int) -> Iterator[tuple]:
    """Stream the grouped rows in batches (a server-side cursor on PostgreSQL)."""
    return _stream(session, grouped_query(consultation_id, session.get_bind().dialect.name))


def _stream(session: Session, query) -> Iterator[tuple]:
    # The option goes on the statement: set on the connection it stays there, and every later
    # statement in the transaction would become a server-side cursor, which cannot hold an UPDATE.
    result = session.connection().execute(query.execution_options(yield_per=BATCH))
    for partition in result.partitions():
        yield from partition
