"""A consultation with known answers, built through the services (not HTTP).

Secondary pupils at a big school (20) and a small one (3), and 10 parents, answer the linked
item home_ok, free text, area and priority groups. Value tags come from a stub tagger so
every figure is known in advance.
"""
from dataclasses import dataclass
from datetime import timedelta

from engage.analysis.tagging import Tagging
from engage.definitions.survey import survey_of
from engage.models import Consultation, ConsultationStatus, School
from engage.models._time import utcnow
from engage.services import free_text
from engage.services.responses import AnswerValue, start_response, submit
from engage.services.setup import create_consultation, ensure_school

HYPERLINK = '=HYPERLINK("#top","click me")'
DISCLOSURE = "my uncle hits me at home"
LIGHTS = "We need more street lights in the park"
NAMED = "My name is Tom and I want more clubs"
SMALL_SCHOOL_TEXT = "Our tiny school needs a bus"

# (variant, school, home_ok, text, area, priority groups)
BIG = [("secondary", "A", v, None, "north", []) for v in "55555555444444333221"]
SMALL = [("secondary", "B", v, None, "south", []) for v in "442"]
PARENTS = [("parent", None, v, None, "east", []) for v in "5555544422"]


def people() -> list[tuple]:
    """Return every respondent, with texts and priority groups placed on some of them."""
    big = [list(p) for p in BIG]
    for i in range(5):
        big[i][3] = LIGHTS
    big[5][3], big[6][3], big[7][3] = HYPERLINK, DISCLOSURE, NAMED
    for i in range(6):
        big[i][5] = ["young_carer"]
    big[10][5] = big[11][5] = ["send"]
    small = [list(p) for p in SMALL]
    small[0][3] = SMALL_SCHOOL_TEXT
    parents = [list(p) for p in PARENTS]
    parents[0][5] = parents[1][5] = ["send"]
    return [tuple(p) for p in big + small + parents]


class StubTagger:
    """Tags every comment with value 1, sub-theme 1d: the item's own value."""

    def predict(self, texts):
        return [Tagging(primary_value=1, values=((1, 0.9),), subtheme="1d", confidence=0.9)
                for _ in texts]


@dataclass
class Known:
    consultation: Consultation
    schools: dict[str, School]


def build_known(db, monkeypatch, slug="known", series=None) -> Known:
    """Create the consultation and submit every known response through the services."""
    monkeypatch.setattr(free_text, "tagger", lambda: StubTagger())
    now = utcnow()
    consultation = create_consultation(
        db, "annual-young-people", slug, "Known answers", ["secondary", "parent"],
        now - timedelta(days=1), now + timedelta(days=30), status=ConsultationStatus.OPEN,
        series=series)
    schools = {"A": ensure_school(db, "Alpha Academy", "secondary", "north"),
               "B": ensure_school(db, "Beta School", "secondary", "south")}
    db.commit()
    survey = survey_of(consultation.version)
    items = {i.id: i for i in survey.items()}
    for variant, school, home, text, area, groups in people():
        response = start_response(db, consultation, variant, now)
        answers = {"home_ok": AnswerValue(value=home), "area": AnswerValue(value=area)}
        if school:
            answers["school"] = AnswerValue(value=str(schools[school].id))
        if text:
            answers["safe_better"] = AnswerValue(text=text)
        if groups:
            answers["priority_groups"] = AnswerValue(choices=groups)
        asked = [items[k] for k in answers]
        submit(db, response.token, asked, answers, now)
    free_text.tag_waiting(db)  # as the scheduled `flask comments tag` does; the stub tags them
    return Known(consultation, schools)
