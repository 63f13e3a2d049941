"""What every template gets, and the security headers every response carries."""
from flask import Flask, Response, current_app

# No inline script or style, nothing from another origin, never framed.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "object-src 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def init_app(app: Flask) -> None:
    """Register the context processor and the header hook."""
    app.context_processor(_globals)
    app.after_request(_security_headers)


def _globals() -> dict:
    return {"council_name": current_app.config["COUNCIL_NAME"]}


def _security_headers(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    # Answers may be personal: never keep respondent pages in shared caches.
    response.headers.setdefault("Cache-Control", "no-store")
    return response
