"""Free text in another language: marked with its language, never model-tagged, always read by a person."""
from sqlalchemy import select

from engage.models import Answer, AnswerTag, SafeguardingFlag
from tests.conftest import csrf_token
from tests.respond.journey import begin


def _answer_first_page_with(client, text: str):
    """Post the secondary survey's first page with `text` in its free-text box."""
    page = client.get("/answer/1").text
    data = {"csrf_token": csrf_token(page), "action": "next", "q_safe_better": text}
    return client.post("/answer/1", data=data)


def test_arabic_free_text_is_marked_untagged_and_listed_as_not_screened(client, demo, db):
    client.get("/?lang=ar")
    begin(client, demo["annual"], "secondary")
    result = _answer_first_page_with(client, "أريد إضاءة أكثر في الشوارع")
    assert result.headers["Location"].endswith("/answer/2")  # no sign of harm: no help page
    answer = db.scalar(select(Answer).where(Answer.item_key == "safe_better"))
    assert answer.text_language == "ar" and answer.polarity is None
    assert db.scalars(select(AnswerTag).where(AnswerTag.answer_id == answer.id)).all() == []
    flag = db.scalar(select(SafeguardingFlag))
    assert flag.reasons == ["not screened: written in Arabic"] and flag.severity == "concern"


def test_an_arabic_disclosure_flags_and_shows_help_in_arabic(client, demo, db):
    client.get("/?lang=ar")
    begin(client, demo["annual"], "secondary")
    result = _answer_first_page_with(client, "زوج أمي يضربني")
    assert result.headers["Location"].endswith("/help")
    assert "إذا كان شيء ما يقلقك" in client.get("/help").text
    flag = db.scalar(select(SafeguardingFlag))
    assert flag.severity == "immediate" and flag.category == "physical_abuse"


def test_english_written_in_the_polish_survey_is_tagged_as_english(client, demo, db):
    client.get("/?lang=pl")
    begin(client, demo["annual"], "secondary")
    _answer_first_page_with(client, "More police near the park at night would help")
    answer = db.scalar(select(Answer).where(Answer.item_key == "safe_better"))
    assert answer.text_language is None and answer.polarity is not None
    assert db.scalars(select(AnswerTag).where(AnswerTag.answer_id == answer.id)).all() != []
    assert db.scalar(select(SafeguardingFlag)) is None
