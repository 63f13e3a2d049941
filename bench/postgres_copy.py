"""Copy a benchmark SQLite database into PostgreSQL, so a results benchmark can run on both engines.

Generating 100,000 responses again on PostgreSQL takes longer than copying them: every table
is read through SQLAlchemy (so types come back as Python values) and written with COPY.
"""
import json
import time

from sqlalchemy import JSON, Integer, create_engine, select

from engage import create_app, migrate
from engage.db import Base

BATCH = 20_000


def copy_database(source_url: str, target_url: str) -> float:
    """Migrate the empty target, copy every table of the source into it; return seconds taken."""
    started = time.perf_counter()
    app = create_app({"DATABASE_URL": target_url, "SECRET_KEY": "bench"})
    migrate.upgrade(app)
    target = app.extensions["engage.engine"]
    source = create_engine(source_url)
    tables = Base.metadata.sorted_tables
    with source.connect() as reader, target.begin() as writer:
        for table in reversed(tables):
            writer.execute(table.delete())  # whatever the migrations seeded
        cursor = writer.connection.driver_connection.cursor()
        for table in tables:
            _copy_table(reader, cursor, table)
            _reset_sequence(cursor, table)
    source.dispose()
    target.dispose()
    return time.perf_counter() - started


def _copy_table(reader, cursor, table) -> None:
    names = [c.name for c in table.columns]
    as_json = [isinstance(c.type, JSON) for c in table.columns]
    rows = reader.execution_options(yield_per=BATCH).execute(select(*table.columns))
    with cursor.copy(f'COPY {table.name} ({", ".join(names)}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([json.dumps(v) if j and v is not None else v for v, j in zip(row, as_json, strict=True)])


def _reset_sequence(cursor, table) -> None:
    """Let later inserts take ids after the copied ones."""
    if "id" in table.columns and isinstance(table.columns["id"].type, Integer):
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                       f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)")
