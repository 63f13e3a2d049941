"""An administrator adds staff accounts, changes them, disables and enables them, in the workspace;
the new person chooses their own password from a link; nobody else may do any of it."""
import re
from html import unescape

import pytest
from sqlalchemy import select

from engage.models import AuditEvent, Role, User
from engage.services.security import passwords
from tests.conftest import csrf_token
from tests.workspace.factories import sign_in_as

NEW_PASSWORD = "otter lantern gravel spoon"


def _fresh(db, email):
    db.rollback()  # end the read transaction, to see what the app saved
    db.expire_all()
    return db.scalar(select(User).where(User.email == email))


def _add(client, email, role, schools=()):
    page = client.get("/workspace/accounts/new")
    return client.post("/workspace/accounts/new", data={
        "csrf_token": csrf_token(page.text), "email": email, "role": role, "schools": list(schools)})


def _link(html):
    return unescape(re.search(r'<code id="password-link">([^<]+)</code>', html).group(1))


def test_an_admin_adds_a_school_contact_who_chooses_a_password_from_a_link(client, world, db):
    admin = world.users["admin"]
    sign_in_as(client, admin)
    listing = client.get("/workspace/accounts").text
    assert "flask" not in listing and 'href="/workspace/accounts/new"' in listing
    added = _add(client, " Head@Riverside.example.org ", "school_contact", [world.mine.id])
    assert added.status_code == 201 and "Account added" in added.text
    assert added.headers["Cache-Control"] == "no-store"
    user = _fresh(db, "head@riverside.example.org")
    assert user.role == Role.SCHOOL_CONTACT and user.school_ids == {world.mine.id} and user.active
    actions = [(e.action, e.actor_id, e.target) for e in db.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions == [("user_created", admin.id, user.email), ("password_link_made", admin.id, user.email)]

    link = _link(added.text)
    # Correcting the role afterwards, or disabling and enabling again, keeps the link working.
    url = f"/workspace/accounts/{user.id}"
    client.post(url, data={"csrf_token": csrf_token(client.get(url).text), "role": "school_contact",
                           "schools": [world.mine.id, world.other.id]})
    client.post(f"{url}/disable", data={"csrf_token": csrf_token(client.get(url).text)})
    sign_in_as(client, None)
    assert client.get(link).status_code == 404  # not while the account is disabled
    sign_in_as(client, admin)
    client.post(f"{url}/enable", data={"csrf_token": csrf_token(client.get(url).text)})
    assert _fresh(db, user.email).school_ids == {world.mine.id, world.other.id}
    sign_in_as(client, None)
    page = client.get(link)
    assert page.status_code == 200 and "Choose your password" in page.text and user.email in page.text
    mismatch = client.post(link, data={"csrf_token": csrf_token(page.text), "new_password": NEW_PASSWORD,
                                       "confirm": "something else"})
    assert mismatch.status_code == 400 and "The two new passwords are not the same." in mismatch.text
    common = client.post(link, data={"csrf_token": csrf_token(page.text), "new_password": "password1234",
                                     "confirm": "password1234"})
    assert common.status_code == 400 and "too easy to guess" in common.text
    chosen = client.post(link, data={"csrf_token": csrf_token(page.text), "new_password": NEW_PASSWORD,
                                     "confirm": NEW_PASSWORD})
    assert chosen.status_code == 302 and chosen.headers["Location"].endswith("/auth/sign-in")
    assert passwords.verify(_fresh(db, user.email).password_hash, NEW_PASSWORD)
    # The link works once.
    again = client.get(link)
    assert again.status_code == 404 and "This link was used already" in again.text


def test_no_password_is_shown_or_asked_of_the_admin(client, world):
    sign_in_as(client, world.users["admin"])
    form = client.get("/workspace/accounts/new").text
    assert 'type="password"' not in form
    added = _add(client, "new.officer@example.org", "officer")
    assert added.status_code == 201 and 'type="password"' not in added.text
    assert "password" not in _link(added.text).split("/set-password/")[1].lower()


@pytest.mark.parametrize(("email", "role", "message"), [
    ("officer@example.org", "officer", "There is already an account with that email address."),
    ("jo@council", "officer", "Enter an email address in the right format, like name@example.org."),
    ("jo smith@example.org", "officer", "Enter an email address in the right format, like name@example.org."),
    ("", "officer", "Enter their email address."),
    ("new@example.org", "school_contact", "A school contact must be linked to at least one school."),
    ("new@example.org", "", "Choose a role."),
    ("new@example.org", "superuser", "Choose one of the roles listed."),
])
def test_a_new_account_is_refused_in_plain_words(client, world, db, email, role, message):
    sign_in_as(client, world.users["admin"])
    before = db.scalar(select(User.id).order_by(User.id.desc()))
    refused = _add(client, email, role)
    assert refused.status_code == 400 and message in unescape(refused.text)
    assert "valid choice" not in refused.text.lower()
    assert db.scalar(select(User.id).order_by(User.id.desc())) == before


@pytest.mark.parametrize(("email", "role", "schools", "expected"), [
    ("jo@council", "school_contact", False, [
        ("email", "Enter an email address in the right format, like name@example.org."),
        ("role", None),
        ("schools", "A school contact must be linked to at least one school.")]),
    ("officer@example.org", "officer", True, [
        ("email", "There is already an account with that email address."),
        ("role", None),
        ("schools", "Only a school contact or a safeguarding lead is linked to schools.")]),
    ("", "", False, [("email", "Enter their email address."), ("role", "Choose a role.")]),
    ("", "school_contact", False, [
        ("email", "Enter their email address."),
        ("schools", "A school contact must be linked to at least one school.")]),
])
def test_every_problem_with_a_new_account_is_listed_at_once(client, world, db, email, role, schools, expected):
    sign_in_as(client, world.users["admin"])
    refused = _add(client, email, role, [world.mine.id] if schools else [])
    assert refused.status_code == 400
    summary = unescape(refused.text.split('govuk-error-summary__list"', 1)[1].split("</ul>", 1)[0])
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    assert [(field, message) for field, message in links] == [(f, m) for f, m in expected if m]
    for field, message in expected:
        if message:
            assert f'id="{field}"' in refused.text  # each link lands on its field


def test_an_admin_disables_and_enables_an_account_and_each_change_is_audited(client, world, db):
    admin, officer = world.users["admin"], world.users["officer"]
    sign_in_as(client, admin)
    url = f"/workspace/accounts/{officer.id}"
    page = client.get(url).text
    assert "Disable the account" in page
    version = officer.session_version
    disabled = client.post(f"{url}/disable", data={"csrf_token": csrf_token(page)})
    assert disabled.status_code == 302
    changed = _fresh(db, officer.email)
    assert not changed.active and changed.session_version > version
    page = client.get(url).text
    assert "can no longer sign in" in page and "Enable the account" in page
    assert client.post(f"{url}/enable", data={"csrf_token": csrf_token(page)}).status_code == 302
    assert _fresh(db, officer.email).active
    events = db.scalars(select(AuditEvent).where(AuditEvent.target == officer.email).order_by(AuditEvent.id))
    assert [(e.action, e.actor_id) for e in events] == [("user_disabled", admin.id), ("user_enabled", admin.id)]


def test_an_admin_cannot_disable_their_own_account(client, world, db):
    admin = world.users["admin"]
    sign_in_as(client, admin)
    url = f"/workspace/accounts/{admin.id}"
    page = client.get(url).text
    assert "Disable the account" not in page and "This is your own account." in page
    client.post(f"{url}/disable", data={"csrf_token": csrf_token(client.get(url).text)})
    assert "You cannot disable your own account." in unescape(client.get(url).text)
    assert _fresh(db, admin.email).active


def test_a_new_link_replaces_a_lost_password(client, world, db):
    officer = world.users["officer"]
    sign_in_as(client, world.users["admin"])
    url = f"/workspace/accounts/{officer.id}"
    made = client.post(f"{url}/password-link", data={"csrf_token": csrf_token(client.get(url).text)})
    assert made.status_code == 200 and "A new link to choose a password" in made.text
    link = _link(made.text)
    sign_in_as(client, None)
    page = client.get(link)
    client.post(link, data={"csrf_token": csrf_token(page.text), "new_password": NEW_PASSWORD,
                            "confirm": NEW_PASSWORD})
    assert passwords.verify(_fresh(db, officer.email).password_hash, NEW_PASSWORD)


def _new_link(client, user):
    url = f"/workspace/accounts/{user.id}"
    return client.post(f"{url}/password-link", data={"csrf_token": csrf_token(client.get(url).text)})


def test_a_new_link_cancels_older_unused_ones_and_says_so(client, world, db):
    admin = world.users["admin"]
    sign_in_as(client, admin)
    first = _link(_add(client, "late.starter@example.org", "officer").text)
    user = _fresh(db, "late.starter@example.org")
    made = _new_link(client, user)
    assert made.status_code == 200
    assert "Any link made before for this account does not work any more: only this one does." in made.text
    second = _link(made.text)
    sign_in_as(client, None)
    old = client.get(first)
    assert old.status_code == 404
    assert "A newer link was made for this account, so this one does not work." in unescape(old.text)
    page = client.get(second)
    assert page.status_code == 200
    db.rollback()  # end the read transaction, to see what the app saved
    events = db.scalars(select(AuditEvent).where(AuditEvent.target == user.email).order_by(AuditEvent.id))
    assert [(e.action, e.detail) for e in events][-2:] == [
        ("password_link_made", None), ("password_link_made", "older links cancelled")]
    client.post(second, data={"csrf_token": csrf_token(page.text), "new_password": NEW_PASSWORD,
                              "confirm": NEW_PASSWORD})
    used = unescape(client.get(second).text)
    assert "This link was used already: a password has been chosen with it." in used
    assert "A password has been chosen for this account since this link was made" in unescape(
        client.get(first).text)


def test_an_old_link_says_it_is_too_old(client, world, db, monkeypatch):
    from itsdangerous import TimestampSigner, URLSafeTimedSerializer

    from engage.services.security import password_links

    class SignedEightDaysAgo(TimestampSigner):
        def get_timestamp(self):
            return super().get_timestamp() - 8 * 24 * 3600

    class EightDaysAgo(URLSafeTimedSerializer):
        default_signer = SignedEightDaysAgo

    sign_in_as(client, world.users["admin"])
    monkeypatch.setattr(password_links, "_signer", lambda secret: EightDaysAgo(secret, salt=password_links.SALT))
    link = _link(_add(client, "slow.reader@example.org", "officer").text)
    monkeypatch.undo()
    sign_in_as(client, None)
    page = client.get(link)
    assert page.status_code == 404
    assert "This link is more than 7 days old, so it does not work any more." in unescape(page.text)


def test_a_forged_or_changed_link_does_not_work(client, world):
    assert client.get("/auth/set-password/not-a-real-token").status_code == 404
    sign_in_as(client, world.users["admin"])
    made = _add(client, "someone@example.org", "officer")
    link = _link(made.text)
    assert client.get(link[:-2] + ("AA" if not link.endswith("AA") else "BB")).status_code == 404


ACCOUNT_ROUTES = [("get", "/workspace/accounts/new"), ("post", "/workspace/accounts/new"),
                  ("post", "/workspace/accounts/{id}/disable"), ("post", "/workspace/accounts/{id}/enable"),
                  ("post", "/workspace/accounts/{id}/password-link"), ("post", "/workspace/accounts/{id}"),
                  ("post", "/workspace/accounts/{id}/two-step")]


@pytest.mark.parametrize("role", [r for r in Role if r != Role.ADMIN], ids=lambda r: r.value)
def test_every_other_role_is_refused(app, client, world, db, role):
    app.config["WTF_CSRF_ENABLED"] = False  # so only the role can refuse
    sign_in_as(client, world.users[role.value])
    target = world.users["officer"]
    for method, path in ACCOUNT_ROUTES:
        data = {"email": "sneaky@example.org", "role": "admin"}
        assert getattr(client, method)(path.format(id=target.id), data=data).status_code == 403, path
    assert _fresh(db, "sneaky@example.org") is None
    assert _fresh(db, target.email).active and _fresh(db, target.email).role == Role.OFFICER


def test_a_post_without_the_form_token_changes_nothing(client, world, db):
    officer = world.users["officer"]
    sign_in_as(client, world.users["admin"])
    client.post(f"/workspace/accounts/{officer.id}/disable", data={})
    client.post("/workspace/accounts/new", data={"email": "x@example.org", "role": "officer"})
    assert _fresh(db, officer.email).active and _fresh(db, "x@example.org") is None


def test_an_admin_removes_the_authenticator_of_a_lost_phone(client, world, db):
    admin, lead = world.users["admin"], world.users["safeguarding_lead"]
    assert lead.totp_secret
    sign_in_as(client, admin)
    url = f"/workspace/accounts/{lead.id}"
    page = client.get(url).text
    assert "Remove their authenticator app" in page
    assert client.post(f"{url}/two-step", data={"csrf_token": csrf_token(page)}).status_code == 302
    assert _fresh(db, lead.email).totp_secret is None
    assert "set one up again when they next sign in" in unescape(client.get(url).text)
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "two_step_removed"))
    assert event.actor_id == admin.id and event.target == lead.email
