"""A survey page's response and its saved answers read in one statement."""
import pytest
from sqlalchemy import select

from engage.definitions.survey import survey_of
from engage.models import Answer, Consultation
from engage.models._time import utcnow
from engage.services import page_answers, response_rows
from engage.services import responses as rsp
from engage.services.errors import ResponseMissing
from engage.services.page_answers import AnswerValue
from tests.conftest import ON_POSTGRES


def _started(db, slug: str, variant: str = "parent"):
    consultation = db.scalar(select(Consultation).where(Consultation.slug == slug))
    return rsp.start_response(db, consultation, variant, utcnow()), survey_of(consultation.version)


def test_the_response_comes_with_its_own_answers_only(db, demo):
    amira, survey = _started(db, demo["annual"])
    ben, _ = _started(db, demo["annual"])
    items = [i for p in survey.pages_for("parent") for i in p.items if i.type == "single"][:2]
    assert len(items) == 2
    mine = {items[0].id: AnswerValue(value=items[0].options[0].id)}
    rsp.save_page(db, amira.token, items, mine, 2, utcnow())

    read, saved = response_rows.read_response_with_answers(db, amira.token)
    assert (read.id, read.token, read.variant) == (amira.id, amira.token, "parent")
    assert set(saved) == {items[0].id} and saved[items[0].id].value == items[0].options[0].id
    read, saved = response_rows.read_response_with_answers(db, ben.token)
    assert read.id == ben.id and saved == {}  # a response with no answers is still one row


def test_every_saved_answer_reads_back_as_stored(db, demo):
    """Answers come back as one JSON column: values, choice lists and text with quotes, line breaks
    and other scripts read exactly as the answers table holds them, on the page and under the lock."""
    response, survey = _started(db, demo["annual"], "secondary")
    items = [i for p in survey.pages_for("secondary") for i in p.items]
    multi = next(i for i in items if i.type == "multi")
    text = next(i for i in items if i.type == "text")
    single = next(i for i in items if i.type in ("single", "scale") and i.options)
    given = {multi.id: AnswerValue(choices=[multi.options[1].id, multi.options[0].id]),
             text.id: AnswerValue(text='She said "no" \\ then left.\nLine two: مرحبا, zażółć, 😊'),
             single.id: AnswerValue(value=single.options[-1].id)}
    rsp.save_page(db, response.token, [multi, text, single], given, 2, utcnow())
    stored = {a.item_key: a for a in db.scalars(select(Answer).where(Answer.response_id == response.id))}

    _, saved = response_rows.read_response_with_answers(db, response.token)
    assert {key: (a.value, a.choices, a.text) for key, a in saved.items()} == {
        key: (a.value, a.choices, a.text) for key, a in stored.items()}
    assert saved[text.id].text == given[text.id].text
    if ON_POSTGRES:  # the page's post locks the row with its answers
        _, locked = response_rows.read_response_to_save(db, response.token)
    else:
        locked = page_answers.lock_response(db, response.token, utcnow())
    assert {key: (a.id, a.text) for key, a in locked.answers.items()} == {
            key: (a.id, a.text) for key, a in stored.items()}
    db.rollback()


@pytest.mark.parametrize("token", [None, "", "no-such-token"])
def test_an_unknown_token_is_missing(db, demo, token):
    with pytest.raises(ResponseMissing):
        response_rows.read_response_with_answers(db, token)
