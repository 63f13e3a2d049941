"""In Chromium: two-step sign-in (setting it up, then signing in with it) and changing a password."""
import re

import pyotp
import pytest

from engage.models import Role
from tests.browser.conftest import axe_violations, enter_code, sign_in
from tests.workspace.factories import PASSWORD, make_user

pytestmark = pytest.mark.browser
NEW_PASSWORD = "plum kettle seven harbour"


@pytest.fixture
def lead(live_server, app):
    """A safeguarding lead who has not set up an authenticator app yet."""
    from engage.db import get_session

    with app.app_context():
        return make_user(get_session(), Role.SAFEGUARDING_LEAD, totp=False).email


@pytest.fixture
def officer(live_server, app):
    """An officer (password only, two-step offered)."""
    from engage.db import get_session

    with app.app_context():
        return make_user(get_session(), Role.OFFICER, email="officer@example.org").email


def test_a_lead_sets_up_two_step_sign_in_then_signs_in_with_it(browser, live_server, lead, tmp_path):
    page = browser.new_context().new_page()
    page.goto(f"{live_server}/workspace/safeguarding/")
    sign_in(page, live_server, lead, PASSWORD)
    page.wait_for_url(re.compile(r"/auth/two-step/set-up$"))
    assert page.locator("figure.engage-qr svg").is_visible()
    assert axe_violations(page) == []
    page.screenshot(path=str(tmp_path / "set-up.png"), full_page=True)
    secret = page.locator("#secret").inner_text().replace(" ", "")
    page.fill("#code", "123456" if pyotp.TOTP(secret).now() != "123456" else "654321")
    page.click("main form button[type=submit]")
    assert page.locator(".govuk-error-summary").is_visible() and axe_violations(page) == []
    page.fill("#code", pyotp.TOTP(secret).now())
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/auth/two-step/recovery-codes$"))
    codes = page.locator("#recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and axe_violations(page) == []
    page.click("text=I have kept my codes: continue")
    page.wait_for_url(re.compile(r"/workspace/safeguarding/$"))
    page.click("text=Sign out")
    page.wait_for_url(re.compile(r"/auth/sign-in"))

    # Next time: password, then a recovery code (the app's code of this step was used up).
    page.goto(f"{live_server}/workspace/safeguarding/")
    sign_in(page, live_server, lead, PASSWORD)
    page.wait_for_url(re.compile(r"/auth/two-step$"))
    assert axe_violations(page) == []
    page.fill("#code", codes[0])
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/workspace/safeguarding/$"))


def test_an_officer_changes_their_password(browser, live_server, officer):
    page = browser.new_context().new_page()
    sign_in(page, live_server, officer, PASSWORD)
    page.wait_for_url(re.compile(r"/workspace/$"))
    page.click(f"text={officer}")
    page.wait_for_url(re.compile(r"/auth/account$"))
    assert axe_violations(page) == []
    page.click("a[href='/auth/password']")
    assert axe_violations(page) == []
    page.fill("#current_password", PASSWORD)
    page.fill("#new_password", "password12345")
    page.fill("#confirm", "password12345")
    page.click("main form button[type=submit]")
    assert "too easy to guess" in page.locator(".govuk-error-summary").inner_text()
    assert axe_violations(page) == []
    page.fill("#current_password", PASSWORD)
    page.fill("#new_password", NEW_PASSWORD)
    page.fill("#confirm", NEW_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/auth/account$"))
    assert "Your password is changed" in page.content()
    page.click("text=Sign out")
    page.wait_for_url(re.compile(r"/auth/sign-in"))
    sign_in(page, live_server, officer, NEW_PASSWORD)
    page.wait_for_url(re.compile(r"/workspace/$"))


def test_an_admin_signs_in_with_the_code_from_the_app(browser, live_server, app):
    from engage.db import get_session
    from tests.workspace.factories import TOTP_SECRET

    with app.app_context():
        email = make_user(get_session(), Role.ADMIN, email="admin@example.org").email
    page = browser.new_context().new_page()
    sign_in(page, live_server, email, PASSWORD)
    page.wait_for_url(re.compile(r"/auth/two-step$"))
    enter_code(page, TOTP_SECRET)
    page.wait_for_url(re.compile(r"/workspace/$"))
