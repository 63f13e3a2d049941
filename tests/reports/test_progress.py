"""Long commands show click's progress bar (total, time left) on a terminal, and one summary
line; in CI, or with no terminal, only the summary line."""
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _flask(args: list[str], env: dict, terminal: bool) -> str:
    """Run a flask command with stderr on a pseudo-terminal (or a pipe); return what it printed."""
    return _python(["-m", "flask", "--app", "engage", *args], env, terminal)


def _python(args: list[str], env: dict, terminal: bool) -> str:
    """Run Python with stderr on a pseudo-terminal (or a pipe); return what it printed."""
    if not terminal:
        done = subprocess.run([sys.executable, *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300, check=True)
        return done.stderr
    leader, follower = pty.openpty()
    with subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env,
                          stdout=subprocess.DEVNULL, stderr=follower) as process:
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the command ended and closed its end
                break
            if not chunk:
                break
            seen += chunk
        assert process.wait(timeout=300) == 0
    os.close(leader)
    return seen.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    folder = tmp_path_factory.mktemp("progress")
    found = {k: v for k, v in os.environ.items() if k != "CI"}
    found.update(ENGAGE_DATABASE_URL=f"sqlite:///{folder / 'engage.db'}", ENGAGE_SECRET_KEY="progress-test")
    _flask(["db", "upgrade"], found, terminal=False)
    _flask(["surveys", "load"], found, terminal=False)
    return found


def test_a_terminal_sees_the_bar_with_its_total(env):
    shown = _flask(["demo", "--responses", "600"], env, terminal=True)
    assert "Writing synthetic responses" in shown and "/600" in shown
    assert shown.count("Added 600 synthetic responses to") == 1


# click estimates the time left once a second has passed, so a real command that finishes sooner on
# a fast machine never draws one; a job that waits between steps draws it however fast the machine.
PACED_JOB = """
import time
from engage.cli.progress import meter
with meter("Pacing", 5) as progress:
    for done in range(1, 6):
        time.sleep(0.5)
        progress.to(done)
"""


def test_a_terminal_sees_the_time_left_while_a_job_runs(env):
    shown = _python(["-c", PACED_JOB], env, terminal=True)
    assert "Pacing" in shown and "/5" in shown
    assert re.search(r"\d/5\s+00:00:\d\d", shown)  # position, then the time left


def test_ci_sees_one_line_and_no_bar(env):
    shown = _flask(["consultations", "count"], {**env, "CI": "true"}, terminal=True)
    assert "Counting responses" not in shown and "/600" not in shown
    assert len(re.findall(r"Counted [\d,]+ new responses in \d+ consultations? in [\d.]+ s\.", shown)) == 1
