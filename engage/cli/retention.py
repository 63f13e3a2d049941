"""`flask --app engage retention apply`: remove personal data older than its retention period."""
import click
from flask import current_app
from flask.cli import AppGroup

from engage.db import get_session
from engage.models._time import utcnow
from engage.services import retention as svc

retention = AppGroup("retention", help="Apply the retention periods to personal data.")


@retention.command("apply")
def apply_command() -> None:
    """Remove abandoned responses, closed flags' words and contact details past their periods."""
    config = current_app.config
    periods = svc.Periods(config["RETAIN_ABANDONED_DAYS"], config["RETAIN_CLOSED_FLAGS_DAYS"],
                          config["RETAIN_CONTACT_DAYS"])
    result = svc.apply(get_session(), periods, utcnow())
    click.echo(f"Retention periods (days): abandoned responses {periods.abandoned}, "
               f"closed flags {periods.closed_flags}, contact details {periods.contact}.")
    click.echo(svc.describe(result) + ".")
