"""Small helpers the workspace views share."""
from pathlib import Path

from flask import abort, current_app
from flask_login import current_user
from flask_wtf import FlaskForm

from engage.db import get_session
from engage.framework import Framework, load_framework
from engage.models import SurveyFamily, SurveyVersion
from engage.permissions import can_edit_survey
from engage.services.errors import InvalidInput
from engage.services.workspace.surveys import latest, open_on_older


def framework() -> Framework:
    """Return the council's framework (areas and age bands live there)."""
    return load_framework(str(Path(current_app.config["SURVEYS_DIR"]) / "framework.yaml"))


def editable_version(slug: str) -> SurveyVersion:
    """Return the newest version of a survey the signed-in user may change; refuse (403) otherwise."""
    version = latest(get_session(), slug)
    if not may_change(version.family):
        abort(403)
    return version


def may_change(family: SurveyFamily) -> bool:
    """Say whether the signed-in user may change this survey."""
    return can_edit_survey(current_user, family)


def attach(form: FlaskForm, exc: InvalidInput) -> None:
    """Show a service's validation message beside the field it is about."""
    target = form[exc.field] if exc.field and exc.field in form else None
    if target is None:
        target = next(iter(f for f in form if f.name != "csrf_token"))
    target.errors = [*target.errors, exc.message]


def saved_message(result) -> str:
    """Say what a save made, and plainly that open consultations keep the wording they opened with.

    An open consultation never moves to a new version: answers already given would be
    counted with answers to different words, and a child half way through would find the
    questions changed. So the officer is told which consultations keep the old wording.
    """
    if result.change == "unchanged":
        return "Nothing changed."
    said = f"Saved as version {result.version}. New consultations, and drafts when they open, use it."
    for title, number in open_on_older(get_session(), result.family, result.version):
        said += (f" “{title}” is open, so it keeps version {number}: everyone in it answers the same "
                 "words. To use the new words, close it and open a new consultation.")
    return said


def day(value) -> str:
    """Format a date or time as people write it: 7 March 2027."""
    return f"{value.day} {value:%B %Y}" if value else "Not set"


def closes(consultation) -> str:
    """Format the last day a consultation takes answers."""
    from engage.services.workspace.consultations import closing_day

    return day(closing_day(consultation))
