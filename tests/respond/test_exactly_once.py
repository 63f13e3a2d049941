"""A double click, a refresh or a re-post of the final page stores exactly one response."""
import threading

from sqlalchemy import func, select

from engage.db import get_session
from engage.models import Answer, Response, ResponseStatus
from engage.models._time import utcnow
from engage.services import responses as rsp
from tests.respond.journey import begin, complete


def _count(db) -> int:
    return db.scalar(select(func.count(Response.id)))


def test_reposting_the_final_page_keeps_one_response(client, demo, db):
    begin(client, demo["annual"], "parent")
    with client.session_transaction() as s:
        token = s["response"]
    walk = complete(client)
    with client.session_transaction() as s:
        s["response"] = token  # a second in-flight request still carries the old cookie
    last_page = walk.pages
    replay = {**walk.last_post, **{k: "changed my mind" for k in walk.last_post if k.endswith("_better")}}
    again = client.post(f"/answer/{last_page}", data=replay)
    assert again.status_code == 302 and again.headers["Location"].endswith("/thanks")
    assert _count(db) == 1
    texts = db.scalars(select(Answer.text).where(Answer.text.is_not(None))).all()
    assert "changed my mind" not in texts


def test_refresh_after_submitting_shows_thanks(client, demo, db):
    begin(client, demo["annual"], "professional")
    walk = complete(client)
    again = client.post(f"/answer/{walk.pages}", data=walk.last_post)
    assert again.status_code == 302 and again.headers["Location"].endswith("/thanks")
    assert _count(db) == 1


def test_concurrent_submits_of_one_response_store_it_once(app, demo):
    with app.app_context():
        consultation_id = None
        session = get_session()
        from engage.services.consultations import get_consultation

        consultation = get_consultation(session, demo["annual"])
        consultation_id = consultation.id
        token = rsp.start_response(session, consultation, "parent", utcnow()).token
    errors: list[BaseException] = []

    def submit():
        try:
            with app.app_context():
                rsp.submit(get_session(), token, [], {}, utcnow())
        except BaseException as exc:  # noqa: BLE001  (reported by the assertion below)
            errors.append(exc)

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    with app.app_context():
        rows = get_session().scalars(select(Response).where(Response.consultation_id == consultation_id)).all()
        assert [r.status for r in rows] == [ResponseStatus.SUBMITTED]
