"""Keep the summary's additive counts in summary_tallies, so a summary reads small tables only.

Submitting adds one narrow row to summary_queue: the response waits to be counted. Before a summary
is read, fold() claims the consultation's waiting responses (one DELETE of their queue rows, which
returns their ids), counts that batch in one pass over its answers (fold_pass) and adds the counts
to the tallies, all in one write transaction under a lock on the consultation row, so two
servers never fold the same response twice. A response submitted while a fold runs is not in the
fold's snapshot, so its queue row stays for the next fold; a fold that fails rolls its DELETE back.
On PostgreSQL everything waiting is folded in one
transaction, so a large batch (the first fold after an upgrade or a bulk import) is one recount:
counted in several processes at once (fold_parts), each kept row written once by the fold alone, and
a failure part way leaves the tallies as they were. SQLite folds in steps (engine_step), so that
submissions get the write lock in between.
Anything that changes a counted response's figures afterwards (an officer's tag correction) calls
unfold() first, in its own transaction: the response's counts are subtracted and it waits to be
folded again.
"""
from __future__ import annotations

import json

import pandas as pd
from sqlalchemy import Text, and_, cast, delete, exists, func, insert, or_, select, true
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.definitions.variants import AUDIENCES
from engage.models import Answer, Consultation, Response, ResponseStatus, School, SummaryQueue, SummaryTally
from engage.results import fold as fold_q
from engage.results import fold_parts, tally_days, tally_writes
from engage.results import queries as q
from engage.results.filters import Filters

# Filters the tallies answer together with any other: everything is kept by variant.
ALWAYS = ("audience", "variant")
# Filters the tallies answer one at a time (with audience or variant), and their slice's name.
SLICE_OF = {"channel": "channel", "language": "language", "school_id": "school", "area_id": "area",
            "priority_group": "group"}
# The filters the tallies answer from their days (with audience or variant, and at most one few-valued slice).
DATES = ("date_from", "date_to")
# The filters of the few-valued slices, which the tallies answer with a date range or with each other.
FEW = tuple(f for f, name in SLICE_OF.items() if name in fold_q.FEW)


def covers(filters: Filters) -> bool:
    """Return whether the tallies can answer a summary under these filters: audience and variant with a
    date range, one slice, a date range and a few-valued slice (channel, language), or two few-valued
    slices. Other combinations (a date range with a school, a school and a channel) are counted from the
    filtered responses: each leaves a small share of the responses."""
    others = [k for k in filters.active() if k not in ALWAYS]
    slices = [k for k in others if k not in DATES]
    if len(slices) < len(others):
        return not slices or (len(slices) == 1 and slices[0] in FEW)
    return len(slices) <= 1 or (len(slices) == 2 and all(k in FEW for k in slices))


def _slices(filters: Filters) -> list[tuple[str, str]]:
    """Return the slices (name, key) a covered filter reads, in the order kept pairs hold them."""
    active = filters.active()
    picked = [(SLICE_OF[k], v) for k, v in active.items() if k in SLICE_OF]
    order = list(fold_q.SLICES)
    return sorted(picked, key=lambda p: order.index(p[0]))


def _countable(consultation_id: int) -> list:
    """The conditions on a queue row that its response is the consultation's and can be counted now."""
    # A response whose comments still wait for their value tags is counted once they have them. The few
    # waiting answers are read from their partial index: a lookup per response cost 0.7 s per 100,000.
    untagged = select(Answer.response_id).where(Answer.needs_tagging == true())
    return [SummaryQueue.consultation_id == consultation_id, SummaryQueue.response_id.not_in(untagged)]


def waiting(session: Session, consultation_ids: list[int]) -> dict[int, int]:
    """Return the number of submitted responses not yet counted, by consultation."""
    if not consultation_ids:
        return {}
    rows = session.execute(
        select(SummaryQueue.consultation_id, func.count())
        .where(SummaryQueue.consultation_id.in_(consultation_ids)).group_by(SummaryQueue.consultation_id))
    return {consultation_id: n for consultation_id, n in rows}


def counted():
    """The condition that a submitted response is counted in the kept tallies (not waiting)."""
    return ~exists().where(SummaryQueue.response_id == Response.id)


