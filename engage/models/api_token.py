"""Bearer tokens for the read-only data API (BI tools such as Power BI).

Only a SHA-256 digest of each token is kept: the token itself is shown once, when it is made.
A token is long and random, so a plain digest (no salt, no slow hash) is enough to make a
stolen table useless, and lets a request's token be found with one indexed lookup.
"""
from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from engage.db import Base
from engage.models._time import utcnow


class ApiToken(Base):
    """One named token; revoked tokens are kept, so the audit log can still name them."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    # What the token may read; only "results" (summaries and redacted answers) exists.
    scope: Mapped[str] = mapped_column(String(20), default="results")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
