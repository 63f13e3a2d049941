"""A young person completes the survey in Arabic in Chromium with the
keyboard alone, axe-core finds nothing on any page, and GOV.UK components mirror right to left."""
import pytest

from tests.browser.conftest import axe_violations
from tests.browser.keyboard import answer_page_by_keyboard, press_tab_until

pytestmark = pytest.mark.browser

# The input (and the circle or box drawn over it) sits at the reading start, the right, of its
# label's text: beside it for GOV.UK radios, inside the card for primary's face cards.
INPUT_BEFORE_LABEL = """sel => {
  const input = document.querySelector(sel + '__input').getBoundingClientRect();
  const text = document.querySelector(sel + '__label span') || document.querySelector(sel + '__label');
  const label = text.getBoundingClientRect();
  return input.left >= label.right - 1;
}"""


def _audit(page, failures: dict) -> None:
    found = axe_violations(page)
    if found:
        failures[page.url] = found


def _choose_arabic_by_keyboard(page, live_server) -> None:
    page.goto(live_server)
    press_tab_until(page, lambda a: a["tag"] == "a" and a["text"] == "العربية")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_attribute("html", "dir") == "rtl" and page.get_attribute("html", "lang") == "ar"


@pytest.mark.parametrize("variant", ["primary", "secondary"])
def test_a_young_person_completes_the_survey_in_arabic_by_keyboard(page, live_server, demo, variant):
    failures: dict = {}
    _choose_arabic_by_keyboard(page, live_server)
    _audit(page, failures)
    page.goto(f"{live_server}/c/{demo['annual']}/{variant}")
    _audit(page, failures)
    press_tab_until(page, lambda a: a["tag"] == "button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    mirrored = page.evaluate(INPUT_BEFORE_LABEL, ".govuk-radios")
    for _ in range(60):
        assert page.get_attribute("html", "dir") == "rtl", page.url
        _audit(page, failures)
        if "/thanks" in page.url:
            break
        answer_page_by_keyboard(page, "أريد نوادي أكثر بعد المدرسة")
    assert "/thanks" in page.url and "شكرًا" in page.locator("h1").inner_text()
    assert mirrored, "radios are not mirrored: the input should sit right of its label"
    assert failures == {}


def test_error_summary_checkboxes_and_back_link_mirror_in_arabic(page, live_server, demo):
    _choose_arabic_by_keyboard(page, live_server)
    page.goto(f"{live_server}/c/{demo['annual']}/secondary")
    page.click("button.govuk-button--start")
    page.click("button[value=next]")  # page 2 has a back link
    back = page.locator(".govuk-back-link").bounding_box()
    assert back["x"] > page.viewport_size["width"] / 2, "the back link should sit on the right"
    while not page.locator(".govuk-checkboxes").count():
        page.click("button[value=next]")
    assert page.evaluate(INPUT_BEFORE_LABEL, ".govuk-checkboxes")
    page.goto(f"{live_server}/resume")
    with page.expect_navigation():  # waits for "load": the stylesheet is in before the style is read
        page.click("button.govuk-button")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible() and "هناك مشكلة" in summary.inner_text()
    assert "اكتب كلماتك الأربع." in summary.inner_text()
    error_border = page.eval_on_selector(".govuk-form-group--error", "e => getComputedStyle(e).borderRightWidth")
    assert error_border == "5px"  # the red error bar runs down the reading start, the right
    assert axe_violations(page) == []
