"""Free-text answers for officers to read and re-tag; flagged text never appears here."""
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engage.models import Answer, AnswerTag, Response, ResponseStatus
from engage.models.safeguarding import withholds_text

PAGE_SIZE = 25


@dataclass(frozen=True)
class Comment:
    """One free-text answer with its current tags, best first."""

    answer_id: int
    item_key: str
    variant: str
    text: str
    tags: list[AnswerTag]


def _unflagged(consultation_id: int):
    return (
        select(Answer, Response.variant)
        .join(Response, Response.id == Answer.response_id)
        .where(Response.consultation_id == consultation_id, Response.status == ResponseStatus.SUBMITTED,
               Answer.text.is_not(None), ~withholds_text(Answer))
    )


def comments(session: Session, consultation_id: int, page: int = 1) -> tuple[list[Comment], int]:
    """Return one page of unflagged free-text answers with tags, and the number of pages."""
    query = _unflagged(consultation_id)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 1), pages)
    rows = session.execute(query.order_by(Answer.id).offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)).all()
    ids = [answer.id for answer, _ in rows]
    tags: dict[int, list[AnswerTag]] = {i: [] for i in ids}
    for tag in session.scalars(select(AnswerTag).where(AnswerTag.answer_id.in_(ids))
                               .order_by(AnswerTag.rank)):
        tags[tag.answer_id].append(tag)
    return [Comment(a.id, a.item_key, variant, a.text, tags[a.id]) for a, variant in rows], pages


def answer_in(session: Session, consultation_id: int, answer_id: int) -> bool:
    """Say whether the answer is an unflagged free-text answer of this consultation."""
    query = _unflagged(consultation_id).where(Answer.id == answer_id)
    return session.execute(query).first() is not None
