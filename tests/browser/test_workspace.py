"""In Chromium: an officer sets up a consultation, edits a wording, makes class codes; axe on every page."""
import re

import pytest

from engage.models import Role
from tests.browser.conftest import axe_violations, sign_in
from tests.workspace.factories import PASSWORD, TOTP_SECRET, make_user

pytestmark = pytest.mark.browser


@pytest.fixture
def officer(live_server, app):
    """An officer account on the live server's database."""
    from engage.db import get_session

    with app.app_context():
        return make_user(get_session(), Role.OFFICER, email="officer@example.org").email


def _check(page, failures: dict) -> None:
    found = axe_violations(page)
    if found:
        failures[page.url] = found


def _grade(shown: str) -> float:
    """Read a reading grade as shown: a number, or "very easy" for anything below zero."""
    return 0.0 if shown == "very easy" else float(shown)


def _sign_in(page, live_server, email, totp_secret=None):
    page.goto(f"{live_server}/workspace/")
    sign_in(page, live_server, email, PASSWORD, totp_secret)
    page.wait_for_url(re.compile(r"/workspace/$"))


def test_officer_sets_up_a_class_survey(page, live_server, officer):
    failures: dict = {}
    page.goto(f"{live_server}/auth/sign-in")
    _check(page, failures)
    _sign_in(page, live_server, officer)
    _check(page, failures)

    # Create a consultation from the annual survey.
    page.goto(f"{live_server}/workspace/consultations/new")
    _check(page, failures)
    page.click("main form button[type=submit]")  # empty: the error state must pass axe too
    assert page.locator(".govuk-error-summary").is_visible()
    _check(page, failures)
    page.fill("#title", "Annual survey 2027 (browser)")
    page.select_option("#family", "annual-young-people")
    page.check("input[name=variants][value=primary]")
    page.check("input[name=variants][value=secondary]")
    page.fill("#closes_on", "20")
    page.fill("#closes_on-month", "7")
    page.fill("#closes_on-year", "2099")
    page.fill("#series", "Annual survey")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/workspace/consultations/\d+$"))
    consultation_url = page.url
    _check(page, failures)

    # Edit a primary wording and watch its reading grade change as we type.
    page.goto(f"{live_server}/workspace/surveys")
    _check(page, failures)
    page.goto(f"{live_server}/workspace/surveys/annual-young-people/pages/safe")
    _check(page, failures)
    box = page.locator("#w__safe_in_area__primary")
    grade = page.locator("#w__safe_in_area__primary-grade .engage-grade__value")
    before = grade.inner_text()
    box.fill("Considering multidimensional circumstances, institutional responsibilities "
             "necessitate comprehensive evaluation.")
    page.wait_for_function(
        "before => document.querySelector('#w__safe_in_area__primary-grade .engage-grade__value')"
        ".textContent !== before", arg=before)
    assert _grade(grade.inner_text()) > _grade(before)
    assert "too hard" in page.locator("#w__safe_in_area__primary-grade").inner_text()
    box.fill("I feel safe near my home.")
    page.wait_for_function(
        "() => !document.querySelector('#w__safe_in_area__primary-grade').textContent.includes('too hard')")
    page.click("main form button[type=submit]")
    assert "Saved as version 2" in page.locator(".govuk-notification-banner").inner_text()
    _check(page, failures)

    # Open it, make class codes and open the class sheet.
    page.goto(consultation_url)
    page.click("text=Open it now")
    assert "now open" in page.locator(".govuk-notification-banner").inner_text()
    page.click("text=Class codes and class sheets")
    _check(page, failures)
    page.select_option("#school", label="Riverside Primary School")
    page.check("input[name=years][value='5']")
    page.click("main form button[type=submit]")
    assert "1 class code ready for Riverside Primary School." in page.locator(".govuk-notification-banner").inner_text()
    code = page.locator(".engage-code").first.inner_text()
    page.click("text=class sheets")
    assert page.locator(".engage-sheet__code").first.inner_text() == code
    assert page.locator(f"text={live_server}/join/{code}").count() == 1
    assert page.locator("svg.engage-qr[role=img]").count() >= 1
    _check(page, failures)
    page.emulate_media(media="print")
    assert not page.locator(".engage-header").is_visible()
    assert page.locator(".engage-sheet").first.is_visible()
    page.emulate_media(media="screen")

    page.goto(consultation_url)
    assert "Survey version" in page.inner_text("dl") and "2" in page.inner_text("dl")
    for path in ["/workspace/", "/workspace/consultations", "/workspace/schools", "/workspace/schools/new",
                 "/workspace/participation", "/workspace/surveys/import"]:
        page.goto(live_server + path)
        _check(page, failures)
    page.goto(consultation_url + "/participation")
    _check(page, failures)
    assert failures == {}


