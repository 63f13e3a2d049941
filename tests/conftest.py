"""Fixtures in the flaskr style: app, client, runner, and a database per test run.

Set ENGAGE_TEST_DATABASE=postgresql to run the whole suite against a real PostgreSQL
server started for the run (make test does both).
"""
import os
import re
from pathlib import Path

import pytest
from sqlalchemy import text

from engage import create_app
from engage.config import TestConfig
from engage.db import Base, get_session
from tests.pg import postgres_cluster

ON_POSTGRES = os.environ.get("ENGAGE_TEST_DATABASE") == "postgresql"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """Return the URL of an empty database that lives for the whole run."""
    if ON_POSTGRES:
        with postgres_cluster() as url:
            yield url
    else:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'engage.db'}"


@pytest.fixture(scope="session")
def migrated(database_url):
    """Bring the run's database to the newest migration, once."""
    app = create_app({**_config(), "DATABASE_URL": database_url})
    from engage import migrate

    migrate.upgrade(app)
    app.extensions["engage.engine"].dispose()  # or its pooled connection leaks until GC
    return database_url


def _config() -> dict:
    return {k: getattr(TestConfig, k) for k in dir(TestConfig) if k.isupper()}


@pytest.fixture
def app(migrated, tmp_path):
    """An app on the migrated database; every table is emptied after the test."""
    app = create_app({**_config(), "DATABASE_URL": migrated})
    app.instance_path = str(tmp_path)
    yield app
    _empty_tables(app)
    app.extensions["engage.engine"].dispose()


def _empty_tables(app) -> None:
    engine = app.extensions["engage.engine"]
    tables = list(reversed(Base.metadata.sorted_tables))
    with engine.begin() as conn:
        if ON_POSTGRES:
            names = ", ".join(t.name for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(table.delete())


@pytest.fixture
def client(app):
    """A test client (cookies kept, CSRF on)."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner."""
    return app.test_cli_runner()


@pytest.fixture
def db(app):
    """A session of the test's own; no app context is held open, so each client
    request gets its own, as in production."""
    session = app.extensions["engage.sessionmaker"]()
    yield session
    session.close()


@pytest.fixture
def loaded(app):
    """Load the shipped surveys into the database."""
    from engage.definitions.loader import load_directory

    with app.app_context():
        load_directory(get_session(), Path(app.config["SURVEYS_DIR"]))
    return app


@pytest.fixture
def demo(loaded):
    """The demo consultations, schools and class codes."""
    from engage.models._time import utcnow
    from engage.services.demo.content import create_demo

    with loaded.app_context():
        content = create_demo(get_session(), utcnow())
        return {
            "annual": content.consultations[0].slug,
            "plan": content.consultations[1].slug,
            "codes": [(c.code, c.variant, c.school_id, c.year_group) for c in content.codes],
        }


CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"')


def csrf_token(html: str) -> str:
    """Pull the CSRF token out of a rendered form."""
    match = CSRF.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1) or match.group(2)
