"""School tallies for ballots: totals per option counted on paper at a school.

Individual online votes are ordinary answers to a ballot item; a tally sheet holds what a
school counted itself, Make Your Mark style, so results can combine both.
"""
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.db import Base
from engage.models._time import utcnow


class BallotTallySheet(Base):
    """One school's count for one ballot item: how many ballots were cast on paper."""

    __tablename__ = "ballot_tally_sheets"
    __table_args__ = (UniqueConstraint("consultation_id", "item_key", "school_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"))
    item_key: Mapped[str] = mapped_column(String(64))
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"))
    ballots_cast: Mapped[int]
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    entered_at: Mapped[datetime] = mapped_column(default=utcnow)

    counts: Mapped[list["BallotTally"]] = relationship(
        back_populates="sheet", cascade="all, delete-orphan"
    )


class BallotTally(Base):
    """Votes for one option on one school's tally sheet."""

    __tablename__ = "ballot_tallies"
    __table_args__ = (UniqueConstraint("sheet_id", "option_value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sheet_id: Mapped[int] = mapped_column(ForeignKey("ballot_tally_sheets.id", ondelete="CASCADE"))
    option_value: Mapped[str] = mapped_column(String(64))
    votes: Mapped[int]

    sheet: Mapped[BallotTallySheet] = relationship(back_populates="counts")
