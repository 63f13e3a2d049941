"""Officers read free-text answers and correct their value tags."""
from flask import Blueprint, Flask

from engage.auth.session import staff_only
from engage.services.free_text import catch_up

bp = Blueprint("comments", __name__, url_prefix="/workspace/comments")


# Every staff route needs a signed-in, recently active account.
bp.before_request(staff_only)
# Comments saved since the last batch get their value tags before the comments are read.
bp.before_request(catch_up)


def init_app(app: Flask) -> None:
    """Register the blueprint and its routes."""
    from engage.comments import views  # noqa: F401  (routes register on import)

    app.register_blueprint(bp)
