"""Add many small counters up into the groups each belongs to, with numpy rather than a Python loop.

A fold counts every respondent profile's answers once, then adds each profile's counts into its
variant's group and into each of its slices' (about seven groups a profile). Done entry by entry in
Python that is millions of dictionary updates; here every distinct counted thing gets a number, the
entries become arrays, and one bincount adds them all up.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Protocol

import numpy as np

# Above this many (group, thing) cells, add up through the pairs that occur rather than a dense table.
DENSE = 10_000_000


class Counted(Protocol):
    """A profile's counts: how often each packed answer occurs, and respondents per mark."""

    answers: Counter
    marks: Counter


class Added:
    """One group's counts after adding up: packed answers and marks, each with its total."""

    __slots__ = ("answers", "marks")

    def __init__(self):
        self.answers: dict[str, int] = {}
        self.marks: dict[str, int] = {}


class _Numbers(dict):
    """A number for each distinct key, given in order of first sight."""

    def __missing__(self, key) -> int:
        number = self[key] = len(self)
        return number


def added_up(profiles: dict[tuple, Counted], groups_of: Callable[[tuple], list[tuple]]) -> dict[tuple, Added]:
    """Return, for each group any profile belongs to, the sum of its profiles' answers and marks."""
    things, groups = _Numbers(), _Numbers()
    numbers: list[int] = []
    counts: list[int] = []
    sizes: list[int] = []
    owner: list[int] = []  # for each (profile, group) pair: the profile's position, and the group
    member: list[int] = []
    marks: set[str] = set()
    for position, (profile, counted) in enumerate(profiles.items()):
        numbers.extend(map(things.__getitem__, counted.answers))
        counts.extend(counted.answers.values())
        numbers.extend(map(things.__getitem__, counted.marks))
        counts.extend(counted.marks.values())
        marks.update(counted.marks)
        sizes.append(len(counted.answers) + len(counted.marks))
        for group in groups_of(profile):
            owner.append(position)
            member.append(groups[group])
    totals = _totals(np.array(numbers, dtype=np.int64), np.array(counts, dtype=np.int64),
                     np.array(sizes, dtype=np.int64), np.array(owner, dtype=np.int64),
                     np.array(member, dtype=np.int64), len(things), len(groups))
    return _as_groups(totals, list(things), list(groups), marks)


def _totals(numbers, counts, sizes, owner, member, n_things: int, n_groups: int):
    """Return (group, thing, total) arrays: every entry repeated once for each group of its profile."""
    starts = np.cumsum(sizes) - sizes
    lengths = sizes[owner]
    # For each (profile, group) pair, the positions of that profile's entries.
    entry = np.repeat(starts[owner] - (np.cumsum(lengths) - lengths), lengths) + np.arange(lengths.sum())
    cell = np.repeat(member, lengths) * n_things + numbers[entry]
    if n_groups * n_things <= DENSE:
        summed = np.bincount(cell, weights=counts[entry], minlength=n_groups * n_things)
        found = np.flatnonzero(summed)
        return found // n_things, found % n_things, summed[found]
    found, where = np.unique(cell, return_inverse=True)
    return found // n_things, found % n_things, np.bincount(where, weights=counts[entry])


def _as_groups(totals, things: list, groups: list[tuple], marks: set[str]) -> dict[tuple, Added]:
    out = {group: Added() for group in groups}
    for group, thing, total in zip(*(t.tolist() for t in totals), strict=True):
        name = things[thing]
        added = out[groups[group]]
        (added.marks if name in marks else added.answers)[name] = int(total)
    return out
