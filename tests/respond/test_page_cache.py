"""Survey pages drawn once and filled per request: the same page as drawing it whole, and never
anyone else's answers or token."""
import copy
import re

import pytest
from sqlalchemy import select

from engage.models import Consultation, School
from engage.respond.blank_pages import CACHE
from engage.respond.page_cache import BlankPage, PageCache, Slots
from tests.ballots.conftest import ballot  # noqa: F401  (fixture)
from tests.conftest import csrf_token
from tests.numbers.conftest import numbers_consultation  # noqa: F401  (fixture)
from tests.respond.journey import RADIO, TEXTAREA, publish_next_version

TOKEN_VALUE = re.compile(r'(name="csrf_token" type="hidden" value=")[^"]+"')
CHECKBOX = re.compile(r'name="(q_[a-z0-9_]+)" type="checkbox" value="([^"]+)"')
# Text with every character HTML must escape, to prove the filled page escapes it like Jinja.
TRICKY = "Tom & Jerry's <b>\"club\"</b>"


def _start(client, slug: str, variant: str, lang: str | None = None, **choices) -> None:
    notice = client.get(f"/c/{slug}/{variant}" + (f"?lang={lang}" if lang else ""))
    data = {"csrf_token": csrf_token(notice.text), **{k: "y" for k, v in choices.items() if v}}
    started = client.post(f"/c/{slug}/{variant}/start", data=data)
    assert started.headers["Location"].endswith("/answer/1"), started.status_code


def _answers(html: str, text: str) -> dict:
    """Answer a page with its last radio, its first two checkboxes and some text."""
    data: dict[str, object] = {}
    for name, value in RADIO.findall(html):
        data[name] = value
    for name, value in CHECKBOX.findall(html):
        data.setdefault(name, [])
        if len(data[name]) < 2 and value != "rather_not":
            data[name].append(value)
    for name in TEXTAREA.findall(html):
        data[name] = text
    return data


def _whole(app, client, path: str) -> str:
    """Draw the page the old way: a cache of size 0 shares nothing."""
    cache = app.extensions[CACHE]
    size, cache.size = cache.size, 0
    try:
        return client.get(path).text
    finally:
        cache.size = size


def _same_page(app, client, path: str) -> str:
    filled = client.get(path)
    assert filled.status_code == 200
    whole = _whole(app, client, path)
    assert TOKEN_VALUE.sub(r"\1T", filled.text) == TOKEN_VALUE.sub(r"\1T", whole)
    return filled.text


def _walk_comparing(app, client, text: str = TRICKY) -> int:
    """Answer every page; each page, blank and then refilled with the answers, must match a whole drawing."""
    number = 1
    while True:
        page = _same_page(app, client, f"/answer/{number}")
        form = {**_answers(page, text), "csrf_token": csrf_token(page), "action": "next"}
        result = client.post(f"/answer/{number}", data=form)
        assert result.status_code == 302, result.text[:300]
        if not result.headers["Location"].endswith(f"/answer/{number + 1}"):
            return number
        _same_page(app, client, f"/answer/{number}")  # Back: what was given, filled in
        number += 1


@pytest.mark.parametrize(("variant", "lang", "choices"), [
    ("primary", None, {}),
    ("secondary", None, {}),
    ("post16", None, {}),
    ("parent", None, {}),
    ("professional", None, {}),
    ("primary", None, {"easy_read": True, "assisted": True}),
    ("secondary", "pl", {"assisted": True}),
    ("primary", "ar", {}),
])
def test_filled_pages_match_pages_drawn_whole(app, client, demo, variant, lang, choices):
    _start(client, demo["annual"], variant, lang, **choices)
    pages = _walk_comparing(app, client)
    assert pages > 1 and len(app.extensions[CACHE]) > 0


