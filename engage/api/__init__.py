"""The read-only data API for BI tools (Power BI and the like): bearer tokens, JSON and CSV.

No cookies and no CSRF: a token in the Authorization header is the only credential, so a
browser cannot be tricked into using one, and nothing here changes anything.
"""
from flask import Flask

from engage.api.views import bp


def init_app(app: Flask) -> None:
    """Register the API, exempt from CSRF (it takes no cookies) and rate-limited per client."""
    from engage.extensions import csrf

    csrf.exempt(bp)
    app.register_blueprint(bp)
