"""Extension instances, created unbound and attached in create_app."""
import os

from flask import Flask
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
    login_manager.init_app(app)
