"""Erase a response, or every response of a closed consultation, and say so in the audit log.

What erasing removes: the response, its answers (free text included), their value tags and
read marks, any request to be contacted, and safeguarding flags that a lead has closed (with
the lead's actions on them). The summary tallies are corrected in the same transaction: a
counted response is taken out of them first, as a tag correction does.

What it refuses: a response with a safeguarding flag still open or acknowledged. That flag may
be the only record of a child at risk while a lead is acting on it, so it must not vanish
because someone asked for the answers to go; the lead closes it first (referred, or no further
action) and the erasure can then go ahead.
"""
from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.models import (
    Consultation,
    ConsultationStatus,
    ContactRequest,
    FlagStatus,
    Response,
    SafeguardingAction,
    SafeguardingAlert,
    SafeguardingFlag,
    User,
)
from engage.results import summary, tallies
from engage.services import audit
from engage.services.errors import DomainError, NotFound

UNDER_ACTION = (FlagStatus.OPEN, FlagStatus.ACKNOWLEDGED)
FLAG_OPEN = ("A safeguarding lead is still dealing with a flag on {what}, so nothing was erased. "
             "Ask them to close the flag first.")


class ErasureRefused(DomainError):
    """That cannot be erased now."""

    status = 409


def erase_response(session: Session, consultation_id: int, response_id: int, actor: User, reason: str) -> None:
    """Erase one response of a consultation, with the reason, unless a flag on it is under action."""
    begin_write(session)
    response = session.get(Response, response_id)
    if response is None or response.consultation_id != consultation_id:
        session.rollback()
        raise NotFound("There is no response with that number in this consultation.")
    _refuse_if_flag_open(session, Response.id == response_id, f"response {response_id}")
    slug = response.consultation.slug
    summary.recount(session, response)  # take it out of the summary tallies before it goes
    remove_responses(session, [response_id])
    audit.record(session, "response_erased", actor, slug, f"response {response_id}: {reason}")
    session.commit()


def erase_consultation(session: Session, consultation_id: int, actor: User, reason: str) -> int:
    """Erase every response of a closed consultation; return how many went."""
    begin_write(session)
    consultation = session.get(Consultation, consultation_id)
    if consultation is None:
        session.rollback()
        raise NotFound()
    if consultation.status not in (ConsultationStatus.CLOSED, ConsultationStatus.PUBLISHED):
        session.rollback()
        raise ErasureRefused("Only a closed consultation's responses can be erased all at once. Close it first.")
    _refuse_if_flag_open(session, Response.consultation_id == consultation_id, "one of its responses")
    ids = list(session.scalars(select(Response.id).where(Response.consultation_id == consultation_id)))
    tallies.reset(session, consultation_id)
    remove_responses(session, ids)
    audit.record(session, "responses_erased", actor, consultation.slug, f"all {len(ids)} responses: {reason}")
    session.commit()
    return len(ids)


def _refuse_if_flag_open(session: Session, which, what: str) -> None:
    open_flag = select(SafeguardingFlag.id).join(Response, Response.id == SafeguardingFlag.response_id).where(
        which, SafeguardingFlag.status.in_(UNDER_ACTION)).limit(1)
    if session.scalar(open_flag) is not None:
        session.rollback()
        raise ErasureRefused(FLAG_OPEN.format(what=what))


def remove_responses(session: Session, ids: list[int]) -> None:
    """Delete responses and everything hanging from them (inside the caller's write)."""
    for start in range(0, len(ids), 500):  # keep each IN list well under every engine's limit
        chunk = ids[start:start + 500]
        flags = select(SafeguardingFlag.id).where(SafeguardingFlag.response_id.in_(chunk))
        # An alert email never held the text; its record stays, no longer pointing at the flag.
        session.execute(update(SafeguardingAlert).where(SafeguardingAlert.flag_id.in_(flags))
                        .values(flag_id=None).execution_options(synchronize_session=False))
        session.execute(delete(SafeguardingAction).where(SafeguardingAction.flag_id.in_(flags)))
        session.execute(delete(SafeguardingFlag).where(SafeguardingFlag.response_id.in_(chunk)))
        session.execute(delete(ContactRequest).where(ContactRequest.response_id.in_(chunk)))
        # Answers, their tags and read marks go with the response (ON DELETE CASCADE).
        session.execute(delete(Response).where(Response.id.in_(chunk)).execution_options(
            synchronize_session=False))
    session.expire_all()
