"""Sign-in: same message for every failure, rate limit, safe `next`, idle expiry, sign-out."""
import time

import pytest

from tests.conftest import csrf_token
from tests.workspace.factories import PASSWORD, sign_in_as

SIGN_IN = "/auth/sign-in"


def _post(client, email, password, next_url=""):
    page = client.get(SIGN_IN)
    return client.post(SIGN_IN, data={"csrf_token": csrf_token(page.text), "email": email,
                                      "password": password, "next": next_url})


def _message(response) -> str:
    assert response.status_code == 400
    start = response.text.index('class="govuk-error-message"')
    return response.text[start:start + 300]


def test_right_password_signs_in_and_goes_home(client, officer):
    response = _post(client, "Officer@Example.org ", PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/workspace/"
    assert client.get("/workspace/").status_code == 200


def test_unknown_user_and_wrong_password_get_the_same_message(client, officer):
    assert _message(_post(client, "nobody@example.org", PASSWORD)) == \
        _message(_post(client, "officer@example.org", "wrong password"))


def test_sign_in_is_rate_limited(client, officer):
    statuses = [_post(client, "nobody@example.org", "x").status_code for _ in range(11)]
    assert statuses[:10] == [400] * 10 and statuses[10] == 429


def test_sign_in_needs_a_csrf_token(client, officer):
    response = client.post(SIGN_IN, data={"email": officer.email, "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/workspace/").status_code == 302


@pytest.mark.parametrize("target", ["/workspace/schools", "/workspace/consultations?x=1"])
def test_next_on_this_site_is_followed(client, officer, target):
    assert _post(client, officer.email, PASSWORD, target).headers["Location"] == target


@pytest.mark.parametrize("target", [
    "https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example",
    "javascript:alert(1)", "workspace", "/workspace\r\nSet-Cookie: x=1", "http:/evil.example",
])
def test_next_elsewhere_goes_home_instead(client, officer, target):
    assert _post(client, officer.email, PASSWORD, target).headers["Location"] == "/workspace/"


def test_anonymous_is_sent_to_sign_in_with_a_relative_next(client):
    response = client.get("/workspace/schools?page=2")
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/sign-in?next=/workspace/schools?page%3D2"


def test_idle_session_expires_after_30_minutes(client, officer):
    sign_in_as(client, officer)
    assert client.get("/workspace/").status_code == 200
    with client.session_transaction() as session:
        session["staff_last_seen"] = int(time.time()) - 31 * 60
    response = client.get("/workspace/")
    assert response.status_code == 302 and response.headers["Location"].startswith(SIGN_IN)
    assert client.get("/workspace/").status_code == 302  # signed out, not just redirected


def test_a_busy_session_is_not_rewritten_on_every_request(client, officer):
    # A cookie re-sent by every request lets a slow background request put back an older
    # session (and lose a flashed "Saved" message) after a form's POST has answered.
    sign_in_as(client, officer)
    assert client.get("/workspace/").status_code == 200
    again = client.get("/workspace/")
    assert again.status_code == 200
    assert "Set-Cookie" not in again.headers


def test_use_after_a_quiet_spell_moves_the_idle_clock_on(client, officer):
    sign_in_as(client, officer)
    with client.session_transaction() as session:
        session["staff_last_seen"] = int(time.time()) - 29 * 60
    assert client.get("/workspace/").status_code == 200
    with client.session_transaction() as session:
        assert int(time.time()) - session["staff_last_seen"] < 60
    assert client.get("/workspace/").status_code == 200


def test_sign_out_needs_a_post_and_ends_the_session(client, officer):
    sign_in_as(client, officer)
    page = client.get("/workspace/")
    assert client.get("/auth/sign-out").status_code == 405
    response = client.post("/auth/sign-out", data={"csrf_token": csrf_token(page.text)})
    assert response.status_code == 302
    assert client.get("/workspace/").status_code == 302


def test_disabled_account_is_signed_out(client, officer, db):
    sign_in_as(client, officer)
    officer.active = False
    db.commit()
    assert client.get("/workspace/").status_code == 302
    assert _post(client, officer.email, PASSWORD).status_code == 400


def test_security_headers_on_sign_in(client):
    headers = client.get(SIGN_IN).headers
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["Referrer-Policy"] == "no-referrer"
