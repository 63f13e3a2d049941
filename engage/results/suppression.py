"""Small-number protection: primary and secondary suppression of count tables.

A count under the threshold (but above zero) is shown as "fewer than N". Secondary
suppression then makes sure no hidden cell can be worked out by subtraction: the table is
extended with its row and column totals, and every line of it (a row with its total, a
column with its total) must hide either nothing or at least two entries. When a line hides
exactly one, the smallest other cell in that line is hidden as well (a total only when no
cell is left), and this repeats until every line is safe. A count hidden only to protect
another is shown as "not shown", never "fewer than N", which would be untrue.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

DEFAULT_THRESHOLD = 5
TOTAL = "Total"
NOT_SHOWN = "not shown"


def label(threshold: int = DEFAULT_THRESHOLD) -> str:
    """Return how a hidden count is shown."""
    return f"fewer than {threshold}"


def is_small(count: int, threshold: int = DEFAULT_THRESHOLD) -> bool:
    """Say whether one count must be hidden on its own (zero is not)."""
    return 0 < count < threshold


@dataclass(frozen=True)
class Protected:
    """A count table with its totals, and which entries must be hidden."""

    counts: pd.DataFrame  # integer counts, with a Total row and column
    small: pd.DataFrame  # same shape: True where the count is under the threshold
    hidden: pd.DataFrame  # True where the count must not be shown (small, or to protect one)
    threshold: int

    def display(self) -> pd.DataFrame:
        """Return the table as shown: numbers, "fewer than N", or "not shown"."""
        shown = self.counts.astype(object).mask(self.hidden, NOT_SHOWN)
        return shown.mask(self.small, label(self.threshold))

    def records(self) -> list[dict]:
        """Return one plain dict per row (row label under "row"), for templates and JSON."""
        shown = self.display()
        return [{"row": str(index), **{str(k): _plain(v) for k, v in row.items()}}
                for index, row in shown.iterrows()]


def _plain(value):
    return value.item() if isinstance(value, np.generic) else value


def with_totals(table: pd.DataFrame) -> pd.DataFrame:
    """Append a Total column and a Total row to an integer count table."""
    counts = table.fillna(0).astype("int64")
    counts[TOTAL] = counts.sum(axis=1)
    counts.loc[TOTAL] = counts.sum(axis=0)
    return counts


def protect(table: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> Protected:
    """Add totals and hide small counts and whatever would reveal them."""
    counts = with_totals(table)
    values = counts.to_numpy()
    small = (values > 0) & (values < threshold)
    hidden = secondary(values, small)
    return Protected(counts, _like(counts, small), _like(counts, hidden), threshold)


def _like(counts: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(mask, index=counts.index, columns=counts.columns)


def secondary(values: np.ndarray, hidden: np.ndarray) -> np.ndarray:
    """Hide more entries until no line of the extended table hides exactly one."""
    hidden = hidden.copy()
    changed = True
    while changed:
        changed = False
        # The transposes are views, so hiding in a column writes through to `hidden`.
        for line_values, lines in ((values, hidden), (values.T, hidden.T)):
            for i in range(lines.shape[0]):
                changed |= _protect_line(line_values[i], lines[i])
    return hidden


def _protect_line(values: np.ndarray, hidden: np.ndarray) -> bool:
    """Hide one more entry if this line hides exactly one; return whether it did."""
    if hidden.sum() != 1 or len(values) < 2:
        return False
    # The last entry is the line's total: hide a cell first, the total only as a last resort.
    cells = [i for i in range(len(values) - 1) if not hidden[i]]
    if not cells:
        cells = [len(values) - 1]
    hidden[_smallest(values, cells)] = True
    return True


def _smallest(values: np.ndarray, candidates: list[int]) -> int:
    """Pick the smallest count, preferring one above zero (hiding a zero protects little)."""
    positive = [i for i in candidates if values[i] > 0]
    pool = positive or candidates
    return min(pool, key=lambda i: (values[i], i))


def share(count: int, base: int, threshold: int = DEFAULT_THRESHOLD) -> float | None:
    """Return count/base as a percentage, or None when the base is too small to show."""
    if base < threshold or base == 0:
        return None
    return round(100.0 * count / base, 1)
