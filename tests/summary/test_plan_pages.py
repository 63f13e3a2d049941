"""Plan pages: draft, edit, add actions, publish (gated on reading age), public page, links."""
import io
import re

import pytest
from docx import Document

from engage.models import Role
from tests.conftest import csrf_token
from tests.summary.known import build_known
from tests.workspace.factories import make_user, sign_in_as


@pytest.fixture
def officer_client(client, db, loaded, monkeypatch):
    known = build_known(db, monkeypatch)
    sign_in_as(client, make_user(db, Role.OFFICER))
    return client, known


def _post(client, url, data=None):
    page = client.get(url.rsplit("/plan", 1)[0] + "/plan")
    return client.post(url, data={"csrf_token": csrf_token(page.get_data(as_text=True)), **(data or {})})


def test_draft_edit_act_publish_and_show(officer_client, db):
    client, known = officer_client
    base = f"/workspace/insights/{known.consultation.id}/plan"
    assert _post(client, f"{base}/draft").status_code == 302
    html = client.get(base).get_data(as_text=True)
    assert "8 comments were about safe and supported." in html
    assert "Quoted in a" in html
    from engage.models import YouSaid
    statement = db.query(YouSaid).one()
    sid = statement.id
    _post(client, f"{base}/statements/{sid}", {
        f"s{sid}-text": "Pupils asked for more street lights.",
        f"s{sid}-secondary": "You said the streets near parks are too dark."})
    _post(client, f"{base}/statements/{sid}/actions", {
        f"new{sid}-text": "Ask highways to add lights near parks.", f"new{sid}-owner": "Highways lead",
        f"new{sid}-due_on-day": "1", f"new{sid}-due_on-month": "6", f"new{sid}-due_on-year": "2027",
        f"new{sid}-status": "done",
        f"new{sid}-secondary": "We put up new lights near parks.",
        f"new{sid}-outcome": "Twelve new lights.", f"new{sid}-outcome_secondary": "There are twelve new lights."})
    assert client.get("/you-said-we-did/known").status_code == 404
    _post(client, f"{base}/publish")
    public = client.get("/you-said-we-did/known?band=secondary")
    assert public.status_code == 200
    text = public.get_data(as_text=True)
    assert "You said the streets near parks are too dark." in text
    assert "We put up new lights near parks." in text and "There are twelve new lights." in text
    assert "/you-said-we-did/known" in client.get("/").get_data(as_text=True)
    assert "This page is for ages 11 to 16." in text  # which age band's words it shows
    # A planned action that already says "We will" is not given a second one.
    _post(client, f"{base}/statements/{sid}/actions", {
        f"new{sid}-text": "Check the new lights.", f"new{sid}-owner": "Highways lead", f"new{sid}-status": "planned",
        f"new{sid}-secondary": "We will check the new lights work."})
    text = client.get("/you-said-we-did/known?band=secondary").get_data(as_text=True)
    assert "We will check the new lights work." in text and "We will: We will" not in text
    doc = Document(io.BytesIO(client.get(f"/workspace/insights/{known.consultation.id}/plan.docx").data))
    assert "Pupils asked for more street lights." in [p.text for p in doc.paragraphs]


def _draft_with_hard_wording(client, db, base: str) -> int:
    """Draft the statements, give the only one secondary wording far above the reading age; return its id."""
    from engage.models import YouSaid

    _post(client, f"{base}/draft")
    sid = db.query(YouSaid).one().id
    _post(client, f"{base}/statements/{sid}", {
        f"s{sid}-text": "x", f"s{sid}-secondary": "Notwithstanding considerable organisational "
        "complexities, multidisciplinary arrangements necessitate interdepartmental coordination."})
    return sid


def test_publish_refused_when_wording_is_too_hard(officer_client, db):
    client, known = officer_client
    base = f"/workspace/insights/{known.consultation.id}/plan"
    _draft_with_hard_wording(client, db, base)
    response = _post(client, f"{base}/publish")
    assert response.status_code == 302
    assert client.get("/you-said-we-did/known").status_code == 404
    assert "reading grade" in client.get(base).get_data(as_text=True)


def test_a_problem_names_the_statement_action_and_age_band_as_the_page_labels_them(officer_client, db):
    client, known = officer_client
    base = f"/workspace/insights/{known.consultation.id}/plan"
    sid = _draft_with_hard_wording(client, db, base)
    _post(client, f"{base}/statements/{sid}/actions", {
        f"new{sid}-text": "Ask highways to add lights near parks.", f"new{sid}-owner": "Highways lead",
        f"new{sid}-status": "planned"})
    html = client.get(base).get_data(as_text=True)
    problems = html[html.index("Before publishing"):]
    # The page heads the statement "You said: Safe and supported" and labels its boxes "Ages 11 to 16".
    assert "You said about “Safe and supported”, ages 11 to 16: too hard to read" in problems
    assert "Action “Ask highways to add lights near parks.”: write the wording for ages 11 to 16" in problems
    assert "secondary" not in problems.split("</ul>")[0] and "(1)" not in problems.split("</ul>")[0]
    _post(client, f"{base}/publish")
    refused = client.get(base).get_data(as_text=True)
    assert "Not published yet: You said about “Safe and supported”" in refused


def test_drafting_says_how_many_statements_in_plain_words(officer_client):
    client, known = officer_client
    base = f"/workspace/insights/{known.consultation.id}/plan"
    first = _post(client, f"{base}/draft")
    html = client.get(first.location).get_data(as_text=True)
    assert "1 statement drafted. Check and edit it before publishing." in html
    again = _post(client, f"{base}/draft")
    html = client.get(again.location).get_data(as_text=True)
    assert "statement(s)" not in html and "0 statement" not in html
    assert "No new statements: every value people said something about already has one." in html


def test_an_action_due_date_is_three_boxes_and_a_refused_one_keeps_what_was_typed(officer_client, db):
    client, known = officer_client
    base = f"/workspace/insights/{known.consultation.id}/plan"
    _post(client, f"{base}/draft")
    from engage.models import YouSaid
    sid = db.query(YouSaid).one().id
    html = client.get(base).get_data(as_text=True)
    assert 'type="date"' not in html and f'name="new{sid}-due_on-month"' in html
    typed = {f"new{sid}-text": "Ask highways to add lights.", f"new{sid}-owner": "Highways lead",
             f"new{sid}-due_on-day": "31", f"new{sid}-due_on-month": "6", f"new{sid}-due_on-year": "2027",
             f"new{sid}-status": "planned"}
    refused = _post(client, f"{base}/statements/{sid}/actions", typed)
    assert refused.status_code == 400
    html = refused.get_data(as_text=True)
    assert f'<a href="#new{sid}-due_on">Due date must be a real date: June has 30 days.</a>' in html
    assert "Ask highways to add lights." in html and 'value="31"' in html
    saved = _post(client, f"{base}/statements/{sid}/actions", {**typed, f"new{sid}-due_on-day": "30"})
    assert saved.status_code == 302
    html = client.get(base).get_data(as_text=True)
    for part, typed_in in (("day", "30"), ("month", "6"), ("year", "2027")):  # the saved action's boxes
        assert re.search(rf'name="a\d+-due_on-{part}" type="text" inputmode="numeric" value="{typed_in}"', html)
