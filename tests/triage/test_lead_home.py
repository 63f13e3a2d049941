"""The lead sees open concerns on the workspace home page and in the menu, immediate first."""
from datetime import timedelta

from engage.models import Role
from engage.models._time import utcnow
from tests.alerts.flags import add_flag
from tests.workspace.factories import make_user, sign_in_as


def _signed_in_lead(app, db, **kwargs):
    lead = make_user(db, Role.SAFEGUARDING_LEAD, **kwargs)
    staff = app.test_client()
    sign_in_as(staff, lead)
    return staff


def test_home_page_lists_open_concerns_most_urgent_first(app, db, demo):
    check = add_flag(db, demo, severity="check", created_at=utcnow() - timedelta(days=2))
    concern = add_flag(db, demo, severity="concern", created_at=utcnow() - timedelta(hours=5))
    immediate = add_flag(db, demo, severity="immediate")
    home = _signed_in_lead(app, db).get("/workspace/").text
    assert "3 open concerns need you: 1 immediate, 1 concern, 1 marked “please check”" in home
    listed = home[home.index('id="open-concerns"'):]
    positions = [listed.index(f"/workspace/safeguarding/{f.id}\"") for f in (immediate, concern, check)]
    assert positions == sorted(positions)
    assert "Please check" in listed and "waiting 2 days" in listed and "waiting 5 hours" in listed
    assert "will be listed here" not in home


def test_the_menu_shows_open_concerns_on_every_workspace_page(app, db, demo):
    add_flag(db, demo, severity="immediate")
    add_flag(db, demo, severity="concern")
    staff = _signed_in_lead(app, db)
    for page in ("/workspace/", "/workspace/consultations"):
        assert "Safeguarding <strong class=\"govuk-tag govuk-tag--red engage-nav-count\">2 open, 1 immediate" \
            in staff.get(page).text


def test_a_lead_with_nothing_open_is_told_so(app, db, demo):
    home = _signed_in_lead(app, db).get("/workspace/").text
    assert "There are no open concerns." in home and "engage-nav-count" not in home


def test_other_roles_see_no_counts(app, db, demo):
    add_flag(db, demo, severity="immediate")
    officer = make_user(db, Role.OFFICER)
    staff = app.test_client()
    sign_in_as(staff, officer)
    home = staff.get("/workspace/").text
    assert "open concerns" not in home and "engage-nav-count" not in home


def test_the_queue_and_a_concern_say_how_long_it_waited_in_words(app, db, demo):
    fresh = add_flag(db, demo, severity="concern", created_at=utcnow() - timedelta(seconds=90))
    add_flag(db, demo, severity="check", created_at=utcnow() - timedelta(days=3, minutes=5))
    staff = _signed_in_lead(app, db)
    queue = staff.get("/workspace/safeguarding/").text
    assert "waiting 3 days" in queue and " min<" not in queue and "4325" not in queue
    concern = staff.get(f"/workspace/safeguarding/{fresh.id}").text
    assert "1 minute so far" in concern and "1 minutes" not in concern


def test_a_concern_says_who_wrote_it_and_the_question_in_words(app, db, demo):
    from engage.definitions.survey import survey_of

    flag = add_flag(db, demo, severity="concern")
    item = next(i for i in survey_of(flag.response.version).items() if i.text.get("secondary"))
    flag.item_key = item.id
    db.commit()
    staff = _signed_in_lead(app, db)
    concern = staff.get(f"/workspace/safeguarding/{flag.id}").text
    assert "Young people aged 11 to 16" in concern and item.text["secondary"] in concern
    assert f"(question {item.id})" not in concern and "Survey version" not in concern
    assert "(young people aged 11 to 16)" in staff.get("/workspace/safeguarding/").text
