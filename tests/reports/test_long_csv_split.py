"""The long CSV split across processes by response id gives the bytes of one process writing it
all; a worker that fails stops the export with a clear error, and nothing is left behind."""
import os
import sys

import pytest

from engage.db import get_session
from engage.results import exports, long_csv_split
from engage.services import consultations
from tests.summary.known import DISCLOSURE, build_known


@pytest.fixture
def known(loaded, db, monkeypatch):
    build_known(db, monkeypatch)
    return loaded


@pytest.fixture
def workers(monkeypatch, tmp_path):
    """Split from the first response, keep temporary files in tmp_path, and record every worker."""
    started = []

    class Recorded(long_csv_split._Worker):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(long_csv_split, "SPLIT_FROM", 0)
    monkeypatch.setattr(long_csv_split, "_Worker", Recorded)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    return started


def _chunks(app, progress=None):
    with app.app_context():
        session = get_session()
        yield from exports.export(session, consultations.find(session, "known"), "long.csv", progress)


def _one_process(app, monkeypatch) -> bytes:
    with monkeypatch.context() as patch:
        patch.setattr(long_csv_split, "PARTS", 1)
        return b"".join(_chunks(app))


def _nothing_left(workers, tmp_path) -> None:
    assert workers, "the export was not split"
    assert all(w.process.returncode is not None for w in workers)  # every worker waited for
    assert list(tmp_path.iterdir()) == []  # no temporary folder or file


@pytest.mark.parametrize("parts", [2, 8])
def test_split_gives_the_bytes_of_one_process(known, monkeypatch, workers, tmp_path, parts):
    whole = _one_process(known, monkeypatch)
    monkeypatch.setattr(long_csv_split, "PARTS", parts)
    seen = []
    split = b"".join(_chunks(known, seen.append))
    assert len(workers) == parts - 1
    assert split == whole
    assert seen[-1] == 33  # progress reaches every response, the workers' included
    text = split.decode("utf-8-sig")
    assert DISCLOSURE not in text and "My name is [name] and I want more clubs" in text
    _nothing_left(workers, tmp_path)


def test_a_failing_worker_stops_the_export_with_a_clear_error(known, monkeypatch, workers, tmp_path):
    monkeypatch.setattr(long_csv_split, "PARTS", 3)
    # Writes half a file, says why on stderr, and fails.
    monkeypatch.setattr(long_csv_split, "WORKER", [sys.executable, "-c", (
        "import json, sys; job = json.load(sys.stdin); open(job['out'], 'w').write('1,young\\r\\n');"
        "sys.exit('disk full')")])
    with pytest.raises(long_csv_split.ExportFailed, match=r"(?s)exit status 1.*incomplete.*disk full"):
        b"".join(_chunks(known))
    _nothing_left(workers, tmp_path)


def test_a_killed_worker_stops_the_export(known, monkeypatch, workers, tmp_path):
    monkeypatch.setattr(long_csv_split, "PARTS", 2)
    monkeypatch.setattr(long_csv_split, "WORKER", [
        sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"])
    with pytest.raises(long_csv_split.ExportFailed, match="exit status -9"):
        b"".join(_chunks(known))
    _nothing_left(workers, tmp_path)


def test_a_dropped_download_kills_its_workers(known, monkeypatch, workers, tmp_path):
    monkeypatch.setattr(long_csv_split, "PARTS", 2)
    monkeypatch.setattr(long_csv_split, "WORKER", [sys.executable, "-c", "import time; time.sleep(300)"])
    chunks = _chunks(known)
    assert next(chunks).startswith("\ufeffResponse number".encode())
    chunks.close()  # the client went away
    _nothing_left(workers, tmp_path)
    assert workers[0].process.returncode == -9


def test_a_worker_stops_when_its_export_has_gone(known, tmp_path):
    """A worker whose parent is no longer the one that started it writes nothing further."""
    import subprocess

    with known.app_context():
        session = get_session()
        found = consultations.find(session, "known")
        url = session.get_bind().url.render_as_string(hide_password=False)
    out = tmp_path / "part.csv"
    job = (f'{{"url": "{url}", "consultation": {found.id}, "ids": [1, 1000000], '
           f'"out": "{out}", "parent": {os.getpid() + 1000000}}}')
    done = subprocess.run(long_csv_split.WORKER, input=job.encode(), capture_output=True,
                          env=long_csv_split._same_code(), timeout=120)
    assert done.returncode != 0 and b"has stopped" in done.stderr
    assert not out.exists()
