"""Database: declarative base, one engine per app, one session per request."""
import time
from pathlib import Path

from flask import Flask, current_app, g
from sqlalchemy import MetaData, create_engine, event, make_url
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from engage.files import private_file

# Named constraints let Alembic alter them later, SQLite included.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class of every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def make_engine(url: str) -> Engine:
    """Create an engine, tuning SQLite for many small concurrent writes."""
    if url.startswith("sqlite"):
        _private_sqlite_file(url)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    engine = create_engine(url, pool_size=10, max_overflow=10)
    _ping_when_idle(engine)
    return engine


# A pooled connection back within this many seconds is used without a ping first.
PING_AFTER_IDLE = 5.0
_IDLE_SINCE = "engage_idle_since"


def _ping_when_idle(engine: Engine) -> None:
    """Ping a pooled connection on checkout only if it sat idle, instead of on every checkout.

    pool_pre_ping cost a round trip to the server on every request (a fifth of a survey page's on
    PostgreSQL). Connections that sat idle are the ones a restart, a failover or a firewall's
    idle timeout may have closed, and they are still pinged and replaced unseen. A server that
    restarts under load fails at most one request per worker: the error invalidates every older
    pooled connection, and an unfinished save was never committed, so posting again is safe.
    """

    @event.listens_for(engine, "checkin")
    def _idle_from_now(_dbapi_connection, record) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection, record, _proxy) -> None:
        idle_since = record.info.get(_IDLE_SINCE)
        if idle_since is not None and time.monotonic() - idle_since < PING_AFTER_IDLE:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            raise DisconnectionError() from exc  # the pool drops it and checks out another


def _private_sqlite_file(url: str) -> None:
    """Create the SQLite file owner-only before SQLite does (its journals copy the file's mode)."""
    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        private_file(Path(database))


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Use WAL so readers never block the writer, and enforce foreign keys."""
    # SQLAlchemy emits BEGIN itself (see _sqlite_begin), so the driver must not.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _sqlite_begin(connection) -> None:
    """Take the write lock up front in write transactions.

    A deferred transaction that reads and then writes fails with "database is locked"
    when another writer committed in between; BEGIN IMMEDIATE waits its turn instead.
    """
    immediate = connection.get_execution_options().get("engage_write", False)
    _driver_sql(connection, "BEGIN IMMEDIATE" if immediate else "BEGIN")


def _driver_sql(connection, statement: str) -> None:
    """Run a transaction statement on the driver's connection, as SQLAlchemy's own commit does:
    through exec_driver_sql it cost more CPU than the query it begins."""
    connection.connection.driver_connection.execute(statement)


def begin_write(session: Session) -> None:
    """Start a write transaction: on SQLite it holds the write lock from the start."""
    if not session.in_transaction():
        session.connection(execution_options={"engage_write": True})
        return
    # Only reads can have happened (anything the ORM still holds is flushed as before).
    session.flush()
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        # PostgreSQL reads committed rows afresh at each statement, and writes take their own
        # row locks: the reads so far need not end first.
        return
    # End the reads and take the write lock on the same connection. Committing through the
    # session would hand the connection back to the pool and check it out again, which cost
    # more CPU than the two statements.
    _driver_sql(connection, "COMMIT")
    _driver_sql(connection, "BEGIN IMMEDIATE")


def reads_only(session: Session) -> None:
    """Run this request's reads without a transaction on PostgreSQL: its pages that only read.

    Under READ COMMITTED every statement reads its own snapshot, in a transaction or not, so
    nothing changes but the BEGIN and ROLLBACK, two round trips to the server a request. The
    connection goes back to the pool in its usual mode. SQLite keeps its in-process BEGIN.
    """
    if session.in_transaction() or session.get_bind().dialect.name != "postgresql":
        return
    session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})


def init_app(app: Flask) -> None:
    """Create the app's engine (and a read replica's, if set); close the request session at teardown."""
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["engage.engine"] = engine
    app.extensions["engage.sessionmaker"] = sessionmaker(engine, expire_on_commit=False)
    replica = app.config.get("RESULTS_DATABASE_URL")
    app.extensions["engage.results_sessionmaker"] = (
        sessionmaker(make_engine(replica), expire_on_commit=False) if replica
        else app.extensions["engage.sessionmaker"])
    app.teardown_appcontext(_close_session)


def results_sessionmaker() -> sessionmaker:
    """Return the sessions that only read results (exports): a read replica's when one is set.

    Only reads go there: a summary folds new responses into its tallies (a write), so it stays
    on the primary; an export from a replica may miss the last seconds of replication lag.
    """
    return current_app.extensions["engage.results_sessionmaker"]


def get_session() -> Session:
    """Return the session of the current request or CLI command."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["engage.sessionmaker"]()
    return g.db_session


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
