"""The safeguarding screen: rules over concepts, and a learned model behind them.

    screen(text) -> Screening(flag, severity, category, matched)

Recall first: every flag, "check" included, goes to a human safeguarding reviewer; the
screen never decides anything by itself. The model is trained from the shipped development
corpus at first use (deterministic, about a second), never from the blind sets.
"""

from __future__ import annotations

from functools import lru_cache

from engage.analysis.screen.result import CATEGORIES, NONE, NOT_SCREENED, RANK, Screening
from engage.analysis.screen.screener import Screener, build

__all__ = ["CATEGORIES", "NONE", "NOT_SCREENED", "RANK", "Screener", "Screening",
           "default_screener", "screen"]


@lru_cache(maxsize=1)
def default_screener() -> Screener:
    """Train the screener on every development text (done once per process)."""
    from engage.analysis.screen.corpus import all_rows

    return build(all_rows())


def screen(text: str) -> Screening:
    """Screen one free-text answer; any flag must be read by a safeguarding reviewer."""
    return default_screener().screen(text)
