"""The long CSV written by several processes at once, each taking a range of response ids.

A million responses make 27 million lines, more than one core writes in the export's budget.
So the responses are split into id ranges (results.response_ranges): this process writes the
first range as it streams, while worker processes (results.long_csv_worker) each write a later
range to a temporary file; their files follow in order. Every range is written by the same
code (reports.csv_files.long_body), so the bytes are those of one process writing it all.

A worker that fails stops the stream with ExportFailed, never a shorter file that looks
complete; workers still running when the stream ends or is dropped are killed, and their
temporary files are removed either way.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy.orm import Session

import engage
from engage.reports import csv_files, layout
from engage.results.export_rows import IdBounds, long_rows, tag_rows
from engage.results.response_ranges import IdRange, submitted_ranges
from engage.results.row_progress import counted

PARTS = min(2, os.cpu_count() or 1)  # processes, this one included
# This process also hands every worker's file on (at a million responses about 2.4 GB read and
# written again), which took it 9 s of CPU more than its worker when they wrote even halves; so
# its own range is smaller than a worker's, by this weight against a worker's 1.
FIRST_WEIGHT = 0.85
SPLIT_FROM = 50_000  # responses: below this, starting a worker costs more than it saves
WORKER = [sys.executable, "-m", "engage.results.long_csv_worker"]
READ = 1 << 20  # bytes read from a worker's file at a time
ERROR_TAIL = 2000  # characters of a failed worker's error output quoted in ExportFailed


class ExportFailed(RuntimeError):
    """A process writing part of an export failed, so the export is incomplete."""


def long_csv(session: Session, consultation_id: int, columns: list[layout.Column],
             redact: Callable[[str], str], progress: Callable[[int], None] | None = None) -> Iterator[bytes]:
    """Stream the long CSV, split across processes when there are enough responses."""
    ranges = _ranges(session, consultation_id)
    if len(ranges) < 2:
        yield csv_files.long_heading()
        yield from _body(session, consultation_id, None, columns, redact, progress)
        return
    with tempfile.TemporaryDirectory(prefix="engage-long-csv-") as folder:
        workers: list[_Worker] = []
        try:
            for k, part in enumerate(ranges[1:], 1):
                workers.append(_Worker(Path(folder) / f"part-{k}", session, consultation_id, part))
            yield csv_files.long_heading()
            yield from _body(session, consultation_id, ranges[0].bounds, columns, redact, progress)
            done = ranges[0].count
            for worker in workers:
                yield from worker.chunks()
                done += worker.part.count
                if progress:
                    progress(done)
        finally:
            for worker in workers:
                worker.stop()


def _ranges(session: Session, consultation_id: int) -> list[IdRange]:
    """Return the id ranges to write apart, or one range when splitting would not pay."""
    url = session.get_bind().url
    if PARTS < 2 or (url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")):
        return []  # a database only this process can see
    ranges = submitted_ranges(session, consultation_id, PARTS,
                              first_share=FIRST_WEIGHT / (FIRST_WEIGHT + PARTS - 1))
    return ranges if sum(r.count for r in ranges) >= SPLIT_FROM else []


def _body(session: Session, consultation_id: int, ids: IdBounds | None, columns: list[layout.Column],
          redact: Callable[[str], str], progress: Callable[[int], None] | None) -> Iterator[bytes]:
    """Stream the lines of one range; a second session reads the tags alongside the answers."""
    tag_session = Session(bind=session.get_bind())
    try:
        rows = counted(long_rows(session, consultation_id, ids), progress)
        yield from csv_files.long_body(rows, tag_rows(tag_session, consultation_id, ids), columns, redact)
    finally:
        tag_session.close()


class _Worker:
    """A process writing one range's lines to a file of its own."""

    def __init__(self, stem: Path, session: Session, consultation_id: int, part: IdRange) -> None:
        self.part, self.out = part, stem.with_suffix(".csv")
        self.errors = open(stem.with_suffix(".err"), "w+b")  # noqa: SIM115 (closed in stop)
        job = {"url": session.get_bind().url.render_as_string(hide_password=False),
               "consultation": consultation_id, "ids": part.bounds, "out": str(self.out),
               "parent": os.getpid()}
        self.process = subprocess.Popen(WORKER, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                        stderr=self.errors, env=_same_code())
        # The job (with the database password) goes through a pipe, never the command line.
        self.process.stdin.write(json.dumps(job).encode("utf-8"))
        self.process.stdin.close()

    def chunks(self) -> Iterator[bytes]:
        """Wait for the worker, then stream its file; raise ExportFailed if it did not finish."""
        code = self.process.wait()
        if code != 0:
            self.errors.seek(0)
            said = self.errors.read().decode("utf-8", "replace")[-ERROR_TAIL:].strip()
            raise ExportFailed(f"The process writing responses {self.part.first}-{self.part.last} of the "
                               f"long CSV failed (exit status {code}); the export is incomplete.\n{said}")
        with open(self.out, "rb") as handle:
            yield from iter(lambda: handle.read(READ), b"")

    def stop(self) -> None:
        """Kill the worker if it is still running, and wait for it, so no process is left behind."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.errors.close()


def _same_code() -> dict[str, str]:
    """Return an environment in which the worker imports this very copy of engage."""
    root = str(Path(engage.__file__).resolve().parents[1])
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
