"""Demo content: an open annual survey with two schools and class codes, and the draft plan."""
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage.models import AccessCode, Consultation, ConsultationStatus
from engage.services.setup import create_access_code, create_consultation, ensure_school

ANNUAL = "annual-survey-demo"
LAST_YEAR = "annual-survey-demo-last-year"
SERIES = "annual-survey"  # the annual survey's waves, compared year on year
DRAFT_PLAN = "draft-plan-demo"
BALLOT = "priority-ballot-demo"  # so the ballot pages and their results have something to show
SCHOOLS = (
    ("Riverside Primary School", "primary", "north", [("primary", 5), ("primary", 6)]),
    ("Park Hill Secondary School", "secondary", "south", [("secondary", 8), ("secondary", 10)]),
    ("Riverside College", "college", "west", []),  # so 16-25 year olds have a college to choose
)
YOUNG_AND_ADULT = ["primary", "secondary", "post16", "parent", "professional"]
# Staff see a "Demo" tag on these; their titles carry no "(demo)", because children read them.
DEMO_SLUGS = frozenset({ANNUAL, LAST_YEAR, DRAFT_PLAN, BALLOT})
OLD_SUFFIX = " (demo)"  # what demo titles ended with before
# Parents and professionals answer the annual survey too: everyone first sees a title that fits
# them all, then each group its own.
ANNUAL_TITLE, LAST_YEAR_TITLE = "Growing up here: have your say", "Growing up here: last year's survey"
ANNUAL_AUDIENCE_TITLES = {"young": "Young people's survey", "parent": "Survey for parents and carers",
                          "professional": "Survey for people who work with children"}
# What an older demo called them, renamed when the demo runs again.
OLD_TITLES = {"Young people's survey": ANNUAL_TITLE, "Young people's survey, last year": LAST_YEAR_TITLE}


def is_demo(consultation: Consultation) -> bool:
    """Say whether this consultation is demo content (staff pages mark it)."""
    return consultation.slug in DEMO_SLUGS


@dataclass
class DemoContent:
    """What the demo created (or found already there)."""

    consultations: list[Consultation] = field(default_factory=list)
    codes: list[AccessCode] = field(default_factory=list)


def create_demo(session: Session, now: datetime) -> DemoContent:
    """Create the demo consultations, schools and codes; running it twice changes nothing."""
    demo = DemoContent()
    annual = _consultation(session, "annual-young-people", ANNUAL, ANNUAL_TITLE, YOUNG_AND_ADULT, now)
    annual.audience_titles = annual.audience_titles or dict(ANNUAL_AUDIENCE_TITLES)
    annual.series = annual.series or SERIES
    plan = _consultation(session, "draft-plan", DRAFT_PLAN,
                         "Have your say on the draft plan", ["parent", "professional"], now)
    ballot = _consultation(session, "priority-ballot", BALLOT, "Youth council priority ballot",
                           ["primary", "secondary", "post16"], now)
    demo.consultations += [annual, plan, ballot]
    for name, phase, area, classes in SCHOOLS:
        school = ensure_school(session, name, phase, area)
        for variant, year in classes:
            demo.codes.append(_code(session, annual, variant, school, year))
    session.commit()
    return demo


def _consultation(session: Session, family: str, slug: str, title: str, variants: list[str],
                  now: datetime) -> Consultation:
    found = session.scalar(select(Consultation).where(Consultation.slug == slug))
    if found is not None:
        _drop_old_suffix(found)
        return found
    return create_consultation(
        session, family, slug, title, variants,
        opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=60),
        results_on=(now + timedelta(days=120)).date(), status=ConsultationStatus.OPEN,
    )


def _code(session: Session, consultation: Consultation, variant: str, school, year: int) -> AccessCode:
    found = session.scalar(select(AccessCode).where(
        AccessCode.consultation_id == consultation.id, AccessCode.school_id == school.id,
        AccessCode.year_group == year))
    return found or create_access_code(session, consultation, variant, school, year)


def create_last_year(session: Session, now: datetime) -> Consultation:
    """Create last year's wave of the annual survey (closed), so results can show change."""
    found = session.scalar(select(Consultation).where(Consultation.slug == LAST_YEAR))
    if found is not None:
        _drop_old_suffix(found)
        session.commit()
        return found
    year_ago = now - timedelta(days=365)
    wave = create_consultation(
        session, "annual-young-people", LAST_YEAR, LAST_YEAR_TITLE, YOUNG_AND_ADULT,
        opens_at=year_ago, closes_at=year_ago + timedelta(days=60), results_on=(year_ago + timedelta(days=120)).date(),
        status=ConsultationStatus.CLOSED, series=SERIES)
    wave.audience_titles = dict(ANNUAL_AUDIENCE_TITLES)
    wave.created_at = year_ago  # the series orders its waves by when they were created
    session.commit()
    return wave


def _drop_old_suffix(consultation: Consultation) -> None:
    """Take "(demo)" off a title an older demo gave, and rename a title that named young people
    only, so a database made before reads right too."""
    if consultation.title.endswith(OLD_SUFFIX):
        consultation.title = consultation.title.removesuffix(OLD_SUFFIX)
    if consultation.title in OLD_TITLES:
        consultation.title = OLD_TITLES[consultation.title]
        consultation.audience_titles = consultation.audience_titles or dict(ANNUAL_AUDIENCE_TITLES)
