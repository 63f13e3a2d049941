"""Summaries pool answers across languages by item id: an Arabic "I agree a lot" counts with the English ones."""
from engage.models import Consultation
from engage.results.summary import summarise
from tests.conftest import csrf_token
from tests.respond.journey import begin, complete

PER_LANGUAGE = 3


def _agree_a_lot_to_safe_in_area(html: str) -> dict:
    """Answer only "I feel safe in the area where I live": the first (most positive) point."""
    return {"q_safe_in_area": "5"} if 'name="q_safe_in_area"' in html else {}


def _respond(app, language: str, demo) -> None:
    client = app.test_client()
    client.get(f"/?lang={language}")
    begin(client, demo["annual"], "secondary")
    complete(client, answer=_agree_a_lot_to_safe_in_area)


def test_summary_pools_arabic_polish_and_english_answers_by_item_id(app, demo, db):
    app.config["SUPPRESSION_THRESHOLD"] = 1
    for language in ("en", "ar", "pl"):
        for _ in range(PER_LANGUAGE):
            _respond(app, language, demo)
    consultation = db.query(Consultation).filter_by(slug=demo["annual"]).one()
    with app.test_request_context():
        summary = summarise(db, consultation)
    assert summary["responses"] == 3 * PER_LANGUAGE
    item = next(i for i in summary["items"] if i["key"] == "safe_in_area")
    # One item, worded in English for officers, every language's answers in one row.
    assert all(w.startswith("I feel safe") for w in item["wording"].values())
    young = next(r for r in item["rows"] if r["row"] == "young")
    assert young["5"] == young["Total"] == 3 * PER_LANGUAGE  # "5" is "I agree a lot" in any language


def test_the_polish_form_posts_the_same_item_ids_as_the_english_one(client, demo):
    client.get("/?lang=pl")
    begin(client, demo["annual"], "secondary")
    polish = client.get("/answer/1").text
    assert 'name="q_safe_in_area"' in polish and "Czuję się bezpiecznie" in polish
    assert csrf_token(polish)
