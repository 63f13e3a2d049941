"""A page's answers written under the response's lock, in plain statements.

Saving a page locks the response row (PostgreSQL) or the database (SQLite), reads which of the
page's items already have answers, then inserts, updates or deletes them and writes the
response's page and "about you" columns. Each is one Core statement: the ORM's unit of work
cost more CPU than the save itself, and held the write lock while it ran.
"""
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Select, bindparam, delete, select, update
from sqlalchemy.orm import Session

from engage.db import begin_write
from engage.definitions.survey import Item
from engage.models import Answer, Consultation, Response, ResponseStatus
from engage.models.consultation import takes_answers
from engage.services import free_text
from engage.services.answer_lists import answer_lists, answers_column
from engage.services.errors import ConsultationClosed, ResponseMissing

_responses, _consultations, _answers = Response.__table__, Consultation.__table__, Answer.__table__

# Lock the response row only: a respondent never waits for another's save. Its consultation
# (whether it still takes answers) is read in the same statement, under the lock.
_LOCK = (
    select(_responses.c.id, _responses.c.token, _responses.c.consultation_id, _responses.c.variant,
           _responses.c.language, _responses.c.rendition, _responses.c.assisted, _responses.c.status,
           _responses.c.school_id, _responses.c.school_fixed, _responses.c.page,
           _consultations.c.status.label("consultation_status"), _consultations.c.opens_at,
           _consultations.c.closes_at)
    .join(_consultations, _consultations.c.id == _responses.c.consultation_id)
    .where(_responses.c.token == bindparam("token"))
    .with_for_update(of=_responses)
)
# On SQLite the lock is the database's, taken before this statement (BEGIN IMMEDIATE), so the
# response's answers read with it are current: one statement instead of two.
_LOCK_WITH_ANSWERS = _LOCK.add_columns(
    answers_column(_responses.c.id, _answers.c.id, _answers.c.item_key, _answers.c.text).label("answers"))
# Narrowed to the page's items by of_items.
_EXISTING = select(_answers.c.id, _answers.c.item_key, _answers.c.text).where(
    _answers.c.response_id == bindparam("response_id"))
_INSERT = _answers.insert()
# The columns to set are the parameters' other keys (a Core UPDATE without values() takes them so).
_UPDATE_IN_PROGRESS = update(_responses).where(_responses.c.id == bindparam("locked_id"),
                                               _responses.c.status == ResponseStatus.IN_PROGRESS)
NEW_COLUMNS = ("response_id", "item_key", "value", "choices", "text", "value_id", "subtheme_id", "polarity",
               "subjectivity", "text_language", "needs_tagging")


def of_items(statement: Select, item_keys: list[str]) -> tuple[Select, dict[str, str]]:
    """Narrow a read of a response's answers to some items; return it and the items' parameters.

    One bound parameter per item, in a statement kept per number of items: an expanding IN
    list is rendered again on every execution, which cost more than the query itself.
    """
    return _narrowed(statement, len(item_keys)), {f"item_{n}": key for n, key in enumerate(item_keys)}


@lru_cache(maxsize=256)
def _narrowed(statement: Select, count: int) -> Select:
    return statement.where(_answers.c.item_key.in_([bindparam(f"item_{n}") for n in range(count)]))


@dataclass(frozen=True)
class AnswerValue:
    """What a respondent gave for one item; all None means no answer."""

    value: str | None = None
    choices: list[str] | None = None
    text: str | None = None

    @property
    def is_empty(self) -> bool:
        """Say whether nothing was given."""
        return not (self.value or self.choices or (self.text and self.text.strip()))


class SavedAnswer(NamedTuple):
    """A saved answer as a save compares it: its id, item and text."""

    id: int
    item_key: str
    text: str | None


@dataclass
class LockedResponse:
    """The response row as read under the write lock, and the columns this save changes."""

    id: int
    token: str
    consultation_id: int
    variant: str
    language: str
    rendition: str
    assisted: bool
    status: str
    school_id: int | None
    school_fixed: bool
    page: int
    changes: dict[str, Any] = field(default_factory=dict)
    # Every saved answer (id, item_key, text) by item, when read with the lock; else read by the save.
    answers: dict[str, Any] | None = None
    # The page's new answers, inserted by `write_changes` with the response's columns.
    new_answers: list[dict[str, Any]] = field(default_factory=list)

    def change(self, **values: Any) -> None:
        """Set columns of the response, to be written by `write_changes`."""
        self.changes.update(values)
        for name, value in values.items():
            if hasattr(self, name):
                setattr(self, name, value)


def lock_response(session: Session, token: str, now: datetime) -> LockedResponse:
    """Start a write transaction and lock the response; refuse it if its consultation has closed."""
    begin_write(session)
    connection = session.connection()
    with_answers = connection.dialect.name == "sqlite"
    row = connection.execute(_LOCK_WITH_ANSWERS if with_answers else _LOCK, {"token": token}).one_or_none()
    if row is None:
        session.rollback()
        raise ResponseMissing()
    if row.status == ResponseStatus.IN_PROGRESS and not takes_answers(
            row.consultation_status, row.opens_at, row.closes_at, now):
        session.rollback()
        raise ConsultationClosed()
    return locked_response(row, saved_answers(row.answers) if with_answers else None)


def saved_answers(text: str | None) -> dict[str, SavedAnswer]:
    """Return the answers read with the lock (answer_lists of id, item_key, text), by item."""
    return {answer.item_key: answer for answer in map(SavedAnswer._make, answer_lists(text))}


