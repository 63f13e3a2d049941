"""The survey editor, question by question: add, change, move, remove, new pages, options, tags."""
from html import unescape

from sqlalchemy import select

from engage.definitions.loader import latest_version
from engage.models import AuditEvent, Consultation, SurveyFamily
from engage.services.survey_editing import find_item
from tests.workspace.factories import sign_in_as
from tests.workspace.html_forms import form_fields

BASE = "/workspace/surveys/annual-young-people"
# The annual survey is offered in Arabic and Polish, so a new question needs both.
TRANSLATED = """translations:
  ar:
    text: {primary: "هل تشعر بالأمان في الحديقة؟", secondary: "هل تشعر بالأمان في حديقتك؟"}
    options: {always: "نعم دائما", sometimes: "أحيانا", never: "لا أبدا"}
  pl:
    text: {primary: "Czy czujesz się bezpiecznie w parku?", secondary: "Czy czujesz się bezpiecznie w parku?"}
    options: {always: "Tak, zawsze", sometimes: "Czasami", never: "Nie, nigdy"}
"""
PAGE_TRANSLATED = """translations:
  ar: {title: {primary: "قرب منزلي", secondary: "قرب منزلك", post16: "قرب منزلك"}}
  pl: {title: {primary: "Blisko domu", secondary: "Blisko domu", post16: "Blisko domu"}}
"""


def _latest(db):
    db.rollback()  # end the read transaction, so the next query sees what the app saved
    db.expire_all()
    family = db.scalar(select(SurveyFamily).where(SurveyFamily.slug == "annual-young-people"))
    return latest_version(db, family.id)


def _open(client, url):
    page = client.get(url)
    assert page.status_code == 200, page.text
    return form_fields(page.text)


def _new_item(client, **changes):
    data = _open(client, f"{BASE}/new-item?page=safe")
    data.update({"item_id": ["safe_in_park"], "type": ["single"], "value": ["1"], "subtheme": ["1d"],
                 "variants": ["primary", "secondary"], "text_primary": ["Do you feel safe in the park?"],
                 "text_secondary": ["Do you feel safe in your local park?"],
                 "options-0-id": ["always"], "options-0-label": ["Yes, always"],
                 "options-1-id": ["sometimes"], "options-1-label": ["Some of the time"],
                 "options-2-id": ["never"], "options-2-label": ["No, never"],
                 "options-2-label_secondary": ["No, not ever"], "action": ["save"], "extra": [TRANSLATED]})
    data.update(changes)
    return client.post(f"{BASE}/new-item", data=data)


def test_officer_adds_a_question_with_options_and_tags(client, world, db):
    sign_in_as(client, world.users["officer"])
    response = _new_item(client)
    assert response.status_code == 302, response.text
    latest = _latest(db)
    assert latest.number == 2
    page, position = find_item(latest.definition, "safe_in_park")
    item = page["items"][position]
    assert page["id"] == "safe" and position == len(page["items"]) - 1
    assert (item["type"], item["value"], item["subtheme"]) == ("single", 1, "1d")
    assert item["variants"] == ["primary", "secondary"]
    assert [o["id"] for o in item["options"]] == ["always", "sometimes", "never"]
    assert item["options"][0]["label"] == "Yes, always"
    assert item["options"][2]["label"] == {"primary": "No, never", "secondary": "No, not ever"}
    assert db.get(Consultation, world.open.id).version.number == 1
    audit = db.scalars(select(AuditEvent).where(AuditEvent.action == "survey_saved")).all()
    assert "added safe_in_park" in audit[-1].detail


