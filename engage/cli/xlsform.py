"""`flask surveys import-xlsform` and `export-xlsform`: survey families to and from XLSForm."""
from pathlib import Path

import click
import yaml
from flask import current_app
from flask.cli import with_appcontext

from engage.cli.refused import fail
from engage.db import get_session
from engage.definitions.variants import VARIANTS
from engage.definitions.xlsform import Imported, ImportOptions
from engage.definitions.xlsform_export import export_xlsform
from engage.definitions.xlsform_read import XLSFormError
from engage.framework import load_framework
from engage.services import xlsform
from engage.services.errors import NotFound
from engage.services.workspace.surveys import latest
from engage.words import how_many


@click.command("import-xlsform")
@with_appcontext
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--family", help="Survey id to import as (default: the form_id in settings).")
@click.option("--variant", "variants", multiple=True, type=click.Choice(VARIANTS),
              help="An audience the wording is for; repeat for more (default: parent and professional).")
@click.option("--value", type=click.IntRange(1, 5), help="Value tag (1-5) for questions with no engage_value.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Also write the survey as YAML here.")
@click.option("--dry-run", is_flag=True, help="Report and check only; save nothing to the database.")
def import_command(file: Path, family: str | None, variants: tuple[str, ...], value: int | None,
                   out: Path | None, dry_run: bool) -> None:
    """Import a survey from an XLSForm (.xlsx); report every row skipped or changed."""
    options = ImportOptions(family, variants, value, file.name)
    framework = load_framework(str(Path(current_app.config["SURVEYS_DIR"]) / "framework.yaml"))
    try:
        imported = xlsform.convert(file.read_bytes(), options, framework)
    except XLSFormError as exc:
        _report(exc.notes)
        fail(str(exc))
    except xlsform.ImportRejected as exc:
        _report(exc.imported.notes)
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        fail(f"The imported survey has {how_many(len(exc.problems), 'problem')}, so it was not saved.")
    _report(imported.notes)
    click.echo(imported.summary())
    if out:
        out.write_text(_yaml(imported), encoding="utf-8")
        click.echo(f"Wrote {out}.")
    if not dry_run:
        result = xlsform.save(get_session(), imported, file.name, None, may_change=lambda _family: True)
        click.echo(f"{result.family}: version {result.version} ({result.change})")


@click.command("export-xlsform")
@with_appcontext
@click.argument("family")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The .xlsx to write.")
def export_command(family: str, out: Path) -> None:
    """Export the newest version of a survey family as an XLSForm (.xlsx)."""
    try:
        version = latest(get_session(), family)
    except NotFound:
        fail(f"There is no survey '{family}' in the database. Load it first (flask surveys load).")
    out.write_bytes(export_xlsform(version.definition))
    click.echo(f"Wrote {family} version {version.number} to {out}.")


def _report(notes: list) -> None:
    for note in notes:
        click.echo(str(note))


def _yaml(imported: Imported) -> str:
    return yaml.safe_dump(imported.definition, allow_unicode=True, sort_keys=False, width=100)
