"""The reads every survey page makes, run on the driver's cursor with SQL and row handling built once.

SQLAlchemy spends tens of microseconds of Python on each Core execution (the statement's cache key,
an execution context, result metadata) around a query the driver answers in a few, and a survey
page makes one or two such reads on every request. Here SQLAlchemy itself compiles the statement
once per dialect, and its own type processors turn each column as `Connection.execute` would
(SQLite's text dates into datetimes, its JSON text into lists), so the rows are the same rows.
The cursor belongs to the connection the session already holds, inside its transaction.
"""
from collections import namedtuple
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Select
from sqlalchemy.engine import Dialect


class DriverRead:
    """A Core select run straight on the driver: `rows(connection, parameters)`."""

    def __init__(self, statement: Select) -> None:
        self._statement = statement
        self._built: dict[str, tuple] = {}

    def rows(self, connection: Connection, parameters: dict[str, Any]) -> list[tuple]:
        """Run the select in the connection's transaction; return its rows, each column processed."""
        dialect = connection.dialect
        built = self._built.get(dialect.name) or self._build(dialect)
        sql, positions, processors, row = built
        sent = [parameters[name] for name in positions] if positions is not None else parameters
        heard = connection._has_events or connection.engine._has_events
        cursor = connection.connection.cursor()
        try:
            if heard:  # whoever listens for statements (tests, tracing) still hears this one
                connection.dispatch.before_cursor_execute(connection, cursor, sql, sent, None, False)
            cursor.execute(sql, sent)
            raw = cursor.fetchall()
            if heard:
                connection.dispatch.after_cursor_execute(connection, cursor, sql, sent, None, False)
        except dialect.loaded_dbapi.Error as error:
            # As execute() would: wrapped in SQLAlchemy's exception, and a lost connection invalidated.
            connection._handle_dbapi_exception(error, sql, sent, cursor, None)
        finally:
            cursor.close()
        if not processors:
            return [row._make(values) for values in raw]
        return [row._make(_processed(values, processors)) for values in raw]

    def _build(self, dialect: Dialect) -> tuple:
        compiled = self._statement.compile(dialect=dialect)
        if compiled.binds and any(b.type._cached_bind_processor(dialect) for b in compiled.binds.values()):
            raise ValueError("a parameter needs SQLAlchemy's processing: run this statement through execute()")
        columns = compiled._result_columns
        processors = [(n, processor) for n, column in enumerate(columns)
                      if (processor := column.type._cached_result_processor(dialect, None)) is not None]
        positions = list(compiled.positiontup) if compiled.positional else None
        row = namedtuple("Row", [column.keyname for column in columns])
        self._built[dialect.name] = built = (compiled.string, positions, processors, row)
        return built


def _processed(values: tuple, processors: list[tuple[int, Callable]]) -> list:
    out = list(values)
    for n, processor in processors:
        out[n] = processor(out[n])
    return out
