"""A fold counted in several processes keeps the very tallies one process keeps.

The first fold after an upgrade or a bulk import cuts each step's responses into runs of ids and
counts them in worker processes as well as its own (engage.results.fold_parts). Here a small
number of parts is forced, so the parallel path runs on 300 responses: the kept rows must equal
those of a fold in one process, row by row. A worker that fails or dies must leave no tallies, no
claimed responses, no lock and no process behind, and the next fold must count everything; with
one CPU the fold counts in its own process and starts no worker.
"""
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import pytest
from sqlalchemy import func, select

from engage.db import begin_write
from engage.definitions.survey import survey_of
from engage.models import Consultation, Response, SummaryQueue, SummaryTally
from engage.results import fold_parts, tallies, tally_writes
from engage.results import summary as svc
from tests.summary.test_sql_counts import synthetic  # noqa: F401 (fixture)
from tests.summary.test_tallies import _assert_same


def _keys(db, consultation_id):
    return svc.keys_of(survey_of(db.get(Consultation, consultation_id).version))


def _kept(db) -> dict:
    """Every kept row as {(kind, dims): figures}, a summed polarity rounded past float noise (the sum's
    last digits depend on the order the comments are added in, as between steps of a fold)."""
    rows = db.execute(select(SummaryTally.kind, SummaryTally.dims, SummaryTally.figures)).all()
    return {(kind, dims): [round(f, 9) if isinstance(f, float) else f for f in figures]
            for kind, dims, figures in rows}


class _Counted(ProcessPoolExecutor):
    """A pool that records how many parts it was given, and how many times it was made ready."""

    submitted = 0
    readied = 0

    def submit(self, fn, *args, **kwargs):
        if fn is fold_parts.ready:
            type(self).readied += 1
        else:
            type(self).submitted += 1
        return super().submit(fn, *args, **kwargs)


