"""Safeguarding: a flag on a possible disclosure, what was done about it, and a request to talk.

A flag keeps the verbatim text and its context, so a disclosure is never lost even if the
respondent later edits the answer or never submits. Nothing closes a flag but a person.
"""
import enum
from datetime import datetime

from sqlalchemy import JSON, ColumnElement, ForeignKey, String, Text, and_, exists
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.db import Base
from engage.models._time import utcnow
from engage.models.consultation import Consultation, School
from engage.models.response import Response


class Severity(enum.StrEnum):
    """How urgent a flag is; immediate ones are triaged first."""

    IMMEDIATE = "immediate"
    CONCERN = "concern"
    CHECK = "check"  # the screen is unsure: listed as "please check", below the others


class FlagStatus(enum.StrEnum):
    """Where a flag is in triage."""

    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    REFERRED = "referred"
    NO_FURTHER_ACTION = "no_further_action"


class SafeguardingFlag(Base):
    """A free-text answer that may disclose harm, waiting for a person."""

    __tablename__ = "safeguarding_flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id"), index=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"))
    variant: Mapped[str] = mapped_column(String(20))
    item_key: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(40))
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(30), default=FlagStatus.OPEN, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    first_action_at: Mapped[datetime | None]

    consultation: Mapped[Consultation] = relationship()
    school: Mapped[School | None] = relationship()
    response: Mapped[Response] = relationship()
    actions: Mapped[list["SafeguardingAction"]] = relationship(
        back_populates="flag", order_by="SafeguardingAction.created_at"
    )


def withholds_text(answer) -> ColumnElement[bool]:
    """SQL: true when a flag keeps this answer's text from officers, summaries and exports.

    Every flag does, except one raised only because no screen could read the language, after a
    lead has read it and closed it with no further action: then the text is left for officers
    to read, as any comment is.
    """
    released = and_(SafeguardingFlag.category == "not_screened",
                    SafeguardingFlag.status == FlagStatus.NO_FURTHER_ACTION)
    return exists().where(SafeguardingFlag.response_id == answer.response_id,
                          SafeguardingFlag.item_key == answer.item_key, ~released)


class SafeguardingAction(Base):
    """One thing a safeguarding lead did about a flag, with who, when and why."""

    __tablename__ = "safeguarding_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    flag_id: Mapped[int] = mapped_column(ForeignKey("safeguarding_flags.id"), index=True)
    action: Mapped[str] = mapped_column(String(30))
    referred_to: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    flag: Mapped[SafeguardingFlag] = relationship(back_populates="actions")


class ContactRequest(Base):
    """A respondent's own request to be contacted, stored only when they ask."""

    __tablename__ = "contact_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id"), unique=True)
    how_to_reach: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
