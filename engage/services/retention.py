"""Keep personal data no longer than needed: each kind has its own retention period, in days.

- abandoned responses: started and never submitted, started more than N days ago (answers,
  flags a lead has closed and contact requests go with them, as in an erasure);
- closed flags: the words of a flag a lead closed more than N days ago (the disclosure's copy,
  the answer's text it withheld, and the lead's notes); the flag itself stays as a count of
  what happened, with its category, severity and decision;
- contact details: a child's request to be contacted, more than N days old, once no flag on
  their response is still being dealt with.

A flag still open or acknowledged is never touched: a response carrying one is kept however
old, and reported. Applying twice does nothing more the second time, so it is safe from cron.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.models import (
    Answer,
    ContactRequest,
    Response,
    ResponseStatus,
    SafeguardingAction,
    SafeguardingFlag,
)
from engage.results import summary
from engage.services import audit
from engage.services.erasure import UNDER_ACTION, remove_responses

REMOVED = "[removed under the retention policy]"


@dataclass(frozen=True)
class Periods:
    """Days each kind is kept."""

    abandoned: int
    closed_flags: int
    contact: int


@dataclass(frozen=True)
class Applied:
    """What one run removed, and what it kept because a flag is still being dealt with."""

    abandoned: int
    kept_for_open_flags: int
    closed_flags: int
    contact: int


def apply(session: Session, periods: Periods, now: datetime) -> Applied:
    """Remove whatever is older than its period; record the run in the audit log."""
    begin_write(session)
    abandoned, kept = _abandoned(session, now - timedelta(days=periods.abandoned))
    result = Applied(abandoned, kept, _closed_flags(session, now - timedelta(days=periods.closed_flags)),
                     _contacts(session, now - timedelta(days=periods.contact)))
    if result.abandoned or result.closed_flags or result.contact:
        audit.record(session, "retention_applied", None, None, describe(result))
    session.commit()
    return result


def describe(result: Applied) -> str:
    """Say what a run did, in one line."""
    return (f"{result.abandoned} abandoned responses erased ({result.kept_for_open_flags} kept: a flag on them "
            f"is still open); {result.closed_flags} closed flags' words removed; "
            f"{result.contact} contact requests removed")


def _under_action(response_id):
    return exists().where(SafeguardingFlag.response_id == response_id, SafeguardingFlag.status.in_(UNDER_ACTION))


def _abandoned(session: Session, before: datetime) -> tuple[int, int]:
    old = (Response.status == ResponseStatus.IN_PROGRESS, Response.started_on < before.date())
    ids = list(session.scalars(select(Response.id).where(*old, ~_under_action(Response.id))))
    kept = len(list(session.scalars(select(Response.id).where(*old, _under_action(Response.id)))))
    remove_responses(session, ids)
    return len(ids), kept


def _closed_flags(session: Session, before: datetime) -> int:
    """Blank the words of flags closed before the cutoff (closed: their last action was then)."""
    last_action = (select(SafeguardingAction.created_at).where(SafeguardingAction.flag_id == SafeguardingFlag.id)
                   .order_by(SafeguardingAction.created_at.desc()).limit(1).scalar_subquery())
    flags = list(session.scalars(select(SafeguardingFlag).where(
        SafeguardingFlag.status.not_in(UNDER_ACTION), SafeguardingFlag.text != REMOVED, last_action < before)))
    for flag in flags:
        summary.recount(session, flag.response)  # a released comment may be counted: take it out first
        flag.text = REMOVED
        session.execute(update(Answer).where(Answer.response_id == flag.response_id,
                                             Answer.item_key == flag.item_key).values(text=None))
        session.execute(update(SafeguardingAction).where(SafeguardingAction.flag_id == flag.id)
                        .values(reason=REMOVED))
    session.flush()
    return len(flags)


def _contacts(session: Session, before: datetime) -> int:
    old = list(session.scalars(select(ContactRequest).where(
        ContactRequest.created_at < before, ~_under_action(ContactRequest.response_id))))
    for request in old:
        session.delete(request)
    session.flush()
    return len(old)
