"""Safeguarding triage for safeguarding leads: the queue of possible disclosures."""
from flask import Blueprint, Flask

from engage.auth.session import staff_only

bp = Blueprint("triage", __name__, url_prefix="/workspace/safeguarding")


# Every staff route needs a signed-in, recently active account.
bp.before_request(staff_only)


def init_app(app: Flask) -> None:
    """Register the blueprint and its routes."""
    from engage.triage import views  # noqa: F401  (routes register on import)

    app.register_blueprint(bp)
