"""The XLSForm import page in the workspace: upload, the same checks, the row-by-row report."""
import io

from sqlalchemy import select

from engage.definitions.loader import latest_version
from engage.definitions.xlsform import ImportOptions, import_xlsform
from engage.models import SurveyFamily
from tests.conftest import csrf_token
from tests.workspace.factories import sign_in_as
from tests.xlsform import forms

PAGE = "/workspace/surveys/import-xlsform"


def _post(client, data: bytes, filename="form.xlsx", **fields):
    token = csrf_token(client.get(PAGE).text)
    form = {"csrf_token": token, "file": (io.BytesIO(data), filename), **fields}
    return client.post(PAGE, data=form, content_type="multipart/form-data")


def test_an_officer_imports_a_household_survey_and_reads_the_report(client, world, db):
    sign_in_as(client, world.users["officer"])
    response = _post(client, forms.kobo_household(), "household.xlsx", variants=["parent", "professional"],
                     value="4")
    assert response.status_code == 200
    assert "Survey imported" in response.text and "hh-survey-2024: version 1 (created)" in response.text
    assert "it is inside the repeat &#39;members&#39;, which is not supported" in response.text
    assert "<td class=\"govuk-table__cell\">hh_size</td>" in response.text
    assert db.scalar(select(SurveyFamily).where(SurveyFamily.slug == "hh-survey-2024")) is not None


def test_the_youth_council_imports_with_a_chosen_id(client, world, db):
    sign_in_as(client, world.users["youth_council"])
    response = _post(client, forms.engage_ready(), family="our-voice", variants=["secondary"])
    assert response.status_code == 200 and "our-voice: version 1 (created)" in response.text


def test_a_broken_file_gets_a_plain_message(client, world):
    sign_in_as(client, world.users["officer"])
    response = _post(client, b"name,age\nSam,12\n", "people.csv")
    assert response.status_code == 400
    assert "The file could not be imported" in response.text and "not an Excel workbook" in response.text


def test_no_file_is_a_form_error(client, world):
    sign_in_as(client, world.users["officer"])
    token = csrf_token(client.get(PAGE).text)
    response = client.post(PAGE, data={"csrf_token": token}, content_type="multipart/form-data")
    assert response.status_code == 400 and "Choose an XLSForm file (.xlsx)." in response.text


def test_a_survey_failing_the_checks_is_not_saved_and_both_lists_show(client, world, db):
    sign_in_as(client, world.users["officer"])
    data = forms.workbook([["type", "name", "label", "required", "engage_value"],
                           ["text", "views", "Articulate comprehensive considerations regarding institutional "
                                             "accountability mechanisms.", "yes", "5"]],
                          None, [["form_id"], ["hard-words"]])
    response = _post(client, data, variants=["primary"])
    assert response.status_code == 400
    assert "The survey was not saved" in response.text and "reading grade" in response.text
    assert "every engage question is optional" in response.text
    assert db.scalar(select(SurveyFamily).where(SurveyFamily.slug == "hard-words")) is None


def test_the_survey_list_links_to_import_and_download_xlsform(client, world):
    sign_in_as(client, world.users["officer"])
    page = client.get("/workspace/surveys")
    assert f'href="{PAGE}"' in page.text
    assert 'href="/workspace/surveys/annual-young-people/xlsform"' in page.text


def test_download_as_xlsform_imports_back_unchanged(client, world, db):
    sign_in_as(client, world.users["youth_council"])
    response = client.get("/workspace/surveys/priority-ballot/xlsform")
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    assert 'filename="priority-ballot-v1.xlsx"' in response.headers["Content-Disposition"]
    family = db.scalar(select(SurveyFamily).where(SurveyFamily.slug == "priority-ballot"))
    imported = import_xlsform(response.data, ImportOptions())
    assert imported.definition == latest_version(db, family.id).definition and imported.notes == []


def test_the_value_choices_name_the_five_values(client, world):
    sign_in_as(client, world.users["officer"])
    page = client.get(PAGE)
    assert page.status_code == 200 and "1: Safe and supported" in page.text
