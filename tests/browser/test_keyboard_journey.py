"""Every variant can be completed in Chromium with the keyboard alone."""
import pytest

from tests.browser.keyboard import answer_page_by_keyboard, press_tab_until

pytestmark = pytest.mark.browser
VARIANTS = ["primary", "secondary", "post16", "parent", "professional"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_keyboard_only_completes_annual_survey(page, live_server, demo, variant):
    page.goto(f"{live_server}/c/{demo['annual']}/{variant}")
    press_tab_until(page, lambda a: a["tag"] == "button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for _ in range(60):
        if "/thanks" in page.url:
            break
        answer_page_by_keyboard(page, "more clubs")
    assert "/thanks" in page.url
    assert page.locator("h1").first.is_visible()


def test_keyboard_from_start_page_with_class_code(page, live_server, demo):
    code = demo["codes"][0][0]
    page.goto(live_server)
    press_tab_until(page, lambda a: a["tag"] == "input" and a["name"] == "code")
    page.keyboard.type(code.lower())
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"/c/{demo['annual']}/primary" in page.url
