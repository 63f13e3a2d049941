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
    """Retrain the value tagger from shipped data plus officers' corrections."""
    from engage.analysis import tagging
    from engage.services.corrections import officer_examples
    from engage.services.free_text import model_path

    extra = officer_examples(get_session())
    tagger = tagging.train(extra)
    path = model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tagger.save(path)
    click.echo(f"Trained on shipped examples and {len(extra)} officer correction(s); saved to {path}.")
    current_app.logger.info("value tagger retrained")
