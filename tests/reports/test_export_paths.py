"""The fast export paths (answers folded per response by the database, cells cached) give the
very cells of the plain answer-by-answer layout, whatever a child types."""
import csv
import io
import re

import openpyxl
import pytest
from sqlalchemy import select, update

from engage.analysis.redact import redact
from engage.db import get_session
from engage.models import Answer
from engage.reports import layout
from engage.reports.cells import safe
from engage.results import exports
from engage.results.answers import answers_query
from engage.services import consultations
from tests.summary.known import LIGHTS, build_known

# Every separator and quoting hazard at once: the database's record separators, CSV quotes,
# commas and line breaks, a formula trigger after a line break, and non-ASCII letters.
AWKWARD = 'a\x1eb\x1fc, "quoted"\nnew line\r\n=SUM(A1) \u00e9t\u00e9 \u2764'


@pytest.fixture
def app(loaded, db, monkeypatch):
    """The app, with the known consultation built."""
    build_known(db, monkeypatch)
    return loaded


def _export(app, fmt: str) -> bytes:
    with app.app_context():
        return b"".join(exports.export(get_session(), consultations.find(get_session(), "known"), fmt))


def _plain_rows(app) -> list[list]:
    """The wide rows built the slow, obvious way: every answer row through layout.response_cells."""
    with app.app_context():
        session = get_session()
        consultation = consultations.find(session, "known")
        cols = exports.columns(consultation)
        rows = session.connection().execute(answers_query(consultation.id))
        return [[safe(c) for c in layout.response_cells(first, answers, cols, redact)]
                for first, answers in layout.by_response(tuple(r) for r in rows)]


def _as_csv_text(row: list) -> list[str]:
    return ["" if c is None else str(c) for c in row]


def test_wide_csv_matches_the_answer_by_answer_layout(app):
    plain = _plain_rows(app)
    got = list(csv.reader(io.StringIO(_export(app, "csv").decode("utf-8-sig"))))[1:]
    assert len(got) == len(plain) == 33
    assert got == [_as_csv_text(r) for r in plain]


def test_xlsx_responses_match_the_answer_by_answer_layout(app):
    plain = _plain_rows(app)
    book = openpyxl.load_workbook(io.BytesIO(_export(app, "xlsx")))
    got = list(book["Responses"].values)[1:]
    blank = [[c if c is not None else "" for c in row] for row in plain]
    assert [[c if c is not None else "" for c in row] for row in got] == blank


def test_cache_bound_does_not_change_cells(app, monkeypatch):
    before = _export(app, "csv")
    monkeypatch.setattr(layout.WideRows, "CACHE_LIMIT", 1)
    assert _export(app, "csv") == before


@pytest.mark.parametrize("fmt", ["csv", "long.csv", "xlsx"])
def test_awkward_text_arrives_whole(app, db, fmt):
    first = db.scalar(select(Answer.id).where(Answer.text == LIGHTS).order_by(Answer.id).limit(1))
    db.execute(update(Answer).where(Answer.id == first).values(text=AWKWARD))
    db.commit()
    data = _export(app, fmt)
    if fmt == "xlsx":
        cells = [_excel_text(c) for row in openpyxl.load_workbook(io.BytesIO(data))["Responses"].values
                 for c in row]
    else:
        cells = [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")) for c in row]
    assert redact(AWKWARD) == AWKWARD  # nothing in it to redact: it must arrive as typed
    assert AWKWARD in cells
    assert cells.count(LIGHTS) == 4  # the other four comments are untouched



def _excel_text(cell):
    """Decode the _xHHHH_ escapes XML needs for control characters, as Excel does on opening."""
    if not isinstance(cell, str):
        return cell
    return re.sub(r"_x([0-9A-F]{4})_", lambda m: chr(int(m[1], 16)), cell)
