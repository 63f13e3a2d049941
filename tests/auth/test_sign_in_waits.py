"""Wrong sign-ins slow down one account from one client, with growing waits, never a lock for all."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from engage.models import AuditEvent, SignInFailure, User
from engage.models._time import utcnow
from engage.services.security import passwords
from tests.conftest import csrf_token
from tests.workspace.factories import PASSWORD

SIGN_IN = "/auth/sign-in"
HERE, ELSEWHERE = "203.0.113.7", "198.51.100.9"


def _post(client, email, password, address=HERE):
    page = client.get(SIGN_IN)
    return client.post(SIGN_IN, data={"csrf_token": csrf_token(page.text), "email": email,
                                      "password": password}, environ_base={"REMOTE_ADDR": address})


def _wait(db) -> timedelta:
    db.rollback()  # read what the app committed since
    return db.scalar(select(SignInFailure.wait_until)) - utcnow()


def test_five_wrong_tries_make_this_client_wait(client, officer, db):
    wrong = [_post(client, officer.email, f"wrong {n}") for n in range(5)]
    assert all(r.status_code == 400 for r in wrong)
    waiting = _post(client, officer.email, PASSWORD)
    assert waiting.status_code == 400 and "Too many wrong tries from this device" in waiting.text
    assert client.get("/workspace/").status_code == 302
    assert timedelta(0) < _wait(db) <= timedelta(seconds=60)
    actions = db.scalars(select(AuditEvent.action)).all()
    assert actions.count("sign_in_failed") == 6 and "sign_in" not in actions


def test_someone_guessing_elsewhere_cannot_keep_the_owner_out(client, app, officer):
    for n in range(8):
        _post(client, officer.email, f"attacker's guess {n}", address=ELSEWHERE)
    owner = app.test_client()
    response = _post(owner, officer.email, PASSWORD, address=HERE)
    assert response.status_code == 302 and owner.get("/workspace/").status_code == 200


def test_waits_grow_with_each_further_wrong_try(client, officer, db):
    for n in range(5):
        _post(client, officer.email, f"wrong {n}")
    first = _wait(db)
    db.execute(SignInFailure.__table__.update().values(wait_until=utcnow()))  # the wait is over
    db.commit()
    _post(client, officer.email, "wrong again")
    assert _wait(db) > first + timedelta(seconds=20)


def test_the_right_password_works_once_the_wait_is_over(client, officer, db):
    for n in range(5):
        _post(client, officer.email, f"wrong {n}")
    db.execute(SignInFailure.__table__.update().values(wait_until=utcnow() - timedelta(seconds=1)))
    db.commit()
    assert _post(client, officer.email, PASSWORD).status_code == 302
    assert db.scalar(select(SignInFailure)) is None  # a good sign-in forgets the failures


@pytest.fixture
def verifications(monkeypatch):
    """Count argon2 verifications (the costly work) as they happen, the real ones still run."""
    calls = []
    real = passwords.verify

    def counting(password_hash, password):
        calls.append(password_hash)
        return real(password_hash, password)

    monkeypatch.setattr(passwords, "verify", counting)
    return calls


@pytest.mark.parametrize("case", ["unknown", "disabled", "waiting", "wrong"])
def test_every_failure_does_the_same_work(client, officer, db, verifications, case):
    if case == "disabled":
        officer.active = False
        db.commit()
    if case == "waiting":
        for n in range(5):
            _post(client, officer.email, f"wrong {n}")
    email = "nobody@example.org" if case == "unknown" else officer.email
    before_audit = len(db.scalars(select(AuditEvent)).all())
    verifications.clear()
    response = _post(client, email, PASSWORD if case != "wrong" else "wrong")
    assert response.status_code == 400
    assert len(verifications) == 1  # one argon2 verification, whatever went wrong
    db.rollback()
    assert len(db.scalars(select(AuditEvent)).all()) == before_audit + 1
    assert db.scalar(select(SignInFailure.failures)) >= 1  # and one failure counted


def test_no_lock_is_kept_on_the_account(db, officer):
    assert not hasattr(User, "locked_until")
