"""Reads of comments: an officer shown a comment in the review has read it (use of feedback)."""
from __future__ import annotations

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from engage.models import Answer, AnswerTag, CommentRead, TagSource


def record(session: Session, consultation_id: int, answer_ids: list[int], user_id: int | None) -> int:
    """Record that this officer read these answers (first time only); return how many were new."""
    if not answer_ids:
        return 0
    seen = set(session.scalars(select(CommentRead.answer_id).where(
        CommentRead.answer_id.in_(answer_ids), CommentRead.user_id == user_id)))
    fresh = [a for a in answer_ids if a not in seen]
    responses = dict(session.execute(select(Answer.id, Answer.response_id).where(Answer.id.in_(fresh))).all())
    session.add_all(CommentRead(answer_id=a, response_id=responses[a], consultation_id=consultation_id,
                                user_id=user_id) for a in fresh if a in responses)
    session.commit()
    return len(fresh)

def responses_read(session: Session, consultation_id: int, submitted) -> int:
    """Count submitted responses an officer has read: opened in the review, or tagged by hand."""
    opened = select(CommentRead.response_id).where(CommentRead.consultation_id == consultation_id)
    tagged = (select(Answer.response_id).join(AnswerTag, AnswerTag.answer_id == Answer.id)
              .where(AnswerTag.source == TagSource.OFFICER, Answer.response_id.in_(submitted)))
    either = opened.union(tagged).subquery()
    return session.scalar(select(func.count(distinct(either.c.response_id)))
                          .where(either.c.response_id.in_(submitted))) or 0
