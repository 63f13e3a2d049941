"""Safeguarding triage: the queue, and the actions a lead records. Nothing closes itself."""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from engage.analysis.safeguarding import NOT_SCREENED
from engage.db import begin_write
from engage.definitions.survey import survey_of
from engage.models import ContactRequest, FlagStatus, SafeguardingAction, SafeguardingFlag, Severity, User
from engage.results import summary
from engage.results.labels import VARIANT_LABELS
from engage.services import audit
from engage.services.errors import DomainError, NotFound
from engage.words import how_many

ACTIONS = {
    FlagStatus.ACKNOWLEDGED: "Acknowledged: I am looking into it",
    FlagStatus.REFERRED: "Referred on",
    FlagStatus.NO_FURTHER_ACTION: "No further action",
}
REFERRALS = {
    "school_dsl": "The school's designated safeguarding lead",
    "front_door": "Children's services front door / MASH",
    "lado": "LADO (an allegation about someone who works with children)",
    "out_of_hours": "Out-of-hours emergency duty team",
}


class InvalidAction(DomainError):
    """That action cannot be recorded as it is."""


@dataclass(frozen=True)
class FlagDetail:
    """A flag with what a lead needs to decide: the contact request, if one was made."""

    flag: SafeguardingFlag
    contact: ContactRequest | None


def queue(session: Session, schools: set[int] | None = None) -> list[SafeguardingFlag]:
    """Return flags (of these schools only, if given): open first, most severe first, oldest first."""
    still_open = case((SafeguardingFlag.status == FlagStatus.OPEN, 0), else_=1)
    query = select(SafeguardingFlag).order_by(still_open, severity_order(), SafeguardingFlag.created_at)
    if schools is not None:
        query = query.where(SafeguardingFlag.school_id.in_(schools))
    return list(session.scalars(query))


@dataclass(frozen=True)
class OpenCounts:
    """Open flags by severity, for the lead's home page and menu."""

    immediate: int = 0
    concern: int = 0
    check: int = 0

    @property
    def total(self) -> int:
        """Return every open flag."""
        return self.immediate + self.concern + self.check


def open_counts(session: Session, schools: set[int] | None = None) -> OpenCounts:
    """Count open flags (of these schools only, if given) by severity, in one query."""
    query = select(SafeguardingFlag.severity, func.count()).where(
        SafeguardingFlag.status == FlagStatus.OPEN).group_by(SafeguardingFlag.severity)
    if schools is not None:
        query = query.where(SafeguardingFlag.school_id.in_(schools))
    found = dict(session.execute(query).all())
    return OpenCounts(found.get(Severity.IMMEDIATE, 0), found.get(Severity.CONCERN, 0),
                      found.get(Severity.CHECK, 0))


def waiting(session: Session, schools: set[int] | None = None, limit: int = 5) -> list[SafeguardingFlag]:
    """Return the first open flags in queue order: the most severe, then the oldest."""
    query = (select(SafeguardingFlag).where(SafeguardingFlag.status == FlagStatus.OPEN)
             .order_by(severity_order(), SafeguardingFlag.created_at).limit(limit))
    if schools is not None:
        query = query.where(SafeguardingFlag.school_id.in_(schools))
    return list(session.scalars(query))


def severity_order():
    """SQL: immediate flags first, then concern, then "please check"."""
    return case((SafeguardingFlag.severity == Severity.IMMEDIATE, 0),
                (SafeguardingFlag.severity == Severity.CONCERN, 1), else_=2)


def detail(session: Session, flag_id: int, schools: set[int] | None = None) -> FlagDetail:
    """Return one flag (of these schools only, if given) with its contact request, or NotFound."""
    flag = session.get(SafeguardingFlag, flag_id)
    if flag is None or (schools is not None and flag.school_id not in schools):
        raise NotFound("There is no such concern.")
    contact = session.scalar(select(ContactRequest).where(ContactRequest.response_id == flag.response_id))
    return FlagDetail(flag, contact)


def writer(flag: SafeguardingFlag) -> str:
    """Say who wrote the flagged text in words ("Young people aged 8 to 10"), never a variant id."""
    return VARIANT_LABELS.get(flag.variant, flag.variant)


def question_asked(flag: SafeguardingFlag) -> str:
    """Return the question the text answered, in the words that audience read (its key if gone)."""
    item = next((i for i in survey_of(flag.response.version).items() if i.id == flag.item_key), None)
    if item is None:
        return flag.item_key
    return item.text.get(flag.variant) or next(iter(item.text.values()), flag.item_key)


def record_view(session: Session, found: FlagDetail, user: User) -> None:
    """Note in the audit log that this lead read the flagged text (and the contact details)."""
    begin_write(session)
    target = f"concern {found.flag.id}"
    audit.record(session, "flag_text_viewed", user, target, f"severity {found.flag.severity}")
    if found.contact is not None:
        audit.record(session, "contact_details_viewed", user, target)
    session.commit()


def record_action(session: Session, flag_id: int, user: User, action: str, referred_to: str | None,
                  reason: str, now: datetime) -> SafeguardingAction:
    """Record what a lead did, with who, when and why; the first action stops the clock."""
    _check(action, referred_to, reason)
    begin_write(session)
    flag = session.get(SafeguardingFlag, flag_id)
    if flag is None:
        session.rollback()
        raise NotFound("There is no such concern.")
    entry = SafeguardingAction(flag_id=flag.id, action=action, reason=reason.strip(), user_id=user.id,
                               referred_to=referred_to if action == FlagStatus.REFERRED else None,
                               created_at=now)
    session.add(entry)
    if _releases(flag, flag.status) != _releases(flag, action):
        # The text joins (or leaves) the comments: take the response out of the kept summary
        # counts first, while they still match, so the next summary counts it afresh.
        summary.recount(session, flag.response)
    flag.status = action
    flag.first_action_at = flag.first_action_at or now
    audit.record(session, "safeguarding." + action, user, f"concern {flag.id}", referred_to)
    session.commit()
    return entry


def _releases(flag: SafeguardingFlag, status: str) -> bool:
    """Say whether this status lets officers read the flagged text (see models.withholds_text)."""
    return flag.category == NOT_SCREENED and status == FlagStatus.NO_FURTHER_ACTION


def _check(action: str, referred_to: str | None, reason: str) -> None:
    if action not in ACTIONS:
        raise InvalidAction("Choose what you did about this concern.")
    if action == FlagStatus.REFERRED and referred_to not in REFERRALS:
        raise InvalidAction("Choose who you referred it to.")
    if not reason or not reason.strip():
        raise InvalidAction("Give a reason: it is kept with the record.")


def minutes_to_first_action(flag: SafeguardingFlag, now: datetime) -> int:
    """Return how long the flag waited (or has waited so far) for a person, in minutes."""
    end = flag.first_action_at or now
    return int((end - flag.created_at).total_seconds() // 60)


def waited_words(flag: SafeguardingFlag, now: datetime) -> str:
    """Say how long a flag has waited for a person, in the unit a reader expects."""
    minutes = minutes_to_first_action(flag, now)
    if minutes < 120:
        return how_many(minutes, "minute")
    hours = minutes // 60
    return how_many(hours, "hour") if hours < 48 else how_many(hours // 24, "day")
