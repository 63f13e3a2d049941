"""A page POST on PostgreSQL locks its response with the answers in one statement, and a save that
committed while it waited for the lock is never overwritten by answers read before it."""
import threading
import time

import pytest
from sqlalchemy import func, select, text, update

from engage.db import get_session
from engage.definitions.survey import survey_of
from engage.models import Answer, Consultation, Response
from engage.models._time import utcnow
from engage.services import page_answers, response_rows
from engage.services import responses as rsp
from engage.services.page_answers import AnswerValue
from tests.conftest import ON_POSTGRES


def _started(db, slug: str):
    consultation = db.scalar(select(Consultation).where(Consultation.slug == slug))
    response = rsp.start_response(db, consultation, "parent", utcnow())
    items = [i for p in survey_of(consultation.version).pages_for("parent") for i in p.items
             if i.type == "single" and i.options]
    return response, items[:2]


def _answers(db, response_id: int) -> dict[str, str]:
    db.rollback()
    rows = db.execute(select(Answer.item_key, Answer.value).where(Answer.response_id == response_id))
    return dict(rows.all())


def test_sqlite_locks_only_once_the_page_is_checked(app, demo, db):
    if ON_POSTGRES:
        pytest.skip("PostgreSQL locks with the read")
    response, _ = _started(db, demo["annual"])
    read, locked = response_rows.read_response_to_save(db, response.token)
    assert read.id == response.id and locked is None


def test_the_lock_reads_the_answers_only_where_it_locks_the_whole_database(app, demo, db):
    response, items = _started(db, demo["annual"])
    first = items[0]
    rsp.save_page(db, response.token, [first], {first.id: AnswerValue(value=first.options[0].id)}, 2, utcnow())
    locked = page_answers.lock_response(db, response.token, utcnow())
    db.rollback()
    if ON_POSTGRES:  # a row lock may wait for another save: its answers are read after it
        assert locked.answers is None
    else:
        assert set(locked.answers) == {first.id} and locked.answers[first.id].id is not None


pg_only = pytest.mark.skipif(not ON_POSTGRES, reason="the locked read is PostgreSQL's")


@pg_only
def test_the_locked_read_holds_the_row_and_its_answers(app, demo, db):
    response, items = _started(db, demo["annual"])
    first = items[0]
    rsp.save_page(db, response.token, [first], {first.id: AnswerValue(value=first.options[0].id)}, 2, utcnow())

    read, locked = response_rows.read_response_to_save(db, response.token)
    assert (read.id, locked.id, locked.page) == (response.id, response.id, 2)
    assert set(locked.answers) == {first.id}
    engine = app.extensions["engage.engine"]
    with engine.connect() as other, pytest.raises(Exception, match="could not obtain lock"):
        other.execute(text("SELECT id FROM responses WHERE id = :id FOR UPDATE NOWAIT"), {"id": response.id})
    db.rollback()


@pg_only
def test_a_save_committed_during_the_wait_is_read_afresh(app, demo, db):
    response, items = _started(db, demo["annual"])
    first = items[0]
    engine = app.extensions["engage.engine"]
    seen: dict = {}

    def second_post() -> None:
        with app.app_context():
            session = get_session()
            _, locked = response_rows.read_response_to_save(session, response.token)
            seen["answers"] = locked.answers
            # This post left the question blank: the answer the other save stored must go.
            rsp.save_page(session, response.token, [first], {}, 2, utcnow(), locked)

    with engine.connect() as other:  # another save of the same response, holding its lock
        other.execute(select(Response.id).where(Response.id == response.id).with_for_update())
        other.execute(Answer.__table__.insert().values(response_id=response.id, item_key=first.id,
                                                       value=first.options[0].id, value_id=first.value,
                                                       subtheme_id=first.subtheme, needs_tagging=False))
        other.execute(update(Response).where(Response.id == response.id).values(page=2))
        thread = threading.Thread(target=second_post)
        thread.start()
        _wait_for_a_lock_wait(engine)
        other.commit()
    thread.join(timeout=30)

    assert seen["answers"] is None  # the answers read before the wait were not used
    assert _answers(db, response.id) == {}


@pg_only
def test_a_double_post_racing_for_the_lock_stores_each_answer_once(app, demo, db):
    response, items = _started(db, demo["annual"])
    given = {i.id: AnswerValue(value=i.options[-1].id) for i in items}
    errors: list[BaseException] = []

    def post() -> None:
        try:
            with app.app_context():
                session = get_session()
                _, locked = response_rows.read_response_to_save(session, response.token)
                rsp.save_page(session, response.token, items, given, 2, utcnow(), locked)
        except BaseException as exc:  # noqa: BLE001  (reported by the assertion below)
            errors.append(exc)

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert _answers(db, response.id) == {i.id: i.options[-1].id for i in items}
    assert db.scalar(select(func.count(Answer.id)).where(Answer.response_id == response.id)) == len(items)


def _wait_for_a_lock_wait(engine) -> None:
    """Return once some backend waits for a row lock (the second post is blocked)."""
    with engine.connect() as watcher:
        for _ in range(200):
            if watcher.scalar(text("SELECT count(*) FROM pg_locks WHERE NOT granted")):
                return
            watcher.rollback()
            time.sleep(0.05)
    raise AssertionError("the second post never waited for the lock")
