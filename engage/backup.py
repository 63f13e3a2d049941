"""Consistent online backups and restores of the database, SQLite or PostgreSQL.

SQLite uses its online backup API, which copies a consistent snapshot while the app keeps
serving. PostgreSQL uses pg_dump's custom format (one snapshot) and pg_restore.
"""
import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from engage.files import private_file

PG_BIN_DIRS = "/usr/lib/postgresql/*/bin"


class BackupError(Exception):
    """A backup or restore could not be done; the message says why and what to do."""


def backup(database_url: str, out: Path) -> None:
    """Write a consistent copy of the database to `out`, readable by this user only."""
    private_file(out)
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        _sqlite_copy(_sqlite_path(url), out)
    elif url.get_backend_name() == "postgresql":
        _run(_pg_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={out}", url=url)
    else:
        raise BackupError(f"cannot back up a {url.get_backend_name()} database")


def restore(database_url: str, backup_file: Path) -> None:
    """Replace the database's contents with a backup made by `backup`."""
    if not backup_file.is_file():
        raise BackupError(f"{backup_file} is not a file")
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        _check_sqlite_file(backup_file)
        _sqlite_copy(backup_file, _sqlite_path(url))
    elif url.get_backend_name() == "postgresql":
        # One transaction: a restore that fails half-way leaves the database as it was.
        _run(_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction",
             "--exit-on-error", str(backup_file), url=url)
    else:
        raise BackupError(f"cannot restore a {url.get_backend_name()} database")


def _sqlite_path(url: URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise BackupError("the SQLite database is in memory: there is no file to back up")
    return Path(url.database)


def _sqlite_copy(source: Path, target: Path) -> None:
    """Copy one SQLite database into another with the online backup API."""
    if not source.is_file():
        raise BackupError(f"{source} does not exist")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    dst = sqlite3.connect(target, timeout=30)
    try:
        # Small steps let the live app keep writing between them; SQLite restarts the copy
        # if the source changes, so the result is one consistent snapshot.
        src.backup(dst, pages=1024)
    finally:
        dst.close()
        src.close()


def _check_sqlite_file(path: Path) -> None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            has_schema = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").fetchone() is not None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a SQLite database: {exc}") from exc
    if not (ok and has_schema):
        raise BackupError(f"{path} is not an engage backup (damaged, or no schema version)")


def _pg_tool(name: str) -> str:
    """Find a PostgreSQL client program on PATH or in the Debian/Ubuntu install folders."""
    found = shutil.which(name)
    if found:
        return found
    # Debian keeps the client programs of each major version in its own folder: take the newest.
    found_in = [Path(p) for p in glob.glob(f"{PG_BIN_DIRS}/{name}")]
    if found_in:
        return str(max(found_in, key=_major_version))
    raise BackupError(f"{name} was not found: install the PostgreSQL client "
                      f"(for example `apt-get install postgresql-client`) and try again")


def _major_version(program: Path) -> int:
    folder = program.parent.parent.name
    return int(folder) if folder.isdigit() else 0


def _run(program: str, *args: str, url: URL) -> None:
    """Run a PostgreSQL client with the URL's connection details; the password via the environment."""
    env = {**os.environ}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    connection = [f"--dbname={url.database}"]
    if url.host:
        connection.append(f"--host={url.host}")
    if url.port:
        connection.append(f"--port={url.port}")
    if url.username:
        connection.append(f"--username={url.username}")
    sslmode = url.query.get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = str(sslmode)
    done = subprocess.run([program, *connection, "--no-password", *args], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{Path(program).name} failed: {done.stderr.strip()}")

