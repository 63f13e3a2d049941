"""Two app servers on one PostgreSQL: every acknowledged submission is stored exactly once."""
import pytest

from bench import serve
from tests.scale.helpers import Load, stored, submitted

pytestmark = pytest.mark.faults


def test_two_servers_store_every_acknowledged_submission_once(fresh_db, server_env, tmp_path):
    url = fresh_db("postgresql")
    env = {**server_env, "ENGAGE_DATABASE_URL": url}
    ports = [serve.free_port(), serve.free_port()]
    with serve.gunicorn("engage:create_app()", ports[0], env, workers=2, log=tmp_path / "a.log"), \
            serve.gunicorn("engage:create_app()", ports[1], env, workers=2, log=tmp_path / "b.log"):
        # Half the respondents stay on one server; half go to the next server on every request,
        # as behind a load balancer without sticky sessions: no state may live in a process.
        sticky = Load(ports, threads=6, per_thread=6)
        spread = Load(ports, threads=6, per_thread=6, spread=True)
        outcomes = run_both(sticky, spread)

    errors = [o.error for o in outcomes if o.error]
    assert errors == []
    acknowledged = {o.token: len(o.journey.posted) for o in outcomes if o.journey.acknowledged}
    assert len(acknowledged) == len(outcomes) == 72
    rows = stored(url)
    assert submitted(rows) == acknowledged
    assert set(rows) == set(acknowledged)


def run_both(*loads: Load):
    """Run loads side by side; return all their outcomes."""
    import threading

    threads = [threading.Thread(target=load.run, daemon=True) for load in loads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not any(t.is_alive() for t in threads)
    return [o for load in loads for o in load.outcomes]
