"""Use of feedback: a response counts as read once an officer has opened its comment in the review."""
from sqlalchemy import func, select

from engage.models import CommentRead, Role
from engage.services import plan
from tests.summary.known import build_known
from tests.workspace.factories import make_user, sign_in_as


def test_opening_the_comments_review_records_reads(client, db, loaded, monkeypatch):
    known = build_known(db, monkeypatch)
    cid = known.consultation.id
    assert plan.feedback_use(db, cid)["read"] == 0  # nobody has opened or tagged anything yet
    officer = make_user(db, Role.OFFICER)
    sign_in_as(client, officer)
    page = client.get(f"/workspace/comments/{cid}")
    assert page.status_code == 200
    db.expire_all()
    # 8 unflagged comments on 8 responses were shown; the flagged disclosure never is.
    assert plan.feedback_use(db, cid)["read"] == 8
    assert db.scalar(select(func.count(CommentRead.id)).where(CommentRead.user_id == officer.id)) == 8
    client.get(f"/workspace/comments/{cid}")  # opening again records nothing new
    db.expire_all()
    assert db.scalar(select(func.count(CommentRead.id))) == 8
    html = client.get(f"/workspace/insights/{cid}/plan").get_data(as_text=True)
    assert "opened in the comments review" in html


def test_a_second_officer_reading_does_not_count_a_response_twice(client, db, loaded, monkeypatch):
    known = build_known(db, monkeypatch)
    cid = known.consultation.id
    for n in range(2):
        sign_in_as(client, make_user(db, Role.OFFICER, email=f"officer{n}@example.org"))
        client.get(f"/workspace/comments/{cid}")
    db.expire_all()
    assert db.scalar(select(func.count(CommentRead.id))) == 16
    assert plan.feedback_use(db, cid)["read"] == 8
