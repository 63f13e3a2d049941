"""Comments are screened while the respondent waits; their value tags follow in batches, and no
officer ever reads a comment, summary, export or API answer before its tags are there."""
from pathlib import Path

import pytest
from sqlalchemy import func, select

from engage.models import Answer, AnswerTag, Role, SafeguardingFlag, TagSource
from engage.models._time import utcnow
from engage.services import api_tokens, free_text
from engage.services import responses as rsp
from tests.conftest import csrf_token
from tests.workspace.factories import make_user, sign_in_as

PARKS = "the parks are lovely but there is nothing for teenagers to do in the evenings"
DISCLOSURE = "i dont like going home when hes been drinking, he shouts and hits my mum"


@pytest.fixture
def submitted(app, db, demo):
    """A consultation with one submitted comment (waiting for its tags), and its id."""
    from engage.services.consultations import survey_of
    from engage.services.setup import create_consultation

    consultation = create_consultation(db, "annual-young-people", "waiting", "Waiting", ["secondary", "parent"],
                                       None, None, status="open")
    db.commit()
    items = survey_of(consultation.version).items()
    with app.app_context():
        response = rsp.start_response(db, consultation, "parent", utcnow())
        rsp.submit(db, response.token, items, {"help_better": rsp.AnswerValue(text=PARKS)}, utcnow())
    return consultation


def _waiting(db) -> int:
    db.rollback()  # read afresh what the app committed
    return db.scalar(select(func.count(Answer.id)).where(Answer.needs_tagging.is_(True)))


def _model_tags(db, text: str) -> list[AnswerTag]:
    db.rollback()
    return db.scalars(select(AnswerTag).join(Answer, Answer.id == AnswerTag.answer_id)
                      .where(Answer.text == text, AnswerTag.source == TagSource.MODEL)
                      .order_by(AnswerTag.rank)).all()


def _officer(app, db):
    client = app.test_client()
    sign_in_as(client, make_user(db, Role.OFFICER))
    return client


def test_a_saved_comment_waits_for_its_tags_but_not_for_its_screen(app, db, submitted):
    answer = db.scalar(select(Answer).where(Answer.text == PARKS))
    assert answer.needs_tagging and answer.polarity is None and answer.text_language is None
    assert _model_tags(db, PARKS) == []
    assert free_text.tag_waiting(db) == 1
    answer = db.scalar(select(Answer).where(Answer.text == PARKS))
    assert not answer.needs_tagging and -1 <= answer.polarity <= 1
    tags = _model_tags(db, PARKS)
    assert tags and tags[0].value_id in range(1, 6) and 0 < tags[0].confidence <= 1
    assert free_text.tag_waiting(db) == 0  # nothing left: a second run does nothing


def test_a_disclosure_is_flagged_in_the_same_save_before_any_tagging(app, db, demo):
    from tests.respond.journey import begin
    from tests.respond.test_safeguarding_journey import _first_text_page, _post_text

    client = app.test_client()
    begin(client, demo["annual"], "secondary")
    number, page = _first_text_page(client)
    result = _post_text(client, number, page, DISCLOSURE)
    assert result.headers["Location"].endswith("/help")
    flag = db.scalar(select(SafeguardingFlag))
    answer = db.scalar(select(Answer).where(Answer.text == DISCLOSURE))
    assert flag.text == DISCLOSURE and flag.response_id == answer.response_id
    assert answer.needs_tagging and _model_tags(db, DISCLOSURE) == []


def _comments_page(app, db, consultation):
    page = _officer(app, db).get(f"/workspace/comments/{consultation.id}")
    assert page.status_code == 200
    return page.text


def test_the_comment_review_shows_the_comment_with_its_tags(app, db, submitted):
    from engage.comments.viewmodel import value_label
    from engage.results.summary import framework

    html = _comments_page(app, db, submitted)
    assert _waiting(db) == 0
    tags = _model_tags(db, PARKS)
    with app.app_context():
        label = value_label(framework(), tags[0].value_id)
    assert PARKS in html and f"<li>{label}" in html and "Not tagged" not in html


def _summary_page(app, db, consultation):
    assert _officer(app, db).get(f"/workspace/insights/{consultation.id}").status_code == 200


