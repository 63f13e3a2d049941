"""Typing in paper forms: numbers as printed, the same services as online, counted in the summary as paper."""
import re

from sqlalchemy import select

from engage.models import Answer, AuditEvent, Response, SafeguardingFlag
from engage.results import summary
from tests.conftest import csrf_token
from tests.workspace.factories import sign_in_as

DISCLOSURE = "my uncle hits me at home"


def _entry_url(world, variant="primary"):
    return f"/workspace/consultations/{world['consultation'].id}/paper/{variant}/enter"


def _form_data(client, world, **answers) -> dict:
    page = client.get(_entry_url(world))
    assert page.status_code == 200
    token = re.search(r'name="entry_token" type="hidden" value="([^"]+)"', page.text).group(1)
    return {"csrf_token": csrf_token(page.text), "entry_token": token, "school": str(world["school"].id),
            **{f"q_{k}": v for k, v in answers.items()}}


def _type_in(client, world, **answers):
    return client.post(_entry_url(world), data=_form_data(client, world, **answers))


def test_a_typed_in_form_is_stored_as_a_paper_response(app, paper_world, db, client):
    sign_in_as(client, paper_world["officer"])
    page = client.get(_entry_url(paper_world))
    assert "1. I feel safe where I live." in page.text
    saved = _type_in(client, paper_world, safe_in_area="1", young_carer_support="2",
                     area_better="1, 3", year_group_primary="2", safe_better=DISCLOSURE)
    assert saved.status_code == 302
    assert saved.headers["Location"].endswith(f"/enter?school={paper_world['school'].id}")
    db.rollback()
    response = db.scalar(select(Response))
    assert (response.channel, response.status, response.variant) == ("paper", "submitted", "primary")
    assert response.school_id == paper_world["school"].id and response.year_group == 5
    answers = {a.item_key: a for a in db.scalars(select(Answer))}
    assert answers["safe_in_area"].value == "5"  # option 1 on paper is the happiest face
    assert len(answers["area_better"].choices) == 2
    # Screened like an online answer, and waits for its tags like one too.
    assert answers["safe_better"].needs_tagging and answers["safe_better"].polarity is None
    flag = db.scalar(select(SafeguardingFlag))
    assert flag is not None and flag.item_key == "safe_better"  # in the triage queue
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "paper_entry"))
    assert event.detail == "1 primary paper form entered" and DISCLOSURE not in (event.detail + event.target)
    assert "safeguarding lead has it" in client.get(saved.headers["Location"]).text


def test_numbers_that_are_not_on_the_form_get_a_plain_message(app, paper_world, db, client):
    sign_in_as(client, paper_world["officer"])
    refused = _type_in(client, paper_world, safe_in_area="9", area_better="1 1")
    assert refused.status_code == 400
    assert re.search(r"Question 1: type numbers from 1 to \d only\.", refused.text)
    assert "a number is there twice." in refused.text
    db.rollback()
    assert db.scalar(select(Response.id)) is None


def test_pressing_save_twice_stores_the_form_once(app, paper_world, db, client):
    sign_in_as(client, paper_world["officer"])
    data = _form_data(client, paper_world, safe_in_area="2")
    assert client.post(_entry_url(paper_world), data=data).status_code == 302
    assert client.post(_entry_url(paper_world), data=data).status_code == 302
    db.rollback()
    assert len(db.scalars(select(Response)).all()) == 1
    assert len(db.scalars(select(AuditEvent).where(AuditEvent.action == "paper_entry")).all()) == 1


def test_typed_in_forms_appear_in_the_summary_marked_as_paper(app, paper_world, db, client):
    sign_in_as(client, paper_world["officer"])
    for n in range(6):
        assert _type_in(client, paper_world, safe_in_area=str(1 + n % 2)).status_code == 302
    db.rollback()
    with app.app_context():
        result = summary.summarise(db, paper_world["consultation"])
    by_channel = {r["row"]: r for r in result["took_part"]["channel"]}
    assert by_channel["paper"]["Total"] == 6 and "online" not in by_channel


def test_the_entry_form_lists_the_schools_of_the_forms_age_band(app, paper_world, db, client):
    from engage.services.setup import ensure_school

    ensure_school(db, "Park Hill Secondary", "secondary", "south")
    db.commit()
    sign_in_as(client, paper_world["officer"])
    primary, secondary = client.get(_entry_url(paper_world)), client.get(_entry_url(paper_world, "secondary"))
    assert "Riverside Primary" in primary.text and "Park Hill Secondary" not in primary.text
    assert "Park Hill Secondary" in secondary.text and "Riverside Primary" not in secondary.text


def test_a_blank_form_is_not_saved_and_says_why(app, paper_world, db, client):
    sign_in_as(client, paper_world["officer"])
    refused = _type_in(client, paper_world)
    assert refused.status_code == 400
    assert "Nothing was typed in, so the form was not saved." in refused.text
    assert 'href="#q_safe_in_area"' in refused.text  # the summary leads to the first box
    db.rollback()
    assert db.scalar(select(Response.id)) is None


def test_the_saved_message_gives_the_response_number_and_how_many_answers(app, paper_world, db, client):
    sign_in_as(client, paper_world["officer"])
    saved = _type_in(client, paper_world, safe_in_area="2", area_better="1 3")
    db.rollback()
    number = db.scalar(select(Response.id))
    assert f"Form saved as response {number}, with 2 answers." in client.get(saved.headers["Location"]).text


def test_a_closed_consultation_says_it_is_closed_not_when_it_is_open(app, paper_world, db, client):
    paper_world["consultation"].status = "closed"
    db.commit()
    sign_in_as(client, paper_world["officer"])
    page = client.get("/workspace/paper").text
    assert "Closed: forms can no longer be typed in" in page and "When it is open" not in page
