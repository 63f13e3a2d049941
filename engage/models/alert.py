"""An alert to one safeguarding lead, waiting in the outbox until it is sent by email.

Rows are written in the transaction that raises the reason (an immediate flag, a request to be
contacted) or by `flask alerts send` (a flag left a working day without action); the command
then claims each row, sends it and marks it sent. The alert names the flag, never its text.
"""
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.db import Base
from engage.models._time import utcnow
from engage.models.safeguarding import SafeguardingFlag
from engage.models.user import User


class SafeguardingAlert(Base):
    """One email to one lead about one flag (or a request to be contacted)."""

    __tablename__ = "safeguarding_alerts"
    # One alert per reason and lead: a reason raised twice (a double post) is stored once.
    __table_args__ = (UniqueConstraint("reason_key", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reason: Mapped[str] = mapped_column(String(20))  # immediate | overdue | contact
    reason_key: Mapped[str] = mapped_column(String(60))  # e.g. "immediate:12"
    flag_id: Mapped[int | None] = mapped_column(ForeignKey("safeguarding_flags.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    # A run claims a row until claimed_until; another run leaves it alone meanwhile.
    claim: Mapped[str | None] = mapped_column(String(40))
    claimed_until: Mapped[datetime | None]
    sent_at: Mapped[datetime | None] = mapped_column(index=True)
    last_error: Mapped[str | None] = mapped_column(String(300))

    flag: Mapped[SafeguardingFlag | None] = relationship()
    user: Mapped[User] = relationship()
