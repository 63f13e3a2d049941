"""Closing the loop: "You said" statements, "We did / We will" actions, outcomes, publication."""
import enum
from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.db import Base
from engage.models._time import utcnow


class ActionStatus(enum.StrEnum):
    """Where an action is: planned (we will), under way, or done (we did)."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class YouSaid(Base):
    """What people told us about one value, in officer words and each age band's own words."""

    __tablename__ = "you_said"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    value_id: Mapped[int]
    audience: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    # Per age band (primary, secondary, post16), checked for reading age before publishing.
    child_text: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    count: Mapped[int | None]  # how many said it, as drafted (protected when shown)
    quoted_answer_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    actions: Mapped[list["PlanAction"]] = relationship(
        back_populates="you_said", cascade="all, delete-orphan", order_by="PlanAction.id")


class PlanAction(Base):
    """What we did or will do about a statement, who owns it, when, and what came of it."""

    __tablename__ = "plan_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    you_said_id: Mapped[int] = mapped_column(ForeignKey("you_said.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    child_text: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    owner: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), default=ActionStatus.PLANNED)
    outcome: Mapped[str | None] = mapped_column(Text)  # "As a result"
    outcome_child_text: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    you_said: Mapped[YouSaid] = relationship(back_populates="actions")


class PlanPublication(Base):
    """A consultation's public "You said, we did" page: published when this row exists."""

    __tablename__ = "plan_publications"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), unique=True)
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