# SQLite lets one transaction write at a time, and a submission gives up after 30 seconds: a first
# fold of a million in one transaction would turn respondents away for minutes, so there it counts
# in steps that let submissions in between. PostgreSQL lets a submission in under the fold's lock,
# so there it counts everything waiting at once.
SQLITE_STEP = 100_000


def engine_step(session: Session) -> int | None:
    """Return how many responses one fold transaction counts on this engine (None: all that wait)."""
    return SQLITE_STEP if session.get_bind().dialect.name == "sqlite" else None


def fold(session: Session, consultation_id: int, keys: q.Keys, chunk: int | None = None,
         parts: int | None = None) -> int:
    """Count the consultation's submitted, uncounted responses into its tallies; return how many.

    chunk: the most responses one transaction counts (None: the engine's step, engine_step). All at
    once writes each kept row once; a first fold of a million in steps of 100,000 re-reads and
    rewrites, at every step, the rows the earlier steps wrote: about half of its own process's CPU.
    parts: how many processes count each step (None: one per CPU for a large step, see fold_parts)."""
    chunk = chunk or engine_step(session)
    total = 0
    with fold_parts.workers(parts) as workers:
        while True:
            claimed = _fold_some(session, consultation_id, keys, chunk, workers)
            total += claimed
            if chunk is None or claimed < chunk:
                return total


def _fold_some(session: Session, consultation_id: int, keys: q.Keys, chunk: int | None,
               workers: fold_parts.Workers) -> int:
    """Claim and count up to `chunk` uncounted responses (all, for None) in one write transaction;
    return how many."""
    # How many wait, up to what decides how many parts they are counted in (a bounded count stays cheap).
    waiting_now = select(SummaryQueue.response_id).where(*_countable(consultation_id)).limit(fold_parts.ENOUGH)
    found = session.scalar(select(func.count()).select_from(waiting_now.subquery()))
    if not found:
        return 0
    workers.expect(session, found if chunk is None else min(found, chunk))
    begin_write(session)
    try:
        _lock(session, consultation_id)
        claimed = _claim(session, consultation_id, chunk)
        if claimed:
            _write(session, consultation_id, workers.count(session, consultation_id, keys, claimed), 1)
    except BaseException:
        # Release the write lock now, not when the session is closed: nothing is claimed or written.
        session.rollback()
        raise
    session.commit()
    return len(claimed)


def _claim(session: Session, consultation_id: int, chunk: int | None) -> fold_parts.Claimed:
    """Delete the queue rows of the responses one fold transaction counts; return those responses (with
    what their parts are cut by): all that can be counted, or up to `chunk`, earliest sent first.

    Every kind is also kept per day a response was sent, and a step adds to the kept rows of each day
    its responses were sent on. Steps in order of sending touch a few days each, so a first fold in
    steps writes each day's rows about once; in order of id (a bulk import's ids need not follow the
    days) every step read and rewrote the rows of nearly every day."""
    claim = delete(SummaryQueue).returning(SummaryQueue.response_id)
    if chunk is None:
        claim = claim.where(*_countable(consultation_id))
    else:
        first = (select(SummaryQueue.response_id).join(Response, Response.id == SummaryQueue.response_id)
                 .where(*_countable(consultation_id)).order_by(Response.submitted_at, Response.id).limit(chunk))
        claim = claim.where(SummaryQueue.response_id.in_(first.correlate(None)))
    if session.get_bind().dialect.name == "postgresql":
        # The claimed responses' columns in the same statement: fetching a million ids and sending them
        # back as an array to read the columns cost the fold's process 2-3 s more.
        claimed = claim.cte("claimed")
        found = session.connection().execute(
            select(*fold_parts.cut_columns()).join(claimed, claimed.c.response_id == Response.id))
        # The driver's own tuples: a million result rows made by SQLAlchemy cost about a second more.
        rows = found.cursor.fetchall()
        found.close()
        return fold_parts.Claimed(rows)
    ids = sorted(session.scalars(claim))
    url = session.get_bind().url.render_as_string(hide_password=False)
    return fold_parts.Claimed(ids=ids, read=lambda: session.execute(
        select(*fold_parts.cut_columns()).where(fold_parts.among(ids, url))).all())


