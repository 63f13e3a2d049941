"""Officers read free-text answers and correct their value tags."""
from flask import Blueprint, Flask

from engage.auth.session import staff_only

bp = Blueprint("comments", __name__, url_prefix="/workspace/comments")


# Every staff route needs a signed-in, recently active account.
bp.before_request(staff_only)


def init_app(app: Flask) -> None:
    """Register the blueprint and its routes."""
    from engage.comments import views  # noqa: F401  (routes register on import)

    app.register_blueprint(bp)
