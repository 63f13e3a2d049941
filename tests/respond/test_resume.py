"""Save and resume: four words let a respondent finish later on another device."""
import re

from sqlalchemy import func, select

from engage.models import Response, ResponseStatus
from tests.conftest import csrf_token
from tests.respond.journey import begin, complete, fill


def _save_for_later(client) -> str:
    page = client.get("/answer/1")
    data = {**fill(page.text), "csrf_token": csrf_token(page.text), "action": "save"}
    saved = client.post("/answer/1", data=data)
    assert saved.headers["Location"].endswith("/saved")
    shown = client.get("/saved")
    return re.search(r'id="resume-code">([a-z-]+)<', shown.text).group(1)


def test_resume_on_another_device_submits_once(app, client, demo, db):
    begin(client, demo["annual"], "secondary")
    code = _save_for_later(client)
    assert len(code.split("-")) == 4
    other = app.test_client()
    form = other.get("/resume")
    typed = code.replace("-", " ").upper()
    resumed = other.post("/resume", data={"csrf_token": csrf_token(form.text), "code": typed})
    assert resumed.status_code == 302 and "/answer/" in resumed.headers["Location"]
    complete(other)
    assert db.scalar(select(func.count(Response.id))) == 1
    assert db.scalar(select(Response.status)) == ResponseStatus.SUBMITTED


def test_saving_forgets_the_response_in_this_browser(client, demo):
    begin(client, demo["annual"], "secondary")
    _save_for_later(client)
    assert client.get("/answer/1").status_code == 404


def test_a_used_code_no_longer_works(app, client, demo):
    begin(client, demo["annual"], "post16")
    code = _save_for_later(client)
    other = app.test_client()
    form = other.get("/resume")
    other.post("/resume", data={"csrf_token": csrf_token(form.text), "code": code})
    complete(other)
    third = app.test_client()
    form = third.get("/resume")
    refused = third.post("/resume", data={"csrf_token": csrf_token(form.text), "code": code})
    assert refused.status_code == 400
    assert "We could not find those words" in refused.text


def test_resumed_answers_are_shown_again(app, client, demo):
    begin(client, demo["annual"], "primary")
    page = client.get("/answer/1")
    name = re.search(r'name="(q_[a-z0-9_]+)" type="radio"', page.text).group(1)
    client.post("/answer/1", data={"csrf_token": csrf_token(page.text), name: "1", "action": "save"})
    code = re.search(r'id="resume-code">([a-z-]+)<', client.get("/saved").text).group(1)
    other = app.test_client()
    form = other.get("/resume")
    other.post("/resume", data={"csrf_token": csrf_token(form.text), "code": code})
    assert 'value="1" checked' in other.get("/answer/1").text


def test_a_resume_returns_to_the_furthest_page_reached(app, client, demo):
    begin(client, demo["annual"], "primary")
    for number in (1, 2):
        page = client.get(f"/answer/{number}")
        client.post(f"/answer/{number}", data={**fill(page.text), "csrf_token": csrf_token(page.text),
                                               "action": "next"})
    back = client.get("/answer/1")  # went back to change an answer, then saved there
    saved = client.post("/answer/1", data={**fill(back.text), "csrf_token": csrf_token(back.text),
                                           "action": "save"})
    assert saved.headers["Location"].endswith("/saved")
    code = re.search(r'id="resume-code">([a-z-]+)<', client.get("/saved").text).group(1)
    other = app.test_client()
    form = other.get("/resume")
    resumed = other.post("/resume", data={"csrf_token": csrf_token(form.text), "code": code})
    assert resumed.headers["Location"].endswith("/answer/3")
