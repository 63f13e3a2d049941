"""Count a large batch of claimed responses in several processes, each taking a part of its responses.

A first fold (after an upgrade or a bulk import) counts its whole backlog in one transaction, and
counting is most of its time: reading the packed answers and comments, counting them in Python.
So the batch is cut into parts (by school, see _parts); the fold's own process counts the first part
while worker processes count the others, each on its own connection, and their counts are added
together before the fold writes them as before, in its one transaction.

The claim (the batch token) is not committed while the workers read, so each worker is given the
ids of its part and counts exactly those. Nothing the counts depend on can change meanwhile: on
SQLite no one else can write while the fold holds the write lock, and on PostgreSQL the claimed
responses are locked and a correction takes the consultation's lock first (tallies.unfold).
Workers are started afresh rather than forked, because a forked copy of a server process would
share its database connections and any lock another thread held. If a worker fails, the fold's
transaction is rolled back: nothing is written and the responses wait for the next fold.
"""
from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context

from sqlalchemy import Integer, any_, func, literal, literal_column, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from engage.db import make_engine
from engage.models import Response
from engage.results import fold as fold_q
from engage.results import fold_pass
from engage.results import queries as q

# Responses a part should have at least: starting a worker costs about a second of imports, and a
# fold of a few new responses is over in less.
MIN_PART = 20_000
# More processes than this gain little: the fold's writing, in one process, is then most of the time.
MAX_PARTS = 4
# A fold counts as many waiting responses as this at most to decide whether to start workers early.
ENOUGH = MIN_PART * MAX_PARTS

Counts = dict[str, dict[str, list]]


def counted(session: Session, scope: q.Scope, to_keep: bool = True) -> Counts:
    """Count the scope's answers and comments in one pass (by day and slice too when to_keep); return
    {kind: {dims as JSON: figures}}."""
    return fold_pass.count(session, scope, to_keep)


