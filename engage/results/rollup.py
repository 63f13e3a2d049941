"""Add many small counters up into the groups each belongs to, with numpy rather than a Python loop.

A fold counts every respondent profile's answers once, then adds each profile's counts into its
variant's group and into each of its slices' (about seven groups a profile). Done entry by entry in
Python that is millions of dictionary updates; here every distinct counted thing gets a number, the
entries become arrays, and one bincount adds them all up.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

# Above this many (group, thing) cells, add up through the pairs that occur rather than a dense table.
DENSE = 10_000_000


class Counted(Protocol):
    """A profile's counts: how often each packed answer occurs, and respondents per mark."""

    answers: Counter
    marks: Counter


@dataclass(frozen=True)
class Totals:
    """Every group's sums, as arrays: the group's and thing's numbers of each (group, thing) pair that
    occurs, and its total; groups and things list the keys those numbers stand for (a thing is a
    packed answer or a mark)."""

    group: np.ndarray
    thing: np.ndarray
    total: np.ndarray
    groups: list[tuple]
    things: list[str]


class Numbers(dict):
    """A number for each distinct key, given in order of first sight."""

    def __missing__(self, key) -> int:
        number = self[key] = len(self)
        return number


def added_up(profiles: dict[tuple, Counted], merged_of: Callable[[tuple], tuple],
             groups_of: Callable[[tuple], list[tuple]],
             direct_of: Callable[[tuple], list[tuple]] = lambda _key: []) -> Totals:
    """Return, for each group any profile belongs to, the sum of its profiles' answers and marks.

    A profile key adds into the groups direct_of(key) (its day's) and, added first to the other keys
    with the same merged_of(key) (its days together), into groups_of(merged) (its variant's and
    slices'): a profile has answers on several days, and its slices then add each entry once, not
    once a day."""
    things, merged, groups = Numbers(), Numbers(), Numbers()
    numbers: list[int] = []
    counts: list[int] = []
    sizes: list[int] = []
    merged_at: list[int] = []  # each profile key's merged number
    direct: tuple[list[int], list[int]] = ([], [])  # (profile key's position, group) pairs
    for position, (key, counted) in enumerate(profiles.items()):
        numbers.extend(map(things.__getitem__, counted.answers))
        counts.extend(counted.answers.values())
        numbers.extend(map(things.__getitem__, counted.marks))
        counts.extend(counted.marks.values())
        sizes.append(len(counted.answers) + len(counted.marks))
        merged_at.append(merged[merged_of(key)])
        for group in direct_of(key):
            direct[0].append(position)
            direct[1].append(groups[group])
    entries = (np.array(numbers, dtype=np.int64), np.array(counts, dtype=np.float64), np.array(sizes, dtype=np.int64))
    shared = _pairs(merged, groups_of, groups)
    n = (len(things), len(groups))
    totals = [_totals(*entries, *_arrays(direct), *n),
              _totals(*_merged(*entries, merged_at, n[0]), *_arrays(shared), *n)]
    # Left as arrays: the callers add them up by what each thing stands for (a cell, a sub-theme), so
    # no dictionary per group is filled entry by entry.
    group, thing, total = (np.concatenate(column) for column in zip(*totals, strict=True))
    return Totals(group, thing, total.astype(np.int64), list(groups), list(things))


def _pairs(merged: dict, groups_of: Callable[[tuple], list[tuple]], groups: Numbers) -> tuple[list, list]:
    """Return (merged key's position, group) pairs: every group each merged key adds into."""
    pairs: tuple[list[int], list[int]] = ([], [])
    for position, key in enumerate(merged):
        for group in groups_of(key):
            pairs[0].append(position)
            pairs[1].append(groups[group])
    return pairs


def _arrays(pairs: tuple[list[int], list[int]]) -> tuple[np.ndarray, np.ndarray]:
    return np.array(pairs[0], dtype=np.int64), np.array(pairs[1], dtype=np.int64)


def _merged(numbers, counts, sizes, merged_at: list[int], n_things: int):
    """Add the profile keys' entries up by merged key: (numbers, counts, sizes) of the merged keys."""
    owner = np.repeat(np.array(merged_at, dtype=np.int64), sizes)
    n_merged = max(merged_at, default=-1) + 1
    cell, total = summed(owner * n_things + numbers, counts, n_merged * n_things)
    return cell % n_things, total, np.bincount(cell // n_things, minlength=n_merged)


def summed(cell, weights, size: int):
    """Return the distinct cells in order and each one's summed weight."""
    if size <= DENSE:
        summed = np.bincount(cell, weights=weights, minlength=size)
        found = np.flatnonzero(summed)
        return found, summed[found]
    found, where = np.unique(cell, return_inverse=True)
    return found, np.bincount(where, weights=weights)


def _totals(numbers, counts, sizes, owner, member, n_things: int, n_groups: int):
    """Return (group, thing, total) arrays: every entry repeated once for each group of its profile."""
    starts = np.cumsum(sizes) - sizes
    lengths = sizes[owner]
    # For each (profile, group) pair, the positions of that profile's entries.
    entry = np.repeat(starts[owner] - (np.cumsum(lengths) - lengths), lengths) + np.arange(lengths.sum())
    found, total = summed(np.repeat(member, lengths) * n_things + numbers[entry], counts[entry], n_groups * n_things)
    return found // n_things, found % n_things, total
