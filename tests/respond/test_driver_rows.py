"""The survey pages' reads run on the driver's cursor give the rows Connection.execute gives, errors
wrapped as SQLAlchemy wraps them, and statement listeners still hear them."""
from datetime import timedelta

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, event, select
from sqlalchemy.exc import DBAPIError

from engage.definitions.survey import survey_of
from engage.models import Consultation
from engage.models._time import utcnow
from engage.services import page_answers, response_rows
from engage.services import responses as rsp
from engage.services.driver_rows import DriverRead
from engage.services.page_answers import AnswerValue


@pytest.fixture
def answered(db, demo):
    """A response with a choice, several choices (JSON) and a text saved, in a consultation with dates."""
    consultation = db.scalar(select(Consultation).where(Consultation.slug == demo["annual"]))
    consultation.opens_at, consultation.closes_at = utcnow() - timedelta(days=2), utcnow() + timedelta(days=30)
    db.commit()
    response = rsp.start_response(db, consultation, "parent", utcnow())
    items = [i for p in survey_of(consultation.version).pages_for("parent") for i in p.items]
    single = next(i for i in items if i.type == "single")
    multi = next(i for i in items if i.type == "multi")
    text = next(i for i in items if i.type == "text")
    rsp.save_page(db, response.token, [single, multi, text], {
        single.id: AnswerValue(value=single.options[0].id),
        multi.id: AnswerValue(choices=[o.id for o in multi.options[:2]]),
        text.id: AnswerValue(text="Somewhere to go after school, with 'quotes' & 100% more clubs"),
    }, 2, utcnow())
    return response


@pytest.mark.parametrize("statement", [response_rows._READ, response_rows._READ_WITH_ANSWERS,
                                       page_answers._LOCK, page_answers._LOCK_WITH_ANSWERS])
def test_rows_are_the_rows_execute_gives(db, answered, statement):
    connection = db.connection()
    through_sqlalchemy = [tuple(row) for row in connection.execute(statement, {"token": answered.token})]
    on_the_driver = [tuple(row) for row in DriverRead(statement).rows(connection, {"token": answered.token})]
    db.rollback()
    assert len(on_the_driver) == len(through_sqlalchemy) >= 1
    assert sorted(on_the_driver, key=repr) == sorted(through_sqlalchemy, key=repr)
    kinds = {type(value) for row in on_the_driver for value in row}
    assert type(answered.id) in kinds and str in kinds


def test_columns_are_read_by_name_with_their_types(db, answered):
    read, saved = response_rows.read_response_with_answers(db, answered.token)
    assert read.assisted is False and read.consultation.opens_at < utcnow() < read.consultation.closes_at
    assert [answer.choices for answer in saved.values() if answer.choices] and all(
        isinstance(answer.choices, list) for answer in saved.values() if answer.choices)


def test_a_driver_error_is_wrapped_as_sqlalchemy_wraps_it(db):
    missing = Table("no_such_table", MetaData(), Column("id", Integer))
    with pytest.raises(DBAPIError):
        DriverRead(select(missing.c.id)).rows(db.connection(), {})
    db.rollback()


def test_statement_listeners_still_hear_the_read(app, db, answered):
    heard = []
    engine = app.extensions["engage.engine"]

    def listen(_connection, _cursor, statement, *_args):
        heard.append(statement)

    event.listen(engine, "before_cursor_execute", listen)
    try:
        response_rows.read_response_with_answers(db, answered.token)
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    # (a new engine's first connection may send its own setup queries too)
    assert [statement for statement in heard if "FROM responses" in statement]
