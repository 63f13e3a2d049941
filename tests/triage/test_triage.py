"""The triage queue: safeguarding leads see concerns, act on them, and nothing closes itself."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from engage.models import FlagStatus, Role, SafeguardingAction, SafeguardingFlag
from engage.models._time import utcnow
from engage.services.errors import DomainError
from engage.services.safeguarding import triage
from tests.conftest import csrf_token
from tests.respond.journey import begin
from tests.respond.test_safeguarding_journey import DISCLOSURE, _first_text_page, _post_text
from tests.workspace.factories import make_user, sign_in_as


@pytest.fixture
def flagged(client, demo, db):
    """One concern raised through the respondent journey."""
    begin(client, demo["annual"], "secondary")
    number, page = _first_text_page(client)
    _post_text(client, number, page, DISCLOSURE)
    return db.scalar(select(SafeguardingFlag))


def _flag(db, flag: SafeguardingFlag, severity: str, minutes_ago: int) -> SafeguardingFlag:
    copy = SafeguardingFlag(response_id=flag.response_id, consultation_id=flag.consultation_id,
                            variant="primary", item_key=flag.item_key, text=f"{severity} {minutes_ago}",
                            severity=severity, category="other",
                            created_at=utcnow() - timedelta(minutes=minutes_ago))
    db.add(copy)
    db.commit()
    return copy


def test_queue_puts_open_immediate_and_oldest_first(db, flagged):
    old_concern = _flag(db, flagged, "concern", 300)
    new_immediate = _flag(db, flagged, "immediate", 5)
    old_immediate = _flag(db, flagged, "immediate", 60)
    handled = _flag(db, flagged, "immediate", 900)
    handled.status = FlagStatus.NO_FURTHER_ACTION
    db.commit()
    order = [f.id for f in triage.queue(db)]
    assert order.index(old_immediate.id) < order.index(new_immediate.id) < order.index(old_concern.id)
    assert order[-1] == handled.id


def test_lead_sees_verbatim_text_and_records_a_referral(app, client, db, flagged):
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    staff = app.test_client()
    sign_in_as(staff, lead)
    queue = staff.get("/workspace/safeguarding/")
    assert queue.status_code == 200 and f"/workspace/safeguarding/{flagged.id}" in queue.text
    page = staff.get(f"/workspace/safeguarding/{flagged.id}")
    assert DISCLOSURE.replace("'", "&#39;") in page.text
    done = staff.post(f"/workspace/safeguarding/{flagged.id}", data={
        "csrf_token": csrf_token(page.text), "action": "referred", "referred_to": "school_dsl",
        "reason": "Spoke to the DSL at the school, who knows the family."})
    assert done.status_code == 302
    db.expire_all()
    flag = db.get(SafeguardingFlag, flagged.id)
    assert flag.status == FlagStatus.REFERRED and flag.first_action_at is not None
    action = db.scalar(select(SafeguardingAction))
    assert (action.referred_to, action.user_id) == ("school_dsl", lead.id)


def test_referral_needs_a_destination_and_every_action_a_reason(app, db, flagged):
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    with pytest.raises(DomainError):
        triage.record_action(db, flagged.id, lead, "referred", None, "why", utcnow())
    with pytest.raises(DomainError):
        triage.record_action(db, flagged.id, lead, "acknowledged", None, "  ", utcnow())
    db.expire_all()
    assert db.get(SafeguardingFlag, flagged.id).status == FlagStatus.OPEN


def test_bad_action_form_gets_messages_not_a_500(app, db, flagged):
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    staff = app.test_client()
    sign_in_as(staff, lead)
    page = staff.get(f"/workspace/safeguarding/{flagged.id}")
    result = staff.post(f"/workspace/safeguarding/{flagged.id}", data={
        "csrf_token": csrf_token(page.text), "action": "referred", "reason": "x"})
    assert result.status_code == 400 and "Choose who you referred it to" in result.text


@pytest.mark.parametrize("role", [Role.ADMIN, Role.OFFICER, Role.YOUTH_COUNCIL, Role.SCHOOL_CONTACT])
def test_only_safeguarding_leads_see_concerns(app, db, flagged, role):
    user = make_user(db, role)
    staff = app.test_client()
    sign_in_as(staff, user)
    assert staff.get("/workspace/safeguarding/").status_code == 403
    assert staff.get(f"/workspace/safeguarding/{flagged.id}").status_code == 403


def test_anonymous_is_sent_to_sign_in(app, flagged):
    result = app.test_client().get(f"/workspace/safeguarding/{flagged.id}")
    assert result.status_code == 302 and "sign-in" in result.headers["Location"]


def test_time_to_first_action_is_tracked(db, flagged):
    flag = _flag(db, flagged, "concern", 90)
    assert triage.minutes_to_first_action(flag, utcnow()) >= 89
