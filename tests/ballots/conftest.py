"""A priority ballot with two schools, and online votes cast through the response service."""
from dataclasses import dataclass
from datetime import timedelta

import pytest

from engage.definitions.survey import survey_of
from engage.models import Consultation, ConsultationStatus, Role, School
from engage.models._time import utcnow
from engage.services import responses as rsp
from engage.services.setup import create_access_code, create_consultation, ensure_school
from tests.workspace.factories import make_user


@dataclass
class Ballot:
    consultation: Consultation
    riverside: School
    park_hill: School
    users: dict


@pytest.fixture
def ballot(loaded, db) -> Ballot:
    now = utcnow()
    consultation = create_consultation(db, "priority-ballot", "ballot-test", "Priority ballot 2027",
                                       ["primary", "secondary", "post16"], now - timedelta(days=1),
                                       now + timedelta(days=30), status=ConsultationStatus.OPEN)
    riverside = ensure_school(db, "Riverside Academy", "secondary", "north")
    park_hill = ensure_school(db, "Park Hill School", "secondary", "south")
    db.commit()
    users = {"officer": make_user(db, Role.OFFICER),
             "contact": make_user(db, Role.SCHOOL_CONTACT, schools=[park_hill])}
    return Ballot(consultation, riverside, park_hill, users)


def vote(db, ballot: Ballot, school: School | None, top: str, ranking: list[str] | None = None) -> None:
    """Cast one online vote from a class code at the school, as the journey would."""
    code = create_access_code(db, ballot.consultation, "secondary", school, 9) if school else None
    db.commit()
    response = rsp.start_response(db, ballot.consultation, "secondary", utcnow(), code)
    items = [i for i in survey_of(ballot.consultation.version).items() if i.type == "ballot"]
    answers = {"top_issue": rsp.AnswerValue(value=top),
               "issue_ranking": rsp.AnswerValue(choices=ranking)}
    rsp.submit(db, response.token, items, answers, utcnow())
