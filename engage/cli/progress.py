"""Progress for long commands: click's bar with a total and time left on a terminal, nothing
while it runs anywhere else (CI logs, cron mail), and one summary line at the end either way."""
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import click


def interactive() -> bool:
    """Say whether a person is watching: stderr is a terminal and this is not CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


class Meter:
    """Moves a bar to an absolute count; times the whole run for the summary line."""

    def __init__(self, bar) -> None:
        self.bar = bar
        self.done = 0
        self.started = time.monotonic()

    def to(self, done: int) -> None:
        """Record that this many of the total are done."""
        if self.bar is not None and done > self.done:
            self.bar.update(done - self.done)
        self.done = max(self.done, done)

    def seconds(self) -> float:
        """Return the time since the meter started."""
        return time.monotonic() - self.started


@contextmanager
def meter(label: str, total: int | None) -> Iterator[Meter]:
    """Show a bar of `total` steps (with time left) while the block runs, if anyone is watching."""
    if not interactive() or not total:
        yield Meter(None)
        return
    with click.progressbar(length=total, label=label, show_eta=True, show_pos=True, file=sys.stderr,
                           width=30) as bar:
        yield Meter(bar)


def summary(text: str) -> None:
    """Print the one line that says what was done (to stderr: stdout may carry data)."""
    click.echo(text, err=True)
