"""Exports of a consultation: stream its rows from the database into the report writers."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlalchemy.orm import Session

from engage.analysis.frames import answers_query, tags_query
from engage.analysis.redact import redact
from engage.models import Consultation
from engage.reports import csv_files, layout, sav, xlsx
from engage.services import summary as summary_service
from engage.services.consultations import survey_of

FORMATS = {
    "csv": ("text/csv", "csv"), "long.csv": ("text/csv", "long.csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "sav": ("application/x-spss-sav", "sav"),
}
BATCH = 5000


def columns(consultation: Consultation) -> list[layout.Column]:
    """Return the item columns of a consultation's export."""
    return layout.item_columns(survey_of(consultation.version), list(consultation.variants))


def _rows(session: Session, consultation: Consultation, by_answer: bool = False) -> Iterator[tuple]:
    """Stream answer rows in batches (a server-side cursor on PostgreSQL)."""
    query = answers_query(consultation.id, by_answer).execution_options(yield_per=BATCH)
    for row in session.connection().execute(query):
        yield tuple(row)


def _tags(session: Session, consultation: Consultation) -> Iterator[tuple]:
    query = tags_query(consultation.id).execution_options(yield_per=BATCH)
    for row in session.connection().execute(query):
        yield tuple(row)


def export(session: Session, consultation: Consultation, fmt: str) -> Iterator[bytes]:
    """Return the export as byte chunks; CSVs stream, the others come as one chunk."""
    cols = columns(consultation)
    if fmt == "csv":
        return csv_files.responses_csv(_rows(session, consultation), cols, redact)
    if fmt == "long.csv":
        # A second session reads the tags alongside the answers, each with its own cursor.
        tag_session = Session(bind=session.get_bind())
        return _closing(csv_files.long_csv(_rows(session, consultation, by_answer=True),
                                           _tags(tag_session, consultation), cols, redact),
                        tag_session)
    if fmt == "xlsx":
        summary = summary_service.summarise(session, consultation)
        return iter([xlsx.workbook(_rows(session, consultation), cols, summary, redact)])
    if fmt == "sav":
        return iter([sav.sav(_rows(session, consultation), cols, redact)])
    if fmt in ("docx", "pdf"):
        from engage.services import report

        return iter([report.report(session, consultation, fmt)])
    raise ValueError(f"Unknown export format {fmt}")


def _closing(chunks: Iterator[bytes], session: Session) -> Iterator[bytes]:
    try:
        yield from chunks
    finally:
        session.close()


def stream(make_session: Callable[[], Session], consultation_id: int, fmt: str) -> Iterator[bytes]:
    """Yield an export from a session of its own, closed as soon as the stream ends or is dropped.

    A web download outlives its view, so it must not hold the request's session (and its read
    transaction) open until the server gets round to closing the response.
    """
    session = make_session()
    try:
        consultation = session.get(Consultation, consultation_id)
        yield from export(session, consultation, fmt)
    finally:
        session.close()
