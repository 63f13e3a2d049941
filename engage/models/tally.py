"""The summary's additive counts, kept per consultation and folded in as responses are submitted, and the
submitted responses waiting to be folded."""
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
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


class SummaryQueue(Base):
    """A submitted response not yet counted into its consultation's tallies: one row is added when it is
    submitted (or a correction takes it out of the tallies again), and the fold that counts it deletes it.

    A table of its own rather than a mark on the response: a fold claiming a million responses by
    updating each one wrote a new version of every response row and of each of its indexes (about 10 s
    of PostgreSQL's CPU before anything was counted); deleting a million of these narrow rows takes
    about 0.5 s.
    """

    __tablename__ = "summary_queue"

    # The row goes with its response (an erased response is never counted).
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"), primary_key=True,
                                             autoincrement=False)
    # Its response's, so a fold finds its consultation's rows without reading the responses. No index:
    # the table holds only what waits, a few rows between summaries, and one consultation's backlog after
    # a bulk import.
    consultation_id: Mapped[int] = mapped_column()
