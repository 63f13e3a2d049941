"""The synthetic data generator behind `demo --responses N`."""
from sqlalchemy import func, select

from engage.models import Answer, AnswerTag, Response
from tests.summary.known import StubTagger


def test_demo_with_responses(runner, loaded, db, monkeypatch):
    from engage.services import free_text

    monkeypatch.setattr(free_text, "tagger", lambda: StubTagger())
    with loaded.app_context():  # `flask` pushes one for every command; the runner does not
        result = runner.invoke(args=["demo", "--responses", "300"])
    assert result.exit_code == 0, result.output
    # 300 this year, and 150 in last year's wave of the same series.
    assert db.scalar(select(func.count(Response.id)).where(Response.status == "submitted")) == 450
    answers = db.scalar(select(func.count(Answer.id)))
    texts = db.scalar(select(func.count(Answer.id)).where(Answer.text.is_not(None)))
    assert 450 * 15 < answers < 450 * 40
    assert texts == 900
    assert db.scalar(select(func.count(AnswerTag.id))) == 900
    variants = dict(db.execute(select(Response.variant, func.count()).group_by(Response.variant)).all())
    assert set(variants) == {"primary", "secondary", "post16", "parent", "professional"}
    summary = runner.invoke(args=["summary", "annual-survey-demo"])
    assert summary.exit_code == 0, summary.output
    # The demo school contact looks after a school the demo printed class codes for, not
    # whichever of the many demo schools sorts first.
    from engage.models import AccessCode, Role, User

    contact = db.scalar(select(User).where(User.role == Role.SCHOOL_CONTACT))
    coded = set(db.scalars(select(AccessCode.school_id).where(AccessCode.school_id.is_not(None))))
    assert contact.school_ids and contact.school_ids <= coded


def test_demo_fills_to_a_size_once_so_make_run_can_run_again(runner, loaded, db, monkeypatch):
    from engage.services import free_text

    monkeypatch.setattr(free_text, "tagger", lambda: StubTagger())
    submitted = select(Response.consultation_id, func.count()).where(Response.status == "submitted") \
        .group_by(Response.consultation_id)
    with loaded.app_context():
        first = runner.invoke(args=["demo", "--fill-to", "120"])
        assert first.exit_code == 0, first.output
        after_first = dict(db.execute(submitted).all())
        again = runner.invoke(args=["demo", "--fill-to", "120"])
        assert again.exit_code == 0, again.output
    db.rollback()
    assert sorted(after_first.values()) == [60, 120]  # this year, and half as many last year
    assert dict(db.execute(submitted).all()) == after_first
