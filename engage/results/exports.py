"""Exports of a consultation: stream its rows from the database into the report writers."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engage.analysis.redact import redact
from engage.definitions.survey import survey_of
from engage.models import Consultation, Response, ResponseStatus, School
from engage.reports import csv_files, layout, sav, xlsx
from engage.results import labels, long_csv_split
from engage.results import summary as summary_service
from engage.results.export_rows import long_rows, response_rows, string_answers
from engage.results.row_progress import counted

FORMATS = {
    "csv": ("text/csv", "csv"), "long.csv": ("text/csv", "long.csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "sav": ("application/x-spss-sav", "sav"),
}
# Every export reads one row per response (the database folds its answers into it).
ROWS_OF = {"csv": "responses", "xlsx": "responses", "long.csv": "responses", "sav": "responses"}


def columns(consultation: Consultation) -> list[layout.Column]:
    """Return the item columns of a consultation's export."""
    return layout.item_columns(survey_of(consultation.version), list(consultation.variants))


def wide_columns(session: Session, consultation: Consultation) -> list[layout.Column]:
    """Return the item columns of the wide CSV and XLSX, a "which school" answer shown by the school's name."""
    schools = {str(school_id): name for school_id, name in session.execute(select(School.id, School.name))}
    return layout.item_columns(survey_of(consultation.version), list(consultation.variants), schools)


def response_words() -> dict[str, str]:
    """Return the names the wide exports give audiences, survey versions, areas and channels."""
    # A survey version by its readers ("Young people aged 11 to 16"), not the age band's school years.
    return {**labels.names(summary_service.framework()), **labels.VARIANT_LABELS}


def _sav_widths(session: Session, consultation: Consultation, cols: list[layout.Column]) -> dict[str, int]:
    """Measure the string variables first: a .sav declares their widths before any case."""
    keys = [c.key for c in cols if c.type in ("text", "date")]
    schools = session.scalars(select(School.name))
    answers = string_answers(session, consultation.id, keys) if keys else ()
    return sav.string_widths(cols, redact, schools, list(consultation.variants), answers)


def export(session: Session, consultation: Consultation, fmt: str,
           progress: Callable[[int], None] | None = None) -> Iterator[bytes]:
    """Return the export as byte chunks; CSVs and .sav stream, the others come as one chunk.

    `progress`, if given, is called with the number of rows read so far, every row_progress.PROGRESS rows.
    """
    cols = columns(consultation)
    if fmt == "csv":
        rows = counted(response_rows(session, consultation.id), progress)
        return csv_files.responses_csv(rows, wide_columns(session, consultation), redact, response_words())
    if fmt == "long.csv":
        return long_csv_split.long_csv(session, consultation.id, cols, redact, progress)
    if fmt == "xlsx":
        summary = summary_service.summarise(session, consultation)
        rows = counted(response_rows(session, consultation.id), progress)
        return iter([xlsx.workbook(rows, wide_columns(session, consultation), summary, redact, response_words())])
    if fmt == "sav":
        widths = _sav_widths(session, consultation, cols)
        return sav.sav(counted(long_rows(session, consultation.id), progress), cols, redact, widths)
    if fmt in ("docx", "pdf"):
        from engage.results import report

        return iter([report.report(session, consultation, fmt)])
    raise ValueError(f"Unknown export format {fmt}")


def row_total(session: Session, consultation: Consultation, fmt: str) -> tuple[int | None, str]:
    """Return how many rows an export will read, and what they are (None for the reports)."""
    unit = ROWS_OF.get(fmt)
    if unit is None:
        return None, "rows"
    submitted = (Response.consultation_id == consultation.id, Response.status == ResponseStatus.SUBMITTED)
    return session.scalar(select(func.count(Response.id)).where(*submitted)) or 0, unit


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
