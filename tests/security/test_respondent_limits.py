"""Guessing codes is held back on the respondent pages; answering a survey never is."""
from tests.conftest import csrf_token
from tests.respond.journey import begin


def test_guessing_resume_codes_is_held_back(client, demo):
    form = client.get("/resume")
    token = csrf_token(form.text)
    codes = [client.post("/resume", data={"csrf_token": token, "code": "apple river tiger moon"}).status_code
             for _ in range(31)]
    assert codes[:30] == [400] * 30
    assert codes[30] == 429


def test_guessing_class_codes_is_held_back(client, demo):
    codes = [client.get("/join/NOTACODE").status_code for _ in range(121)]
    assert 429 not in codes[:120]
    assert codes[120] == 429


def test_survey_pages_are_not_counted_against_the_code_limits(client, demo):
    begin(client, demo["annual"], "secondary")
    for _ in range(130):
        assert client.get("/answer/1").status_code == 200
    assert client.get("/join/NOTACODE").status_code != 429
