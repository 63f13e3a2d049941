"""Kiosk mode: an officer starts it (audited); the device then serves one person after another."""
import re
import time

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from engage.models import AuditEvent, Consultation, ContactRequest, Response, Role
from engage.services import kiosk as kiosk_service
from tests.conftest import csrf_token
from tests.respond.journey import begin, complete, fill
from tests.respond.test_safeguarding_journey import DISCLOSURE, _first_text_page, _post_text
from tests.workspace.factories import make_user, sign_in_as

RESPONDENT_KEYS = {"response", "done", "help", "display", "class_code"}


@pytest.fixture
def kiosk(client, demo, db):
    """Start a kiosk for the annual survey as an officer would, on this client."""
    consultation = db.scalar(select(Consultation).where(Consultation.slug == demo["annual"]))
    sign_in_as(client, make_user(db, Role.OFFICER, email="events@example.org"))
    url = f"/workspace/consultations/{consultation.id}/kiosk"
    page = client.get(url)
    assert page.status_code == 200 and "Sign out and start the kiosk" in page.text
    started = client.post(url, data={"csrf_token": csrf_token(page.text)})
    assert started.status_code == 302 and started.headers["Location"] == "/kiosk"
    return consultation


def _session(client) -> dict:
    with client.session_transaction() as session:
        return dict(session)


def test_starting_a_kiosk_is_audited_and_signs_the_officer_out(client, kiosk, db):
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "kiosk_started"))
    assert (event.actor_email, event.target) == ("events@example.org", kiosk.slug)
    assert set(_session(client)) == {"kiosk"}
    assert client.get("/workspace/").headers["Location"].startswith("/auth/sign-in")
    start = client.get("/kiosk")
    assert escape(kiosk.title) in start.text and 'id="kiosk-start"' in start.text


def test_a_kiosk_offers_no_way_to_keep_or_find_answers(client, kiosk, demo):
    for path in ("/", "/resume", "/saved"):
        assert client.get(path).headers["Location"] == "/kiosk"
    begin(client, demo["annual"], "secondary")
    page = client.get("/answer/1").text
    assert 'value="save"' not in page
    # A hand-made "save" post is taken as "next": no resume code is ever issued.
    data = {**fill(page), "csrf_token": csrf_token(page), "action": "save"}
    assert client.post("/answer/1", data=data).headers["Location"].endswith("/answer/2")


def test_after_thank_you_the_next_person_starts_clean(client, kiosk, demo, db):
    client.post("/settings", data={"csrf_token": csrf_token(client.get("/settings").text),
                                   "large_text": "y", "back": "/kiosk"})
    begin(client, demo["annual"], "secondary")
    complete(client)
    thanks = client.get("/thanks")
    assert 'id="kiosk-next" href="/kiosk"' in thanks.text
    assert f'data-after="{kiosk_service.THANKS_RETURN}" data-idle="/kiosk"' in thanks.text
    assert not RESPONDENT_KEYS & set(_session(client))
    assert "engage-large-text" not in client.get("/kiosk").text  # display settings go too
    response = db.scalar(select(Response))
    assert (response.channel, response.status) == ("kiosk", "submitted")


def test_the_help_offer_does_not_pass_to_the_next_person(client, kiosk, demo, db):
    begin(client, demo["annual"], "secondary")
    number, page = _first_text_page(client)
    assert _post_text(client, number, page, DISCLOSURE).headers["Location"].endswith("/help")
    help_page = client.get("/help").text
    assert 'name="how_to_reach"' in help_page  # the child who wrote it is offered help
    complete_from = int(re.search(r'id="help-continue" href="/answer/(\d+)"', help_page).group(1))
    while True:
        page = client.get(f"/answer/{complete_from}").text
        result = client.post(f"/answer/{complete_from}",
                             data={**fill(page), "csrf_token": csrf_token(page), "action": "next"})
        if result.headers["Location"].endswith("/thanks"):
            break
        complete_from += 1
    client.get("/thanks")
    after = client.get("/help").text
    assert 'name="how_to_reach"' not in after
    token = csrf_token(client.get("/settings").text)
    assert client.post("/help", data={"csrf_token": token, "how_to_reach": "x"}).status_code == 200
    assert db.scalar(select(func.count(ContactRequest.id))) == 0


def test_idle_answers_are_wiped_after_a_warning(client, kiosk, demo):
    begin(client, demo["annual"], "secondary")
    page = client.get("/answer/1").text
    assert f'content="{kiosk_service.IDLE_WARN};url=/kiosk/still-there?next=/answer/1"' in page
    assert "js/kiosk-idle.js" in page
    warning = client.get("/kiosk/still-there?next=/answer/1").text
    assert f'content="{kiosk_service.IDLE_GRACE};url=/kiosk/wipe"></noscript>' in warning
    assert f'data-after="{kiosk_service.IDLE_GRACE}" data-idle="/kiosk/wipe"' in warning
    assert 'id="kiosk-stay" href="/answer/1"' in warning
    assert client.get("/answer/1").status_code == 200  # "I am still here" keeps the answers
    assert client.get("/kiosk/wipe").headers["Location"] == "/kiosk"
    assert "response" not in _session(client)
    assert 'id="kiosk-wiped"' in client.get("/kiosk").text


def test_the_server_wipes_a_respondent_idle_past_the_limit(client, kiosk, demo):
    begin(client, demo["annual"], "secondary")
    with client.session_transaction() as session:
        session["kiosk_seen"] = time.time() - kiosk_service.IDLE_LIMIT - 5
    assert client.get("/answer/1").headers["Location"] == "/kiosk"
    assert "response" not in _session(client)


def test_the_still_there_page_sends_only_to_this_site(client, kiosk):
    page = client.get("/kiosk/still-there?next=https://example.com/x").text
    assert 'id="kiosk-stay" href="/kiosk"' in page


def test_a_kiosk_that_has_run_out_is_an_ordinary_browser_again(client, kiosk):
    with client.session_transaction() as session:
        session["kiosk"] = {**session["kiosk"], "until": time.time() - 1}
    assert client.get("/kiosk").headers["Location"] == "/"
    assert client.get("/").status_code == 200
    assert "kiosk" not in _session(client)


def test_a_closed_consultation_cannot_start_a_kiosk(client, demo, db):
    consultation = db.scalar(select(Consultation).where(Consultation.slug == demo["annual"]))
    consultation.status = "closed"
    db.commit()
    sign_in_as(client, make_user(db, Role.OFFICER, email="late@example.org"))
    url = f"/workspace/consultations/{consultation.id}/kiosk"
    page = client.get(url)
    assert "A kiosk needs the consultation to be open." in page.text
    refused = client.post(url, data={"csrf_token": csrf_token(page.text)})
    assert refused.status_code == 200 and "kiosk" not in _session(client)
    assert db.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "kiosk_started")) == 0


def test_an_ordinary_browser_sees_no_kiosk_pages(client):
    for path in ("/kiosk", "/kiosk/still-there", "/kiosk/wipe"):
        assert client.get(path).headers["Location"] == "/"
