"""The summary's counting, done by the database: GROUP BY over answers joined with responses.

Each query returns a small aggregated DataFrame (hundreds or thousands of rows, whatever the
number of responses); engage.results.aggregates turns them into protected figures. The same
filters apply to every query, on SQLite and PostgreSQL alike. Free text is never read in
bulk: comments are counted in SQL, and only a fixed sample of them is read for phrases and
quotes. The text of an answer with a safeguarding flag is never selected.
"""
from __future__ import annotations

from copy import copy
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

import pandas as pd
from sqlalchemy import Select, Text, and_, case, cast, exists, func, literal, null, select
from sqlalchemy.orm import Session, aliased

from engage.definitions.variants import AUDIENCES
from engage.models import Answer, AnswerTag, Response, ResponseStatus, School, TagSource
from engage.models.safeguarding import withholds_text
from engage.results.filters import Filters

PEOPLE_COLUMNS = ["variant", "channel", "language", "school_id", "school", "area_id", "groups", "n"]
CELL_COLUMNS = ["variant", "item_key", "value", "choices", "n"]
VALUE_COLUMNS = ["variant", "channel", "language", "school", "area_id", "groups", "value_id",
                 "responses", "answers", "scale_people", "scale_answers", "score", "positive"]
COMMENT_COLUMNS = ["value_id", "subtheme_id", "comments", "rated", "polarity"]
SAMPLE_COLUMNS = ["answer_id", "response_id", "variant", "school_id", "text"]
SCORES = {"5": 1, "4": 1, "3": 0, "2": -1, "1": -1}
AGREE = ("5", "4")  # a positive answer, for the shares that compare groups


@dataclass(frozen=True)
class Keys:
    """Which item keys play which part, from the survey definition (the database has no types)."""

    closed: tuple[str, ...]  # closed questions that are not "about you"
    scale: tuple[str, ...]
    text: tuple[str, ...]
    priority: tuple[str, ...] = field(default=())


class Scope:
    """The submitted responses of one consultation that match the filters, as SQL."""

    def __init__(self, consultation_id: int, keys: Keys, filters: Filters | None = None):
        self.consultation_id, self.keys, self.filters = consultation_id, keys, filters or Filters()
        self.groups_answer = aliased(Answer, name="groups_answer")
        # True: let the query run through answers (in id order) rather than the consultation's index.
        self.by_answer = False

    def area(self):
        """A response's area: its own, else its school's."""
        return func.coalesce(Response.area_id, School.area_id)

    def groups(self):
        """The response's priority groups answer as JSON text (NULL when not given)."""
        if not self.keys.priority:
            # Typed, so PostgreSQL accepts it in GROUP BY (a bare NULL is a "constant" there).
            return cast(null(), Text)
        return cast(self.groups_answer.choices, Text)

    def joins(self, query: Select, dims: bool = False, groups: bool = True) -> Select:
        """Add the school and priority-group joins, when grouping by them (dims) or filtering.
        groups=False: the query reads the priority-groups answer itself, so it is joined only to filter."""
        if dims or self.filters.area_id:
            query = query.outerjoin(School, School.id == Response.school_id)
        if self.keys.priority and ((dims and groups) or self.filters.priority_group):
            g = self.groups_answer
            on = and_(g.response_id == Response.id, g.item_key.in_(self.keys.priority))
            # Filtering by a group leaves out responses without the answer anyway; as an inner join the
            # database may read the group's few responses first instead of every answer of every response.
            query = query.join(g, on) if self.filters.priority_group else query.outerjoin(g, on)
        return query

    def where(self, query: Select) -> Select:
        """Restrict to the consultation's submitted responses that match every filter."""
        f = self.filters
        consultation = Response.consultation_id + 0 if self.by_answer else Response.consultation_id
        query = query.where(consultation == self.consultation_id, Response.status == ResponseStatus.SUBMITTED)
        if f.audience:
            query = query.where(Response.variant.in_([v for v, a in AUDIENCES.items() if a == f.audience]))
        for column, wanted in ((Response.variant, f.variant), (Response.school_id, f.school_id),
                               (Response.channel, f.channel), (Response.language, f.language),
                               (self.area(), f.area_id)):
            if wanted not in (None, ""):
                query = query.where(column == wanted)
        if f.priority_group:
            wanted = '%"' + f.priority_group.replace("_", "\\_") + '"%'
            query = query.where(self.groups().like(wanted, escape="\\"))
        if f.date_from:
            query = query.where(Response.submitted_at >= _start_of(f.date_from))
        if f.date_to:
            query = query.where(Response.submitted_at < _start_of(f.date_to + timedelta(days=1)))
        return query


