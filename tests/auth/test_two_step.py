"""Two-step sign-in: required for safeguarding leads and admins, offered to everyone."""
import re

import pyotp
from sqlalchemy import select

from engage.models import AuditEvent, RecoveryCode, Role
from tests.conftest import csrf_token
from tests.workspace.factories import PASSWORD, TOTP_SECRET, make_user, sign_in_as

SIGN_IN = "/auth/sign-in"


def _password(client, email, next_url=""):
    page = client.get(SIGN_IN)
    return client.post(SIGN_IN, data={"csrf_token": csrf_token(page.text), "email": email,
                                      "password": PASSWORD, "next": next_url})


def _code(client, url, code):
    page = client.get(url)
    return client.post(url, data={"csrf_token": csrf_token(page.text), "code": code})


def test_a_lead_needs_the_code_as_well_as_the_password(client, db):
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    response = _password(client, lead.email, "/workspace/safeguarding/")
    assert response.headers["Location"] == "/auth/two-step"
    assert client.get("/workspace/safeguarding/").status_code == 302  # not yet signed in
    assert _code(client, "/auth/two-step", "000000").status_code == 400
    done = _code(client, "/auth/two-step", pyotp.TOTP(TOTP_SECRET).now())
    assert done.status_code == 302 and done.headers["Location"] == "/workspace/safeguarding/"
    assert client.get("/workspace/safeguarding/").status_code == 200


def test_a_code_works_once(app, db):
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    code = pyotp.TOTP(TOTP_SECRET).now()
    first, second = app.test_client(), app.test_client()
    _password(first, lead.email)
    assert _code(first, "/auth/two-step", code).status_code == 302
    _password(second, lead.email)
    assert _code(second, "/auth/two-step", code).status_code == 400


def test_the_code_page_needs_the_password_first(client, db):
    make_user(db, Role.SAFEGUARDING_LEAD)
    assert client.get("/auth/two-step").headers["Location"] == SIGN_IN
    assert client.get("/auth/two-step/set-up").headers["Location"] == SIGN_IN


def test_wrong_codes_make_this_client_wait(client, db):
    lead = make_user(db, Role.ADMIN)
    _password(client, lead.email)
    for n in range(5):
        _code(client, "/auth/two-step", f"{n:06d}")
    waiting = _code(client, "/auth/two-step", pyotp.TOTP(TOTP_SECRET).now())
    assert waiting.status_code == 400 and "Too many wrong tries" in waiting.text


def _set_up(client):
    """Read the secret off the set-up page, send a code from it, return the recovery codes shown."""
    page = client.get("/auth/two-step/set-up")
    assert page.status_code == 200 and "<svg" in page.text
    secret = re.search(r'<code id="secret">([A-Z2-7 ]+)</code>', page.text).group(1).replace(" ", "")
    response = client.post("/auth/two-step/set-up", data={"csrf_token": csrf_token(page.text),
                                                           "code": pyotp.TOTP(secret).now()})
    assert response.headers["Location"] == "/auth/two-step/recovery-codes"
    shown = client.get("/auth/two-step/recovery-codes")
    assert shown.headers["Cache-Control"] == "no-store"
    return re.findall(r"<li><code>([0-9a-f-]+)</code></li>", shown.text)


def test_a_lead_without_an_app_sets_it_up_at_sign_in(client, db):
    lead = make_user(db, Role.SAFEGUARDING_LEAD, totp=False)
    assert _password(client, lead.email).headers["Location"] == "/auth/two-step/set-up"
    assert client.get("/workspace/").status_code == 302
    codes = _set_up(client)
    assert len(codes) == 10
    assert client.get("/workspace/").status_code == 200
    assert client.get("/auth/two-step/recovery-codes").status_code == 302  # shown once only
    stored = db.scalars(select(RecoveryCode.code_hash)).all()
    assert len(stored) == 10 and not set(codes) & set(stored)
    db.refresh(lead)
    assert lead.totp_secret and "two_step_set_up" in db.scalars(select(AuditEvent.action)).all()


def test_a_recovery_code_signs_in_once(app, client, db):
    lead = make_user(db, Role.SAFEGUARDING_LEAD, totp=False)
    _password(client, lead.email)
    codes = _set_up(client)
    again = app.test_client()
    _password(again, lead.email)
    assert _code(again, "/auth/two-step", codes[0].upper()).status_code == 302
    later = app.test_client()
    _password(later, lead.email)
    assert _code(later, "/auth/two-step", codes[0]).status_code == 400
    assert "recovery_code_used" in db.scalars(select(AuditEvent.action)).all()


def test_an_officer_signs_in_with_a_password_and_may_add_the_app(client, db):
    officer = make_user(db, Role.OFFICER)
    assert _password(client, officer.email).headers["Location"] == "/workspace/"
    account = client.get("/auth/account")
    assert "Two-step sign-in" in account.text and "/auth/two-step/set-up" in account.text
    assert len(_set_up(client)) == 10
    assert client.get("/workspace/").status_code == 200  # the session goes on under the new version
    db.refresh(officer)
    assert officer.totp_secret


def test_signed_in_sessions_without_a_code_end_when_the_app_is_added(app, client, db):
    officer = make_user(db, Role.OFFICER)
    elsewhere = app.test_client()
    sign_in_as(elsewhere, officer)
    sign_in_as(client, officer)
    _set_up(client)
    assert elsewhere.get("/workspace/").status_code == 302


def test_admins_see_who_has_two_step_sign_in(client, db):
    admin = make_user(db, Role.ADMIN)
    make_user(db, Role.SAFEGUARDING_LEAD, totp=False)
    make_user(db, Role.OFFICER)
    sign_in_as(client, admin)
    page = client.get("/workspace/accounts").text
    assert page.count(">On<") == 1 and "Sets it up at next sign-in" in page and ">Off<" in page
