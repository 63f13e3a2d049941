"""Write one range of responses' long CSV lines to a file: a worker of results.long_csv_split.

    python -m engage.results.long_csv_worker < job.json

The job (JSON on stdin) gives the database URL, the consultation, the first and last response
id, the output file and the parent's process id. Success is exit status 0 and nothing else:
the parent reads the file only then. A worker whose parent has gone stops and removes its file,
so an export killed half-way leaves no process writing behind it.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.orm import Session

from engage.analysis.redact import redact
from engage.db import make_engine
from engage.definitions.survey import survey_of
from engage.models import Consultation
from engage.reports import csv_files, layout
from engage.results.export_rows import long_rows, tag_rows


def write(job: dict) -> None:
    """Write the job's range of long CSV lines to its output file."""
    engine = make_engine(job["url"])
    out = Path(job["out"])
    try:
        with Session(engine) as session, Session(engine) as tag_session, open(out, "wb") as handle:
            consultation = session.get(Consultation, job["consultation"])
            # As exports.columns, without importing exports (and pandas with it) into every worker.
            columns = layout.item_columns(survey_of(consultation.version), list(consultation.variants))
            ids = tuple(job["ids"])
            rows = long_rows(session, consultation.id, ids)
            body = csv_files.long_body(rows, tag_rows(tag_session, consultation.id, ids), columns, redact)
            for chunk in _while_parent_lives(body, job["parent"]):
                handle.write(chunk)
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    finally:
        engine.dispose()


def _while_parent_lives(chunks: Iterator[bytes], parent: int) -> Iterator[bytes]:
    for chunk in chunks:
        if os.getppid() != parent:
            raise SystemExit("The export this part belongs to has stopped.")
        yield chunk


if __name__ == "__main__":
    write(json.load(sys.stdin))
