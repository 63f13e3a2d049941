"""Number and date answers in the summary (bands, median and quartiles, suppressed like every
count), in the exports, and on paper."""
import csv
import io
from datetime import timedelta

import pyreadstat
import pytest

from engage.models import Role
from engage.models._time import utcnow
from engage.results import exports, summary
from engage.services.consultations import survey_of
from engage.services.responses import AnswerValue, start_response, submit
from tests.workspace.factories import make_user, sign_in_as

AGES = ["11", "12", "12", "13", "14", "15", "16", "17", "22"]  # nine parents
MOVED = ["2024-01-05", "2024-01-20", "2024-01-31", "2024-03-02", "2024-03-09", "2024-03-10", "2024-03-11",
         "2024-03-12", "2024-05-01"]


@pytest.fixture
def answered(app, db, numbers_consultation):
    survey = survey_of(numbers_consultation.version)
    items = {i.id: i for i in survey.items()}
    now = utcnow()
    for age, moved in zip(AGES, MOVED, strict=True):
        response = start_response(db, numbers_consultation, "parent", now - timedelta(hours=1))
        answers = {"age": AnswerValue(value=age), "moved": AnswerValue(value=moved)}
        submit(db, response.token, [items["age"], items["moved"]], answers, now)
    return numbers_consultation


def _item(result: dict, key: str) -> dict:
    return next(i for i in result["items"] if i["key"] == key)


def test_numbers_are_counted_in_round_bands_with_small_ones_hidden(app, db, answered):
    with app.app_context():
        result = summary.summarise(db, answered)
    age = _item(result, "age")
    assert age["type"] == "number" and age["bands"] == ["10 to 14", "15 to 19", "20 to 24"]
    [parents] = [r for r in age["rows"] if r["row"] == "parent"]
    assert parents["10 to 14"] == 5  # 11, 12, 12, 13, 14: at the threshold, shown
    assert parents["15 to 19"] == "fewer than 5" and parents["20 to 24"] == "fewer than 5"
    assert age["spread"] == {"answered": 9, "lower_quartile": 12.0, "median": 14.0, "upper_quartile": 16.0}


def test_dates_are_counted_by_month(app, db, answered):
    with app.app_context():
        moved = _item(summary.summarise(db, answered), "moved")
    assert moved["bands"] == ["January 2024", "March 2024", "May 2024"]
    [parents] = [r for r in moved["rows"] if r["row"] == "parent"]
    assert parents["March 2024"] == 5 and parents["January 2024"] == "fewer than 5"
    assert moved["spread"] is None


def test_the_spread_is_withheld_under_the_threshold(app, db, answered):
    app.config["SUPPRESSION_THRESHOLD"] = 10
    with app.app_context():
        assert _item(summary.summarise(db, answered), "age")["spread"] is None


def test_the_results_page_shows_the_median(app, db, answered, client):
    sign_in_as(client, make_user(db, Role.OFFICER))
    page = client.get(f"/workspace/insights/{answered.id}")
    assert page.status_code == 200, page.status_code
    assert "Median 14; the middle half of the 9 answers lie from 12 to 16." in page.text


def test_exports_carry_the_number_and_the_date(app, db, answered, tmp_path):
    with app.app_context():
        text = b"".join(exports.export(db, answered, "csv")).decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text)))
        # Columns are headed by their questions, each group's words named where they differ.
        age = "Ages 11 to 16: How old are you? / Parents and carers: How old is your child?"
        assert sorted(r[age] for r in rows) == sorted(AGES)
        assert {r["When did you move here?"] for r in rows} == set(MOVED)
        data = b"".join(exports.export(db, answered, "sav"))
    (tmp_path / "x.sav").write_bytes(data)
    frame, _meta = pyreadstat.read_sav(str(tmp_path / "x.sav"))
    assert sorted(frame["age"].dropna().tolist()) == sorted(float(a) for a in AGES)
    assert set(frame["moved"]) == set(MOVED)
