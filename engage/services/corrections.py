"""Officers correct value tags; their corrections are kept and train the next model."""
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.framework import Framework
from engage.models import Answer, AnswerTag, SafeguardingFlag, TagSource, User
from engage.results import summary
from engage.services import audit
from engage.services.errors import DomainError, NotFound


class InvalidTag(DomainError):
    """That is not one of the five values or their sub-themes."""


def correct_tag(session: Session, framework: Framework, answer_id: int, value_id: int,
                subtheme_id: str | None, user: User) -> AnswerTag:
    """Replace an answer's tags with an officer's: value, and sub-theme if given."""
    if value_id not in {v.id for v in framework.values}:
        raise InvalidTag()
    if subtheme_id and not framework.has_subtheme(value_id, subtheme_id):
        raise InvalidTag(f"Sub-theme {subtheme_id} does not belong to value {value_id}.")
    begin_write(session)
    answer = session.get(Answer, answer_id)
    if answer is None or not answer.text:
        session.rollback()
        raise NotFound("There is no such free-text answer.")
    # The answer's primary tag decides which value its comment counts under.
    summary.recount(session, answer.response)
    session.execute(delete(AnswerTag).where(AnswerTag.answer_id == answer_id))
    tag = AnswerTag(answer_id=answer_id, value_id=value_id, subtheme_id=subtheme_id or None,
                    confidence=1.0, rank=0, source=TagSource.OFFICER, user_id=user.id)
    session.add(tag)
    audit.record(session, "tag.corrected", user, f"answer {answer_id}", f"value {value_id} {subtheme_id or ''}")
    session.commit()
    return tag


def officer_examples(session: Session) -> list[tuple[str, int, str | None]]:
    """Return (text, value, sub-theme) from officers' corrections, never from flagged text."""
    flagged = select(SafeguardingFlag.text)
    rows = session.execute(
        select(Answer.text, AnswerTag.value_id, AnswerTag.subtheme_id)
        .join(AnswerTag, AnswerTag.answer_id == Answer.id)
        .where(AnswerTag.source == TagSource.OFFICER, Answer.text.not_in(flagged))
    )
    return [(text, value, subtheme) for text, value, subtheme in rows]
