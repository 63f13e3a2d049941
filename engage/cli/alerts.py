"""`flask alerts send`: email safeguarding leads the alerts that are due."""
import sys
from functools import partial

import click
from flask import current_app
from flask.cli import AppGroup

from engage.db import get_session
from engage.models._time import utcnow
from engage.services.safeguarding.links import link_for
from engage.words import how_many

alerts = AppGroup("alerts", help="Email safeguarding leads about flags that need them.")


@alerts.command("send")
def send() -> None:
    """Send the alerts that are due (safe to run every minute; exit 1 if any could not be sent)."""
    from engage.services.safeguarding import mail, outbox

    config = current_app.config
    try:
        settings = mail.parse_smtp_url(config["SMTP_URL"])
    except mail.SmtpSettingsError as exc:
        click.echo(f"Not sending: {exc}", err=True)
        sys.exit(1)
    report = outbox.send_due(get_session(), partial(mail.connect, settings), config["ALERTS_FROM"],
                             link_for, utcnow())
    click.echo(f"Sent {how_many(report.sent, 'alert')}; {report.failed} could not be sent and will be retried.")
    for error in dict.fromkeys(report.errors):
        click.echo(f"  {error}", err=True)
    if report.failed:
        sys.exit(1)
