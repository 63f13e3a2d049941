"""Plain statistics for comparing shares: Wilson intervals, the two-proportion test, Holm's correction.

Written out rather than taken from scipy or statsmodels: three short formulas, checked in the
tests against published worked examples.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

Z95 = 1.959963984540054  # the two-sided 95% point of the standard normal distribution


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Return the Wilson score interval of k successes in n trials, as proportions."""
    if n <= 0:
        return 0.0, 1.0
    p = k / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    scale = 1 + z * z / n
    # At 0 or n the interval touches the edge exactly; rounding would leave it a hair inside.
    low = 0.0 if k == 0 else (centre - spread) / scale
    high = 1.0 if k == n else (centre + spread) / scale
    return low, high


@dataclass(frozen=True)
class Comparison:
    """Two shares compared: the difference (first minus second), its z statistic and p-value."""

    difference: float
    z: float
    p: float


def two_proportion(k1: int, n1: int, k2: int, n2: int) -> Comparison:
    """Compare k1/n1 with k2/n2 with the pooled two-proportion z-test (two-sided)."""
    if min(n1, n2) <= 0:
        return Comparison(0.0, 0.0, 1.0)
    p1, p2 = k1 / n1, k2 / n2
    pooled = (k1 + k2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return Comparison(p1 - p2, 0.0, 1.0)
    z = (p1 - p2) / se
    return Comparison(p1 - p2, z, math.erfc(abs(z) / math.sqrt(2)))


def holm(pvalues: list[float]) -> list[float]:
    """Return Holm's step-down adjusted p-values, in the order given."""
    m = len(pvalues)
    order = sorted(range(m), key=lambda i: pvalues[i])
    adjusted = [1.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * pvalues[i]))
        adjusted[i] = running
    return adjusted
