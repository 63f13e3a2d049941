"""Schools and their class access codes, as the workspace manages them."""
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager

from engage.db import begin_write
from engage.definitions.variants import SCHOOL_PHASES
from engage.models import AccessCode, Consultation, ConsultationStatus, School, User
from engage.services import audit
from engage.services.errors import InvalidChange, InvalidInput, NotFound
from engage.services.setup import create_access_code
from engage.words import by_name

PHASES = ("primary", "secondary", "all-through", "special", "college")
YEARS = tuple(range(4, 14))


@dataclass(frozen=True)
class SchoolDetails:
    """What the school form gives."""

    name: str
    phase: str
    area_id: str | None
    roll: dict[int, int]


def list_schools(session: Session, only: set[int] | None = None) -> list[School]:
    """Return schools by name, limited to `only` when given."""
    query = select(School)
    if only is not None:
        query = query.where(School.id.in_(only))
    return by_name(session.scalars(query))


def get_school(session: Session, school_id: int) -> School:
    """Return the school with this id, or raise NotFound."""
    school = session.get(School, school_id)
    if school is None:
        raise NotFound("We could not find that school.")
    return school


def save_school(session: Session, details: SchoolDetails, area_ids: Iterable[str], actor: User,
                school_id: int | None = None) -> School:
    """Register a school, or change one when school_id is given."""
    _check_school(details, set(area_ids))
    begin_write(session)
    school = get_school(session, school_id) if school_id is not None else School()
    clash = session.scalar(select(School.id).where(School.name == details.name.strip()))
    if clash is not None and clash != school_id:
        raise InvalidInput("There is already a school with that name.", "name")
    school.name, school.phase, school.area_id = details.name.strip(), details.phase, details.area_id
    school.roll = {str(year): count for year, count in sorted(details.roll.items())} or None
    session.add(school)
    session.flush()
    audit.record(session, "school_changed" if school_id else "school_registered", actor, school.name)
    session.commit()
    return school


def _check_school(details: SchoolDetails, area_ids: set[str]) -> None:
    if not details.name.strip():
        raise InvalidInput("Enter the school's name.", "name")
    if details.phase not in PHASES:
        raise InvalidInput("Choose the school's phase.", "phase")
    if details.area_id is not None and details.area_id not in area_ids:
        raise InvalidInput("Choose an area from the list.", "area_id")
    for year, count in details.roll.items():
        if year not in YEARS or not 0 <= count <= 2000:
            raise InvalidInput(f"Enter the number on roll in year {year} as a number from 0 to 2000.",
                               f"roll_{year}")


def variant_for_year(year: int, age_bands: Iterable[dict]) -> str | None:
    """Return the young people's variant for a school year (years 4-6 primary, and so on)."""
    return next((band["id"] for band in age_bands if year in band.get("years", ())), None)


def class_years(consultation: Consultation, age_bands: Iterable[dict]) -> dict[str, list[int]]:
    """Return the school years that have a survey in this consultation, by young people's variant."""
    return {band["id"]: list(band.get("years", ())) for band in age_bands
            if band["id"] in consultation.variants and band.get("years")}


def years_at(school: School, by_variant: dict[str, list[int]]) -> dict[str, list[int]]:
    """Keep the years whose survey this school's pupils take: a primary school has no year 9."""
    return {variant: years for variant, years in by_variant.items() if _teaches(school, variant)}


def _teaches(school: School, variant: str) -> bool:
    return school.phase in SCHOOL_PHASES.get(variant, (school.phase,))


def generate_codes(session: Session, consultation: Consultation, school: School, years: list[int],
                   age_bands: list[dict], actor: User) -> list[AccessCode]:
    """Make one class code per year group (reusing any already made) for a school."""
    if consultation.status not in (ConsultationStatus.DRAFT, ConsultationStatus.OPEN):
        raise InvalidChange("Class codes can only be made before a consultation closes.")
    plan = _variants_by_year(consultation, years, age_bands)
    for year, variant in plan:
        if not _teaches(school, variant):
            raise InvalidInput(f"{school.name} is a {school.phase.replace('-', ' ')} school, so it has no "
                               f"year {year} classes. Choose the years its pupils are in, or, if it "
                               "teaches that year, change its phase on the Schools page.", "years")
    begin_write(session)
    codes = []
    for year, variant in plan:
        found = session.scalar(select(AccessCode).where(
            AccessCode.consultation_id == consultation.id, AccessCode.school_id == school.id,
            AccessCode.year_group == year))
        codes.append(found or create_access_code(session, consultation, variant, school, year))
    made = ", ".join(f"year {c.year_group} {c.code}" for c in codes)
    audit.record(session, "codes_generated", actor, consultation.slug, f"{school.name}: {made}")
    session.commit()
    return codes


def _variants_by_year(consultation: Consultation, years: list[int],
                      age_bands: list[dict]) -> list[tuple[int, str]]:
    if not years:
        raise InvalidInput("Choose at least one year group.", "years")
    plan = []
    for year in sorted(set(years)):
        variant = variant_for_year(year, age_bands)
        if variant is None or variant not in consultation.variants:
            raise InvalidInput(f"This consultation has no survey for year {year}. "
                               "Choose other year groups.", "years")
        plan.append((year, variant))
    return plan


def codes_for(session: Session, consultation_id: int, only: set[int] | None = None) -> list[AccessCode]:
    """Return a consultation's school class codes, by school and year, limited to `only` schools."""
    query = (select(AccessCode).join(School, School.id == AccessCode.school_id)
             .options(contains_eager(AccessCode.school))
             .where(AccessCode.consultation_id == consultation_id)
             .order_by(AccessCode.year_group))
    if only is not None:
        query = query.where(AccessCode.school_id.in_(only))
    return by_name(session.scalars(query), name=lambda code: code.school.name)
