"""Extension instances, created unbound and attached in create_app."""
from flask import Flask
from flask_wtf import CSRFProtect

csrf = CSRFProtect()


def init_app(app: Flask) -> None:
    """Attach every extension to the app."""
    csrf.init_app(app)
