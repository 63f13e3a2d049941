"""The survey editor: wordings per variant, reading grade, same validation as `surveys check`."""
import re

from sqlalchemy import select

from engage.definitions.loader import latest_version
from engage.models import Consultation, SurveyFamily
from tests.conftest import csrf_token
from tests.workspace.factories import sign_in_as

PAGE = "/workspace/surveys/annual-young-people/pages/safe"
BOX = "w__safe_in_area__primary"


def _form(client):
    page = client.get(PAGE)
    assert page.status_code == 200
    data = {"csrf_token": csrf_token(page.text)}
    for name, text in re.findall(r'<textarea[^>]*name="(w__[^"]+)"[^>]*>([^<]*)</textarea>', page.text):
        data[name] = text.replace("&#39;", "'").replace("&amp;", "&").replace("&#34;", '"')
    return page, data


def _family(db):
    return db.scalar(select(SurveyFamily).where(SurveyFamily.slug == "annual-young-people"))


def test_page_shows_reading_grade_beside_young_wordings(client, world):
    sign_in_as(client, world.users["officer"])
    page, _data = _form(client)
    assert f'id="{BOX}-grade"' in page.text and "Reading grade" in page.text
    assert "Question 1 <span class=\"govuk-caption-m\">Scale (5 points)</span>" in page.text
    assert "Question safe_in_area" not in page.text
    assert 'src="/static/js/workspace-readability.js"' in page.text


def test_readability_endpoint_grades_a_wording(client, world):
    sign_in_as(client, world.users["officer"])
    easy = client.get("/workspace/readability", query_string={"variant": "primary", "text": "I feel safe."})
    hard = client.get("/workspace/readability", query_string={
        "variant": "primary", "text": "Considering multidimensional circumstances, institutional "
                                      "responsibilities necessitate comprehensive evaluation."})
    assert easy.json["ok"] and not hard.json["ok"] and hard.json["grade"] > easy.json["grade"]
    assert hard.json["limit"] == 4


def test_saving_a_wording_makes_a_new_version_and_open_consultations_keep_theirs(client, world, db):
    sign_in_as(client, world.users["officer"])
    _page, data = _form(client)
    data[BOX] = "I feel safe near my home."
    response = client.post(PAGE, data=data)
    assert response.status_code == 302
    db.expire_all()
    latest = latest_version(db, _family(db).id)
    assert latest.number == 2
    assert latest.definition["pages"][0]["items"][0]["text"]["primary"] == "I feel safe near my home."
    assert db.get(Consultation, world.open.id).version.number == 1


def test_a_too_hard_wording_is_refused_like_surveys_check(client, world, db):
    sign_in_as(client, world.users["officer"])
    _page, data = _form(client)
    data[BOX] = ("Considering multidimensional circumstances, institutional responsibilities "
                 "necessitate comprehensive neighbourhood evaluation.")
    response = client.post(PAGE, data=data)
    assert response.status_code == 400
    # Said as the officer knows the question and the audience, with what to do next
    assert "“I feel safe where I live.” (Primary): question: reading grade" in response.text
    assert "Put right what is listed here, then save again." in response.text
    shown = re.sub(r"<[^>]+>", " ", response.text.split("<main")[1].split("<form")[0])
    assert "safe_in_area" not in shown
    assert "flask surveys check" not in response.text
    assert latest_version(db, _family(db).id).number == 1


def test_a_refused_wording_is_linked_from_the_summary_and_named_at_its_box(client, world):
    sign_in_as(client, world.users["officer"])
    _page, data = _form(client)
    data[BOX] = ("Considering multidimensional circumstances, institutional responsibilities "
                 "necessitate comprehensive neighbourhood evaluation.")
    response = client.post(PAGE, data=data)
    summary = response.text.split('govuk-error-summary__list')[1].split("</ul>")[0]
    assert f'<a href="#{BOX}">' in summary and "reading grade" in summary
    boxes = response.text.split('<textarea class="govuk-textarea')[1:]
    hard = next(b for b in boxes if f'id="{BOX}"' in b.split(">")[0])
    assert "govuk-textarea--error" in hard.split(">")[0] and f"{BOX}-error" in hard.split(">")[0]
    at_box = response.text.split(f'<p id="{BOX}-error" class="govuk-error-message">')[1].split("</p>")[0]
    # Beside its own box the question and audience go without saying: only what is wrong.
    assert "Reading grade" in at_box and "I feel safe" not in at_box and "question:" not in at_box


def test_export_then_import_round_trips(client, world, db):
    sign_in_as(client, world.users["officer"])
    exported = client.get("/workspace/surveys/annual-young-people/export")
    assert exported.status_code == 200 and "attachment" in exported.headers["Content-Disposition"]
    page = client.get("/workspace/surveys/import")
    text = exported.text.replace("I feel safe where I live.", "I feel safe where I live now.")
    response = client.post("/workspace/surveys/import", data={"csrf_token": csrf_token(page.text),
                                                              "text": text})
    assert response.status_code == 302
    assert latest_version(db, _family(db).id).number == 2


def test_bad_yaml_is_refused_plainly(client, world):
    sign_in_as(client, world.users["officer"])
    page = client.get("/workspace/surveys/import")
    for text in ["family: [unclosed", "just a string", ""]:
        response = client.post("/workspace/surveys/import", data={"csrf_token": csrf_token(page.text),
                                                                  "text": text})
        assert response.status_code == 400 and "The survey was not saved" in response.text


def test_unknown_survey_or_page_is_404(client, world):
    sign_in_as(client, world.users["officer"])
    assert client.get("/workspace/surveys/nope/pages/safe").status_code == 404
    assert client.get("/workspace/surveys/annual-young-people/pages/nope").status_code == 404