def test_problems_show_beside_the_fields_they_name_and_nothing_is_saved(client, world, db):
    sign_in_as(client, world.users["officer"])
    hard = "Considering multidimensional circumstances, institutional responsibilities necessitate evaluation."
    response = _new_item(client, text_primary=[hard], item_id=["Bad Id"], subtheme=["3a"])
    assert response.status_code == 400
    text = response.text
    assert "Bad Id, primary: question: reading grade" in text
    # Beside the fields: the error paragraphs that belong to the wording box and the id box.
    assert 'id="text_primary-error"' in text and 'id="item_id-error"' in text and 'id="subtheme-error"' in text
    assert 'href="#text_primary"' in text
    assert "unknown sub-theme &#39;3a&#39; for value 1" in text
    # The grade is worked out on the server too (no JavaScript needed).
    assert 'id="text_primary-grade" class="engage-grade engage-grade--over"' in text
    assert _latest(db).number == 1


def test_check_validates_without_saving(client, world, db):
    sign_in_as(client, world.users["officer"])
    response = _new_item(client, action=["check"])
    assert response.status_code == 200 and "No problems found" in response.text
    assert _latest(db).number == 1


def test_more_option_rows_without_javascript(client, world):
    sign_in_as(client, world.users["officer"])
    response = _new_item(client, action=["rows"])
    assert response.status_code == 200
    assert 'name="options-5-id"' in response.text and 'value="never"' in response.text


def test_edit_keeps_keys_the_editor_does_not_know(client, world, db):
    """Keys of other features (translations, easy read, ballots) survive an edit in the browser."""
    from engage.services import survey_editing as se

    managed = {"type", "scale", "value", "subtheme", "indicator", "sensitive", "profile", "variants",
               "text", "hint", "options"}
    before = _latest(db).definition
    page, position = se.find_item(before, "safe_in_area")
    others = {k: v for k, v in page["items"][position].items() if k not in managed}
    sign_in_as(client, world.users["officer"])
    data = _open(client, f"{BASE}/items/safe_in_area")
    data.update({"text_primary": ["I feel safe near my home."], "action": ["save"]})
    response = client.post(f"{BASE}/items/safe_in_area", data=data)
    assert response.status_code == 302, response.text
    saved = _latest(db).definition
    page, position = se.find_item(saved, "safe_in_area")
    item = page["items"][position]
    assert {k: v for k, v in item.items() if k not in managed} == others
    assert {k: v for k, v in saved.items() if k != "pages"} == {k: v for k, v in before.items() if k != "pages"}
    assert saved["pages"][1:] == before["pages"][1:]
    assert item["text"]["primary"] == "I feel safe near my home."
    assert item["indicator"] == "feel_safe_area" and item["scale"] == "agree"


def test_an_unchanged_item_saves_nothing_and_keeps_its_exact_definition(client, world, db):
    before = _latest(db)
    sign_in_as(client, world.users["officer"])
    for item_id in ["safe_in_area", "bullied"]:
        data = _open(client, f"{BASE}/items/{item_id}")
        data["action"] = ["save"]
        response = client.post(f"{BASE}/items/{item_id}", data=data)
        assert response.status_code == 302, response.text
    assert _latest(db).number == before.number


def test_move_a_question_to_a_new_page(client, world, db):
    sign_in_as(client, world.users["officer"])
    data = _open(client, f"{BASE}/items/safe_in_area")
    data.update({"page": ["__new__"], "new_page_id": ["near_home"], "new_title_primary": ["Near my home"],
                 "new_title_secondary": ["Near your home"], "new_title_post16": ["Near your home"],
                 "new_page_extra": [PAGE_TRANSLATED], "action": ["save"]})
    response = client.post(f"{BASE}/items/safe_in_area", data=data)
    assert response.status_code == 302, response.text
    pages = _latest(db).definition["pages"]
    assert pages[-1]["id"] == "near_home" and [i["id"] for i in pages[-1]["items"]] == ["safe_in_area"]
    assert "safe_in_area" not in [i["id"] for i in pages[0]["items"]]


