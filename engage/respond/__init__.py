"""The public respondent journey: no account, anonymous, any device, no JavaScript needed."""
from flask import Blueprint

bp = Blueprint("respond", __name__)

from engage.respond import views  # noqa: E402,F401  (routes register on import)
