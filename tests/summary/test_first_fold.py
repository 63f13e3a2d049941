"""The first fold, one recount of everything waiting, keeps exactly the tallies a fold in steps keeps.

After an upgrade or a bulk import, tallies.fold counts the whole backlog (on SQLite, each step of
it) in one transaction and writes each kept row once. Its rows must equal, row by row, those of
the incremental path (steps that add to the rows their earlier steps wrote); the summaries read
from them must match the SQL count under every filter the tallies answer (school, area, priority
group, channel, language, audience and variant, date ranges); and a failure or a crash part way
through the writing must leave the tallies and the responses' claims as they were, so the next
fold counts everything.
"""
import multiprocessing
import os
import signal

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from engage import create_app
from engage.db import begin_write, get_session
from engage.models import Consultation, Response
from engage.results import tallies, tally_writes
from engage.services.demo.synthetic import generate
from tests.conftest import ON_POSTGRES, _config
from tests.summary.test_fold_parts import _kept, _keys
from tests.summary.test_sql_counts import SpreadTagger, synthetic  # noqa: F401 (fixture)
from tests.summary.test_tallies import _assert_filtered_same, _assert_same, _random_filters
from tests.summary.test_tallies_days import _assert_dated_same, _edges, _ranges


def _claims(db) -> int:
    """Return how many submitted responses are counted (none of them waits in the queue)."""
    db.rollback()
    return db.scalar(select(func.count()).where(Response.status == "submitted", tallies.counted()))


class Claims:
    """Record each fold transaction's claim (the real claim runs): the ids of the responses it took."""

    def __init__(self, monkeypatch):
        self.taken: list[list[int]] = []
        claim = tallies._claim

        def recorded(*args):
            claimed = claim(*args)
            if claimed:
                self.taken.append(claimed.ids())
            return claimed

        monkeypatch.setattr(tallies, "_claim", recorded)


def _reset(db, consultation_id: int) -> None:
    begin_write(db)
    tallies.reset(db, consultation_id)
    db.commit()


@pytest.mark.parametrize("parts", [1, 2])
def test_one_recount_keeps_the_rows_of_a_fold_in_steps(loaded, db, synthetic, parts, monkeypatch):  # noqa: F811
    with loaded.app_context():
        keys = _keys(db, synthetic)
        assert tallies.fold(db, synthetic, keys, chunk=70, parts=1) == 300  # the incremental path
        in_steps = _kept(db)
        _reset(db, synthetic)
        claims = Claims(monkeypatch)
        assert tallies.fold(db, synthetic, keys, parts=parts) == 300
        assert len(claims.taken) == 1  # one transaction claimed every response
        assert _kept(db) == in_steps
    _assert_same(loaded, db, synthetic)


def test_a_recount_on_top_of_kept_tallies_adds_up_as_steps_do(loaded, db, synthetic):  # noqa: F811
    """A bulk import into a consultation whose tallies are kept: the backlog is added to the kept rows."""
    with loaded.app_context():
        keys = _keys(db, synthetic)
        assert tallies.fold(db, synthetic, keys, parts=1) == 300
        generate(db, db.get(Consultation, synthetic), 120, seed=21, batch=60, tagger=SpreadTagger())
        assert tallies.fold(db, synthetic, keys, parts=2) == 120
        on_top = _kept(db)
        _reset(db, synthetic)
        assert tallies.fold(db, synthetic, keys, chunk=50, parts=1) == 420
        assert _kept(db) == on_top
    _assert_same(loaded, db, synthetic)


def test_after_a_recount_every_filter_the_tallies_answer_matches_sql(loaded, db, synthetic,  # noqa: F811
                                                                     monkeypatch):
    _edges(db, synthetic)  # responses at a day's first and last moments, one without a date
    claims = Claims(monkeypatch)
    with loaded.app_context():
        assert tallies.fold(db, synthetic, _keys(db, synthetic), parts=2) == 300
    assert len(claims.taken) == 1
    # School, area, channel, language, priority groups (one nobody named) and a school with no one,
    # each with an audience or a variant at random.
    _assert_filtered_same(loaded, db, synthetic, _random_filters(db, synthetic, 8) + _random_filters(db, synthetic, 9))
    _assert_dated_same(loaded, db, synthetic, _ranges(db, synthetic, 8))


class _FailingWrite:
    """tally_writes.merge that writes a few kinds' rows, then fails in the middle of the writing."""

    def __init__(self, merge, after: int):
        self.merge, self.after, self.calls = merge, after, 0

    def __call__(self, *args):
        self.calls += 1
        if self.calls > self.after:
            raise RuntimeError("the database went away")
        self.merge(*args)


