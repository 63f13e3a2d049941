"""Voting without JavaScript: choose one with radios, rank with "1st choice" selects, plain errors."""
from sqlalchemy import select

from engage.models import Answer
from tests.conftest import csrf_token
from tests.respond.journey import begin


def _first_page(client, ballot):
    begin(client, ballot.consultation.slug, "secondary")
    page = client.get("/answer/1")
    assert page.status_code == 200
    return page


def test_ranking_is_a_select_per_place_sharing_one_name(app, ballot, client):
    page = _first_page(client, ballot).text
    assert '<label class="govuk-label" for="q_issue_ranking">1st choice</label>' in page
    assert '<label class="govuk-label" for="q_issue_ranking-3">3rd choice</label>' in page
    assert page.count('name="q_issue_ranking"') == 3
    assert 'type="radio" value="safe_streets"' in page  # choose one is a radio list


def test_picking_the_same_option_twice_is_refused_in_plain_words(app, ballot, client):
    page = _first_page(client, ballot)
    refused = client.post("/answer/1", data={
        "csrf_token": csrf_token(page.text), "action": "next", "q_top_issue": "clean_air",
        "q_issue_ranking": ["clean_air", "clean_air", ""]})
    assert refused.status_code == 400
    assert "You picked the same one twice. Pick a different one each time." in refused.text
    assert 'href="#q_issue_ranking"' in refused.text


def test_a_ranking_is_stored_in_order_with_gaps_closed(app, ballot, db, client):
    page = _first_page(client, ballot)
    saved = client.post("/answer/1", data={
        "csrf_token": csrf_token(page.text), "action": "next", "q_top_issue": "clean_air",
        "q_issue_ranking": ["", "cheap_buses", "clean_air"]})
    assert saved.status_code == 302
    db.rollback()
    answers = {a.item_key: a for a in db.scalars(select(Answer))}
    assert answers["top_issue"].value == "clean_air"
    assert answers["issue_ranking"].choices == ["cheap_buses", "clean_air"]
    again = client.get("/answer/1").text  # Back shows the ranking where it was put
    assert '<option value="cheap_buses" selected>' in again
