"""In Chromium, as a young person: the words on the settings and save pages, easy read, the
age band easy read keeps, and high contrast checked by axe-core in that mode."""
import pytest

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser


def test_settings_page_does_not_say_saved_before_anything_is_saved(page, live_server, demo):
    page.goto(f"{live_server}/c/{demo['annual']}/secondary")
    page.click("text=Text and colours")
    hint = page.locator("#settings-hint").inner_text()
    assert "We saved" not in hint
    assert "Press Save" in hint
    assert axe_violations(page) == []


@pytest.mark.parametrize("variant", ["primary", "secondary"])
def test_the_save_page_says_to_keep_the_code_it_shows(page, live_server, demo, variant):
    page.goto(f"{live_server}/c/{demo['annual']}/{variant}")
    page.click("button.govuk-button--start")
    page.click("button[value=save]")
    page.wait_for_url(f"{live_server}/saved")
    code = page.locator("#resume-code").inner_text()
    words = page.inner_text("main")
    assert code and words.index(code) < words.index("Write")
    assert "We will give you" not in words
    assert "Write them down or take a photo" in words or "Write it down or take a photo" in words
    assert axe_violations(page) == []


def _easy_read_page(page, live_server, slug: str, variant: str, number: int) -> str:
    page.goto(f"{live_server}/c/{slug}/{variant}")
    page.check("#easy_read")
    page.click("button.govuk-button--start")
    page.goto(f"{live_server}/answer/{number}")
    return page.inner_text("main")


def test_easy_read_names_the_answer_to_pick_in_plain_words(page, live_server, demo):
    words = _easy_read_page(page, live_server, demo["annual"], "primary", 5)
    assert "This is not me" in words
    assert "Pick This is not me" not in words
    assert "Then pick 'This is not me'." in words


def test_a_primary_child_is_not_given_a_count_of_5000_letters(page, live_server, demo):
    page.goto(f"{live_server}/c/{demo['annual']}/primary")
    page.click("button.govuk-button--start")
    for number in range(1, 30):
        page.goto(f"{live_server}/answer/{number}")
        if page.locator("textarea").count():
            break
    words = page.inner_text("main")
    assert "5,000" not in words and "5000" not in words
    assert "You can write a little or a lot." in words


def _answer_about_you(page) -> None:
    """Pick Park Hill and Year 9 where asked; leave every other question for the child to skip."""
    school = page.locator("[name=q_school]")
    if school.count() and school.first.evaluate("e => e.tagName") == "SELECT":
        school.select_option(label="Park Hill Secondary School")
    elif school.count():
        page.get_by_label("Park Hill Secondary School").check()
    year = page.locator("input[name=q_year_group_secondary][value='9']")
    if year.count():
        year.check()


def test_easy_read_keeps_the_age_band_the_young_person_chose(page, live_server, demo, app):
    from sqlalchemy import select

    from engage.db import get_session
    from engage.models import Response, Role, School
    from tests.browser.test_officer_journey import sign_in
    from tests.workspace.factories import make_user

    page.goto(f"{live_server}/c/{demo['annual']}")
    page.check("input[name=audience][value=secondary]")  # "I am 11 to 16"
    page.click("main form button[type=submit]")
    page.check("#easy_read")
    page.click("button.govuk-button--start")
    first = page.inner_text("main")
    assert "Page 1 of" in first  # secondary's pages, grouped by value, not primary's one question a page
    assert "I feel safe near my home." in first  # the item's easy-read wording
    assert "I feel safe on buses and trains." in first  # no easy read for it: secondary's own wording
    assert page.locator("img.engage-symbol").count() >= 5  # faces beside every scale, as easy read promises
    assert axe_violations(page) == []
    for _ in range(20):
        if "/thanks" in page.url:
            break
        words = page.inner_text("main")
        assert "Year 4" not in words and "Year 5" not in words and "Year 6" not in words
        _answer_about_you(page)
        with page.expect_navigation():
            page.click("button[value=next]")
    assert "/thanks" in page.url

    with app.app_context():
        db = get_session()
        response = db.scalar(select(Response))
        park_hill = db.scalar(select(School).where(School.name.like("Park Hill%")))
        assert (response.variant, response.rendition, response.year_group, response.school_id) == \
            ("secondary", "easy_read", 9, park_hill.id)
        contact = make_user(db, Role.SCHOOL_CONTACT, schools=[park_hill]).email
        consultation_id = response.consultation_id
    page.context.clear_cookies()
    sign_in(page, live_server, contact)
    page.goto(f"{live_server}/workspace/consultations/{consultation_id}/participation")
    tables = page.inner_text("main")
    assert "Secondary (years 7 to 11)\t1" in tables and "Primary (years 4 to 6)\t0" in tables
    years = {line.split("\t")[0]: line.split("\t")[1] for line in tables.splitlines() if line.startswith("Year ")}
    assert years.get("Year 9") == "1" and all(years.get(f"Year {n}", "0") == "0" for n in (4, 5, 6)), years


CONTRAST_RULES = """() => axe.run(document,
    {runOnly: {type: 'rule', values: ['color-contrast', 'color-contrast-enhanced']}})
  .then(r => r.violations.map(v => ({id: v.id, targets: v.nodes.map(n => n.target).slice(0, 5)})))"""


def _black_and_white(page, failures: dict, tabs: int = 0) -> None:
    """Record stray colours and axe-core contrast failures, at rest and on each focused element."""
    from tests.browser.palette import stray_colours

    axe_violations(page)  # injects axe-core
    found = stray_colours(page) + page.evaluate(CONTRAST_RULES)
    for _ in range(tabs):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.outerHTML.slice(0, 60)")
        found += [f"{item} (focus on {focused})" for item in stray_colours(page)]
    if found:
        failures[page.url] = found


def test_strong_colours_turn_every_element_black_and_white(page, live_server, demo):
    failures: dict = {}
    page.goto(f"{live_server}/settings?next=/c/{demo['annual']}/primary")
    page.check("#high_contrast")
    page.click("main form button[type=submit]")
    _black_and_white(page, failures, tabs=8)  # the notice page: header, links, start choices
    page.click("button.govuk-button--start")
    _black_and_white(page, failures, tabs=6)  # faces
    for number in range(2, 30):
        page.goto(f"{live_server}/answer/{number}")
        if page.locator("textarea").count():
            break
    page.fill("textarea", "a" * 5001)
    page.click("button[value=next]")
    assert page.locator(".govuk-error-summary").is_visible()
    _black_and_white(page, failures, tabs=4)  # the error summary, its link and the error message
    page.goto(f"{live_server}/c/{demo['annual']}/primary")
    page.check("#easy_read")
    page.click("button.govuk-button--start")
    page.goto(f"{live_server}/answer/5")
    page.check("input[value=not_a_carer]")
    _black_and_white(page, failures, tabs=6)  # symbol cards, one chosen
    for path in ("/", "/help", f"/settings?next=/c/{demo['annual']}/primary"):
        page.goto(live_server + path)
        _black_and_white(page, failures)
    assert failures == {}
