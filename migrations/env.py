"""Alembic environment: the engine comes from the app (see engage/migrate.py)."""
from alembic import context
from sqlalchemy import create_engine

import engage.models  # noqa: F401  (registers every table on Base.metadata)
from engage.db import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_offline() -> None:
    """Emit SQL without a database connection."""
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def _sqlite_foreign_keys(connection, on: bool) -> None:
    """Switch SQLite's foreign-key enforcement, outside any transaction (it is ignored inside).

    Batch mode alters a SQLite table by copying it and dropping the old one; with foreign keys
    on, dropping `responses` would cascade and delete every answer.
    """
    if connection.dialect.name == "sqlite":
        connection.connection.driver_connection.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def _check_sqlite_foreign_keys(connection) -> None:
    """Refuse to finish a migration that left rows pointing at nothing."""
    if connection.dialect.name == "sqlite":
        broken = connection.connection.driver_connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"the migration left {len(broken)} rows with broken references: {broken[:5]}")


def run_migrations_online() -> None:
    """Run migrations on the app's engine; batch mode lets SQLite alter tables."""
    engine = config.attributes.get("engine") or create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        _sqlite_foreign_keys(connection, on=False)
        try:
            context.configure(connection=connection, target_metadata=target_metadata,
                              render_as_batch=True, compare_type=True)
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()
            _check_sqlite_foreign_keys(connection)
        finally:
            _sqlite_foreign_keys(connection, on=True)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
