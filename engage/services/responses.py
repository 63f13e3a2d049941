"""A response's life: start, save page by page, resume, and submit exactly once."""
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.definitions.survey import Item
from engage.models import (
    AccessCode,
    Answer,
    Consultation,
    ContactRequest,
    Response,
    ResponseStatus,
    SafeguardingFlag,
    SummaryQueue,
)
from engage.models._time import day_of, utcnow
from engage.services import free_text, page_answers
from engage.services.consultation_rows import ConsultationRow
from engage.services.consultations import require_open, require_variant
from engage.services.errors import ConsultationClosed, NotFound, ResponseMissing
from engage.services.page_answers import AnswerValue
from engage.services.resume_words import new_resume_code, normalise_resume_code
from engage.services.safeguarding import alerts

RESUME_CODE_LIFETIME = timedelta(days=14)
# A submitted response waits in this queue until the summary next counts it (results.tallies).
_WAITING = insert(SummaryQueue.__table__)


def start_response(session: Session, consultation: Consultation | ConsultationRow, variant: str, now: datetime,
                   code: AccessCode | None = None, language: str = "en", rendition: str = "standard",
                   assisted: bool = False, channel: str = "online") -> Response:
    """Begin an anonymous response (see open_response) and return it loaded."""
    token = open_response(session, consultation, variant, now, code, language, rendition, assisted, channel)
    response = session.scalars(select(Response).where(Response.token == token)).one()
    # End the read it took: left open on SQLite, it would hold the caller's snapshot, and a
    # long-lived session (a CLI, a test) would not see what others write afterwards.
    session.commit()
    return response


# Built once: every key is bound on every start, so the compiled statement is reused.
_START = insert(Response.__table__)


def open_response(session: Session, consultation: Consultation | ConsultationRow, variant: str, now: datetime,
                  code: AccessCode | None = None, language: str = "en", rendition: str = "standard",
                  assisted: bool = False, channel: str = "online") -> str:
    """Begin an anonymous response in one plain INSERT and return its token.

    A class code fixes the school and year group. rendition (standard or easy_read), assisted
    (a grown-up is helping; never who) and channel (online or kiosk) are recorded as the
    respondent chose them.
    """
    require_open(consultation, now)
    require_variant(consultation, variant)
    begin_write(session)
    token = secrets.token_urlsafe(32)
    session.connection().execute(_START, {
        "token": token, "consultation_id": consultation.id, "version_id": consultation.version_id,
        "variant": variant, "started_on": now.date(), "language": language, "rendition": rendition,
        "assisted": assisted, "channel": channel, "status": ResponseStatus.IN_PROGRESS, "page": 1,
        "school_id": code.school_id if code else None, "school_fixed": bool(code and code.school_id is not None),
        "year_group": code.year_group if code else None,
    })
    session.commit()
    return token


# Flags whose help names the services for thoughts of suicide or self-harm beside Childline.
SELF_HARM = frozenset({"self_harm", "suicidal_thoughts"})


@dataclass(frozen=True)
class Saved:
    """What saving did: the response, and whether free text raised a flag that shows help."""

    response: page_answers.LockedResponse
    flagged: bool
    self_harm: bool = False


def _saved(response: page_answers.LockedResponse, flags: list) -> Saved:
    return Saved(response, bool(flags), any(flag.category in SELF_HARM for flag in flags))


def save_page(session: Session, token: str, items: list[Item], answers: dict[str, AnswerValue],
              page: int, now: datetime, locked: page_answers.LockedResponse | None = None) -> Saved:
    """Store one page's answers, screened (tags follow in batches), in one transaction.

    locked: the response as already locked in this transaction (`response_rows.read_response_to_save`).
    """
    screened = free_text.prepare([a.text for a in answers.values() if a.text])
    for attempt in (1, 2):
        try:
            response = locked if locked and attempt == 1 else page_answers.lock_response(session, token, now)
            flags = []
            if response.status == ResponseStatus.IN_PROGRESS:
                changed = page_answers.store_answers(session, response, items, answers, screened)
                flags = free_text.store(session, response, changed, screened)
                # Written even when unchanged: every save leaves a new row version, which is how a
                # save that read its answers with the lock sees that another committed meanwhile.
                response.change(page=max(page, response.page))
                page_answers.write_changes(session, response)
            session.commit()
            page_answers.forget_loaded(session, response.id)
            return _saved(response, flags)
        except IntegrityError:
            # A double post of the same page raced us to insert; retry as an update.
            session.rollback()
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def submit(session: Session, token: str, items: list[Item], answers: dict[str, AnswerValue],
           now: datetime, locked: page_answers.LockedResponse | None = None) -> Saved:
    """Store the last page and submit, exactly once however often it is posted (locked: as save_page)."""
    screened = free_text.prepare([a.text for a in answers.values() if a.text])
    response = locked or page_answers.lock_response(session, token, now)
    flags = []
    if response.status == ResponseStatus.IN_PROGRESS:
        changed = page_answers.store_answers(session, response, items, answers, screened)
        flags = free_text.store(session, response, changed, screened)
        response.change(status=ResponseStatus.SUBMITTED, submitted_at=day_of(now), resume_code=None)
        if page_answers.write_changes(session, response):
            session.connection().execute(_WAITING, {"response_id": response.id,
                                                    "consultation_id": response.consultation_id})
    session.commit()
    page_answers.forget_loaded(session, response.id)
    return _saved(response, flags)


