"""Everything an officer needs is one click away: results, "You said, we did" and the feedback audit."""
import pytest

from tests.workspace.factories import build_world, sign_in_as


@pytest.fixture
def world(loaded, db, client):
    found = build_world(db)
    sign_in_as(client, found.users["officer"])
    return found


def _links(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


@pytest.mark.parametrize("page", ["/workspace/", "/workspace/consultations/{id}", "/workspace/insights/{id}"])
def test_plan_and_feedback_use_are_one_click_away(world, client, page):
    cid = world.open.id
    html = _links(client, page.format(id=cid))
    assert f'href="/workspace/insights/{cid}/plan"' in html
    assert f'href="/workspace/insights/{cid}/plan#feedback-use"' in html
    plan = _links(client, f"/workspace/insights/{cid}/plan")
    assert 'id="feedback-use"' in plan


def test_school_contacts_get_no_results_links_on_their_home(loaded, db, client):
    found = build_world(db)
    sign_in_as(client, found.users["school_contact"])
    assert "/plan" not in _links(client, "/workspace/")