def submitted(session: Session, consultation_id: int) -> int:
    """Return how many responses of the consultation are submitted."""
    return session.scalar(select(func.count()).where(Response.consultation_id == consultation_id,
                                                     Response.status == ResponseStatus.SUBMITTED)) or 0


def _start_of(day) -> datetime:
    return datetime.combine(day, time())


def in_dates(moment: datetime, filters: Filters) -> bool:
    """Say whether a moment falls in the filters' date range, as Scope.where counts it."""
    return ((not filters.date_from or moment >= _start_of(filters.date_from))
            and (not filters.date_to or moment < _start_of(filters.date_to + timedelta(days=1))))


def dates_leave_nobody_out(session: Session, consultation_id: int, filters: Filters) -> bool:
    """Say whether every submitted response of the consultation falls in the filters' date range."""
    submitted, dated, first, last = session.execute(
        select(func.count(), func.count(Response.submitted_at), func.min(Response.submitted_at),
               func.max(Response.submitted_at))
        .where(Response.consultation_id == consultation_id, Response.status == ResponseStatus.SUBMITTED)).one()
    if submitted == 0:
        return True
    # A response without a date is left out by any date range.
    return dated == submitted and in_dates(first, filters) and in_dates(last, filters)


def _frame(session: Session, query: Select, columns: list[str]) -> pd.DataFrame:
    rows = session.connection().execute(query).all()
    return pd.DataFrame.from_records([tuple(r) for r in rows], columns=columns)


def people(session: Session, scope: Scope) -> pd.DataFrame:
    """Count respondents (with at least one answer) by every grouping at once."""
    dims = (Response.variant, Response.channel, Response.language, Response.school_id, School.name,
            scope.area(), scope.groups())
    answered = exists().where(Answer.response_id == Response.id)
    query = scope.where(scope.joins(select(*dims, func.count(Response.id)).select_from(Response), True))
    return _frame(session, query.where(answered).group_by(*dims), PEOPLE_COLUMNS)


def cells_query(scope: Scope) -> Select:
    """Select answers counted by audience variant, item and answer (choices as JSON text)."""
    dims = (Response.variant, Answer.item_key, Answer.value, cast(Answer.choices, Text))
    query = select(*dims, func.count(Answer.id)).select_from(Answer).join(
        Response, Response.id == Answer.response_id)
    return scope.where(scope.joins(query)).group_by(*dims)


def cells(session: Session, scope: Scope) -> pd.DataFrame:
    """Count answers by audience variant, item and answer (choices as JSON text)."""
    return _frame(session, cells_query(scope), CELL_COLUMNS)


