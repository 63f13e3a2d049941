"""Time helpers: every stored time is naive UTC."""
from datetime import UTC, datetime


def utcnow() -> datetime:
    """Return the current time as naive UTC, the form stored in the database."""
    return datetime.now(UTC).replace(tzinfo=None)


def day_of(moment: datetime) -> datetime:
    """Return midnight of the moment's day: submission times are kept as days, less identifying."""
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)