def test_reorder_and_remove(client, world, db):
    sign_in_as(client, world.users["officer"])
    page = client.get(BASE)
    assert page.status_code == 200 and "Preview as Primary" in page.text
    token = form_fields(page.text)["csrf_token"][0]
    first = [i["id"] for i in _latest(db).definition["pages"][0]["items"]][:2]
    moved = client.post(f"{BASE}/move", data={"csrf_token": token, "base_version": "1", "kind": "item",
                                              "key": first[0], "direction": "down"})
    assert moved.status_code == 302
    assert [i["id"] for i in _latest(db).definition["pages"][0]["items"]][:2] == first[::-1]
    pages = [p["id"] for p in _latest(db).definition["pages"]]
    client.post(f"{BASE}/move", data={"csrf_token": token, "base_version": "2", "kind": "page",
                                      "key": pages[1], "direction": "up"})
    assert [p["id"] for p in _latest(db).definition["pages"]][:2] == [pages[1], pages[0]]
    confirm = client.get(f"{BASE}/items/{first[1]}/remove")
    assert confirm.status_code == 200
    removed = client.post(f"{BASE}/items/{first[1]}/remove", data=form_fields(confirm.text))
    assert removed.status_code == 302
    assert first[1] not in [i["id"] for p in _latest(db).definition["pages"] for i in p["items"]]
    confirm = client.get(f"{BASE}/pages/{pages[0]}/remove")
    held = len(next(p for p in _latest(db).definition["pages"] if p["id"] == pages[0])["items"])
    assert f"Remove page 2, “Being safe and cared for” and its {held} questions?" in confirm.text
    assert "question(s)" not in confirm.text
    assert client.post(f"{BASE}/pages/{pages[0]}/remove", data=form_fields(confirm.text)).status_code == 302
    assert pages[0] not in [p["id"] for p in _latest(db).definition["pages"]]


def test_a_stale_edit_overwrites_nothing(client, world, db):
    sign_in_as(client, world.users["officer"])
    data = _open(client, f"{BASE}/items/safe_in_area")
    other = _open(client, f"{BASE}/items/safe_at_school")
    other.update({"text_primary": ["I feel safe in my school."], "action": ["save"]})
    assert client.post(f"{BASE}/items/safe_at_school", data=other).status_code == 302
    data.update({"text_primary": ["I feel safe near my home."], "action": ["save"]})
    response = client.post(f"{BASE}/items/safe_in_area", data=data)
    assert response.status_code == 400 and "Version 2 was saved while you were editing" in response.text
    assert _latest(db).number == 2


def test_page_titles_and_details(client, world, db):
    sign_in_as(client, world.users["officer"])
    data = _open(client, f"{BASE}/pages/safe/titles")
    data["new_title_primary"] = ["Feeling safe"]
    assert client.post(f"{BASE}/pages/safe/titles", data=data).status_code == 302
    assert _latest(db).definition["pages"][0]["title"]["primary"] == "Feeling safe"
    data = _open(client, f"{BASE}/details")
    data["title"] = ["Annual survey of young people"]
    assert client.post(f"{BASE}/details", data=data).status_code == 302
    assert _latest(db).definition["title"] == "Annual survey of young people"
    data = _open(client, f"{BASE}/pages/safe/titles")
    data["new_title_primary"] = ["Considering multidimensional circumstances and responsibilities"]
    refused = client.post(f"{BASE}/pages/safe/titles", data=data)
    assert refused.status_code == 400 and 'id="new_title_primary-error"' in refused.text


def test_start_a_new_family(client, world, db):
    sign_in_as(client, world.users["youth_council"])
    data = _open(client, "/workspace/surveys/new")
    data.update({"family": ["play-areas"], "title": ["Play areas"], "variants": ["primary", "parent"],
                 "page_id": ["play"], "page_title": ["Places to play"], "item_id": ["like_park"],
                 "item_type": ["scale"], "value": ["3"], "question": ["I like my park."]})
    response = client.post("/workspace/surveys/new", data=data)
    assert response.status_code == 302, response.text
    family = db.scalar(select(SurveyFamily).where(SurveyFamily.slug == "play-areas"))
    definition = latest_version(db, family.id).definition
    assert definition["pages"][0]["items"][0]["text"] == {"primary": "I like my park.", "parent": "I like my park."}
    again = client.post("/workspace/surveys/new", data=data)
    assert again.status_code == 400 and "there is already a survey" in again.text
    data.update({"family": ["new"]})
    assert client.post("/workspace/surveys/new", data=data).status_code == 400


