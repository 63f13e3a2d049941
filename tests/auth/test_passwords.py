"""Password rules, the change-your-password page and `flask users reset-password`."""
import pytest
from sqlalchemy import select

from engage.models import AuditEvent, Role, User
from engage.services.security import passwords
from tests.conftest import csrf_token
from tests.workspace.factories import PASSWORD, make_user, sign_in_as


@pytest.mark.parametrize("weak", [
    "aaaaaaaaaaaaaaaa", "abababababab", "password1234", "Passw0rd2024!", "footballfootball",
    "monkey123456!", "12345678901234", "short one", "officer12345",
])
def test_weak_passwords_are_refused(weak):
    assert passwords.problem(weak, "officer@example.org") is not None


@pytest.mark.parametrize("fine", ["correct horse battery staple", "plum kettle seven harbour",
                                  "Tr0ub4dor&3-xyz"])
def test_good_passwords_pass(fine):
    assert passwords.problem(fine, "officer@example.org") is None


def test_the_shipped_list_is_there_and_read():
    assert {"password", "letmein", "qwerty"} <= passwords.common_passwords()
    assert len(passwords.common_passwords()) > 1900


def test_creating_an_account_with_a_one_letter_password_is_refused(runner, db):
    made = runner.invoke(args=["users", "create", "--email", "o@example.org", "--role", "officer",
                               "--password", "x" * 14])
    assert made.exit_code == 1 and "different characters" in made.output
    assert db.scalar(select(User)) is None


def _change(client, current, new, confirm=None):
    page = client.get("/auth/password")
    assert page.status_code == 200
    return client.post("/auth/password", data={"csrf_token": csrf_token(page.text), "current_password": current,
                                               "new_password": new, "confirm": confirm or new})


def test_change_your_password(client, app, db, officer):
    sign_in_as(client, officer)
    other = app.test_client()
    sign_in_as(other, officer)
    response = _change(client, PASSWORD, "plum kettle seven harbour")
    assert response.status_code == 302 and response.headers["Location"] == "/auth/account"
    assert client.get("/workspace/").status_code == 200  # this session goes on
    assert other.get("/workspace/").status_code == 302  # the others end
    db.refresh(officer)
    assert passwords.verify(officer.password_hash, "plum kettle seven harbour")
    assert "password_changed" in db.scalars(select(AuditEvent.action)).all()


@pytest.mark.parametrize(("current", "new", "confirm", "says"), [
    ("not my password", "plum kettle seven harbour", None, "current password is not right"),
    (PASSWORD, "password12345", None, "too easy to guess"),
    (PASSWORD, "plum kettle seven harbour", "plum kettle seven", "not the same"),
])
def test_change_refused_plainly(client, db, officer, current, new, confirm, says):
    sign_in_as(client, officer)
    response = _change(client, current, new, confirm)
    assert response.status_code == 400 and says in response.text
    db.refresh(officer)
    assert passwords.verify(officer.password_hash, PASSWORD)


def test_reset_password_from_the_command_line(runner, db):
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    version = lead.session_version
    result = runner.invoke(args=["users", "reset-password", "--email", lead.email, "--clear-two-step"],
                           input="plum kettle seven harbour\nplum kettle seven harbour\n")
    assert result.exit_code == 0, result.output
    assert "plum kettle" not in result.output
    db.refresh(lead)
    assert passwords.verify(lead.password_hash, "plum kettle seven harbour")
    assert lead.totp_secret is None and lead.session_version > version
    actions = db.scalars(select(AuditEvent.action)).all()
    assert "password_reset" in actions and "two_step_removed" in actions


def test_reset_password_refuses_plainly(runner, db):
    make_user(db, Role.OFFICER, email="o@example.org")
    unknown = runner.invoke(args=["users", "reset-password", "--email", "x@example.org", "--password",
                                  "plum kettle seven harbour"])
    assert unknown.exit_code == 1 and "no account" in unknown.output
    weak = runner.invoke(args=["users", "reset-password", "--email", "o@example.org", "--password", "aaaaaaaaaaaaa"])
    assert weak.exit_code == 1 and "different characters" in weak.output
