"""CLI for results: `consultations list|count`, `summary CONSULTATION`, `export CONSULTATION`."""
import json
from pathlib import Path

import click
from flask.cli import AppGroup, with_appcontext

from engage.cli import progress
from engage.cli.refused import call_or_exit
from engage.db import get_session
from engage.models import Consultation
from engage.results import exports
from engage.results import summary as svc
from engage.results.long_csv_split import ExportFailed
from engage.services import consultations as consultation_service
from engage.services import free_text
from engage.words import how_many, noun_for

consultations = AppGroup("consultations", help="List consultations.")


@consultations.command("list")
def consultations_list() -> None:
    """Print one consultation per line: id, slug, status, submitted responses, title."""
    for c, responses in consultation_service.with_response_counts(get_session()):
        click.echo(f"{c.id}\t{c.slug}\t{c.status}\t{responses} responses\t{c.title}")


@consultations.command("count")
@click.argument("consultation", required=False)
@click.option("--step", type=click.IntRange(min=1), default=None,
              help="Count at most this many responses per transaction (default: all at once on "
                   "PostgreSQL, 100,000 on SQLite).")
def consultations_count(consultation: str | None, step: int | None) -> None:
    """Count newly submitted responses into the summary tallies (all consultations, or one).

    Summaries do this themselves, but after a big import or an upgrade the first count reads
    every answer; run this from a scheduler so officers never wait for it. PostgreSQL counts all
    at once. SQLite counts 100,000 at a time, so that submissions get in between steps; at a quiet
    hour a larger --step writes each kept count fewer times, for about half the work.
    """
    session = get_session()
    free_text.tag_waiting(session)
    chosen = [_find(consultation)] if consultation else consultation_service.every(session)
    waiting = svc.uncounted(session, [c.id for c in chosen])
    counted = 0
    with progress.meter("Counting responses", sum(waiting.values())) as meter:
        for c in chosen:
            folded = svc.fold_new(session, c, step)
            counted += folded
            meter.to(counted)
            if not progress.interactive():
                click.echo(f"{c.id}\t{c.slug}\t{how_many(folded, 'response')} counted")
    progress.summary(f"Counted {counted:,} new {noun_for(counted, 'response')} in "
                     f"{how_many(len(chosen), 'consultation')} in {meter.seconds():.1f} s.")


def _find(ref: str) -> Consultation:
    return call_or_exit(consultation_service.find, get_session(), ref)


@click.command("summary")
@with_appcontext
@click.argument("consultation")
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
def summary_command(consultation: str, fmt: str) -> None:
    """Print the five-values summary of CONSULTATION (id or slug), small numbers protected."""
    found = _find(consultation)
    click.echo("Building the summary...", err=True)
    free_text.tag_waiting(get_session())
    click.echo(json.dumps(svc.summarise(get_session(), found), indent=2, default=str))


@click.command("export")
@with_appcontext
@click.argument("consultation")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["csv", "long.csv", "xlsx", "sav", "docx", "pdf"]))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True))
def export_command(consultation: str, fmt: str, out: str) -> None:
    """Write an export of CONSULTATION (id or slug) to --out, showing progress on a terminal."""
    found = _find(consultation)
    session = get_session()
    free_text.tag_waiting(session)
    total, unit = exports.row_total(session, found, fmt)
    written, read = 0, 0
    try:
        with progress.meter(f"Exporting {unit}", total) as meter, open(out, "wb") as handle:
            def rows_read(rows: int) -> None:
                nonlocal read
                read = rows
                meter.to(rows)

            for chunk in exports.export(session, found, fmt, progress=rows_read):
                handle.write(chunk)
                written += len(chunk)
    except BaseException as failed:
        Path(out).unlink(missing_ok=True)  # half an export must not pass for a whole one
        if isinstance(failed, ExportFailed):
            raise click.ClickException(str(failed)) from failed
        raise
    progress.summary(f"Wrote {out}: {read:,} {unit} read, {written / 1e6:.1f} MB, in {meter.seconds():.1f} s.")

