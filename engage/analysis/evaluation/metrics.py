"""Scores for multi-class and multi-label tagging, with bootstrap intervals (numpy only)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

VALUES = (1, 2, 3, 4, 5)
BOOTSTRAP_ROUNDS = 1000


@dataclass(frozen=True)
class Interval:
    """A point estimate with its 95% bootstrap interval."""

    value: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.value:.3f} [{self.low:.3f}, {self.high:.3f}]"


def confusion(truth: Sequence[int], guess: Sequence[int]) -> np.ndarray:
    """Return the 5x6 confusion matrix: rows true value, columns predicted, last "no tag".

    A text the tagger does not tag (another language) is guessed 0 and counts as a miss.
    """
    matrix = np.zeros((len(VALUES), len(VALUES) + 1), dtype=int)
    columns = np.where(np.asarray(guess) == 0, len(VALUES), np.asarray(guess) - 1)
    np.add.at(matrix, (np.asarray(truth) - 1, columns), 1)
    return matrix


def per_value_f1(matrix: np.ndarray) -> np.ndarray:
    """Return F1 per value from a confusion matrix (0 where a value is never true or guessed)."""
    hits = np.diag(matrix[:, :len(VALUES)]).astype(float)
    denominator = matrix[:, :len(VALUES)].sum(axis=0) + matrix.sum(axis=1)
    return np.divide(2 * hits, denominator, out=np.zeros_like(hits), where=denominator > 0)


def macro_f1(truth: Sequence[int], guess: Sequence[int]) -> float:
    """Return the unweighted mean F1 over the values present in truth."""
    matrix = confusion(truth, guess)
    present = matrix.sum(axis=1) > 0
    return float(per_value_f1(matrix)[present].mean())


def samples_f1(truth: Sequence[frozenset[int]], guess: Sequence[frozenset[int]]) -> float:
    """Return the mean per-comment F1 between true and suggested value sets (as Consult reports)."""
    scores = [2 * len(t & g) / (len(t) + len(g)) if t or g else 1.0 for t, g in zip(truth, guess, strict=True)]
    return float(np.mean(scores)) if scores else 0.0


def bootstrap(score: Callable[[np.ndarray], float], size: int, seed: int = 0) -> tuple[float, float]:
    """Return the 2.5th and 97.5th percentiles of score over resampled index sets."""
    rng = np.random.default_rng(seed)
    draws = [score(rng.integers(0, size, size)) for _ in range(BOOTSTRAP_ROUNDS)]
    low, high = np.percentile(draws, [2.5, 97.5])
    return float(low), float(high)


def with_interval(score: Callable[[np.ndarray], float], size: int) -> Interval:
    """Score all items, then bootstrap the 95% interval."""
    return Interval(score(np.arange(size)), *bootstrap(score, size))
