"""The consultations a respondent sees before a response exists, read as plain rows.

The start page, the privacy notice and the start button read a consultation's address, title,
audiences, open/closed state and survey version. Loaded through the ORM that was a tracked
object, and a second query for its version, on every request; here each is one prebuilt Core
statement. Writes to consultations go through the ORM as before.
"""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from engage.definitions.variants import AUDIENCES
from engage.models import Consultation, ConsultationStatus, SurveyVersion
from engage.models.consultation import takes_answers
from engage.services.errors import NotFound
from engage.services.response_rows import VersionRef

_consultations, _versions = Consultation.__table__, SurveyVersion.__table__
_COLUMNS = (_consultations.c.id, _consultations.c.slug, _consultations.c.title, _consultations.c.variants,
            _consultations.c.status, _consultations.c.opens_at, _consultations.c.closes_at,
            _consultations.c.version_id, _versions.c.checksum, _consultations.c.audience_titles)
# Built once: a Core statement keeps its cache key, so each request only binds its values.
_WITH_VERSION = select(*_COLUMNS).join(_versions, _versions.c.id == _consultations.c.version_id)
_BY_SLUG = _WITH_VERSION.where(_consultations.c.slug == bindparam("slug"))
_OPEN = (_WITH_VERSION.where(_consultations.c.status == ConsultationStatus.OPEN)
         .order_by(_consultations.c.created_at.desc()))


@dataclass(frozen=True)
class ConsultationRow:
    """What the pages before a response read of a consultation."""

    id: int
    slug: str
    title: str
    variants: tuple[str, ...]
    status: str
    opens_at: datetime | None
    closes_at: datetime | None
    version: VersionRef
    # (audience, title) pairs: hashable, as drawn_from is part of a cache key.
    audience_titles: tuple[tuple[str, str], ...] = ()

    def title_for(self, variant: str) -> str:
        """Return the title a respondent of this variant sees once they have chosen it."""
        return title_for(self.title, dict(self.audience_titles), variant)

    @property
    def version_id(self) -> int:
        """Return the id of the survey version new responses answer."""
        return self.version.id

    def is_open(self, now: datetime) -> bool:
        """Say whether respondents may answer at this moment."""
        return takes_answers(self.status, self.opens_at, self.closes_at, now)

    def drawn_from(self) -> tuple:
        """Everything about the consultation a page before the survey may show (a cache key's part)."""
        return (self.id, self.slug, self.title, self.variants, self.version.id, self.version.checksum,
                self.audience_titles)


def _row(session: Session, row) -> ConsultationRow:
    return ConsultationRow(row.id, row.slug, row.title, tuple(row.variants or ()), row.status, row.opens_at,
                           row.closes_at, VersionRef(session, row.version_id, row.checksum),
                           tuple(sorted((row.audience_titles or {}).items())))


def title_for(title: str, audience_titles: dict[str, str] | None, variant: str) -> str:
    """Return the title of the variant's audience when it has its own, else the one everyone sees."""
    return (audience_titles or {}).get(AUDIENCES.get(variant, ""), "") or title


def get_consultation(session: Session, slug: str) -> ConsultationRow:
    """Return a consultation that respondents may see, or raise NotFound."""
    row = session.connection().execute(_BY_SLUG, {"slug": slug}).one_or_none()
    if row is None or row.status == ConsultationStatus.DRAFT:
        raise NotFound("We could not find that survey. Check the link and try again.")
    return _row(session, row)


def open_consultations(session: Session, now: datetime) -> list[ConsultationRow]:
    """Return consultations taking answers now, newest first."""
    rows = [_row(session, row) for row in session.connection().execute(_OPEN)]
    return [row for row in rows if row.is_open(now)]
