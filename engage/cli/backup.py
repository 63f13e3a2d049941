"""`flask backup` and `flask restore`: a consistent copy of the database, and putting one back."""
from pathlib import Path

import click
from flask import current_app, g
from flask.cli import with_appcontext

from engage.backup import BackupError, backup, restore


@click.command("backup")
@with_appcontext
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write the backup to.")
def backup_command(out: Path) -> None:
    """Take a consistent online backup of the database into a file."""
    _dispose_engine()
    try:
        backup(current_app.config["DATABASE_URL"], out)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Backed up the database to {out} ({out.stat().st_size:,} bytes).")


@click.command("restore")
@with_appcontext
@click.argument("backup_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def restore_command(backup_file: Path, yes: bool) -> None:
    """Replace everything in the database with a backup (asks first unless --yes)."""
    if not yes:
        click.confirm(f"This replaces every survey and response in the database with {backup_file}. "
                      "Continue?", abort=True)
    _dispose_engine()
    try:
        restore(current_app.config["DATABASE_URL"], backup_file)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    _dispose_engine()
    click.echo(f"Restored the database from {backup_file}.")


def _dispose_engine() -> None:
    """Close this process's pooled connections so they hold no locks and see the new data."""
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
    current_app.extensions["engage.engine"].dispose()
