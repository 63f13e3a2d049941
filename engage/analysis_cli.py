"""CLI for free-text analysis: `flask --app engage classify FILE` and `model train`."""
import sys

import click
from flask import current_app
from flask.cli import AppGroup

from engage.db import get_session

model = AppGroup("model", help="Train the value tagger.")


@click.command("classify")
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
def classify(source) -> None:
    """Tag, score and screen each line of SOURCE (JSON {"text": ...} or plain text); JSON lines out."""
    import json

    from engage.analysis.classify import classify_lines

    out = sys.stdout
    for result in classify_lines(line.rstrip("\n") for line in source):
        out.write(json.dumps(result, ensure_ascii=False) + "\n")


@model.command("train")
def train() -> None:
    """Retrain the value tagger with officers' corrections; install it only if no worse on the blind sets."""
    from engage.services import retraining
    from engage.services.free_text import model_path

    outcome = retraining.retrain(get_session(), model_path())
    click.echo("\n".join(retraining.report(outcome)))
    if not outcome.installed:
        raise click.ClickException("The retrained model was not installed; the one in use is unchanged.")
    click.echo(f"Saved to {model_path()}.")
    current_app.logger.info("value tagger retrained")
