"""A survey page's response and its saved answers read in one statement."""
import pytest
from sqlalchemy import select

from engage.definitions.survey import survey_of
from engage.models import Consultation
from engage.models._time import utcnow
from engage.services import response_rows
from engage.services import responses as rsp
from engage.services.errors import ResponseMissing
from engage.services.page_answers import AnswerValue


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


@pytest.mark.parametrize("token", [None, "", "no-such-token"])
def test_an_unknown_token_is_missing(db, demo, token):
    with pytest.raises(ResponseMissing):
        response_rows.read_response_with_answers(db, token)
