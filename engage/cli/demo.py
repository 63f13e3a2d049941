"""`flask --app engage demo`: a demo consultation, schools, class codes and accounts to try."""
import sys

import click
from flask import current_app, url_for
from sqlalchemy import func, select

from engage.cli import progress
from engage.db import get_session
from engage.models import Consultation, Response, ResponseStatus
from engage.models._time import utcnow


@click.command("demo")
@click.option("--base-url", default="http://127.0.0.1:5000", help="Where the app is served.")
@click.option("--responses", default=0, show_default=True,
              help="Also add this many synthetic submitted responses.")
@click.option("--fill-to", default=0, show_default=True,
              help="Add synthetic submitted responses until the demo survey holds this many (and last "
                   "year's wave half as many); running again adds none.")
@click.option("--yes-this-is-a-demo", "demo_confirmed", is_flag=True,
              help="Add demo content (and demo accounts with a published password) to a database "
                   "that has real staff accounts.")
@click.pass_context
def demo(ctx: click.Context, base_url: str, responses: int = 0, fill_to: int = 0,
         demo_confirmed: bool = False) -> None:
    """Create an open demo consultation with two schools and class codes; print its URLs."""
    from engage.services.demo.accounts import holds_real_data
    from engage.services.demo.content import create_demo

    if holds_real_data(get_session()) and not demo_confirmed:
        click.echo("This database has real staff accounts, so it is not a demo. The demo adds accounts "
                   "whose password is published. If this really is a demo, run again with "
                   "--yes-this-is-a-demo.", err=True)
        sys.exit(1)
    content = create_demo(get_session(), utcnow())
    if responses or fill_to:  # synthetic responses for the results pages and benchmarks
        from engage.services.demo.content import create_last_year

        this_year, last_year = content.consultations[0], create_last_year(get_session(), utcnow())
        # Last year's wave, smaller, so the results show change since then.
        add_synthetic(this_year, max(responses, fill_to - submitted(this_year)))
        add_synthetic(last_year, max(responses // 2, fill_to // 2 - submitted(last_year)), wave=-1)
    with current_app.test_request_context(base_url=base_url):
        click.echo(f"Start page: {url_for('respond.start', _external=True)}")
        for consultation in content.consultations:
            link = url_for("respond.choose", slug=consultation.slug, _external=True)
            click.echo(f"{consultation.title}: {link}")
        for code in content.codes:
            link = url_for("respond.join", code=code.code, _external=True)
            click.echo(f"Class code {code.code} ({code.school.name}, year {code.year_group}): {link}")
    # The school contact looks after a school with class codes, so its pages have something to show.
    _demo_accounts(base_url, list(dict.fromkeys(code.school for code in content.codes)))


def _demo_accounts(base_url: str, schools: list) -> None:
    """Create and print one account per staff role, so every part of the workspace can be tried."""
    from engage.services.demo.accounts import create_demo_accounts

    made = create_demo_accounts(get_session(), schools)
    click.echo(f"Workspace: {base_url.rstrip('/')}/workspace/ (demo accounts below; demo only)")
    for account in made:
        note = " (sets up two-step sign-in at first sign-in)" if account.two_step else ""
        click.echo(f"  {account.role}: {account.email} / {account.password}{note}")
    click.echo("  Two-step sign-in: scan the QR code it shows with an authenticator app, or, with no "
               "phone to hand, print the code for the key it shows with:\n"
               "    .venv/bin/python -c \"import pyotp, sys; print(pyotp.TOTP(sys.argv[1].replace(' ', '')).now())\" "
               "'KEY SHOWN'")


def submitted(consultation: Consultation) -> int:
    """Count a consultation's submitted responses."""
    return get_session().scalar(select(func.count()).select_from(Response).where(
        Response.consultation_id == consultation.id, Response.status == ResponseStatus.SUBMITTED))


def add_synthetic(consultation: Consultation, n: int, wave: int = 0) -> None:
    """Add n synthetic submitted responses to a consultation, showing progress on a terminal."""
    from engage.services.demo.synthetic import generate

    if n <= 0:
        return

    with progress.meter("Writing synthetic responses", n) as meter:
        generate(get_session(), consultation, n, batch=min(5000, max(100, n // 50)), progress=meter.to,
                 seed=1 - wave, wave=wave)
    progress.summary(f"Added {n:,} synthetic responses to {consultation.slug} in {meter.seconds():.1f} s.")
