"""The fast export paths (answers folded per response by the database, cells cached) give the
very cells of the plain answer-by-answer layout, whatever a child types."""
import csv
import io
import re

import openpyxl
import pyreadstat
import pytest
from sqlalchemy import select, update

from engage.analysis.redact import redact
from engage.db import get_session
from engage.definitions.variants import AUDIENCES
from engage.models import Answer
from engage.reports import csv_files, layout
from engage.reports.cells import safe
from engage.results import exports
from engage.results.answers import answers_query, tags_query
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
        cols, words = exports.wide_columns(session, consultation), exports.response_words()
        rows = session.connection().execute(answers_query(consultation.id))
        return [[safe(c) for c in layout.response_cells(first, answers, cols, redact, words)]
                for first, answers in layout.by_response(tuple(r) for r in rows)]


def _plain_long_rows(app) -> list[list]:
    """The long rows built the slow, obvious way: one answer row at a time, its tags looked up."""
    with app.app_context():
        session = get_session()
        consultation = consultations.find(session, "known")
        cols = {c.key: c for c in exports.columns(consultation)}
        tags: dict[int, list] = {}
        for answer_id, value_id, subtheme_id, source, *_ in session.execute(tags_query(consultation.id)):
            tags.setdefault(answer_id, []).append((subtheme_id or str(value_id), source))
        return [_plain_long_row(dict(zip(layout.ANSWER_COLUMNS, row, strict=True)), cols, tags)
                for row in session.execute(answers_query(consultation.id))]


def _plain_long_row(a: dict, cols: dict, tags: dict) -> list:
    column = cols.get(a["item_key"])
    row = layout.answer_row(a["value"], a["choices"])
    answer = layout.answer_cell(row, column, None) if column and column.type != "text" else ""
    tagged = tags.get(a["answer_id"], [])
    cells = [a["response_id"], AUDIENCES.get(a["variant"], ""), a["variant"], a["school"] or "",
             a["area_id"] or "", a["year_group"], a["submitted_at"].date().isoformat(), a["item_key"],
             column.wordings[a["variant"]] if column else "", a["value_id"], a["subtheme_id"] or "", answer,
             "; ".join(a["choices"] or []) or a["value"] or "", redact(a["text"]) if a["text"] else "",
             round(a["polarity"], 3) if a["polarity"] is not None else "",
             "; ".join(v for v, _ in tagged), tagged[0][1] if tagged else ""]
    return [safe(c) for c in cells]


def _as_csv_text(row: list) -> list[str]:
    return ["" if c is None else str(c) for c in row]


def test_wide_csv_matches_the_answer_by_answer_layout(app):
    plain = _plain_rows(app)
    got = list(csv.reader(io.StringIO(_export(app, "csv").decode("utf-8-sig"))))[1:]
    assert len(got) == len(plain) == 33
    assert got == [_as_csv_text(r) for r in plain]


def test_long_csv_matches_the_answer_by_answer_layout(app, monkeypatch):
    plain = _plain_long_rows(app)
    # A cache of one answer and chunks of one row: nothing may depend on either.
    monkeypatch.setattr(csv_files.LongLines, "CACHE_LIMIT", 1)
    monkeypatch.setattr(csv_files, "CHUNK", 1)
    got = list(csv.reader(io.StringIO(_export(app, "long.csv").decode("utf-8-sig"), newline="")))
    assert got[0] == csv_files.LONG_HEADINGS
    assert len(got) - 1 == len(plain) == 108
    assert got[1:] == [_as_csv_text(r) for r in plain]


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


@pytest.mark.parametrize("fmt", ["csv", "long.csv", "xlsx", "sav"])
def test_awkward_text_arrives_whole(app, db, fmt, tmp_path):
    first = db.scalar(select(Answer.id).where(Answer.text == LIGHTS).order_by(Answer.id).limit(1))
    db.execute(update(Answer).where(Answer.id == first).values(text=AWKWARD))
    db.commit()
    data = _export(app, fmt)
    if fmt == "xlsx":
        cells = [_excel_text(c) for row in openpyxl.load_workbook(io.BytesIO(data))["Responses"].values
                 for c in row]
    elif fmt == "sav":
        (tmp_path / "export.sav").write_bytes(data)
        cells = list(pyreadstat.read_sav(str(tmp_path / "export.sav"))[0]["safe_better"])
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
