"""`flask --app engage db upgrade|revision`: the schema, through Alembic."""
import click
from flask import current_app
from flask.cli import AppGroup

from engage import migrate

database = AppGroup("db", help="Manage the database schema.")


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
