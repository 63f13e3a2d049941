"""Resume codes: four easy words, a limited time, one use each, and flagged text never refilled."""
import re
from datetime import timedelta

from sqlalchemy import select, update

from engage.definitions.readability import check_wording, count_syllables
from engage.models import Response
from engage.models._time import utcnow
from engage.services.resume_words import UNIQUE_WORDS, new_resume_code
from tests.conftest import csrf_token
from tests.respond.journey import begin, fill
from tests.respond.test_safeguarding_journey import DISCLOSURE, _first_text_page, _post_text


def _save(client, number=1) -> str:
    page = client.get(f"/answer/{number}")
    data = {**fill(page.text), "csrf_token": csrf_token(page.text), "action": "save"}
    assert client.post(f"/answer/{number}", data=data).headers["Location"].endswith("/saved")
    return re.search(r'id="resume-code">([a-z-]+)<', client.get("/saved").text).group(1)


def _resume(app, code):
    other = app.test_client()
    form = other.get("/resume")
    return other, other.post("/resume", data={"csrf_token": csrf_token(form.text), "code": code})


def test_codes_have_four_words_from_a_list_of_hundreds():
    assert len(UNIQUE_WORDS) >= 600  # 600**4 is over 10**11 codes
    assert len(new_resume_code().split("-")) == 4


def test_every_word_is_easy_for_a_primary_child_to_read():
    hard = [w for w in UNIQUE_WORDS if count_syllables(w) > 3 or len(w) > 8 or not w.isalpha()
            or check_wording(f"Your code word is {w}.", "primary")]
    assert hard == []


def test_a_code_works_once_and_resuming_gives_a_new_one_when_saved(app, client, demo):
    begin(client, demo["annual"], "secondary")
    first = _save(client)
    device, resumed = _resume(app, first)
    assert resumed.status_code == 302
    assert _resume(app, first)[1].status_code == 400  # the old code stopped working
    second = _save(device)
    assert second != first
    assert _resume(app, second)[1].status_code == 302


def test_a_code_expires(app, client, demo, db):
    begin(client, demo["annual"], "secondary")
    code = _save(client)
    db.rollback()
    expires = db.scalar(select(Response.resume_code_expires_at))
    assert timedelta(days=13) < expires - utcnow() <= timedelta(days=14)
    db.execute(update(Response).values(resume_code_expires_at=utcnow() - timedelta(minutes=1)))
    db.commit()
    assert _resume(app, code)[1].status_code == 400


def test_the_saved_page_says_until_when_the_code_works(client, demo, db):
    begin(client, demo["annual"], "secondary")
    page = client.get("/answer/1")
    client.post("/answer/1", data={**fill(page.text), "csrf_token": csrf_token(page.text), "action": "save"})
    shown = client.get("/saved").text
    ends = db.scalar(select(Response.resume_code_expires_at))
    assert f"{ends:%B} {ends.year}" in shown and f"{ends.day} " in shown


def test_flagged_text_is_not_refilled_on_resume(app, client, demo):
    begin(client, demo["annual"], "secondary")
    number, page = _first_text_page(client)
    _post_text(client, number, page, DISCLOSURE)
    client.get("/help")
    assert "he shouts" in client.get(f"/answer/{number}").text  # this browser, before saving
    code = _save(client, number + 1)
    device, resumed = _resume(app, code)
    assert resumed.headers["Location"].endswith(f"/answer/{number + 1}")
    back = device.get(f"/answer/{number}")
    assert back.status_code == 200 and "<textarea" in back.text
    assert "he shouts" not in back.text
