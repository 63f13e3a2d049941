"""Who a summary includes: the officer's filters, as plain values."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Filters:
    """Who to include; None means everyone."""

    audience: str | None = None
    variant: str | None = None
    school_id: int | None = None
    area_id: str | None = None
    priority_group: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    channel: str | None = None
    language: str | None = None

    def active(self) -> dict:
        """Return the filters that are set, as plain values."""
        return {k: str(v) for k, v in self.__dict__.items() if v not in (None, "")}
