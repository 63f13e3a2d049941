"""`flask alerts send`: email safeguarding leads the alerts that are due."""
import sys
from functools import partial

import click
from flask import current_app, url_for
from flask.cli import AppGroup

from engage.db import get_session
from engage.models import SafeguardingAlert
from engage.models._time import utcnow

alerts = AppGroup("alerts", help="Email safeguarding leads about flags that need them.")


def link_for(alert: SafeguardingAlert) -> str:
    """Return the full address of the alert's flag (or of the queue), at ENGAGE_BASE_URL."""
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        if alert.flag_id is None:
            return url_for("triage.queue", _external=True)
        return url_for("triage.concern", flag_id=alert.flag_id, _external=True)


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
    click.echo(f"Sent {report.sent} alert(s); {report.failed} could not be sent and will be retried.")
    for error in dict.fromkeys(report.errors):
        click.echo(f"  {error}", err=True)
    if report.failed:
        sys.exit(1)
