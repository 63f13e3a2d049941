"""You said, we did: draft statements from the summary, add actions and outcomes, publish.

Statements carry each age band's own wording; nothing is published until every piece of
young people's wording passes the reading-age check used for surveys.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, distinct, func, select
from sqlalchemy.orm import Session

from engage.analysis.redact import redact
from engage.db import begin_write
from engage.definitions.readability import GRADE_LIMITS, YOUNG_VARIANTS, check_wording, fk_grade
from engage.definitions.survey import survey_of
from engage.framework import Framework
from engage.models import (
    ActionStatus,
    Answer,
    AnswerTag,
    Consultation,
    PlanAction,
    PlanPublication,
    Response,
    ResponseStatus,
    User,
    YouSaid,
)
from engage.models._time import utcnow
from engage.results.standout import in_ten
from engage.services import reads
from engage.services.errors import NotFound

AUDIENCE_WORDS = {"young": "Young people", "parent": "Parents and carers",
                  "professional": "Professionals"}
# The age bands as the plan page labels their boxes, so a problem names the box to fix.
BAND_WORDS = {"primary": "ages 8 to 10", "secondary": "ages 11 to 16", "post16": "ages 16 to 25"}


class PlanNotReady(Exception):
    """The page cannot be published yet; `problems` says why, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def statements(session: Session, consultation_id: int) -> list[YouSaid]:
    """Return the consultation's statements in order, with their actions."""
    return list(session.scalars(select(YouSaid).where(YouSaid.consultation_id == consultation_id)
                                .order_by(YouSaid.position, YouSaid.id)))


def draft(session: Session, consultation: Consultation, summary: dict, fw: Framework) -> list[YouSaid]:
    """Draft one statement per value with something said; keep any already written."""
    begin_write(session)
    existing = {s.value_id for s in statements(session, consultation.id)}
    made = []
    for position, value in enumerate(summary["values"]):
        if value["id"] in existing or not _has_voice(value):
            continue
        made.append(_draft_one(consultation, value, summary, fw, position))
    session.add_all(made)
    session.commit()
    return made


def add_statement(session: Session, consultation: Consultation, value_id: int, text: str,
                  fw: Framework) -> YouSaid:
    """Add a draft statement about one value, in the officer's words, after those already there."""
    if value_id not in {v.id for v in fw.values}:
        raise NotFound("There is no such value.")
    begin_write(session)
    position = len(statements(session, consultation.id))
    made = YouSaid(consultation_id=consultation.id, value_id=value_id, text=text.strip(), child_text={},
                   position=position)
    session.add(made)
    session.commit()
    return made


def _has_voice(value: dict) -> bool:
    return isinstance(value["comments"], int) and value["comments"] > 0 or bool(value["quotes"])


def _draft_one(consultation: Consultation, value: dict, summary: dict, fw: Framework,
               position: int) -> YouSaid:
    concern = _top_concern(value["id"], summary)
    phrases = ", ".join(f"\u201c{p['phrase']}\u201d" for p in value["phrases"][:3])
    lines = [f"{value['comments']} comments were about {value['short'].lower()}."]
    if phrases:
        lines.append(f"People often mentioned {phrases}.")
    if concern:
        lines.append(f"{AUDIENCE_WORDS.get(concern[1], concern[1])} agreed least with "
                     f"\u201c{concern[0]}\u201d (net agreement {concern[2]:g}).")
    lines += _stand_out(value["id"], summary)
    child = {band: _child_said(consultation, value["id"], band, summary, fw)
             for band in YOUNG_VARIANTS if band in consultation.variants}
    return YouSaid(consultation_id=consultation.id, value_id=value["id"], text=" ".join(lines),
                   child_text=child, count=value["comments"] if isinstance(value["comments"], int)
                   else None, quoted_answer_ids=[q["answer_id"] for q in value["quotes"]],
                   position=position)


def _stand_out(value_id: int, summary: dict) -> list[str]:
    """Return the overview's first findings for a value (groups that differ, change), if any."""
    found = next((v for v in summary.get("overview", []) if v["id"] == value_id), None)
    return found["stand_out"][:2] if found else []


def _child_said(consultation: Consultation, value_id: int, band: str, summary: dict, fw: Framework) -> str:
    """Say what this age band told us, with a figure: "6 in 10 of you agreed: ..."."""
    for key, percent in _young_shares(value_id, summary):
        item = next((i for i in survey_of(consultation.version).items() if i.id == key), None)
        if item is not None and band in item.text:
            said = in_ten(percent)
            return f"{said[0].upper()}{said[1:]} of you agreed: \u201c{item.text[band]}\u201d"
    return f"You told us about {fw.value(value_id).child_title.get(band, '').lower()}."


