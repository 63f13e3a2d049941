"""In Chromium, as a youth council member: the home page tells the truth about what is open."""
import pytest

from engage.models import Role
from tests.browser.conftest import axe_violations
from tests.browser.test_officer_journey import sign_in
from tests.workspace.factories import make_user

pytestmark = pytest.mark.browser


def test_home_lists_the_open_consultations_the_youth_council_does_not_run(page, live_server, app):
    from engage.db import get_session

    with app.app_context():
        email = make_user(get_session(), Role.YOUTH_COUNCIL).email
    sign_in(page, live_server, email)
    words = page.inner_text("main")
    assert "No consultations are open" not in words
    assert "None of the youth council’s consultations are open" in words
    listed = page.locator("#others-open li").all_inner_texts()
    assert sorted(listed) == sorted(["Growing up here: have your say", "Have your say on the draft plan",
                                     "Youth council priority ballot"])
    assert axe_violations(page) == []
