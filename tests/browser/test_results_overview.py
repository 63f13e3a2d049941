"""In Chromium, as the officer: the demo's results open on the overview, in words, with a real finding."""
import re

import pytest

from engage.models import Consultation, Role
from tests.browser.conftest import axe_violations
from tests.summary.known import StubTagger
from tests.workspace.factories import PASSWORD, make_user

pytestmark = pytest.mark.browser
STORY = {"Looked after (in care)", "Young carer", "Disability or special educational needs (SEND)", "East area"}
SNAKE = re.compile(r"\b[a-z0-9]+_[a-z0-9_]+\b")


@pytest.fixture
def story(live_server, app, demo):
    """An officer, this year's demo survey with 1,200 synthetic responses and last year's wave."""
    from sqlalchemy import select

    from engage.db import get_session
    from engage.models._time import utcnow
    from engage.services.demo.content import create_last_year
    from engage.services.demo.synthetic import generate

    with app.app_context():
        session = get_session()
        consultation = session.scalar(select(Consultation).where(Consultation.slug == demo["annual"]))
        generate(session, consultation, 1200, seed=3, tagger=StubTagger())
        generate(session, create_last_year(session, utcnow()), 600, seed=4, tagger=StubTagger(), wave=-1)
        make_user(session, Role.OFFICER, email="officer@example.org")
        return consultation.id


def _sign_in(page, live_server):
    page.goto(f"{live_server}/workspace/")
    page.fill("#email", "officer@example.org")
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/workspace/$"))


def test_results_open_on_the_overview_with_a_finding(page, live_server, story):
    _sign_in(page, live_server)
    page.goto(f"{live_server}/workspace/insights/{story}")
    headings = page.locator("main h2").all_inner_texts()
    assert headings[0] == "Overview by value"
    # The demo's story: some priority groups and one area feel less safe, beyond chance; no other group.
    safe = page.locator("section[aria-labelledby='overview-1']")
    found = set(safe.locator("table").nth(1).locator("tbody th").all_inner_texts())
    assert found and found <= STORY
    assert "points less than everyone else" in safe.locator("ul").first.inner_text()
    # A linked question shows each audience side by side, and says where one was not asked.
    assert "Parents and carers were asked:" in safe.inner_text()
    assert "Not asked" in safe.inner_text()
    for summary in page.locator("main details > summary").all():
        summary.click()  # open every folded part, so nothing hidden escapes the checks
    text = page.inner_text("main")
    assert SNAKE.findall(text) == []
    labels = " ".join(page.locator("svg.engage-chart text").all_text_contents())
    assert SNAKE.findall(labels) == [] and "…" not in labels  # labels wrap, never cut
    assert axe_violations(page) == []


def test_charts_use_the_page_font(page, live_server, story):
    _sign_in(page, live_server)
    page.goto(f"{live_server}/workspace/insights/{story}")
    page.locator("summary", has_text="Every question about").first.click()
    font = page.evaluate("getComputedStyle(document.querySelector('svg.engage-chart text')).fontFamily")
    body = page.evaluate("getComputedStyle(document.querySelector('.govuk-body')).fontFamily")
    assert "serif" not in font.replace("sans-serif", "")
    assert font.split(",")[0] == body.split(",")[0]


def test_results_fit_a_phone_screen(page, live_server, app, demo):
    """Wide tables scroll in their own box; the page itself never scrolls sideways."""
    from sqlalchemy import select

    from engage.db import get_session
    from engage.models._time import utcnow
    from engage.services.demo.content import create_last_year
    from engage.services.demo.synthetic import generate
    from tests.browser.conftest import overflows_sideways

    with app.app_context():
        session = get_session()
        consultation = session.scalar(select(Consultation).where(Consultation.slug == demo["annual"]))
        generate(session, consultation, 200, seed=3, tagger=StubTagger())
        generate(session, create_last_year(session, utcnow()), 100, seed=4, tagger=StubTagger(), wave=-1)
        make_user(session, Role.OFFICER, email="officer@example.org")
        consultation_id = consultation.id
    page.set_viewport_size({"width": 360, "height": 740})
    _sign_in(page, live_server)
    page.goto(f"{live_server}/workspace/insights/{consultation_id}")
    assert page.locator(".engage-overview__table").count() == 5
    assert not overflows_sideways(page)
    assert axe_violations(page) == []
