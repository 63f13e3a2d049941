"""Add the comments counted by profile and day up into every kind the tallies keep them in, with numpy.

fold_comments gives one row per (profile, day, value, sub-theme). The tallies keep comments by
variant, per slice, per day, per day and few-valued slice, and per pair of few-valued slices. Rather
than adding each row into each of its groups figure by figure in Python, each row's groups are
numbered once, and one bincount per figure adds them up.

bincount adds a group's entries in the order they come, so the entries are laid out in the order the
rows came: every summed polarity is the same float as one added row by row (the days of a profile are
added together first, then those sums go into its slices).
"""
from __future__ import annotations

import json
from collections.abc import Iterable

import numpy as np

from engage.results import fold as fold_q
from engage.results.rollup import Numbers

KIND = "comments"
WIDTH = len(fold_q.KINDS[KIND][0]) - 1  # the kind's own columns after the variant (value, sub-theme)
COMMENTS, RATED, POLARITY = range(3)


def rollup(rows: Iterable[tuple]) -> dict[str, dict[str, list]]:
    """Add rows (*profile, day, value, sub-theme, comments, rated, summed polarity) up by variant, per
    slice, per day, per day and few-valued slice and per pair of few-valued slices; return
    {kind: {dims as JSON: figures}}."""
    dated, undated = Numbers(), Numbers()  # groups by (kind, dims); (profile, own) with days together
    dated_pairs: tuple[list[int], list[int]] = ([], [])  # (row, dated group), in the order of the rows
    undated_of: list[int] = []  # each row's (profile, own) number
    figures: list[tuple] = []
    few_of: dict[tuple, list[tuple]] = {}  # a profile's few-valued slice keys, worked out once
    for position, row in enumerate(rows):
        profile, day, own = row[:6], row[6], tuple(row[7:7 + WIDTH])
        figures.append(row[7 + WIDTH:])
        undated_of.append(undated[(profile, own)])
        if day is None:  # a response without a date is in no date range
            continue
        few = few_of.get(profile)
        if few is None:
            few = few_of[profile] = fold_q.few_keys(profile)
        for group in [(fold_q.DAILY[KIND], (day, profile[0], *own))] + [
                (fold_q.DAY_SLICED[KIND], (day, name, key, profile[0], *own)) for name, key in few]:
            dated_pairs[0].append(position)
            dated_pairs[1].append(dated[group])
    table = np.array(figures, dtype=np.float64).reshape(len(figures), 3)
    out = {kind: {} for kind in (KIND, fold_q.SLICED[KIND], fold_q.DAILY[KIND], fold_q.DAY_SLICED[KIND],
                                 fold_q.PAIRED[KIND])}
    _into(out, dated, _summed(table, *dated_pairs, len(dated)))
    whole = _summed(table, np.arange(len(figures)), undated_of, len(undated))
    shared, pairs = _shared(undated)
    _into(out, shared, _summed(whole, *pairs, len(shared)))
    return out


def _shared(undated: dict[tuple, int]) -> tuple[dict, tuple[list[int], list[int]]]:
    """Number the groups the (profile, own) sums add into, and return them with the (sum, group) pairs,
    in the order of the sums."""
    shared = Numbers()
    pairs: tuple[list[int], list[int]] = ([], [])
    heads_of: dict[tuple, list[tuple]] = {}  # a profile's groups less its own columns, worked out once
    for position, (profile, own) in enumerate(undated):
        heads = heads_of.get(profile)
        if heads is None:
            heads = heads_of[profile] = _heads(profile)
        for kind, head in heads:
            pairs[0].append(position)
            pairs[1].append(shared[(kind, (*head, *own))])
    return shared, pairs


def _heads(profile: tuple) -> list[tuple[str, tuple]]:
    """Return the groups a profile's comments (days together) add into, less their own columns: its
    variant's, each of its slices' and each of its pairs of few-valued slices'."""
    variant = profile[0]
    return ([(KIND, (variant,))]
            + [(fold_q.SLICED[KIND], (name, key, variant)) for name, at in fold_q.SLICES.items()
               for key in fold_q.slice_keys(name, profile[at])]
            + [(fold_q.PAIRED[KIND], (*pair, variant)) for pair in fold_q.pair_keys(profile)])


def _summed(table: np.ndarray, at, group, n_groups: int) -> np.ndarray:
    """Add the table's rows `at` into their groups, figure by figure, in the order given."""
    at, group = np.asarray(at, dtype=np.int64), np.asarray(group, dtype=np.int64)
    return np.column_stack([np.bincount(group, weights=table[at, column], minlength=n_groups)
                            for column in range(table.shape[1])]).reshape(n_groups, table.shape[1])


def _into(out: dict, groups: dict, sums: np.ndarray) -> None:
    for (kind, dims), (comments, rated, polarity) in zip(groups, sums.tolist(), strict=True):
        # No rated comment leaves the integer 0 the SQL sum read as, not 0.0.
        out[kind][json.dumps(list(dims))] = [int(comments), int(rated), polarity if rated else 0]
