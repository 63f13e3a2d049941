"""Staff sign-in and sign-out, with session loading, inactivity expiry and safe redirects."""
from flask import Blueprint, Flask

bp = Blueprint("auth", __name__, url_prefix="/auth")


def init_app(app: Flask) -> None:
    """Register the blueprint and wire flask-login to our accounts."""
    from engage.auth import session as staff_session
    from engage.auth import views  # noqa: F401  (routes register on import)

    staff_session.init_login_manager()
    app.register_error_handler(429, views.too_many)
    app.register_blueprint(bp)
