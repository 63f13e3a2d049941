"""The youth council changes the surveys it made, never the council's; officers change both."""
import io

import pytest
from sqlalchemy import func, select

from engage.definitions.loader import latest_version
from engage.models import Role, SurveyFamily, SurveyVersion
from engage.permissions import can_edit_survey
from tests.conftest import csrf_token
from tests.workspace.factories import make_user, sign_in_as
from tests.workspace.html_forms import form_fields
from tests.xlsform import forms

COUNCIL = "/workspace/surveys/annual-young-people"
# Every page that changes a survey, each with a change it would save.
CHANGES = {
    "/pages/safe": {"w__safe_in_area__primary": ["I feel safe near my home."]},
    "/details": {"title": ["Taken over"], "base_version": ["1"]},
    "/pages/safe/titles": {"new_title_primary": ["Taken over"], "base_version": ["1"]},
    "/pages/safe/remove": {"base_version": ["1"]},
    "/new-item?page=safe": {"item_id": ["taken"], "type": ["text"], "value": ["1"], "variants": ["primary"],
                            "text_primary": ["Taken over?"], "action": ["save"], "base_version": ["1"]},
    "/items/safe_in_area": {"text_primary": ["Taken over?"], "action": ["save"], "base_version": ["1"]},
    "/items/safe_in_area/remove": {"base_version": ["1"]},
    "/move": {"kind": ["page"], "key": ["safe"], "direction": ["down"], "base_version": ["1"]},
}


def _versions(db, slug: str) -> int:
    db.rollback()  # end the read transaction, so the next query sees what the app saved
    return db.scalar(select(func.count(SurveyVersion.id)).join(SurveyFamily).where(SurveyFamily.slug == slug))


def _family(db, slug: str) -> SurveyFamily:
    db.rollback()
    db.expire_all()
    return db.scalar(select(SurveyFamily).where(SurveyFamily.slug == slug))


def _new_survey(client, slug: str):
    data = form_fields(client.get("/workspace/surveys/new").text)
    data.update({"family": [slug], "title": ["Play areas"], "variants": ["primary", "parent"], "page_id": ["play"],
                 "page_title": ["Places to play"], "item_id": ["like_park"], "item_type": ["scale"], "value": ["3"],
                 "question": ["I like my park."]})
    return client.post("/workspace/surveys/new", data=data)


@pytest.mark.parametrize("path", CHANGES)
def test_the_youth_council_can_neither_open_nor_save_a_change_to_the_councils_survey(app, client, world, db, path):
    app.config["WTF_CSRF_ENABLED"] = False  # a forged form gets no further than a real one
    sign_in_as(client, world.users["youth_council"])
    if path != "/move":
        assert client.get(COUNCIL + path).status_code == 403
    assert client.post(COUNCIL + path, data=CHANGES[path]).status_code == 403
    assert _versions(db, "annual-young-people") == 1


def test_an_officer_still_changes_the_councils_survey(client, world, db):
    sign_in_as(client, world.users["officer"])
    data = form_fields(client.get(f"{COUNCIL}/details").text)
    data["title"] = ["Annual survey of young people"]
    assert client.post(f"{COUNCIL}/details", data=data).status_code == 302
    assert _versions(db, "annual-young-people") == 2


def test_a_youth_council_import_cannot_replace_the_councils_survey(client, world, db):
    sign_in_as(client, world.users["youth_council"])
    exported = client.get(f"{COUNCIL}/export")  # reading it is fine
    assert exported.status_code == 200
    token = csrf_token(client.get("/workspace/surveys/import").text)
    text = exported.text.replace("I feel safe where I live.", "I feel safe where I live now.")
    refused = client.post("/workspace/surveys/import", data={"csrf_token": token, "text": text})
    assert refused.status_code == 403 and "the council&#39;s" in refused.text
    assert _versions(db, "annual-young-people") == 1


def test_a_youth_council_xlsform_cannot_replace_the_councils_survey(client, world, db):
    sign_in_as(client, world.users["youth_council"])
    page = "/workspace/surveys/import-xlsform"
    form = {"csrf_token": csrf_token(client.get(page).text), "family": "annual-young-people",
            "variants": ["secondary"], "file": (io.BytesIO(forms.engage_ready()), "form.xlsx")}
    assert client.post(page, data=form, content_type="multipart/form-data").status_code == 403
    assert _versions(db, "annual-young-people") == 1


def test_a_survey_one_youth_council_member_makes_another_may_change(client, world, db):
    sign_in_as(client, world.users["youth_council"])
    assert _new_survey(client, "our-priorities").status_code == 302
    assert _family(db, "our-priorities").made_by_youth_council
    sign_in_as(client, make_user(db, Role.YOUTH_COUNCIL, "second.member@example.org"))
    data = form_fields(client.get("/workspace/surveys/our-priorities/details").text)
    data["title"] = ["Play areas near us"]
    assert client.post("/workspace/surveys/our-priorities/details", data=data).status_code == 302
    sign_in_as(client, world.users["officer"])
    data = form_fields(client.get("/workspace/surveys/our-priorities/pages/play/titles").text)
    data["new_title_primary"] = ["Where I play"]
    assert client.post("/workspace/surveys/our-priorities/pages/play/titles", data=data).status_code == 302
    family = _family(db, "our-priorities")
    assert latest_version(db, family.id).number == 3 and family.made_by_youth_council


def test_a_survey_an_officer_makes_is_the_councils(client, world, db):
    sign_in_as(client, world.users["officer"])
    assert _new_survey(client, "officer-priorities").status_code == 302
    assert not _family(db, "officer-priorities").made_by_youth_council
    sign_in_as(client, world.users["youth_council"])
    assert client.get("/workspace/surveys/officer-priorities/details").status_code == 403


def test_the_survey_list_offers_the_youth_council_only_its_own_to_change(client, world, db):
    sign_in_as(client, world.users["youth_council"])
    assert _new_survey(client, "our-priorities").status_code == 302
    listing = client.get("/workspace/surveys").text
    assert 'href="/workspace/surveys/our-priorities"' in listing
    assert 'href="/workspace/surveys/our-priorities/pages/play"' in listing
    assert f'href="{COUNCIL}"' not in listing and f'href="{COUNCIL}/pages/' not in listing
    assert f'href="{COUNCIL}/preview/primary"' in listing and f'href="{COUNCIL}/export"' in listing
    assert "the council's survey, so you can read it but not change it" in listing
    sign_in_as(client, world.users["officer"])
    listing = client.get("/workspace/surveys").text
    assert f'href="{COUNCIL}"' in listing and 'href="/workspace/surveys/our-priorities"' in listing
    assert "you can read it but not change it" not in listing


@pytest.mark.parametrize(("role", "council", "youth_council"), [
    (Role.ADMIN, True, True), (Role.OFFICER, True, True), (Role.YOUTH_COUNCIL, False, True),
    (Role.SCHOOL_CONTACT, False, False), (Role.SAFEGUARDING_LEAD, False, False)])
def test_who_may_change_which_survey(db, role, council, youth_council):
    user = make_user(db, role)
    assert can_edit_survey(user, SurveyFamily(slug="c", title="C", made_by_youth_council=False)) is council
    assert can_edit_survey(user, SurveyFamily(slug="y", title="Y", made_by_youth_council=True)) is youth_council
