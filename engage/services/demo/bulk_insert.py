"""Write many rows fast: ids taken up front, then one driver-level bulk insert per table.

Going below SQLAlchemy's insert() matters at a million responses (thirty million answers):
compiling and type-processing every parameter costs more than SQLite's own insert. So rows are
plain tuples of driver-ready values, written with executemany on SQLite and COPY on PostgreSQL.
Only bulk loaders (the synthetic generator) use this; the app's own writes go through the ORM.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import text
from sqlalchemy.orm import Session


def on_sqlite(session: Session) -> bool:
    """Say whether the session's database is SQLite."""
    return session.get_bind().dialect.name == "sqlite"


def take_ids(session: Session, table: str, n: int) -> Sequence[int]:
    """Return n unused ids of a table for rows about to be written (inside a write transaction).

    SQLite holds the whole database's write lock, so the ids after the largest are free;
    PostgreSQL hands them out from the table's sequence, which other writers also use.
    """
    if n == 0:
        return []
    if on_sqlite(session):
        top = session.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar_one()
        return range(top + 1, top + 1 + n)
    sequence = f"pg_get_serial_sequence('{table}', 'id')"
    return session.execute(text(f"SELECT nextval({sequence}) FROM generate_series(1, :n)"), {"n": n}).scalars().all()


def write(session: Session, table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    """Insert rows (tuples in the order of columns) into a table in one bulk statement."""
    if not rows:
        return
    driver = session.connection().connection.driver_connection
    names = ", ".join(columns)
    if on_sqlite(session):
        marks = ", ".join("?" * len(columns))
        driver.cursor().executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        return
    with driver.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


class Values:
    """Turns Python values into what the database's driver stores for SQLAlchemy's column types."""

    def __init__(self, session: Session):
        self.sqlite = on_sqlite(session)
        self._days: dict = {}

    def day(self, value: date) -> object:
        """A Date column's value (SQLAlchemy keeps ISO text on SQLite)."""
        return value.isoformat() if self.sqlite else value

    def moment(self, value: datetime) -> object:
        """A DateTime column's value, in the exact text SQLAlchemy writes on SQLite (text compares)."""
        if not self.sqlite:
            return value
        found = self._days.get(value)
        if found is None:
            found = self._days[value] = value.strftime("%Y-%m-%d %H:%M:%S.%f")
        return found

    def flag(self, value: bool) -> object:
        """A Boolean column's value."""
        return int(value) if self.sqlite else value

    @staticmethod
    def json(value) -> str | None:
        """A JSON column's value, serialised as SQLAlchemy's default serialiser does."""
        return None if value is None else json.dumps(value)
