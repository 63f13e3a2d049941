"""Number and date questions in the respondent journey: plain boxes, checked on the server."""
import pytest
from sqlalchemy import select

from engage.definitions.validate import validate
from engage.framework import load_framework
from engage.models import Answer
from tests.conftest import csrf_token
from tests.numbers.conftest import DEFINITION
from tests.respond.journey import begin


def _post(client, data: dict):
    page = client.get("/answer/1")
    return client.post("/answer/1", data={**data, "csrf_token": csrf_token(page.text), "action": "next"})


def test_the_definition_is_valid():
    assert validate(DEFINITION, "numbers.yaml", load_framework("surveys/framework.yaml")) == []


def test_the_page_shows_intro_a_number_box_and_day_month_year(client, numbers_consultation):
    begin(client, "numbers", "secondary")
    html = client.get("/answer/1").text
    assert "These questions help us know who answered." in html
    assert 'id="q_age" name="q_age" type="text" inputmode="numeric"' in html
    assert 'name="q_hours" type="text" inputmode="decimal"' in html
    for part, label in (("day", "Day"), ("month", "Month"), ("year", "Year")):
        assert f'name="q_moved-{part}"' in html and f">{label}</label>" in html
    assert 'id="q_moved"' in html  # the day box, where an error summary link lands
    assert "Write it like this: 27 3 2015." in html


@pytest.mark.parametrize(("data", "message"), [
    ({"q_age": "twelve"}, "Enter a whole number, like 12."),
    ({"q_age": "12.5"}, "Enter a whole number, like 12."),
    ({"q_age": "40"}, "Enter a number from 5 to 25."),
    ({"q_hours": "8 and a half"}, "Enter a number, like 12."),
    ({"q_moved-day": "31", "q_moved-month": "2", "q_moved-year": "2020"}, "Enter a real date with a day"),
    ({"q_moved-day": "3", "q_moved-month": "", "q_moved-year": "2020"}, "Enter a real date with a day"),
], ids=["words", "decimal-in-whole", "out-of-range", "not-a-number", "31-february", "no-month"])
def test_bad_answers_get_a_plain_message_and_nothing_is_saved(client, db, numbers_consultation, data, message):
    begin(client, "numbers", "parent")
    result = _post(client, data)
    assert result.status_code == 400
    assert message in result.text and 'class="govuk-error-summary"' in result.text
    typed = next(v for v in data.values() if v)
    assert f'value="{typed}"' in result.text  # what was typed stays, to be corrected
    assert db.scalars(select(Answer)).all() == []


def test_young_people_read_their_own_words(client, numbers_consultation):
    begin(client, "numbers", "secondary")
    result = _post(client, {"q_age": "lots"})
    assert "Please write a whole number, like 12." in result.text


def test_good_answers_are_stored_tidily_and_shown_again(client, db, numbers_consultation):
    begin(client, "numbers", "parent")
    result = _post(client, {"q_age": " 14 ", "q_hours": "7.5", "q_moved-day": "07", "q_moved-month": "3",
                            "q_moved-year": "2019"})
    assert result.status_code == 302
    stored = {a.item_key: a.value for a in db.scalars(select(Answer))}
    assert stored == {"age": "14", "hours": "7.5", "moved": "2019-03-07"}
    again = client.get("/answer/1").text
    assert 'value="14"' in again and 'name="q_moved-day" type="text" inputmode="numeric" value="7"' in again
    assert 'name="q_moved-year" type="text" inputmode="numeric" value="2019"' in again


def test_blank_answers_are_allowed_like_every_question(client, db, numbers_consultation):
    begin(client, "numbers", "parent")
    assert _post(client, {"q_age": "", "q_moved-day": "", "q_moved-month": "", "q_moved-year": ""}).status_code == 302
    assert db.scalars(select(Answer)).all() == []
