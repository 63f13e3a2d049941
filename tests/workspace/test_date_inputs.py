"""Staff type dates as day, month and year in three boxes (GOV.UK's date input), whatever the
browser's language; a refused date names the box to put right and keeps what was typed."""
import re
from datetime import date

import pytest
from sqlalchemy import select

from engage.models import Consultation
from engage.services.workspace import consultations as wc
from tests.conftest import csrf_token
from tests.workspace.factories import sign_in_as

NEW = "/workspace/consultations/new"


def _post(client, **dates):
    token = csrf_token(client.get(NEW).text)
    data = {"csrf_token": token, "title": "Dates", "family": "annual-young-people", "variants": ["primary"]}
    for name, (day, month, year) in dates.items():
        data.update({f"{name}-day": day, f"{name}-month": month, f"{name}-year": year})
    return client.post(NEW, data=data)


def _box(html: str, box_id: str) -> str:
    return re.search(rf'<input[^>]*id="{box_id}"[^>]*>', html).group(0)


def test_consultation_dates_are_three_boxes_under_one_legend(client, world):
    sign_in_as(client, world.users["officer"])
    html = client.get(NEW).text
    assert 'type="date"' not in html
    for name in ("opens_on", "closes_on", "results_on"):
        for part, box_id in (("day", name), ("month", f"{name}-month"), ("year", f"{name}-year")):
            assert f'name="{name}-{part}"' in _box(html, box_id)
    assert re.search(r'<legend[^>]*>\s*Closing date\s*</legend>', html)


def test_a_date_is_saved_from_its_three_boxes(client, world, db):
    sign_in_as(client, world.users["officer"])
    response = _post(client, closes_on=("10", "2", "2028"), results_on=("1", "04", "2028"))
    assert response.status_code == 302
    made = db.scalar(select(Consultation).where(Consultation.title == "Dates"))
    assert wc.closing_day(made) == date(2028, 2, 10) and made.results_on == date(2028, 4, 1)
    assert made.opens_at is None  # all three boxes left empty: no opening date
    edit = client.get(f"/workspace/consultations/{made.id}/edit").text
    assert 'value="10"' in _box(edit, "closes_on") and 'value="2"' in _box(edit, "closes_on-month")
    assert 'value="2028"' in _box(edit, "closes_on-year")


@pytest.mark.parametrize(("typed", "message", "box"), [
    (("31", "6", "2027"), "Closing date must be a real date: June has 30 days.", "closes_on"),
    (("10", "", "2027"), "Closing date must include a month.", "closes_on-month"),
    (("", "", "2027"), "Closing date must include a day and a month.", "closes_on"),
    (("10", "13", "2027"), "Closing date must be a real date: the month is a number from 1 to 12.",
     "closes_on-month"),
    (("10", "3", "27"), "Closing date: the year must have 4 numbers, for example 2027.", "closes_on-year"),
    (("ten", "3", "2027"), "Closing date must be a real date: type the day as a number, for example 27.",
     "closes_on"),
    (("", "", ""), "Enter the closing date.", "closes_on"),
])
def test_a_refused_date_names_the_box_and_keeps_what_was_typed(client, world, typed, message, box):
    sign_in_as(client, world.users["officer"])
    response = _post(client, closes_on=typed)
    assert response.status_code == 400
    html = response.text
    assert f'<a href="#{box}">{message}</a>' in html  # the error summary links to the box to fix
    assert f"{message}</p>" in html  # and the same words beside the boxes
    assert "govuk-input--error" in _box(html, box)
    for part, box_id in zip(typed, ("closes_on", "closes_on-month", "closes_on-year"), strict=True):
        assert f'value="{part}"' in _box(html, box_id)


def test_every_date_problem_is_reported_at_once(client, world):
    sign_in_as(client, world.users["officer"])
    html = _post(client, opens_on=("30", "2", "2027"), closes_on=("", "", "")).text
    assert "Opening date must be a real date: February has 28 days in 2027." in html
    assert "Enter the closing date." in html