def _download(app, db, consultation):
    client = _officer(app, db)
    page = client.get("/workspace/")
    with client.post(f"/workspace/insights/{consultation.id}/download/csv",
                     data={"csrf_token": csrf_token(page.text)}) as response:
        assert response.status_code == 200
        response.get_data()


def _api(app, db, consultation):
    with app.app_context():
        token = api_tokens.create(db, "dashboard", utcnow())
    for path in (f"/consultations/{consultation.id}/summary", f"/consultations/{consultation.id}/answers.csv"):
        got = app.test_client().get(f"/api/v1{path}", headers={"Authorization": f"Bearer {token}"})
        assert got.status_code == 200


def _cli(*args):
    def run(app, db, consultation):
        result = app.test_cli_runner().invoke(args=[a.format(id=consultation.id) for a in args])
        assert result.exit_code == 0, result.output
    return run


def _cli_export(app, db, consultation):
    _cli("export", "{id}", "--format", "csv", "--out", str(Path(app.instance_path) / "out.csv"))(app, db, consultation)


READERS = {"summary page": _summary_page, "download": _download, "API": _api,
           "summary command": _cli("summary", "{id}"), "export command": _cli_export,
           "count command": _cli("consultations", "count"), "tag command": _cli("comments", "tag")}


@pytest.mark.parametrize("read", READERS.values(), ids=READERS.keys())
def test_every_way_of_reading_results_tags_waiting_comments_first(app, db, submitted, read):
    assert _waiting(db) == 1
    read(app, db, submitted)
    assert _waiting(db) == 0 and _model_tags(db, PARKS)


def test_the_tag_command_says_what_it_did(app, db, submitted):
    result = app.test_cli_runner().invoke(args=["comments", "tag"])
    assert result.exit_code == 0 and "Tagged 1 of 1 waiting comments; 0 wait now." in result.output


def test_the_summary_never_counts_a_response_whose_comment_waits(app, db, submitted):
    from engage.results import summary

    with app.app_context():
        assert summary.fold_new(db, submitted) == 0
        free_text.tag_waiting(db)
        assert summary.fold_new(db, submitted) == 1


def test_a_changed_comment_loses_its_old_tags_and_waits_again(app, db, demo):
    from tests.respond.journey import begin
    from tests.respond.test_safeguarding_journey import _first_text_page, _post_text

    client = app.test_client()
    begin(client, demo["annual"], "parent")
    number, page = _first_text_page(client)
    _post_text(client, number, page, PARKS)
    free_text.tag_waiting(db)
    assert _model_tags(db, PARKS)
    again = client.get(f"/answer/{number}")
    _post_text(client, number, again, "the buses stop running at six so we cannot get home")
    db.rollback()
    answer = db.scalar(select(Answer).where(Answer.text.is_not(None)))
    assert answer.needs_tagging and answer.polarity is None
    assert db.scalar(select(func.count(AnswerTag.id)).where(AnswerTag.answer_id == answer.id)) == 0


def test_tags_of_a_text_that_changed_meanwhile_are_not_written(app, db, submitted):
    """Two servers may tag at once, or a respondent edit while the tagger runs: only tags of the
    text as it still stands are stored."""
    from engage.analysis.analyse import analyse

    answer_id = db.scalar(select(Answer.id).where(Answer.text == PARKS))
    stale = analyse(["an older wording of the comment"], free_text.tagger())
    with app.app_context():
        assert free_text._write_tags(db, [(answer_id, "an older wording of the comment")], stale) == 0
    assert _waiting(db) == 1 and _model_tags(db, PARKS) == []


def test_tagging_never_overwrites_an_officers_tag(app, db, submitted):
    answer_id = db.scalar(select(Answer.id).where(Answer.text == PARKS))
    db.add(AnswerTag(answer_id=answer_id, value_id=5, confidence=1.0, rank=0, source=TagSource.OFFICER))
    db.commit()
    free_text.tag_waiting(db)
    db.rollback()
    officer = db.scalars(select(AnswerTag).where(AnswerTag.answer_id == answer_id,
                                                 AnswerTag.source == TagSource.OFFICER)).all()
    assert [(t.value_id, t.confidence) for t in officer] == [(5, 1.0)] and _model_tags(db, PARKS)
