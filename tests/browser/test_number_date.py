"""Number and date questions in real Chromium: keyboard only, axe clean with and without errors."""
import pytest

from tests.browser.conftest import axe_violations
from tests.numbers.conftest import numbers_consultation  # noqa: F401 (a fixture)


def _start(page, live_server):
    page.goto(f"{live_server}/c/numbers/parent")
    page.get_by_role("button", name="Start").click()
    page.wait_for_url("**/answer/1")


@pytest.mark.usefixtures("numbers_consultation")
def test_number_and_date_page_is_accessible_and_keyboard_operable(page, live_server):
    _start(page, live_server)
    assert axe_violations(page) == []
    page.get_by_label("How old is your child?").focus()
    page.keyboard.type("forty")
    for part, typed in (("Day", "31"), ("Month", "2"), ("Year", "2020")):
        page.keyboard.press("Tab")
        if part == "Day":  # the decimal box comes between
            page.keyboard.type("7.5")
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.labels[0].textContent.trim()") == part
        page.keyboard.type(typed)
    page.keyboard.press("Enter")
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "Enter a whole number, like 12." in summary.inner_text()
    assert "Enter a real date with a day, month and year" in summary.inner_text()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Enter a real date with a day, month and year, like 27 3 2015.").click()
    assert page.evaluate("document.activeElement.id") == "q_moved"
    page.screenshot(path="/tmp/number_date_errors.png", full_page=True)
