"""Consultation lifecycle: youth council drafts need approval; the version is fixed at opening."""
import copy
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from engage.definitions.loader import latest_version, load_definition
from engage.models import AccessCode, Consultation
from engage.models._time import utcnow
from engage.services.errors import InvalidChange, InvalidInput
from engage.services.workspace import consultations as wc
from tests.conftest import csrf_token
from tests.workspace.factories import sign_in_as


def _plan(**changes) -> wc.Plan:
    base = {"title": "Our youth survey", "family_slug": "annual-young-people",
            "variants": ["primary", "secondary"], "opens_on": None,
            "closes_on": date.today() + timedelta(days=20), "results_on": None, "series": None}
    return wc.Plan(**{**base, **changes})


def test_youth_council_draft_cannot_open_without_approval(db, world):
    youth, officer = world.users["youth_council"], world.users["officer"]
    draft = wc.create_draft(db, _plan(), youth, utcnow())
    assert draft.youth_led and draft.approved_at is None
    with pytest.raises(InvalidChange, match="until an officer approves"):
        wc.change_status(db, draft.id, "open", officer, utcnow())
    with pytest.raises(InvalidChange):
        wc.approve(db, draft.id, youth, utcnow())
    wc.approve(db, draft.id, officer, utcnow())
    opened = wc.change_status(db, draft.id, "open", officer, utcnow())
    assert opened.status == "open" and opened.approved_by_id == officer.id


def test_youth_council_cannot_open_or_approve_over_http(client, world):
    sign_in_as(client, world.users["youth_council"])
    page = client.get(f"/workspace/consultations/{world.draft.id}")
    assert page.status_code == 200 and "Approve this draft" not in page.text
    token = csrf_token(client.get("/workspace/consultations/new").text)
    url = f"/workspace/consultations/{world.draft.id}"
    assert client.post(f"{url}/approve", data={"csrf_token": token}).status_code == 403
    assert client.post(f"{url}/open", data={"csrf_token": token}).status_code == 403


def test_officer_approves_then_opens_over_http(client, world, db):
    sign_in_as(client, world.users["officer"])
    url = f"/workspace/consultations/{world.draft.id}"
    token = csrf_token(client.get(url).text)
    refused = client.post(f"{url}/open", data={"csrf_token": token}, follow_redirects=True)
    assert "cannot open until an officer approves it" in refused.text
    client.post(f"{url}/approve", data={"csrf_token": token})
    opened = client.post(f"{url}/open", data={"csrf_token": token}, follow_redirects=True)
    assert "The consultation is now open" in opened.text
    db.expire_all()
    assert db.get(Consultation, world.draft.id).status == "open"


def test_youth_council_change_clears_approval(db, world):
    draft = wc.create_draft(db, _plan(), world.users["youth_council"], utcnow())
    wc.approve(db, draft.id, world.users["officer"], utcnow())
    changed = wc.update_draft(db, draft.id, _plan(title="New title"), world.users["youth_council"])
    assert changed.approved_at is None


def test_officer_draft_is_approved_at_once(db, world):
    draft = wc.create_draft(db, _plan(series="Annual survey"), world.users["officer"], utcnow())
    assert draft.approved_at is not None and not draft.youth_led
    assert wc.in_series(db, draft) == [world.open]


def test_version_is_fixed_when_it_opens(db, world):
    officer = world.users["officer"]
    draft = wc.create_draft(db, _plan(), officer, utcnow())
    first = draft.version_id
    edited = copy.deepcopy(latest_version(db, draft.family_id).definition)
    edited["title"] = "Annual young people's survey (edited)"
    load_definition(db, edited)
    db.commit()
    opened = wc.change_status(db, draft.id, "open", officer, utcnow())
    assert opened.version_id != first
    newer = copy.deepcopy(edited)
    newer["title"] = "Edited again after opening"
    load_definition(db, newer)
    db.commit()
    db.expire_all()
    assert db.get(Consultation, draft.id).version_id == opened.version_id


def test_close_expires_class_codes_and_publish_needs_closed(db, world):
    officer = world.users["officer"]
    with pytest.raises(InvalidChange, match="Only a closed consultation"):
        wc.change_status(db, world.open.id, "publish", officer, utcnow())
    closed = wc.change_status(db, world.open.id, "close", officer, utcnow())
    expiries = db.scalars(select(AccessCode.expires_at).where(AccessCode.consultation_id == closed.id))
    assert all(e <= utcnow() for e in expiries)
    assert wc.change_status(db, closed.id, "publish", officer, utcnow()).status == "published"


@pytest.mark.parametrize(("changes", "field"), [
    ({"title": "  "}, "title"), ({"family_slug": "no-such"}, "family"),
    ({"variants": ["professional", "x"]}, "variants"),
    ({"opens_on": date.today() + timedelta(days=30)}, "closes_on"),
    ({"results_on": date.today()}, "results_on"),
])
def test_bad_plans_are_refused_with_the_field(db, world, changes, field):
    with pytest.raises(InvalidInput) as caught:
        wc.create_draft(db, _plan(**changes), world.users["officer"], utcnow())
    assert caught.value.field == field


def _boxes(name: str, day, month, year) -> dict[str, str]:
    return {f"{name}-day": str(day), f"{name}-month": str(month), f"{name}-year": str(year)}


def test_create_form_shows_plain_errors_not_500(client, world):
    sign_in_as(client, world.users["officer"])
    page = client.get("/workspace/consultations/new")
    data = {"csrf_token": csrf_token(page.text), "title": "X", "family": "annual-young-people",
            "variants": ["primary"], **_boxes("opens_on", 30, 2, 2027), **_boxes("closes_on", "no", 3, 2027)}
    response = client.post("/workspace/consultations/new", data=data)
    assert response.status_code == 400
    assert "must be a real date" in response.text and "There is a problem" in response.text
    data.update(**_boxes("opens_on", 10, 3, 2027), **_boxes("closes_on", 1, 3, 2027))
    response = client.post("/workspace/consultations/new", data=data)
    assert response.status_code == 400 and "closing date must be on or after" in response.text


def test_officer_creates_a_consultation_over_http(client, world, db):
    sign_in_as(client, world.users["officer"])
    page = client.get("/workspace/consultations/new")
    data = {"csrf_token": csrf_token(page.text), "title": "Annual survey 2028",
            "family": "annual-young-people", "variants": ["primary", "secondary"],
            **_boxes("opens_on", 10, 1, 2028), **_boxes("closes_on", 10, 2, 2028),
            **_boxes("results_on", 1, 4, 2028), "series": "Annual survey"}
    response = client.post("/workspace/consultations/new", data=data)
    assert response.status_code == 302
    made = db.scalar(select(Consultation).where(Consultation.title == "Annual survey 2028"))
    assert made.status == "draft" and made.series == "Annual survey"
    assert wc.closing_day(made) == date(2028, 2, 10)


def test_missing_consultation_is_404(client, world):
    sign_in_as(client, world.users["officer"])
    assert client.get("/workspace/consultations/999999").status_code == 404
