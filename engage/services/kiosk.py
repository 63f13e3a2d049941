"""Kiosk mode: one event device serving respondents one after another.

An officer starts a kiosk for an open consultation on the device itself (audited). The
device's browser then holds only the kiosk's state: which consultation and until when.
Everything a respondent leaves behind (their response token, a help offer, display
settings) is wiped after each person and after an idle spell, so the next person starts clean.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.models import Consultation, User
from engage.services import audit
from engage.services.consultations import require_open

CHANNEL = "kiosk"
# A kiosk lasts for an event day at most, and never past the consultation's close.
LIFETIME = timedelta(hours=12)
# After IDLE_WARN seconds without a page, the respondent is asked "Are you still there?";
# IDLE_GRACE seconds later (WCAG 2.2.1 asks for at least 20) their answers are wiped.
IDLE_WARN = 180
IDLE_GRACE = 60
# The backstop: the page itself warns (kiosk-idle.js, or a <noscript> refresh) after IDLE_WARN
# seconds without a key or tap; the server wipes a respondent seen by no request for this long.
IDLE_LIMIT = 20 * 60
THANKS_RETURN = 60  # seconds with no key or tap on the thank-you page


@dataclass(frozen=True)
class KioskState:
    """What the device's session keeps between respondents."""

    slug: str
    until: float

    def as_dict(self) -> dict:
        """Return the state as it is kept in the session."""
        return {"slug": self.slug, "until": self.until}


def start_kiosk(session: Session, consultation: Consultation, actor: User, now: datetime) -> KioskState:
    """Start a kiosk for an open consultation, and record who did it in the audit log."""
    require_open(consultation, now)
    until = now + LIFETIME
    if consultation.closes_at and consultation.closes_at < until:
        until = consultation.closes_at
    begin_write(session)
    audit.record(session, "kiosk_started", actor, consultation.slug,
                 f"until {until:%Y-%m-%d %H:%M} UTC")
    session.commit()
    return KioskState(consultation.slug, until.timestamp())


def state_of(raw: object, now: datetime) -> KioskState | None:
    """Return the kiosk state kept in a session, or None if there is none or it has run out."""
    if not isinstance(raw, dict) or not isinstance(raw.get("slug"), str):
        return None
    try:
        until = float(raw["until"])
    except (KeyError, TypeError, ValueError):
        return None
    return KioskState(raw["slug"], until) if now.timestamp() < until else None


def idle_too_long(last_seen: object, now: datetime) -> bool:
    """Say whether a respondent has been away long enough that their answers must go."""
    try:
        return now.timestamp() - float(last_seen) > IDLE_LIMIT
    except (TypeError, ValueError):
        return False
