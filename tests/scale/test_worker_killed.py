"""A worker killed with SIGKILL mid-load loses nothing acknowledged and doubles nothing."""
import os
import signal
import threading
import time

import pytest

from bench import serve
from bench.journey import Browser, walk
from tests.scale.helpers import SLUG, Load, stored, submitted, token_of

pytestmark = pytest.mark.faults

ENOUGH = 5  # acknowledged journeys the load must reach before it stops


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_killing_a_worker_mid_load_keeps_acknowledged_submissions_once(engine, fresh_db, server_env,
                                                                       tmp_path):
    url = fresh_db(engine)
    env = {**server_env, "ENGAGE_DATABASE_URL": url}
    port = serve.free_port()
    with serve.gunicorn("engage:create_app()", port, env, workers=2, log=tmp_path / "gunicorn.log") as master:
        # Journeys run until enough were acknowledged around the kills: a slow machine makes
        # the test take longer, never changes its verdict (the load's cap is only a backstop).
        load = Load([port], threads=8, per_thread=200)
        running = threading.Thread(target=load.run, daemon=True)
        running.start()
        killed = kill_workers(master.pid, port, load, every=1.2)
        assert wait_until(lambda: load.count(lambda o: o.journey.acknowledged) >= ENOUGH)
        load.stop.set()
        running.join(timeout=120)
        assert not running.is_alive()
        # The master replaced the dead workers and the server still completes journeys.
        assert wait_for_workers(master.pid, 2, killed)
        after = walk(Browser(port), SLUG, "secondary")
        assert after.acknowledged

    rows = stored(url)
    rows.pop(token_of(after.cookie_after_start))
    done = submitted(rows)
    outcomes = load.outcomes
    acknowledged = {o.token: len(o.journey.posted) for o in outcomes if o.journey.acknowledged}
    assert len(acknowledged) >= ENOUGH
    # The test is worth something only if a kill cut a journey off mid-request.
    assert sum(1 for o in outcomes if o.error) >= 1
    for token, answers in acknowledged.items():
        assert done.get(token) == answers, "an acknowledged submission is missing or incomplete"
    # Journeys cut off by a kill were stored whole (if their last post got through) or not at all.
    by_token = {o.token: o for o in outcomes if o.token}
    for token, answers in done.items():
        if token in acknowledged:
            continue
        outcome = by_token.get(token)
        assert outcome is not None, "a submission nobody made"
        assert answers == len(outcome.journey.posted), "a half-stored submission"
    # Every response row belongs to a journey that pressed start (a cut-off start may leave
    # one the client never heard of; it stays unsubmitted).
    strangers = set(rows) - set(by_token)
    assert len(strangers) <= sum(1 for o in outcomes if o.token is None)
    assert all(rows[t][0] != "submitted" for t in strangers)


def kill_workers(master: int, port: int, load: Load, every: float, most: int = 12,
                 cap: float = 240) -> set[int]:
    """SIGKILL workers serving a request, `every` seconds, until two journeys were cut off.

    Stops sooner only at `most` kills or the `cap` in seconds, both far beyond what a healthy
    run needs on a busy machine.
    """
    killed: set[int] = set()
    give_up = time.monotonic() + cap
    while len(killed) < most and time.monotonic() < give_up:
        time.sleep(every)
        if load.count(lambda o: o.error) >= 2:
            break
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            busy = [pid for pid in serve.worker_pids(master) if pid not in killed and serving(pid, port)]
            if busy:
                os.kill(busy[0], signal.SIGKILL)
                killed.add(busy[0])
                break
            time.sleep(0.001)
    assert killed, "no worker was killed"
    return killed


def wait_until(condition, cap: float = 300) -> bool:
    """Wait for `condition()`; False only if the generous cap passes first."""
    give_up = time.monotonic() + cap
    while time.monotonic() < give_up:
        if condition():
            return True
        time.sleep(0.2)
    return False


def serving(pid: int, port: int) -> bool:
    """Say whether a process holds an open client connection on the server's port."""
    try:
        inodes = {os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")}
    except OSError:
        return False
    with open("/proc/net/tcp") as table:
        for line in table.readlines()[1:]:
            fields = line.split()
            local_port, state, inode = int(fields[1].split(":")[1], 16), fields[3], fields[9]
            if local_port == port and state == "01" and f"socket:[{inode}]" in inodes:
                return True
    return False


def wait_for_workers(master: int, count: int, killed: set[int], timeout: float = 20) -> bool:
    """Wait until the master runs `count` workers, none of them a killed one."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        live = set(serve.worker_pids(master))
        if len(live) >= count and not live & killed:
            return True
        time.sleep(0.1)
    return False