@pytest.mark.parametrize("kept_before", [False, True])
def test_a_failure_while_writing_leaves_the_tallies_as_they_were(loaded, db, synthetic, monkeypatch,  # noqa: F811
                                                                 kept_before):
    with loaded.app_context():
        keys = _keys(db, synthetic)
        if kept_before:
            assert tallies.fold(db, synthetic, keys, parts=1) == 300
            generate(db, db.get(Consultation, synthetic), 60, seed=22, batch=60, tagger=SpreadTagger())
        before, claimed = _kept(db), _claims(db)
        failing = _FailingWrite(tally_writes.merge, after=4)
        monkeypatch.setattr(tally_writes, "merge", failing)
        with pytest.raises(RuntimeError, match="went away"):
            tallies.fold(db, synthetic, keys, parts=2)
        assert failing.calls == 5  # some kinds' rows were written before the failure
        assert _kept(db) == before
        assert _claims(db) == claimed
        # The write lock was let go: another session can write at once.
        other = loaded.extensions["engage.sessionmaker"]()
        begin_write(other)
        other.commit()
        other.close()
        monkeypatch.undo()
        assert tallies.fold(db, synthetic, keys, parts=1) == (60 if kept_before else 300)
    _assert_same(loaded, db, synthetic)


def _crash_while_writing(url: str, consultation_id: int) -> None:
    """In a child process: start a recount and die, as if killed, after a few kinds' rows are written."""
    app = create_app({**_config(), "DATABASE_URL": url})
    with app.app_context():
        session = get_session()
        merge = tally_writes.merge

        def dying(*args):
            merge(*args)
            if args[2] == "cells":
                os.kill(os.getpid(), signal.SIGKILL)

        tally_writes.merge = dying
        tallies.fold(session, consultation_id, _keys(session, consultation_id), parts=1)


def test_a_crash_while_writing_leaves_no_half_written_tallies(loaded, db, synthetic):  # noqa: F811
    url = loaded.config["DATABASE_URL"]
    child = multiprocessing.get_context("spawn").Process(target=_crash_while_writing, args=(url, synthetic))
    child.start()
    child.join(600)  # a spawned process imports the app afresh: minutes on a busy machine
    if child.is_alive():
        child.kill()
    assert child.exitcode == -signal.SIGKILL
    assert _kept(db) == {}
    assert _claims(db) == 0
    with loaded.app_context():
        assert tallies.fold(db, synthetic, _keys(db, synthetic), parts=1) == 300
    _assert_same(loaded, db, synthetic)


@pytest.mark.skipif(not ON_POSTGRES, reason="SQLite's write lock is the whole database's")
def test_responses_can_be_submitted_while_a_fold_holds_its_lock(loaded, db, synthetic):  # noqa: F811
    """A first fold holds its lock for minutes: submissions must not wait for it, other folds must."""
    with loaded.app_context():
        begin_write(db)
        tallies._lock(db, synthetic)
        other = loaded.extensions["engage.sessionmaker"]()
        other.execute(text("SET lock_timeout = '3s'"))
        assert generate(other, other.get(Consultation, synthetic), 2, seed=23, batch=2, tagger=SpreadTagger()) == 2
        other.execute(text("SET lock_timeout = '1s'"))
        with pytest.raises(OperationalError, match="lock"):
            tallies._lock(other, synthetic)
        other.rollback()
        other.close()
        db.rollback()


def test_sqlite_folds_in_steps_that_let_submissions_in_and_postgresql_all_at_once(
        loaded, db, synthetic, monkeypatch):  # noqa: F811
    """SQLite has one writer, so a large backlog is counted in steps with the write lock let go
    between them; PostgreSQL lets submissions in under the fold's lock and counts it at once."""
    monkeypatch.setattr(tallies, "SQLITE_STEP", 70)
    claims = Claims(monkeypatch)
    with loaded.app_context():
        assert tallies.fold(db, synthetic, _keys(db, synthetic), parts=1) == 300
        assert len(claims.taken) == (1 if ON_POSTGRES else 5)
        assert tallies.engine_step(db) == (None if ON_POSTGRES else 70)


def test_steps_claim_the_earliest_sent_responses_first(loaded, db, synthetic, monkeypatch):  # noqa: F811
    """Each step adds to the kept rows of the days its responses were sent on: in order of sending, a
    first fold in steps writes each day's rows about once (a bulk import's ids need not follow the days)."""
    claims = Claims(monkeypatch)
    with loaded.app_context():
        assert tallies.fold(db, synthetic, _keys(db, synthetic), chunk=70, parts=1) == 300
    assert [len(ids) for ids in claims.taken] == [70, 70, 70, 70, 20]
    spans = [db.execute(select(func.min(Response.submitted_at), func.max(Response.submitted_at))
                        .where(Response.id.in_(ids))).one() for ids in claims.taken]
    assert all(earlier[1] <= later[0] for earlier, later in zip(spans, spans[1:], strict=False))
    # The synthetic ids do not follow the days, so steps in order of id would overlap in days.
    by_id = [row[0] for row in db.execute(select(Response.submitted_at).order_by(Response.id))]
    assert by_id != sorted(by_id)
