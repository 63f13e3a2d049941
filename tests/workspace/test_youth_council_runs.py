"""The youth council runs its own consultation: it can share the survey's address and read its results."""
from engage.models import Consultation
from engage.models._time import utcnow
from engage.services.workspace import consultations as wc
from tests.workspace.factories import sign_in_as


def _open_the_draft(db, world) -> Consultation:
    officer = world.users["officer"]
    wc.approve(db, world.draft.id, officer, utcnow())
    return wc.change_status(db, world.draft.id, "open", officer, utcnow())


def test_the_youth_council_sees_where_young_people_answer_and_its_results(client, world, db):
    opened = _open_the_draft(db, world)
    sign_in_as(client, world.users["youth_council"])
    page = client.get(f"/workspace/consultations/{opened.id}").text
    assert f'id="survey-address">http://localhost/c/{opened.slug}</a>' in page
    assert f'href="/workspace/insights/{opened.id}"' in page
    assert client.get(f"/workspace/insights/{opened.id}").status_code == 200


def test_a_school_contact_gets_no_results_link(client, world):
    sign_in_as(client, world.users["school_contact"])
    page = client.get(f"/workspace/consultations/{world.open.id}")
    assert page.status_code == 200 and f'href="/workspace/insights/{world.open.id}"' not in page.text


def test_a_consultation_opened_without_a_date_says_when_it_opened(client, world, db):
    assert world.draft.opens_at is None
    opened = _open_the_draft(db, world)
    assert opened.opens_at is not None
    sign_in_as(client, world.users["officer"])
    page = client.get(f"/workspace/consultations/{opened.id}").text
    assert "When it is opened" not in page


def test_a_draft_says_its_address_works_once_it_is_open(client, world):
    sign_in_as(client, world.users["youth_council"])
    page = client.get(f"/workspace/consultations/{world.draft.id}").text
    assert "Once it is open, anyone with this address can answer it" in page
