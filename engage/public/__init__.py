"""Public pages that need no account: the child-friendly "You said, we did" page."""
from flask import Blueprint, Flask

bp = Blueprint("public", __name__)


def init_app(app: Flask) -> None:
    """Register the blueprint."""
    from engage.public import views  # noqa: F401  (routes register on import)

    app.register_blueprint(bp)
