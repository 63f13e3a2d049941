"""Counts in words for the pages officers and leads read: "1 question", "15 questions"."""
from __future__ import annotations


def noun_for(n: int, noun: str) -> str:
    """The noun as a count of n needs it: "point" for 1 (or -1), "points" for any other."""
    return noun if abs(n) == 1 else noun + "s"


def how_many(n: int, noun: str) -> str:
    """n with its noun: "1 class code", "3 class codes"."""
    return f"{n} {noun_for(n, noun)}"
