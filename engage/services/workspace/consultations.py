"""Consultations in the workspace: drafts, youth council approval, and the status lifecycle.

draft -> open -> closed -> published. A youth council draft opens only after an officer or
admin approves it; the survey version is fixed when the consultation opens.
"""
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.definitions.loader import latest_version
from engage.definitions.variants import AUDIENCES
from engage.models import AccessCode, Consultation, ConsultationStatus, Role, SurveyFamily, User
from engage.results import tallies as summary_tallies
from engage.services import audit
from engage.services.errors import InvalidChange, InvalidInput, NotFound
from engage.services.setup import create_consultation

S = ConsultationStatus
# action -> (from, to, past tense for messages and the audit log)
TRANSITIONS = {
    "open": (S.DRAFT, S.OPEN, "opened"),
    "close": (S.OPEN, S.CLOSED, "closed"),
    "publish": (S.CLOSED, S.PUBLISHED, "published"),
}
APPROVERS = (Role.ADMIN, Role.OFFICER)


@dataclass(frozen=True)
class Plan:
    """What a consultation form gives: the editable settings of a draft."""

    title: str
    family_slug: str
    variants: list[str]
    opens_on: date | None
    closes_on: date | None
    results_on: date | None = None
    series: str | None = None
    # Optional titles by audience ("young", "parent", "professional"), for after they say who they are.
    audience_titles: dict[str, str] = field(default_factory=dict)


def families(session: Session) -> list[tuple[str, str, list[str]]]:
    """Return (slug, title, variants of the latest version) for every survey family."""
    found = []
    for family in session.scalars(select(SurveyFamily).order_by(SurveyFamily.title)):
        version = latest_version(session, family.id)
        if version is not None:
            found.append((family.slug, family.title, list(version.definition["variants"])))
    return found


def list_consultations(session: Session) -> list[Consultation]:
    """Return every consultation, newest first."""
    return list(session.scalars(select(Consultation).order_by(Consultation.created_at.desc(),
                                                              Consultation.id.desc())))


def get(session: Session, consultation_id: int) -> Consultation:
    """Return the consultation with this id, or raise NotFound."""
    consultation = session.get(Consultation, consultation_id)
    if consultation is None:
        raise NotFound("We could not find that consultation.")
    return consultation


def create_draft(session: Session, plan: Plan, actor: User, now: datetime) -> Consultation:
    """Create a draft; an officer's is approved at once, a youth council draft waits."""
    _check_plan(session, plan)
    begin_write(session)
    consultation = create_consultation(
        session, plan.family_slug, _free_slug(session, plan.title), plan.title.strip(),
        plan.variants, *_times(plan), results_on=plan.results_on, series=_series(plan))
    consultation.audience_titles = _audience_titles(plan)
    consultation.created_by_id = actor.id
    consultation.youth_led = actor.role == Role.YOUTH_COUNCIL
    if actor.role in APPROVERS:
        consultation.approved_by_id, consultation.approved_at = actor.id, now
    audit.record(session, "consultation_created", actor, consultation.slug, consultation.title)
    session.commit()
    return consultation


def update_draft(session: Session, consultation_id: int, plan: Plan, actor: User) -> Consultation:
    """Change a draft's settings; a change by the youth council needs approving again."""
    _check_plan(session, plan)
    begin_write(session)
    consultation = get(session, consultation_id)
    if consultation.status != S.DRAFT:
        raise InvalidChange("Only a draft can be changed. This consultation is "
                            f"{consultation.status}.")
    if plan.family_slug != consultation.family.slug:
        raise InvalidInput("The survey of a draft cannot be changed. Make a new consultation.",
                           "family")
    consultation.title, consultation.variants = plan.title.strip(), list(plan.variants)
    consultation.opens_at, consultation.closes_at = _times(plan)
    consultation.results_on, consultation.series = plan.results_on, _series(plan)
    consultation.audience_titles = _audience_titles(plan)
    if actor.role not in APPROVERS and consultation.approved_at is not None:
        consultation.approved_by_id = consultation.approved_at = None
        audit.record(session, "approval_cleared", actor, consultation.slug, "draft changed")
    _codes_expire_at(session, consultation, consultation.closes_at)
    audit.record(session, "consultation_changed", actor, consultation.slug)
    session.commit()
    return consultation


def approve(session: Session, consultation_id: int, actor: User, now: datetime) -> Consultation:
    """Record an officer's approval of a draft, so it may open."""
    if actor.role not in APPROVERS:
        raise InvalidChange("Only an officer or an administrator can approve a consultation.")
    begin_write(session)
    consultation = get(session, consultation_id)
    if consultation.status != S.DRAFT:
        raise InvalidChange("Only a draft needs approval.")
    if consultation.approved_at is not None:
        raise InvalidChange("This draft is already approved.")
    consultation.approved_by_id, consultation.approved_at = actor.id, now
    audit.record(session, "consultation_approved", actor, consultation.slug)
    session.commit()
    return consultation


