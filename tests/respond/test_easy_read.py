"""Easy read and "a grown-up is helping me": definitions, the start choices and the journey."""
import re

import pytest
from sqlalchemy import select

from engage.definitions.easy_read import EASY_READ_GRADE, check_easy_wording, lines, problems, symbols
from engage.definitions.readability import fk_grade
from engage.definitions.support_copy import check_support_copy
from engage.definitions.survey import survey_of
from engage.models import Response, ResponseStatus
from tests.conftest import csrf_token
from tests.respond.journey import complete

SYMBOL_IMG = re.compile(r'<img class="engage-symbol" src="/static/images/(symbols|faces)/([a-z0-9-]+)\.svg" alt=""')


def start(client, slug: str, variant: str, **choices) -> None:
    notice = client.get(f"/c/{slug}/{variant}")
    data = {"csrf_token": csrf_token(notice.text), **{k: "y" for k, v in choices.items() if v}}
    started = client.post(f"/c/{slug}/{variant}/start", data=data)
    assert started.status_code == 302 and started.headers["Location"].endswith("/answer/1")


# --- the rules -------------------------------------------------------------------------------

def test_easy_wording_limits_grade_and_line_length():
    assert check_easy_wording("I feel safe at school.") is None
    assert "more than 12 words" in check_easy_wording(
        "I feel safe when I walk to school and when I walk back home at night.")
    hard = "Professional organisations communicate information effectively."
    assert fk_grade(hard) > EASY_READ_GRADE and "reading grade" in check_easy_wording(hard)


def test_lines_split_one_idea_per_line():
    assert lines("Do you go to a club? Or a club after school?\nPick one.") == [
        "Do you go to a club?", "Or a club after school?", "Pick one."]


def _item(**easy):
    return {"id": "q", "type": "single", "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
            "easy_read": easy}


def test_every_option_needs_a_label_and_a_drawn_symbol():
    found = problems(_item(text="Pick one.", options={"a": {"label": "Yes", "symbol": "yes"},
                                                      "b": {"label": "No", "symbol": "unicorn"}}),
                     ("primary",), "f.yaml", "q")
    assert [p.reason for p in found] == [
        "easy_read option 'b' needs a label and a symbol from static/images/symbols"]
    missing = problems(_item(text="Pick one.", options={"a": {"label": "Yes", "symbol": "yes"}}),
                       ("primary",), "f.yaml", "q")
    assert "easy_read has no option 'b'" in [p.reason for p in missing]


def test_easy_read_is_only_for_primary_items():
    found = problems(_item(text="Pick one."), ("secondary",), "f.yaml", "q")
    assert [p.reason for p in found] == ["easy_read is only for items primary sees"]


def test_symbols_are_simple_svg_files_hidden_from_assistive_technology():
    names = symbols()
    assert {"yes", "no", "not-sure", "private", "school"} <= names
    from engage.definitions.easy_read import SYMBOLS_DIR
    for name in names:
        svg = (SYMBOLS_DIR / f"{name}.svg").read_text(encoding="utf-8")
        assert 'aria-hidden="true"' in svg and "<script" not in svg and "href=" not in svg


def test_support_copy_is_checked_at_easy_read_level():
    copy = {"primary": {"thanks_body": "x"}, "support": {"settings_link": "A very long line that goes on and on "
                                                         "and on and on with far too many words in it."},
            "easy_read": {"not_a_primary_key": "Hi."}, "assisted": {}}
    messages = [(p.item, p.reason) for p in check_support_copy(copy)]
    assert any(w == "support.settings_link" and "more than 12 words" in m for w, m in messages)
    assert ("easy_read.not_a_primary_key", "easy_read can only reword a primary sentence") in messages
    assert any(w == "assisted.assisted_note" for w, _m in messages)


def test_shipped_survey_has_easy_read_for_every_primary_item(demo, db):
    from engage.models import Consultation
    consultation = db.scalar(select(Consultation).where(Consultation.slug == demo["annual"]))
    primary = [i for i in survey_of(consultation.version).items() if "primary" in i.variants]
    assert primary and all(i.easy_read is not None for i in primary)


# --- the journey ------------------------------------------------------------------------------

@pytest.mark.parametrize(("variant", "easy", "assisted"), [
    ("primary", True, True), ("secondary", True, True), ("post16", True, True),
    ("parent", False, False), ("professional", False, False)])
def test_notice_offers_the_choices_to_young_people_only(client, demo, variant, easy, assisted):
    page = client.get(f"/c/{demo['annual']}/{variant}").text
    assert ('name="easy_read"' in page) is easy
    assert ('name="assisted"' in page) is assisted


def test_a_ticked_choice_a_page_did_not_offer_is_ignored(client, demo, db):
    start(client, demo["annual"], "parent", easy_read=True, assisted=True)
    response = db.scalar(select(Response))
    assert (response.variant, response.rendition, response.assisted) == ("parent", "standard", False)


def test_easy_read_primary_completes_with_symbols_and_is_recorded(client, demo, db):
    start(client, demo["annual"], "primary", easy_read=True)
    first = client.get("/answer/1").text
    assert '<span class="engage-easy-line">I feel safe near my home.</span>' in first
    assert "engage-easy-read" in first
    faces = SYMBOL_IMG.findall(first)
    assert [f for f in faces if f[0] == "faces"] and len(faces) == first.count('type="radio"')
    walk = complete(client)
    response = db.scalar(select(Response))
    assert (response.status, response.variant, response.rendition) == (
        ResponseStatus.SUBMITTED, "primary", "easy_read")
    assert response.assisted is False and response.channel == "online"
    assert walk.pages == len([i for i in survey_of(response.version).items() if "primary" in i.variants])


def test_every_easy_read_option_shows_its_own_label_and_symbol(client, demo, db):
    start(client, demo["annual"], "primary", easy_read=True)
    survey = survey_of(db.scalar(select(Response)).version)
    items = [i for i in survey.items() if "primary" in i.variants]
    number = next(n for n, i in enumerate(items, 1) if i.id == "area_better")
    page = client.get(f"/answer/{number}").text
    assert SYMBOL_IMG.findall(page) == [("symbols", o.symbol) for o in items[number - 1].easy_read.options.values()]
    assert ">Safe streets at night</span>" in page and "Safer streets at night" not in page


def test_older_young_person_choosing_easy_read_keeps_their_own_age_band(client, demo, db):
    start(client, demo["annual"], "post16", easy_read=True)
    response = db.scalar(select(Response))
    assert (response.variant, response.rendition) == ("post16", "easy_read")


def test_assisted_is_recorded_and_changes_the_words(client, demo, db):
    start(client, demo["annual"], "secondary", assisted=True)
    response = db.scalar(select(Response))
    assert (response.assisted, response.rendition, response.variant) == (True, "standard", "secondary")
    assert "Your grown-up can read the questions with you." in client.get("/answer/1").text
    assert "Your grown-up can read" not in client.get("/answer/2").text  # said once, at the start
    complete(client)
    assert "Thank you both." in client.get("/thanks").text


def test_without_assisted_the_words_are_the_usual_ones(client, demo, db):
    start(client, demo["annual"], "secondary")
    assert "Your grown-up" not in client.get("/answer/1").text
    complete(client)
    assert "Thank you both." not in client.get("/thanks").text
    assert db.scalar(select(Response)).assisted is False
