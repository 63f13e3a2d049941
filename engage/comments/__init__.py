"""Officers read free-text answers and correct their value tags."""
from flask import Blueprint, Flask
from flask_login import current_user

from engage.auth.session import expire_idle

bp = Blueprint("comments", __name__, url_prefix="/workspace/comments")


@bp.before_request
def _signed_in_and_recent():
    """Anonymous users can do nothing here; idle sessions end as in the workspace."""
    if not current_user.is_authenticated:
        from engage.extensions import login_manager

        return login_manager.unauthorized()
    return expire_idle()


def init_app(app: Flask) -> None:
    """Register the blueprint and its routes."""
    from engage.comments import views  # noqa: F401  (routes register on import)

    app.register_blueprint(bp)
