"""The safeguarding screen: rules over concepts, and a learned model behind them.

    screen(text) -> Screening(flag, severity, category, matched)

Recall first: every flag, "check" included, goes to a human safeguarding reviewer; the
screen never decides anything by itself. The model is trained from the shipped development
corpus (never the blind sets) by `make setup` and kept on disk (analysis.model_cache); a
process that finds no built model trains it at first use.
"""

from __future__ import annotations

from functools import lru_cache

from engage.analysis.screen.result import CATEGORIES, NONE, NOT_SCREENED, RANK, Screening
from engage.analysis.screen.screener import Screener, build

__all__ = ["CATEGORIES", "NONE", "NOT_SCREENED", "RANK", "Screener", "Screening",
           "default_screener", "screen"]


@lru_cache(maxsize=1)
def default_screener() -> Screener:
    """Load the screener built from every development text, building it if need be."""
    from engage.analysis import model_cache
    from engage.analysis.screen.corpus import all_rows, model_key

    return model_cache.load_or_build("screen", model_key(), lambda: build(all_rows()))


def screen(text: str) -> Screening:
    """Screen one free-text answer; any flag must be read by a safeguarding reviewer."""
    return default_screener().screen(text)
