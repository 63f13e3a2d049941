"""The whole respondent journey over HTTP, for every variant of the shipped surveys."""
import re

import pytest
from sqlalchemy import func, select

from engage.definitions.survey import survey_of
from engage.models import Answer, Response, ResponseStatus
from tests.respond.journey import begin, complete

ANNUAL_VARIANTS = ["primary", "secondary", "post16", "parent", "professional"]


@pytest.mark.parametrize("variant", ANNUAL_VARIANTS)
def test_every_annual_variant_completes_and_is_tagged(client, demo, db, variant):
    begin(client, demo["annual"], variant)
    walk = complete(client)
    response = db.scalar(select(Response))
    assert response.status == ResponseStatus.SUBMITTED
    assert response.variant == variant
    survey = survey_of(response.version)
    asked = [i for i in survey.items() if variant in i.variants]
    answers = db.scalars(select(Answer).where(Answer.response_id == response.id)).all()
    assert len(answers) == len(walk.posted) > 0
    for answer in answers:
        item = survey.item(answer.item_key)
        assert item in asked
        assert (answer.value_id, answer.subtheme_id) == (item.value, item.subtheme)


@pytest.mark.parametrize("variant", ["parent", "professional"])
def test_draft_plan_completes(client, demo, db, variant):
    begin(client, demo["plan"], variant)
    complete(client)
    assert db.scalar(select(func.count(Response.id)).where(
        Response.status == ResponseStatus.SUBMITTED)) == 1


def test_primary_shows_one_question_per_page(client, demo, db):
    begin(client, demo["annual"], "primary")
    walk = complete(client)
    response = db.scalar(select(Response))
    survey = survey_of(response.version)
    assert walk.pages == len([i for i in survey.items() if "primary" in i.variants])


def test_progress_is_shown(client, demo):
    begin(client, demo["annual"], "primary")
    page = client.get("/answer/2")
    assert "Question 2 of" in page.text


def test_other_variants_group_questions(client, demo, db):
    begin(client, demo["annual"], "secondary")
    walk = complete(client)
    response = db.scalar(select(Response))
    survey = survey_of(response.version)
    assert walk.pages < len([i for i in survey.items() if "secondary" in i.variants])


def test_notice_says_anonymous_its_limit_and_where_to_get_help(client, demo):
    for variant in ANNUAL_VARIANTS:
        page = client.get(f"/c/{demo['annual']}/{variant}")
        assert "Childline" in page.text and "0800 1111" in page.text


def test_start_page_lists_open_consultations(client, demo):
    page = client.get("/")
    assert page.status_code == 200
    assert f"/c/{demo['annual']}" in page.text and f"/c/{demo['plan']}" in page.text


def test_choosing_an_audience_leads_to_its_notice(client, demo):
    from tests.conftest import csrf_token

    page = client.get(f"/c/{demo['annual']}")
    chosen = client.post(f"/c/{demo['annual']}",
                         data={"csrf_token": csrf_token(page.text), "audience": "post16"})
    assert chosen.headers["Location"].endswith(f"/c/{demo['annual']}/post16")


def test_back_keeps_answers(client, demo):
    from tests.conftest import csrf_token

    begin(client, demo["annual"], "primary")
    first = client.get("/answer/1")
    name = re.search(r'name="(q_[a-z0-9_]+)" type="radio"', first.text).group(1)
    client.post("/answer/1", data={"csrf_token": csrf_token(first.text), name: "2", "action": "next"})
    again = client.get("/answer/1")
    assert 'value="2" checked' in again.text


def test_class_code_fixes_school_and_year(client, demo, db):
    code, variant, school_id, year = demo["codes"][0]
    joined = client.get(f"/join/{code}")
    assert joined.headers["Location"].endswith(f"/c/{demo['annual']}/{variant}")
    begin(client, demo["annual"], variant)
    complete(client)
    response = db.scalar(select(Response))
    assert (response.school_id, response.year_group, response.school_fixed) == (school_id, year, True)


def test_typed_class_code_ignores_case_and_spaces(client, demo):
    from tests.conftest import csrf_token

    code = demo["codes"][1][0]
    start = client.get("/")
    typed = f" {code[:3].lower()} {code[3:].lower()} "
    result = client.post("/code", data={"csrf_token": csrf_token(start.text), "code": typed})
    assert result.status_code == 302


def test_nothing_identifying_is_stored_with_a_response():
    columns = {c.name for c in Response.__table__.columns}
    assert not {c for c in columns if any(w in c for w in ("ip", "agent", "user", "cookie", "email"))}
