"""Split a consultation's submitted responses into id ranges of about equal size.

Work over every response whose output must come out in id order (the long CSV) can be shared
between processes by giving each a range of response ids: each reads its own rows through the
(consultation, id) order the queries already use, and the results join up in id order. (The first
fold splits its parts by school and area instead, since its counts need no order and parts that
share few respondent groups add up faster.)
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engage.models import Response, ResponseStatus


@dataclass(frozen=True)
class IdRange:
    """Responses with first <= id <= last, `count` of them submitted when the range was made."""

    first: int
    last: int
    count: int

    @property
    def bounds(self) -> tuple[int, int]:
        return self.first, self.last


def submitted_ranges(session: Session, consultation_id: int, parts: int,
                     first_share: float | None = None) -> list[IdRange]:
    """Return up to `parts` ranges covering the submitted responses, in id order.

    The ranges hold equal numbers of responses, or, given `first_share`, the first holds that
    share of them (for a process with other work besides) and the rest split the remainder.

    The last range ends at the highest id submitted now, so responses submitted afterwards
    stay out of every range, as they would stay out of one query started now.
    """
    submitted = (Response.consultation_id == consultation_id, Response.status == ResponseStatus.SUBMITTED)
    total = session.scalar(select(func.count(Response.id)).where(*submitted)) or 0
    if total == 0:
        return []
    ids = select(Response.id).where(*submitted).order_by(Response.id)
    parts = max(1, min(parts, total))
    offsets = sorted(_starts(total, parts, first_share) | {total - 1})
    edges = [session.scalar(ids.offset(at).limit(1)) for at in offsets]
    # Each range starts at an edge and ends before the next; the last ends at the last id.
    return [IdRange(edges[k], edges[k + 1] - 1 if k + 2 < len(edges) else edges[k + 1],
                    offsets[k + 1] - offsets[k] + (k + 2 == len(edges)))
            for k in range(len(edges) - 1)] or [IdRange(edges[0], edges[0], 1)]


def _starts(total: int, parts: int, first_share: float | None) -> set[int]:
    """Return the positions, in id order, at which the ranges start."""
    if first_share is None or parts < 2:
        return {total * k // parts for k in range(parts)}
    first, rest = min(total - 1, max(1, round(total * first_share))), parts - 1
    return {0} | {first + (total - first) * k // rest for k in range(rest)}
