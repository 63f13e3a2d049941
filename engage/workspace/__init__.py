"""The staff workspace: consultations, schools, class codes, participation and the audit log."""
from flask import Blueprint, Flask
from flask_login import current_user

from engage.auth.session import expire_idle

bp = Blueprint("workspace", __name__, url_prefix="/workspace")


@bp.before_request
def _signed_in_and_recent():
    """Anonymous users can do nothing here; idle sessions end after 30 minutes."""
    if not current_user.is_authenticated:
        from engage.extensions import login_manager

        return login_manager.unauthorized()
    return expire_idle()


def init_app(app: Flask) -> None:
    """Register the blueprint and its routes."""
    from engage.workspace import admin, consultations, home, participation, schools, surveys  # noqa: F401
    from engage.workspace.nav import navigation
    from engage.workspace.support import closes, day

    app.context_processor(navigation)
    app.add_template_filter(day, "day")
    app.add_template_filter(closes, "closes")
    app.register_blueprint(bp)