def parts_for(responses: int, wanted: int | None = None) -> int:
    """Return how many parts to count a batch in: `wanted` if given, else one per available CPU while
    each part keeps MIN_PART responses (one, the fold's own process alone, on a single CPU)."""
    if wanted is None:
        wanted = min(_cpus(), MAX_PARTS, responses // MIN_PART)
    return max(1, min(wanted, responses))


def _cpus() -> int:
    """The CPUs this process may run on (a container or taskset may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def shareable(session: Session) -> bool:
    """Say whether another process can open the fold's database (an in-memory SQLite one it cannot)."""
    url = session.get_bind().url
    if url.get_backend_name() != "sqlite":
        return True
    return url.database not in (None, "", ":memory:") and "mode=memory" not in str(url)


class Workers:
    """A pool of worker processes for one fold, started when a batch first needs them."""

    def __init__(self, wanted: int | None = None):
        self.wanted, self.pool = wanted, None

    def count(self, session: Session, consultation_id: int, keys: q.Keys, claimed: Claimed) -> Counts:
        """Count the claimed responses in parts; return the added-up counts."""
        url = session.get_bind().url.render_as_string(hide_password=False)
        n = parts_for(len(claimed), self.wanted) if shareable(session) else 1
        if n == 1:
            return counted(session, fold_q.Batch(consultation_id, keys, among(claimed.ids(), url)))
        cut = claimed.cut(n)
        self.start(n)
        futures = [self.pool.submit(count_part, url, consultation_id, keys, part) for part in cut[1:]]
        total = counted(session, fold_q.Batch(consultation_id, keys, among(cut[0], url)))
        for future in futures:
            add(total, future.result())
        return total

    def expect(self, session: Session, responses: int) -> None:
        """Start the workers now if a batch of this many responses will be counted in parts: a worker
        takes a second or two to start and import the app, and the fold's claim, before it, leaves the
        other CPUs idle meanwhile."""
        n = parts_for(responses, self.wanted) if shareable(session) else 1
        if n > 1 and self.pool is None:
            self.start(n)
            for _ in range(n - 1):
                self.pool.submit(ready)  # a process starts for each task it is given, not before

    def start(self, n: int) -> None:
        """Start the pool for n parts (the fold's own and n - 1 workers'), if not started yet."""
        if self.pool is None:
            self.pool = ProcessPoolExecutor(max(n, self.wanted or 0) - 1, mp_context=get_context("spawn"),
                                            initializer=exit_with, initargs=(os.getpid(),))

    def close(self) -> None:
        """Stop the workers (at once, dropping queued parts, when the fold failed)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


class Claimed:
    """The responses one fold transaction claimed: each one's school, area, variant and id, read with
    the claim, so the parts are cut without reading the batch again."""

    def __init__(self, rows: list[tuple] | None = None, ids: list[int] | None = None,
                 read: Callable[[], list[tuple]] | None = None):
        """rows: (school, area, variant, id) of each; or ids (sorted) and read, which reads their rows
        when the parts are cut (a fold of a few responses is counted in one part, and needs none)."""
        self.rows, self._ids, self.read = rows, ids, read
        self.size = len(rows if ids is None else ids)

    def __len__(self) -> int:
        return self.size

    def ids(self) -> list[int]:
        """Every claimed id, sorted (before the cut)."""
        if self._ids is None:
            self._ids = sorted(row[3] for row in self.rows)
        return self._ids

    def cut(self, n: int) -> list[list[int]]:
        """Cut the claimed responses into n parts of equal size, each a sorted list of response ids (once).

        Responses are cut by school and area, not by id, so that the parts share as few profiles as they
        can: every part adds up its own profiles' groups and the fold adds the parts' groups together,
        so a profile counted in two parts costs twice. The responses are put in order by school, area,
        variant and id (a school's responses together), through their few distinct (school, area,
        variant): sorting a million rows by a key made for each took 1.5-1.9 s of the fold's path."""
        # Let go of the rows once cut: a million of them held about 160 MB more while the parts were counted.
        rows, self.rows = (self.read() if self.rows is None else self.rows), None
        by_place: dict[tuple, list[int]] = {}
        for school, area, variant, response_id in rows:
            found = by_place.get((school, area, variant))
            if found is None:
                found = by_place[(school, area, variant)] = []
            found.append(response_id)
        ordered: list[int] = []
        for place in sorted(by_place, key=_place_order):
            ordered.extend(sorted(by_place[place]))
        return [sorted(ordered[len(ordered) * i // n:len(ordered) * (i + 1) // n]) for i in range(n)]


def _place_order(place: tuple) -> tuple:
    """Schools in order of id, then areas, then variants; responses without a school or area last."""
    school, area, variant = place
    return (school is None, school or 0, area is None, area or "", variant or "")


def cut_columns():
    """What Claimed is read as, for each claimed response."""
    return (Response.school_id, Response.area_id, Response.variant, Response.id)


@contextmanager
def workers(wanted: int | None = None) -> Iterator[Workers]:
    """Yield a Workers for one fold, and stop its processes however the fold ends."""
    found = Workers(wanted)
    try:
        yield found
    finally:
        found.close()


def exit_with(parent: int) -> None:
    """In a worker: exit once the fold's process is gone. Killed, it cannot stop its workers, and a
    worker waiting for its next part would wait for ever (it holds both ends of its own queue)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="exit-with-fold").start()


def ready() -> None:
    """Nothing: given to a new worker so that it starts and imports this module before its part comes."""


def count_part(url: str, consultation_id: int, keys: q.Keys, ids: list[int]) -> Counts:
    """Count the responses `ids` on a connection of this process's own (run in a worker)."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            return counted(session, fold_q.Batch(consultation_id, keys, among(ids, url)))
    finally:
        engine.dispose()


def among(ids: list[int], url: str):
    """The condition that a response is one of `ids` (sorted), as one parameter: a part holds tens of
    thousands of ids, more than SQLite allows parameters in a statement."""
    inside = Response.id.between(ids[0], ids[-1])
    if url.startswith("postgresql"):
        return inside & (Response.id == any_(literal(ids, ARRAY(Integer))))
    listed = select(literal_column("value")).select_from(func.json_each(json.dumps(ids)))
    return inside & Response.id.in_(listed)


def add(total: Counts, part: Counts) -> None:
    """Add a part's counts into the total, group by group."""
    for kind, groups in part.items():
        into = total.setdefault(kind, {})
        # Parts are cut by school and area, so most of a part's groups are its own: those are taken
        # as they are, and only the groups both hold are added figure by figure.
        shared = groups.keys() & into.keys()
        into.update((dims, figures) for dims, figures in groups.items() if dims not in shared)
        for dims in shared:
            fold_q.plus(into, dims, groups[dims])
