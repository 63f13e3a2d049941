"""Every reading of flagged text or of a child's contact details is in the audit log."""
from sqlalchemy import select

from engage.models import AuditEvent, ContactRequest, Role
from tests.triage.test_triage import flagged  # noqa: F401  (fixture)
from tests.workspace.factories import make_user, sign_in_as


def _events(db, action):
    db.rollback()
    return db.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_each_view_of_a_concern_is_audited(app, db, flagged):  # noqa: F811
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    staff = app.test_client()
    sign_in_as(staff, lead)
    for _ in range(2):
        assert staff.get(f"/workspace/safeguarding/{flagged.id}").status_code == 200
    views = _events(db, "flag_text_viewed")
    assert len(views) == 2
    assert {(v.actor_email, v.target) for v in views} == {(lead.email, f"concern {flagged.id}")}
    assert _events(db, "contact_details_viewed") == []  # no contact details were asked for


def test_viewing_contact_details_is_audited(app, db, flagged):  # noqa: F811
    db.add(ContactRequest(response_id=flagged.response_id, how_to_reach="Sam in 9B"))
    db.commit()
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    staff = app.test_client()
    sign_in_as(staff, lead)
    assert "Sam in 9B" in staff.get(f"/workspace/safeguarding/{flagged.id}").text
    seen = _events(db, "contact_details_viewed")
    assert [(e.actor_email, e.target) for e in seen] == [(lead.email, f"concern {flagged.id}")]


def test_the_audit_log_shows_who_read_what(app, db, flagged):  # noqa: F811
    admin = make_user(db, Role.ADMIN)
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    staff = app.test_client()
    sign_in_as(staff, lead)
    staff.get(f"/workspace/safeguarding/{flagged.id}")
    reader = app.test_client()
    sign_in_as(reader, admin)
    log = reader.get("/workspace/audit").text
    assert "Flag text viewed" in log and f"concern {flagged.id}" in log and lead.email in log
