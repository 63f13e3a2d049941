"""Growing waits after wrong sign-ins, per account and client, shared by every server.

Keyed to the pair, not the account alone: someone guessing from elsewhere slows only
themselves, and can never lock a safeguarding lead out of the triage queue.
"""
import hashlib
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from engage.models import SignInFailure

FREE_TRIES = 5
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=15)
FORGET_AFTER = timedelta(days=1)


def pair_key(email: str, client: str) -> str:
    """Return the key of one account (or typed email) and one client address."""
    return hashlib.sha256(f"{email}\n{client}".encode()).hexdigest()


def wait_until(session: Session, key: str, now: datetime) -> datetime | None:
    """Return when this pair may try again, if it must still wait."""
    until = session.scalar(select(SignInFailure.wait_until).where(SignInFailure.key == key))
    return until if until is not None and now < until else None


def count_failure(session: Session, key: str, now: datetime) -> None:
    """Add a failure for the pair in the caller's write transaction; past the free tries, wait longer."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = insert(SignInFailure).values(key=key, failures=1, last_failed_at=now)
    session.execute(statement.on_conflict_do_update(
        index_elements=[SignInFailure.key],
        set_={"failures": SignInFailure.failures + 1, "last_failed_at": now}))
    failures = session.scalar(select(SignInFailure.failures).where(SignInFailure.key == key))
    if failures >= FREE_TRIES:
        wait = min(FIRST_WAIT * 2 ** (failures - FREE_TRIES), LONGEST_WAIT)
        row = session.get(SignInFailure, key, populate_existing=True)
        row.wait_until = now + wait
    session.execute(delete(SignInFailure).where(SignInFailure.last_failed_at < now - FORGET_AFTER))


def clear(session: Session, key: str) -> None:
    """Forget the pair's failures after a sign-in that worked."""
    session.execute(delete(SignInFailure).where(SignInFailure.key == key))
