"""Who has taken part: counts of submitted responses, never their content.

One grouped query gives counts by variant, school, year group and area; small pure
functions turn them into the dashboard's tables.
"""
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engage.definitions.choices import WHOLE_BOROUGH
from engage.models import Consultation, Response, ResponseStatus, School
from engage.results.labels import WHOLE_BOROUGH_LABEL
from engage.services.workspace.schools import list_schools

FEW = 5  # fewer responses than this counts as "not being heard"
LOW_RATE = 20  # and so does a response rate under this percentage of the pupils on roll


@dataclass(frozen=True)
class Row:
    """One line of a count table; rate is a percentage of the roll where the roll is known."""

    label: str
    count: int
    roll: int | None = None
    # Responses from where the roll is known (the rate's numerator); None: all of them.
    rated: int | None = None

    @property
    def rate(self) -> int | None:
        """Return the response rate as a whole percentage, or None without a roll."""
        counted = self.count if self.rated is None else self.rated
        return round(100 * counted / self.roll) if self.roll else None

    @property
    def low(self) -> bool:
        """Say whether this group is not being heard: few responses, or a low rate against its roll."""
        return self.count < FEW or (self.rate is not None and self.rate < LOW_RATE)


@dataclass
class Participation:
    """The dashboard of one consultation, limited to the schools the viewer may see."""

    total: int = 0
    by_variant: list[Row] = field(default_factory=list)
    by_school: list[Row] = field(default_factory=list)
    by_year: list[Row] = field(default_factory=list)
    by_area: list[Row] = field(default_factory=list)
    quiet_schools: list[Row] = field(default_factory=list)
    quiet_years: list[Row] = field(default_factory=list)
    quiet_areas: list[Row] = field(default_factory=list)


def _submitted(consultation_id: int | None = None, schools: set[int] | None = None):
    query = select(func.count(Response.id)).where(Response.status == ResponseStatus.SUBMITTED)
    if consultation_id is not None:
        query = query.where(Response.consultation_id == consultation_id)
    if schools is not None:
        query = query.where(Response.school_id.in_(schools))
    return query


def totals(session: Session, consultations: list[Consultation],
           schools: set[int] | None = None) -> dict[int, int]:
    """Return submitted responses per consultation, limited to `schools` when given."""
    query = (_submitted(schools=schools).add_columns(Response.consultation_id)
             .where(Response.consultation_id.in_([c.id for c in consultations]))
             .group_by(Response.consultation_id))
    return {cid: count for count, cid in session.execute(query)}


def participation(session: Session, consultation: Consultation, areas: list[dict],
                  age_bands: list[dict], schools: set[int] | None = None,
                  labels: dict[str, str] | None = None) -> Participation:
    """Count one consultation's submitted responses every way the dashboard shows them."""
    area_of = func.coalesce(Response.area_id, School.area_id)
    query = (_submitted(consultation.id, schools)
             .add_columns(Response.variant, Response.school_id, Response.year_group, area_of)
             .outerjoin(School, School.id == Response.school_id)
             .group_by(Response.variant, Response.school_id, Response.year_group, area_of))
    counts = [(n, variant, school, year, area) for n, variant, school, year, area in session.execute(query)]
    known = list_schools(session, schools)
    years = _eligible_years(consultation, age_bands)
    result = Participation(total=sum(c[0] for c in counts))
    result.by_variant = [Row((labels or {}).get(v, v), _sum(counts, 1, v)) for v in consultation.variants]
    result.by_school = _by_school(counts, known, years)
    result.by_year = _by_year(counts, known, years)
    result.by_area = _by_area(counts, areas, known, schools is not None)
    result.quiet_schools = [r for r in result.by_school if r.low]
    result.quiet_years = [r for r in result.by_year if r.rate is not None and r.rate < LOW_RATE]
    result.quiet_areas = [r for r in result.by_area if r.count < FEW]
    borough_wide = _sum(counts, 4, WHOLE_BOROUGH)
    if borough_wide and schools is None:
        # Not an area, so never "not being heard", but the area table still accounts for them.
        result.by_area.append(Row(WHOLE_BOROUGH_LABEL, borough_wide))
    return result


def _sum(counts: list[tuple], index: int, key) -> int:
    return sum(row[0] for row in counts if row[index] == key)


def _eligible_years(consultation: Consultation, age_bands: list[dict]) -> list[int]:
    return sorted(y for band in age_bands if band["id"] in consultation.variants
                  for y in band.get("years", ()))


def _roll(school: School, years: list[int]) -> int | None:
    roll = school.roll or {}
    known = [roll[str(y)] for y in years if str(y) in roll]
    return sum(known) if known else None


def _by_school(counts: list[tuple], known: list[School], years: list[int]) -> list[Row]:
    return [Row(s.name, _sum(counts, 2, s.id), _roll(s, years)) for s in known]


def _by_year(counts: list[tuple], known: list[School], years: list[int]) -> list[Row]:
    """Count responses by year; rate them only against schools that gave that year's roll."""
    seen, rated = Counter(), Counter()
    rolls = {s.id: s.roll or {} for s in known}
    for n, _variant, school, year, _area in counts:
        if year is not None:
            seen[year] += n
            if str(year) in rolls.get(school, {}):
                rated[year] += n
    rows = []
    for year in sorted(set(years) | set(seen)):
        on_roll = [r[str(year)] for r in rolls.values() if str(year) in r]
        rows.append(Row(f"Year {year}", seen[year], sum(on_roll) if on_roll else None, rated[year]))
    return rows


def _by_area(counts: list[tuple], areas: list[dict], known: list[School], scoped: bool) -> list[Row]:
    # A school contact sees only the areas of their own schools.
    shown = [a for a in areas if not scoped or any(s.area_id == a["id"] for s in known)]
    return [Row(a["name"], _sum(counts, 4, a["id"])) for a in shown]
