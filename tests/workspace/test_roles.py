"""Admins change roles and school scope in the browser; never the last admin; always audited."""
import pytest
from sqlalchemy import select

from engage.models import AuditEvent, Role, User
from engage.services import accounts
from engage.services.errors import InvalidInput
from tests.workspace.factories import make_user, sign_in_as
from tests.workspace.html_forms import form_fields


def _fresh(db, user):
    db.rollback()  # end the read transaction, to see what the app saved
    db.expire_all()
    return db.get(User, user.id)


def test_admin_makes_an_officer_a_school_contact(client, world, db):
    admin, officer = world.users["admin"], world.users["officer"]
    sign_in_as(client, admin)
    listing = client.get("/workspace/accounts")
    assert f'href="/workspace/accounts/{officer.id}"' in listing.text
    url = f"/workspace/accounts/{officer.id}"
    data = form_fields(client.get(url).text)
    assert data["role"] == ["officer"]
    data.update({"role": ["school_contact"], "schools": [str(world.mine.id), str(world.other.id)]})
    response = client.post(url, data=data)
    assert response.status_code == 302
    changed = _fresh(db, officer)
    assert changed.role == Role.SCHOOL_CONTACT and changed.school_ids == {world.mine.id, world.other.id}
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "role_changed"))
    assert event.actor_id == admin.id and event.target == officer.email
    assert event.detail == "officer -> school_contact (Park Hill Secondary, Riverside Primary)"


def test_a_school_contact_needs_a_school_and_others_lose_theirs(client, world, db):
    sign_in_as(client, world.users["admin"])
    officer, contact = world.users["officer"], world.users["school_contact"]
    data = form_fields(client.get(f"/workspace/accounts/{officer.id}").text)
    data["role"] = ["school_contact"]
    refused = client.post(f"/workspace/accounts/{officer.id}", data=data)
    assert refused.status_code == 400 and "at least one school" in refused.text
    assert _fresh(db, officer).role == Role.OFFICER
    data = form_fields(client.get(f"/workspace/accounts/{contact.id}").text)
    data["role"] = ["officer"]
    assert client.post(f"/workspace/accounts/{contact.id}", data=data).status_code == 302
    assert _fresh(db, contact).schools == []


def test_the_last_admin_cannot_be_removed(client, world, db):
    admin = world.users["admin"]
    sign_in_as(client, admin)
    data = form_fields(client.get(f"/workspace/accounts/{admin.id}").text)
    data["role"] = ["officer"]
    refused = client.post(f"/workspace/accounts/{admin.id}", data=data)
    assert refused.status_code == 400 and "at least one active admin" in refused.text
    assert _fresh(db, admin).role == Role.ADMIN
    with pytest.raises(InvalidInput, match="at least one active admin"):
        accounts.disable_user(db, admin.email)
    second = make_user(db, Role.ADMIN, email="second-admin@example.org")
    assert client.post(f"/workspace/accounts/{admin.id}", data=data).status_code == 302
    assert _fresh(db, admin).role == Role.OFFICER
    with pytest.raises(InvalidInput, match="at least one active admin"):
        accounts.set_role(db, second.email, "officer")


def test_only_admins_change_roles_and_unknown_accounts_are_404(client, world):
    officer = world.users["officer"]
    sign_in_as(client, officer)
    assert client.get(f"/workspace/accounts/{officer.id}").status_code == 403
    sign_in_as(client, world.users["admin"])
    assert client.get("/workspace/accounts/99999").status_code == 404
