"""Schools, class codes by year group, and the printable class sheet."""
from sqlalchemy import select

from engage.models import AccessCode, AuditEvent, ConsultationStatus, School
from engage.services.workspace.schools import variant_for_year
from tests.conftest import csrf_token
from tests.workspace.factories import sign_in_as

BANDS = [{"id": "primary", "years": [4, 5, 6]}, {"id": "secondary", "years": [7, 8, 9, 10, 11]},
         {"id": "post16", "years": [12, 13]}]


def test_year_groups_map_to_variants():
    assert [variant_for_year(y, BANDS) for y in (3, 4, 6, 7, 11, 12, 13)] == \
        [None, "primary", "primary", "secondary", "secondary", "post16", "post16"]


def test_officer_registers_a_school_with_its_roll(client, world, db):
    sign_in_as(client, world.users["officer"])
    page = client.get("/workspace/schools/new")
    data = {"csrf_token": csrf_token(page.text), "name": "Hill Top Primary", "phase": "primary",
            "area_id": "east", "roll_5": "31", "roll_6": ""}
    assert client.post("/workspace/schools/new", data=data).status_code == 302
    school = db.scalar(select(School).where(School.name == "Hill Top Primary"))
    assert school.area_id == "east" and school.roll == {"5": 31}


def test_school_form_refuses_bad_input_plainly(client, world):
    sign_in_as(client, world.users["officer"])
    page = client.get("/workspace/schools/new")
    data = {"csrf_token": csrf_token(page.text), "name": world.other.name, "phase": "castle",
            "area_id": "atlantis", "roll_5": "-3"}
    response = client.post("/workspace/schools/new", data=data)
    assert response.status_code == 400 and "There is a problem" in response.text
    data.update(phase="primary", area_id="north", roll_5="3")
    response = client.post("/workspace/schools/new", data=data)
    assert response.status_code == 400 and "already a school with that name" in response.text


def _make_codes(client, consultation_id, school_id, years):
    url = f"/workspace/consultations/{consultation_id}/codes"
    page = client.get(url)
    return client.post(url, data={"csrf_token": csrf_token(page.text), "school": school_id, "years": years})


def test_codes_take_the_variant_of_the_year_and_expire_with_the_consultation(client, world, db):
    sign_in_as(client, world.users["officer"])
    assert _make_codes(client, world.open.id, world.mine.id, [4, 5]).status_code == 302
    assert _make_codes(client, world.open.id, world.other.id, [9]).status_code == 302
    codes = db.scalars(select(AccessCode).where(AccessCode.year_group.in_([4, 5, 9]))
                       .order_by(AccessCode.year_group)).all()
    assert [(c.year_group, c.variant) for c in codes] == [(4, "primary"), (5, "primary"), (9, "secondary")]
    assert {c.expires_at for c in codes} == {world.open.closes_at}
    assert "codes_generated" in db.scalars(select(AuditEvent.action)).all()


def test_only_years_the_consultation_has_a_survey_for_are_offered(client, world):
    sign_in_as(client, world.users["officer"])
    page = client.get(f"/workspace/consultations/{world.open.id}/codes").text
    assert 'value="6"' in page and 'value="11"' in page and 'value="12"' not in page
    assert "Years 4 to 6: the primary survey. Years 7 to 11: the secondary survey." in page
    refused = _make_codes(client, world.open.id, world.mine.id, [12])
    assert refused.status_code == 400
    assert "This consultation has no survey for year 12. Choose from the year groups listed." in refused.text
    assert "valid choice" not in refused.text.lower()
    typed = _make_codes(client, world.open.id, world.mine.id, ["six"])
    assert typed.status_code == 400 and "Choose from the year groups listed." in typed.text
    assert "coerced" not in typed.text


def test_a_consultation_with_no_young_peoples_survey_offers_no_class_codes(client, world, db):
    from datetime import timedelta

    from engage.models._time import utcnow
    from engage.services.setup import create_consultation

    parents = create_consultation(db, "annual-young-people", "parents", "Parents only", ["parent"],
                                  utcnow(), utcnow() + timedelta(days=30), status=ConsultationStatus.OPEN)
    db.commit()
    sign_in_as(client, world.users["officer"])
    page = client.get(f"/workspace/consultations/{parents.id}/codes").text
    assert "it has no survey for young people" in page and "Make codes" not in page


def test_school_contact_makes_codes_for_their_school_only(client, world, db):
    sign_in_as(client, world.users["school_contact"])
    refused = _make_codes(client, world.open.id, world.other.id, [7])
    assert refused.status_code == 400 and "Choose one of the schools listed." in refused.text
    assert "valid choice" not in refused.text.lower()
    assert _make_codes(client, world.open.id, world.mine.id, [6]).status_code == 302
    page = client.get(f"/workspace/consultations/{world.open.id}/codes")
    assert world.mine.name in page.text and world.other.name not in page.text


def test_school_contact_cannot_open_another_schools_sheet(client, world):
    sign_in_as(client, world.users["school_contact"])
    url = f"/workspace/consultations/{world.open.id}/codes/{world.other.id}/sheet"
    assert client.get(url).status_code == 403
    assert client.get("/workspace/schools/999999/edit").status_code == 403


def test_class_sheet_has_code_short_link_and_qr(client, world, db):
    sign_in_as(client, world.users["officer"])
    code = db.scalar(select(AccessCode).where(AccessCode.school_id == world.mine.id))
    page = client.get(f"/workspace/consultations/{world.open.id}/codes/{world.mine.id}/sheet")
    assert page.status_code == 200
    assert code.code in page.text and f"http://localhost/join/{code.code}" in page.text
    assert '<svg role="img" aria-label="QR code that opens http://localhost/join/' in page.text
    assert "style=" not in page.text.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_a_school_contact_is_offered_only_consultations_its_classes_can_take(client, world, db):
    from datetime import timedelta

    from engage.models._time import utcnow
    from engage.services.setup import create_consultation

    create_consultation(db, "annual-young-people", "parents", "Parents only", ["parent"],
                        utcnow(), utcnow() + timedelta(days=30), status=ConsultationStatus.OPEN)
    db.commit()
    sign_in_as(client, world.users["school_contact"])
    home = client.get("/workspace/").text.split("Surveys your classes can take now")[1]
    assert "Annual survey 2027" in home and "Parents only" not in home


def test_a_primary_school_gets_no_codes_for_secondary_years(client, world, db):
    sign_in_as(client, world.users["officer"])
    refused = _make_codes(client, world.open.id, world.mine.id, [6, 9])
    assert refused.status_code == 400
    assert "Riverside Primary is a primary school, so it has no year 9 classes." in refused.text
    assert db.scalar(select(AccessCode).where(AccessCode.school_id == world.mine.id,
                                              AccessCode.year_group.in_([6, 9]))) is None


def test_a_school_contact_is_offered_only_the_years_of_its_school(client, world):
    sign_in_as(client, world.users["school_contact"])
    page = client.get(f"/workspace/consultations/{world.open.id}/codes").text
    assert 'value="6"' in page and 'value="7"' not in page
    assert "Years 4 to 6: the primary survey." in page and "secondary survey" not in page
