"""In Chromium: an officer filters the comment review, reads uncertain tags first and corrects one."""
import re
from pathlib import Path

import pytest

from engage.models import Consultation, Role
from tests.browser.conftest import axe_violations
from tests.workspace.factories import PASSWORD, make_user

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "instance" / "screenshots"


@pytest.fixture
def comments(live_server, app, demo):
    """An officer, and 60 synthetic responses tagged by the real tagger."""
    from sqlalchemy import select

    from engage.db import get_session
    from engage.services.demo.synthetic import generate

    with app.app_context():
        session = get_session()
        consultation = session.scalar(select(Consultation).where(Consultation.slug == demo["annual"]))
        generate(session, consultation, 60, seed=5)
        make_user(session, Role.OFFICER, email="officer@example.org")
        return consultation.id


def test_officer_filters_and_corrects_comments(page, live_server, comments):
    failures: dict = {}

    def check():
        found = axe_violations(page)
        if found:
            failures[page.url] = found

    page.goto(f"{live_server}/workspace/")
    page.fill("#email", "officer@example.org")
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/workspace/$"))

    page.goto(f"{live_server}/workspace/comments/{comments}")
    check()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "comment-review.png"), full_page=False)
    first = page.locator("li.engage-comment").first
    assert "Please check: the model is unsure" in first.inner_text()  # uncertain tags come first

    page.locator("summary", has_text="Filter the comments").click()
    page.select_option("#value", "4")
    page.click("main form[method=get] button[type=submit]")
    page.wait_for_url(re.compile(r"value=4"))
    assert "match your filters" in page.inner_text("main")
    check()

    # The filters stay open while any is chosen.
    page.select_option("#value", "")
    page.check("#uncertain")
    page.click("main form[method=get] button[type=submit]")
    page.wait_for_url(re.compile(r"uncertain=y"))
    page.screenshot(path=str(SHOTS / "comment-review-filtered.png"), full_page=True)
    check()
    listed = page.locator("li.engage-comment")
    assert listed.count() >= 1
    assert listed.count() == page.locator("li.engage-comment", has_text="Please check").count()
    listed.first.locator("select").select_option("1:1a")
    with page.expect_navigation():
        listed.first.locator("button", has_text="Save tag").click()
    assert "uncertain=y" in page.url  # the filters survive the correction
    assert "The tag is corrected" in page.locator(".engage-flash").inner_text()
    check()
    assert failures == {}
