"""Count a batch of responses for the tallies in one pass over its answers, one row per response.

GROUP BY over every answer makes SQLite sort every answer, once per query; reading each
response's answers from the (response, item) index instead needs no sort. The database packs each
response's answers into one string, one piece per answer (item, value, choices, value, sub-theme);
Python counts the pieces per respondent profile and day sent with collections.Counter (whose counting
loop runs in C), then adds the few distinct pieces of each profile into its variant's, its slices'
(channel, language, school, area, priority groups) and its day's groups, and decodes each distinct
piece once.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from sqlalchemy import Select, Text, and_, cast, func, null, select, true
from sqlalchemy.orm import Session, aliased

from engage.models import Answer, Response
from engage.results import comment_totals, fold_cells, fold_comments, fold_values, rollup
from engage.results import fold as fold_q
from engage.results import queries as q

# Separators no piece contains: values are JSON-quoted and choices are JSON text (JSON escapes
# every control character); item keys and sub-theme ids are identifiers from the definitions.
ANSWER, FIELD = "\x1e", "\x1f"


def _quoted(column, dialect: str):
    """A text column as JSON (null for NULL), so it never holds a separator."""
    if dialect == "postgresql":
        return func.coalesce(cast(func.to_json(column), Text), "null")
    return func.json_quote(column)


def packed(batch: q.Scope, dialect: str, by_day: bool = True) -> Select:
    """Select each response's profile, the day it was sent (NULL when not by_day), its answers packed
    as text (NULL: no answers) and its comments packed (fold_comments)."""
    if dialect == "postgresql":
        return _packed_in_one_scan(batch, by_day)
    a = aliased(Answer, name="packed_answer")
    answers = (select(func.aggregate_strings(_piece(a, dialect), ANSWER)).where(a.response_id == Response.id)
               .scalar_subquery())
    comments = fold_comments.packed(batch, dialect, ANSWER, FIELD)
    query = select(*fold_q.profile(batch, dialect, by_day), answers, comments).select_from(Response)
    return batch.where(batch.joins(query, True))


def _packed_in_one_scan(batch: q.Scope, by_day: bool) -> Select:
    """packed() on PostgreSQL: the answers, the comments and the priority groups in one scan of each
    response's answers (a lateral subquery), where a subquery for each and a join for the groups read
    them three times: a quarter of the server's CPU of the packed read at a million."""
    a = aliased(Answer, name="packed_answer")
    comment = fold_comments.piece(a, "postgresql", FIELD)
    # An aggregate's FILTER is tested before its argument is worked out: the tag is looked up for comments only.
    scan = (select(func.aggregate_strings(_piece(a, "postgresql"), ANSWER).label("answers"),
                   func.aggregate_strings(comment, ANSWER).filter(fold_comments.kept(a, batch.keys)).label("comments"),
                   _groups(a, batch.keys).label("groups"))
            .where(a.response_id == Response.id).lateral("packed"))
    profile = fold_q.profile(batch, "postgresql", by_day, groups=scan.c.groups)
    query = select(*profile, scan.c.answers, scan.c.comments).select_from(Response).join(scan, true())
    return batch.where(batch.joins(query, True, groups=False))


def _groups(a, keys: q.Keys):
    """The response's priority groups answer as JSON text (NULL when not given), from its answers."""
    if not keys.priority:
        return cast(null(), Text)
    # A response answers one priority groups question (its variant's): the one value.
    return func.min(cast(a.choices, Text)).filter(and_(a.choices.is_not(None), a.item_key.in_(keys.priority)))


def _piece(a, dialect: str):
    """One answer packed: item, value (JSON), choices (JSON text or empty), value id, sub-theme (or empty)."""
    if dialect == "sqlite":
        # One printf (NULL prints as empty) builds the same text in a fifth less of the query's time than
        # eight concatenations, each making a new string: the packed read is a fifth of the counting.
        return func.printf(FIELD.join(["%s", "%s", "%s", "%d", "%s"]), a.item_key, _quoted(a.value, dialect),
                           a.choices, a.value_id, a.subtheme_id)
    return (a.item_key + FIELD + _quoted(a.value, dialect) + FIELD + func.coalesce(cast(a.choices, Text), "")
            + FIELD + cast(a.value_id, Text) + FIELD + func.coalesce(a.subtheme_id, ""))


@dataclass(frozen=True)
class Piece:
    """One packed answer, decoded: its cell, and its value and sub-theme if it is a closed question."""

    cell: tuple  # item key, value, choices (JSON text or None)
    cell_tail: str  # the cell as the end of a JSON list, to follow a group's dims
    value_id: int | None
    subtheme: str | None
    score: int | None  # a scale answer's score, None when not a scored scale answer
    marks: tuple[str, ...]  # what a respondent is counted once for: "v" value, "s" sub-theme, "c" scored value


class Pieces(dict):
    """Packed answers decoded, each distinct one once."""

    def __init__(self, keys: q.Keys):
        super().__init__()
        self.closed, self.scale = set(keys.closed), set(keys.scale)

    def __missing__(self, packed_answer: str) -> Piece:
        item_key, value, choices, value_id, subtheme = packed_answer.split(FIELD)
        cell = (item_key, json.loads(value), choices or None)
        tail = json.dumps(list(cell))[1:]
        if item_key not in self.closed:
            found = Piece(cell, tail, None, None, None, ())
        else:
            score = q.SCORES[cell[1]] if item_key in self.scale and cell[1] in q.SCORES else None
            marks = (("v" + value_id,) + (("s" + subtheme,) if subtheme else ())
                     + (("c" + value_id,) if score is not None else ()))
            found = Piece(cell, tail, int(value_id), subtheme or None, score, marks)
        self[packed_answer] = found
        return found


