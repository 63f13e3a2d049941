"""Answer a filter that asks for the usual language (English) as the same filter without it, read from
the kept tallies, less its responses in every other language, counted in one pass.

Every response has one language, and the usual one holds most of them (95% in the bench data), so a
school, an area, a priority group or a date range with a channel, each with English, leaves many
responses to count one by one, while the others' share is a few percent. The tallies keep the filter
without the language (a slice; a date range with a channel), so its figures less the few other-language
responses' are the filter's. Only counted responses are taken away: the kept tallies hold those alone
(a response whose comments wait for their value tags is folded later).
"""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
from sqlalchemy import Select
from sqlalchemy.orm import Session

from engage.models import Response
from engage.results import fold as fold_q
from engage.results import queries as q
from engage.results import tallies
from engage.results.filters import Filters

USUAL = fold_q.USUAL["language"]
# Each frame's figures; every other column is the group's.
FIGURES = {"people": ["n"], "cells": ["n"], "values": q.VALUE_COLUMNS[-6:], "subthemes": ["responses", "answers"],
           "comments": ["comments", "rated", "polarity"]}


class _OtherLanguages(q.Scope):
    """The counted responses of a scope in any language but the usual one."""

    def where(self, query: Select) -> Select:
        """Restrict to the scope's counted responses in another language."""
        return super().where(query).where(Response.language != USUAL, tallies.counted())


def covered_without(filters: Filters) -> Filters | None:
    """Return the filters less the usual language when the tallies cover those and not these, else None."""
    if filters.language != USUAL or tallies.covers(filters):
        return None
    without = replace(filters, language=None)
    return without if tallies.covers(without) else None


def count(session: Session, scope: q.Scope, without: Filters) -> dict[str, pd.DataFrame]:
    """Count the scope (filters: covered_without's plus the usual language) as the kept tallies' figures
    less its other-language responses'."""
    tallies.fold(session, scope.consultation_id, scope.keys)
    kept = tallies.read(session, scope.consultation_id, without)
    others = tallies.count_scope(session, _OtherLanguages(scope.consultation_id, scope.keys, without))
    return {kind: _less(kind, kept[kind], others[kind]) for kind in FIGURES}


def _less(kind: str, kept: pd.DataFrame, others: pd.DataFrame) -> pd.DataFrame:
    """Take one frame's groups away from another's; groups left with nothing are dropped, as no count
    makes them."""
    figures = FIGURES[kind]
    if others.empty:
        return kept
    groups = [c for c in kept.columns if c not in figures]
    taken = others.assign(**{f: -others[f] for f in figures})
    both = pd.concat([kept, taken], ignore_index=True)
    out = both.groupby(groups, as_index=False, dropna=False, sort=False)[figures].sum()
    out = out.loc[out[figures[0]] != 0, kept.columns].reset_index(drop=True)
    if kind == "comments":
        # Nothing rated left: the integer 0 a sum of no polarity reads as.
        out["polarity"] = out["polarity"].where(out["rated"] != 0, 0)
    return out.astype({f: kept[f].dtype for f in figures if f != "polarity"})