@pytest.mark.usefixtures("numbers_consultation")
def test_numbers_dates_and_text_are_filled_like_a_drawn_form(app, client):
    _start(client, "numbers", "parent")
    page = client.get("/answer/1").text
    client.post("/answer/1", data={"q_age": " 14 ", "q_hours": "7.5", "q_moved-day": "07", "q_moved-month": "3",
                                   "q_moved-year": "2021", "csrf_token": csrf_token(page), "action": "next"})
    again = _same_page(app, client, "/answer/1")
    assert 'value="14"' in again and 'value="7"' in again and 'value="2021"' in again


@pytest.mark.usefixtures("ballot")
def test_a_ranked_ballot_is_filled_like_a_drawn_form(app, client):
    _start(client, "ballot-test", "secondary")
    page = client.get("/answer/1").text
    client.post("/answer/1", data={"q_top_issue": "clean_air", "q_issue_ranking": ["", "cheap_buses", "clean_air"],
                                   "csrf_token": csrf_token(page), "action": "next"})
    again = _same_page(app, client, "/answer/1")
    assert '<option value="cheap_buses" selected>' in again and 'value="clean_air" checked' in again


# --- never anyone else's answers ---------------------------------------------------------------

def _answer_page_one(client, text: str) -> str:
    page = client.get("/answer/1").text
    client.post("/answer/1", data={**_answers(page, text), "csrf_token": csrf_token(page), "action": "next"})
    return client.get("/answer/1").text


def test_two_respondents_interleaved_never_see_each_others_answers_or_token(app, demo):
    amira, ben = app.test_client(), app.test_client()
    _start(amira, demo["annual"], "secondary")
    _start(ben, demo["annual"], "secondary")
    amira_page = _answer_page_one(amira, "Amira wants a skate park")
    ben_blank = ben.get("/answer/1").text  # the same blank page, drawn for Amira first
    ben_page = _answer_page_one(ben, "Ben wants later buses")
    amira_again = amira.get("/answer/1").text

    assert "Amira wants a skate park" in amira_page and "Amira wants a skate park" in amira_again
    assert "Ben wants later buses" in ben_page
    for page in (ben_blank, ben_page):
        assert "Amira" not in page and csrf_token(page) != csrf_token(amira_page)
    assert "Ben" not in amira_again and csrf_token(amira_again) != csrf_token(ben_page)
    assert 'checked' not in ben_blank  # Amira's choices stay hers
    # Each token is the one its own session checks: Ben's post with Amira's token is refused.
    refused = ben.post("/answer/1", data={"csrf_token": csrf_token(amira_page), "action": "next"})
    assert refused.status_code == 400
    kept = [piece for blank in app.extensions[CACHE] for piece in blank.texts]
    assert kept and not [piece for piece in kept if "Amira" in piece or "Ben" in piece]
    assert not [piece for piece in kept if csrf_token(amira_page) in piece or csrf_token(ben_page) in piece]


def test_a_new_survey_version_is_drawn_afresh(app, client, db, demo):
    _start(client, demo["annual"], "secondary")
    before = client.get("/answer/1").text
    consultation = db.scalar(select(Consultation).where(Consultation.slug == demo["annual"]))
    old = consultation.version
    reworded = copy.deepcopy(old.definition)
    first = reworded["pages"][0]["items"][0]
    first["text"]["secondary"] = "A brand new way of asking the first question?"
    publish_next_version(db, consultation, reworded)

    newcomer = app.test_client()
    _start(newcomer, demo["annual"], "secondary")
    assert "A brand new way of asking the first question?" in newcomer.get("/answer/1").text
    # Whoever started on the old version keeps the pages of the version they answer.
    again = client.get("/answer/1").text
    assert TOKEN_VALUE.sub(r"\1T", again) == TOKEN_VALUE.sub(r"\1T", before)


def test_switching_language_shows_the_page_in_the_new_language(app, client, demo):
    _start(client, demo["annual"], "secondary")
    english = _same_page(app, client, "/answer/1")
    polish = _same_page(app, client, "/answer/1?lang=pl")
    back = _same_page(app, client, "/answer/1?lang=en")
    assert 'lang="en"' in english and 'lang="pl"' in polish and 'lang="en"' in back
    heading = re.search(r"<h1[^>]*>([^<]+)</h1>", english).group(1)
    assert heading in back and heading not in polish
    assert "next=/answer/1?lang%3Dpl" in polish  # the settings link comes back to the Polish page


