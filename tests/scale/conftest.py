"""Fixtures for the scale and fault tests: private databases and gunicorn servers on 127.0.0.1.

Tests marked `faults` start real servers and take seconds each, so they run only when
asked for (`pytest -m faults`, which `make test-faults` does), once, not in every pass.
"""
import pytest

from tests.pg import postgres_cluster
from tests.scale.helpers import SECRET, create_database, prepare_database


def pytest_collection_modifyitems(config, items):
    """Leave out the fault tests unless the run selects them by marker."""
    if "faults" in (config.option.markexpr or ""):
        return
    kept = [item for item in items if item.get_closest_marker("faults") is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


@pytest.fixture(scope="module")
def pg_server():
    """A private PostgreSQL cluster for this module's fault tests (never skipped)."""
    with postgres_cluster() as url:
        yield url


@pytest.fixture
def fresh_db(request, tmp_path):
    """Return a function making a migrated database with the surveys and the demo loaded."""
    counter = iter(range(100))

    def make(engine: str) -> str:
        if engine == "sqlite":
            url = f"sqlite:///{tmp_path / f'engage{next(counter)}.db'}"
        else:
            url = create_database(request.getfixturevalue("pg_server"), f"faults_{next(counter)}")
        prepare_database(url)
        return url

    return make


@pytest.fixture
def server_env():
    """Environment for gunicorn: the shared secret key every server must have."""
    return {"ENGAGE_SECRET_KEY": SECRET}
