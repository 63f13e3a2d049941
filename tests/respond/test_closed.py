"""A closed consultation says so plainly and stores nothing half-written."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from engage.definitions.survey import survey_of
from engage.models import Answer, Consultation, Response, ResponseStatus
from engage.models._time import utcnow
from engage.services import responses as rsp
from engage.services.errors import ConsultationClosed
from tests.conftest import csrf_token
from tests.respond.journey import begin, fill


def _close(db, slug: str) -> None:
    consultation = db.scalar(select(Consultation).where(Consultation.slug == slug))
    consultation.closes_at = utcnow() - timedelta(minutes=1)
    db.commit()


def test_closed_consultation_says_so(client, demo, db):
    _close(db, demo["annual"])
    page = client.get(f"/c/{demo['annual']}/secondary")
    assert page.status_code == 410
    assert "closed" in page.text.lower()
    assert f"/c/{demo['annual']}" not in client.get("/").text


def test_final_post_after_closing_stores_nothing(client, demo, db):
    begin(client, demo["annual"], "parent")
    page = client.get("/answer/1")
    data = {**fill(page.text), "csrf_token": csrf_token(page.text), "action": "next"}
    _close(db, demo["annual"])
    refused = client.post("/answer/1", data=data)
    assert refused.status_code == 410
    assert db.scalar(select(func.count(Answer.id))) == 0
    assert db.scalar(select(Response.status)) == ResponseStatus.IN_PROGRESS


def test_class_code_of_a_closed_consultation_expires(client, demo, db):
    _close(db, demo["annual"])
    code = demo["codes"][0][0]
    assert client.get(f"/join/{code}").status_code in (404, 410)


def test_a_save_that_finds_the_consultation_closed_under_the_lock_stores_nothing(app, demo, db):
    # The page was read while the consultation was open; it closed before the save took the lock.
    consultation = db.scalar(select(Consultation).where(Consultation.slug == demo["annual"]))
    response = rsp.start_response(db, consultation, "secondary", utcnow())
    item = next(i for i in survey_of(consultation.version).items() if i.type == "text")
    _close(db, demo["annual"])
    with pytest.raises(ConsultationClosed):
        rsp.save_page(db, response.token, [item], {item.id: rsp.AnswerValue(text="More parks")}, 2, utcnow())
    with pytest.raises(ConsultationClosed):
        rsp.submit(db, response.token, [item], {item.id: rsp.AnswerValue(text="More parks")}, utcnow())
    assert db.scalar(select(func.count(Answer.id))) == 0
    assert db.scalar(select(Response.status).where(Response.id == response.id)) == ResponseStatus.IN_PROGRESS


def _publish(db, slug: str) -> None:
    from engage.models import YouSaid
    from engage.services import plan

    consultation = db.scalar(select(Consultation).where(Consultation.slug == slug))
    wording = "You said parks feel unsafe after dark."
    db.add(YouSaid(consultation_id=consultation.id, value_id=1, text="Parks feel unsafe at night.",
                   child_text={"primary": "You said the park is too dark.", "secondary": wording,
                               "post16": wording}))
    db.commit()
    plan.publish(db, consultation, None)


def test_a_closed_survey_links_to_what_came_of_it(client, demo, db):
    _publish(db, demo["annual"])
    _close(db, demo["annual"])
    for url in (f"/c/{demo['annual']}", f"/c/{demo['annual']}/secondary", f"/join/{demo['codes'][0][0]}"):
        page = client.get(url, follow_redirects=True)
        assert page.status_code == 410, url
        assert (f'<a class="govuk-link" href="/you-said-we-did/{demo["annual"]}">'
                "See what you said and what we did</a>") in page.text, url


def test_a_closed_survey_with_nothing_published_yet_has_no_such_link(client, demo, db):
    _close(db, demo["annual"])
    page = client.get(f"/c/{demo['annual']}/secondary")
    assert page.status_code == 410 and "/you-said-we-did/" not in page.text
