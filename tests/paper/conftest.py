"""An open consultation with the annual survey, a school, and an officer to type forms in."""
from datetime import timedelta

import pytest

from engage.models import ConsultationStatus, Role
from engage.models._time import utcnow
from engage.services.setup import create_consultation, ensure_school
from tests.workspace.factories import make_user


@pytest.fixture
def paper_world(loaded, db):
    now = utcnow()
    consultation = create_consultation(db, "annual-young-people", "paper-test", "Annual survey 2027",
                                       ["primary", "secondary"], now - timedelta(days=1),
                                       now + timedelta(days=30), status=ConsultationStatus.OPEN)
    school = ensure_school(db, "Riverside Primary", "primary", "north")
    db.commit()
    return {"consultation": consultation, "school": school, "officer": make_user(db, Role.OFFICER)}
