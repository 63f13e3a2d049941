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


def test_schools_are_listed_with_numbers_in_order(client, demo, db):
    for name in ("St Mark's 10 School", "St Mark's 8 School", "St Mark's 9 School"):
        ensure_school(db, name, "primary", "north")
    db.commit()
    begin(client, demo["annual"], "primary")
    _, page = _school_page(client)
    shown = [page.index(f"St Mark&#39;s {n} School") for n in (8, 9, 10)]
    assert shown == sorted(shown)


def test_the_demo_schools_have_names_like_a_councils(loaded, db):
    from engage.services.demo.synthetic import demo_schools

    made = demo_schools(db)
    from engage.models import School

    names = [db.get(School, school_id).name for phase in made.values() for school_id, _, _ in phase]
    assert len(names) == len(set(names)) == 12
    assert not [n for n in names if "synthetic" in n.lower() or any(c.isdigit() for c in n)]
    assert all(n.endswith(("School", "Academy")) for n in names)


@pytest.mark.parametrize(("variant", "language", "wording"), [
    ("post16", "en", "I do not go to school or college"),
    ("post16", "ar", "لا أذهب إلى مدرسة أو كلية"),
    ("post16", "pl", "Nie chodzę do szkoły ani do college&#39;u"),
    ("secondary", "en", "I do not go to school"),
    ("primary", "en", "I do not go to school"),
    ("primary", "pl", "Nie chodzę do szkoły"),
    ("parent", "en", "My child does not go to school or college"),
])
def test_someone_who_goes_to_no_school_or_college_can_say_so(client, every_phase, db, variant, language, wording):
    from sqlalchemy import select

    from engage.models import Answer, Response

    client.get(f"/c/{every_phase['annual']}/{variant}?lang={language}")
    begin(client, every_phase["annual"], variant)
    number, page = _school_page(client)
    assert 'value="not_at_school"' in page and wording in page
    sent = client.post(f"/answer/{number}", data={"csrf_token": csrf_token(page), "q_school": "not_at_school",
                                                   "action": "next"})
    assert sent.status_code == 302
    db.rollback()
    answer = db.scalar(select(Answer).where(Answer.item_key == "school"))
    # Recorded as that answer, and never as a school.
    assert answer.value == "not_at_school" and db.scalar(select(Response)).school_id is None
