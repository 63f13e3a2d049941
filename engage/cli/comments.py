"""CLI for free-text comments: `comments tag` gives waiting comments their value tags."""
import click
from flask.cli import AppGroup

from engage.db import get_session
from engage.services import free_text

comments = AppGroup("comments", help="Tag free-text comments.")


@comments.command("tag")
def tag() -> None:
    """Give comments saved since the last run their value tags and sentiment; run it from cron."""
    session = get_session()
    waiting = free_text.waiting_count(session)
    tagged = free_text.tag_waiting(session)
    click.echo(f"Tagged {tagged:,} of {waiting:,} waiting comments; {free_text.waiting_count(session):,} wait now.")
