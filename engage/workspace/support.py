"""Small helpers the workspace views share."""
from pathlib import Path

from flask import current_app
from flask_wtf import FlaskForm

from engage.framework import Framework, load_framework
from engage.services.workspace_errors import InvalidInput


def framework() -> Framework:
    """Return the council's framework (areas and age bands live there)."""
    return load_framework(str(Path(current_app.config["SURVEYS_DIR"]) / "framework.yaml"))


def attach(form: FlaskForm, exc: InvalidInput) -> None:
    """Show a service's validation message beside the field it is about."""
    target = form[exc.field] if exc.field and exc.field in form else None
    if target is None:
        target = next(iter(f for f in form if f.name != "csrf_token"))
    target.errors = [*target.errors, exc.message]


def day(value) -> str:
    """Format a date or time as people write it: 7 March 2027."""
    return f"{value.day} {value:%B %Y}" if value else "Not set"


def closes(consultation) -> str:
    """Format the last day a consultation takes answers."""
    from engage.services.workspace_consultations import closing_day

    return day(closing_day(consultation))
