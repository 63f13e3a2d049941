"""The comment review: uncertain tags first, filters, and labels in words."""
import re

import pytest
from sqlalchemy import select

from engage.analysis.tagging import UNCERTAIN_BELOW
from engage.models import Answer, AnswerTag, Role, TagSource
from engage.services import free_text
from tests.conftest import csrf_token
from tests.workspace.factories import make_user, sign_in_as

COMMENTS = [  # variant, question, text
    ("secondary", "safe_better", "we got evicted and now we live in a hostel"),
    ("secondary", "healthy_better", "everything is fine i guess"),
    ("parent", "help_better", "nursery fees are too expensive for us to go back to work"),
    ("parent", "services_better", "we waited nine months for camhs and nobody rang back"),
]


@pytest.fixture
def review(app, db, demo):
    """A consultation with four submitted comments, and an officer's client on its review."""
    from engage.models._time import utcnow
    from engage.services import responses as rsp
    from engage.services.consultations import survey_of
    from engage.services.setup import create_consultation

    consultation = create_consultation(db, "annual-young-people", "review", "Review", ["secondary", "parent"],
                                       None, None, status="open")
    db.commit()
    items = survey_of(consultation.version).items()
    with app.app_context():
        for variant, key, text in COMMENTS:
            response = rsp.start_response(db, consultation, variant, utcnow())
            rsp.submit(db, response.token, items, {key: rsp.AnswerValue(text=text)}, utcnow())
    free_text.tag_waiting(db)  # as cron would: the tests below read tags before the page does
    officer = make_user(db, Role.OFFICER)
    client = app.test_client()
    sign_in_as(client, officer)
    return client, f"/workspace/comments/{consultation.id}", db


def _listed(html: str) -> list[str]:
    return [text for text in re.findall(r"<q>(.*?)</q>", html)]


def _first_tag(db, text):
    answer_id = db.scalar(select(Answer.id).where(Answer.text == text))
    return db.scalar(select(AnswerTag).where(AnswerTag.answer_id == answer_id, AnswerTag.rank == 0))


def test_uncertain_tags_come_first_and_are_marked(review):
    client, url, db = review
    unsure = [t for _, _, t in COMMENTS if _first_tag(db, t).confidence < UNCERTAIN_BELOW]
    sure = [t for _, _, t in COMMENTS if t not in unsure]
    assert unsure and sure  # the texts were chosen so that both kinds are present
    page = client.get(url).text
    listed = _listed(page)
    assert listed[:len(unsure)] == sorted(unsure, key=listed.index)
    assert set(listed[len(unsure):]) == set(sure)
    assert page.count("Please check: the model is unsure") == len(unsure)
    only = _listed(client.get(url, query_string={"uncertain": "y"}).text)
    assert set(only) == set(unsure)


@pytest.mark.parametrize(("args", "expected"), [
    ({"audience": "parent"}, {COMMENTS[2][2], COMMENTS[3][2]}),
    ({"question": "services_better"}, {COMMENTS[3][2]}),
    ({"audience": "secondary", "question": "safe_better"}, {COMMENTS[0][2]}),
])
def test_filters_by_audience_and_question(review, args, expected):
    client, url, _ = review
    page = client.get(url, query_string=args)
    assert page.status_code == 200
    assert set(_listed(page.text)) == expected
    assert f"{len(expected)} comment" in page.text


def test_filters_by_value_and_sub_theme_after_an_officer_correction(review):
    client, url, db = review
    nursery = COMMENTS[2][2]
    page = client.get(url)
    answer_id = db.scalar(select(Answer.id).where(Answer.text == nursery))
    saved = client.post(f"{url}?value=4&audience=parent", data={
        "csrf_token": csrf_token(page.text), "answer_id": answer_id, "tag": "4:4d"})
    assert saved.status_code == 302
    assert "value=4" in saved.headers["Location"] and "audience=parent" in saved.headers["Location"]
    db.rollback()
    assert _first_tag(db, nursery).source == TagSource.OFFICER
    assert _listed(client.get(url, query_string={"subtheme": "4d"}).text) == [nursery]
    by_value = set(_listed(client.get(url, query_string={"value": "4"}).text))
    tagged_4 = {t for _, _, t in COMMENTS if any(
        tag.value_id == 4 for tag in db.scalars(select(AnswerTag).join(Answer).where(Answer.text == t)))}
    assert nursery in by_value and by_value == tagged_4


def test_unread_filter_is_per_officer(app, review):
    client, url, db = review
    client.get(url)  # this officer has now read every comment
    assert _listed(client.get(url, query_string={"unread": "y"}).text) == []
    other = app.test_client()
    sign_in_as(other, make_user(db, Role.OFFICER, email="second.officer@example.org"))
    assert len(_listed(other.get(url, query_string={"unread": "y"}).text)) == len(COMMENTS)


def test_labels_are_in_words_never_bare_numbers_or_ids(review):
    client, url, _ = review
    page = client.get(url).text
    assert "Value 4: Early help" in page
    assert "Ensuring access to local, appropriate, affordable childcare" in page  # a sub-theme in full
    assert "Parents and carers" in page and "Young people aged 11 to 16" in page
    visible = re.sub(r"<[^>]+>", " ", page)
    assert not re.search(r"\b[1-5][a-f]\b", visible)  # no sub-theme ids such as 4d
    assert "services_better" not in visible  # questions appear by their wording


def test_a_filter_value_that_is_not_offered_filters_nothing(review):
    client, url, _ = review
    page = client.get(url, query_string={"value": "9", "audience": "nobody"})
    assert page.status_code == 200
    assert len(_listed(page.text)) == len(COMMENTS)
