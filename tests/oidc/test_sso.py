"""Single sign-on against a real OpenID Connect provider started on 127.0.0.1: an account matched
by verified email keeps its engage role and schools; everyone else is refused plainly and audited;
a wrong audience, an expired token and a replayed state are refused."""
import base64
import hashlib
import secrets

import pytest
import requests
from sqlalchemy import select

from engage import create_app
from engage.auth import oidc
from engage.models import AuditEvent, Role
from tests.conftest import _config, csrf_token
from tests.oidc.conftest import CALLBACK, sso_app
from tests.oidc.flow import sign_in_at_provider
from tests.workspace.factories import PASSWORD, make_user


def _start(client, next_path: str = "") -> str:
    started = client.get("/auth/sso" + (f"?next={next_path}" if next_path else ""))
    assert started.status_code == 302
    return started.headers["Location"]


def _finish(client, callback_url: str):
    return client.get(callback_url.removeprefix("http://localhost"))


def _events(db) -> list[tuple]:
    db.rollback()
    return [(e.action, e.actor_email, e.detail) for e in db.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_the_sign_in_page_offers_the_councils_sign_in(client):
    page = client.get("/auth/sign-in").text
    assert 'id="sso-start"' in page and "Sign in with your council account" in page
    assert 'name="password"' in page  # password sign-in stays, unless switched off


def test_a_known_verified_email_signs_in_with_its_engage_role(app, db, client):
    make_user(db, Role.OFFICER, email="officer@example.org")
    db.commit()
    authorize = _start(client, "/workspace/schools")
    assert authorize.startswith(app.config["OIDC_ISSUER"]) and "code_challenge=" in authorize
    back = _finish(client, sign_in_at_provider(authorize, "officer"))
    assert back.status_code == 302 and back.headers["Location"] == "/workspace/schools"
    assert client.get("/workspace/").status_code == 200
    assert client.get("/workspace/accounts").status_code == 403  # an officer, not an admin
    assert ("sign_in_sso", "officer@example.org", "signed in with the council's identity provider") in _events(db)


def test_email_case_does_not_matter(app, db, client):
    make_user(db, Role.ADMIN, email="admin@example.org")
    db.commit()
    back = _finish(client, sign_in_at_provider(_start(client), "admin"))  # says Admin@Example.org
    assert back.status_code == 302 and client.get("/workspace/accounts").status_code == 200


def test_single_sign_on_skips_engages_own_second_step(app, db, client):
    """The identity provider is trusted for the second factor: an admin who has engage's
    authenticator set up is not asked for its code when signing in through the provider,
    though password sign-in still asks for it."""
    admin = make_user(db, Role.ADMIN, email="admin@example.org")
    assert admin.totp_secret is not None
    back = _finish(client, sign_in_at_provider(_start(client), "admin"))
    assert back.status_code == 302 and back.headers["Location"] == "/workspace/"
    assert client.get("/workspace/accounts").status_code == 200
    by_password = app.test_client()
    page = by_password.get("/auth/sign-in").text
    asked = by_password.post("/auth/sign-in", data={"csrf_token": csrf_token(page), "email": "admin@example.org",
                                                    "password": PASSWORD})
    assert asked.status_code == 302 and asked.headers["Location"].startswith("/auth/two-step")
    assert by_password.get("/workspace/").status_code == 302  # not signed in until the code is given


@pytest.mark.parametrize(("login", "words", "detail"), [
    ("stranger", "There is no engage account for stranger@example.org", "no account: stranger@example.org"),
    ("unverified", "email address is not verified", "email not verified: officer@example.org"),
    ("noemail", "has no email address", "no email claim"),
])
def test_no_usable_account_is_refused_plainly_and_audited(app, db, client, login, words, detail):
    make_user(db, Role.OFFICER, email="officer@example.org")
    db.commit()
    refused = _finish(client, sign_in_at_provider(_start(client), login))
    assert refused.status_code == 403 and words in refused.text
    assert client.get("/workspace/").status_code == 302  # still signed out
    assert ("sign_in_sso_refused", None, detail) in _events(db)


def test_a_disabled_account_is_refused(app, db, client):
    user = make_user(db, Role.OFFICER, email="officer@example.org")
    user.active = False
    db.commit()
    refused = _finish(client, sign_in_at_provider(_start(client), "officer"))
    assert refused.status_code == 403 and "switched off" in refused.text


def test_a_replayed_state_is_refused(app, db, client):
    make_user(db, Role.OFFICER, email="officer@example.org")
    db.commit()
    callback = sign_in_at_provider(_start(client), "officer")
    assert _finish(client, callback).status_code == 302
    client.post("/auth/sign-out", data={"csrf_token": csrf_token(client.get("/workspace/").text)})
    replayed = _finish(client, callback)
    assert replayed.status_code == 403 and "already been used" in replayed.text
    assert client.get("/workspace/").status_code == 302
    assert any(a == "sign_in_sso_refused" and d.startswith("mismatching_state") for a, _e, d in _events(db))


def test_a_state_from_another_browser_is_refused(app, db, client):
    make_user(db, Role.OFFICER, email="officer@example.org")
    db.commit()
    callback = sign_in_at_provider(_start(client), "officer")
    stranger = app.test_client()  # the link arrives in a browser that never started signing in
    assert _finish(stranger, callback).status_code == 403


def _id_token_for(app, client_id: str, secret: str, login: str) -> tuple[dict, str]:
    """Run the whole code flow at the provider as some client; return its tokens and the nonce."""
    issuer = app.config["OIDC_ISSUER"]
    nonce, state = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
    redirect = CALLBACK if client_id == "engage" else "http://localhost/other/callback"
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    authorize = (f"{issuer}/auth?client_id={client_id}&response_type=code&scope=openid%20email&state={state}"
                 f"&nonce={nonce}&redirect_uri={redirect}&code_challenge={challenge}&code_challenge_method=S256")
    back = sign_in_at_provider(authorize, login)
    code = back.split("code=")[1].split("&")[0]
    tokens = requests.post(f"{issuer}/token", auth=(client_id, secret), timeout=10, data={
        "grant_type": "authorization_code", "code": code, "redirect_uri": redirect, "code_verifier": verifier}).json()
    return tokens, nonce


def test_engage_accepts_its_own_id_token(app):
    tokens, nonce = _id_token_for(app, "engage", "engage-test-secret", "officer")
    with app.test_request_context():
        assert oidc.verify(tokens, nonce)["email"] == "officer@example.org"


def test_an_id_token_for_another_audience_is_refused(app):
    tokens, nonce = _id_token_for(app, "someone-else", "other-test-secret", "officer")
    with app.test_request_context(), pytest.raises(oidc.Refused) as refused:
        oidc.verify(tokens, nonce)
    assert "cannot accept" in refused.value.message and "aud" in refused.value.detail


def test_an_expired_id_token_is_refused(migrated, tmp_path, start_provider, db):
    """A provider whose clock is two hours slow issues tokens that have already expired."""
    slow = start_provider(clock_offset=-7200)
    app = sso_app(migrated, tmp_path, slow)
    tokens, nonce = _id_token_for(app, "engage", "engage-test-secret", "officer")
    with app.test_request_context(), pytest.raises(oidc.Refused) as refused:
        oidc.verify(tokens, nonce)
    assert refused.value.detail.startswith("expired_token")
    client = app.test_client()
    through_callback = _finish(client, sign_in_at_provider(_start(client), "officer"))
    assert through_callback.status_code == 403 and "cannot accept" in through_callback.text
    app.extensions["engage.engine"].dispose()


def test_a_wrong_nonce_is_refused(app):
    tokens, _nonce = _id_token_for(app, "engage", "engage-test-secret", "officer")
    with app.test_request_context(), pytest.raises(oidc.Refused):
        oidc.verify(tokens, "not-the-nonce")


def test_password_sign_in_can_be_switched_off(migrated, tmp_path, issuer, db):
    app = sso_app(migrated, tmp_path, issuer, PASSWORD_SIGN_IN=False, WTF_CSRF_ENABLED=False)
    client = app.test_client()
    make_user(db, Role.OFFICER, email="officer@example.org")
    db.commit()
    page = client.get("/auth/sign-in")
    assert 'name="password"' not in page.text and "switched off" in page.text and 'id="sso-start"' in page.text
    # Even a well-formed post with the right password is not checked.
    refused = client.post("/auth/sign-in", data={"email": "officer@example.org", "password": PASSWORD})
    assert refused.status_code == 403 and client.get("/workspace/").status_code == 302
    app.extensions["engage.engine"].dispose()


def test_without_a_provider_there_is_no_council_sign_in(migrated, tmp_path):
    app = create_app({**_config(), "DATABASE_URL": migrated})
    client = app.test_client()
    assert "sso-start" not in client.get("/auth/sign-in").text
    assert client.get("/auth/sso").status_code == 404 and client.get("/auth/sso/callback").status_code == 404
    app.extensions["engage.engine"].dispose()
