"""A survey with number and date questions and a page intro, open to secondary pupils and parents."""
from datetime import timedelta

import pytest

from engage.definitions.loader import load_definition
from engage.models import ConsultationStatus
from engage.models._time import utcnow
from engage.services.setup import create_consultation

TEXT = {"secondary": "How old are you?", "parent": "How old is your child?"}
DEFINITION = {
    "family": "numbers-and-dates", "title": "Numbers and dates", "variants": ["secondary", "parent"],
    "pages": [{
        "id": "about", "title": {"secondary": "About you", "parent": "About your child"},
        "intro": {"secondary": "These questions help us know who answered.",
                  "parent": "These questions help us know who answered."},
        "items": [
            {"id": "age", "type": "number", "value": 2, "min": 5, "max": 25, "text": TEXT},
            {"id": "hours", "type": "number", "decimals": True, "value": 2,
             "text": {"secondary": "How many hours do you sleep?", "parent": "How many hours does your child sleep?"}},
            {"id": "moved", "type": "date", "value": 4,
             "text": {"secondary": "When did you move here?", "parent": "When did you move here?"}},
        ]},
        {"id": "more", "title": {"secondary": "More", "parent": "More"},
         "items": [{"id": "else", "type": "text", "value": 5,
                    "text": {"secondary": "Is there anything else?", "parent": "Is there anything else?"}}]}],
}


@pytest.fixture
def numbers_consultation(loaded, db):
    """An open consultation of the numbers-and-dates survey."""
    load_definition(db, DEFINITION)
    db.commit()
    now = utcnow()
    consultation = create_consultation(db, "numbers-and-dates", "numbers", "Numbers", ["secondary", "parent"],
                                       now - timedelta(days=1), now + timedelta(days=30),
                                       status=ConsultationStatus.OPEN)
    db.commit()
    return consultation
