"""Setting consultations up: create one from a survey family, register schools, make codes."""
import secrets
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage.definitions.loader import latest_version
from engage.models import AccessCode, Consultation, ConsultationStatus, School, SurveyFamily
from engage.services.errors import NotFound

# No 0/O or 1/I/L: a class reads the code off a board.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def create_consultation(session: Session, family_slug: str, slug: str, title: str,
                        variants: list[str], opens_at: datetime | None, closes_at: datetime | None,
                        results_on: date | None = None, status: str = ConsultationStatus.DRAFT,
                        series: str | None = None) -> Consultation:
    """Create a consultation on the family's latest version."""
    family = session.scalar(select(SurveyFamily).where(SurveyFamily.slug == family_slug))
    if family is None:
        raise NotFound(f"There is no survey family '{family_slug}'. Load the surveys first.")
    version = latest_version(session, family.id)
    unknown = set(variants) - set(version.definition["variants"])
    if unknown:
        raise NotFound(f"The survey has no variant {', '.join(sorted(unknown))}.")
    consultation = Consultation(
        slug=slug, title=title, family_id=family.id, version_id=version.id, variants=variants,
        status=status, opens_at=opens_at, closes_at=closes_at, results_on=results_on, series=series,
    )
    session.add(consultation)
    session.flush()
    return consultation


def ensure_school(session: Session, name: str, phase: str, area_id: str | None) -> School:
    """Return the school with this name, creating it if needed."""
    school = session.scalar(select(School).where(School.name == name))
    if school is None:
        school = School(name=name, phase=phase, area_id=area_id)
        session.add(school)
        session.flush()
    return school


def create_access_code(session: Session, consultation: Consultation, variant: str,
                       school: School | None, year_group: int | None) -> AccessCode:
    """Create a unique class code that expires when the consultation closes."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if session.scalar(select(AccessCode.id).where(AccessCode.code == code)) is None:
            break
    access = AccessCode(code=code, consultation_id=consultation.id, variant=variant,
                        school_id=school.id if school else None, year_group=year_group,
                        expires_at=consultation.closes_at)
    session.add(access)
    session.flush()
    return access
