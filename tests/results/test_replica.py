"""With ENGAGE_RESULTS_DATABASE_URL set, exports read the replica; everything else the primary.

Two real SQLite files stand for the primary and its replica: the replica is a copy taken
before one comment changed on the primary, so each download shows which one it read.
"""
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, update

from engage import create_app, migrate
from engage.db import get_session
from engage.definitions.loader import load_directory
from engage.models import Answer, AuditEvent, Role, User
from tests.conftest import _config, csrf_token
from tests.summary.known import LIGHTS, build_known
from tests.workspace.factories import make_user, sign_in_as

NEWER = "Only the primary has this comment yet"


@pytest.fixture
def databases(tmp_path, monkeypatch):
    """Return (primary URL, replica URL): the known consultation on both, one comment newer on the primary."""
    primary, replica = tmp_path / "primary.db", tmp_path / "replica.db"
    app = create_app({**_config(), "DATABASE_URL": f"sqlite:///{primary}"})
    migrate.upgrade(app)
    with app.app_context():
        session = get_session()
        load_directory(session, Path(app.config["SURVEYS_DIR"]))
        known = build_known(session, monkeypatch)
        make_user(session, Role.OFFICER)
        with sqlite3.connect(primary) as source, sqlite3.connect(replica) as copy:
            source.backup(copy)
        first = session.scalar(select(Answer.id).where(Answer.text == LIGHTS).order_by(Answer.id).limit(1))
        session.execute(update(Answer).where(Answer.id == first).values(text=NEWER))
        session.commit()
        consultation_id = known.consultation.id
    app.extensions["engage.engine"].dispose()
    return f"sqlite:///{primary}", f"sqlite:///{replica}", consultation_id


def _download(primary: str, replica: str | None, consultation_id: int) -> str:
    app = create_app({**_config(), "DATABASE_URL": primary, "RESULTS_DATABASE_URL": replica or ""})
    client = app.test_client()
    with app.app_context():
        officer = get_session().scalar(select(User).where(User.role == Role.OFFICER))
    sign_in_as(client, officer)
    page = client.get(f"/workspace/insights/{consultation_id}")
    with client.post(f"/workspace/insights/{consultation_id}/download/csv",
                     data={"csrf_token": csrf_token(page.text)}) as response:
        assert response.status_code == 200
        body = response.get_data(as_text=True)
    app.extensions["engage.engine"].dispose()
    if replica:
        app.extensions["engage.results_sessionmaker"].kw["bind"].dispose()
    return body


def test_without_a_replica_exports_read_the_primary(databases):
    primary, _replica, consultation_id = databases
    assert NEWER in _download(primary, None, consultation_id)


def test_with_a_replica_exports_read_it_and_the_audit_goes_to_the_primary(databases):
    primary, replica, consultation_id = databases
    body = _download(primary, replica, consultation_id)
    assert NEWER not in body and body.count(LIGHTS) == 5  # the replica's copy, from before
    for url, expected in ((primary, 1), (replica, 0)):
        app = create_app({**_config(), "DATABASE_URL": url})
        with app.app_context():
            events = get_session().scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
            assert len(events) == expected
        app.extensions["engage.engine"].dispose()
