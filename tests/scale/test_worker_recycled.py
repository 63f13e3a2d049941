"""Workers restarted after max_requests, under load, finish what they hold and end cleanly."""
import pytest

from bench import serve
from tests.scale.helpers import Load, stored, submitted

pytestmark = pytest.mark.faults


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_workers_recycled_under_load_lose_no_request_and_exit_cleanly(engine, fresh_db, server_env, tmp_path):
    url = fresh_db(engine)
    # Every worker is replaced after about 40 requests, so a few journeys see several restarts.
    env = {**server_env, "ENGAGE_DATABASE_URL": url,
           "GUNICORN_CMD_ARGS": "--max-requests 40 --max-requests-jitter 5"}
    log = tmp_path / "gunicorn.log"
    port = serve.free_port()
    with serve.gunicorn("engage:create_app()", port, env, workers=2, log=log):
        outcomes = Load([port], threads=4, per_thread=3).run()

    text = log.read_text(errors="replace")
    assert text.count("Autorestarting worker") >= 4
    assert "exited with code" not in text and "Traceback" not in text
    assert [o.error for o in outcomes if o.error] == []
    done = submitted(stored(url))
    assert len(done) == len(outcomes) == 12
    assert all(done[o.token] == len(o.journey.posted) for o in outcomes)