@pytest.mark.parametrize("parts, chunk", [(2, 300), (3, 70)])
def test_a_fold_in_parts_keeps_the_rows_of_a_fold_in_one_process(loaded, db, synthetic, monkeypatch,  # noqa: F811
                                                                  parts, chunk):
    with loaded.app_context():
        keys = _keys(db, synthetic)
        assert tallies.fold(db, synthetic, keys, chunk=chunk, parts=1) == 300
        alone = _kept(db)
        begin_write(db)
        tallies.reset(db, synthetic)
        db.commit()
        monkeypatch.setattr(fold_parts, "ProcessPoolExecutor", _Counted)
        _Counted.submitted = _Counted.readied = 0
        assert tallies.fold(db, synthetic, keys, chunk=chunk, parts=parts) == 300
        assert _Counted.submitted == (parts - 1) * -(-300 // chunk)  # every step's other parts went to workers
        assert _Counted.readied == parts - 1  # each worker started once, before the first claim
        assert _kept(db) == alone
    _assert_same(loaded, db, synthetic)
    assert multiprocessing.active_children() == []


def _failing_count(*_args):
    raise RuntimeError("a worker failed")


def _dying_count(*_args):
    os._exit(3)  # as if killed: the pool breaks


@pytest.mark.parametrize("worker", [_failing_count, _dying_count])
def test_a_failed_worker_leaves_nothing_half_done_and_the_next_fold_counts_all(loaded, db, synthetic,  # noqa: F811
                                                                               monkeypatch, worker):
    with loaded.app_context():
        keys = _keys(db, synthetic)
        monkeypatch.setattr(fold_parts, "count_part", worker)
        with pytest.raises(Exception):  # noqa: B017 (the worker's own error, or the broken pool's)
            tallies.fold(db, synthetic, keys, parts=2)
        assert multiprocessing.active_children() == []
        assert db.scalar(select(func.count()).select_from(SummaryTally)) == 0
        assert db.scalar(select(func.count()).select_from(SummaryQueue)) == db.scalar(
            select(func.count()).where(Response.status == "submitted"))  # every response still waits
        # The write lock was let go: another session can write at once.
        other = loaded.extensions["engage.sessionmaker"]()
        begin_write(other)
        other.commit()
        other.close()
        monkeypatch.undo()
        assert tallies.fold(db, synthetic, keys, parts=2) == 300
    _assert_same(loaded, db, synthetic)


class _NoPool:
    def __init__(self, *_args, **_kwargs):
        raise AssertionError("no worker should start")


def test_with_one_cpu_the_fold_counts_in_its_own_process(loaded, db, synthetic, monkeypatch):  # noqa: F811
    monkeypatch.setattr(fold_parts, "_cpus", lambda: 1)
    monkeypatch.setattr(fold_parts, "MIN_PART", 10)
    monkeypatch.setattr(fold_parts, "ProcessPoolExecutor", _NoPool)
    with loaded.app_context():
        assert tallies.fold(db, synthetic, _keys(db, synthetic)) == 300
    _assert_same(loaded, db, synthetic)


def test_parts_follow_the_cpus_and_the_size_of_the_step(monkeypatch):
    monkeypatch.setattr(fold_parts, "_cpus", lambda: 2)
    assert fold_parts.parts_for(100_000) == 2
    assert fold_parts.parts_for(fold_parts.MIN_PART * 2 - 1) == 1  # a small step is not worth a worker
    assert fold_parts.parts_for(5, wanted=3) == 3  # asked for: as many parts, however small
    assert fold_parts.parts_for(2, wanted=3) == 2  # never more parts than responses
    monkeypatch.setattr(fold_parts, "_cpus", lambda: 16)
    assert fold_parts.parts_for(10_000_000) == fold_parts.MAX_PARTS


def test_an_in_memory_database_is_counted_in_one_process():
    from sqlalchemy.orm import Session

    from engage.db import make_engine

    engine = make_engine("sqlite://")
    with Session(engine) as session:
        assert not fold_parts.shareable(session)
    engine.dispose()


def test_steps_that_read_the_kept_rows_in_bulk_add_to_the_rows_of_their_days(loaded, db, synthetic,  # noqa: F811
                                                                            monkeypatch):
    with loaded.app_context():
        keys = _keys(db, synthetic)
        assert tallies.fold(db, synthetic, keys, parts=1) == 300
        whole = _kept(db)
        begin_write(db)
        tallies.reset(db, synthetic)
        db.commit()
        # Every step reads its kinds' kept rows in one query (a day's rows only, for the daily kinds),
        # as a step of a large fold does; the steps' days overlap.
        monkeypatch.setattr(tally_writes, "LOOKUPS", 0)
        assert tallies.fold(db, synthetic, keys, chunk=70, parts=1) == 300
        assert _kept(db) == whole


def test_claimed_responses_are_cut_into_equal_parts_by_school_and_area():
    rows = [(school, area, variant, response_id) for response_id, (school, area, variant) in enumerate(
        [(2, "north", "primary"), (None, "east", "parent"), (1, None, "primary"), (2, "north", "parent"),
         (1, "south", "primary"), (None, None, "primary"), (2, "north", "primary"), (1, "south", "primary"),
         (10, "west", "young"), (1, "south", "parent"), (None, "east", "parent")] * 3, start=1)]
    place = {row[3]: row[:3] for row in rows}
    assert fold_parts.Claimed(list(reversed(rows))).ids() == sorted(place)
    for n in (1, 2, 3, 4):
        parts = fold_parts.Claimed(list(reversed(rows))).cut(n)
        assert sorted(i for part in parts for i in part) == sorted(place)  # each response in one part
        assert all(part == sorted(part) for part in parts)
        assert max(map(len, parts)) - min(map(len, parts)) <= 1
        # Parts follow each other by school (in order of id, none last), then area, then variant.
        spans = [sorted(fold_parts._place_order(place[i]) for i in part) for part in parts]
        assert all(spans[k][-1] <= spans[k + 1][0] for k in range(n - 1))
    # Read when the parts are cut, and only then.
    reads = []
    lazy = fold_parts.Claimed(ids=sorted(place), read=lambda: reads.append(1) or rows)
    assert len(lazy) == len(rows) and reads == []
    assert lazy.cut(2) == fold_parts.Claimed(rows).cut(2) and reads == [1]
