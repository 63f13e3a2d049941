"""Which free-text answers an officer has read, so the comments review can show what is still unread."""
from datetime import datetime

from sqlalchemy import ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from engage.db import Base
from engage.models._time import utcnow


class CommentRead(Base):
    """An officer was shown a comment in the review: the first time only, per officer."""

    __tablename__ = "comment_reads"
    __table_args__ = (UniqueConstraint("answer_id", "user_id"),
                      Index("ix_comment_reads_consultation_response", "consultation_id", "response_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"))
    # Kept with the answer so "responses read" is counted without joining every answer.
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    read_at: Mapped[datetime] = mapped_column(default=utcnow)