def by_value(session: Session, scope: Scope) -> pd.DataFrame:
    """Per value and grouping: respondents, closed answers, and scale answers with their score and agreement."""
    keys = scope.keys
    scored = and_(Answer.item_key.in_(keys.scale), Answer.value.in_(list(SCORES)))
    score = case(*((Answer.value == k, v) for k, v in SCORES.items()), else_=0)
    # The filters apply inside too: per-response figures for the whole consultation, filtered only
    # afterwards, read every answer however few responses the filters leave.
    per = scope.where(scope.joins(
        select(Answer.response_id.label("rid"), Answer.value_id.label("vid"),
               func.count(Answer.id).label("closed"),
               func.sum(case((scored, 1), else_=0)).label("scale_n"),
               func.sum(case((scored, score), else_=0)).label("score"),
               func.sum(case((and_(scored, Answer.value.in_(AGREE)), 1), else_=0)).label("positive"))
        .select_from(Answer).join(Response, Response.id == Answer.response_id)
        .where(Answer.item_key.in_(keys.closed)))).group_by(Answer.response_id, Answer.value_id).subquery()
    dims = (Response.variant, Response.channel, Response.language, School.name, scope.area(),
            scope.groups(), per.c.vid)
    query = select(*dims, func.count(), func.sum(per.c.closed),
                   func.sum(case((per.c.scale_n > 0, 1), else_=0)), func.sum(per.c.scale_n),
                   func.sum(per.c.score), func.sum(per.c.positive)).select_from(per).join(
        Response, Response.id == per.c.rid)
    found = _frame(session, scope.where(scope.joins(query, True)).group_by(*dims), VALUE_COLUMNS)
    counted = VALUE_COLUMNS[-6:]
    # PostgreSQL sums integers as NUMERIC (Decimal); the figures must be plain integers everywhere.
    found[counted] = found[counted].astype("int64")
    return found


def by_subtheme(session: Session, scope: Scope) -> pd.DataFrame:
    """Per sub-theme: respondents and closed answers."""
    query = (select(Answer.subtheme_id, func.count(func.distinct(Answer.response_id)), func.count(Answer.id))
             .join(Response, Response.id == Answer.response_id)
             .where(Answer.item_key.in_(scope.keys.closed), Answer.subtheme_id.is_not(None)))
    query = scope.where(scope.joins(query)).group_by(Answer.subtheme_id)
    return _frame(session, query, ["subtheme_id", "responses", "answers"])


def _flagged():
    return withholds_text(Answer)


def _primary_tag(column):
    """The answer's primary tag (an officer's wins, then the model's best rank)."""
    return (select(column).where(AnswerTag.answer_id == Answer.id)
            .order_by(case((AnswerTag.source == TagSource.OFFICER, 0), else_=1), AnswerTag.rank)
            .limit(1).scalar_subquery())


def themes():
    """A comment's value and sub-theme: its primary tag's, else its question's."""
    return (func.coalesce(_primary_tag(AnswerTag.value_id), Answer.value_id),
            func.coalesce(_primary_tag(AnswerTag.subtheme_id), Answer.subtheme_id))


def comments_query(scope: Scope, *columns, dims: bool = False) -> Select:
    """Select columns of the scope's comments: unflagged free-text answers (dims: join school and groups)."""
    query = select(*columns).select_from(Answer).join(Response, Response.id == Answer.response_id)
    return scope.where(scope.joins(query, dims)).where(
        Answer.item_key.in_(scope.keys.text), Answer.text.is_not(None), ~_flagged())


def comments(session: Session, scope: Scope) -> pd.DataFrame:
    """Count comments (unflagged free text) by value and sub-theme, with their summed polarity."""
    theme = [t.label(n) for t, n in zip(themes(), ("v", "s"), strict=True)]
    inner = comments_query(scope, *theme, Answer.polarity.label("p")).subquery()
    query = select(inner.c.v, inner.c.s, func.count(), func.count(inner.c.p), func.sum(inner.c.p)) \
        .group_by(inner.c.v, inner.c.s)
    return _frame(session, query, COMMENT_COLUMNS)


def sample(session: Session, scope: Scope, value_id: int, of: int, size: int) -> pd.DataFrame:
    """Read at most `size` comments about one value: all of them, or every k-th answer by id."""
    # Read comments in id order from their partial index (ix_answers_comments) and stop at `size`,
    # rather than visit every response of the consultation: "+ 0" keeps SQLite off its index.
    scope = copy(scope)
    scope.by_answer = True
    query = comments_query(scope, Answer.id, Answer.response_id, Response.variant, Response.school_id,
                      Answer.text).where(themes()[0] == value_id)
    step = _step(of, size)
    if step > 1:
        query = query.where(Answer.id % step == literal(0))
    return _frame(session, query.order_by(Answer.id).limit(size), SAMPLE_COLUMNS)


def _step(of: int, size: int) -> int:
    return max(1, -(-of // size))
