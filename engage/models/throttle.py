"""Counters that slow down guessing, kept in the database so every worker and server shares them."""
from datetime import datetime

from sqlalchemy import Float, String
from sqlalchemy.orm import Mapped, mapped_column

from engage.db import Base


class SignInFailure(Base):
    """Wrong sign-ins in a row for one account from one client (address)."""

    __tablename__ = "sign_in_failures"

    # A hash of account and client: who tried from where is in the audit log, not here.
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    wait_until: Mapped[datetime | None]
    last_failed_at: Mapped[datetime] = mapped_column(index=True)


class RateLimitCounter(Base):
    """One fixed-window rate-limit counter (the storage behind Flask-Limiter)."""

    __tablename__ = "rate_limit_counters"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    count: Mapped[int] = mapped_column(default=0)
    # Seconds since the epoch, as the limits library counts time.
    expires_at: Mapped[float] = mapped_column(Float)
