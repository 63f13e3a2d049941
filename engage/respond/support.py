"""Easy read and "a grown-up is helping me": the start choices, and the words each changes.

Both are chosen on the notice page and kept on the response (rendition, assisted), so every
later page, the help page and the thank-you page read them from there. Nothing about the
grown-up is asked or stored.
"""
import os

from flask import current_app
from wtforms import BooleanField

from engage.definitions.copy import load_copy
from engage.definitions.easy_read import offers_easy_read
from engage.definitions.readability import YOUNG_VARIANTS
from engage.forms.respond import StartForm
from engage.services import consultations as svc

EASY_READ = "easy_read"
STANDARD = "standard"


class StartOptionsForm(StartForm):
    """The start button, with the two optional choices young people may tick."""

    easy_read = BooleanField()
    assisted = BooleanField()


def _all_copy() -> dict:
    # Several times a request: os.path.join, since pathlib's parsing showed in the profile.
    return load_copy(os.path.join(current_app.config["SURVEYS_DIR"], "copy.yaml"))


def support_words() -> dict:
    """Return the settings, start-choice and kiosk sentences."""
    return dict(_all_copy().get("support") or {})


def adjust_words(copy: dict, variant: str, rendition: str = STANDARD, assisted: bool = False) -> dict:
    """Return the page's copy with the support sentences and easy-read or assisted rewordings."""
    found = _all_copy()
    adjusted = {**copy, **(found.get("support") or {}), "rendition": rendition}
    if rendition == EASY_READ:
        adjusted.update(found.get("easy_read") or {})
    if assisted:
        adjusted.update((found.get("assisted") or {}).get(variant) or {})
    return adjusted


def start_options(consultation, variant: str) -> dict:
    """Say which choices the notice page offers: both only to young people's audiences.

    Easy read rewords the questions of the age band the young person chose; it is offered
    when the survey has easy-read wording for every primary item (the survey was written
    for it). Where an item has none, its own wording for that band is shown.
    """
    young = variant in YOUNG_VARIANTS
    easy = young and _whole_easy_read(consultation.version)
    return {"easy_read": easy, "assisted": young, "any": young}


# Versions are immutable, so whether one has easy-read wording throughout is worked out once.
_EASY_READ: dict[tuple, bool] = {}


def _whole_easy_read(version) -> bool:
    key = (version.id, version.checksum)
    if key not in _EASY_READ:
        _EASY_READ[key] = offers_easy_read(svc.survey_of(version).items())
    return _EASY_READ[key]


def chosen(form: StartOptionsForm, offered: dict, variant: str) -> tuple[str, str, bool]:
    """Return (variant, rendition, assisted) from the ticked choices the page offered.

    The variant is always the band the young person chose: easy read changes the words,
    never who they are counted as, nor the year groups they are offered.
    """
    easy = offered["easy_read"] and form.easy_read.data
    return variant, EASY_READ if easy else STANDARD, bool(offered["assisted"] and form.assisted.data)


def remembered(response) -> dict:
    """Return what the help and thank-you pages need to know, kept in the session after a response."""
    return {"rendition": response.rendition, "assisted": bool(response.assisted)}


def recalled(kept: dict) -> tuple[str, bool]:
    """Return (rendition, assisted) from what remembered() kept."""
    return kept.get("rendition") or STANDARD, bool(kept.get("assisted"))
