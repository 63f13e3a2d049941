"""Officers correct value tags; corrections are stored and retrain the model."""
import json

from sqlalchemy import select

from engage.models import Answer, AnswerTag, Role, SafeguardingFlag
from tests.conftest import csrf_token
from tests.respond.journey import begin, complete, fill
from tests.respond.test_safeguarding_journey import DISCLOSURE
from tests.workspace.factories import make_user, sign_in_as

COMMENT = "We need a youth club open on Friday nights in our village"


def _submit_with_text(client, demo, text):
    begin(client, demo["annual"], "secondary")
    complete(client, answer=lambda html: fill(html, text=text))


def _consultation_id(db):
    from engage.models import Response

    return db.scalar(select(Response.consultation_id))


def test_officer_sees_comments_and_corrects_a_tag(app, client, demo, db):
    _submit_with_text(client, demo, COMMENT)
    officer = make_user(db, Role.OFFICER)
    staff = app.test_client()
    sign_in_as(staff, officer)
    url = f"/workspace/comments/{_consultation_id(db)}"
    page = staff.get(url)
    assert page.status_code == 200 and COMMENT in page.text
    answer_id = db.scalar(select(Answer.id).where(Answer.text == COMMENT))
    saved = staff.post(url, data={"csrf_token": csrf_token(page.text), "answer_id": answer_id,
                                  "tag": "4:4d"})
    assert saved.status_code == 302
    db.rollback()  # end the test session's read snapshot to see the app's write
    tags = db.scalars(select(AnswerTag).where(AnswerTag.answer_id == answer_id)).all()
    assert [(t.value_id, t.subtheme_id, t.source, t.user_id) for t in tags] == [(4, "4d", "officer", officer.id)]


def test_flagged_text_is_not_listed(app, client, demo, db):
    _submit_with_text(client, demo, DISCLOSURE)
    assert db.scalar(select(SafeguardingFlag.id)) is not None
    staff = app.test_client()
    sign_in_as(staff, make_user(db, Role.OFFICER))
    page = staff.get(f"/workspace/comments/{_consultation_id(db)}")
    assert "drinking" not in page.text


def test_youth_council_cannot_read_comments(app, client, demo, db):
    _submit_with_text(client, demo, COMMENT)
    staff = app.test_client()
    sign_in_as(staff, make_user(db, Role.YOUTH_COUNCIL))
    assert staff.get(f"/workspace/comments/{_consultation_id(db)}").status_code == 403


def test_model_train_uses_officer_corrections(app, client, demo, db, runner):
    from engage.services.corrections import correct_tag, officer_examples
    from engage.workspace.support import framework

    _submit_with_text(client, demo, COMMENT)
    officer = make_user(db, Role.OFFICER)
    answer_id = db.scalar(select(Answer.id).where(Answer.text == COMMENT))
    with app.app_context():
        correct_tag(db, framework(), answer_id, 3, "3e", officer)
    assert (COMMENT, 3, "3e") in officer_examples(db)
    result = runner.invoke(args=["model", "train"])
    assert result.exit_code == 0, result.output
    assert "1 officer correction" in result.output
    from pathlib import Path

    assert (Path(app.instance_path) / "value_model.joblib").exists()


def test_classify_command_writes_one_json_line_per_input(runner, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": "the park has no swings"}) + "\n"
                      + "my dad hits me when hes drunk\n")
    result = runner.invoke(args=["classify", str(source)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 2
    assert lines[0]["safeguarding"]["flag"] is False and 1 <= lines[0]["primary_value"] <= 5
    assert lines[1]["safeguarding"]["flag"] is True
