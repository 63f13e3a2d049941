"""Finding consultations, their survey versions and class access codes."""
import re
from datetime import datetime
from functools import lru_cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engage.definitions.survey import survey_of  # noqa: F401  (re-exported: callers ask services for it)
from engage.definitions.variants import SCHOOL_PHASES
from engage.models import AccessCode, Consultation, ConsultationStatus, Response, ResponseStatus, School
from engage.services.errors import ConsultationClosed, NotFound
from engage.words import by_name

CODE_CHARS = re.compile(r"[^A-Z0-9]")


def open_consultations(session: Session, now: datetime) -> list[Consultation]:
    """Return consultations taking answers now, newest first."""
    candidates = session.scalars(
        select(Consultation)
        .where(Consultation.status == ConsultationStatus.OPEN)
        .order_by(Consultation.created_at.desc())
    )
    return [c for c in candidates if c.is_open(now)]


def get_consultation(session: Session, slug: str) -> Consultation:
    """Return a consultation that respondents may see, or raise NotFound."""
    consultation = session.scalar(select(Consultation).where(Consultation.slug == slug))
    if consultation is None or consultation.status == ConsultationStatus.DRAFT:
        raise NotFound("We could not find that survey. Check the link and try again.")
    return consultation


def require_open(consultation: Consultation, now: datetime) -> None:
    """Raise ConsultationClosed unless the consultation takes answers now."""
    if not consultation.is_open(now):
        raise ConsultationClosed(consultation.slug)


def require_variant(consultation: Consultation, variant: str) -> None:
    """Raise NotFound unless the consultation is offered to this audience."""
    if variant not in consultation.variants:
        raise NotFound("This survey is not written for that group. Check the link and try again.")


def normalise_code(code: str) -> str:
    """Upper-case a typed code and drop spaces and dashes."""
    return CODE_CHARS.sub("", code.upper())


def resolve_code(session: Session, code: str, now: datetime) -> AccessCode:
    """Return the access code, or raise NotFound if it is unknown or expired (ConsultationClosed
    when it expired because its consultation closed: the child is told that, not to check the code)."""
    found = session.scalar(select(AccessCode).where(AccessCode.code == normalise_code(code)))
    expired = found is not None and found.expires_at and now >= found.expires_at
    if expired:
        require_open(found.consultation, now)
    if found is None or expired:
        raise NotFound("We could not find that code. Check it with your teacher and try again.")
    return found


def schools(session: Session, variant: str | None = None) -> list[School]:
    """Return the schools, by name, that this audience's "about you" question offers (every one
    when no audience is given, or for parents and professionals)."""
    query = select(School)
    if variant in SCHOOL_PHASES:
        query = query.where(School.phase.in_(SCHOOL_PHASES[variant]))
    return by_name(session.scalars(query))


# What a survey's school question offers each audience, read on every request of the page that
# asks it: two plain columns, in a statement built once per audience.
_SCHOOL_CHOICES = {variant: select(School.id, School.name).where(School.phase.in_(phases)).order_by(School.id)
                   for variant, phases in SCHOOL_PHASES.items()}
_EVERY_SCHOOL = select(School.id, School.name).order_by(School.id)


def school_choices(session: Session, variant: str) -> tuple[tuple[str, str], ...]:
    """Return (id, name) of the schools this audience's "about you" question offers, by name, as
    `schools` orders them.

    Read as plain rows on every request: the list is the whole of what the page shows of the
    database, so a page drawn from it can be kept under it (a school added or renamed is a new list).
    """
    rows = session.connection().execute(_SCHOOL_CHOICES.get(variant, _EVERY_SCHOOL))
    return _in_name_order(tuple((str(school_id), name) for school_id, name in rows))


@lru_cache(maxsize=64)
def _in_name_order(choices: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple(by_name(choices, name=lambda choice: choice[1]))


def find(session: Session, ref: str) -> Consultation:
    """Return a consultation by id or slug, or raise NotFound."""
    query = select(Consultation)
    query = query.where(Consultation.id == int(ref)) if ref.isdigit() else \
        query.where(Consultation.slug == ref)
    found = session.scalar(query)
    if found is None:
        raise NotFound(f"There is no consultation '{ref}'.")
    return found


def every(session: Session) -> list[Consultation]:
    """Return every consultation, oldest first."""
    return list(session.scalars(select(Consultation).order_by(Consultation.id)))


def with_response_counts(session: Session) -> list[tuple[Consultation, int]]:
    """Return every consultation, oldest first, with its number of submitted responses."""
    counts = dict(session.execute(
        select(Response.consultation_id, func.count(Response.id))
        .where(Response.status == ResponseStatus.SUBMITTED).group_by(Response.consultation_id)).all())
    return [(c, counts.get(c.id, 0)) for c in every(session)]
