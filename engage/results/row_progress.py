"""Report how many rows an export has read, every so often, as they stream past."""
from __future__ import annotations

from collections.abc import Callable, Iterator

PROGRESS = 1_000  # rows between progress reports: often enough for a smooth bar, cheap to call


def counted(rows: Iterator[tuple], progress: Callable[[int], None] | None) -> Iterator[tuple]:
    """Pass rows through, calling progress(rows read so far) every PROGRESS rows and at the end."""
    if progress is None:
        return rows
    return _reporting(rows, progress)


def _reporting(rows: Iterator[tuple], progress: Callable[[int], None]) -> Iterator[tuple]:
    n = 0
    for n, row in enumerate(rows, 1):
        if n % PROGRESS == 0:
            progress(n)
        yield row
    progress(n)
