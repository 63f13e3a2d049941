"""Extension instances, created unbound and attached in create_app."""
import os

from flask import Flask, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf import CSRFProtect

csrf = CSRFProtect()
# No default limits: sign-in, codes and resume codes are limited where they are served.
login_manager = LoginManager()
limiter = Limiter(key_func=get_remote_address)


def init_app(app: Flask) -> None:
    """Attach every extension to the app."""
    csrf.init_app(app)
    # Counters live in the app's database unless other shared storage is named (redis://...),
    # so every worker and server counts the same tries.
    from engage.ratelimit import DEFAULT_URI

    app.config.setdefault("RATELIMIT_STORAGE_URI",
                          os.environ.get("ENGAGE_RATELIMIT_STORAGE_URI") or DEFAULT_URI)
    limiter.init_app(app)
    _check_limits_only_where_set(app)
    login_manager.init_app(app)


def _check_limits_only_where_set(app: Flask) -> None:
    """Run the limiter's check before a view only where app-wide or blueprint-wide limits apply.

    A view's own limits are checked by its decorator when the view is called; the check the
    limiter adds before every request only looks for the wider ones, and cost about a twentieth
    of a survey page's CPU on routes that have none.
    """
    hooks = app.before_request_funcs[None]
    check = hooks[hooks.index(limiter._check_request_limit)]

    # Limits are declared when the blueprints are made, so each blueprint's answer is kept.
    wider: dict[str | None, bool] = {}

    def check_where_set():
        blueprint = request.blueprint
        if blueprint not in wider:
            wider[blueprint] = _wider_limits(blueprint)
        if wider[blueprint]:
            return check()
        return None

    hooks[hooks.index(check)] = check_where_set


def _wider_limits(blueprint: str | None) -> bool:
    manager = limiter.limit_manager
    return bool(manager.application_limits or manager.default_limits
                or (blueprint and manager.blueprint_limits(current_app, blueprint)))
