"""Recording and reading the audit log of sensitive actions."""
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engage.models import AuditEvent, User
from engage.models._time import utcnow

PAGE_SIZE = 50


def record(session: Session, action: str, actor: User | None = None, target: str | None = None,
           detail: str | None = None) -> AuditEvent:
    """Add one event to the audit log in the caller's transaction."""
    event = AuditEvent(at=utcnow(), action=action, actor_id=actor.id if actor else None,
                       actor_email=actor.email if actor else None,
                       target=(target or "")[:254] or None, detail=(detail or "")[:500] or None)
    session.add(event)
    return event


def recent(session: Session, page: int = 1) -> tuple[list[AuditEvent], int]:
    """Return one page of events, newest first, and the number of pages."""
    total = session.scalar(select(func.count(AuditEvent.id))) or 0
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, page), pages)
    events = session.scalars(
        select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)
    )
    return list(events), pages
