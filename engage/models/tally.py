"""The summary's additive counts, kept per consultation and folded in as responses are submitted."""
from typing import Any

from sqlalchemy import JSON, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from engage.db import Base


class SummaryTally(Base):
    """One group's counts of one kind (people, cells, values, subthemes, comments)."""

    __tablename__ = "summary_tallies"
    __table_args__ = (UniqueConstraint("consultation_id", "kind", "dims"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Indexed by the unique key, which starts with it. No foreign key: a first fold writes about two
    # rows a response, and checking each against consultations was about 30% of PostgreSQL's CPU
    # writing them. Rows are written only under a lock on their consultation's row (tallies._lock),
    # consultations are never deleted, and erasing a consultation's responses deletes its rows
    # (tallies.reset).
    consultation_id: Mapped[int] = mapped_column()
    kind: Mapped[str] = mapped_column(String(12))
    # The group, as JSON text of a list (variant first); figures are the summed counts, in order.
    dims: Mapped[str] = mapped_column(Text)
    figures: Mapped[list[Any]] = mapped_column(JSON)
