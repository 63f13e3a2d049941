"""Who is alerted, and why: rows written to the outbox (models.alert) for each safeguarding lead.

Three reasons: a flag screened "immediate" (written with the flag, in the same transaction),
a request to be contacted (with the request), and a flag left open a working day with no
action (found by `flask alerts send` each time it runs). Council leads (linked to no school)
hear about every flag; a lead linked to schools, such as a school's designated safeguarding
lead, hears about flags from responses that came in through those schools' class codes.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, select
from sqlalchemy.orm import Session, selectinload

from engage.models import FlagStatus, Role, SafeguardingAlert, SafeguardingFlag, User

IMMEDIATE, OVERDUE, CONTACT = "immediate", "overdue", "contact"


def leads_for(session: Session, school_id: int | None) -> list[User]:
    """Return the active safeguarding leads who look after a flag from this school (or none)."""
    leads = session.scalars(select(User).where(User.role == Role.SAFEGUARDING_LEAD,
                                               User.active.is_(True))
                            .options(selectinload(User.schools)).order_by(User.id))
    return [lead for lead in leads if not lead.school_ids or school_id in lead.school_ids]


def _enqueue(session: Session, reason: str, key: str, flag: SafeguardingFlag | None,
             school_id: int | None, now: datetime) -> int:
    """Add one alert per lead for this reason, unless that lead already has it; return how many."""
    already = set(session.scalars(select(SafeguardingAlert.user_id)
                                  .where(SafeguardingAlert.reason_key == key)))
    added = 0
    for lead in leads_for(session, school_id):
        if lead.id not in already:
            session.add(SafeguardingAlert(reason=reason, reason_key=key, user_id=lead.id,
                                          flag_id=flag.id if flag else None, created_at=now,
                                          next_attempt_at=now))
            added += 1
    return added


def for_new_flag(session: Session, flag: SafeguardingFlag, now: datetime) -> None:
    """Alert every lead at once about a flag screened immediate (the flag must have its id)."""
    if flag.severity == IMMEDIATE:
        _enqueue(session, IMMEDIATE, f"{IMMEDIATE}:{flag.id}", flag, flag.school_id, now)


def for_contact_request(session: Session, response_id: int, school_id: int | None,
                        now: datetime) -> None:
    """Alert every lead that a respondent asked to be contacted; link the response's flag."""
    urgent_first = case((SafeguardingFlag.severity == IMMEDIATE, 0), else_=1)
    flag = session.scalar(select(SafeguardingFlag).where(SafeguardingFlag.response_id == response_id)
                          .order_by(urgent_first, SafeguardingFlag.id).limit(1))
    _enqueue(session, CONTACT, f"{CONTACT}:{response_id}", flag, school_id, now)


def working_day_after(moment: datetime) -> datetime:
    """Return the same time one working day later (Saturday and Sunday do not count)."""
    later = moment + timedelta(days=1)
    while later.weekday() >= 5:
        later += timedelta(days=1)
    return later


def for_overdue_flags(session: Session, now: datetime) -> int:
    """Alert leads about open flags left a working day with no action; return alerts added."""
    waiting = session.scalars(select(SafeguardingFlag).where(
        SafeguardingFlag.status == FlagStatus.OPEN, SafeguardingFlag.first_action_at.is_(None),
        SafeguardingFlag.created_at <= now - timedelta(days=1)))
    return sum(_enqueue(session, OVERDUE, f"{OVERDUE}:{flag.id}", flag, flag.school_id, now)
               for flag in waiting if working_day_after(flag.created_at) <= now)


@dataclass(frozen=True)
class Alerted:
    """When one lead was alerted about a flag (sent_at None: still waiting to be sent)."""

    email: str
    reason: str
    sent_at: datetime | None
    attempts: int


def alerted(session: Session, flag_ids: list[int]) -> dict[int, list[Alerted]]:
    """Return, by flag, who was alerted and when, oldest first."""
    rows = session.execute(select(SafeguardingAlert, User.email).join(User)
                           .where(SafeguardingAlert.flag_id.in_(flag_ids))
                           .order_by(SafeguardingAlert.created_at, SafeguardingAlert.id))
    found: dict[int, list[Alerted]] = {}
    for alert, email in rows:
        found.setdefault(alert.flag_id, []).append(
            Alerted(email, alert.reason, alert.sent_at, alert.attempts))
    return found
