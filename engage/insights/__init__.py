"""Results in the staff workspace: the five-values summary, filters, charts and downloads."""
from flask import Blueprint, Flask

from engage.auth.session import staff_only
from engage.services.free_text import catch_up

bp = Blueprint("insights", __name__, url_prefix="/workspace/insights")


# Every staff route needs a signed-in, recently active account.
bp.before_request(staff_only)
# Comments saved since the last batch get their value tags before results and downloads are read.
bp.before_request(catch_up)


def init_app(app: Flask) -> None:
    """Register the blueprint and its routes."""
    from engage.insights import plan, views  # noqa: F401

    app.register_blueprint(bp)
