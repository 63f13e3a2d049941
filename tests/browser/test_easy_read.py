"""In Chromium: easy read by keyboard with large text and high contrast, and a kiosk between people."""
import re

import pytest
from sqlalchemy import select

from engage.models import Consultation, Response, Role
from tests.browser.conftest import axe_violations, overflows_sideways
from tests.browser.keyboard import answer_page_by_keyboard, press_tab_until
from tests.workspace.factories import PASSWORD, make_user

pytestmark = pytest.mark.browser
ENHANCED_CONTRAST = """() => axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast-enhanced']}})
  .then(r => r.violations.map(v => ({id: v.id, targets: v.nodes.map(n => n.target).slice(0, 5)})))"""


def _check(page, failures: dict, enhanced: bool = False) -> None:
    found = axe_violations(page)  # injects axe-core, then WCAG 2.2 A and AA
    if enhanced:
        found += page.evaluate(ENHANCED_CONTRAST)  # 7:1 (AAA 1.4.6) in high contrast
    if found:
        failures[page.url] = found


def _press(page, name: str) -> None:
    press_tab_until(page, lambda a: a["text"] == name or a["name"] == name)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_child_completes_easy_read_by_keyboard_with_large_text_and_high_contrast(page, live_server, demo, app):
    failures: dict = {}
    page.goto(f"{live_server}/c/{demo['annual']}/primary")
    _press(page, "Text and colours")
    _check(page, failures)
    for box in ("large_text", "high_contrast"):
        press_tab_until(page, lambda a, box=box: a["name"] == box)
        page.keyboard.press("Space")
    _press(page, "Save")
    assert page.url.endswith(f"/c/{demo['annual']}/primary")
    press_tab_until(page, lambda a: a["name"] == "easy_read")
    page.keyboard.press("Space")
    _check(page, failures, enhanced=True)
    _press(page, "Start")
    for _ in range(40):
        if "/thanks" in page.url:
            break
        assert page.evaluate("document.documentElement.className") == \
            "govuk-template engage-large-text engage-high-contrast"
        assert page.locator(".engage-easy-line").first.is_visible()
        _check(page, failures, enhanced=True)
        answer_page_by_keyboard(page, "more clubs")
    assert "/thanks" in page.url
    _check(page, failures, enhanced=True)
    assert failures == {}
    from engage.db import get_session
    with app.app_context():
        response = get_session().scalar(select(Response))
        assert (response.rendition, response.status) == ("easy_read", "submitted")


def test_large_text_makes_the_words_bigger(page, live_server, demo):
    page.goto(f"{live_server}/c/{demo['annual']}/primary")
    before = page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
    page.goto(f"{live_server}/settings?next=/c/{demo['annual']}/primary")
    page.check("#large_text")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.url.endswith(f"/c/{demo['annual']}/primary")  # back where they were, not the settings page
    after = page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
    assert after >= before * 1.3


def test_easy_read_with_large_text_fits_a_320px_screen(browser, live_server, demo):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    small = context.new_page()
    small.goto(f"{live_server}/settings?next=/c/{demo['annual']}/primary")
    small.check("#large_text")
    small.click("main form button[type=submit]")
    small.check("#easy_read")
    small.click("button.govuk-button--start")
    for number in (1, 5, 12):  # faces, one-per-line options, and the picture cards
        small.goto(f"{live_server}/answer/{number}")
        overflow = overflows_sideways(small)
        assert overflow is False, number
    context.close()


@pytest.fixture
def officer(live_server, app):
    from engage.db import get_session

    with app.app_context():
        consultation = get_session().scalar(select(Consultation).where(Consultation.slug.like("annual%")))
        return make_user(get_session(), Role.OFFICER, email="events@example.org").email, consultation.id


def test_kiosk_returns_to_a_clean_start_after_each_person(page, live_server, officer):
    email, consultation_id = officer
    page.goto(f"{live_server}/workspace/consultations/{consultation_id}/kiosk")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(rf"/workspace/consultations/{consultation_id}/kiosk$"))
    assert axe_violations(page) == []
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r":\d+/kiosk$"))
    for person in range(2):
        assert axe_violations(page) == []
        page.click("#kiosk-start")
        page.check("input[name=audience] >> nth=0")  # who are you: the first audience
        page.click("main form button[type=submit]")
        page.click("main form button.govuk-button--start")
        assert page.locator("button[value=save]").count() == 0  # no resume codes on a kiosk
        for _ in range(60):
            if "/thanks" in page.url:
                break
            answer_page_by_keyboard(page, f"person {person}")
        assert page.locator("#kiosk-next").is_visible()
        assert axe_violations(page) == []
        page.click("#kiosk-next")
        page.wait_for_url(re.compile(r":\d+/kiosk$"))
        # Nothing of the last person is left: no response to go back to, no help offer.
        page.goto(f"{live_server}/answer/1")
        assert page.locator("[name^=q_]").count() == 0
        page.goto(f"{live_server}/help")
        assert page.locator("#how_to_reach").count() == 0
        page.goto(f"{live_server}/")
        assert page.url.endswith("/kiosk")
    page.goto(f"{live_server}/kiosk/still-there?next=/kiosk")
    assert page.locator("#kiosk-stay").is_visible() and axe_violations(page) == []