def unfold(session: Session, response: Response, keys: q.Keys) -> None:
    """Take a counted response out of the tallies, to be folded again (call inside a write)."""
    _lock(session, response.consultation_id)
    queued = session.scalar(select(SummaryQueue.response_id).where(SummaryQueue.response_id == response.id))
    if response.status != ResponseStatus.SUBMITTED or queued is not None:
        return
    batch = fold_q.Batch(response.consultation_id, keys, Response.id == response.id)
    _write(session, response.consultation_id, fold_parts.counted(session, batch), -1)
    session.execute(insert(SummaryQueue).values(response_id=response.id, consultation_id=response.consultation_id))


def reset(session: Session, consultation_id: int) -> None:
    """Forget a consultation's tallies (its survey version changed): the next summary counts afresh."""
    _lock(session, consultation_id)
    session.execute(delete(SummaryTally).where(SummaryTally.consultation_id == consultation_id))
    session.execute(delete(SummaryQueue).where(SummaryQueue.consultation_id == consultation_id))
    submitted = select(Response.id, Response.consultation_id).where(
        Response.consultation_id == consultation_id, Response.status == ResponseStatus.SUBMITTED)
    session.execute(insert(SummaryQueue).from_select(["response_id", "consultation_id"], submitted))


def _lock(session: Session, consultation_id: int) -> None:
    """Serialise folds of one consultation (PostgreSQL row lock; SQLite's write lock is whole)."""
    # NO KEY UPDATE: folds still exclude each other, but a response can be submitted meanwhile (its
    # foreign key takes a KEY SHARE lock on the consultation, which FOR UPDATE would make wait for
    # the whole of a first fold).
    session.execute(select(Consultation.id).where(Consultation.id == consultation_id)
                    .with_for_update(key_share=True))


def count_scope(session: Session, scope: q.Scope) -> dict[str, pd.DataFrame]:
    """Count the responses a scope picks in one pass over their answers, shaped as the tallies' frames:
    for filters the tallies do not keep (a date range with a school, two slices at once). Nothing is
    kept; the five GROUP BY queries of the SQL path would each read the same answers again."""
    counted = fold_parts.counted(session, scope, to_keep=False)
    rows = {}
    for kind in fold_q.KINDS:
        found = counted[kind]
        dims = json.loads("[" + ",".join(found) + "]")
        rows[kind] = [(*group, *figures) for group, figures in zip(dims, found.values(), strict=True)]
    return _shaped(session, _frames(rows))


def _write(session: Session, consultation_id: int, counts: fold_parts.Counts, sign: int) -> None:
    """Add (sign 1) or subtract (sign -1) a batch's counts to the kept tallies."""
    for kind, groups in counts.items():
        tally_writes.merge(session, consultation_id, kind, groups, sign)


def read(session: Session, consultation_id: int, filters: Filters) -> dict[str, pd.DataFrame]:
    """Return the kept tallies shaped as queries' frames, for the filters (see covers)."""
    wanted, picked = _variants(filters), _slices(filters)
    if filters.date_from or filters.date_to:
        one = picked[0] if picked else None
        return _shaped(session, _frames(tally_days.rows(session, consultation_id, filters, wanted, one,
                                                        _SliceTest(one))))
    rows: dict[str, list] = {kind: [] for kind in fold_q.KINDS}
    found = session.execute(_kept(consultation_id, picked)).all()
    in_slices = [_SliceTest(one) for one in picked]
    for kind, group, figs in _decoded(found):
        if kind in KEPT_BY:
            kind, head = KEPT_BY[kind]
            group = group[head:]
        elif not all(test(group) for test in in_slices):
            continue
        if wanted is None or group[0] in wanted:
            rows[kind].append((*group, *figs))
    return _shaped(session, _frames(rows))


def _decoded(found: list) -> zip:
    """Yield each kept row as (kind, dims, figures), decoded from JSON."""
    # One JSON array for all the rows' dims and one for their figures: a million responses keep about
    # 100,000 rows, and a decoder call per row was a second or more of the read.
    groups = json.loads("[" + ",".join(row[1] for row in found) + "]")
    figures = json.loads("[" + ",".join(row[2] for row in found) + "]")
    return zip((row[0] for row in found), groups, figures, strict=True)


