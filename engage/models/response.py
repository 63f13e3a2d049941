"""Anonymous responses and their answers.

No IP address, user agent or tracking identifier is stored: a response knows only
what was answered, for which consultation and variant, and the school when a class
code or the respondent said so.
"""
import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.db import Base
from engage.models.consultation import Consultation
from engage.models.survey import SurveyVersion


class ResponseStatus(enum.StrEnum):
    """A response is written page by page, then submitted exactly once."""

    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"


class Response(Base):
    """One respondent's answers to one consultation."""

    __tablename__ = "responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Random, unique: the submission token that makes the final post idempotent.
    token: Mapped[str] = mapped_column(String(43), unique=True)
    resume_code: Mapped[str | None] = mapped_column(String(40), unique=True)
    # A resume code works until then (and only once: resuming replaces it).
    resume_code_expires_at: Mapped[datetime | None]
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("survey_versions.id"))
    variant: Mapped[str] = mapped_column(String(20))
    # online | paper (entered by an officer) | kiosk (an event device, cleared after each person).
    channel: Mapped[str] = mapped_column(String(20), default="online")
    # The language the respondent answered in, the rendition they saw
    # (standard | easy_read) and whether they said a grown-up helped them.
    language: Mapped[str] = mapped_column(String(12), default="en", server_default="en")
    rendition: Mapped[str] = mapped_column(String(20), default="standard", server_default="standard")
    assisted: Mapped[bool] = mapped_column(default=False, server_default=false())
    status: Mapped[str] = mapped_column(String(20), default=ResponseStatus.IN_PROGRESS)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"))
    school_fixed: Mapped[bool] = mapped_column(default=False)
    year_group: Mapped[int | None]
    area_id: Mapped[str | None] = mapped_column(String(40))
    page: Mapped[int] = mapped_column(default=1)
    # A day, not a time: enough for "responses by date" and less identifying.
    started_on: Mapped[date]
    # Also a day (midnight UTC of the day it was sent): nothing orders or deduplicates by it;
    # exactly-once rests on the status guard and the token. Until the summary counts it, a submitted
    # response has a row in summary_queue (not a watermark on id: ids are given at start, not at
    # submission).
    submitted_at: Mapped[datetime | None]

    consultation: Mapped[Consultation] = relationship()
    version: Mapped[SurveyVersion] = relationship()
    answers: Mapped[list["Answer"]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )


class Answer(Base):
    """An answer to one item, carrying the item's five-values tags."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("response_id", "item_key"),
                      # Free text only: the summary samples comments in id order (results.queries.sample).
                      Index("ix_answers_comments", "id", sqlite_where=sql_text("text IS NOT NULL"),
                            postgresql_where=sql_text("text IS NOT NULL")),
                      # The few answers still waiting for their value tags (services.free_text).
                      Index("ix_answers_untagged", "id", sqlite_where=sql_text("needs_tagging = 1"),
                            postgresql_where=sql_text("needs_tagging")))

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    item_key: Mapped[str] = mapped_column(String(64))
    value: Mapped[str | None] = mapped_column(String(64))
    choices: Mapped[list[Any] | None] = mapped_column(JSON)
    text: Mapped[str | None] = mapped_column(Text)
    value_id: Mapped[int]
    subtheme_id: Mapped[str | None] = mapped_column(String(4))
    # Free text only: TextBlob sentiment, stored with the answer.
    polarity: Mapped[float | None]
    subjectivity: Mapped[float | None]
    # Free text written in a language other than English: left for a person to
    # read rather than tagged by an English model.
    text_language: Mapped[str | None] = mapped_column(String(12))
    # English free text saved, screened and flagged while the respondent waited, but not yet
    # given its value tags and sentiment: services.free_text adds them in batches, always before
    # an officer reads comments or results.
    needs_tagging: Mapped[bool] = mapped_column(default=False, server_default=false())

    response: Mapped[Response] = relationship(back_populates="answers")
