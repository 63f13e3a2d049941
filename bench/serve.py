"""Start and stop gunicorn on 127.0.0.1 for benchmarks and fault tests; prepare its database.

Every server runs in its own process group and is stopped by the code that started it,
on failure too (the context manager's finally kills the whole group).
"""
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "gunicorn.conf.py"


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def flask(env: dict, *args: str, timeout: float = 120) -> str:
    """Run a `flask --app engage` command with the given environment; return its output."""
    done = subprocess.run([sys.executable, "-m", "flask", "--app", "engage", *args], cwd=ROOT,
                          env={**os.environ, **env}, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"flask {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def prepare_app_database(env: dict) -> None:
    """Migrate, load the shipped surveys and create the demo consultations."""
    flask(env, "db", "upgrade")
    flask(env, "surveys", "load")
    flask(env, "demo")


@contextmanager
def gunicorn(app: str, port: int, env: dict, workers: int | None = None,
             log: Path | None = None) -> Iterator[subprocess.Popen]:
    """Serve `app` with gunicorn.conf.py on 127.0.0.1:port until the block ends."""
    server_env = {**os.environ, **env, "ENGAGE_BIND": f"127.0.0.1:{port}"}
    if workers:
        server_env["ENGAGE_WORKERS"] = str(workers)
    out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115  (closed in finally)
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", str(CONF), app], cwd=ROOT,
                            env=server_env, stdout=out, stderr=out, start_new_session=True)
    try:
        wait_ready(port, proc, workers or 1)
        yield proc
    finally:
        stop(proc)
        if log:
            out.close()


def wait_ready(port: int, proc: subprocess.Popen, workers: int, timeout: float = 300) -> None:
    """Wait until the server accepts connections and all its workers are up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {proc.returncode} before it was ready")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                if len(worker_pids(proc.pid)) >= workers:
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"gunicorn on port {port} was not ready in {timeout} s")


def stop(proc: subprocess.Popen, grace: float = 10) -> None:
    """Stop the server's process group: TERM, then KILL if it lingers."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
        except ProcessLookupError:
            return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=grace)


def worker_pids(master: int) -> list[int]:
    """Return the pids of a gunicorn master's workers (its child processes)."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return []
    return [int(pid) for pid in children]


def cpu_seconds(master: int) -> float:
    """CPU time used by a master, its live workers and the workers it has reaped."""
    total = _stat_cpu(master, with_children=True)
    return total + sum(_stat_cpu(pid) for pid in worker_pids(master))


def _stat_cpu(pid: int, with_children: bool = False) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # Fields after the command: utime, stime, cutime, cstime are 12-15 (0-based from state).
    ticks = int(fields[11]) + int(fields[12])
    if with_children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / os.sysconf("SC_CLK_TCK")
