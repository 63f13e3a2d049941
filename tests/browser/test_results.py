"""In Chromium: the results pages (summary with filters and charts, plan, comments review) pass axe."""
import re
from datetime import date, timedelta

import pytest

from engage.models import Consultation, Role
from tests.browser.conftest import axe_violations
from tests.summary.known import StubTagger
from tests.workspace.factories import PASSWORD, make_user

pytestmark = pytest.mark.browser


@pytest.fixture
def results(live_server, app, demo):
    """An officer, and 200 synthetic responses to the demo's annual survey."""
    from sqlalchemy import select

    from engage.db import get_session
    from engage.services.demo.synthetic import generate

    with app.app_context():
        session = get_session()
        consultation = session.scalar(select(Consultation).where(Consultation.slug == demo["annual"]))
        generate(session, consultation, 200, seed=3, tagger=StubTagger())
        make_user(session, Role.OFFICER, email="officer@example.org")
        return consultation.id


def _check(page, failures: dict) -> None:
    found = axe_violations(page)
    if found:
        failures[page.url] = found


def test_results_pages_pass_axe(page, live_server, results):
    failures: dict = {}
    page.goto(f"{live_server}/workspace/")
    page.fill("#email", "officer@example.org")
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/workspace/$"))

    page.goto(f"{live_server}/workspace/insights/")
    _check(page, failures)
    page.goto(f"{live_server}/workspace/insights/{results}")
    assert page.locator("svg.engage-chart").count() >= 5
    page.locator("summary", has_text="Every question about").first.click()  # a value's figures
    page.locator("summary", has_text="Answers to each question").first.click()  # open the distributions
    assert page.locator("svg[aria-labelledby^='answers-']").first.is_visible()
    _check(page, failures)
    # Filtered through the form, as an officer would: paper answers from young people.
    page.locator("summary", has_text="Filter the results").click()
    page.select_option("#audience", "young")
    page.select_option("#channel", "paper")
    page.click("main form[method=get] button[type=submit]")
    page.wait_for_url(re.compile(r"channel=paper"))
    assert "match your filters" in page.inner_text("main")
    _check(page, failures)
    # A date range with an area (the range leaves some out): counted from the filtered responses, not
    # from kept tallies.
    page.goto(f"{live_server}/workspace/insights/{results}")
    page.locator("summary", has_text="Filter the results").click()
    area = page.locator("#area option").nth(1).get_attribute("value")
    page.select_option("#area", area)
    for name, day in (("date_from", date.today() - timedelta(days=30)), ("date_to", date.today() - timedelta(days=5))):
        page.fill(f"#{name}", str(day.day))
        page.fill(f"#{name}-month", str(day.month))
        page.fill(f"#{name}-year", str(day.year))
    page.click("main form[method=get] button[type=submit]")
    page.wait_for_url(re.compile(rf"area={area}.*date_from-day="))
    assert "match your filters" in page.inner_text("main")
    assert page.locator("svg.engage-chart").count() >= 5
    _check(page, failures)

    page.goto(f"{live_server}/workspace/insights/{results}/plan")
    _check(page, failures)
    page.click("text=Draft statements from the results")
    page.wait_for_url(re.compile(r"/plan$"))
    assert page.locator("section.engage-statement").count() >= 1
    _check(page, failures)

    page.goto(f"{live_server}/workspace/comments/{results}")
    _check(page, failures)
    assert failures == {}
