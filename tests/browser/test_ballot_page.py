"""In Chromium: the ballot page passes axe-core, and a ranking is made with the keyboard alone."""
import pytest

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
SLUG = "priority-ballot-demo"


def test_a_ranked_ballot_passes_axe_and_works_by_keyboard(page, live_server, demo):
    page.goto(f"{live_server}/c/{SLUG}/secondary")
    page.click("button.govuk-button--start")
    assert axe_violations(page) == []
    page.focus("#q_issue_ranking")
    page.keyboard.press("ArrowDown")  # "Pick one" -> the first option
    page.focus("#q_issue_ranking-2")
    page.keyboard.press("ArrowDown")  # the same option again
    page.keyboard.press("Enter")
    page.focus("button[value=next]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".govuk-error-summary").is_visible()
    assert "You picked the same one twice" in page.inner_text(".govuk-error-summary")
    assert axe_violations(page) == []
