"""A real OpenID Connect provider (npm oidc-provider, tests/oidc/provider.mjs) on 127.0.0.1, and
an engage app configured to sign in with it."""
import socket
import subprocess
from pathlib import Path

import pytest

from engage import create_app
from tests.conftest import _config, _empty_tables

SCRIPT = Path(__file__).with_name("provider.mjs")
CALLBACK = "http://localhost/auth/sso/callback"  # where the Flask test client's app lives


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def start_provider():
    """Start providers on free ports (optionally with a wrong clock); stop them all at the end."""
    running = []

    def start(clock_offset: int = 0) -> str:
        port = _free_port()
        process = subprocess.Popen(["node", str(SCRIPT), str(port), CALLBACK], cwd=SCRIPT.parents[2],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                   env={"PATH": "/usr/local/bin:/usr/bin:/bin",
                                        "CLOCK_OFFSET_SECONDS": str(clock_offset)})
        running.append(process)
        ready = process.stdout.readline().strip()
        process.stdout.close()  # it prints nothing after "ready"
        assert ready == "ready"
        return f"http://127.0.0.1:{port}"

    yield start
    for process in running:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def issuer(start_provider):
    return start_provider()


def sso_app(migrated, tmp_path, issuer: str, **extra):
    """Build an app that signs in with this provider as client 'engage'."""
    app = create_app({**_config(), "DATABASE_URL": migrated, "OIDC_ISSUER": issuer, "OIDC_CLIENT_ID": "engage",
                      "OIDC_CLIENT_SECRET": "engage-test-secret", **extra})
    app.instance_path = str(tmp_path)
    return app


@pytest.fixture
def app(migrated, tmp_path, issuer):
    """The engage app, with single sign-on through the test provider."""
    app = sso_app(migrated, tmp_path, issuer)
    yield app
    _empty_tables(app)
    app.extensions["engage.engine"].dispose()
