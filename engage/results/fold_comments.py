"""Count a batch's comments in the fold's one pass over each response's answers.

Comments were counted by their own GROUP BY over every comment of the batch, by profile, day, value
and sub-theme. On PostgreSQL at a million responses (two million comments) that query took about
37 s and most of the server's CPU of a first fold: the database sorted every comment by its profile's
text columns and looked its primary tag up twice. Here the database packs each response's
comments into one string beside its answers (read through the same (response, item) index, one
tag lookup per comment), and Python counts the pieces per profile and day with the answers' Counter;
the summed polarity is added up from the distinct pieces. The rows then go to fold.rollup as before.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from sqlalchemy import Text, and_, case, cast, func, select
from sqlalchemy.orm import aliased

from engage.models import Answer, AnswerTag, Response, TagSource
from engage.models.safeguarding import withholds_text
from engage.results import queries as q


def packed(batch: q.Scope, dialect: str, answer: str, field: str):
    """A response's unflagged comments packed as text, one piece each (NULL: none), for SQLite (on
    PostgreSQL fold_pass packs them in the same scan as the answers, with piece and kept)."""
    c = aliased(Answer, name="packed_comment")
    return (select(func.aggregate_strings(piece(c, dialect, field), answer))
            .where(c.response_id == Response.id, kept(c, batch.keys)).scalar_subquery())


def piece(c, dialect: str, field: str):
    """One comment packed: the primary tag's value and sub-theme (empty without a tag), the comment's
    question's value and sub-theme, its polarity (empty for none)."""
    # One lookup gives both of the primary tag's columns (value ids are numbers, sub-theme ids short codes).
    tag = (select(cast(AnswerTag.value_id, Text) + field + func.coalesce(AnswerTag.subtheme_id, ""))
           .where(AnswerTag.answer_id == c.id)
           .order_by(case((AnswerTag.source == TagSource.OFFICER, 0), else_=1), AnswerTag.rank)
           .limit(1).scalar_subquery())
    return (func.coalesce(tag, field) + field + func.coalesce(cast(c.value_id, Text), "") + field
            + func.coalesce(c.subtheme_id, "") + field + _exact(c.polarity, dialect))


def kept(c, keys: q.Keys):
    """The condition that an answer is a comment counted: free text, not withheld by a flag."""
    # The cheap test first: most answers are closed and have no text.
    return and_(c.text.is_not(None), c.item_key.in_(keys.text), ~withholds_text(c))


def _exact(polarity, dialect: str):
    """A polarity as text that reads back as the same float (empty for none)."""
    if dialect == "postgresql":
        # float8 is written in its shortest form that reads back exactly (extra_float_digits 1, the default).
        return func.coalesce(cast(polarity, Text), "")
    # SQLite's own cast to text keeps 15 digits; 17 always read back as the same double.
    return case((polarity.is_(None), ""), else_=func.printf("%.17g", polarity))


class Themes(dict):
    """Packed comments decoded, each distinct one once: (value id, sub-theme id, polarity or None)."""

    def __init__(self, field: str):
        super().__init__()
        self.field = field

    def __missing__(self, piece: str) -> tuple:
        tag_value, tag_subtheme, value, subtheme, polarity = piece.split(self.field)
        # As coalesce(primary tag's, question's) did in SQL, column by column.
        found = self[piece] = (int(tag_value or value) if (tag_value or value) else None,
                               tag_subtheme or subtheme or None, float(polarity) if polarity else None)
        return found


def rows(profiles: dict[tuple, Counter], themes: Themes) -> Iterator[tuple]:
    """Yield (*profile, day, value, sub-theme, comments, rated, summed polarity) rows, as the comments'
    GROUP BY gave them (the sum an int 0 when no comment has a polarity, as SQL's NULL sum read)."""
    for key, counted in profiles.items():
        found: dict[tuple, list] = {}
        for piece, n in counted.items():
            value, subtheme, polarity = themes[piece]
            figures = found.get((value, subtheme))
            if figures is None:
                figures = found[(value, subtheme)] = [0, 0, 0]
            figures[0] += n
            if polarity is not None:
                figures[1] += n
                figures[2] += polarity * n
        for (value, subtheme), figures in found.items():
            yield (*key, value, subtheme, *figures)

