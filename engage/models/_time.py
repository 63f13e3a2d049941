"""Time helpers: every stored time is naive UTC."""
from datetime import UTC, datetime


def utcnow() -> datetime:
    """Return the current time as naive UTC, the form stored in the database."""
    return datetime.now(UTC).replace(tzinfo=None)
