"""Free-text answers for officers to read and re-tag; flagged text never appears here.

The model's uncertain tags come first: those are where an officer's correction teaches the
next model most. Officers narrow the list by value, sub-theme, audience, question, uncertain
tags and comments they have not read yet.
"""
from dataclasses import dataclass

from sqlalchemy import and_, case, exists, func, select
from sqlalchemy.orm import Session

from engage.analysis.tagging import UNCERTAIN_BELOW
from engage.models import Answer, AnswerTag, CommentRead, Response, ResponseStatus, TagSource
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

    @property
    def uncertain(self) -> bool:
        """Say whether the model suggested the first tag with low confidence."""
        return bool(self.tags) and is_uncertain(self.tags[0])


@dataclass(frozen=True)
class CommentFilter:
    """What an officer chose to see; empty fields do not narrow the list."""

    value: int | None = None
    subtheme: str | None = None
    audience: str | None = None
    question: str | None = None
    uncertain: bool = False
    unread_by: int | None = None  # a user id: only comments this officer has not read


def is_uncertain(tag: AnswerTag) -> bool:
    """Say whether a tag is the model's and below the confidence officers should check."""
    return tag.source == TagSource.MODEL and tag.confidence < UNCERTAIN_BELOW


def _unflagged(consultation_id: int):
    return (
        select(Answer, Response.variant)
        .join(Response, Response.id == Answer.response_id)
        .where(Response.consultation_id == consultation_id, Response.status == ResponseStatus.SUBMITTED,
               Answer.text.is_not(None), ~withholds_text(Answer))
    )


def _has_tag(*conditions):
    return exists().where(AnswerTag.answer_id == Answer.id, *conditions)


def _uncertain_first():
    """Order key: 0 when the first tag is the model's and uncertain, else 1."""
    doubtful = _has_tag(AnswerTag.rank == 0, AnswerTag.source == TagSource.MODEL,
                        AnswerTag.confidence < UNCERTAIN_BELOW)
    return case((doubtful, 0), else_=1)


def _narrowed(query, chosen: CommentFilter):
    """Apply each chosen filter to the query."""
    if chosen.value:
        query = query.where(_has_tag(AnswerTag.value_id == chosen.value))
    if chosen.subtheme:
        query = query.where(_has_tag(AnswerTag.subtheme_id == chosen.subtheme))
    if chosen.audience:
        query = query.where(Response.variant == chosen.audience)
    if chosen.question:
        query = query.where(Answer.item_key == chosen.question)
    if chosen.uncertain:
        query = query.where(_uncertain_first() == 0)
    if chosen.unread_by is not None:
        read = exists().where(and_(CommentRead.answer_id == Answer.id, CommentRead.user_id == chosen.unread_by))
        query = query.where(~read)
    return query


def comments(session: Session, consultation_id: int, page: int = 1,
             chosen: CommentFilter | None = None) -> tuple[list[Comment], int, int]:
    """Return one page of unflagged free-text answers (uncertain first), the pages and the total."""
    query = _narrowed(_unflagged(consultation_id), chosen or CommentFilter())
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(page, 1), pages)
    rows = session.execute(query.order_by(_uncertain_first(), Answer.id)
                           .offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)).all()
    ids = [answer.id for answer, _ in rows]
    tags: dict[int, list[AnswerTag]] = {i: [] for i in ids}
    for tag in session.scalars(select(AnswerTag).where(AnswerTag.answer_id.in_(ids))
                               .order_by(AnswerTag.rank)):
        tags[tag.answer_id].append(tag)
    found = [Comment(a.id, a.item_key, variant, a.text, tags[a.id]) for a, variant in rows]
    return found, pages, total


def questions_with_comments(session: Session, consultation_id: int) -> list[str]:
    """Return the keys of questions that have unflagged comments, in first-answered order."""
    query = _unflagged(consultation_id).with_only_columns(Answer.item_key, func.min(Answer.id))
    rows = session.execute(query.group_by(Answer.item_key).order_by(func.min(Answer.id))).all()
    return [key for key, _ in rows]


def answer_in(session: Session, consultation_id: int, answer_id: int) -> bool:
    """Say whether the answer is an unflagged free-text answer of this consultation."""
    query = _unflagged(consultation_id).where(Answer.id == answer_id)
    return session.execute(query).first() is not None
