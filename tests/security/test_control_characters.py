"""Control characters and lone surrogates never reach the database: removed or refused plainly.

PostgreSQL refuses a NUL byte in text; before the request filter a NUL in free text, an
address or the sign-in email was a server error there and the child's page was lost.
"""
import io

import pytest
from sqlalchemy import select

from engage.input_filter import clean
from engage.models import Answer, School, User
from tests.conftest import csrf_token
from tests.respond.journey import TEXTAREA, begin, fill
from tests.workspace.factories import sign_in_as

# A lone surrogate cannot travel in UTF-8 (the browser or the decoder replaces it), so the HTTP
# tests send the control characters and the unit test adds the surrogate.
NASTY = "\x00\x01\x08\x0b\x0c\x1b\x7f"


def test_clean_keeps_tabs_and_line_breaks_and_drops_the_rest():
    assert clean(f"a{NASTY}\ud800b\tc\nd\r\ne") == "ab\tc\nd\r\ne"
    assert clean("Zoë 😀 عربى") == "Zoë 😀 عربى"


def _first_text_page(client, demo):
    begin(client, demo["annual"], "secondary")
    for number in range(1, 15):
        page = client.get(f"/answer/{number}")
        if TEXTAREA.search(page.text):
            return number, page
        client.post(f"/answer/{number}", data={**fill(page.text), "csrf_token": csrf_token(page.text),
                                                "action": "next"})
    raise AssertionError("no page with free text")


def test_free_text_with_nul_is_saved_without_it(client, demo, db):
    number, page = _first_text_page(client, demo)
    data = {**fill(page.text, text=f"more\x00 clubs{NASTY} please"), "csrf_token": csrf_token(page.text),
            "action": "next"}
    result = client.post(f"/answer/{number}", data=data)
    assert result.status_code == 302
    assert db.scalars(select(Answer.text).where(Answer.text.is_not(None))).all() == ["more clubs please"]


@pytest.mark.parametrize("path", ["/c/annual%00", "/join/AB%00CD", "/c/x%1b/secondary",
                                  "/answer/1%00"])
def test_an_address_with_control_characters_gets_a_plain_400(client, demo, path):
    page = client.get(path)
    assert page.status_code == 400
    assert "holds characters that no page uses" in page.text


@pytest.mark.parametrize("query", ["?lang=a%00r", "?next=%00", "?q=%ED%A0%80%00"])
def test_a_query_string_with_control_characters_is_served(client, demo, query):
    assert client.get(f"/{query}").status_code == 200
    assert client.get(f"/c/{demo['annual']}/secondary{query}").status_code == 200


def test_sign_in_email_with_nul_is_an_ordinary_failed_sign_in(client, app):
    page = client.get("/auth/sign-in")
    result = client.post("/auth/sign-in", data={"csrf_token": csrf_token(page.text),
                                                "email": "officer\x00@example.org", "password": "x\x00y"})
    assert result.status_code == 400
    assert 'class="govuk-error-message"' in result.text


def test_class_code_with_nul_gets_the_not_found_message(client, demo):
    page = client.get("/")
    result = client.post("/code", data={"csrf_token": csrf_token(page.text), "code": "ZZ\x00ZZZZ"})
    assert result.status_code == 400 and "could not find that code" in result.text


def test_workspace_form_saves_text_without_control_characters(client, world, db):
    sign_in_as(client, world.users["officer"])
    page = client.get("/workspace/schools/new")
    data = {"csrf_token": csrf_token(page.text), "name": "Hill\x00 Top\x1b Primary", "phase": "primary",
            "area_id": "east"}
    assert client.post("/workspace/schools/new", data=data).status_code == 302
    assert db.scalar(select(School.name).where(School.name.like("Hill%"))) == "Hill Top Primary"


def test_upload_with_control_characters_in_its_name_and_body_gets_a_message(client, world, db):
    sign_in_as(client, world.users["admin"])
    page = client.get("/workspace/surveys/import-xlsform")
    upload = (io.BytesIO(b"\x00\x01not a spreadsheet\x00"), "form\x00\x1b.xlsx")
    result = client.post("/workspace/surveys/import-xlsform", data={"csrf_token": csrf_token(page.text),
                                                                    "file": upload},
                         content_type="multipart/form-data")
    assert result.status_code == 400
    assert "Traceback" not in result.text and 'class="govuk-error' in result.text


def test_accounts_are_untouched_by_a_nul_email(client, app, db):
    test_sign_in_email_with_nul_is_an_ordinary_failed_sign_in(client, app)
    assert db.scalars(select(User)).all() == []
