"""The public "You said, we did" page passes axe-core in Chromium, in every age band's wording."""
from datetime import date

import pytest
from sqlalchemy import select

from engage.definitions.readability import check_wording
from engage.models import Consultation, YouSaid
from engage.services import plan
from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser

WORDING = {
    "primary": ("You said you want more lights in the park.", "We put new lights in two parks.",
                "Now the parks are not so dark."),
    "secondary": ("You said parks feel unsafe after dark.", "We asked the council to add lights.",
                  "Twelve new lights are up now."),
    "post16": ("You told us parks and paths feel unsafe at night.",
               "We worked with the highways team to light the main paths.",
               "Twelve new lights are up, and we will check they help."),
}


@pytest.fixture
def published(app, demo):
    db = app.extensions["engage.sessionmaker"]()
    consultation = db.scalar(select(Consultation).where(Consultation.slug == demo["annual"]))
    statement = YouSaid(consultation_id=consultation.id, value_id=1, text="Parks feel unsafe at night.",
                        child_text={b: w[0] for b, w in WORDING.items()})
    db.add(statement)
    db.commit()
    plan.add_action(db, consultation.id, statement.id, plan.ActionInput(
        text="Add lights in parks.", child_text={b: w[1] for b, w in WORDING.items()},
        owner="Parks team", due_on=date(2027, 5, 1), status="done", outcome="Twelve lights added.",
        outcome_child_text={b: w[2] for b, w in WORDING.items()}))
    plan.publish(db, consultation, None)  # refuses wording above each band's reading age
    db.close()
    return demo["annual"]


def test_young_wording_passes_the_reading_check():
    for band, lines in WORDING.items():
        assert [check_wording(line, band) for line in lines] == [None, None, None]


@pytest.mark.parametrize("band", ["primary", "secondary", "post16"])
def test_public_page_passes_axe_in_each_band(page, live_server, published, band):
    page.goto(f"{live_server}/you-said-we-did/{published}?band={band}")
    assert page.locator("h1").inner_text() == "You said, we did"
    assert WORDING[band][0] in page.content()
    assert axe_violations(page) == []


def test_start_page_links_to_it(page, live_server, published):
    page.goto(live_server + "/")
    page.click("text=See what you said and what we did")
    assert f"/you-said-we-did/{published}" in page.url
    assert axe_violations(page) == []


def test_a_plan_not_yet_carried_out_is_headed_we_will(page, live_server, published, app):
    db = app.extensions["engage.sessionmaker"]()
    consultation = db.scalar(select(Consultation).where(Consultation.slug == published))
    statement = YouSaid(consultation_id=consultation.id, value_id=3, text="More clubs.",
                        child_text={b: "You said you want more clubs." for b in WORDING})
    db.add(statement)
    db.commit()
    plan.add_action(db, consultation.id, statement.id, plan.ActionInput(
        text="Start a youth club.", child_text={b: "We will start a youth club." for b in WORDING},
        owner="Youth team", due_on=date(2027, 9, 1), status="planned"))
    db.close()
    page.goto(f"{live_server}/you-said-we-did/{published}?band=primary")
    headings = [s.locator("h3").all_inner_texts() for s in page.locator("main section").all()]
    assert headings == [["You said", "We did"], ["You said", "We will"]]
    assert axe_violations(page) == []
