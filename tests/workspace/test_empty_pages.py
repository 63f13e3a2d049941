"""Empty lists say why they are empty and what to do next, for the person reading them."""
from engage.models import Role
from tests.workspace.factories import make_user, sign_in_as


def test_the_youth_council_is_told_where_its_consultations_and_results_will_be(client, db, demo):
    sign_in_as(client, make_user(db, Role.YOUTH_COUNCIL))
    listed = client.get("/workspace/consultations").text
    assert "There are no consultations yet" not in listed  # officers run three
    assert "The youth council has no consultations of its own yet" in listed and "approves it" in listed
    results = client.get("/workspace/insights/").text
    assert "Results of the youth council’s own consultations appear here" in results
    assert "create a consultation" in results


def test_an_officer_with_nothing_yet_is_told_to_create_a_consultation(client, db):
    sign_in_as(client, make_user(db, Role.OFFICER))
    assert "Create one to choose a survey" in client.get("/workspace/consultations").text
    assert "There are no consultations yet, so there are no results" in client.get("/workspace/insights/").text


def test_a_refused_page_sends_staff_back_to_their_workspace(client, db):
    sign_in_as(client, make_user(db, Role.SCHOOL_CONTACT, totp=False))
    refused = client.get("/workspace/consultations")
    assert refused.status_code == 403
    assert "ask an administrator" in refused.text and 'href="/workspace/"' in refused.text
    assert "Go to the start" not in refused.text


def test_a_missing_page_sends_a_young_person_to_the_start(client):
    missing = client.get("/c/no-such-survey")
    assert missing.status_code == 404 and "Go to the start" in missing.text and "workspace" not in missing.text
