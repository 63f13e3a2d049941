"""Keep the summary's additive counts in summary_tallies, so a summary reads small tables only.

Submitting does no extra work: a submitted response simply has no summary_batch yet. Before a
summary is read, fold() claims the consultation's uncounted responses (one UPDATE that writes a
fresh batch token), counts that batch with fold's GROUP BY queries and adds the counts
to the tallies, all in one write transaction under a lock on the consultation row, so two
servers never fold the same response twice. Anything that changes a counted response's figures
afterwards (an officer's tag correction) calls unfold() first, in its own transaction: the
response's counts are subtracted and it waits to be folded again.
"""
from __future__ import annotations

import json
import secrets
from decimal import Decimal

import pandas as pd
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.definitions.variants import AUDIENCES
from engage.models import Consultation, Response, ResponseStatus, School, SummaryTally
from engage.results import fold as fold_q
from engage.results import queries as q
from engage.results.filters import Filters

# The filters the tallies answer (they are grouped by variant); any other falls back to SQL.
COVERED = ("audience", "variant")


def covers(filters: Filters) -> bool:
    """Return whether the tallies can answer a summary under these filters."""
    return all(k in COVERED for k in filters.active())


def _unfolded(consultation_id: int):
    return select(Response.id).where(Response.consultation_id == consultation_id,
                                     Response.status == ResponseStatus.SUBMITTED,
                                     Response.summary_batch.is_(None))


def waiting(session: Session, consultation_ids: list[int]) -> dict[int, int]:
    """Return the number of submitted responses not yet counted, by consultation."""
    if not consultation_ids:
        return {}
    rows = session.execute(
        select(Response.consultation_id, func.count(Response.id))
        .where(Response.consultation_id.in_(consultation_ids), Response.status == ResponseStatus.SUBMITTED,
               Response.summary_batch.is_(None)).group_by(Response.consultation_id))
    return {consultation_id: n for consultation_id, n in rows}


def fold(session: Session, consultation_id: int, keys: q.Keys) -> int:
    """Count the consultation's submitted, uncounted responses into its tallies; return how many."""
    if session.scalar(_unfolded(consultation_id).limit(1)) is None:
        return 0
    begin_write(session)
    _lock(session, consultation_id)
    token = secrets.token_hex(16)
    claimed = session.execute(
        update(Response).where(Response.id.in_(_unfolded(consultation_id)))
        .values(summary_batch=token).execution_options(synchronize_session=False)).rowcount
    if claimed:
        _add(session, consultation_id, fold_q.Batch(consultation_id, keys, Response.summary_batch == token), 1)
    session.commit()
    return claimed


def unfold(session: Session, response: Response, keys: q.Keys) -> None:
    """Take a counted response out of the tallies, to be folded again (call inside a write)."""
    _lock(session, response.consultation_id)
    session.refresh(response, ["summary_batch"])
    if response.summary_batch is None:
        return
    _add(session, response.consultation_id, fold_q.Batch(response.consultation_id, keys, Response.id == response.id),
         -1)
    response.summary_batch = None
    session.flush()


def reset(session: Session, consultation_id: int) -> None:
    """Forget a consultation's tallies (its survey version changed): the next summary counts afresh."""
    _lock(session, consultation_id)
    session.execute(delete(SummaryTally).where(SummaryTally.consultation_id == consultation_id))
    session.execute(update(Response).where(Response.consultation_id == consultation_id)
                    .values(summary_batch=None).execution_options(synchronize_session=False))


def _lock(session: Session, consultation_id: int) -> None:
    """Serialise folds of one consultation (PostgreSQL row lock; SQLite's write lock is whole)."""
    session.execute(select(Consultation.id).where(Consultation.id == consultation_id).with_for_update())


def _add(session: Session, consultation_id: int, batch: fold_q.Batch, sign: int) -> None:
    """Add (sign 1) or subtract (sign -1) the batch's counts to the kept tallies."""
    kept = {(t.kind, t.dims): t for t in session.scalars(
        select(SummaryTally).where(SummaryTally.consultation_id == consultation_id))}
    for kind, query in fold_q.QUERIES.items():
        width = len(fold_q.KINDS[kind][0])
        for row in session.execute(query(batch)):
            dims, figures = json.dumps(list(row[:width])), [_number(v) * sign for v in row[width:]]
            tally = kept.get((kind, dims))
            if tally is None:
                tally = kept[(kind, dims)] = SummaryTally(consultation_id=consultation_id, kind=kind, dims=dims,
                                                          figures=[0] * len(figures))
                session.add(tally)
            tally.figures = [a + b for a, b in zip(tally.figures, figures, strict=True)]
            if not any(tally.figures[:2]):  # no people, answers or comments left in this group
                _drop(session, kept.pop((kind, dims)))
    session.flush()


def _drop(session: Session, tally: SummaryTally) -> None:
    if tally.id is None:
        session.expunge(tally)
    else:
        session.delete(tally)


def _number(value):
    """Return a count as int and a summed polarity as float (PostgreSQL sums give Decimal)."""
    if value is None:
        return 0
    return int(value) if isinstance(value, Decimal) else value


def read(session: Session, consultation_id: int, filters: Filters) -> dict[str, pd.DataFrame]:
    """Return the kept tallies shaped as queries' frames, for the audience/variant filter."""
    wanted = _variants(filters)
    rows: dict[str, list] = {kind: [] for kind in fold_q.KINDS}
    for kind, dims, figures in session.execute(select(SummaryTally.kind, SummaryTally.dims, SummaryTally.figures)
                                               .where(SummaryTally.consultation_id == consultation_id)):
        group = json.loads(dims)
        if wanted is None or group[0] in wanted:
            rows[kind].append((*group, *figures))
    frames = {kind: pd.DataFrame.from_records(rows[kind], columns=list(dims + figs))
              for kind, (dims, figs) in fold_q.KINDS.items()}
    return _shaped(session, frames)


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