def _young_shares(value_id: int, summary: dict) -> list[tuple[str, int]]:
    """Return young people's shown shares for a value's headline questions, lowest first."""
    value = next((v for v in summary.get("overview", []) if v["id"] == value_id), None)
    shares = [(r["key"], r["cells"]["young"]["share"]["percent"]) for r in (value or {}).get("headlines", [])
              if (r["cells"].get("young") or {}).get("share")]
    return sorted(shares, key=lambda s: s[1])


def _top_concern(value_id: int, summary: dict) -> tuple[str, str, float] | None:
    """Return the (wording, audience, net) with the lowest net agreement in this value."""
    found = [(item["wording"].get(a, item["key"]), a, net) for item in summary["items"]
             if item["value"] == value_id for a, net in item["net_agreement"].items()
             if net is not None]
    return min(found, key=lambda r: r[2]) if found else None


def _statement(session: Session, consultation_id: int, statement_id: int) -> YouSaid:
    found = session.get(YouSaid, statement_id)
    if found is None or found.consultation_id != consultation_id:
        raise NotFound("We could not find that statement.")
    return found


def edit_statement(session: Session, consultation_id: int, statement_id: int, text: str,
                   child_text: dict[str, str]) -> YouSaid:
    """Change a statement's officer wording and its age-band wordings."""
    begin_write(session)
    statement = _statement(session, consultation_id, statement_id)
    statement.text = text.strip()
    statement.child_text = {k: v.strip() for k, v in child_text.items() if v and v.strip()}
    session.commit()
    return statement


@dataclass(frozen=True)
class ActionInput:
    """What an officer enters for an action."""

    text: str
    child_text: dict[str, str]
    owner: str
    due_on: date | None
    status: str = ActionStatus.PLANNED
    outcome: str | None = None
    outcome_child_text: dict[str, str] | None = None


def add_action(session: Session, consultation_id: int, statement_id: int,
               given: ActionInput) -> PlanAction:
    """Add a "We did / We will" action to a statement."""
    begin_write(session)
    statement = _statement(session, consultation_id, statement_id)
    action = PlanAction()
    _apply(action, given)
    statement.actions.append(action)
    session.commit()
    return action


def edit_action(session: Session, consultation_id: int, action_id: int, given: ActionInput) -> PlanAction:
    """Change an action: its wording, owner, date, status and "As a result" outcome."""
    begin_write(session)
    action = session.get(PlanAction, action_id)
    if action is None or action.you_said.consultation_id != consultation_id:
        raise NotFound("We could not find that action.")
    _apply(action, given)
    session.commit()
    return action


def _apply(action: PlanAction, given: ActionInput) -> None:
    action.text, action.owner, action.due_on = given.text.strip(), given.owner.strip(), given.due_on
    action.status = ActionStatus(given.status)
    action.child_text = {k: v.strip() for k, v in given.child_text.items() if v and v.strip()}
    action.outcome = (given.outcome or "").strip() or None
    action.outcome_child_text = {k: v.strip() for k, v in (given.outcome_child_text or {}).items()
                                 if v and v.strip()}


def wording_problems(consultation: Consultation, found: list[YouSaid], fw: Framework | None = None) -> list[str]:
    """Check every age band's wording for reading age; say what is missing or too hard, naming
    the statement by its value (with the framework) and the action by its words, as the page does."""
    bands = [b for b in YOUNG_VARIANTS if b in consultation.variants]
    problems = []
    for statement in found:
        value = f"“{fw.value(statement.value_id).short}”" if fw else f"value {statement.value_id}"
        problems += _check(f"You said about {value}", statement.child_text, bands)
        for action in statement.actions:
            problems += _check(f"Action “{action.text}”", action.child_text, bands)
            if action.outcome:
                problems += _check(f"The result of action “{action.text}”", action.outcome_child_text, bands)
    return problems


def _check(where: str, wording: dict[str, str], bands: list[str]) -> list[str]:
    problems = []
    for band in bands:
        text = wording.get(band)
        if not text:
            problems.append(f"{where}: write the wording for {BAND_WORDS[band]}")
        elif check_wording(text, band) is not None:
            problems.append(f"{where}, {BAND_WORDS[band]}: too hard to read (reading grade "
                            f"{fk_grade(text):.1f}; at most {GRADE_LIMITS[band]:g} for {BAND_WORDS[band]})")
    return problems