def test_preview_as_each_variant_creates_no_response(client, world, db):
    from engage.models import Response

    sign_in_as(client, world.users["officer"])
    before = len(db.scalars(select(Response)).all())
    primary = client.get(f"{BASE}/preview/primary")
    assert primary.status_code == 200
    assert "I feel safe where I live." in primary.text and "engage-primary" in primary.text
    assert 'src="/static/images/faces/very-happy.svg"' in primary.text
    assert "<form" not in primary.text.split("engage-header__sign-out")[-1].split("</header>")[-1]
    parent = client.get(f"{BASE}/preview/parent", query_string={"page": 2})
    assert parent.status_code == 200 and "engage-primary" not in parent.text
    assert client.get(f"{BASE}/preview/primary", query_string={"item": "bullied"}).status_code == 200
    assert client.get(f"{BASE}/preview/nobody").status_code == 404
    assert len(db.scalars(select(Response)).all()) == before


def test_unknown_items_and_pages_are_404(client, world):
    sign_in_as(client, world.users["officer"])
    assert client.get(f"{BASE}/items/nope").status_code == 404
    assert client.get(f"{BASE}/items/nope/remove").status_code == 404
    assert client.get(f"{BASE}/pages/nope/titles").status_code == 404
    assert client.get("/workspace/surveys/nope").status_code == 404


def test_the_editor_names_pages_and_questions_in_words_not_ids(client, world):
    sign_in_as(client, world.users["officer"])
    family = client.get(BASE).text
    assert "Page 1: Being safe and cared for" in family and "id safe" not in family
    assert '<td class="govuk-table__cell">Scale (5 points)</td>' in family and "flask surveys check" not in family
    assert "Edit wordings<span class=\"govuk-visually-hidden\"> on page 1, “Being safe and cared for”" in family
    assert "Edit wordings on page 1, “Being safe and cared for”</h1>" in client.get(f"{BASE}/pages/safe").text
    assert "Titles of page 1, “Being safe and cared for”</h1>" in client.get(f"{BASE}/pages/safe/titles").text
    item = client.get(f"{BASE}/items/safe_in_area").text
    assert "Edit the question “I feel safe where I live.”</h1>" in item
    assert ">Page 2, “Keeping well in body and mind”</option>" in item and ">healthy:" not in item
    remove = client.get(f"{BASE}/items/safe_in_area/remove").text
    assert "Remove the question “I feel safe where I live.”?" in remove


def test_a_page_with_no_title_is_named_by_its_first_question():
    from engage.services.workspace.survey_names import page_names

    long_question = {"id": "q", "text": {"parent": "How is school? " * 9}}
    definition = {"pages": [{"id": "p1", "title": {}, "items": [long_question]}]}
    assert page_names(definition) == {"p1": f"page 1, “{'How is school? ' * 4}How is…”"}


def test_a_new_survey_typed_as_people_type_says_what_to_change_beside_each_box(client, world, db):
    sign_in_as(client, world.users["youth_council"])
    data = _open(client, "/workspace/surveys/new")
    data.update({"family": ["Youth Priorities 2027"], "title": ["Youth council priorities"],
                 "variants": ["secondary", "post16"], "page_id": ["About you"], "page_title": ["Your ideas"],
                 "item_id": ["Ideas"], "item_type": ["text"], "value": ["5"],
                 "question": ["What should the youth council work on next year?"]})
    refused = client.post("/workspace/surveys/new", data=data)
    assert refused.status_code == 400
    page = unescape(refused.text)
    assert "family must be" not in page  # the file format's word, not the form's
    assert 'href="#family">Survey id: use only lower-case letters, digits and dashes' in page
    assert 'href="#page_id">First page id: use only lower-case letters' in page
    assert 'href="#item_id">First question id: use only lower-case letters' in page
    assert 'id="family-error"' in page and 'id="page_id-error"' in page
    assert 'value="Youth Priorities 2027"' in page  # what was typed stays
