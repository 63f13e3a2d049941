"""The results pages: who may see them, what they show, and logged downloads."""
import pytest
from sqlalchemy import select

from engage.models import AuditEvent, Role
from tests.conftest import csrf_token
from tests.summary.known import DISCLOSURE, HYPERLINK, build_known
from tests.workspace.factories import make_user, sign_in_as


@pytest.fixture
def known(loaded, db, monkeypatch):
    return build_known(db, monkeypatch)


def _as(client, db, role):
    user = make_user(db, role)
    sign_in_as(client, user)
    return user


def test_officer_sees_summary_with_charts_and_tables(client, db, known):
    _as(client, db, Role.OFFICER)
    page = client.get(f"/workspace/insights/{known.consultation.id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert html.count('-title value-') == 5  # one net agreement chart per value, each with its table
    # And the answer distribution of each answered question, as a stacked bar chart with its table.
    assert html.count('role="img"') == 5 + 1
    assert '<title id="answers-home_ok-title">' in html and "Answers: " in html
    assert "<title id=\"value-1-title\">" in html and "<desc id=\"value-1-desc\">" in html
    assert "Net agreement, Safe and supported" in html  # the chart's table
    assert "52.2" in html and "fewer than 5" in html
    assert "We need more street lights in the park" in html
    assert DISCLOSURE not in html
    assert "style=" not in html.split("<main", 1)[1]


def test_filters_narrow_the_summary(client, db, known):
    _as(client, db, Role.OFFICER)
    html = client.get(f"/workspace/insights/{known.consultation.id}?audience=parent").get_data(as_text=True)
    assert "10 responses match your filters" in html


@pytest.mark.parametrize("role, status", [(Role.SCHOOL_CONTACT, 403), (Role.SAFEGUARDING_LEAD, 403),
                                          (Role.YOUTH_COUNCIL, 404), (Role.ADMIN, 200)])
def test_who_may_see(client, db, known, role, status):
    _as(client, db, role)
    assert client.get(f"/workspace/insights/{known.consultation.id}").status_code == status


def test_youth_council_sees_aggregates_of_youth_led_only(client, db, known):
    known.consultation.youth_led = True
    db.commit()
    _as(client, db, Role.YOUTH_COUNCIL)
    html = client.get(f"/workspace/insights/{known.consultation.id}").get_data(as_text=True)
    assert "52.2" in html
    assert "street lights in the park" not in html.split("Things people often said")[-1]
    assert "In their words" not in html and "Download" not in html
    token = csrf_token(client.get("/workspace/").text)
    assert client.post(f"/workspace/insights/{known.consultation.id}/download/csv",
                       data={"csrf_token": token}).status_code == 403


def test_anonymous_goes_to_sign_in(client, known):
    response = client.get(f"/workspace/insights/{known.consultation.id}")
    assert response.status_code == 302 and "sign-in" in response.location


def test_download_is_streamed_escaped_and_audited(client, db, known):
    officer = _as(client, db, Role.OFFICER)
    page = client.get(f"/workspace/insights/{known.consultation.id}")
    # Closing the streamed response ends its request (and its read transaction).
    with client.post(f"/workspace/insights/{known.consultation.id}/download/csv",
                     data={"csrf_token": csrf_token(page.text)}) as response:
        assert response.status_code == 200
        assert "attachment" in response.headers["Content-Disposition"]
        body = response.get_data(as_text=True)
    assert "'" + HYPERLINK.replace('"', '""') in body and DISCLOSURE not in body
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "export"))
    assert (event.actor_id, event.target, event.detail) == (officer.id, "known", "format csv")


def test_download_is_a_post_with_a_csrf_token_so_no_link_can_write_the_audit_log(client, db, known):
    _as(client, db, Role.OFFICER)
    url = f"/workspace/insights/{known.consultation.id}/download/csv"
    page = client.get(f"/workspace/insights/{known.consultation.id}")
    assert f'<form method="post" action="{url}">' in page.text
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 400  # no token: the CSRF page, nothing exported
    assert db.scalar(select(AuditEvent).where(AuditEvent.action == "export")) is None


def test_counts_are_written_with_thousands_separators_and_labels_as_they_are():
    import numpy as np

    from engage.templating import count

    assert count(2000) == "2,000" and count(np.int64(1234567)) == "1,234,567" and count(7) == "7"
    assert count("fewer than 5") == "fewer than 5"


def test_date_filters_are_three_boxes_and_a_wrong_one_is_named(client, db, known):
    _as(client, db, Role.OFFICER)
    url = f"/workspace/insights/{known.consultation.id}"
    html = client.get(url).get_data(as_text=True)
    assert 'type="date"' not in html and 'name="date_from-month"' in html
    later = client.get(f"{url}?date_from-day=1&date_from-month=1&date_from-year=2099").get_data(as_text=True)
    assert "0 responses match your filters" in later
    wrong = client.get(f"{url}?date_from-day=31&date_from-month=6&date_from-year=2027&audience=parent")
    html = wrong.get_data(as_text=True)
    assert '<a href="#date_from">Sent on or after must be a real date: June has 30 days.</a>' in html
    assert 'value="31"' in html  # what was typed stays in its box
    assert "The results below are not filtered" in html
