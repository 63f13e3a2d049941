"""A throwaway PostgreSQL cluster for the test run, started and stopped by the tests."""
import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path


def _bin_dir() -> Path:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise RuntimeError("PostgreSQL is not installed: run `make test`, which installs it.")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(args: list[str]) -> list[str]:
    """initdb refuses to run as root, so run the server as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


@contextmanager
def postgres_cluster():
    """Yield a SQLAlchemy URL of a fresh database on a private cluster."""
    bin_dir = _bin_dir()
    root = Path(tempfile.mkdtemp(prefix="engage-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()
    run = lambda *a: subprocess.run(_as_postgres([str(x) for x in a]), check=True,  # noqa: E731
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    run(bin_dir / "initdb", "-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8")
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    run(bin_dir / "pg_ctl", "-D", data, "-o", options, "-l", root / "log", "-w", "start")
    try:
        run(bin_dir / "createdb", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "engage_test")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/engage_test"
    finally:
        run(bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "stop")
        shutil.rmtree(root, ignore_errors=True)
