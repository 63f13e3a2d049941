"""The public respondent journey: no account, anonymous, any device, no JavaScript needed."""
from flask import Blueprint

bp = Blueprint("respond", __name__)

# Routes register on import: the journey, and the kiosk and display settings.
from engage.respond import kiosk, settings, views  # noqa: E402,F401
