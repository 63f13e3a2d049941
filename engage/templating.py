"""What every template gets, and the security headers every response carries."""
from numbers import Integral

from flask import Flask, Response, current_app
from markupsafe import Markup

from engage.services.demo.content import is_demo

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
HSTS = "max-age=31536000"
# (lower-case name, name, value) of every header a response gets unless its view set one.
_DEFAULTS = tuple((name.lower(), name, value) for name, value in {**HEADERS, "Cache-Control": "no-store"}.items())
_WITH_HSTS = (*_DEFAULTS, ("strict-transport-security", "Strict-Transport-Security", HSTS))


def init_app(app: Flask) -> None:
    """Register the context processor and the header hook."""
    app.context_processor(_globals)
    app.add_template_filter(boolean_attr)
    app.add_template_filter(count)
    app.add_template_test(is_demo, "demo")
    app.after_request(_security_headers)


def boolean_attr(state, name: str) -> Markup | str:
    """Write ` name` (checked, selected) when state is true; a slot marker is written as it is."""
    if isinstance(state, Markup):
        return state
    return Markup(f" {name}") if state else ""


def count(value) -> str:
    """Write a whole number with thousands separators ("2,000"); a label such as "fewer than 5"
    is written as it is."""
    return f"{value:,}" if isinstance(value, Integral) and not isinstance(value, bool) else str(value)


def _globals() -> dict:
    return {"council_name": current_app.config["COUNCIL_NAME"]}


def _security_headers(response: Response) -> Response:
    # Answers may be personal: never keep respondent pages in shared caches. Served over HTTPS,
    # browsers must never come back over plain HTTP (a year, renewed each visit).
    wanted = _WITH_HSTS if current_app.config["SESSION_COOKIE_SECURE"] else _DEFAULTS
    # A view's own header wins. One pass over the names set: setdefault scanned them per header.
    present = {name.lower() for name, _ in response.headers}
    response.headers.extend([(name, value) for low, name, value in wanted if low not in present])
    return response

