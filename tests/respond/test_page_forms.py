"""A survey page's form class is built once per page and kept: it checks each post as a form built
afresh would, never carries one respondent's post to another, and a new survey version gets its own."""
import copy

from sqlalchemy import select

from engage.models import Answer, Consultation, Response
from engage.respond.blank_pages import FORMS
from tests.conftest import csrf_token
from tests.respond.journey import RADIO, TEXTAREA, publish_next_version
from tests.respond.test_page_cache import _start


def _refused_post(client, text: str):
    """Post page one with a choice no question offers and some text: the page comes back with errors."""
    page = client.get("/answer/1").text
    data = {name: "not_an_option" for name, _ in RADIO.findall(page)}
    data.update({name: text for name in TEXTAREA.findall(page)})
    return client.post("/answer/1", data={**data, "csrf_token": csrf_token(page), "action": "next"})


def _kept_forms(app) -> list[type]:
    return list(app.extensions[FORMS])


def test_two_respondents_posting_the_same_page_never_see_each_others_post(app, demo):
    amira, ben = app.test_client(), app.test_client()
    _start(amira, demo["annual"], "secondary")
    _start(ben, demo["annual"], "secondary")

    amira_refused = _refused_post(amira, "Amira wants a skate park")
    ben_refused = _refused_post(ben, "Ben wants later buses")

    assert amira_refused.status_code == ben_refused.status_code == 400
    assert "Amira wants a skate park" in amira_refused.text and "Please pick one of the answers" in amira_refused.text
    assert "Ben wants later buses" in ben_refused.text and "Amira" not in ben_refused.text
    assert csrf_token(ben_refused.text) != csrf_token(amira_refused.text)
    kept = _kept_forms(app)
    assert len(kept) == 1  # both posts were checked by the one kept class
    held = repr(vars(kept[0]))
    assert "Amira" not in held and "Ben" not in held and csrf_token(amira_refused.text) not in held


def test_a_kept_form_still_checks_the_token_and_saves_a_good_post(app, demo):
    client = app.test_client()
    _start(client, demo["annual"], "secondary")
    _refused_post(client, "first try")
    page = client.get("/answer/1").text
    data = {name: value for name, value in RADIO.findall(page)}
    assert client.post("/answer/1", data={**data, "csrf_token": "forged", "action": "next"}).status_code == 400
    saved = client.post("/answer/1", data={**data, "csrf_token": csrf_token(page), "action": "next"})
    assert saved.status_code == 302 and saved.headers["Location"].endswith("/answer/2")


def test_a_new_survey_version_gets_its_own_form(app, client, db, demo):
    _start(client, demo["annual"], "secondary")
    _refused_post(client, "keeps the old version's form")  # the old version's page-one form is now kept
    consultation = db.scalar(select(Consultation).where(Consultation.slug == demo["annual"]))
    old = consultation.version
    grown = copy.deepcopy(old.definition)
    items = grown["pages"][0]["items"]
    asked = copy.deepcopy(next(item for item in items if item["type"] == "text"))
    asked.update(id="brand_new_question", text={variant: "A brand new question?" for variant in asked["text"]})
    asked.pop("translations", None)
    items.append(asked)
    publish_next_version(db, consultation, grown)

    newcomer = app.test_client()
    _start(newcomer, demo["annual"], "secondary")
    for browser in (newcomer, client):
        page = browser.get("/answer/1").text
        data = {**dict(RADIO.findall(page)), "q_brand_new_question": "Asked only in the new version"}
        posted = browser.post("/answer/1", data={**data, "csrf_token": csrf_token(page), "action": "next"})
        assert posted.status_code == 302, posted.text[:300]
    saved = db.scalars(select(Answer.response_id).where(Answer.item_key == "brand_new_question")).all()
    # Only the newcomer's form had the new question; whoever started on the old version keeps its form.
    newcomers = db.scalar(select(Response.id).where(Response.version_id != old.id))
    assert saved == [newcomers]
    assert len(_kept_forms(app)) == 2


def test_a_good_post_signs_no_token_and_an_error_page_draws_one_that_works(app, demo, monkeypatch):
    import flask_wtf.csrf

    signed = []
    real = flask_wtf.csrf.generate_csrf
    monkeypatch.setattr(flask_wtf.csrf, "generate_csrf", lambda *a, **k: signed.append(1) or real(*a, **k))
    client = app.test_client()
    _start(client, demo["annual"], "secondary")
    page = client.get("/answer/1").text
    wrong = {name: "not_an_option" for name, _ in RADIO.findall(page)}
    signed.clear()
    refused = client.post("/answer/1", data={**wrong, "csrf_token": csrf_token(page), "action": "next"})
    assert refused.status_code == 400 and signed  # the error page draws the form's token
    data = {name: value for name, value in RADIO.findall(refused.text)}
    signed.clear()
    saved = client.post("/answer/1", data={**data, "csrf_token": csrf_token(refused.text), "action": "next"})
    assert saved.status_code == 302 and saved.headers["Location"].endswith("/answer/2")
    assert not signed  # a redirect draws no form
