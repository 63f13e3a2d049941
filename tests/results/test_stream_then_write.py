"""A transaction that streamed export rows can still write: the streaming stays with its statement."""
import pytest
from sqlalchemy import func, select, update

from engage.db import begin_write
from engage.models import Response
from engage.results import export_rows
from engage.services import consultations
from tests.summary.known import build_known


@pytest.fixture
def known(loaded, db, monkeypatch):
    build_known(db, monkeypatch)
    return consultations.find(db, "known")


def test_a_write_after_streaming_rows_in_the_same_transaction_goes_through(db, known):
    streamed = list(export_rows.response_rows(db, known.id))
    assert streamed
    begin_write(db)
    # On PostgreSQL a streaming option left on the connection made this a server-side cursor,
    # which cannot hold an UPDATE.
    changed = db.execute(update(Response).where(Response.consultation_id == known.id)
                         .values(page=99)).rowcount
    db.commit()
    assert changed == db.scalar(select(func.count()).where(Response.page == 99)) > 0