def publish(session: Session, consultation: Consultation, actor: User | None,
            fw: Framework | None = None) -> PlanPublication:
    """Publish the page once it has statements and every wording passes the check."""
    found = statements(session, consultation.id)
    problems = (["Add at least one statement first"] if not found else []) + \
        wording_problems(consultation, found, fw)
    if problems:
        raise PlanNotReady(problems)
    begin_write(session)
    publication = published(session, consultation.id)
    if publication is None:
        publication = PlanPublication(consultation_id=consultation.id, published_at=utcnow(),
                                      published_by_id=actor.id if actor else None)
        session.add(publication)
    session.commit()
    return publication


def published(session: Session, consultation_id: int) -> PlanPublication | None:
    """Return the publication of a consultation's page, if it is published."""
    return session.scalar(select(PlanPublication)
                          .where(PlanPublication.consultation_id == consultation_id))


def public_page(session: Session, slug: str, band: str, fw: Framework) -> dict:
    """Return the published page in one age band's words, or raise NotFound."""
    consultation = session.scalar(select(Consultation).where(Consultation.slug == slug))
    if consultation is None or published(session, consultation.id) is None:
        raise NotFound("There is no 'You said, we did' page for that survey yet.")
    bands = [b for b in YOUNG_VARIANTS if b in consultation.variants]
    band = band if band in bands else (bands[0] if bands else "")
    items = [{"value": fw.value(s.value_id).child_title.get(band, fw.value(s.value_id).short),
              # Officers may paste a child's words into a statement: the public page is redacted too.
              "you_said": redact(s.child_text.get(band, s.text)),
              "we_did": [{"text": a.child_text.get(band, a.text), "done": a.status == ActionStatus.DONE,
                          "will": _needs_we_will(a.child_text.get(band, a.text), a.status),
                          "outcome": a.outcome_child_text.get(band, a.outcome) if a.outcome else None}
                         for a in s.actions]}
             for s in statements(session, consultation.id)]
    return {"title": consultation.title, "slug": slug, "band": band, "bands": bands, "items": items}


def _needs_we_will(text: str, status: str) -> bool:
    """Say whether a planned action needs "We will:" before it (not when it already says so)."""
    return status != ActionStatus.DONE and not text.strip().lower().startswith(("we will", "we'll", "we\u2019ll"))


def feedback_use(session: Session, consultation_id: int) -> dict[str, int]:
    """Count responses that were read (opened in the comments review, or tagged by an officer),
    tagged, quoted, or acted on."""
    submitted = (select(Response.id).where(Response.consultation_id == consultation_id,
                                           Response.status == ResponseStatus.SUBMITTED))
    tagged = (select(func.count(distinct(Answer.response_id)))
              .join(AnswerTag, AnswerTag.answer_id == Answer.id)
              .where(Answer.response_id.in_(submitted)))
    found = statements(session, consultation_id)
    quoted = {a for s in found for a in s.quoted_answer_ids}
    acted = {a for s in found if s.actions for a in s.quoted_answer_ids}
    return {
        "responses": session.scalar(select(func.count()).select_from(submitted.subquery())) or 0,
        "with_comments": session.scalar(select(func.count(distinct(Answer.response_id))).where(
            Answer.response_id.in_(submitted), Answer.text.is_not(None))) or 0,
        "read": reads.responses_read(session, consultation_id, submitted),
        "tagged": session.scalar(tagged) or 0,
        "quoted": _responses_of(session, quoted),
        "acted_on": _responses_of(session, acted),
    }


def _responses_of(session: Session, answer_ids: set[int]) -> int:
    if not answer_ids:
        return 0
    return session.scalar(select(func.count(distinct(Answer.response_id)))
                          .where(Answer.id.in_(answer_ids))) or 0


# Built once (read on every start page): a Core statement keeps its cache key between requests.
_LATEST = (select(Consultation.slug)
           .join(PlanPublication, PlanPublication.consultation_id == Consultation.id)
           .order_by(PlanPublication.published_at.desc()).limit(1))
_LATEST_IN_SERIES = _LATEST.where(Consultation.series == bindparam("series"))


def latest_published_slug(session: Session, series: str | None = None) -> str | None:
    """Return the slug of the newest published "You said, we did" page, this series first."""
    if series:
        slug = session.connection().execute(_LATEST_IN_SERIES, {"series": series}).scalar()
        if slug:
            return slug
    return session.connection().execute(_LATEST).scalar()
