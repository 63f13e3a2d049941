"""A disclosure typed in the browser shows the child help and reaches the safeguarding lead."""
import re

import pytest

from engage.models import Role
from tests.browser.conftest import axe_violations, sign_in
from tests.respond.test_safeguarding_journey import DISCLOSURE
from tests.workspace.factories import PASSWORD, TOTP_SECRET, make_user

pytestmark = pytest.mark.browser

HELP_PAGE = re.compile(r"/help$")


def test_disclosure_reaches_the_triage_queue(browser, live_server, demo, db):
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    child = browser.new_context().new_page()
    child.goto(f"{live_server}/c/{demo['annual']}/secondary")
    child.click("button.govuk-button--start")
    while not child.locator("textarea").count():
        child.click("button[value=next]")
    child.locator("textarea").first.fill(DISCLOSURE)
    child.click("button[value=next]")
    # The URL changes when the navigation commits, before the page has loaded: wait for the
    # load (up to 30 s) so a busy machine cannot make the page read as empty.
    child.wait_for_url(HELP_PAGE)
    assert "0800 1111" in child.content()
    assert axe_violations(child) == []
    child.fill("#how_to_reach", "Year 9, ask for Sam")
    child.locator("form button").click()
    assert child.locator("#talk-confirmed").is_visible()

    staff = browser.new_context().new_page()
    sign_in(staff, live_server, lead.email, PASSWORD, TOTP_SECRET)
    staff.goto(f"{live_server}/workspace/safeguarding/")
    staff.locator("table a").first.click()
    staff.wait_for_url(re.compile(r"/workspace/safeguarding/\d+$"))
    assert "he shouts and hits my mum" in staff.content()
    assert "Year 9, ask for Sam" in staff.content()
    assert axe_violations(staff) == []