class Marks(dict):
    """Each packed answer's marks, looked up by dict (the pieces' own lookup is a Python call)."""

    def __init__(self, pieces: Pieces):
        super().__init__()
        self.pieces = pieces

    def __missing__(self, packed_answer: str) -> tuple[str, ...]:
        found = self[packed_answer] = self.pieces[packed_answer].marks
        return found


class Group:
    """The responses of one profile: how many, how often each packed answer occurs, and respondents per mark."""

    __slots__ = ("people", "answers", "marks", "comments")

    def __init__(self):
        self.people, self.answers, self.marks, self.comments = 0, Counter(), Counter(), Counter()


def count(session: Session, batch: q.Scope, to_keep: bool = True) -> dict[str, dict[str, list]]:
    """Count a batch's people, answer cells, values, sub-themes and comments: {kind: {dims as JSON: figures}}.

    to_keep: count by day and slice too, as the kept tallies need. A summary counted straight from
    its filtered responses needs only the whole, and counting the rest would be most of its time."""
    pieces = Pieces(batch.keys)
    marks = Marks(pieces)
    profiles: dict[tuple, Group] = {}  # by profile and day sent
    for row in session.connection().execute(packed(batch, session.get_bind().dialect.name, to_keep)):
        if row[7] is None:  # no answers: not counted anywhere
            continue
        profile = tuple(row[:7])
        group = profiles.get(profile)
        if group is None:
            group = profiles[profile] = Group()
        answers = row[7].split(ANSWER)
        group.people += 1
        group.answers.update(answers)
        group.marks.update(set(chain.from_iterable(map(marks.__getitem__, answers))))
        if row[8] is not None:
            group.comments.update(row[8].split(ANSWER))
    people, values = fold_values.by_profile(profiles, pieces)
    comments = fold_comments.rows({key: group.comments for key, group in profiles.items()},
                                  fold_comments.Themes(FIELD))
    return {"people": people[0], "people_day": people[1], "values": values[0], "values_day": values[1],
            **_shared_kinds(_added_up(profiles, to_keep), pieces), **comment_totals.rollup(comments)}


def _added_up(profiles: dict[tuple, Group], to_keep: bool) -> rollup.Totals:
    """Add the profiles' answers up by variant, and (to_keep) by slice and by day."""
    if to_keep:
        return rollup.added_up(profiles, _profile_of, _slice_groups, _day_group)
    return rollup.added_up(profiles, _variant_of, _itself)


# The first part of a shared group's key that marks it as a day's group, a day and few-valued slice's
# group, or a pair of few-valued slices' group (slice names are words, variants words too).
DAY, DAY_SLICE, PAIR = 0, 1, 2
# The kinds' suffix for each mark; a group without one is the variant's (whole kinds) or a slice's ("_by").
SUFFIX = {DAY: "_day", DAY_SLICE: "_dby", PAIR: "_two"}


def _profile_of(key: tuple) -> tuple:
    """A profile and day's profile (its days added together before its slices)."""
    return key[:6]


def _slice_groups(profile: tuple) -> list[tuple]:
    """Return the groups a profile adds into: the variant's, each of its slices' and each of its pairs of
    few-valued slices'."""
    return ([(profile[0],)] + [(name, key, profile[0]) for name, at in fold_q.SLICES.items()
                               for key in fold_q.slice_keys(name, profile[at])]
            + [(PAIR, *pair, profile[0]) for pair in fold_q.pair_keys(profile)])


def _day_group(key: tuple) -> list[tuple]:
    """Return the groups a profile and day add into: the day's, and the day's for each of the profile's
    few-valued slices (none without a date)."""
    if key[6] is None:
        return []
    return [(DAY, key[6], key[0])] + [(DAY_SLICE, key[6], name, value, key[0]) for name, value in fold_q.few_keys(key)]


def _variant_of(key: tuple) -> tuple:
    return (key[0],)


def _itself(variant: tuple) -> list[tuple]:
    return [variant]


def _shared_kinds(totals: rollup.Totals, pieces: Pieces) -> dict[str, dict[str, list]]:
    """Answer cells and sub-themes by variant (cells, subthemes), by slice (cells_by, subs_by), by day
    (cells_day, subs_day), by day and few-valued slice (cells_dby, subs_dby) and by pair of few-valued
    slices (cells_two, subs_two)."""
    out: dict[str, dict[str, list]] = {kind + suffix: {} for kind in ("cells", "subs")
                                       for suffix in ("_by", *SUFFIX.values())}
    out["cells"], out["subthemes"] = {}, {}
    out.update(fold_cells.rows(totals, pieces, _kinds_of_group, _is_answer))
    return out


def _kinds_of_group(key: tuple) -> tuple[str, str, tuple]:
    """Return a shared group's cells kind, sub-themes kind and dims (its key less the marker)."""
    if len(key) == 1:
        return "cells", "subthemes", key
    suffix = SUFFIX.get(key[0], "_by")
    return "cells" + suffix, "subs" + suffix, key[1:] if key[0] in SUFFIX else key


def _is_answer(thing: str) -> bool:
    """Say whether a counted thing is a packed answer (a mark has no field separator)."""
    return FIELD in thing
