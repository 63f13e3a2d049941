"""Each age band is offered the schools it goes to, and can still say its school is not listed."""
import pytest

from engage.services.setup import ensure_school
from tests.conftest import csrf_token
from tests.respond.journey import begin, fill


def _school_page(client) -> tuple[int, str]:
    """Answer page after page until the one asking for the school; return its number and page."""
    for number in range(1, 80):
        page = client.get(f"/answer/{number}")
        if 'name="q_school"' in page.text:
            return number, page.text
        data = {**fill(page.text), "csrf_token": csrf_token(page.text), "action": "next"}
        assert client.post(f"/answer/{number}", data=data).status_code == 302
    raise AssertionError("no page asks for the school")


@pytest.fixture
def every_phase(demo, db):
    ensure_school(db, "Meadow All-through School", "all-through", "east")
    ensure_school(db, "Oak Special School", "special", "north")
    db.commit()
    return demo


@pytest.mark.parametrize(("variant", "offered", "not_offered"), [
    ("primary", {"Riverside Primary School", "Meadow All-through School", "Oak Special School"},
     {"Park Hill Secondary School", "Riverside College"}),
    ("secondary", {"Park Hill Secondary School", "Meadow All-through School", "Oak Special School"},
     {"Riverside Primary School", "Riverside College"}),
    ("post16", {"Riverside College", "Park Hill Secondary School", "Meadow All-through School"},
     {"Riverside Primary School"}),
    ("parent", {"Riverside Primary School", "Park Hill Secondary School", "Riverside College"}, set()),
])
def test_the_school_question_lists_the_schools_of_the_age_band(client, every_phase, variant, offered, not_offered):
    begin(client, every_phase["annual"], variant)
    _, page = _school_page(client)
    assert all(name in page for name in offered)
    assert not [name for name in not_offered if name in page]
    assert "is not on the list" in page and 'value="not_listed"' in page and 'value="rather_not"' in page


def test_a_child_whose_school_is_not_listed_can_say_so(client, every_phase, db):
    from sqlalchemy import select

    from engage.models import Answer, Response

    begin(client, every_phase["annual"], "primary")
    number, page = _school_page(client)
    sent = client.post(f"/answer/{number}", data={"csrf_token": csrf_token(page), "q_school": "not_listed",
                                                   "action": "next"})
    assert sent.status_code == 302
    db.rollback()
    answer = db.scalar(select(Answer).where(Answer.item_key == "school"))
    assert answer.value == "not_listed" and db.scalar(select(Response)).school_id is None