def test_admin_pages_pass_axe(page, live_server, app):
    from engage.db import get_session

    with app.app_context():
        email = make_user(get_session(), Role.ADMIN, email="admin@example.org").email
    failures: dict = {}
    _sign_in(page, live_server, email, TOTP_SECRET)
    for path in ["/workspace/audit", "/workspace/accounts"]:
        page.goto(live_server + path)
        _check(page, failures)
    page.click("text=Sign out")
    page.wait_for_url(re.compile(r"/auth/sign-in"))
    _check(page, failures)
    assert failures == {}


def test_officer_builds_a_question_and_previews_it_as_primary(page, live_server, officer):
    """Issue 3: add a question with options and tags, see its grade, save, preview as primary; axe-clean."""
    failures: dict = {}
    _sign_in(page, live_server, officer)

    # A new survey, so this journey does not depend on the annual survey's translations.
    page.goto(f"{live_server}/workspace/surveys")
    page.click("text=Start a new survey")
    _check(page, failures)
    page.fill("#family", "park-survey")
    page.fill("#title", "Our park")
    page.check("input[name=variants][value=primary]")
    page.check("input[name=variants][value=secondary]")
    page.fill("#page_id", "park")
    page.fill("#page_title", "Our park")
    page.fill("#item_id", "like_park")
    page.select_option("#item_type", "scale")
    page.select_option("#value", "3")
    page.fill("#question", "I like my park.")
    page.click("main form button[type=submit]")
    assert "Created park-survey" in page.locator(".govuk-notification-banner").inner_text()
    _check(page, failures)

    # Add a choice question with options, a value and a sub-theme, by keyboard-reachable plain forms.
    page.click("main >> text=Add a question >> nth=0")
    _check(page, failures)
    page.fill("#item_id", "park_fun")
    page.select_option("#type", "single")
    page.select_option("#value", "3")
    page.select_option("#subtheme", "3a")
    hard = "Considering recreational infrastructure, which facilities necessitate improvement?"
    page.fill("#text_primary", hard)
    page.wait_for_function("() => document.querySelector('#text_primary-grade').textContent.includes('too hard')")
    page.fill("#text_primary", "What do you like to do in the park?")
    page.wait_for_function("() => !document.querySelector('#text_primary-grade').textContent.includes('too hard')")
    page.fill("#text_secondary", "What do you like to do in the park?")
    for n, (option_id, label) in enumerate([("swings", "Go on the swings"), ("ball", "Play ball games"),
                                            ("walk", "Go for a walk")]):
        page.fill(f"#options-{n}-id", option_id)
        page.fill(f"#options-{n}-label", label)
    page.click("button[value=check]")
    assert "No problems found" in page.inner_text("main")
    _check(page, failures)
    page.click("button[value=save]")
    assert "Saved as version 2" in page.locator(".govuk-notification-banner").inner_text()
    assert page.locator("#item-park_fun").count() == 1

    # Preview as primary: one question a page, the respondent's own look; nothing is saved.
    page.click("text=Preview as Primary")
    _check(page, failures)
    page.click("text=Next page >> nth=0")
    assert page.locator("h1").inner_text() == "What do you like to do in the park?"
    assert page.locator("label:has-text('Go on the swings')").count() == 1
    assert "engage-primary" in page.locator("body").get_attribute("class")
    _check(page, failures)

    # A refused save shows the problem beside the field, and passes axe too.
    page.goto(f"{live_server}/workspace/surveys/park-survey/items/park_fun")
    page.fill("#text_primary", hard)
    page.click("button[value=save]")
    assert page.locator("#text_primary-error").is_visible()
    _check(page, failures)
    assert failures == {}


