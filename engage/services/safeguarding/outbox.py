"""Send the alert outbox: claim each due row, email it, mark it sent, audit it.

Safe to run every minute and to overlap: a run claims a row with one conditional UPDATE (the
database decides, on SQLite and PostgreSQL alike) before sending, and only the run holding
the claim marks it sent. A failed send is retried with back-off. If a run dies between the
server accepting a message and marking it sent, the claim lapses and the lead may get that
alert twice: never none.
"""
from __future__ import annotations

import secrets
import smtplib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from engage.models import SafeguardingAlert
from engage.services import audit
from engage.services.safeguarding import alerts, mail

CLAIM_FOR = timedelta(minutes=10)  # far longer than any send can take (see mail.TIMEOUT)
FIRST_RETRY, LONGEST_WAIT = timedelta(minutes=1), timedelta(hours=1)


@dataclass
class Report:
    """What one run did."""

    sent: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def retry_after(attempts: int) -> timedelta:
    """Wait 1, 2, 4 ... minutes after each failure, never more than an hour."""
    return min(LONGEST_WAIT, FIRST_RETRY * 2 ** max(0, attempts - 1))


def due(session: Session, now: datetime) -> list[int]:
    """Return ids of alerts waiting to be sent whose time has come, oldest first."""
    return list(session.scalars(select(SafeguardingAlert.id).where(
        SafeguardingAlert.sent_at.is_(None), SafeguardingAlert.next_attempt_at <= now,
        or_(SafeguardingAlert.claimed_until.is_(None), SafeguardingAlert.claimed_until < now))
        .order_by(SafeguardingAlert.created_at, SafeguardingAlert.id)))


def claim(session: Session, alert_id: int, now: datetime) -> str | None:
    """Claim one alert for this run; return the claim, or None if another run holds it."""
    token = secrets.token_hex(16)
    taken = session.execute(update(SafeguardingAlert).where(
        SafeguardingAlert.id == alert_id, SafeguardingAlert.sent_at.is_(None),
        or_(SafeguardingAlert.claimed_until.is_(None), SafeguardingAlert.claimed_until < now))
        .values(claim=token, claimed_until=now + CLAIM_FOR))
    session.commit()
    return token if taken.rowcount == 1 else None


def send_due(session: Session, connect: Callable[[], smtplib.SMTP], sender: str,
             link_for: Callable[[SafeguardingAlert], str], now: datetime) -> Report:
    """Add overdue-flag alerts, then send every due alert over one connection."""
    alerts.for_overdue_flags(session, now)
    session.commit()
    report, connection = Report(), None
    try:
        for alert_id in due(session, now):
            token = claim(session, alert_id, now)
            if token is None:
                continue
            alert = session.get(SafeguardingAlert, alert_id, populate_existing=True)
            try:
                connection = connection or connect()
                connection.send_message(mail.message(alert, sender, link_for(alert)))
            except (OSError, smtplib.SMTPException) as exc:
                _failed(session, alert, token, now, exc, report)
                if connection is None:
                    break  # the server cannot be reached: the rest wait for the next run
            else:
                _sent(session, alert, token, now, report)
    finally:
        if connection is not None:
            _quit(connection)
    return report


def _sent(session: Session, alert: SafeguardingAlert, token: str, now: datetime,
          report: Report) -> None:
    session.execute(update(SafeguardingAlert).where(
        SafeguardingAlert.id == alert.id, SafeguardingAlert.claim == token)
        .values(sent_at=now, claim=None, claimed_until=None, attempts=alert.attempts + 1,
                last_error=None))
    target = f"concern {alert.flag_id}" if alert.flag_id else "contact request"
    audit.record(session, "safeguarding.alert_sent", None, target,
                 f"{alert.reason} alert emailed to {alert.user.email}")
    session.commit()
    report.sent += 1


def _failed(session: Session, alert: SafeguardingAlert, token: str, now: datetime,
            exc: Exception, report: Report) -> None:
    attempts = alert.attempts + 1
    error = f"{type(exc).__name__}: {exc}"[:300]
    session.execute(update(SafeguardingAlert).where(
        SafeguardingAlert.id == alert.id, SafeguardingAlert.claim == token)
        .values(attempts=attempts, next_attempt_at=now + retry_after(attempts), claim=None,
                claimed_until=None, last_error=error))
    audit.record(session, "safeguarding.alert_failed", None,
                 f"concern {alert.flag_id}" if alert.flag_id else "contact request",
                 f"{alert.reason} alert to {alert.user.email}, attempt {attempts}: {error}")
    session.commit()
    report.failed += 1
    report.errors.append(error)


def _quit(connection: smtplib.SMTP) -> None:
    try:
        connection.quit()
    except (OSError, smtplib.SMTPException):
        connection.close()
