"""Results in the staff workspace: the five-values summary, filters, charts and downloads."""
from flask import Blueprint, Flask
from flask_login import current_user

from engage.auth.session import expire_idle

bp = Blueprint("insights", __name__, url_prefix="/workspace/insights")


@bp.before_request
def _signed_in_and_recent():
    """Anonymous users can do nothing here; idle sessions end as in the workspace."""
    if not current_user.is_authenticated:
        from engage.extensions import login_manager

        return login_manager.unauthorized()
    return expire_idle()


def init_app(app: Flask) -> None:
    """Register the blueprint and its routes."""
    from engage.insights import plan, views  # noqa: F401

    app.register_blueprint(bp)
