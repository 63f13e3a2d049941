"""In Chromium: the help a child sees fits what they wrote; the lead's home page shows open concerns."""
import os
import re
from pathlib import Path

import pytest

from engage.models import Role
from tests.alerts.flags import add_flag
from tests.browser.conftest import axe_violations, overflows_sideways, sign_in
from tests.workspace.factories import PASSWORD, TOTP_SECRET, make_user

pytestmark = pytest.mark.browser

HELP_PAGE = re.compile(r"/help$")


def _keep(page, name: str) -> None:
    """Save a screenshot when ENGAGE_SCREENSHOTS names a folder (for a person to look at)."""
    folder = os.environ.get("ENGAGE_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / name), full_page=True)


def test_a_child_who_writes_about_suicide_is_shown_the_services_for_it(browser, live_server, demo):
    child = browser.new_context().new_page()
    child.goto(f"{live_server}/c/{demo['annual']}/secondary")
    child.click("button.govuk-button--start")
    while not child.locator("textarea").count():
        child.click("button[value=next]")
    child.locator("textarea").first.fill("i dont want to be alive anymore, i want to kill myself")
    child.click("button[value=next]")
    # The URL changes when the navigation commits, before the page has loaded: wait for the
    # load (up to 30 s) so a busy machine cannot make the page read as empty.
    child.wait_for_url(HELP_PAGE)
    assert child.locator("#help-danger").is_visible() and "999" in child.locator("#help-danger").inner_text()
    suicide = child.locator("#help-suicide").inner_text()
    assert "116 123" in suicide and "0800 068 4141" in suicide and "0800 1111" in child.content()
    _keep(child, "help-suicide.png")
    assert axe_violations(child) == []


def test_the_lead_sees_open_concerns_on_the_home_page_and_in_the_menu(browser, live_server, demo, db):
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    add_flag(db, demo, severity="immediate")
    add_flag(db, demo, severity="concern")
    add_flag(db, demo, severity="check")
    staff = browser.new_context().new_page()
    sign_in(staff, live_server, lead.email, PASSWORD, TOTP_SECRET)  # safeguarding leads sign in with two steps
    staff.goto(f"{live_server}/workspace/")
    assert "3 open concerns need you: 1 immediate, 1 concern" in staff.locator(".govuk-warning-text").inner_text()
    assert "3 open, 1 immediate" in staff.locator(".engage-workspace-nav").inner_text()
    first = staff.locator("#open-concerns li").first.inner_text()
    assert first.startswith("Immediate")
    _keep(staff, "lead-home.png")
    assert axe_violations(staff) == []
    staff.locator(".engage-workspace-nav a", has_text="Safeguarding").click()
    staff.wait_for_url(re.compile(r"/workspace/safeguarding/$"))
    assert "Leads alerted" in staff.content()
    _keep(staff, "lead-queue.png")
    assert axe_violations(staff) == []


def test_the_menu_count_of_open_concerns_fits_inside_its_tag(browser, live_server, demo, db):
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    for _ in range(2):
        add_flag(db, demo, severity="immediate")
    staff = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    sign_in(staff, live_server, lead.email, PASSWORD, TOTP_SECRET)
    staff.goto(f"{live_server}/workspace/safeguarding/")
    staff.wait_for_load_state("load")
    tag = staff.locator(".engage-nav-count")
    assert tag.inner_text() == "2 open, 2 immediate"
    # The words stay on one line: the tag must be wide enough to hold them all.
    assert tag.evaluate("e => e.scrollWidth <= e.clientWidth")


def test_the_queue_fits_a_phone_screen(browser, live_server, demo, db):
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    add_flag(db, demo, severity="immediate")
    add_flag(db, demo, severity="concern")
    staff = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    sign_in(staff, live_server, lead.email, PASSWORD, TOTP_SECRET)
    staff.goto(f"{live_server}/workspace/safeguarding/")
    # The wide table scrolls in its own box; the page itself does not scroll sideways.
    assert not overflows_sideways(staff)
    assert staff.locator("table a").first.is_visible()
    assert axe_violations(staff) == []
