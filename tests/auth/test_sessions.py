"""Ending sessions: sign-out, a new role, disabling or a new password end every copy of the cookie."""
import time

from engage.models import Role
from engage.services import accounts
from engage.services.security import credentials
from tests.conftest import csrf_token
from tests.workspace.factories import PASSWORD, make_user

SIGN_IN = "/auth/sign-in"


def _signed_in(app, user):
    """Sign in through the real form and return the client."""
    client = app.test_client()
    page = client.get(SIGN_IN)
    response = client.post(SIGN_IN, data={"csrf_token": csrf_token(page.text), "email": user.email,
                                          "password": PASSWORD})
    assert response.status_code == 302
    return client


def _copy(app, client):
    """Return a second client holding a copy of the first one's session cookie."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    return thief


def test_a_copied_cookie_stops_working_after_sign_out(app, officer):
    client = _signed_in(app, officer)
    thief = _copy(app, client)
    assert thief.get("/workspace/").status_code == 200
    page = client.get("/workspace/")
    client.post("/auth/sign-out", data={"csrf_token": csrf_token(page.text)})
    assert thief.get("/workspace/").status_code == 302


def test_signing_out_on_one_device_ends_the_others(app, officer):
    laptop, phone = _signed_in(app, officer), _signed_in(app, officer)
    page = laptop.get("/workspace/")
    laptop.post("/auth/sign-out", data={"csrf_token": csrf_token(page.text)})
    assert phone.get("/workspace/").status_code == 302


def test_a_role_change_ends_the_sessions(app, db):
    user = make_user(db, Role.OFFICER, email="changing@example.org")
    make_user(db, Role.ADMIN, email="keeper@example.org")
    client = _signed_in(app, user)
    accounts.set_role(db, user.email, Role.YOUTH_COUNCIL)
    assert client.get("/workspace/").status_code == 302


def test_disabling_ends_the_sessions(app, db, officer):
    client = _signed_in(app, officer)
    accounts.disable_user(db, officer.email)
    assert client.get("/workspace/").status_code == 302


def test_a_password_change_ends_the_other_sessions(app, db, officer):
    client = _signed_in(app, officer)
    credentials.reset_password(db, officer.email, "a brand new long passphrase")
    assert client.get("/workspace/").status_code == 302


def test_a_session_ends_12_hours_after_sign_in_however_busy(app, officer):
    client = _signed_in(app, officer)
    with client.session_transaction() as session:
        session["staff_started"] = int(time.time()) - 12 * 3600 - 60
        session["staff_last_seen"] = int(time.time())
    response = client.get("/workspace/")
    assert response.status_code == 302 and response.headers["Location"].startswith(SIGN_IN)
    assert client.get("/workspace/").status_code == 302


def test_a_session_from_before_versions_is_signed_out(app, officer):
    client = _signed_in(app, officer)
    with client.session_transaction() as session:
        del session["staff_version"]
    assert client.get("/workspace/").status_code == 302