def issue_resume_code(session: Session, token: str, now: datetime) -> Response:
    """Give the response a new resume code (four simple words), valid for a limited time."""
    begin_write(session)
    response = session.scalar(select(Response).where(Response.token == token))
    if response is None:
        session.rollback()
        raise ResponseMissing()
    taken = True
    while taken:
        code = new_resume_code()
        taken = session.scalar(select(Response.id).where(Response.resume_code == code)) is not None
    response.resume_code, response.resume_code_expires_at = code, _code_ends(response, now)
    session.commit()
    return response


def _code_ends(response: Response, now: datetime) -> datetime:
    """A code works for two weeks, or until the consultation closes if that is sooner."""
    ends = now + RESUME_CODE_LIFETIME
    closes = response.consultation.closes_at
    return min(ends, closes) if closes else ends


def resume(session: Session, code: str, now: datetime) -> Response:
    """Open an unfinished response by its code, and retire the code: it works once."""
    begin_write(session)
    response = session.scalar(
        select(Response).where(Response.resume_code == normalise_resume_code(code),
                               Response.status == ResponseStatus.IN_PROGRESS,
                               Response.resume_code_expires_at > now))
    if response is None:
        session.rollback()
        raise NotFound("We could not find that code. Check the four words and try again.")
    try:
        require_open(response.consultation, now)
    except ConsultationClosed:
        session.rollback()
        raise
    # Whoever has the old code (written on a desk, seen over a shoulder) can no longer use it;
    # "Save and finish later" gives a new one.
    response.resume_code, response.resume_code_expires_at = None, None
    session.commit()
    return response


def answers_to_refill(session: Session, response, resumed: bool, item_keys: list[str] | None = None,
                      saved: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return the saved answers to show again; after a resume, never text that raised a concern.

    With item_keys, only those items' answers (one page's), read as plain rows; with saved, from
    the answers already read with the response instead of reading them again.
    """
    if saved is None:
        answers = answers_of(session, response, item_keys)
    else:
        answers = saved if item_keys is None else {key: saved[key] for key in item_keys if key in saved}
    if resumed:
        flagged = set(session.scalars(select(SafeguardingFlag.item_key)
                                      .where(SafeguardingFlag.response_id == response.id)))
        answers = {key: answer for key, answer in answers.items() if key not in flagged}
    return answers


def answers_of(session: Session, response, item_keys: list[str] | None = None) -> dict[str, Any]:
    """Return the answers saved so far (value, choices, text), by item id."""
    if item_keys is None:
        rows = session.connection().execute(_ANSWERS, {"response_id": response.id})
    else:
        statement, keys = page_answers.of_items(_ANSWERS, item_keys)
        rows = session.connection().execute(statement, {"response_id": response.id, **keys})
    return {row.item_key: row for row in rows}


_answers = Answer.__table__
# Built once (a Core statement keeps its cache key): read on every survey page.
_ANSWERS = select(_answers.c.item_key, _answers.c.value, _answers.c.choices, _answers.c.text).where(
    _answers.c.response_id == bindparam("response_id"))


def request_contact(session: Session, token: str, how_to_reach: str) -> ContactRequest:
    """Store how to reach a respondent who asked to talk; visible to safeguarding leads only."""
    begin_write(session)
    response = session.scalar(select(Response).where(Response.token == token))
    if response is None:
        session.rollback()
        raise ResponseMissing()
    request = session.scalar(select(ContactRequest).where(ContactRequest.response_id == response.id))
    if request is None:
        request = ContactRequest(response_id=response.id, how_to_reach=how_to_reach.strip())
        session.add(request)
        alerts.for_contact_request(session, response.id, response.school_id, utcnow())
    else:
        request.how_to_reach = how_to_reach.strip()
    session.commit()
    return request
