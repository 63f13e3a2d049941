"""Ballots: school tally entry, and results that combine tallies with individual votes.

The counting rule lives in engage.results.ballots; this module reads and writes the database.
"""
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from engage.db import begin_write
from engage.definitions.survey import Item, survey_of
from engage.models import Answer, BallotTally, BallotTallySheet, Consultation, Response, ResponseStatus, School, User
from engage.results import ballots as count
from engage.services import audit
from engage.services.errors import InvalidInput, NotFound
from engage.words import by_name, natural_key

MAX_BALLOTS = 100_000


@dataclass(frozen=True)
class BallotQuestion:
    """A ballot item as officers read it: one wording, options in order, ranked or not."""

    key: str
    text: str
    options: list[tuple[str, str]]
    rank: int | None


def _question(item: Item) -> BallotQuestion:
    # The oldest audience's wording: officers read one, and it is the plainest to report.
    variant = item.variants[-1]
    return BallotQuestion(item.id, item.text[variant],
                          [(o.id, o.label[variant]) for o in item.options], item.rank)


def questions(consultation: Consultation) -> list[BallotQuestion]:
    """Return the consultation's ballot questions, in survey order."""
    return [_question(i) for i in survey_of(consultation.version).items() if i.type == "ballot"]


def question(consultation: Consultation, key: str) -> BallotQuestion:
    """Return one ballot question of the consultation, or raise NotFound."""
    found = [q for q in questions(consultation) if q.key == key]
    if not found:
        raise NotFound("That consultation has no such ballot question.")
    return found[0]


def individual_votes(session: Session, consultation_id: int, key: str) -> list[tuple[int | None, tuple]]:
    """Return (school id, picks) of every submitted individual vote, whatever its channel."""
    rows = session.execute(
        select(Response.school_id, Answer.value, Answer.choices)
        .join(Response, Response.id == Answer.response_id)
        .where(Response.consultation_id == consultation_id, Answer.item_key == key,
               Response.status == ResponseStatus.SUBMITTED))
    return [(school, tuple(choices) if choices else (value,)) for school, value, choices in rows
            if value or choices]


def sheets(session: Session, consultation_id: int, key: str) -> list[BallotTallySheet]:
    """Return the schools' tally sheets for one ballot question."""
    return list(session.scalars(
        select(BallotTallySheet).options(selectinload(BallotTallySheet.counts))
        .where(BallotTallySheet.consultation_id == consultation_id, BallotTallySheet.item_key == key)))


def save_tally(session: Session, consultation: Consultation, key: str, school: School,
               ballots_cast: int, votes: dict[str, int], user: User | None) -> BallotTallySheet:
    """Store (or replace) one school's count of its paper ballots, after checking it adds up."""
    ballot = question(consultation, key)
    _check_numbers(ballot, ballots_cast, votes)
    online = Counter(p[0] for s, p in individual_votes(session, consultation.id, key) if s == school.id)
    if online and {k: v for k, v in votes.items() if v} == dict(online):
        raise InvalidInput(f"These numbers match the {sum(online.values())} votes already made online or "
                           "typed in for this school, which are counted already. Enter only the paper "
                           "ballots the school counted itself.")
    begin_write(session)
    sheet = session.scalar(select(BallotTallySheet).where(
        BallotTallySheet.consultation_id == consultation.id, BallotTallySheet.item_key == key,
        BallotTallySheet.school_id == school.id))
    if sheet is None:
        sheet = BallotTallySheet(consultation_id=consultation.id, item_key=key, school_id=school.id)
        session.add(sheet)
    sheet.ballots_cast, sheet.entered_by_id = ballots_cast, user.id if user else None
    sheet.counts = [BallotTally(option_value=k, votes=v) for k, v in votes.items() if v]
    audit.record(session, "ballot_tally", user, target=f"{consultation.slug}/{key}",
                 detail=f"{school.name}: {ballots_cast} paper ballots")
    session.commit()
    return sheet


def _check_numbers(ballot: BallotQuestion, ballots_cast: int, votes: dict[str, int]) -> None:
    known = {k for k, _label in ballot.options}
    if set(votes) - known:
        raise InvalidInput("That ballot has no such option.")
    if not 0 < ballots_cast <= MAX_BALLOTS:
        raise InvalidInput(f"Enter the number of paper ballots, from 1 to {MAX_BALLOTS:,}.", "ballots_cast")
    if any(v < 0 for v in votes.values()):
        raise InvalidInput("Votes cannot be less than 0.")
    if sum(votes.values()) > ballots_cast:
        what = "1st choices" if ballot.rank else "votes"
        raise InvalidInput(f"The {what} add up to {sum(votes.values())}, more than the {ballots_cast} "
                           "ballots. Each ballot counts once: check the numbers.", "ballots_cast")


def saved_tallies(session: Session, consultation: Consultation, key: str,
                  scope: set[int] | None) -> list[dict]:
    """Return the tallies saved for one ballot question by the schools in scope, as the page shows them."""
    ballot = question(consultation, key)
    names = _school_names(session)
    return sorted(({"school": names[t.school_id], "school_id": t.school_id, "ballots_cast": t.ballots_cast,
                    "votes": [(o, label, {c.option_value: c.votes for c in t.counts}.get(o, 0))
                              for o, label in ballot.options]}
                   for t in sheets(session, consultation.id, key) if scope is None or t.school_id in scope),
                  key=lambda row: natural_key(row["school"]))


def _school_names(session: Session) -> dict[int, str]:
    return {school_id: name for school_id, name in session.execute(select(School.id, School.name))}


def results(session: Session, consultation: Consultation, key: str, threshold: int,
            scope: set[int] | None = None) -> dict:
    """Return the combined result by option and by school, as plain data for the page.

    With a scope (a school contact's schools), only those schools' ballots are counted, and
    the same small-number protection applies to them.
    """
    ballot = question(consultation, key)
    names = _school_names(session)
    votes = [count.Vote(names.get(s), p) for s, p in individual_votes(session, consultation.id, key)
             if scope is None or s in scope]
    tallies = [count.Tally(names[t.school_id], t.ballots_cast, {c.option_value: c.votes for c in t.counts})
               for t in sheets(session, consultation.id, key) if scope is None or t.school_id in scope]
    option_ids = [k for k, _label in ballot.options]
    labels = dict(ballot.options)
    combined = count.combine(votes, tallies, option_ids, ballot.rank, threshold)
    schools = count.by_school(votes, tallies, option_ids, threshold)
    return {"question": ballot, "labels": labels, "combined": combined, "schools": schools,
            "tallied_schools": by_name((t.school for t in tallies), name=str)}
