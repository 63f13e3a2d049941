"""A possible disclosure reaches a person, and the child is shown where to get help."""
import re
from html import unescape

import pytest
from sqlalchemy import func, select

from engage.models import Answer, AnswerTag, ContactRequest, SafeguardingFlag
from engage.services import free_text
from tests.conftest import csrf_token
from tests.respond.journey import begin, fill

DISCLOSURE = "i dont like going home when hes been drinking, he shouts and hits my mum"


def _first_text_page(client):
    for number in range(1, 30):
        page = client.get(f"/answer/{number}")
        if "<textarea" in page.text:
            return number, page
        data = {**fill(page.text), "csrf_token": csrf_token(page.text), "action": "next"}
        client.post(f"/answer/{number}", data=data)
    raise AssertionError("no free-text question")


def _post_text(client, number, page, text):
    data = {**fill(page.text, text=text), "csrf_token": csrf_token(page.text), "action": "next"}
    return client.post(f"/answer/{number}", data=data)


def test_disclosure_is_flagged_and_the_child_sees_help(client, demo, db):
    code, variant, school_id, _ = demo["codes"][0]
    client.get(f"/join/{code}")
    begin(client, demo["annual"], variant)
    number, page = _first_text_page(client)
    result = _post_text(client, number, page, DISCLOSURE)
    assert result.headers["Location"].endswith("/help")
    help_page = client.get("/help")
    assert "Childline" in help_page.text and "0800 1111" in help_page.text
    assert f'id="help-continue" href="/answer/{number + 1}"' in help_page.text
    # The way on says where it goes: back to the questions, not a bare "Next" beside "Send".
    assert f'id="help-continue" href="/answer/{number + 1}">Carry on with your survey</a>' in help_page.text
    # The offer is a heading; the button under it says what pressing it does, not the heading again.
    button = re.search(r'<button type="submit"[^>]*>([^<]+)</button>', help_page.text).group(1)
    assert button == "Send" and button not in re.findall(r"<h2[^>]*>([^<]+)</h2>", help_page.text)
    flag = db.scalar(select(SafeguardingFlag))
    assert (flag.text, flag.variant, flag.school_id) == (DISCLOSURE, variant, school_id)
    assert flag.severity in ("immediate", "concern") and flag.status == "open"
    assert db.scalar(select(func.count(ContactRequest.id))) == 0  # nothing stored unless asked


def test_asking_to_talk_stores_how_to_reach_them(client, demo, db):
    begin(client, demo["annual"], "secondary")
    number, page = _first_text_page(client)
    _post_text(client, number, page, DISCLOSURE)
    help_page = client.get("/help")
    asked = client.post("/help", data={"csrf_token": csrf_token(help_page.text),
                                       "how_to_reach": "Sam in 9B, Mr Jones's class"})
    assert asked.status_code == 302
    assert 'id="talk-confirmed"' in client.get("/help").text
    request = db.scalar(select(ContactRequest))
    assert request.how_to_reach == "Sam in 9B, Mr Jones's class"


def test_ordinary_talk_goes_straight_on(client, demo, db):
    begin(client, demo["annual"], "secondary")
    number, page = _first_text_page(client)
    result = _post_text(client, number, page, "PE kills me but the new football pitch is great")
    assert result.headers["Location"].endswith(f"/answer/{number + 1}")
    assert db.scalar(select(func.count(SafeguardingFlag.id))) == 0


def test_flag_survives_the_answer_being_deleted(client, demo, db):
    begin(client, demo["annual"], "secondary")
    number, page = _first_text_page(client)
    _post_text(client, number, page, DISCLOSURE)
    again = client.get(f"/answer/{number}")
    name = re.search(r'<textarea[^>]*name="(q_[a-z0-9_]+)"', again.text).group(1)
    client.post(f"/answer/{number}", data={"csrf_token": csrf_token(again.text), name: "",
                                            "action": "next"})
    assert db.scalar(select(SafeguardingFlag.text)) == DISCLOSURE


def test_free_text_is_tagged_and_scored_by_the_next_batch(client, demo, db):
    begin(client, demo["annual"], "parent")
    number, page = _first_text_page(client)
    _post_text(client, number, page, "The parks are lovely but there is nothing for teenagers to do")
    assert free_text.tag_waiting(db) == 1
    answer = db.scalar(select(Answer).where(Answer.text.is_not(None)))
    assert answer.polarity is not None and -1 <= answer.polarity <= 1
    tags = db.scalars(select(AnswerTag).where(AnswerTag.answer_id == answer.id)
                      .order_by(AnswerTag.rank)).all()
    assert tags and tags[0].value_id in range(1, 6) and 0 < tags[0].confidence <= 1
    assert tags[0].source == "model"


def test_help_page_without_a_flag_offers_no_form(client):
    page = client.get("/help")
    assert page.status_code == 200 and "0800 1111" in page.text
    assert "how_to_reach" not in page.text


def test_the_next_pupil_on_a_shared_pc_gets_no_help_offer(client, demo):
    begin(client, demo["annual"], "secondary")
    number, page = _first_text_page(client)
    _post_text(client, number, page, DISCLOSURE)
    assert "how_to_reach" in client.get("/help").text
    begin(client, demo["annual"], "secondary")  # the next pupil starts on the same browser
    assert "how_to_reach" not in client.get("/help").text


@pytest.mark.parametrize(("variant", "lang"), [("primary", "en"), ("secondary", "en"), ("post16", "en"),
                                               ("primary", "ar"), ("secondary", "pl")])
def test_the_help_page_says_who_will_be_told_and_who_sees_a_name(app, client, demo, variant, lang):
    from engage.respond.words import words

    with app.app_context():
        copy = words(variant, lang)
    client.get(f"/?lang={lang}")
    begin(client, demo["annual"], variant)
    number, page = _first_text_page(client)
    _post_text(client, number, page, DISCLOSURE)
    help_page = unescape(client.get("/help").text)
    # The start page's promise, again where a child who wrote about being hurt reads on.
    assert f'id="help-who-is-told">{copy["privacy_limit"]}</p>' in help_page
    assert copy["talk_to_me_how"] in help_page
    if lang == "en":
        assert "Only a grown-up whose job is to keep children safe will see it." in help_page or \
            "Only the people whose job is to keep young people safe will see it." in help_page