def change_status(session: Session, consultation_id: int, action: str, actor: User,
                  now: datetime) -> Consultation:
    """Move a consultation one step along draft -> open -> closed -> published."""
    if action not in TRANSITIONS:
        raise InvalidInput("Choose open, close or publish.")
    if actor.role not in APPROVERS:
        raise InvalidChange("Only an officer or an administrator can change the status.")
    begin_write(session)
    consultation = get(session, consultation_id)
    before, after, done = TRANSITIONS[action]
    if consultation.status != before:
        raise InvalidChange(f"Only a {before} consultation can be {done}. "
                            f"This one is {consultation.status}.")
    if action == "open":
        _prepare_to_open(session, consultation, now)
        # Opened with no opening date: it opens now, and its page says since when.
        consultation.opens_at = consultation.opens_at or now
    elif action == "close":
        consultation.closes_at = min(consultation.closes_at or now, now)
        _codes_expire_at(session, consultation, consultation.closes_at)
    consultation.status = after
    audit.record(session, f"consultation_{done}", actor, consultation.slug, f"{before} -> {after}")
    session.commit()
    return consultation


def _prepare_to_open(session: Session, consultation: Consultation, now: datetime) -> None:
    if consultation.approved_at is None:
        raise InvalidChange("This draft cannot open until an officer approves it.")
    if consultation.closes_at is not None and consultation.closes_at <= now:
        raise InvalidChange("The closing date has passed. Change it before opening.")
    # Fix the version now: later edits to the survey make new versions this one never sees.
    version = latest_version(session, consultation.family_id)
    missing = set(consultation.variants) - set(version.definition["variants"])
    if missing:
        raise InvalidChange(f"The survey no longer has {', '.join(sorted(missing))}. "
                            "Change the audiences before opening.")
    if consultation.version_id != version.id:
        # The kept summary counts were keyed by the old version's items.
        summary_tallies.reset(session, consultation.id)
    consultation.version_id = version.id


def _codes_expire_at(session: Session, consultation: Consultation, when: datetime | None) -> None:
    session.execute(update(AccessCode).where(AccessCode.consultation_id == consultation.id)
                    .values(expires_at=when))


def _check_plan(session: Session, plan: Plan) -> None:
    if not plan.title.strip():
        raise InvalidInput("Enter a title.", "title")
    offered = {slug: variants for slug, _title, variants in families(session)}
    if plan.family_slug not in offered:
        raise InvalidInput("Choose a survey.", "family")
    if not plan.variants or set(plan.variants) - set(offered[plan.family_slug]):
        raise InvalidInput("Choose who the survey is for, from the audiences this survey has.",
                           "variants")
    if plan.opens_on and plan.closes_on and plan.closes_on < plan.opens_on:
        raise InvalidInput("The closing date must be on or after the opening date.", "closes_on")
    if plan.closes_on and plan.results_on and plan.results_on < plan.closes_on:
        raise InvalidInput("The results date must be on or after the closing date.", "results_on")


def _times(plan: Plan) -> tuple[datetime | None, datetime | None]:
    """Open from the start of the opening day to the end of the closing day (UTC)."""
    opens = datetime.combine(plan.opens_on, datetime.min.time()) if plan.opens_on else None
    closes = (datetime.combine(plan.closes_on, datetime.min.time()) + timedelta(days=1)
              if plan.closes_on else None)
    return opens, closes


def closing_day(consultation: Consultation) -> date | None:
    """Return the last day a consultation takes answers, as people say it."""
    if consultation.closes_at is None:
        return None
    return (consultation.closes_at - timedelta(microseconds=1)).date()


def _audience_titles(plan: Plan) -> dict[str, str] | None:
    """Keep the titles of the audiences the consultation is for; none given: everyone sees its title."""
    chosen = {AUDIENCES[v] for v in plan.variants if v in AUDIENCES}
    kept = {a: t.strip() for a, t in plan.audience_titles.items() if a in chosen and (t or "").strip()}
    return kept or None


def _series(plan: Plan) -> str | None:
    return (plan.series or "").strip() or None


def _free_slug(session: Session, title: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "consultation"
    slug, n = base, 1
    while session.scalar(select(Consultation.id).where(Consultation.slug == slug)) is not None:
        n += 1
        slug = f"{base}-{n}"
    return slug


def series_names(session: Session) -> list[str]:
    """Return the series names in use, for the form's suggestions."""
    names = session.scalars(select(Consultation.series).where(Consultation.series.is_not(None))
                            .distinct().order_by(Consultation.series))
    return list(names)


def in_series(session: Session, consultation: Consultation) -> list[Consultation]:
    """Return the other waves of this consultation's series, oldest first."""
    if not consultation.series:
        return []
    return list(session.scalars(
        select(Consultation).where(Consultation.series == consultation.series,
                                   Consultation.id != consultation.id)
        .order_by(Consultation.created_at)))
