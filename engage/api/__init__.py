"""The data API for BI tools (Power BI and the like): bearer tokens, JSON and CSV.

No cookies and no CSRF: a token in the Authorization header is the only credential, so a
browser cannot be tricked into using one. A caller can only read: nothing it sends changes an
answer, a consultation or a setting. Reading the summary or the answers does what the results
pages do first, though: comments still waiting for their value tags are tagged, the summary's
tallies take in new responses, and the read is written to the audit log.
"""
from flask import Flask

from engage.api.views import bp


def init_app(app: Flask) -> None:
    """Register the API, exempt from CSRF (it takes no cookies) and rate-limited per client."""
    from engage.extensions import csrf

    csrf.exempt(bp)
    app.register_blueprint(bp)
