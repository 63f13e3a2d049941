"""A response's answers read as one JSON column of the response's own row.

Survey pages read the response with its saved answers in one statement. Joined, each answer came
back as a row that repeated the response's columns, and the database driver and SQLAlchemy built
and converted every one of them: about 50 thousand instructions an answer, on every page after
it. Aggregated into one JSON array by the database, the answers arrive as one text that Python's
C parser reads at a small fraction of that. Only the answers' own columns go in.
"""
import json
from typing import Any

from sqlalchemy import JSON, String, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from engage.models import Answer

_answers = Answer.__table__


class _AnswerArray(FunctionElement):
    """Each row's columns as one JSON array, the rows' arrays in one array (JSON text)."""

    type = String()
    name = "answer_array"
    inherit_cache = True


@compiles(_AnswerArray, "sqlite")
def _sqlite(element, compiler, **kw) -> str:
    # A JSON column holds JSON text on SQLite: json() keeps it a value, not a quoted string.
    columns = ", ".join(f"json({compiler.process(c, **kw)})" if isinstance(c.type, JSON) else compiler.process(c, **kw)
                        for c in element.clauses)
    return f"json_group_array(json_array({columns}))"


@compiles(_AnswerArray, "postgresql")
def _postgresql(element, compiler, **kw) -> str:
    columns = ", ".join(compiler.process(c, **kw) for c in element.clauses)
    return f"json_agg(json_build_array({columns}))::text"


def answers_column(responses_id, *columns):
    """A correlated column: the answers of the row's response, each as a list of `columns`."""
    return (select(_AnswerArray(*columns)).where(_answers.c.response_id == responses_id)
            .scalar_subquery())


def answer_lists(text: str | None) -> list[list[Any]]:
    """Return the answers of answers_column's text, each a list of its columns' values."""
    return json.loads(text) if text else []  # PostgreSQL aggregates no rows to NULL
