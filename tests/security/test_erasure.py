"""Erasure (one response; all of a closed consultation), retention, and submission days."""
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from engage.definitions.survey import survey_of
from engage.models import (
    Answer,
    AuditEvent,
    ConsultationStatus,
    ContactRequest,
    FlagStatus,
    Response,
    ResponseStatus,
    SafeguardingAction,
    SafeguardingAlert,
    SafeguardingFlag,
    SummaryTally,
)
from engage.models._time import utcnow
from engage.results import summary, tallies
from engage.services import responses as rsp
from engage.services.retention import REMOVED
from tests.conftest import csrf_token
from tests.workspace.factories import sign_in_as, submitted


def _answered(db, world, value="4", text="more clubs please"):
    """A submitted secondary response with a scale answer and a comment."""
    response = submitted(db, world.open, "secondary", world.other, 8, text)
    response.answers.append(Answer(item_key="safe_at_school", value=value, value_id=1))
    db.commit()
    return response


def _there(db, model, row_id) -> bool:
    return db.scalar(select(func.count()).select_from(model).where(model.id == row_id)) == 1


def _tallies(db, consultation_id):
    rows = db.execute(select(SummaryTally.kind, SummaryTally.dims, SummaryTally.figures)
                      .where(SummaryTally.consultation_id == consultation_id)).all()
    return sorted((k, d, [round(float(x), 6) for x in f]) for k, d, f in rows)


def _fold(db, consultation):
    tallies.fold(db, consultation.id, summary.keys_of(survey_of(consultation.version)))


def _flag(db, response, status=FlagStatus.OPEN, text="he hits me"):
    flag = SafeguardingFlag(response_id=response.id, consultation_id=response.consultation_id,
                            variant=response.variant, item_key="free_text", text=text, severity="concern",
                            category="physical_abuse", status=status)
    db.add(flag)
    db.commit()
    return flag


def _erase_one(client, world, number, reason="The young person asked"):
    url = f"/workspace/consultations/{world.open.id}/erase-response"
    page = client.get(url)
    return client.post(url, data={"csrf_token": csrf_token(page.text), "response": number, "reason": reason})


def test_officer_erases_one_response_and_the_tallies_match_a_fresh_count(client, world, db):
    keep, gone = _answered(db, world, "5").id, _answered(db, world, "1", "my name is Sam and I hate it").id
    _fold(db, world.open)
    sign_in_as(client, world.users["officer"])
    assert _erase_one(client, world, gone).status_code == 302
    assert not _there(db, Response, gone) and _there(db, Response, keep)
    assert db.scalar(select(func.count()).select_from(Answer).where(Answer.response_id == gone)) == 0
    after = _tallies(db, world.open.id)
    tallies.reset(db, world.open.id)
    db.commit()
    _fold(db, world.open)
    assert after == _tallies(db, world.open.id)  # corrected exactly, not merely changed
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "response_erased"))
    assert event.detail == f"response {gone}: The young person asked"
    sign_in_as(client, world.users["admin"])
    assert "The young person asked" in client.get("/workspace/audit").text


def test_erasing_needs_a_reason_and_a_response_of_this_consultation(client, world, db):
    sign_in_as(client, world.users["officer"])
    assert _erase_one(client, world, 99999).status_code == 400
    response = _answered(db, world)
    page = _erase_one(client, world, response.id, reason="  ")
    assert page.status_code == 400 and "Say why it is being erased" in page.text
    assert db.get(Response, response.id) is not None


def test_a_flag_under_action_blocks_erasure_until_the_lead_closes_it(client, world, db):
    response = _answered(db, world)
    flag = _flag(db, response)
    ids = response.id, flag.id
    sign_in_as(client, world.users["officer"])
    page = _erase_one(client, world, ids[0])
    assert page.status_code == 400 and "still dealing with a flag" in page.text
    assert _there(db, Response, ids[0]) and _there(db, SafeguardingFlag, ids[1])
    flag.status = FlagStatus.REFERRED
    alert = SafeguardingAlert(reason="immediate", reason_key=f"immediate:{flag.id}", flag_id=flag.id,
                              user_id=world.users["safeguarding_lead"].id, sent_at=utcnow())
    db.add(alert)
    db.commit()
    assert _erase_one(client, world, ids[0]).status_code == 302
    assert not _there(db, Response, ids[0]) and not _there(db, SafeguardingFlag, ids[1])
    db.expire_all()
    assert db.get(SafeguardingAlert, alert.id).flag_id is None  # the record that an email went stays


