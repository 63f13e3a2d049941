"""Staff sign-in and sign-out, with session loading, inactivity expiry and safe redirects."""
from flask import Blueprint, Flask

bp = Blueprint("auth", __name__, url_prefix="/auth")


def init_app(app: Flask) -> None:
    """Register the blueprint and wire flask-login to our accounts."""
    from engage.auth import (  # noqa: F401  (routes register on import)
        account_views,
        oidc,
        sso,
        two_step_views,
        views,
    )
    from engage.auth import session as staff_session

    staff_session.init_login_manager()
    oidc.init_app(app)  # single sign-on, when the council's identity provider is configured
    app.register_error_handler(429, views.too_many)
    app.register_blueprint(bp)
