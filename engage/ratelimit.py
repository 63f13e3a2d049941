"""Rate-limit counters in the app's own database, so every worker and server shares them.

Flask-Limiter's storage is the `limits` library's; it has no SQL storage, so this is one:
fixed-window counters, one row per key, updated with one atomic upsert (SQLite and
PostgreSQL both have INSERT ... ON CONFLICT). It is used unless ENGAGE_RATELIMIT_STORAGE_URI
names another storage (redis://... for example).
"""
import time

from flask import current_app
from limits.storage import Storage
from sqlalchemy import case, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from engage.models import RateLimitCounter

SCHEME = "database"
DEFAULT_URI = f"{SCHEME}://"


class DatabaseStorage(Storage):
    """Counters in the current app's database (looked up per call: one limiter serves every app)."""

    STORAGE_SCHEME = [SCHEME]

    @property
    def base_exceptions(self):
        """Return the errors the database may raise."""
        return SQLAlchemyError

    @staticmethod
    def _engine():
        return current_app.extensions["engage.engine"]

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add to the key's counter, starting a new window if the old one is over; return the count."""
        now = time.time()
        table = RateLimitCounter
        over = table.expires_at <= now
        with self._engine().begin() as connection:
            insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
            statement = insert(table).values(key=key, count=amount, expires_at=now + expiry)
            statement = statement.on_conflict_do_update(index_elements=[table.key], set_={
                "count": case((over, amount), else_=table.count + amount),
                "expires_at": case((over, now + expiry), else_=table.expires_at),
            }).returning(table.count)
            count = connection.execute(statement).scalar_one()
            if count == amount:  # a new window: a good moment to drop finished ones
                connection.execute(delete(table).where(table.expires_at <= now))
        return count

    def get(self, key: str) -> int:
        """Return the key's count in the current window (0 if none)."""
        with self._engine().connect() as connection:
            count = connection.scalar(select(RateLimitCounter.count).where(
                RateLimitCounter.key == key, RateLimitCounter.expires_at > time.time()))
        return count or 0

    def get_expiry(self, key: str) -> float:
        """Return when the key's window ends (now, if it has none)."""
        with self._engine().connect() as connection:
            expires = connection.scalar(select(RateLimitCounter.expires_at).where(RateLimitCounter.key == key))
        return expires if expires is not None else time.time()

    def check(self) -> bool:
        """Say whether the database answers."""
        try:
            with self._engine().connect() as connection:
                connection.scalar(select(1))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        """Forget every counter."""
        with self._engine().begin() as connection:
            return connection.execute(delete(RateLimitCounter)).rowcount

    def clear(self, key: str) -> None:
        """Forget one key's counter."""
        with self._engine().begin() as connection:
            connection.execute(delete(RateLimitCounter).where(RateLimitCounter.key == key))
