"""The response a respondent is writing, read as one plain row for the pages they answer.

Every survey page reads the response behind the browser's token, whether its consultation
still takes answers, and its survey version. Loaded through the ORM that is three tracked
objects a request; the pages need a dozen columns, read here in one query. Writes still go
through `services.responses`, which re-reads the row under the write lock.
"""
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any, NamedTuple

from sqlalchemy import bindparam, literal_column, select
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.models import Answer, Consultation, Response, SurveyVersion
from engage.models.consultation import takes_answers
from engage.services.answer_lists import answer_lists, answers_column
from engage.services.errors import ResponseMissing
from engage.services.page_answers import LockedResponse, locked_response, saved_answers

_responses, _consultations, _versions = Response.__table__, Consultation.__table__, SurveyVersion.__table__
_answers = Answer.__table__
# The consultation's own version (which languages it offers) may be newer than the response's.
_offered = _versions.alias("offered")

# Built once: a Core statement keeps its cache key, so each request only binds the token.
_READ = (
    select(_responses.c.id, _responses.c.token, _responses.c.variant, _responses.c.language,
           _responses.c.rendition, _responses.c.assisted, _responses.c.status, _responses.c.school_fixed,
           _responses.c.version_id, _versions.c.checksum, _consultations.c.slug,
           _consultations.c.status.label("consultation_status"), _consultations.c.opens_at,
           _consultations.c.closes_at, _consultations.c.version_id.label("offered_id"),
           _offered.c.checksum.label("offered_checksum"))
    .join(_consultations, _consultations.c.id == _responses.c.consultation_id)
    .join(_versions, _versions.c.id == _responses.c.version_id)
    .join(_offered, _offered.c.id == _consultations.c.version_id)
    .where(_responses.c.token == bindparam("token"))
)
# A page GET also shows what was saved: every answer of the response comes on the response's
# own row, as one JSON column (answer_lists), one round trip for both.
_READ_WITH_ANSWERS = _READ.add_columns(
    answers_column(_responses.c.id, _answers.c.item_key, _answers.c.value, _answers.c.choices,
                   _answers.c.text).label("answers"))

# A page POST on PostgreSQL reads the same, locked for its save, with what the save writes from
# (answer ids, the response's page and school). Its answers come from the statement's snapshot,
# taken before any wait for the lock; when a save committed during that wait, the locked row is
# a newer version than the snapshot's own ("seen"), and the answers are read again under the lock.
_seen = _responses.alias("seen")
_LOCK_WITH_ANSWERS = (
    _READ.add_columns(
        _responses.c.consultation_id, _responses.c.school_id, _responses.c.page,
        answers_column(_responses.c.id, _answers.c.id, _answers.c.item_key, _answers.c.text).label("answers"),
        literal_column("responses.xmin::text").label("row_version"),
        select(literal_column("seen.xmin::text")).select_from(_seen).where(_seen.c.id == _responses.c.id)
        .scalar_subquery().label("seen_version"))
    .with_for_update(of=_responses)
)


class SavedValue(NamedTuple):
    """A saved answer as a page shows it again."""

    item_key: str
    value: str | None
    choices: list[Any] | None
    text: str | None


@dataclass(frozen=True)
class ConsultationState:
    """What a survey page needs of the consultation: its address, version and whether it takes answers."""

    slug: str
    status: str
    opens_at: datetime | None
    closes_at: datetime | None
    version: "VersionRef"

    def is_open(self, now: datetime) -> bool:
        """Say whether respondents may answer at this moment."""
        return takes_answers(self.status, self.opens_at, self.closes_at, now)


class VersionRef:
    """A survey version by id and checksum; its definition is read only if asked for.

    The parsed survey is cached by (id, checksum), so the 40 kB definition is read once per
    worker and version, not per request.
    """

    def __init__(self, session: Session, version_id: int, checksum: str) -> None:
        self.id, self.checksum, self._session = version_id, checksum, session

    @cached_property
    def definition(self) -> dict[str, Any]:
        """Return the version's whole survey definition."""
        return self._session.scalar(select(_versions.c.definition).where(_versions.c.id == self.id))


@dataclass(frozen=True)
class ResponseRow:
    """The columns of a response that its survey pages read."""

    id: int
    token: str
    variant: str
    language: str
    rendition: str
    assisted: bool
    status: str
    school_fixed: bool
    consultation: ConsultationState
    version: VersionRef


def read_response(session: Session, token: str | None) -> ResponseRow:
    """Return the response this browser is writing, or raise ResponseMissing."""
    if not token:
        raise ResponseMissing()
    row = session.connection().execute(_READ, {"token": token}).one_or_none()
    if row is None:
        raise ResponseMissing()
    return _response(session, row)


def read_response_with_answers(session: Session, token: str | None) -> tuple[ResponseRow, dict[str, Any]]:
    """Return the response this browser is writing and its saved answers by item id, in one statement."""
    if not token:
        raise ResponseMissing()
    row = session.connection().execute(_READ_WITH_ANSWERS, {"token": token}).one_or_none()
    if row is None:
        raise ResponseMissing()
    saved = map(SavedValue._make, answer_lists(row.answers))
    return _response(session, row), {answer.item_key: answer for answer in saved}


def _response(session: Session, row) -> ResponseRow:
    return ResponseRow(
        id=row.id, token=row.token, variant=row.variant, language=row.language, rendition=row.rendition,
        assisted=bool(row.assisted), status=row.status, school_fixed=bool(row.school_fixed),
        consultation=ConsultationState(row.slug, row.consultation_status, row.opens_at, row.closes_at,
                                       VersionRef(session, row.offered_id, row.offered_checksum)),
        version=VersionRef(session, row.version_id, row.checksum),
    )


def read_response_to_save(session: Session, token: str | None) -> tuple[ResponseRow, LockedResponse | None]:
    """Return the response a page POST saves to and, on PostgreSQL, the same row already locked.

    On PostgreSQL one statement starts the save: the response locked with its answers, two round
    trips fewer than reading, then locking, then reading the answers. On SQLite the lock is the
    whole database's, so it is taken only once the page is checked (`responses.save_page`).
    """
    if session.get_bind().dialect.name != "postgresql":
        return read_response(session, token), None
    if not token:
        raise ResponseMissing()
    begin_write(session)
    row = session.connection().execute(_LOCK_WITH_ANSWERS, {"token": token}).one_or_none()
    if row is None:
        raise ResponseMissing()
    answers = saved_answers(row.answers) if row.row_version == row.seen_version else None
    return _response(session, row), locked_response(row, answers)
