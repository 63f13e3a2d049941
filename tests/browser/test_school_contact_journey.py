"""In Chromium, as a school contact: a saved ballot tally stays in view, and the school's own
ballot results open, with small numbers hidden."""
import pytest
from sqlalchemy import select

from engage.models import Consultation, Role, School
from tests.browser.conftest import axe_violations
from tests.browser.test_officer_journey import sign_in
from tests.workspace.factories import make_user

pytestmark = pytest.mark.browser
SLUG = "priority-ballot-demo"


@pytest.fixture
def contact(live_server, app):
    """A school contact for Park Hill; Riverside has already sent in a tally of its own."""
    from engage.db import get_session
    from engage.services import ballots

    with app.app_context():
        db = get_session()
        park_hill = db.scalar(select(School).where(School.name.like("Park Hill%")))
        riverside = db.scalar(select(School).where(School.name.like("Riverside%")))
        consultation = db.scalar(select(Consultation).where(Consultation.slug == SLUG))
        ballots.save_tally(db, consultation, "top_issue", riverside, 40, {"clean_air": 40}, None)
        return make_user(db, Role.SCHOOL_CONTACT, schools=[park_hill]).email


def test_the_saved_tally_and_the_schools_own_results_are_shown(page, live_server, contact):
    sign_in(page, live_server, contact)
    page.click(".engage-workspace-nav >> text=Ballots")
    page.click("text=Enter a school's tally")
    page.select_option("#school", label="Park Hill Secondary School")
    page.fill("#ballots_cast", "30")
    for option, votes in {"safe_streets": "12", "mental_health": "10", "cheap_buses": "6", "things_to_do": "2"}.items():
        page.fill(f"#votes_{option}", votes)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()

    assert "Tally saved" in page.locator(".govuk-notification-banner").inner_text()
    saved = page.locator("#saved-tallies tbody tr").all_inner_texts()
    assert len(saved) == 1 and saved[0].split("\t")[:6] == ["Park Hill Secondary School", "30", "12", "10", "6", "2"]
    assert page.input_value("#ballots_cast") == "30" and page.input_value("#votes_safe_streets") == "12"
    assert axe_violations(page) == []

    response = page.context.request.get(page.url)  # the page reloads as it was
    assert response.status == 200
    with page.expect_navigation():
        page.click("text=See the results with these tallies counted")
    assert page.url.endswith("/ballots") and "Your schools' ballot results" in page.inner_text("h1")
    assert "30 in all" in page.inner_text("main")  # Riverside's 40 are not counted here
    by_school = page.locator("table").locator("tbody tr").all_inner_texts()
    assert [row.split("\t")[0] for row in by_school] == ["Park Hill Secondary School", "Total"]
    assert "fewer than 5" in by_school[0] and "\t2\t" not in by_school[0]  # two votes could name pupils
    assert axe_violations(page) == []
