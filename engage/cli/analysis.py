"""CLI for free-text analysis: `flask --app engage classify FILE`, `model build` and `model train`."""
import sys

import click
from flask import current_app
from flask.cli import AppGroup

from engage.db import get_session

model = AppGroup("model", help="Build the safeguarding screen and value tagger; retrain the tagger.")


@click.command("classify")
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
def classify(source) -> None:
    """Tag, score and screen each line of SOURCE (JSON {"text": ...} or plain text); JSON lines out."""
    import json

    from engage.analysis.classify import classify_lines

    out = sys.stdout
    for result in classify_lines(line.rstrip("\n") for line in source):
        out.write(json.dumps(result, ensure_ascii=False) + "\n")


@model.command("build")
def build() -> None:
    """Build the safeguarding screen and the value tagger from the shipped data and keep them on disk."""
    from engage.analysis import model_cache
    from engage.analysis.screen import default_screener
    from engage.analysis.screen.corpus import model_key as screen_key
    from engage.analysis.tagging import default_tagger
    from engage.analysis.tagging_data import model_key as tagger_key

    for label, name, key, load in (("Safeguarding screen", "screen", screen_key(), default_screener),
                                   ("Value tagger", "tagger", tagger_key(), default_tagger)):
        model = load()
        path = model_cache.path_for(name, key)
        if not path.exists():  # built or loaded earlier in this process, from another folder
            model_cache.save(model, path)
        click.echo(f"{label} ready: {path}" if path.exists()
                   else f"{label} built, but the cache folder is not writable: "
                        "each process will train it at first use.")


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
