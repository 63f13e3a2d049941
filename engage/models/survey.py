"""Survey families and their immutable versions, loaded from surveys/*.yaml."""
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.db import Base
from engage.models._time import utcnow


class SurveyFamily(Base):
    """A survey with linked variants for each audience; its content lives in versions."""

    __tablename__ = "survey_families"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The youth council is a group: any of its members may change a survey another one made,
    # and none of them may change the council's own surveys.
    made_by_youth_council: Mapped[bool] = mapped_column(default=False, server_default=false())

    versions: Mapped[list["SurveyVersion"]] = relationship(
        back_populates="family", order_by="SurveyVersion.number"
    )


class SurveyVersion(Base):
    """One frozen definition of a family; responses keep the version they answered."""

    __tablename__ = "survey_versions"
    __table_args__ = (UniqueConstraint("family_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("survey_families.id"))
    number: Mapped[int]
    checksum: Mapped[str] = mapped_column(String(64))
    # Deferred: about 40 kB of JSON, needed only when a version is first parsed (then cached).
    definition: Mapped[dict[str, Any]] = mapped_column(JSON, deferred=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    family: Mapped[SurveyFamily] = relationship(back_populates="versions")
    items: Mapped[list["SurveyItem"]] = relationship(
        back_populates="version", order_by="SurveyItem.position"
    )


class SurveyItem(Base):
    """An item of a version with its five-values tags, for analysis joins."""

    __tablename__ = "survey_items"
    __table_args__ = (UniqueConstraint("version_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("survey_versions.id"))
    key: Mapped[str] = mapped_column(String(64))
    position: Mapped[int]
    type: Mapped[str] = mapped_column(String(20))
    value_id: Mapped[int]
    subtheme_id: Mapped[str | None] = mapped_column(String(4))
    indicator: Mapped[str | None] = mapped_column(String(64))

    version: Mapped[SurveyVersion] = relationship(back_populates="items")
