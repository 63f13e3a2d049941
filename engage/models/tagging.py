"""Value tags on free-text answers: suggested by the model, corrected by officers."""
import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from engage.db import Base
from engage.models._time import utcnow


class TagSource(enum.StrEnum):
    """Who set a tag: the classifier, or an officer (whose word wins and trains the model)."""

    MODEL = "model"
    OFFICER = "officer"


class AnswerTag(Base):
    """One value (and perhaps sub-theme) tag on a free-text answer, with a confidence."""

    __tablename__ = "answer_tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), index=True)
    value_id: Mapped[int]
    subtheme_id: Mapped[str | None] = mapped_column(String(4))
    confidence: Mapped[float]
    rank: Mapped[int] = mapped_column(default=0)
    source: Mapped[str] = mapped_column(String(20), default=TagSource.MODEL)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