def locked_response(row, answers: dict[str, Any] | None = None) -> LockedResponse:
    """Return the locked row's columns that a save reads and writes."""
    return LockedResponse(
        id=row.id, token=row.token, consultation_id=row.consultation_id, variant=row.variant,
        language=row.language, rendition=row.rendition, assisted=bool(row.assisted), status=row.status,
        school_id=row.school_id, school_fixed=bool(row.school_fixed), page=row.page, answers=answers)


def store_answers(session: Session, response: LockedResponse, items: list[Item], answers: dict[str, AnswerValue],
                  screened: dict[str, free_text.Screened]) -> list[Answer]:
    """Update or delete the page's answers and hold its new ones for `write_changes`, text marked
    by its screen; return free text that changed.

    The answers returned are detached copies (never added to the session), for the screen's flags.
    """
    connection = session.connection()
    existing = response.answers
    if existing is None:
        statement, keys = of_items(_EXISTING, [i.id for i in items])
        existing = {row.item_key: row for row in connection.execute(statement, {"response_id": response.id, **keys})}
    changed_text: list[Answer] = []
    new: list[dict] = []
    gone: list[int] = []
    for item in items:
        given = answers.get(item.id, AnswerValue())
        current = existing.get(item.id)
        if given.is_empty:
            if current is not None:
                gone.append(current.id)
        elif current is None:
            row = _new_row(response, item, given)
            if given.text:
                answer = Answer(**row)
                free_text.mark(answer, screened[given.text])
                changed_text.append(answer)
                row = {column: getattr(answer, column) for column in NEW_COLUMNS}
            new.append(row)
        else:
            changed_text += _update_answer(session, current, item, given, screened)
        _apply_profile(response, item, given)
    if gone:
        connection.execute(delete(_answers).where(_answers.c.id.in_(gone)))
    response.new_answers = new
    return changed_text


def _update_answer(session: Session, current, item: Item, given: AnswerValue,
                   screened: dict[str, free_text.Screened]) -> list[Answer]:
    """Write a saved answer's new value; a changed text is marked afresh. Return it if its text changed."""
    answer = Answer(id=current.id, item_key=item.id, value=given.value, choices=given.choices, text=given.text)
    values = {"value": given.value, "choices": given.choices, "text": given.text}
    text_changed = bool(given.text) and given.text != current.text
    if text_changed:
        free_text.remark(session, answer, screened[given.text])
        values.update(polarity=answer.polarity, subjectivity=answer.subjectivity,
                      text_language=answer.text_language, needs_tagging=answer.needs_tagging)
    session.connection().execute(update(_answers).where(_answers.c.id == current.id).values(**values))
    return [answer] if text_changed else []


def _new_row(response: LockedResponse, item: Item, given: AnswerValue) -> dict[str, Any]:
    """The new answer's columns; an ORM object is made only for text, which the screen's marks and
    flags read (building one for every choice answered cost more than the rest of its insert)."""
    return {"response_id": response.id, "item_key": item.id, "value": given.value, "choices": given.choices,
            "text": given.text, "value_id": item.value, "subtheme_id": item.subtheme, "polarity": None,
            "subjectivity": None, "text_language": None, "needs_tagging": False}


def _apply_profile(response: LockedResponse, item: Item, given: AnswerValue) -> None:
    """Copy "about you" answers onto the response, where summaries group by them."""
    if item.profile == "school" and not response.school_fixed:
        response.change(school_id=_as_int(given.value))
    elif item.profile == "year_group" and not response.school_fixed:
        response.change(year_group=_as_int(given.value))
    elif item.profile == "area":
        response.change(area_id=given.value if given.value != "rather_not" else None)


def _as_int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def write_changes(session: Session, response: LockedResponse) -> int:
    """Insert the page's new answers and write the response's changed columns while it is in
    progress; return response rows written.

    The status guard makes a second submit, however it raced, change nothing. On PostgreSQL both
    go in one statement (the insert as a WITH clause of the update): one round trip fewer.
    """
    connection = session.connection()
    new, values = response.new_answers, response.changes
    response.new_answers = []
    if new and values and connection.dialect.name == "postgresql":
        parameters = {f"set_{name}": value for name, value in values.items()}
        for n, row in enumerate(new):
            parameters.update((f"new_{n}_{column}", row[column]) for column in NEW_COLUMNS)
        both = _insert_and_update(len(new), tuple(values))
        return connection.execute(both, {"locked_id": response.id, **parameters}).rowcount
    if new:
        connection.execute(_INSERT, new)
    if not values:
        return 0
    return connection.execute(_UPDATE_IN_PROGRESS, {"locked_id": response.id, **values}).rowcount


@lru_cache(maxsize=256)
def _insert_and_update(rows: int, columns: tuple[str, ...]):
    """Build once per shape, each new answer its own one-row INSERT.

    SQLAlchemy never caches the compiled form of a multi-row VALUES insert: compiled on every save,
    it cost about 3 ms of CPU, more than the round trip it saves. Built per save, the statement and
    its cache key cost 0.17 ms.
    """
    statement = (update(_responses)
                 .where(_responses.c.id == bindparam("locked_id"), _responses.c.status == ResponseStatus.IN_PROGRESS)
                 .values({name: bindparam(f"set_{name}", type_=_responses.c[name].type) for name in columns}))
    for n in range(rows):
        one = _answers.insert().values({column: bindparam(f"new_{n}_{column}", type_=_answers.c[column].type)
                                        for column in NEW_COLUMNS})
        statement = statement.add_cte(one.cte(f"new_answer_{n}"))
    return statement


def forget_loaded(session: Session, response_id: int) -> None:
    """Expire the session's ORM copy of the response, if a caller loaded one: it was written around."""
    loaded = session.identity_map.get(session.identity_key(Response, response_id))
    if loaded is not None:
        session.expire(loaded)
