"""Consultations, the schools taking part and their class access codes."""
import enum
from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.db import Base
from engage.models._time import utcnow
from engage.models.survey import SurveyFamily, SurveyVersion


class ConsultationStatus(enum.StrEnum):
    """Where a consultation is in its life: draft -> open -> closed -> published."""

    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    PUBLISHED = "published"


class Consultation(Base):
    """A run of one survey version for chosen audiences between two dates."""

    __tablename__ = "consultations"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    family_id: Mapped[int] = mapped_column(ForeignKey("survey_families.id"))
    version_id: Mapped[int] = mapped_column(ForeignKey("survey_versions.id"))
    variants: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), default=ConsultationStatus.DRAFT)
    opens_at: Mapped[datetime | None]
    closes_at: Mapped[datetime | None]
    results_on: Mapped[date | None]
    series: Mapped[str | None] = mapped_column(String(80))
    # The title each audience ("young", "parent", "professional") sees once it has said who it is,
    # where it differs from the one everyone sees first: a parent should not read "Young people's survey".
    audience_titles: Mapped[dict[str, str] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Workspace: who drafted it, and the officer approval a youth council draft needs.
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    youth_led: Mapped[bool] = mapped_column(default=False)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    approved_at: Mapped[datetime | None]

    family: Mapped[SurveyFamily] = relationship()
    version: Mapped[SurveyVersion] = relationship()

    def is_open(self, now: datetime) -> bool:
        """Say whether respondents may answer at this moment."""
        return takes_answers(self.status, self.opens_at, self.closes_at, now)


def takes_answers(status: str, opens_at: datetime | None, closes_at: datetime | None, now: datetime) -> bool:
    """Say whether a consultation in this state and window takes answers at this moment."""
    if status != ConsultationStatus.OPEN:
        return False
    if opens_at and now < opens_at:
        return False
    return not (closes_at and now >= closes_at)


class School(Base):
    """A school or setting, placed in an area so results roll up to the borough."""

    __tablename__ = "schools"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    phase: Mapped[str] = mapped_column(String(20))
    area_id: Mapped[str | None] = mapped_column(String(40))
    # Workspace: pupils on roll by school year, e.g. {"5": 58}, where known.
    roll: Mapped[dict[str, int] | None] = mapped_column(JSON)


class AccessCode(Base):
    """A short class code fixing consultation, variant and school; no pupil accounts."""

    __tablename__ = "access_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"))
    variant: Mapped[str] = mapped_column(String(20))
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"))
    year_group: Mapped[int | None]
    expires_at: Mapped[datetime | None]

    consultation: Mapped[Consultation] = relationship()
    school: Mapped[School | None] = relationship()
