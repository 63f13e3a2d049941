"""CLI for results: `consultations list`, `summary CONSULTATION`, `export CONSULTATION`."""
import json
import sys

import click
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import func, select

from engage.db import get_session
from engage.models import Consultation, Response, ResponseStatus
from engage.results import exports
from engage.results import summary as svc
from engage.services import consultations as consultation_service
from engage.services.errors import NotFound

consultations = AppGroup("consultations", help="List consultations.")


@consultations.command("list")
def consultations_list() -> None:
    """Print one consultation per line: id, slug, status, submitted responses, title."""
    session = get_session()
    counts = dict(session.execute(
        select(Response.consultation_id, func.count(Response.id))
        .where(Response.status == ResponseStatus.SUBMITTED).group_by(Response.consultation_id)).all())
    for c in session.scalars(select(Consultation).order_by(Consultation.id)):
        click.echo(f"{c.id}\t{c.slug}\t{c.status}\t{counts.get(c.id, 0)} responses\t{c.title}")


@consultations.command("count")
@click.argument("consultation", required=False)
def consultations_count(consultation: str | None) -> None:
    """Count newly submitted responses into the summary tallies (all consultations, or one).

    Summaries do this themselves, but after a big import or an upgrade the first count reads
    every answer; run this from a scheduler so officers never wait for it.
    """
    session = get_session()
    chosen = [_find(consultation)] if consultation else session.scalars(select(Consultation).order_by(Consultation.id))
    for c in list(chosen):
        click.echo(f"{c.id}\t{c.slug}\t{svc.fold_new(session, c)} responses counted")


def _find(ref: str) -> Consultation:
    try:
        return consultation_service.find(get_session(), ref)
    except NotFound as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)


@click.command("summary")
@with_appcontext
@click.argument("consultation")
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
def summary_command(consultation: str, fmt: str) -> None:
    """Print the five-values summary of CONSULTATION (id or slug), small numbers protected."""
    found = _find(consultation)
    click.echo("Building the summary...", err=True)
    click.echo(json.dumps(svc.summarise(get_session(), found), indent=2, default=str))


@click.command("export")
@with_appcontext
@click.argument("consultation")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["csv", "long.csv", "xlsx", "sav", "docx", "pdf"]))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True))
def export_command(consultation: str, fmt: str, out: str) -> None:
    """Write an export of CONSULTATION (id or slug) to --out, showing progress."""
    found = _find(consultation)
    written = 0

    def progress(rows: int) -> None:
        click.echo(f"  {rows:,} rows read, {written / 1e6:.1f} MB written", err=True)

    with open(out, "wb") as handle:
        for chunk in exports.export(get_session(), found, fmt, progress=progress):
            handle.write(chunk)
            written += len(chunk)
    click.echo(f"Wrote {out} ({written:,} bytes).", err=True)


COMMANDS = (consultations, summary_command, export_command)


def add_synthetic(consultation: Consultation, n: int, wave: int = 0) -> None:
    """Add n synthetic submitted responses to a consultation, showing progress."""
    from engage.services.synthetic import generate

    def progress(done: int) -> None:
        if done % 50000 == 0 or done == n:
            click.echo(f"  {done:,} of {n:,} synthetic responses written", err=True)

    generate(get_session(), consultation, n, batch=5000, progress=progress, seed=1 - wave, wave=wave)