def _erase_all(client, world, confirm="y"):
    url = f"/workspace/consultations/{world.open.id}/erase-all"
    page = client.get(url)
    return client.post(url, data={"csrf_token": csrf_token(page.text), "reason": "Retention ended",
                                  "confirm": confirm})


def test_admin_erases_every_response_of_a_closed_consultation_only(client, world, db):
    _answered(db, world)
    contact_for = _answered(db, world)
    db.add(ContactRequest(response_id=contact_for.id, how_to_reach="call 07700 900123"))
    db.commit()
    _fold(db, world.open)
    sign_in_as(client, world.users["admin"])
    refused = _erase_all(client, world)
    assert refused.status_code == 400 and "Close it first" in refused.text
    world.open.status = ConsultationStatus.CLOSED
    db.commit()
    assert _erase_all(client, world, confirm="").status_code == 400  # not confirmed
    assert _erase_all(client, world).status_code == 302
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(Response).where(
        Response.consultation_id == world.open.id)) == 0
    assert db.scalar(select(func.count()).select_from(ContactRequest)) == 0
    assert _tallies(db, world.open.id) == []
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "responses_erased"))
    assert event.detail == "all 4 responses: Retention ended"


def test_officers_cannot_erase_a_whole_consultation(client, world):
    sign_in_as(client, world.users["officer"])
    assert client.get(f"/workspace/consultations/{world.open.id}/erase-all").status_code == 403


def _started(db, world, days_ago: int) -> Response:
    response = Response(token=f"t{days_ago}-{utcnow().timestamp()}", consultation_id=world.open.id,
                        version_id=world.open.version_id, variant="secondary", status=ResponseStatus.IN_PROGRESS,
                        started_on=date.today() - timedelta(days=days_ago))
    response.answers.append(Answer(item_key="free_text", text="half done", value_id=1))
    db.add(response)
    db.commit()
    return response


def test_retention_apply_removes_what_is_past_its_period_and_is_safe_to_repeat(runner, world, db):
    old, fresh, held = (_started(db, world, days).id for days in (200, 5, 300))
    _flag(db, db.get(Response, held))  # still open: kept however old
    closed_for = _answered(db, world, text="he hits me")
    closed = _flag(db, closed_for, FlagStatus.NO_FURTHER_ACTION)
    db.add(SafeguardingAction(flag_id=closed.id, action="no_further_action", reason="spoke to school",
                              user_id=world.users["safeguarding_lead"].id, created_at=utcnow() - timedelta(days=400)))
    db.add(ContactRequest(response_id=closed_for.id, how_to_reach="07700 900123",
                          created_at=utcnow() - timedelta(days=100)))
    db.commit()
    first = runner.invoke(args=["retention", "apply"])
    assert first.exit_code == 0, first.output
    assert "1 abandoned responses erased (1 kept: a flag on them is still open)" in first.output
    assert "1 closed flags' words removed; 1 contact requests removed" in first.output
    assert not _there(db, Response, old) and _there(db, Response, fresh) and _there(db, Response, held)
    db.expire_all()
    assert db.get(SafeguardingFlag, closed.id).text == REMOVED
    assert db.scalar(select(Answer.text).where(Answer.response_id == closed_for.id,
                                               Answer.item_key == "free_text")) is None
    assert db.scalar(select(func.count()).select_from(ContactRequest)) == 0
    again = runner.invoke(args=["retention", "apply"])
    assert "0 abandoned responses erased (1 kept" in again.output and "0 closed flags" in again.output
    assert db.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "retention_applied")) == 1


def test_submission_is_kept_as_a_day(app, world, db):
    items = survey_of(world.open.version).items()
    response = rsp.start_response(db, world.open, "secondary", utcnow(), None)
    now = utcnow().replace(hour=15, minute=16, second=17, microsecond=123456)
    rsp.submit(db, response.token, items, {"safe_at_school": rsp.AnswerValue(value="4")}, now)
    db.expire_all()
    assert db.get(Response, response.id).submitted_at == datetime(now.year, now.month, now.day)


@pytest.mark.parametrize("moment", [datetime(2026, 11, 30, 23, 59, 59, 999999), datetime(2026, 12, 1, 0, 0, 0, 1)])
def test_the_migration_truncates_stored_submission_times_to_their_day(app, world, db, moment):
    from alembic import command

    from engage.migrate import alembic_config, upgrade

    response = _answered(db, world)
    command.downgrade(alembic_config(app), "0010")  # 0011 changes data only, so this keeps every table
    db.execute(update(Response).where(Response.id == response.id).values(submitted_at=moment))
    db.commit()
    upgrade(app)
    db.expire_all()
    assert db.get(Response, response.id).submitted_at == datetime(moment.year, moment.month, moment.day)
