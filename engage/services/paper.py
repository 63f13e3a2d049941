"""Paper surveys: the printed questions, numbered as on paper, and typing a form back in.

A paper form is entered as an ordinary response with channel "paper", through the same
service as online answers (responses.submit): tags, sentiment and the safeguarding screen
run, and a worrying answer reaches the triage queue. The school is the batch's, chosen once
on the entry screen, so the paper form does not ask it (the year group it does ask is kept).
"""
import re
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.definitions.paper import PaperQuestion, paper_question
from engage.definitions.survey import Item
from engage.models import Consultation, Response, School, User
from engage.services import audit
from engage.services import responses as rsp
from engage.services.consultations import require_open, require_variant, survey_of
from engage.services.errors import InvalidInput, NotFound

NOTHING_TYPED = ("Nothing was typed in, so the form was not saved. Type the number beside each ticked box, "
                 "or the words written. A form someone handed in blank is not a response.")

REFERENCE = re.compile(r"^\s*(\d+)-([a-z0-9]+)-v(\d+)\s*$", re.IGNORECASE)


def reference(consultation: Consultation, variant: str) -> str:
    """Return the reference printed on every page, which names consultation, variant and version."""
    return f"{consultation.id}-{variant}-v{consultation.version.number}"


def parse_reference(text: str) -> tuple[int, str, int]:
    """Read a typed reference back: (consultation id, variant, version number)."""
    match = REFERENCE.match(text or "")
    if not match:
        raise NotFound("That is not a form reference. It looks like 12-primary-v3, at the foot of each page.")
    return int(match.group(1)), match.group(2).lower(), int(match.group(3))


def questions(consultation: Consultation, variant: str, copy: dict) -> list[PaperQuestion]:
    """Return the questions a variant's paper form asks, numbered, without the school question."""
    require_variant(consultation, variant)
    survey = survey_of(consultation.version)
    items = [i for p in survey.pages_for(variant) for i in p.items if i.profile != "school"]
    return [paper_question(n, item, variant, copy) for n, item in enumerate(items, start=1)]


def new_entry_token() -> str:
    """Return the token of one entry screen, which becomes the paper response's own token."""
    return secrets.token_urlsafe(32)


def enter(session: Session, consultation: Consultation, variant: str, school: School | None,
          items: list[Item], answers: dict[str, rsp.AnswerValue], user: User | None,
          now: datetime, token: str) -> rsp.Saved:
    """Store one typed-in paper form as a submitted paper response, once; audit the count, not the content.

    A form with no answer at all (saved by mistake, or an Enter pressed too soon) is refused: it
    would count as someone who took part.
    """
    require_open(consultation, now)
    require_variant(consultation, variant)
    if all(answer.is_empty for answer in answers.values()):
        raise InvalidInput(NOTHING_TYPED)
    begin_write(session)
    already = session.scalar(select(Response).where(Response.token == token))
    if already is not None:  # the same form posted twice: it is in already
        session.rollback()
        return rsp.Saved(already, False)
    response = Response(token=token, consultation_id=consultation.id,
                        version_id=consultation.version_id, variant=variant, channel="paper",
                        started_on=now.date(), school_id=school.id if school else None)
    session.add(response)
    audit.record(session, "paper_entry", user, target=consultation.slug,
                 detail=f"1 {variant} paper form entered")
    session.commit()
    return rsp.submit(session, response.token, items, answers, now)
