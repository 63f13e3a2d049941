"""Public pages that need no account: the child-friendly "You said, we did" page."""
from flask import Blueprint, Flask

bp = Blueprint("public", __name__)


def init_app(app: Flask) -> None:
    """Register the blueprint, and the link helper the start and thank-you pages use."""
    from engage.public import views

    app.register_blueprint(bp)
    app.add_template_global(views.you_said_link, "you_said_link")
