"""One way for every command to report a service's refusal: its plain-words reason, exit status 1."""
import sys
from collections.abc import Callable
from typing import NoReturn, TypeVar

import click

from engage.services.errors import DomainError

T = TypeVar("T")


def call_or_exit(service: Callable[..., T], *args) -> T:
    """Call a service; if its rules refuse (nothing is saved), print why and exit with status 1."""
    try:
        return service(*args)
    except DomainError as exc:
        fail(exc.message)


def fail(message: str) -> NoReturn:
    """Print a message on stderr and exit with status 1."""
    click.echo(message, err=True)
    sys.exit(1)
