"""`flask --app engage surveys check|load`: validate survey definitions and load them."""
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from engage.db import get_session
from engage.definitions.loader import check_directory, load_directory
from engage.definitions.problems import DefinitionError
from engage.words import how_many

surveys = AppGroup("surveys", help="Check and load survey definitions.")


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
        click.echo(f"{how_many(len(problems), 'problem')} found.", err=True)
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
