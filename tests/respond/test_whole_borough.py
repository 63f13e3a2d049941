"""Professionals who work across the whole borough can say so; young people and parents are not asked it."""
import pytest
from sqlalchemy import select

from engage.models import Response
from tests.conftest import csrf_token
from tests.respond.journey import begin, fill


def _area_page(client) -> tuple[int, str]:
    """Answer page after page until the one asking for the area; return its number and page."""
    for number in range(1, 80):
        page = client.get(f"/answer/{number}")
        if 'name="q_area"' in page.text:
            return number, page.text
        data = {**fill(page.text), "csrf_token": csrf_token(page.text), "action": "next"}
        assert client.post(f"/answer/{number}", data=data).status_code == 302
    raise AssertionError("no page asks for the area")


def test_a_professional_can_answer_across_the_whole_borough(client, demo, db):
    begin(client, demo["annual"], "professional")
    number, page = _area_page(client)
    assert 'value="borough"' in page and "Across the whole borough" in page
    data = {**fill(page), "q_area": "borough", "csrf_token": csrf_token(page), "action": "next"}
    assert client.post(f"/answer/{number}", data=data).status_code == 302
    db.rollback()
    assert db.scalar(select(Response)).area_id == "borough"


@pytest.mark.parametrize("variant", ["secondary", "post16", "parent"])
def test_people_asked_where_they_live_are_not_offered_it(client, demo, variant):
    begin(client, demo["annual"], variant)
    _, page = _area_page(client)
    assert 'value="borough"' not in page
