"""PostgreSQL connections are pinged on checkout only after sitting idle, and a dead one is replaced unseen."""
import pytest
from sqlalchemy import create_engine, text

from engage import db as engage_db
from tests.conftest import ON_POSTGRES

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="SQLite has no server connection to ping")


@pytest.fixture
def engine(migrated):
    made = engage_db.make_engine(migrated)
    yield made
    made.dispose()


@pytest.fixture
def pings(engine, monkeypatch):
    sent = []
    real = engine.dialect.do_ping
    monkeypatch.setattr(engine.dialect, "do_ping", lambda dbapi_connection: sent.append(1) or real(dbapi_connection))
    return sent


def _backend_pid(engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(text("SELECT pg_backend_pid()"))


def _age_pool(engine, seconds: float) -> None:
    """Make every pooled connection look idle for `seconds` longer than it was."""
    for record in list(engine.pool._pool.queue):
        record.info[engage_db._IDLE_SINCE] -= seconds


def test_a_connection_back_at_once_is_not_pinged(engine, pings):
    first = _backend_pid(engine)  # a new connection: pinged once
    assert [_backend_pid(engine) for _ in range(5)] == [first] * 5
    assert len(pings) == 1


def test_a_connection_that_sat_idle_is_pinged(engine, pings):
    first = _backend_pid(engine)
    _age_pool(engine, engage_db.PING_AFTER_IDLE + 1)
    assert _backend_pid(engine) == first
    assert len(pings) == 2


def test_an_idle_connection_the_server_closed_is_replaced_unseen(engine, pings, migrated):
    dead = _backend_pid(engine)
    admin = create_engine(migrated)
    with admin.connect() as other:
        assert other.scalar(text("SELECT pg_terminate_backend(:pid)"), {"pid": dead})
    admin.dispose()
    _age_pool(engine, engage_db.PING_AFTER_IDLE + 1)
    assert _backend_pid(engine) not in (dead, None)