def test_officer_pages_fit_a_phone_screen(page, live_server, officer, app, demo):
    """Tables with hidden link text (Change, Edit) scroll in their own box; the page never scrolls sideways."""
    from sqlalchemy import select

    from engage.db import get_session
    from engage.models import Consultation
    from tests.browser.conftest import overflows_sideways

    with app.app_context():
        annual = get_session().scalar(select(Consultation).where(Consultation.slug == demo["annual"])).id
    page.set_viewport_size({"width": 360, "height": 740})
    _sign_in(page, live_server, officer)
    wide, failures = [], {}
    for path in ("/workspace/schools", "/workspace/paper", "/workspace/surveys/annual-young-people",
                 f"/workspace/consultations/{annual}/codes", f"/workspace/consultations/{annual}/participation",
                 "/workspace/consultations"):
        page.goto(live_server + path)
        if overflows_sideways(page):
            wide.append(path)
        _check(page, failures)
    assert wide == [] and failures == {}


def test_admin_adds_an_account_on_a_phone_and_its_owner_chooses_a_password(page, live_server, app):
    """The accounts pages fit 360px (a long link and email wrap), pass axe, and the link works."""
    from engage.db import get_session
    from tests.browser.conftest import overflows_sideways

    with app.app_context():
        email = make_user(get_session(), Role.ADMIN, email="admin@example.org").email
    page.set_viewport_size({"width": 360, "height": 740})
    _sign_in(page, live_server, email, TOTP_SECRET)
    wide, failures = [], {}

    def look(name):
        if overflows_sideways(page):
            wide.append(name)
        _check(page, failures)

    page.goto(live_server + "/workspace/accounts")
    look("accounts")
    page.click("text=Add an account")
    page.fill("#email", "a.very.long.name.for.a.head.teacher@riverside-primary.example.org")
    page.check("input[value=officer]")
    page.click("text=Add the account")
    look("added")
    link = page.inner_text("#password-link")
    page.click("text=Back to accounts")
    page.click("a:has-text('Change'):near(:text('a.very.long.name'))")
    look("account")
    page.click("text=Sign out")
    page.goto(link)
    look("choose a password")
    page.fill("#new_password", "otter lantern gravel spoon")
    page.fill("#confirm", "otter lantern gravel spoon")
    page.click("text=Save my password")
    page.wait_for_url(re.compile(r"/auth/sign-in"))
    sign_in(page, live_server, "a.very.long.name.for.a.head.teacher@riverside-primary.example.org",
            "otter lantern gravel spoon")
    page.wait_for_url(re.compile(r"/workspace/$"))
    assert wide == [] and failures == {}


def test_status_tags_that_wrap_keep_apart_on_a_phone(page, live_server, officer, demo):
    """In the narrow status column "Open" and "Demo" wrap onto two lines: a gap stays between them."""
    page.set_viewport_size({"width": 360, "height": 740})
    _sign_in(page, live_server, officer)
    page.goto(live_server + "/workspace/consultations")
    boxes = page.evaluate("""() => [...document.querySelectorAll('.engage-tags')].map(group =>
        [...group.querySelectorAll('.govuk-tag')].map(tag => {
            const r = tag.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }))""")
    pairs = [(a, b) for tags in boxes for a, b in zip(tags, tags[1:], strict=False)]
    assert pairs
    for (l1, t1, r1, b1), (l2, t2, r2, b2) in pairs:
        apart_sideways = l2 >= r1 + 2 or l1 >= r2 + 2
        apart_down = t2 >= b1 + 2 or t1 >= b2 + 2
        assert apart_sideways or apart_down, boxes
