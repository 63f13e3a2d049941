"""Extension instances, created unbound and attached in create_app."""
import os

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf import CSRFProtect

csrf = CSRFProtect()
# Workspace (issue 3): staff sign-in and its rate limit. No default limits: only sign-in is limited.
login_manager = LoginManager()
limiter = Limiter(key_func=get_remote_address)


def init_app(app: Flask) -> None:
    """Attach every extension to the app."""
    csrf.init_app(app)
    # Workspace (issue 3): in-memory limits by default; several workers need shared storage.
    app.config.setdefault("RATELIMIT_STORAGE_URI",
                          os.environ.get("ENGAGE_RATELIMIT_STORAGE_URI", "memory://"))
    limiter.init_app(app)
    login_manager.init_app(app)
