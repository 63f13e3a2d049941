"""Counts and names as people read them: "1 question", "15 questions", "School 8" before "School 10"."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def noun_for(n: int, noun: str) -> str:
    """The noun as a count of n needs it: "point" for 1 (or -1), "points" for any other."""
    return noun if abs(n) == 1 else noun + "s"


def how_many(n: int, noun: str) -> str:
    """n with its noun: "1 class code", "3 class codes"."""
    return f"{n} {noun_for(n, noun)}"


def natural_key(name: str) -> tuple:
    """A sort key that puts "School 8" before "School 10": numbers compare as numbers."""
    parts = re.split(r"(\d+)", name.casefold())
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts)


def by_name(items: Iterable[T], name: Callable[[T], str] = lambda item: item.name) -> list[T]:
    """The items sorted as a reader expects names to be: "Year 9" before "Year 10"."""
    return sorted(items, key=lambda item: natural_key(name(item)))