def test_the_cache_keeps_at_most_its_size(app, client, demo):
    app.extensions[CACHE] = PageCache(3)
    _start(client, demo["annual"], "primary")
    _walk_comparing(app, client)
    assert len(app.extensions[CACHE]) == 3


def test_least_recently_read_pages_go_first():
    cache = PageCache(2)
    pages = {key: BlankPage(key, Slots()) for key in ("a", "b", "c")}
    cache.put("a", pages["a"])
    cache.put("b", pages["b"])
    cache.get("a")
    cache.put("c", pages["c"])
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (pages["a"], None, pages["c"])


def test_a_blank_page_fills_each_slot_with_its_value():
    slots = Slots()
    html = f"<p>{slots.marker('who')} said {slots.marker('what')}; {slots.marker('who')} again</p>"
    assert BlankPage(html, slots).fill({"who": "Sam", "what": "hello"}) == "<p>Sam said hello; Sam again</p>"


def test_wording_that_holds_a_slot_character_is_never_cached():
    with pytest.raises(ValueError, match="slot character"):
        BlankPage("odd \ue000 text", Slots())


def _school_page(client) -> tuple[int, str]:
    """Answer pages until the one asking for a school; return its number and text."""
    number = 1
    while True:
        page = client.get(f"/answer/{number}").text
        if 'name="q_school"' in page:
            return number, page
        form = {**_answers(page, "Fine"), "csrf_token": csrf_token(page), "action": "next"}
        assert client.post(f"/answer/{number}", data=form).status_code == 302
        number += 1


def _checked_school(html: str) -> list[str]:
    return re.findall(r'name="q_school" type="radio" value="([^"]+)" checked', html)


def test_a_page_listing_schools_is_kept_under_the_list_it_shows(app, db, demo):
    amira, ben = app.test_client(), app.test_client()
    _start(amira, demo["annual"], "primary")  # the school page is not the last: Back comes to it
    _start(ben, demo["annual"], "primary")
    number, page = _school_page(amira)
    _school_page(ben)
    school = db.scalars(select(School).where(School.phase == "primary").order_by(School.id)).first()
    db.commit()  # end the read: the browsers write before this session does
    form = {**_answers(page, "Fine"), "q_school": str(school.id), "csrf_token": csrf_token(page), "action": "next"}
    assert amira.post(f"/answer/{number}", data=form).status_code == 302

    amira_back = _same_page(app, amira, f"/answer/{number}")
    ben_page = _same_page(app, ben, f"/answer/{number}")
    assert _checked_school(amira_back) == [str(school.id)] and _checked_school(ben_page) == []

    # A school added or renamed is on the next page drawn, in every browser; the old blank is not used.
    db.add(School(name="Zebra Lane Primary School", phase="primary"))
    school.name = "Renamed High School"
    db.commit()
    for client in (amira, ben):
        again = _same_page(app, client, f"/answer/{number}")
        assert "Zebra Lane Primary School" in again and "Renamed High School" in again
    assert _checked_school(_same_page(app, amira, f"/answer/{number}")) == [str(school.id)]
    assert _checked_school(_same_page(app, ben, f"/answer/{number}")) == []
    # The kept form checks a post against the list shown: the new school is a choice it accepts.
    zebra = db.scalar(select(School.id).where(School.name == "Zebra Lane Primary School"))
    page = ben.get(f"/answer/{number}").text
    form = {**_answers(page, "Fine"), "q_school": str(zebra), "csrf_token": csrf_token(page), "action": "next"}
    assert ben.post(f"/answer/{number}", data=form).status_code == 302
    assert _checked_school(_same_page(app, ben, f"/answer/{number}")) == [str(zebra)]
    kept = "".join(piece for blank in app.extensions[CACHE] for piece in blank.texts)
    assert "Zebra Lane" in kept and " checked" not in kept  # blanks hold the list, never a choice
