"""axe-core finds no WCAG 2.2 AA violations on any respondent page, in every variant."""
import pytest

from tests.browser.conftest import axe_violations, overflows_sideways
from tests.browser.keyboard import answer_page_by_keyboard

pytestmark = pytest.mark.browser


def _audit(page, pages_seen: dict) -> None:
    violations = axe_violations(page)
    if violations:
        pages_seen[page.url] = violations


@pytest.mark.parametrize("variant", ["primary", "secondary", "post16", "parent", "professional"])
def test_every_page_of_a_variant_passes_axe(page, live_server, demo, variant):
    failures: dict = {}
    page.goto(f"{live_server}/c/{demo['annual']}/{variant}")
    _audit(page, failures)
    page.click("button.govuk-button--start")
    for _ in range(60):
        _audit(page, failures)
        if "/thanks" in page.url:
            break
        answer_page_by_keyboard(page, "more clubs")
    assert "/thanks" in page.url
    assert failures == {}


def test_start_choose_resume_error_and_closed_pages_pass_axe(page, live_server, demo):
    failures: dict = {}
    for path in ["/", f"/c/{demo['annual']}", "/resume", "/c/nope", f"/c/{demo['plan']}"]:
        page.goto(live_server + path)
        _audit(page, failures)
    page.goto(live_server + "/")
    page.fill("#code", "WRONG1")
    page.click("form[action='/code'] button")
    assert page.locator(".govuk-error-summary").is_visible()
    _audit(page, failures)
    assert failures == {}


def test_error_state_and_saved_page_pass_axe(page, live_server, demo):
    failures: dict = {}
    page.goto(f"{live_server}/c/{demo['annual']}/secondary")
    page.click("button.govuk-button--start")
    textarea = page.locator("textarea").first
    while not textarea.count():
        page.click("button[value=next]")
        textarea = page.locator("textarea").first
    textarea.fill("x" * 5001)
    page.click("button[value=next]")
    assert page.locator(".govuk-error-summary").is_visible()
    _audit(page, failures)
    page.locator("textarea").first.fill("ok")
    page.click("button[value=save]")
    assert page.locator("#resume-code").is_visible()
    _audit(page, failures)
    assert failures == {}


def test_page_fits_a_320px_screen(browser, live_server, demo):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    small = context.new_page()
    small.goto(f"{live_server}/c/{demo['annual']}/primary")
    small.click("button.govuk-button--start")
    overflow = overflows_sideways(small)
    context.close()
    assert overflow is False


def test_journey_works_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False)
    nojs = context.new_page()
    nojs.goto(f"{live_server}/c/{demo['annual']}/parent")
    nojs.click("button.govuk-button--start")
    for _ in range(30):
        if "/thanks" in nojs.url:
            break
        nojs.click("button[value=next]")
    context.close()
    assert "/thanks" in nojs.url


def test_no_request_leaves_the_origin(page, live_server, demo):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server}/c/{demo['annual']}/primary")
    page.click("button.govuk-button--start")
    page.click("button[value=next]")
    assert requested and all(url.startswith(live_server) for url in requested), requested


def test_page_reflows_at_200_percent_zoom(browser, live_server, demo):
    # 200% zoom of a 1280px window is a 640 CSS-pixel viewport at device scale 2.
    context = browser.new_context(viewport={"width": 640, "height": 480}, device_scale_factor=2)
    zoomed = context.new_page()
    zoomed.goto(f"{live_server}/c/{demo['annual']}/secondary")
    zoomed.click("button.govuk-button--start")
    overflow = overflows_sideways(zoomed)
    context.close()
    assert overflow is False
