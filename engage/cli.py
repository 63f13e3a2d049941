"""Operations as CLI commands: `flask --app engage surveys|db|demo ...`."""
import sys
from pathlib import Path

import click
from flask import Flask, current_app, url_for
from flask.cli import AppGroup

from engage import backup, migrate
from engage.db import get_session
from engage.definitions.loader import check_directory, load_directory
from engage.definitions.problems import DefinitionError
from engage.models._time import utcnow

surveys = AppGroup("surveys", help="Check and load survey definitions.")
database = AppGroup("db", help="Manage the database schema.")


def init_app(app: Flask) -> None:
    """Register the command groups."""
    app.cli.add_command(surveys)
    app.cli.add_command(database)
    app.cli.add_command(demo)

    from engage.analysis_cli import classify, model  # free-text analysis

    app.cli.add_command(classify)
    app.cli.add_command(model)
    from engage.insights.commands import COMMANDS  # results and exports

    for command in COMMANDS:
        app.cli.add_command(command)
    from engage.auth.cli import users  # staff accounts

    app.cli.add_command(users)
    from engage.xlsform_cli import export_command, import_command  # XLSForm

    surveys.add_command(import_command)
    surveys.add_command(export_command)
    from engage.services.safeguarding.cli import alerts  # safeguarding alerts by email

    app.cli.add_command(alerts)
    from engage.api.cli import tokens  # the read-only data API

    app.cli.add_command(tokens)
    from engage.retention_cli import retention  # erasure and retention

    app.cli.add_command(retention)
    app.cli.add_command(backup.backup_command)
    app.cli.add_command(backup.restore_command)


def _surveys_dir(directory: str | None) -> Path:
    return Path(directory or current_app.config["SURVEYS_DIR"])


@surveys.command("check")
@click.option("--dir", "directory", help="Folder of definitions (default: surveys/).")
def surveys_check(directory: str | None) -> None:
    """Validate every survey definition, the framework and the respondent copy."""
    problems = check_directory(_surveys_dir(directory))
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        click.echo(f"{len(problems)} problem(s) found.", err=True)
        sys.exit(1)
    click.echo("All survey definitions are valid.")


@surveys.command("load")
@click.option("--dir", "directory", help="Folder of definitions (default: surveys/).")
def surveys_load(directory: str | None) -> None:
    """Load definitions into the database; a changed definition becomes a new version."""
    try:
        results = load_directory(get_session(), _surveys_dir(directory))
    except DefinitionError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        sys.exit(1)
    for result in results:
        click.echo(f"{result.family}: version {result.version} ({result.change})")


@database.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision: str) -> None:
    """Apply migrations up to REVISION (default: the newest)."""
    migrate.upgrade(current_app, revision)
    click.echo(f"Database is at {revision}.")


@database.command("revision")
@click.option("-m", "--message", required=True, help="What the migration changes.")
def db_revision(message: str) -> None:
    """Write a new migration from the difference between models and database."""
    migrate.revision(current_app, message)


@click.command("demo")
@click.option("--base-url", default="http://127.0.0.1:5000", help="Where the app is served.")
@click.option("--responses", default=0, show_default=True,
              help="Also add this many synthetic submitted responses.")
@click.option("--yes-this-is-a-demo", "demo_confirmed", is_flag=True,
              help="Add demo content (and demo accounts with a published password) to a database "
                   "that has real staff accounts.")
@click.pass_context
def demo(ctx: click.Context, base_url: str, responses: int = 0, demo_confirmed: bool = False) -> None:
    """Create an open demo consultation with two schools and class codes; print its URLs."""
    from engage.services.demo import create_demo
    from engage.services.workspace_demo import holds_real_data

    if holds_real_data(get_session()) and not demo_confirmed:
        click.echo("This database has real staff accounts, so it is not a demo. The demo adds accounts "
                   "whose password is published. If this really is a demo, run again with "
                   "--yes-this-is-a-demo.", err=True)
        sys.exit(1)
    content = create_demo(get_session(), utcnow())
    if responses:  # synthetic responses for the results pages and benchmarks
        from engage.insights.commands import add_synthetic
        from engage.services.demo import create_last_year

        add_synthetic(content.consultations[0], responses)
        # Last year's wave, smaller, so the results show change since then.
        add_synthetic(create_last_year(get_session(), utcnow()), max(responses // 2, 1), wave=-1)
    with current_app.test_request_context(base_url=base_url):
        click.echo(f"Start page: {url_for('respond.start', _external=True)}")
        for consultation in content.consultations:
            link = url_for("respond.choose", slug=consultation.slug, _external=True)
            click.echo(f"{consultation.title}: {link}")
        for code in content.codes:
            link = url_for("respond.join", code=code.code, _external=True)
            click.echo(f"Class code {code.code} ({code.school.name}, year {code.year_group}): {link}")
    _demo_accounts(base_url)


def _demo_accounts(base_url: str) -> None:
    """Create and print one demo account per role (issue 3: staff workspace)."""
    from engage.services.workspace_demo import create_demo_accounts
    from engage.services.workspace_schools import list_schools

    made = create_demo_accounts(get_session(), list_schools(get_session()))
    click.echo(f"Workspace: {base_url.rstrip('/')}/workspace/ (demo accounts below; demo only)")
    for account in made:
        note = " (sets up two-step sign-in at first sign-in)" if account.two_step else ""
        click.echo(f"  {account.role}: {account.email} / {account.password}{note}")
    click.echo("  Two-step sign-in: scan the QR code it shows with an authenticator app, or, with no "
               "phone to hand, print the code for the key it shows with:\n"
               "    .venv/bin/python -c \"import pyotp, sys; print(pyotp.TOTP(sys.argv[1].replace(' ', '')).now())\" "
               "'KEY SHOWN'")
