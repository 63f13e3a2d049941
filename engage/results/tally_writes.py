"""Add a fold's counts into the kept rows of summary_tallies, many rows at a time.

A first fold writes over a million rows at a million responses, so rows go through the database
driver's executemany with their JSON already made, and the kept rows of a kind are read in one
query when a batch touches many of them (a fold in steps adds to the rows its earlier steps wrote).
"""
from __future__ import annotations

import json
from operator import add, itemgetter, sub

from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from engage.models import SummaryTally
from engage.results.fold import DAILY, DAY_SLICED

# Above this many groups, one read of all the kind's kept rows is cheaper than looking each up.
LOOKUPS = 5_000
# New rows made into COPY text at a time, to keep the text a few megabytes.
COPY_SLICE = 50_000
BACKSLASH, ESCAPED = "\\", "\\\\"
TABLE = SummaryTally.__table__
# Kinds kept per day (and few-valued slice): their dims start '["YYYY-MM-DD", ' (the day at the third
# character, 1-based).
DAY_KINDS, DAY_AT = {*DAILY.values(), *DAY_SLICED.values()}, 3


def merge(session: Session, consultation_id: int, kind: str, groups: dict[str, list], sign: int) -> None:
    """Add (sign 1) or subtract (sign -1) one kind's counts by group; only the batch's groups are touched."""
    kept = _kept(session, consultation_id, kind, list(groups))
    if not kept and sign == 1:
        # Nothing kept to add to (a kind's first rows, as in a first fold): every group is a new row,
        # written as it is without a comparison per group.
        _insert(session, consultation_id, kind, [(dims, _as_json(figures)) for dims, figures in groups.items()
                                                 if any(figures[:2])])
        return
    added, changed, emptied = [], [], []
    for dims, figures in groups.items():
        old_id, old = kept.get(dims, (None, None))
        if old is None:
            new = figures if sign == 1 else [-b for b in figures]
        else:
            new = list(map(add if sign == 1 else sub, old, figures))
        if not any(new[:2]):  # no people, answers or comments left in this group
            if old_id is not None:
                emptied.append((old_id,))
        elif old_id is None:
            added.append((dims, _as_json(new)))
        else:
            changed.append((_as_json(new), old_id))
    _insert(session, consultation_id, kind, added)
    _write_many(session, "UPDATE summary_tallies SET figures = {} WHERE id = {}", changed)
    _write_many(session, "DELETE FROM summary_tallies WHERE id = {}", emptied)


def _as_json(figures: list) -> str:
    """Write a row's figures as json.dumps would: a first fold writes about five rows a response.

    Counts are Python ints and a polarity a finite Python float, whose repr is their JSON, and a list's
    str is its items' reprs as json.dumps separates them: one C call, half the time of joining them."""
    return str(figures)


def _insert(session: Session, consultation_id: int, kind: str, rows: list[tuple[str, str]]) -> None:
    """Insert one kind's new rows (dims, figures as JSON): by COPY on PostgreSQL, where a first fold's
    1.3 million single-row INSERTs cost the server more CPU than anything but reading the answers."""
    # In the order of the unique index (consultation, kind, dims), new rows extend it page by page: a
    # first fold's 1.3 million rows took 10.3 s of CPU to insert in the order they were counted, 6.4 s sorted.
    rows.sort(key=itemgetter(0))
    connection = session.connection()
    if not rows or connection.dialect.name != "postgresql":
        _write_many(session, "INSERT INTO summary_tallies (consultation_id, kind, dims, figures) "
                             "VALUES ({}, {}, {}, {})", [(consultation_id, kind, *row) for row in rows])
        return
    # The rows go as COPY's text, made in one join per slice of rows: a write_row call per row cost the
    # client a fifth more CPU (730,000 rows: 1.3 s against 1.05 s). Dims and figures are JSON made by
    # json.dumps or str of numbers, so they hold no tab, newline or carriage return; a backslash (JSON's
    # escapes) is COPY's escape, so it is doubled.
    head = f"{consultation_id}\t{kind}\t"
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy("COPY summary_tallies (consultation_id, kind, dims, figures) FROM STDIN") as copy:
        for start in range(0, len(rows), COPY_SLICE):
            copy.write("".join([f"{head}{dims.replace(BACKSLASH, ESCAPED)}\t{figures}\n"
                                for dims, figures in rows[start:start + COPY_SLICE]]))


def _write_many(session: Session, statement: str, rows: list[tuple]) -> None:
    """Run one statement for many rows through the driver (its placeholders filled in for the engine)."""
    if not rows:
        return
    connection = session.connection()
    connection.exec_driver_sql(statement.format(*[_mark(connection)] * len(rows[0])), rows)


def _mark(connection) -> str:
    """The mark the driver binds one parameter to in a statement: sqlite3 takes ?, psycopg %s."""
    return "?" if connection.dialect.paramstyle == "qmark" else "%s"


def _kept(session: Session, consultation_id: int, kind: str, keys: list[str]) -> dict[str, tuple[int, list]]:
    """Return the kept rows of these groups, as {dims: (tally id, figures)}."""
    if len(keys) > LOOKUPS:
        wanted = set(keys)
        # A step of a first fold adds to a few days' rows: read those days', not every day's.
        days = sorted({dims[DAY_AT - 1:DAY_AT + 9] for dims in keys}) if kind in DAY_KINDS else None
        rows = [row for row in _all_kept(session, consultation_id, kind, days) if row[0] in wanted]
    else:
        query = select(TABLE.c.dims, TABLE.c.id, cast(TABLE.c.figures, Text)).where(
            TABLE.c.consultation_id == consultation_id, TABLE.c.kind == kind)
        rows = [row for start in range(0, len(keys), 500)
                for row in session.execute(query.where(TABLE.c.dims.in_(keys[start:start + 500]))).all()]
    # One JSON array for all the rows' figures: a decoder call per row was most of a step's reading.
    figures = json.loads("[" + ",".join(row[2] for row in rows) + "]")
    return {row[0]: (row[1], found) for row, found in zip(rows, figures, strict=True)}


def _all_kept(session: Session, consultation_id: int, kind: str, days: list[str] | None) -> list[tuple]:
    """Return a kind's kept rows (of these days, None for all) as (dims, tally id, figures as JSON text)
    tuples straight from the driver: a step of a first fold of a million reads about 250,000, and
    making each a result row was a third of reading them."""
    connection = session.connection()
    mark = _mark(connection)
    statement = (f"SELECT dims, id, CAST(figures AS TEXT) FROM summary_tallies "
                 f"WHERE consultation_id = {mark} AND kind = {mark}")
    if days is not None:
        statement += f" AND substr(dims, {DAY_AT}, 10) IN ({', '.join([mark] * len(days))})"
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.execute(statement, (consultation_id, kind, *(days or ())))
        return cursor.fetchall()
    finally:
        cursor.close()