def _frames(rows: dict[str, list]) -> dict[str, pd.DataFrame]:
    return {kind: pd.DataFrame.from_records(rows[kind], columns=list(dims + figs))
            for kind, (dims, figs) in fold_q.KINDS.items()}


# Kinds kept per slice, or per pair of slices: the kind they hold, and how many dims the slices take.
SLICED_KIND = {v: (k, 2) for k, v in fold_q.SLICED.items()}
PAIRED_KIND = {v: (k, 4) for k, v in fold_q.PAIRED.items()}
KEPT_BY = {**SLICED_KIND, **PAIRED_KIND}


def _kept(consultation_id: int, picked: list[tuple[str, str]]):
    """Select the kept rows a summary reads (kind, dims and figures as JSON text): profile-grain kinds,
    and the rows of the kinds kept per slice (one picked) or per pair of slices (two)."""
    t = SummaryTally
    columns = select(t.kind, t.dims, cast(t.figures, Text)).where(t.consultation_id == consultation_id)
    if not picked:
        return columns.where(t.kind.in_(list(fold_q.KINDS)))
    # The slices' rows start with their names and keys: compare that prefix of the JSON text.
    prefix = json.dumps([part for one in picked for part in one])[:-1] + ", "
    # A profile-grain row in the slices has their keys somewhere in its dims text; most rows do not, so
    # they are left in the database (the exact test is _SliceTest's, on the rows that are read).
    mentions = and_(*[t.dims.like("%" + _escaped(key) + "%", escape="/") for _, key in picked])
    profiled = and_(t.kind.in_([k for k in fold_q.KINDS if k not in fold_q.SLICED]), mentions)
    kept_by = SLICED_KIND if len(picked) == 1 else PAIRED_KIND
    sliced = and_(t.kind.in_(list(kept_by)), func.substr(t.dims, 1, len(prefix)) == prefix)
    return columns.where(or_(profiled, sliced))


def _escaped(key: str) -> str:
    """Return the key as LIKE text that matches itself only (no wildcards)."""
    return key.replace("/", "//").replace("%", "/%").replace("_", "/_")


class _SliceTest:
    """Say whether a profile-grain group (people, values) falls in the slice, working out each
    distinct profile value's slice keys once."""

    def __init__(self, picked: tuple[str, str] | None):
        self.picked, self.known = picked, {}

    def __call__(self, profile: list) -> bool:
        name, key = self.picked
        found = profile[fold_q.SLICES[name]]
        marker = tuple(found) if isinstance(found, list) else found
        keys = self.known.get(marker)
        if keys is None:
            keys = self.known[marker] = set(fold_q.slice_keys(name, found))
        return key in keys


def _variants(filters: Filters) -> set[str] | None:
    wanted = set(AUDIENCES) if filters.audience or filters.variant else None
    if filters.audience:
        wanted &= {v for v, a in AUDIENCES.items() if a == filters.audience}
    if filters.variant:
        wanted &= {filters.variant}
    return wanted


def _shaped(session: Session, frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Name schools, drop the variant where the SQL frames have none, and set the SQL frames' types."""
    names = {i: name for i, name in session.execute(select(School.id, School.name))}
    people = frames["people"].assign(school=frames["people"]["school_id"].map(names))[q.PEOPLE_COLUMNS]
    values = frames["values"].assign(school=frames["values"]["school_id"].map(names))[q.VALUE_COLUMNS]
    values[q.VALUE_COLUMNS[-6:]] = values[q.VALUE_COLUMNS[-6:]].astype("int64")
    subthemes = frames["subthemes"].groupby("subtheme_id", as_index=False)[["responses", "answers"]].sum()
    comments = frames["comments"].groupby(["value_id", "subtheme_id"], as_index=False, dropna=False)[
        ["comments", "rated", "polarity"]].sum()
    return {"people": people, "cells": frames["cells"], "values": values, "subthemes": subthemes,
            "comments": comments}


def cells(session: Session, consultation_id: int, keys: q.Keys) -> pd.DataFrame:
    """Return a consultation's answer counts (as queries.cells), folding first."""
    fold(session, consultation_id, keys)
    return read(session, consultation_id, Filters())["cells"]
