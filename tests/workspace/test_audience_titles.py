"""Each group can see a title written for it, once it has said who it is; everyone first sees one title."""
from datetime import date, timedelta
from html import unescape

from sqlalchemy import select

from engage.models import Consultation
from engage.models._time import utcnow
from engage.services.workspace import consultations as wc
from tests.conftest import csrf_token
from tests.workspace.factories import sign_in_as


def _boxes(name: str, day, month, year) -> dict:
    return {f"{name}-day": str(day), f"{name}-month": str(month), f"{name}-year": str(year)}


def test_an_officer_gives_each_group_its_own_title(client, world, db):
    sign_in_as(client, world.users["officer"])
    page = client.get("/workspace/consultations/new")
    assert "Titles for each group (optional)" in page.text
    data = {"csrf_token": csrf_token(page.text), "title": "Growing up in the borough 2028",
            "family": "annual-young-people", "variants": ["secondary", "parent"],
            **_boxes("closes_on", 10, 2, 2028), "young_title": " Young people's survey ",
            "parent_title": "Survey for parents and carers",
            "professional_title": "Not asked: no professionals chosen"}
    assert client.post("/workspace/consultations/new", data=data).status_code == 302
    made = db.scalar(select(Consultation).where(Consultation.title == "Growing up in the borough 2028"))
    # Trimmed, and only for the groups the consultation is for.
    assert made.audience_titles == {"young": "Young people's survey", "parent": "Survey for parents and carers"}
    edit = unescape(client.get(f"/workspace/consultations/{made.id}/edit").text)
    assert 'value="Survey for parents and carers"' in edit


def test_the_notice_page_shows_the_groups_title_or_the_one_everyone_sees(client, world, db):
    plan = wc.Plan(title="Growing up here", family_slug="annual-young-people",
                   variants=["secondary", "parent", "professional"], opens_on=None,
                   closes_on=date.today() + timedelta(days=20),
                   audience_titles={"young": "Young people's survey", "parent": "Survey for parents and carers"})
    made = wc.create_draft(db, plan, world.users["officer"], utcnow())
    wc.change_status(db, made.id, "open", world.users["officer"], utcnow())
    notices = {v: unescape(client.get(f"/c/{made.slug}/{v}").text) for v in ("secondary", "parent", "professional")}
    assert "Young people's survey" in notices["secondary"]
    assert "Survey for parents and carers" in notices["parent"] and "Young people" not in notices["parent"]
    assert "Growing up here" in notices["professional"]


def test_a_title_too_long_is_refused_in_plain_words(client, world):
    sign_in_as(client, world.users["officer"])
    page = client.get("/workspace/consultations/new")
    data = {"csrf_token": csrf_token(page.text), "title": "Survey", "family": "annual-young-people",
            "variants": ["parent"], **_boxes("closes_on", 10, 2, 2028), "parent_title": "x" * 201}
    refused = client.post("/workspace/consultations/new", data=data)
    assert refused.status_code == 400
    assert "The title parents and carers see must be 200 characters or fewer." in refused.text
