"""Free text in another language: marked with its language, never model-tagged, always read by a person."""
from sqlalchemy import select

from engage.models import Answer, AnswerTag, SafeguardingFlag
from engage.services import free_text
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
    assert db.scalar(select(Answer.needs_tagging).where(Answer.item_key == "safe_better"))
    free_text.tag_waiting(db)
    answer = db.scalar(select(Answer).where(Answer.item_key == "safe_better"))
    assert answer.text_language is None and answer.polarity is not None
    assert db.scalars(select(AnswerTag).where(AnswerTag.answer_id == answer.id)).all() != []
    assert db.scalar(select(SafeguardingFlag)) is None


def test_a_lead_releases_an_unscreened_comment_to_officers(app, db, loaded):
    """Withheld until a safeguarding lead has read it; then officers read it like any comment."""
    from engage.definitions.survey import survey_of
    from engage.models import Consultation, FlagStatus, Role
    from engage.models._time import utcnow
    from engage.results import exports, summary
    from engage.services import comments
    from engage.services import responses as rsp
    from engage.services.safeguarding import triage
    from engage.services.setup import create_consultation
    from tests.workspace.factories import make_user

    text = "أريد إضاءة أكثر في الشوارع"
    consultation = create_consultation(db, "annual-young-people", "release", "Release", ["secondary"],
                                       None, None, status="open")
    db.commit()
    items = survey_of(consultation.version).items()
    response = rsp.start_response(db, consultation, "secondary", utcnow(), language="ar")
    rsp.submit(db, response.token, items, {"safe_better": rsp.AnswerValue(text=text),
                                            "safe_at_school": rsp.AnswerValue(value="4")}, utcnow())
    lead = make_user(db, Role.SAFEGUARDING_LEAD)
    flag = db.scalar(select(SafeguardingFlag))
    assert flag.category == "not_screened"

    def seen() -> tuple[bool, bool, int]:
        with app.app_context():
            listed = [c.text for c in comments.comments(db, consultation.id)[0]]
            csv = b"".join(exports.export(db, db.get(Consultation, consultation.id), "csv")).decode("utf-8-sig")
            kept = summary.count(db, consultation.id, survey_of(consultation.version))  # the kept tallies
            counted = int(kept.comments["comments"].sum())
        return text in listed, text in csv, counted

    assert seen() == (False, False, 0)
    triage.record_action(db, flag.id, lead, FlagStatus.ACKNOWLEDGED, None, "Reading it", utcnow())
    assert seen() == (False, False, 0)
    triage.record_action(db, flag.id, lead, FlagStatus.NO_FURTHER_ACTION, None, "Asks for street lights", utcnow())
    assert seen() == (True, True, 1)
