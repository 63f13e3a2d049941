"""Bad input gets a plain message next to the field, keeps other answers, never a 500."""
import re

import pytest
from sqlalchemy import select

from tests.conftest import csrf_token
from tests.respond.journey import begin, fill


@pytest.mark.parametrize("path", [
    "/c/no-such-survey", "/c/no-such-survey/primary", "/join/NOPE99", "/answer/1",
])
def test_unknown_things_get_a_plain_404(client, demo, path):
    page = client.get(path)
    assert page.status_code == 404
    assert "<h1" in page.text and "Traceback" not in page.text


def test_unknown_variant_is_404(client, demo):
    assert client.get(f"/c/{demo['plan']}/primary").status_code == 404


def test_page_number_out_of_range_is_404(client, demo):
    begin(client, demo["annual"], "secondary")
    assert client.get("/answer/999").status_code == 404


def test_unknown_typed_code_gets_a_message(client, demo):
    start = client.get("/")
    page = client.post("/code", data={"csrf_token": csrf_token(start.text), "code": "ZZZZZZ"})
    assert page.status_code == 400
    assert "could not find that code" in page.text
    assert 'class="govuk-error-summary"' in page.text


def _page_with_text_and_choice(client, demo):
    """Find the first secondary page that has both free text and a radio question."""
    begin(client, demo["annual"], "secondary")
    for number in range(1, 15):
        page = client.get(f"/answer/{number}")
        if "<textarea" in page.text and 'type="radio"' in page.text:
            return number, page
        data = {**fill(page.text), "csrf_token": csrf_token(page.text), "action": "next"}
        client.post(f"/answer/{number}", data=data)
    raise AssertionError("no page with text and a choice")


def test_too_long_text_is_refused_and_other_answers_kept(client, demo):
    number, page = _page_with_text_and_choice(client, demo)
    data = {**fill(page.text), "csrf_token": csrf_token(page.text), "action": "next"}
    text_field = re.search(r'<textarea[^>]*name="(q_[a-z0-9_]+)"', page.text).group(1)
    radio_field, radio_value = re.search(r'name="(q_[a-z0-9_]+)" type="radio" value="([^"]+)"',
                                         page.text).groups()
    data[text_field] = "a" * 5001
    result = client.post(f"/answer/{number}", data=data)
    assert result.status_code == 400
    assert f'id="{text_field}-error"' in result.text
    assert f'href="#{text_field}"' in result.text
    assert re.search(rf'name="{radio_field}" type="radio" value="{radio_value}"\s*checked', result.text)
    assert "a" * 5001 in result.text  # the long answer is given back, not lost


def test_invalid_choice_is_refused_with_a_message(client, demo):
    number, page = _page_with_text_and_choice(client, demo)
    radio_field = re.search(r'name="(q_[a-z0-9_]+)" type="radio"', page.text).group(1)
    data = {"csrf_token": csrf_token(page.text), "action": "next", radio_field: "not-an-option"}
    result = client.post(f"/answer/{number}", data=data)
    assert result.status_code == 400
    assert f'id="{radio_field}-error"' in result.text


def test_more_than_three_top_choices_is_refused(client, demo, db):
    from engage.definitions.survey import survey_of
    from engage.models import Response

    begin(client, demo["annual"], "secondary")
    survey = survey_of(db.scalar(select(Response)).version)
    top3 = {f"q_{i.id}" for i in survey.items() if i.type == "top3" and "secondary" in i.variants}
    for number in range(1, 15):
        page = client.get(f"/answer/{number}")
        boxes = re.findall(r'name="(q_[a-z0-9_]+)" type="checkbox" value="([a-z0-9_]+)"', page.text)
        for name in top3 & {n for n, _ in boxes}:
            values = [v for n, v in boxes if n == name and v != "rather_not"]
            data = {"csrf_token": csrf_token(page.text), "action": "next", name: values[:4]}
            result = client.post(f"/answer/{number}", data=data)
            assert result.status_code == 400
            assert f'id="{name}-error"' in result.text
            return
        data = {**fill(page.text), "csrf_token": csrf_token(page.text), "action": "next"}
        client.post(f"/answer/{number}", data=data)
    raise AssertionError("no top-3 question found")


def test_missing_csrf_token_gets_a_friendly_page(client, demo):
    begin(client, demo["annual"], "secondary")
    result = client.post("/answer/1", data={"action": "next"})
    assert result.status_code == 400
    assert "Traceback" not in result.text


def test_security_headers_and_no_third_party_requests(client, demo):
    page = client.get("/")
    csp = page.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert not re.search(r'(src|href)="(https?:)?//', page.text)


@pytest.mark.parametrize("junk", [
    {"q_x": "1"},
    {"action": "teleport"},
    {"q_feel_safe_area": ["5", "4"]},
    {"q_feel_safe_area": "\x00\x01"},
    {"q_feel_safe_area": "5" * 10_000},
])
def test_junk_posts_never_cause_a_500(client, demo, junk):
    begin(client, demo["annual"], "secondary")
    page = client.get("/answer/1")
    result = client.post("/answer/1", data={"csrf_token": csrf_token(page.text), **junk})
    assert result.status_code in (302, 400)
